//! One unit test per instruction: snippets assembled with `sh-elf-as` (big-endian),
//! run from 0x00300000 until a `sleep`, with registers and memory set and checked
//! through small `name=value` specs.

use super::decode::{DECODE, OP_COUNT, Op, decode};
use super::{Cpu, Exception, Stop};
use crate::machine::bus::Memory;
use crate::machine::fault::Fault;
use std::collections::{HashMap, HashSet};
use std::process::Command;
use std::sync::OnceLock;

const CODE: u32 = 0x0030_0000;
const RAM: u32 = 0x0810_0000;

/// A test case: name, assembly (a `sleep` is appended), initial state, expected state.
/// State specs are space-separated `reg=value` (r0-r15, t s q m mach macl pr gbr vbr
/// ssr spc sgr dbr sr) or `@addr=value` (32-bit memory word), values in C syntax.
type Case = (&'static str, &'static str, &'static str, &'static str);

fn cases() -> Vec<Case> {
    vec![
        // ---- moves ----
        ("mov", "mov r1,r2", "r1=7", "r2=7"),
        ("mov_imm", "mov #-2,r3", "", "r3=0xfffffffe"),
        (
            "mov_w_pc",
            "mov.w 1f,r1\n bra 2f\n nop\n1: .word 0x8001\n2:",
            "",
            "r1=0xffff8001",
        ),
        (
            "mov_l_pc",
            "mov.l 1f,r1\n bra 2f\n nop\n.align 2\n1: .long 0x12345678\n2:",
            "",
            "r1=0x12345678",
        ),
        (
            "mova",
            "mova 1f,r0\n mov.l @r0,r1\n bra 2f\n nop\n.align 2\n1: .long 0xcafe\n2:",
            "",
            "r1=0xcafe",
        ),
        (
            "mov_b_store",
            "mov.b r1,@r2",
            "r1=0x1ff r2=0x08100000",
            "@0x08100000=0xff000000",
        ),
        (
            "mov_w_store",
            "mov.w r1,@r2",
            "r1=0x12345 r2=0x08100002",
            "@0x08100000=0x2345",
        ),
        (
            "mov_l_store",
            "mov.l r1,@r2",
            "r1=0x12345678 r2=0x08100004",
            "@0x08100004=0x12345678",
        ),
        (
            "mov_b_load",
            "mov.b @r2,r1",
            "r2=0x08100000 @0x08100000=0x80000000",
            "r1=0xffffff80",
        ),
        (
            "mov_w_load",
            "mov.w @r2,r1",
            "r2=0x08100000 @0x08100000=0x7fff0000",
            "r1=0x7fff",
        ),
        (
            "mov_l_load",
            "mov.l @r2,r1",
            "r2=0x08100000 @0x08100000=0xdeadbeef",
            "r1=0xdeadbeef",
        ),
        (
            "mov_b_predec",
            "mov.b r1,@-r2",
            "r1=0xab r2=0x08100001",
            "r2=0x08100000 @0x08100000=0xab000000",
        ),
        (
            "mov_w_predec",
            "mov.w r1,@-r2",
            "r1=0xabcd r2=0x08100002",
            "r2=0x08100000 @0x08100000=0xabcd0000",
        ),
        (
            "mov_l_predec",
            "mov.l r1,@-r2",
            "r1=5 r2=0x08100004",
            "r2=0x08100000 @0x08100000=5",
        ),
        (
            "mov_l_predec_same",
            "mov.l r2,@-r2",
            "r2=0x08100004",
            "r2=0x08100000 @0x08100000=0x08100004",
        ),
        (
            "mov_b_postinc",
            "mov.b @r2+,r1",
            "r2=0x08100000 @0x08100000=0x7f000000",
            "r1=0x7f r2=0x08100001",
        ),
        (
            "mov_w_postinc",
            "mov.w @r2+,r1",
            "r2=0x08100000 @0x08100000=0xfffe0000",
            "r1=0xfffffffe r2=0x08100002",
        ),
        (
            "mov_l_postinc",
            "mov.l @r2+,r1",
            "r2=0x08100000 @0x08100000=9",
            "r1=9 r2=0x08100004",
        ),
        (
            "mov_l_postinc_same",
            "mov.l @r2+,r2",
            "r2=0x08100000 @0x08100000=9",
            "r2=9",
        ),
        (
            "mov_b_r0_store",
            "mov.b r1,@(r0,r2)",
            "r0=3 r1=0x55 r2=0x08100000",
            "@0x08100000=0x55",
        ),
        (
            "mov_w_r0_store",
            "mov.w r1,@(r0,r2)",
            "r0=2 r1=0x5566 r2=0x08100000",
            "@0x08100000=0x5566",
        ),
        (
            "mov_l_r0_store",
            "mov.l r1,@(r0,r2)",
            "r0=4 r1=7 r2=0x08100000",
            "@0x08100004=7",
        ),
        (
            "mov_b_r0_load",
            "mov.b @(r0,r2),r1",
            "r0=3 r2=0x08100000 @0x08100000=0x000000f0",
            "r1=0xfffffff0",
        ),
        (
            "mov_w_r0_load",
            "mov.w @(r0,r2),r1",
            "r0=2 r2=0x08100000 @0x08100000=0x00001234",
            "r1=0x1234",
        ),
        (
            "mov_l_r0_load",
            "mov.l @(r0,r2),r1",
            "r0=4 r2=0x08100000 @0x08100004=42",
            "r1=42",
        ),
        (
            "mov_l_disp_store",
            "mov.l r1,@(8,r2)",
            "r1=3 r2=0x08100000",
            "@0x08100008=3",
        ),
        (
            "mov_l_disp_load",
            "mov.l @(60,r2),r1",
            "r2=0x08100000 @0x0810003c=77",
            "r1=77",
        ),
        (
            "mov_b_disp_store",
            "mov.b r0,@(3,r2)",
            "r0=0x12 r2=0x08100000",
            "@0x08100000=0x12",
        ),
        (
            "mov_w_disp_store",
            "mov.w r0,@(2,r2)",
            "r0=0x1234 r2=0x08100000",
            "@0x08100000=0x1234",
        ),
        (
            "mov_b_disp_load",
            "mov.b @(1,r2),r0",
            "r2=0x08100000 @0x08100000=0x00ff0000",
            "r0=0xffffffff",
        ),
        (
            "mov_w_disp_load",
            "mov.w @(30,r2),r0",
            "r2=0x08100000 @0x0810001c=0x00000102",
            "r0=0x102",
        ),
        (
            "mov_b_gbr_store",
            "mov.b r0,@(1,gbr)",
            "r0=0xaa gbr=0x08100000",
            "@0x08100000=0x00aa0000",
        ),
        (
            "mov_w_gbr_store",
            "mov.w r0,@(2,gbr)",
            "r0=0xaabb gbr=0x08100000",
            "@0x08100000=0x0000aabb",
        ),
        (
            "mov_l_gbr_store",
            "mov.l r0,@(4,gbr)",
            "r0=1 gbr=0x08100000",
            "@0x08100004=1",
        ),
        (
            "mov_b_gbr_load",
            "mov.b @(0,gbr),r0",
            "gbr=0x08100000 @0x08100000=0x81000000",
            "r0=0xffffff81",
        ),
        (
            "mov_w_gbr_load",
            "mov.w @(2,gbr),r0",
            "gbr=0x08100000 @0x08100000=0x00000081",
            "r0=0x81",
        ),
        (
            "mov_l_gbr_load",
            "mov.l @(8,gbr),r0",
            "gbr=0x08100000 @0x08100008=0x81",
            "r0=0x81",
        ),
        ("movt", "movt r1", "t=1", "r1=1"),
        ("swap_b", "swap.b r1,r2", "r1=0x11223344", "r2=0x11224433"),
        ("swap_w", "swap.w r1,r2", "r1=0x11223344", "r2=0x33441122"),
        (
            "xtrct",
            "xtrct r1,r2",
            "r1=0x11223344 r2=0x55667788",
            "r2=0x33445566",
        ),
        ("extu_b", "extu.b r1,r2", "r1=0xfff0", "r2=0xf0"),
        ("extu_w", "extu.w r1,r2", "r1=0xfffff0f0", "r2=0xf0f0"),
        ("exts_b", "exts.b r1,r2", "r1=0x80", "r2=0xffffff80"),
        ("exts_w", "exts.w r1,r2", "r1=0x8000", "r2=0xffff8000"),
        (
            "movua_l",
            "movua.l @r1,r0",
            "r1=0x08100001 @0x08100000=0x00112233 @0x08100004=0x44000000",
            "r0=0x11223344 r1=0x08100001",
        ),
        (
            "movua_l_inc",
            "movua.l @r1+,r0",
            "r1=0x08100003 @0x08100000=0x00000011 @0x08100004=0x22334400",
            "r0=0x11223344 r1=0x08100007",
        ),
        (
            "movli_movco",
            "movli.l @r1,r0\n add #1,r0\n movco.l r0,@r1",
            "r1=0x08100000 @0x08100000=41",
            "@0x08100000=42 t=1",
        ),
        (
            "movco_fails",
            "movli.l @r1,r0\n movco.l r0,@r1\n movco.l r0,@r1",
            "r1=0x08100000 @0x08100000=1",
            "t=0",
        ),
        (
            "movca_l",
            "movca.l r0,@r1",
            "r0=6 r1=0x08100000",
            "@0x08100000=6",
        ),
        // ---- arithmetic ----
        ("add", "add r1,r2", "r1=5 r2=6", "r2=11"),
        ("add_imm", "add #-1,r2", "r2=0", "r2=0xffffffff"),
        ("addc", "addc r1,r2", "r1=0xffffffff r2=1 t=1", "r2=1 t=1"),
        ("addc_nocarry", "addc r1,r2", "r1=1 r2=1 t=1", "r2=3 t=0"),
        (
            "addv",
            "addv r1,r2",
            "r1=0x7fffffff r2=1",
            "r2=0x80000000 t=1",
        ),
        ("addv_ok", "addv r1,r2", "r1=1 r2=1 t=1", "r2=2 t=0"),
        ("sub", "sub r1,r2", "r1=5 r2=3", "r2=0xfffffffe"),
        ("subc", "subc r1,r2", "r1=1 r2=1 t=1", "r2=0xffffffff t=1"),
        ("subc_noborrow", "subc r1,r2", "r1=1 r2=5 t=1", "r2=3 t=0"),
        (
            "subv",
            "subv r1,r2",
            "r1=1 r2=0x80000000",
            "r2=0x7fffffff t=1",
        ),
        ("subv_ok", "subv r1,r2", "r1=1 r2=5 t=1", "r2=4 t=0"),
        ("neg", "neg r1,r2", "r1=1", "r2=0xffffffff"),
        ("negc", "negc r1,r2", "r1=0 t=1", "r2=0xffffffff t=1"),
        ("negc_zero", "negc r1,r2", "r1=0 t=0", "r2=0 t=0"),
        ("dt", "dt r1", "r1=1", "r1=0 t=1"),
        ("dt_nonzero", "dt r1", "r1=0 t=1", "r1=0xffffffff t=0"),
        ("cmp_eq", "cmp/eq r1,r2", "r1=3 r2=3", "t=1"),
        ("cmp_eq_imm", "cmp/eq #-1,r0", "r0=0xffffffff", "t=1"),
        ("cmp_hs", "cmp/hs r1,r2", "r1=0xffffffff r2=1 t=1", "t=0"),
        ("cmp_hi", "cmp/hi r1,r2", "r1=1 r2=0xffffffff", "t=1"),
        ("cmp_ge", "cmp/ge r1,r2", "r1=1 r2=0xffffffff t=1", "t=0"),
        ("cmp_gt", "cmp/gt r1,r2", "r1=0xffffffff r2=0", "t=1"),
        ("cmp_pz", "cmp/pz r1", "r1=0", "t=1"),
        ("cmp_pl", "cmp/pl r1", "r1=0 t=1", "t=0"),
        (
            "cmp_str",
            "cmp/str r1,r2",
            "r1=0x11223344 r2=0x55225566",
            "t=1",
        ),
        (
            "cmp_str_no",
            "cmp/str r1,r2",
            "r1=0x11223344 r2=0x55667788 t=1",
            "t=0",
        ),
        ("div0s", "div0s r1,r2", "r1=0x80000000 r2=1", "q=0 m=1 t=1"),
        ("div0u", "div0u", "q=1 m=1 t=1", "q=0 m=0 t=0"),
        // 32/16 unsigned division as in the SH manual: r1 / r0 (r0 divisor << 16).
        (
            "div1_unsigned",
            "shll16 r0\n div0u\n .rept 16\n div1 r0,r1\n .endr\n rotcl r1\n extu.w r1,r1",
            "r0=7 r1=100",
            "r1=14",
        ),
        // 32-bit signed division by repeated div1 (r1 / r0), as GCC's sdivsi3 does.
        // 32-bit signed division r2 / r0 with div0s and 32 div1 steps (one's-complement
        // correction as in the SH manual's example).
        (
            "div1_signed",
            "mov r2,r3\n rotcl r3\n subc r1,r1\n mov #0,r3\n subc r3,r2\n div0s r0,r1\n .rept 32\n rotcl r2\n div1 r0,r1\n .endr\n rotcl r2\n addc r3,r2",
            "r0=7 r2=0xffffff9c",
            "r2=0xfffffff2",
        ),
        (
            "mul_l",
            "mul.l r1,r2",
            "r1=0x10001 r2=0x10001",
            "macl=0x20001",
        ),
        (
            "muls_w",
            "muls.w r1,r2",
            "r1=0xffff r2=3",
            "macl=0xfffffffd",
        ),
        ("mulu_w", "mulu.w r1,r2", "r1=0xffff r2=3", "macl=0x2fffd"),
        (
            "dmuls_l",
            "dmuls.l r1,r2",
            "r1=0xffffffff r2=2",
            "mach=0xffffffff macl=0xfffffffe",
        ),
        (
            "dmulu_l",
            "dmulu.l r1,r2",
            "r1=0xffffffff r2=2",
            "mach=1 macl=0xfffffffe",
        ),
        (
            "mac_l",
            "mac.l @r1+,@r2+",
            "r1=0x08100000 r2=0x08100004 @0x08100000=0xfffffffe @0x08100004=3 mach=0 macl=10",
            "mach=0 macl=4 r1=0x08100004 r2=0x08100008",
        ),
        (
            "mac_l_sat",
            "mac.l @r1+,@r2+",
            "s=1 r1=0x08100000 r2=0x08100004 @0x08100000=0x7fffffff @0x08100004=0x7fffffff mach=0x00007fff macl=0",
            "mach=0x00007fff macl=0xffffffff",
        ),
        (
            "mac_w",
            "mac.w @r1+,@r2+",
            "r1=0x08100000 r2=0x08100002 @0x08100000=0xfffe0003 mach=0 macl=0",
            "mach=0xffffffff macl=0xfffffffa r1=0x08100002 r2=0x08100004",
        ),
        (
            "mac_w_sat",
            "mac.w @r1+,@r2+",
            "s=1 r1=0x08100000 r2=0x08100002 @0x08100000=0x7fff7fff mach=0 macl=0x7fffffff",
            "macl=0x7fffffff mach=1",
        ),
        ("clrmac", "clrmac", "mach=1 macl=2", "mach=0 macl=0"),
        // ---- logic ----
        ("and", "and r1,r2", "r1=0xf0f0 r2=0xff00", "r2=0xf000"),
        ("and_imm", "and #0x0f,r0", "r0=0xffff", "r0=0xf"),
        ("or", "or r1,r2", "r1=0xf0 r2=0x0f", "r2=0xff"),
        ("or_imm", "or #0x80,r0", "r0=1", "r0=0x81"),
        ("xor", "xor r1,r2", "r1=0xff r2=0x0f", "r2=0xf0"),
        ("xor_imm", "xor #0xff,r0", "r0=0xf", "r0=0xf0"),
        ("not", "not r1,r2", "r1=0", "r2=0xffffffff"),
        ("tst", "tst r1,r2", "r1=1 r2=2", "t=1"),
        ("tst_imm", "tst #1,r0", "r0=3", "t=0"),
        (
            "tst_b",
            "tst.b #0x80,@(r0,gbr)",
            "r0=1 gbr=0x08100000 @0x08100000=0x00800000",
            "t=0",
        ),
        (
            "and_b",
            "and.b #0x0f,@(r0,gbr)",
            "r0=0 gbr=0x08100000 @0x08100000=0xff000000",
            "@0x08100000=0x0f000000",
        ),
        (
            "or_b",
            "or.b #0x0f,@(r0,gbr)",
            "r0=0 gbr=0x08100000 @0x08100000=0xf0000000",
            "@0x08100000=0xff000000",
        ),
        (
            "xor_b",
            "xor.b #0xff,@(r0,gbr)",
            "r0=0 gbr=0x08100000 @0x08100000=0xf0000000",
            "@0x08100000=0x0f000000",
        ),
        (
            "tas_b",
            "tas.b @r1",
            "r1=0x08100000 @0x08100000=0",
            "t=1 @0x08100000=0x80000000",
        ),
        (
            "tas_b_set",
            "tas.b @r1",
            "t=1 r1=0x08100000 @0x08100000=0x01000000",
            "t=0 @0x08100000=0x81000000",
        ),
        // ---- shifts ----
        ("shll", "shll r1", "r1=0x80000001", "r1=2 t=1"),
        ("shal", "shal r1", "r1=0x40000000 t=1", "r1=0x80000000 t=0"),
        ("shlr", "shlr r1", "r1=0x80000001", "r1=0x40000000 t=1"),
        ("shar", "shar r1", "r1=0x80000001", "r1=0xc0000000 t=1"),
        ("rotl", "rotl r1", "r1=0x80000000", "r1=1 t=1"),
        ("rotr", "rotr r1", "r1=1", "r1=0x80000000 t=1"),
        ("rotcl", "rotcl r1", "r1=0x80000000 t=1", "r1=1 t=1"),
        ("rotcr", "rotcr r1", "r1=2 t=1", "r1=0x80000001 t=0"),
        ("shll2", "shll2 r1", "r1=0xc0000001", "r1=4"),
        ("shlr2", "shlr2 r1", "r1=0x13", "r1=4"),
        ("shll8", "shll8 r1", "r1=0x12345678", "r1=0x34567800"),
        ("shlr8", "shlr8 r1", "r1=0x12345678", "r1=0x123456"),
        ("shll16", "shll16 r1", "r1=0x12345678", "r1=0x56780000"),
        ("shlr16", "shlr16 r1", "r1=0x12345678", "r1=0x1234"),
        ("shad_left", "shad r1,r2", "r1=4 r2=1", "r2=16"),
        (
            "shad_right",
            "shad r1,r2",
            "r1=0xfffffffe r2=0x80000000",
            "r2=0xe0000000",
        ),
        (
            "shad_right32",
            "shad r1,r2",
            "r1=0xffffffe0 r2=0x80000000",
            "r2=0xffffffff",
        ),
        ("shld_left", "shld r1,r2", "r1=31 r2=1", "r2=0x80000000"),
        (
            "shld_right",
            "shld r1,r2",
            "r1=0xfffffffe r2=0x80000000",
            "r2=0x20000000",
        ),
        (
            "shld_right32",
            "shld r1,r2",
            "r1=0xffffffe0 r2=0x80000000",
            "r2=0",
        ),
        // ---- T / S ----
        ("clrt", "clrt", "t=1", "t=0"),
        ("sett", "sett", "", "t=1"),
        ("clrs", "clrs", "s=1", "s=0"),
        ("sets", "sets", "", "s=1"),
        ("nop", "nop", "r1=1", "r1=1"),
        (
            "cache_ops",
            "ocbi @r1\n ocbp @r1\n ocbwb @r1\n pref @r1\n prefi @r1\n icbi @r1\n synco",
            "r1=0x08100000",
            "r1=0x08100000",
        ),
        // ---- branches ----
        (
            "bt_taken",
            "sett\n bt 1f\n mov #1,r1\n1: mov #2,r2",
            "",
            "r1=0 r2=2",
        ),
        (
            "bt_not_taken",
            "clrt\n bt 1f\n mov #1,r1\n1: mov #2,r2",
            "",
            "r1=1 r2=2",
        ),
        ("bf_taken", "clrt\n bf 1f\n mov #1,r1\n1:", "", "r1=0"),
        ("bf_not_taken", "sett\n bf 1f\n mov #1,r1\n1:", "", "r1=1"),
        (
            "bt_s",
            "sett\n bt/s 1f\n mov #3,r3\n mov #1,r1\n1:",
            "",
            "r1=0 r3=3",
        ),
        (
            "bf_s",
            "clrt\n bf/s 1f\n mov #3,r3\n mov #1,r1\n1:",
            "",
            "r1=0 r3=3",
        ),
        (
            "bf_s_not_taken",
            "sett\n bf/s 1f\n mov #3,r3\n mov #1,r1\n1:",
            "",
            "r1=1 r3=3",
        ),
        ("bra", "bra 1f\n mov #3,r3\n mov #1,r1\n1:", "", "r1=0 r3=3"),
        (
            "bsr",
            "bsr 1f\n mov #3,r3\n mov #1,r1\n bra 2f\n nop\n1: rts\n mov #4,r4\n2:",
            "",
            "r1=1 r3=3 r4=4",
        ),
        (
            "braf",
            "mov #2,r0\n braf r0\n mov #3,r3\n mov #1,r1\n mov #2,r2\n",
            "",
            "r1=0 r2=2 r3=3",
        ),
        (
            "bsrf",
            "mov #6,r0\n bsrf r0\n nop\n mov #1,r1\n bra 2f\n nop\n rts\n mov #4,r4\n2:",
            "",
            "r1=1 r4=4",
        ),
        (
            "jmp",
            "mova 1f,r0\n jmp @r0\n mov #3,r3\n mov #1,r1\n.align 2\n1:",
            "",
            "r1=0 r3=3",
        ),
        (
            "jsr",
            "mova 1f,r0\n jsr @r0\n nop\n mov #1,r1\n bra 2f\n nop\n.align 2\n1: rts\n mov #5,r5\n2:",
            "",
            "r1=1 r5=5",
        ),
        (
            "jmp_slot_changes_reg",
            "mova 1f,r0\n mov r0,r2\n jmp @r2\n mov #0,r2\n mov #1,r1\n.align 2\n1:",
            "",
            "r1=0 r2=0",
        ),
        (
            "rts_slot_lds_pr",
            "mova 1f,r0\n lds r0,pr\n rts\n mov #0,r0\n mov #1,r1\n.align 2\n1:",
            "",
            "r1=0 r0=0",
        ),
        (
            "slot_pc_relative",
            "bra 1f\n mov.l 2f,r1\n.align 2\n2: .long 0x1234\n1:",
            "",
            "r1=0x1234",
        ),
        (
            "rte",
            "mova 1f,r0\n ldc r0,spc\n mov #0,r0\n ldc r0,ssr\n rte\n mov #7,r7\n mov #1,r1\n.align 2\n1:",
            "",
            "r1=0 r7=7 sr=0",
        ),
        // ---- system registers ----
        (
            "ldc_stc_sr",
            "ldc r1,sr\n stc sr,r2",
            "r1=0x40000301",
            "r2=0x40000301 t=1 q=1 m=1",
        ),
        (
            "ldc_stc_gbr",
            "ldc r1,gbr\n stc gbr,r2",
            "r1=11",
            "r2=11 gbr=11",
        ),
        (
            "ldc_stc_vbr",
            "ldc r1,vbr\n stc vbr,r2",
            "r1=12",
            "r2=12 vbr=12",
        ),
        (
            "ldc_stc_ssr",
            "ldc r1,ssr\n stc ssr,r2",
            "r1=13",
            "r2=13 ssr=13",
        ),
        (
            "ldc_stc_spc",
            "ldc r1,spc\n stc spc,r2",
            "r1=14",
            "r2=14 spc=14",
        ),
        (
            "ldc_stc_sgr",
            "ldc r1,sgr\n stc sgr,r2",
            "r1=15",
            "r2=15 sgr=15",
        ),
        (
            "ldc_stc_dbr",
            "ldc r1,dbr\n stc dbr,r2",
            "r1=16",
            "r2=16 dbr=16",
        ),
        (
            "ldc_stc_bank",
            "ldc r1,r3_bank\n stc r3_bank,r2",
            "r1=17",
            "r2=17",
        ),
        (
            "bank_switch",
            "mov #9,r3\n ldc r1,sr\n mov #5,r3\n stc r3_bank,r8\n ldc r2,sr",
            "r1=0x60000000 r2=0x40000000",
            "r3=9 r8=9",
        ),
        (
            "lds_sts_mach",
            "lds r1,mach\n sts mach,r2",
            "r1=18",
            "r2=18 mach=18",
        ),
        (
            "lds_sts_macl",
            "lds r1,macl\n sts macl,r2",
            "r1=19",
            "r2=19 macl=19",
        ),
        (
            "lds_sts_pr",
            "lds r1,pr\n sts pr,r2",
            "r1=20",
            "r2=20 pr=20",
        ),
        (
            "ldc_l_stc_l_sr",
            "stc.l sr,@-r15\n ldc.l @r15+,sr",
            "r15=0x08100010 t=1",
            "r15=0x08100010 @0x0810000c=0x40000001 t=1",
        ),
        (
            "ldc_l_stc_l_gbr",
            "stc.l gbr,@-r15\n ldc.l @r15+,vbr",
            "r15=0x08100010 gbr=21",
            "vbr=21 r15=0x08100010",
        ),
        (
            "ldc_l_stc_l_vbr",
            "stc.l vbr,@-r15\n ldc.l @r15+,gbr",
            "r15=0x08100010 vbr=22",
            "gbr=22",
        ),
        (
            "ldc_l_stc_l_ssr",
            "stc.l ssr,@-r15\n ldc.l @r15+,spc",
            "r15=0x08100010 ssr=23",
            "spc=23",
        ),
        (
            "ldc_l_stc_l_spc",
            "stc.l spc,@-r15\n ldc.l @r15+,ssr",
            "r15=0x08100010 spc=24",
            "ssr=24",
        ),
        (
            "ldc_l_stc_l_sgr",
            "stc.l sgr,@-r15\n ldc.l @r15+,dbr",
            "r15=0x08100010 sgr=25",
            "dbr=25",
        ),
        (
            "ldc_l_stc_l_dbr",
            "stc.l dbr,@-r15\n ldc.l @r15+,sgr",
            "r15=0x08100010 dbr=26",
            "sgr=26",
        ),
        (
            "ldc_l_stc_l_bank",
            "mov #27,r1\n ldc r1,r2_bank\n stc.l r2_bank,@-r15\n ldc.l @r15+,r5_bank\n stc r5_bank,r6",
            "r15=0x08100010",
            "r6=27",
        ),
        (
            "lds_l_sts_l_mach",
            "sts.l mach,@-r15\n lds.l @r15+,macl",
            "r15=0x08100010 mach=28",
            "macl=28",
        ),
        (
            "lds_l_sts_l_macl",
            "sts.l macl,@-r15\n lds.l @r15+,mach",
            "r15=0x08100010 macl=29",
            "mach=29",
        ),
        (
            "lds_l_sts_l_pr",
            "sts.l pr,@-r15\n mov.l @r15,r1\n lds.l @r15+,pr",
            "r15=0x08100010 pr=30",
            "r1=30 pr=30 r15=0x08100010",
        ),
    ]
}

/// Assembles every case once: returns the binary and each case's start offset.
fn assembled() -> &'static (Vec<u8>, HashMap<String, u32>) {
    static ASM: OnceLock<(Vec<u8>, HashMap<String, u32>)> = OnceLock::new();
    ASM.get_or_init(|| {
        let mut src = String::from(".text\n");
        for (name, code, _, _) in cases() {
            src.push_str(&format!(
                ".align 2\n.global c_{name}\nc_{name}:\n {code}\n sleep\n nop\n"
            ));
        }
        assemble(&src, "cases")
    })
}

/// Assembles `src` with sh-elf-as; returns the .text bytes and global symbol offsets.
pub(crate) fn assemble(src: &str, tag: &str) -> (Vec<u8>, HashMap<String, u32>) {
    let dir = std::env::temp_dir().join(format!("prizm-emu-asm-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let s = dir.join("t.s");
    let o = dir.join("t.o");
    let b = dir.join("t.bin");
    std::fs::write(&s, src).unwrap();
    let st = Command::new("sh-elf-as")
        .args(["-big", "--isa=sh4a-nofpu", "-o"])
        .arg(&o)
        .arg(&s)
        .status()
        .expect("sh-elf-as (Debian package binutils-sh-elf) is needed by these tests");
    assert!(st.success(), "sh-elf-as failed");
    let st = Command::new("sh-elf-objcopy")
        .args(["-O", "binary", "-j", ".text"])
        .arg(&o)
        .arg(&b)
        .status()
        .unwrap();
    assert!(st.success());
    let nm = Command::new("sh-elf-nm").arg(&o).output().unwrap();
    let mut syms = HashMap::new();
    for line in String::from_utf8_lossy(&nm.stdout).lines() {
        let parts: Vec<_> = line.split_whitespace().collect();
        if parts.len() == 3 {
            syms.insert(
                parts[2].to_string(),
                u32::from_str_radix(parts[0], 16).unwrap(),
            );
        }
    }
    let bin = std::fs::read(&b).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (bin, syms)
}

fn parse_num(s: &str) -> u32 {
    if let Some(h) = s.strip_prefix("0x") {
        u32::from_str_radix(h, 16).unwrap()
    } else if let Some(d) = s.strip_prefix('-') {
        (d.parse::<i64>().unwrap() as i32).wrapping_neg() as u32
    } else {
        s.parse().unwrap()
    }
}

/// A CPU with `bin` at 0x00300000 and 256 KiB of RAM at 0x08100000.
pub(crate) fn machine(bin: &[u8]) -> Cpu {
    let mut mem = Memory::new();
    mem.map(CODE, 0x10000.max(bin.len() as u32), false);
    mem.map(RAM, 0x40000, true);
    assert!(mem.load(CODE, bin));
    let mut cpu = Cpu::new(mem);
    cpu.pc = CODE;
    cpu
}

fn apply(cpu: &mut Cpu, spec: &str) {
    for item in spec.split_whitespace() {
        let (k, v) = item.split_once('=').unwrap();
        let v = parse_num(v);
        if let Some(a) = k.strip_prefix('@') {
            cpu.poke(parse_num(a), 4, v).unwrap();
        } else {
            *reg(cpu, k) = v;
        }
    }
}

fn reg<'a>(cpu: &'a mut Cpu, k: &str) -> &'a mut u32 {
    if let Some(n) = k.strip_prefix('r')
        && let Ok(n) = n.parse::<usize>()
    {
        return &mut cpu.r[n];
    }
    match k {
        "t" => &mut cpu.t,
        "s" => &mut cpu.s,
        "q" => &mut cpu.q,
        "m" => &mut cpu.m,
        "mach" => &mut cpu.mach,
        "macl" => &mut cpu.macl,
        "pr" => &mut cpu.pr,
        "gbr" => &mut cpu.gbr,
        "vbr" => &mut cpu.vbr,
        "ssr" => &mut cpu.ssr,
        "spc" => &mut cpu.spc,
        "sgr" => &mut cpu.sgr,
        "dbr" => &mut cpu.dbr,
        _ => panic!("unknown register {k}"),
    }
}

fn check(cpu: &mut Cpu, spec: &str, name: &str) {
    for item in spec.split_whitespace() {
        let (k, v) = item.split_once('=').unwrap();
        let want = parse_num(v);
        let got = if let Some(a) = k.strip_prefix('@') {
            cpu.peek(parse_num(a), 4).unwrap()
        } else if k == "sr" {
            cpu.sr() & !0x4000_0000
        } else {
            *reg(cpu, k)
        };
        assert_eq!(got, want, "case {name}: {k} = {got:#x}, expected {want:#x}");
    }
}

fn run_case(name: &str) -> Cpu {
    let (bin, syms) = assembled();
    let (_, _, init, _) = cases().into_iter().find(|c| c.0 == name).unwrap();
    let mut cpu = machine(bin);
    cpu.pc = CODE + syms[&format!("c_{name}")];
    apply(&mut cpu, init);
    let stop = cpu.run(10_000);
    assert_eq!(
        stop,
        Stop::Sleep,
        "case {name} did not reach its sleep: {stop:?}"
    );
    cpu
}

#[test]
fn every_case() {
    for (name, _, _, expect) in cases() {
        let mut cpu = run_case(name);
        check(&mut cpu, expect, name);
    }
}

#[test]
fn signed_division_result() {
    for (a, b) in [
        (-100i32, 7i32),
        (100, -7),
        (-100, -7),
        (i32::MAX, 3),
        (i32::MIN + 1, 2),
        (5, 9),
    ] {
        let (bin, syms) = assembled();
        let mut cpu = machine(bin);
        cpu.pc = CODE + syms["c_div1_signed"];
        cpu.r[2] = a as u32;
        cpu.r[0] = b as u32;
        assert_eq!(cpu.run(1000), Stop::Sleep);
        assert_eq!(cpu.r[2] as i32, a / b, "{a} / {b}");
    }
}

/// Every operation is exercised by some case (or by a dedicated test below).
#[test]
fn every_op_is_covered() {
    let (bin, _) = assembled();
    let mut seen = HashSet::new();
    for w in bin.chunks(2) {
        seen.insert(decode(u16::from_be_bytes([w[0], w[1]])) as u8);
    }
    // Covered by dedicated tests: trapa, sleep, ldtlb, illegal.
    for op in [Op::Trapa, Op::Sleep, Op::Ldtlb, Op::Illegal] {
        seen.insert(op as u8);
    }
    let missing: Vec<_> = (0..65536u32)
        .map(|w| DECODE[w as usize])
        .filter(|op| !seen.contains(&(*op as u8)))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    assert!(missing.is_empty(), "ops without a test: {missing:?}");
    assert_eq!(seen.len(), OP_COUNT);
}

fn run_words(words: &[u16], init: &str) -> (Cpu, Stop) {
    let bin: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
    let mut cpu = machine(&bin);
    apply(&mut cpu, init);
    let stop = cpu.run(100);
    (cpu, stop)
}

#[test]
fn trapa_stops_with_number() {
    let (cpu, stop) = run_words(&[0xC317], ""); // trapa #0x17
    assert_eq!(stop, Stop::Trapa(0x17));
    assert_eq!(cpu.pc, CODE);
}

#[test]
fn sleep_stops() {
    let (_, stop) = run_words(&[0x0009, 0x001B], "");
    assert_eq!(stop, Stop::Sleep);
}

#[test]
fn ldtlb_is_an_error() {
    let (_, stop) = run_words(&[0x0038], "");
    assert!(matches!(
        stop,
        Stop::Exception {
            exc: Exception::Ldtlb,
            pc: CODE,
            ..
        }
    ));
}

#[test]
fn illegal_and_fpu_words() {
    for w in [
        0xFFFD, 0xF00C, /* fmov */
        0x0000, 0x3001, 0x4F5A, /* lds fpul */
    ] {
        let (_, stop) = run_words(&[w], "");
        assert_eq!(
            stop,
            Stop::Exception {
                exc: Exception::IllegalInstruction { word: w },
                pc: CODE,
                in_slot: false
            },
            "word {w:#06x}"
        );
    }
}

#[test]
fn slot_illegal() {
    // bra +0 ; slot: bra +0
    let (_, stop) = run_words(&[0xA000, 0xA000], "");
    assert_eq!(
        stop,
        Stop::Exception {
            exc: Exception::SlotIllegalInstruction { word: 0xA000 },
            pc: CODE + 2,
            in_slot: true
        }
    );
    // rts with trapa in slot
    let (_, stop) = run_words(&[0x000B, 0xC301], "");
    assert!(matches!(
        stop,
        Stop::Exception {
            exc: Exception::SlotIllegalInstruction { .. },
            ..
        }
    ));
}

#[test]
fn address_errors() {
    // mov.l @r1,r2 with r1 misaligned
    let (_, stop) = run_words(&[0x6212], "r1=0x08100002");
    assert_eq!(
        stop,
        Stop::Exception {
            exc: Exception::Memory(Fault::Misaligned {
                addr: 0x0810_0002,
                size: 4,
                write: false
            }),
            pc: CODE,
            in_slot: false
        }
    );
    // mov.w r2,@r1 misaligned
    let (_, stop) = run_words(&[0x2121], "r1=0x08100001");
    assert!(matches!(
        stop,
        Stop::Exception {
            exc: Exception::Memory(Fault::Misaligned { write: true, .. }),
            ..
        }
    ));
    // unmapped read
    let (_, stop) = run_words(&[0x6210], "r1=0x12345678");
    assert!(matches!(
        stop,
        Stop::Exception {
            exc: Exception::Memory(Fault::Unmapped {
                addr: 0x12345678,
                ..
            }),
            ..
        }
    ));
    // write to the read-only image
    let (_, stop) = run_words(&[0x2122], "r1=0x00300000");
    assert!(matches!(
        stop,
        Stop::Exception {
            exc: Exception::Memory(Fault::ReadOnly { .. }),
            ..
        }
    ));
    // jump to an odd address
    let (_, stop) = run_words(&[0x412B, 0x0009], "r1=0x00300001");
    assert!(matches!(
        stop,
        Stop::Exception {
            exc: Exception::Memory(Fault::Misaligned { size: 2, .. }),
            ..
        }
    ));
}

#[test]
fn special_address_stops() {
    let mut mem = Memory::new();
    mem.map(CODE, 0x10000, false);
    mem.load(CODE, &[0x41, 0x2B, 0x00, 0x09]); // jmp @r1; nop
    let mut cpu = Cpu::new(mem);
    cpu.pc = CODE;
    cpu.r[1] = 0x8002_0070;
    cpu.add_special(0x8002_0070);
    assert_eq!(cpu.run(10), Stop::Special(0x8002_0070));
    assert_eq!(cpu.pc, 0x8002_0070);
}

/// Runs random instruction words: nothing may panic, whatever they do.
fn fuzz(iterations: u64, seed: u64) {
    let mut x = seed;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut mem = Memory::new();
    mem.map(CODE, 0x10000, true);
    mem.map(RAM, 0x10000, true);
    let mut cpu = Cpu::new(mem);
    let mut done = 0;
    while done < iterations {
        // Fill a block of code with random words, point registers at RAM or anywhere.
        let mut block = [0u8; 512];
        for b in block.chunks_mut(8) {
            b.copy_from_slice(&next().to_be_bytes());
        }
        cpu.mem.load(CODE, &block);
        for i in 0..16 {
            let v = next() as u32;
            cpu.r[i] = if v & 1 == 0 { RAM + (v >> 16) } else { v };
        }
        cpu.gbr = RAM + (next() as u32 & 0xFFF);
        cpu.pc = CODE + (next() as u32 & 0x1FE);
        let before = cpu.icount;
        let _ = cpu.run(64);
        done += (cpu.icount - before).max(1);
    }
}

#[test]
fn fuzz_decoder_short() {
    fuzz(200_000, 0x9E37_79B9_7F4A_7C15);
}

/// The long fuzz run (1M+ instructions per seed): `cargo test -p prizm-emu -- --ignored fuzz`.
#[test]
#[ignore]
fn fuzz_decoder_long() {
    for seed in 1..=8u64 {
        fuzz(1_000_000, seed.wrapping_mul(0x2545_F491_4F6C_DD1D));
    }
}

#[test]
fn every_word_decodes() {
    for w in 0..=u16::MAX {
        assert_eq!(DECODE[w as usize], decode(w));
    }
}

/// Code rewritten by stores runs as rewritten (the decoded-op cache follows writes).
#[test]
fn self_modifying_code() {
    let mut mem = Memory::new();
    mem.map(RAM, 0x10000, true);
    // mov #1,r0 ; sleep
    mem.load(RAM, &[0xE0, 0x01, 0x00, 0x1B]);
    let mut cpu = Cpu::new(mem);
    cpu.pc = RAM;
    assert_eq!(cpu.run(10), Stop::Sleep);
    assert_eq!(cpu.r[0], 1);
    // Guest store: mov.w r1,@r2 with r1 = 0xE002 (mov #2,r0) at RAM.
    cpu.mem.load(RAM + 0x100, &[0x22, 0x11, 0x00, 0x1B]);
    cpu.r[1] = 0xE002;
    cpu.r[2] = RAM;
    cpu.pc = RAM + 0x100;
    assert_eq!(cpu.run(10), Stop::Sleep);
    cpu.pc = RAM;
    assert_eq!(cpu.run(10), Stop::Sleep);
    assert_eq!(cpu.r[0], 2);
}

fn ram_machine(words: &[u16]) -> Cpu {
    let mut mem = Memory::new();
    mem.map(RAM, 0x10000, true);
    let bin: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
    mem.load(RAM, &bin);
    let mut cpu = Cpu::new(mem);
    cpu.pc = RAM;
    cpu
}

/// A store to a later instruction of the block being executed takes effect at once.
#[test]
fn self_modifying_code_same_block() {
    // mov.w r1,@r2 ; nop ; mov #1,r0 (overwritten with mov #7,r0) ; sleep
    let mut cpu = ram_machine(&[0x2211, 0x0009, 0xE001, 0x001B]);
    cpu.r[1] = 0xE007;
    cpu.r[2] = RAM + 4;
    assert_eq!(cpu.run(100), Stop::Sleep);
    assert_eq!(cpu.r[0], 7);
    assert_eq!(cpu.icount, 4);
    // Run again: the rewritten code is what is cached now.
    cpu.pc = RAM;
    cpu.r[1] = 0xE009;
    assert_eq!(cpu.run(100), Stop::Sleep);
    assert_eq!(cpu.r[0], 9);
}

/// A store in a delay slot to the (cached) branch target.
#[test]
fn self_modifying_code_from_delay_slot() {
    let mut words = vec![0x0009u16; 0x12];
    words[0] = 0xA00E; // bra RAM+0x20
    words[1] = 0x2211; // slot: mov.w r1,@r2
    words[0x10] = 0xE001; // mov #1,r0
    words[0x11] = 0x001B; // sleep
    let mut cpu = ram_machine(&words);
    cpu.pc = RAM + 0x20;
    assert_eq!(cpu.run(100), Stop::Sleep);
    assert_eq!(cpu.r[0], 1);
    cpu.pc = RAM;
    cpu.r[1] = 0xE005;
    cpu.r[2] = RAM + 0x20;
    assert_eq!(cpu.run(100), Stop::Sleep);
    assert_eq!(cpu.r[0], 5);
    assert_eq!(cpu.pc, RAM + 0x22);
}

/// Running with small budgets (single steps, odd slices) gives the same state and
/// instruction count as one run: blocks are only entered when they fit.
#[test]
fn budgets_split_anywhere() {
    // mov #10,r1 ; loop: dt r1 ; bf/s loop ; add #1,r0 ; sleep
    let prog = [0xE10A, 0x4110, 0x8FFD, 0x7001, 0x001B];
    let mut one = ram_machine(&prog);
    assert_eq!(one.run(1000), Stop::Sleep);
    assert_eq!((one.r[0], one.r[1], one.icount), (10, 0, 32));
    for slice in [1u64, 2, 3, 5, 7] {
        let mut cpu = ram_machine(&prog);
        let mut stop = Stop::Budget;
        for _ in 0..1000 {
            stop = cpu.run(slice);
            if stop != Stop::Budget {
                break;
            }
        }
        assert_eq!(stop, Stop::Sleep, "slice {slice}");
        assert_eq!(
            (cpu.r[0], cpu.r[1], cpu.icount),
            (10, 0, 32),
            "slice {slice}"
        );
    }
}

/// The same code seen at two addresses (aliases) runs with each address's PC.
#[test]
fn aliased_code_uses_its_own_pc() {
    let mut mem = Memory::new();
    mem.map(RAM, 0x10000, true);
    mem.alias(0x8810_0000, RAM, 0x10000);
    // mova 1f,r0 ; sleep ; .align 2 ; 1:
    mem.load(RAM, &[0xC7, 0x00, 0x00, 0x1B]);
    let mut cpu = Cpu::new(mem);
    cpu.pc = RAM;
    assert_eq!(cpu.run(10), Stop::Sleep);
    assert_eq!(cpu.r[0], RAM + 4);
    cpu.pc = 0x8810_0000;
    assert_eq!(cpu.run(10), Stop::Sleep);
    assert_eq!(cpu.r[0], 0x8810_0004);
}

/// Runs of identical div1 (run as one entry) give the results of single steps.
#[test]
fn div1_runs_match_single_steps() {
    // div0u ; 8 x div1 r5,r0 ; rotcl r4 ; sleep, from several inputs.
    let mut prog = vec![0x0019u16];
    prog.extend([0x3054u16; 8]);
    prog.extend([0x4424, 0x001B]);
    for (r0, r5, r4) in [
        (0x1234u32, 0x37u32, 5u32),
        (0xFFFF_0000, 0x8000_0001, 0),
        (7, 7, 1),
    ] {
        let mut a = ram_machine(&prog);
        let mut b = ram_machine(&prog);
        for c in [&mut a, &mut b] {
            c.r[0] = r0;
            c.r[5] = r5;
            c.r[4] = r4;
        }
        assert_eq!(a.run(100), Stop::Sleep);
        while b.run(1) == Stop::Budget {}
        assert_eq!((a.r, a.t, a.q, a.icount), (b.r, b.t, b.q, b.icount));
    }
}

/// The CPU (and so the emulator) can move to another thread.
#[test]
fn cpu_is_send() {
    fn send<T: Send>() {}
    send::<Cpu>();
    send::<crate::Emulator>();
}
