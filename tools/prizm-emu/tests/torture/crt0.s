! Start-up for the differential tests: call main(0, 0), then exit with its value.
! Also setjmp/longjmp (r8-r15 and PR in a jmp_buf of int[16]).
    .section .text.start,"ax"
    .global start
start:
    mov.l   .Lmain,r1
    mov     #0,r4
    jsr     @r1
    mov     #0,r5
    mov     r0,r4
    mov.l   .Lexit,r1
    jsr     @r1
    nop
1:  bra     1b
    nop
    .align 2
.Lmain: .long _main
.Lexit: .long _exit

    .text
    .global _setjmp
_setjmp:
    mov.l   r8,@(0,r4)
    mov.l   r9,@(4,r4)
    mov.l   r10,@(8,r4)
    mov.l   r11,@(12,r4)
    mov.l   r12,@(16,r4)
    mov.l   r13,@(20,r4)
    mov.l   r14,@(24,r4)
    mov.l   r15,@(28,r4)
    sts     pr,r0
    mov.l   r0,@(32,r4)
    rts
    mov     #0,r0

    .global _longjmp
_longjmp:
    mov.l   @(0,r4),r8
    mov.l   @(4,r4),r9
    mov.l   @(8,r4),r10
    mov.l   @(12,r4),r11
    mov.l   @(16,r4),r12
    mov.l   @(20,r4),r13
    mov.l   @(24,r4),r14
    mov.l   @(28,r4),r15
    mov.l   @(32,r4),r0
    lds     r0,pr
    mov     r5,r0
    tst     r0,r0
    bf      2f
    mov     #1,r0
2:  rts
    nop
