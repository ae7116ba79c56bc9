//! Conversion and string helpers: hexadecimal digits, case-insensitive comparison.
//!
//! The hex writers put upper-case digits and no terminating NUL (the SDK documents
//! only the digits, unlike `itoa`, which is NUL-terminated). The hex readers accept
//! `0-9`, `A-F` and `a-f`; any other byte reads as 0 (the OS's handling of bad digits
//! is undocumented).

use super::{CallResult, Ctx, Entry};
use prizm_abi::os_calls::calls;

/// The conversion calls.
pub const CALLS: &[Entry] = &[
    (calls::NibbleToHex, nibble_to_hex),
    (calls::ByteToHex, byte_to_hex),
    (calls::WordToHex, word_to_hex),
    (calls::LongToAscHex, long_to_asc_hex),
    (calls::HexToNibble, hex_to_nibble),
    (calls::HexToByte, hex_to_byte),
    (calls::HexToWord, hex_to_word),
    (calls::strcmp_ignore_case, strcmp_ignore_case),
];

/// `digits` upper-case hex digits of `v` (its lowest nibbles), most significant first.
pub fn hex_digits(v: u32, digits: u32) -> Vec<u8> {
    (0..digits)
        .rev()
        .map(|i| {
            let n = if i < 8 { (v >> (4 * i)) & 0xF } else { 0 };
            b"0123456789ABCDEF"[n as usize]
        })
        .collect()
}

/// The value of one hex digit (0 for a byte that is not one).
pub fn hex_value(c: u8) -> u8 {
    (c as char).to_digit(16).unwrap_or(0) as u8
}

fn write_hex(e: &mut Ctx, digits: u32) -> CallResult {
    let (v, p) = (e.arg(0)?, e.arg(1)?);
    let s = hex_digits(v, digits);
    e.wr_bytes(p, &s)?;
    Ok(0)
}

/// NibbleToHex(value, out): 1 digit.
fn nibble_to_hex(e: &mut Ctx) -> CallResult {
    write_hex(e, 1)
}

/// ByteToHex(value, out): 2 digits.
fn byte_to_hex(e: &mut Ctx) -> CallResult {
    write_hex(e, 2)
}

/// WordToHex(value, out): 4 digits.
fn word_to_hex(e: &mut Ctx) -> CallResult {
    write_hex(e, 4)
}

/// LongToAscHex(value, out, digits): `digits` digits (the lowest nibbles of value;
/// digits beyond the 8th are 0).
fn long_to_asc_hex(e: &mut Ctx) -> CallResult {
    let (v, p, n) = (e.arg(0)?, e.arg(1)?, e.arg(2)? as i32);
    let s = hex_digits(v, n.clamp(0, 64) as u32);
    e.wr_bytes(p, &s)?;
    Ok(0)
}

/// HexToNibble(char, u8* out).
fn hex_to_nibble(e: &mut Ctx) -> CallResult {
    let (c, p) = (e.arg(0)? as u8, e.arg(1)?);
    e.wr8(p, hex_value(c))?;
    Ok(0)
}

fn read_hex(e: &mut Ctx, a: u32, digits: usize) -> Result<u32, super::Halt> {
    let s = e.rd_bytes(a, digits)?;
    Ok(s.iter().fold(0, |v, &c| (v << 4) | hex_value(c) as u32))
}

/// HexToByte(const char* two_digits, u8* out).
fn hex_to_byte(e: &mut Ctx) -> CallResult {
    let (s, p) = (e.arg(0)?, e.arg(1)?);
    let v = read_hex(e, s, 2)?;
    e.wr8(p, v as u8)?;
    Ok(0)
}

/// HexToWord(const char* four_digits, u16* out).
fn hex_to_word(e: &mut Ctx) -> CallResult {
    let (s, p) = (e.arg(0)?, e.arg(1)?);
    let v = read_hex(e, s, 4)?;
    e.wr16(p, v as u16)?;
    Ok(0)
}

/// strcmp_ignore_case(a, b): like strcmp with ASCII letters compared as upper case;
/// returns the difference of the first differing (upper-cased) bytes.
fn strcmp_ignore_case(e: &mut Ctx) -> CallResult {
    let (a, b) = (e.arg(0)?, e.arg(1)?);
    let mut i = 0u32;
    loop {
        let x = e.rd8(a.wrapping_add(i))?.to_ascii_uppercase();
        let y = e.rd8(b.wrapping_add(i))?.to_ascii_uppercase();
        if x != y || x == 0 {
            return Ok((x as i32 - y as i32) as u32);
        }
        i += 1;
    }
}
