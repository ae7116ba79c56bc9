#!/bin/sh
# Reproduces the display benchmark of BENCH.md: builds tools/bench/bench.c with
# sh-elf-gcc -O2 and tests/addins/bench-display at -Os and -O2, runs both in prizm-emu and
# prints the instruction counts (also written to target/bench/results.md; listings in
# target/bench/bench-c.dis and target/bench-O*/sh4-prizm/release/bench-display.dis).
#
#   tools/bench/run.sh                  # both Rust opt-levels
#   BENCH_OPT_LEVELS=s tools/bench/run.sh
#   SH_ELF_GCC=/path/to/sh-elf-gcc tools/bench/run.sh
set -e
cd "$(dirname "$0")/../.."
# tools/setup's GCC, unless another sh-elf-gcc is on the PATH.
toolchain_bin=${PRIZM_HOME:-$HOME/.cache/prizm-sdk}/current/bin
if ! command -v "${SH_ELF_GCC:-sh-elf-gcc}" >/dev/null 2>&1 && [ -x "$toolchain_bin/sh-elf-gcc" ]; then
    PATH=$toolchain_bin:$PATH
    export PATH
fi
exec cargo test -q --test emu_sdk_bench -- --ignored --nocapture
