//! Checks of the generated code, written so that the same source runs on the PC and on
//! the SH4: the test compares the two outputs line by line.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;
use alloc::{format, vec};
use core::fmt::{self, Write};
use core::hint::black_box;

/// A packed struct: fields at odd offsets, read and written through unaligned accesses.
#[repr(C, packed)]
#[derive(Clone, Copy)]
struct Packed {
    tag: u8,
    value: u32,
    wide: u64,
    short: u16,
}

/// Writes one line per check.
pub fn run(out: &mut impl Write) -> fmt::Result {
    integers(out)?;
    division(out)?;
    formatting(out)?;
    packed(out)?;
    slices(out)?;
    collections(out)?;
    writeln!(out, "done")
}

fn integers(out: &mut impl Write) -> fmt::Result {
    let a: u64 = black_box(0x1234_5678_9ABC_DEF0);
    let b: u64 = black_box(0x0FED_CBA9_8765_4321);
    writeln!(
        out,
        "u64 add {:#x} sub {:#x} mul {:#x}",
        a.wrapping_add(b),
        a.wrapping_sub(b),
        a.wrapping_mul(b)
    )?;
    writeln!(
        out,
        "u64 shifts {:#x} {:#x} rot {:#x}",
        a << 13,
        a >> 37,
        a.rotate_left(23)
    )?;
    let c: i64 = black_box(-9_876_543_210_123);
    writeln!(
        out,
        "i64 {} {} {} {}",
        c * 3,
        c >> 7,
        c.abs(),
        c.wrapping_mul(c)
    )?;
    let x: u128 = black_box(0xDEAD_BEEF_0123_4567_89AB_CDEF_FEDC_BA98);
    let y: u128 = black_box(0x1_0000_0001);
    writeln!(
        out,
        "u128 {:#x} {:#x} {}",
        x.wrapping_mul(y),
        x >> 71,
        x.count_ones()
    )?;
    let z: i128 = black_box(-170_141_183_460_469_231_731_687_303_715_884_105_727);
    writeln!(
        out,
        "i128 {} {}",
        z / 12_345_678_901_234_567,
        z % 1_000_000_007
    )?;
    writeln!(
        out,
        "checked {:?} {:?}",
        a.checked_mul(b),
        3u64.checked_mul(black_box(7))
    )?;
    writeln!(
        out,
        "leading {} trailing {}",
        b.leading_zeros(),
        a.trailing_zeros()
    )
}

fn division(out: &mut impl Write) -> fmt::Result {
    for (n, d) in [
        (1_000_000_007i32, 97i32),
        (-17, 5),
        (i32::MIN, -7),
        (123, -1),
    ] {
        let (n, d) = (black_box(n), black_box(d));
        writeln!(
            out,
            "i32 {n}/{d}={} %={}",
            n.wrapping_div(d),
            n.wrapping_rem(d)
        )?;
    }
    for (n, d) in [(u32::MAX, 3u32), (1 << 31, 1 << 15), (7, 9)] {
        let (n, d) = (black_box(n), black_box(d));
        writeln!(out, "u32 {n}/{d}={} %={}", n / d, n % d)?;
    }
    let n: u64 = black_box(18_446_744_073_709_551_557);
    writeln!(
        out,
        "u64 div {} rem {}",
        n / black_box(1_000_000_007),
        n % black_box(65_537)
    )?;
    let m: i64 = black_box(-9_223_372_036_854_775_807);
    writeln!(
        out,
        "i64 div {} rem {}",
        m / black_box(3_000_000_019),
        m % black_box(-77)
    )?;
    let w: u128 = black_box(u128::MAX / 3);
    writeln!(
        out,
        "u128 div {} rem {}",
        w / black_box(10_000_000_000_000_000_019),
        w % black_box(97)
    )
}

// Arbitrary values to format (close to pi and -e by chance of typing, not constants).
#[allow(clippy::approx_constant)]
fn formatting(out: &mut impl Write) -> fmt::Result {
    let f: f32 = black_box(3.141_592_7);
    let d: f64 = black_box(-2.718_281_828_459_045);
    writeln!(out, "f32 {f} {:.3} {:e} {}", f * 2.0, f / 1000.0, f as i32)?;
    writeln!(
        out,
        "f64 {d} {:.10} {} {}",
        d * d,
        d.to_bits(),
        (d as f32).to_bits()
    )?;
    writeln!(out, "f32 sqrt-ish {}", newton_sqrt(black_box(2.0f32)))?;
    writeln!(
        out,
        "pad [{:>8}] [{:<6}] [{:^7}] [{:08.2}]",
        "right", 42, "mid", -1.5f32
    )?;
    writeln!(
        out,
        "radix {:b} {:o} {:X} {:#010x}",
        1234u32, 1234u32, 0xBEEFu32, 255u32
    )?;
    writeln!(
        out,
        "debug {:?} {:?} {:?}",
        Some("text"),
        (1u8, -2i16, 'λ'),
        [1.5f32, -0.0]
    )
}

fn newton_sqrt(x: f32) -> f32 {
    let mut r = x;
    for _ in 0..8 {
        r = 0.5 * (r + x / r);
    }
    r
}

fn packed(out: &mut impl Write) -> fmt::Result {
    let mut p = black_box(Packed {
        tag: 7,
        value: 0xA1B2_C3D4,
        wide: 0x0102_0304_0506_0708,
        short: 0xBEEF,
    });
    let v = p.value;
    p.wide = p.wide.wrapping_add(v as u64);
    p.short = p.short.rotate_left(4);
    let bytes: [u8; 15] = unsafe { core::mem::transmute(p) };
    let (tag, value, wide, short) = (p.tag, p.value, p.wide, p.short);
    writeln!(
        out,
        "packed size {} align {} {tag} {value:#x} {wide:#x} {short:#x}",
        core::mem::size_of::<Packed>(),
        core::mem::align_of::<Packed>()
    )?;
    // The layout: offsets 0, 1, 5, 13, and each field read back from the raw bytes.
    let back = (
        bytes[0],
        u32::from_ne_bytes(bytes[1..5].try_into().unwrap()),
        u64::from_ne_bytes(bytes[5..13].try_into().unwrap()),
        u16::from_ne_bytes(bytes[13..15].try_into().unwrap()),
    );
    writeln!(
        out,
        "packed offsets {} {} {} {} round trip {}",
        core::mem::offset_of!(Packed, tag),
        core::mem::offset_of!(Packed, value),
        core::mem::offset_of!(Packed, wide),
        core::mem::offset_of!(Packed, short),
        back == (tag, value, wide, short)
    )
}

fn slices(out: &mut impl Write) -> fmt::Result {
    let mut data: [i32; 12] = black_box([9, -3, 7, 0, 12, -8, 5, 5, 1, 100, -42, 3]);
    data.sort_unstable();
    let sum: i32 = data.iter().sum();
    let pos = data.binary_search(&7);
    writeln!(out, "sorted {:?} sum {sum} find {:?}", data, pos)?;
    data.reverse();
    let windows: Vec<i32> = data.windows(3).map(|w| w[0] - w[2]).collect();
    writeln!(out, "windows {:?} chunks {}", windows, data.chunks(5).len())?;
    let text = black_box("The quick brown fox jumps over the lazy dog");
    let words: Vec<&str> = text.split(' ').rev().collect();
    writeln!(
        out,
        "words {} {:?} upper {}",
        words.len(),
        &words[..3],
        text.to_ascii_uppercase()
    )
}

fn collections(out: &mut impl Write) -> fmt::Result {
    let mut v: Vec<u64> = Vec::new();
    for i in 0..200u64 {
        v.push(black_box(i * i * i));
    }
    v.retain(|x| x % 3 == 0);
    writeln!(
        out,
        "vec len {} last {} cap>=len {}",
        v.len(),
        v[v.len() - 1],
        v.capacity() >= v.len()
    )?;
    let mut s = String::new();
    for i in 0..20 {
        write!(s, "{i:x}")?;
    }
    s.push_str(&format!("|{}|", black_box(-77i8)));
    writeln!(out, "string {s} len {}", s.len())?;
    let mut map: BTreeMap<String, u32> = BTreeMap::new();
    for word in black_box("a rose is a rose is a rose").split(' ') {
        *map.entry(String::from(word)).or_insert(0) += 1;
    }
    writeln!(out, "map {:?}", map)?;
    let nested = vec![vec![1u16; 3], vec![2; 5], Vec::new()];
    writeln!(
        out,
        "nested {:?} total {}",
        nested,
        nested.iter().map(Vec::len).sum::<usize>()
    )
}

/// Panics on purpose: the panic handler prints the message and the location (only the
/// SH4 program calls it).
#[allow(dead_code)]
pub fn panic_path() -> ! {
    let items: Vec<u32> = black_box(vec![1, 2, 3]);
    let index = black_box(42usize);
    if index < items.len() {
        // Never taken (the index is out of range); keeps the check from being folded.
        #[allow(clippy::empty_loop)]
        loop {}
    }
    panic!("deliberate panic: index {index} of {}", items.len())
}
