/* Entry at 0x00300000 and the OS-call stubs of the C benchmark. */
    .section .text.prizm.start, "ax"
    .global _start
    .align 2
_start:
    mov.l 1f, r0
    jmp @r0
    nop
    .align 2
1:  .long _bench_main

    .text
    .macro syscall name, num
    .global _\name
    .align 2
_\name:
    mov.l 1f, r2
    mov.l 2f, r0
    jmp @r2
    nop
    .align 2
1:  .long 0x80020070
2:  .long \num
    .endm

    syscall RTC_GetTicks, 0x02C1
    syscall GetVRAMAddress, 0x01E6
    syscall GetKey, 0x0EAB
