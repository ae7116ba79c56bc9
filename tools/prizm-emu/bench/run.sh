#!/bin/sh
# Builds bench/cpu_bench.c as a static Linux/SH ELF and runs the benchmark example.
# Usage: tools/prizm-emu/bench/run.sh [RUNS] [--interpret]   (from the repository root)
set -e
G=${PRIZM_EMU_GCC:-$HOME/.cache/prizm-sdk/current/bin/sh-elf-gcc}
T=tools/prizm-emu/tests/torture
O=${TMPDIR:-/tmp}/prizm-emu-bench
mkdir -p "$O"
F="-O2 -m4-nofpu -mb"
$G $F -c $T/crt0.s -o "$O/crt0.o"
$G $F -fno-builtin -fno-tree-loop-distribute-patterns -I $T/include -c $T/libc.c -o "$O/libc.o"
$G $F -I $T/include -c tools/prizm-emu/bench/cpu_bench.c -o "$O/bench.o"
$G -mb -m4-nofpu -nostdlib -static -Wl,-z,max-page-size=0x10000 -T $T/link.ld \
    "$O/crt0.o" "$O/libc.o" "$O/bench.o" -lgcc -o "$O/bench.elf"
# The workspace's release profile optimises for size (add-ins); the emulator wants speed.
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo run --release -q -p prizm-emu --example bench -- "$O/bench.elf" "${1:-3}" $2
