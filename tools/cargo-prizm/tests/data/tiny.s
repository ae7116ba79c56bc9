! A tiny SuperH add-in body for the ELF-to-image tests of cargo-prizm: code in ROM at
! 0x00300000, read-only data after it, initialised data loaded from ROM into RAM at
! 0x08100000, and a .bss that takes no room in the image.
        .section .text.prizm.start, "ax"
        .global _prizm_start
_prizm_start:
        mov.l   value_addr, r1
        mov.l   @r1, r0
        rts
        nop
        .align  2
value_addr:
        .long   _value

        .section .rodata, "a"
message:
        .ascii  "RODATA!!"

        .section .data, "aw"
        .global _value
_value:
        .long   0x12345678
        .long   0x9ABCDEF0

        .section .bss, "aw", @nobits
buffer:
        .space  64
