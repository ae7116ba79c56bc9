#!/bin/sh
# Rebuilds tiny.elf, the SuperH ELF fixture of cargo-prizm's tests, from tiny.s and
# tiny.ld with GNU binutils for sh-elf (Debian: apt-get install binutils-sh-elf).
# Usage: make-fixtures.sh [OUTPUT-DIR]   (default: this directory)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mkdir -p "${1:-$here}" && cd "${1:-$here}" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sh-elf-as --big -o "$tmp/tiny.o" "$here/tiny.s"
sh-elf-ld -EB -n -s -T "$here/tiny.ld" -o "$out/tiny.elf" "$tmp/tiny.o"
echo "wrote $out/tiny.elf ($(wc -c < "$out/tiny.elf") bytes)"
