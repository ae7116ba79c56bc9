//! Text calls beyond PrintXY/PrintMini: PrintLine, the cursor's flash phase, the
//! character set, multi-byte strings and the line editor's display and insertion.
//!
//! Multi-byte strings: a character is one byte, or two when the first is a lead byte
//! (0x7F, 0xE5, 0xE6, 0xE7, 0xF7, 0xF9, 0xFF); the emulator's font draws the bytes
//! above 0x7E as hollow boxes, whatever the character set.

use super::font::LARGE;
use super::{CallResult, Ctx, Entry};
use prizm_abi::os_calls::calls;

/// Text columns of a PrintXY row.
pub const COLUMNS: i32 = prizm_abi::screen::TEXT_COLUMNS as i32;

/// The text calls.
pub const CALLS: &[Entry] = &[
    (calls::PrintLine, print_line),
    (calls::SetCursorFlashToggle, set_cursor_flash_toggle),
    (calls::Keyboard_CursorFlash, keyboard_cursor_flash),
    (calls::MB_IsLead, mb_is_lead),
    (calls::MB_ElementCount, mb_element_count),
    (calls::ProcessPrintChars, process_print_chars),
    (calls::EnableGB18030, enable_gb18030),
    (calls::DisableGB18030, disable_gb18030),
    (calls::DisplayMBString, display_mb_string),
    (calls::DisplayMBString2, display_mb_string2),
    (calls::EditMBStringChar, edit_mb_string_char),
];

/// Whether `c` starts a two-byte character.
pub fn is_lead(c: u8) -> bool {
    matches!(c, 0x7F | 0xE5 | 0xE6 | 0xE7 | 0xF7 | 0xF9 | 0xFF)
}

/// Number of characters of a multi-byte string.
pub fn element_count(s: &[u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < s.len() {
        i += if is_lead(s[i]) { 2 } else { 1 };
        n += 1;
    }
    n
}

/// Draws `text` at text cell (x, y) (1-based, row 1 below the status area), black on
/// white, at most up to column `last`; returns the cells drawn.
fn print_cells(e: &mut Ctx, x: i32, y: i32, text: &[u8], last: i32) -> i32 {
    let px = (x.max(1) - 1) * LARGE.0 as i32;
    let limit = (last * LARGE.0 as i32).min(super::display::W);
    let end = e.draw_text(
        px,
        y.max(1) * LARGE.1 as i32,
        text,
        false,
        0x0000,
        Some(0xFFFF),
        limit,
    );
    (end - px) / LARGE.0 as i32
}

/// PrintLine(msg, imax): prints at the text cursor like Print_OS, at most `imax`
/// characters; advances the cursor.
fn print_line(e: &mut Ctx) -> CallResult {
    let (s, imax) = (e.arg(0)?, e.arg(1)? as i32);
    let mut text = e.rd_cstr(s, 256)?;
    text.truncate(imax.max(0) as usize);
    let (x, y) = e.os.display.cursor;
    let n = print_cells(e, x, y, &text, COLUMNS);
    e.os.display.cursor.0 = x.max(1) + n;
    Ok(0)
}

/// SetCursorFlashToggle(on): sets the cursor's flash phase; returns the old one.
fn set_cursor_flash_toggle(e: &mut Ctx) -> CallResult {
    let on = e.arg(0)? != 0;
    let old = std::mem::replace(&mut e.os.display.cursor_flash, on);
    Ok(old as u32)
}

/// Keyboard_CursorFlash(): one flash step, i.e. the phase toggles.
fn keyboard_cursor_flash(e: &mut Ctx) -> CallResult {
    e.os.display.cursor_flash = !e.os.display.cursor_flash;
    Ok(0)
}

fn mb_is_lead(e: &mut Ctx) -> CallResult {
    Ok(is_lead(e.arg(0)? as u8) as u32)
}

fn mb_element_count(e: &mut Ctx) -> CallResult {
    let s = e.arg(0)?;
    let text = e.rd_cstr(s, 0x10000)?;
    Ok(element_count(&text) as u32)
}

/// ProcessPrintChars(charset): 936 (GB) or 0 (default) select the character set and
/// return 1; other values return 0 and change nothing.
fn process_print_chars(e: &mut Ctx) -> CallResult {
    let cs = e.arg(0)? as u16;
    if cs == 936 || cs == 0 {
        e.os.display.charset = cs;
        Ok(1)
    } else {
        Ok(0)
    }
}

fn enable_gb18030(e: &mut Ctx) -> CallResult {
    e.os.display.charset = 936;
    Ok(0)
}

fn disable_gb18030(e: &mut Ctx) -> CallResult {
    e.os.display.charset = 0;
    Ok(0)
}

/// DisplayMBString(s, start, xpos, x, y): the line editor's display: the string from
/// byte `start` at text cell (x, y), the rest of the row cleared; the text cursor goes
/// to the character at byte `xpos`.
fn display_mb_string(e: &mut Ctx) -> CallResult {
    let (s, start, xpos) = (e.arg(0)?, e.arg(1)? as i32, e.arg(2)? as i32);
    let (x, y) = (e.arg(3)? as i32, e.arg(4)? as i32);
    let text = e.rd_cstr(s, 0x10000)?;
    let start = (start.max(0) as usize).min(text.len());
    let shown = &text[start..];
    let x = x.max(1);
    let n = print_cells(e, x, y, shown, COLUMNS);
    let blank = vec![b' '; (COLUMNS + 1 - x - n).max(0) as usize];
    print_cells(e, x + n, y, &blank, COLUMNS);
    let xpos = (xpos.max(start as i32) as usize).min(text.len());
    let col = element_count(&text[start..xpos]) as i32;
    e.os.display.cursor = (x + col, y);
    Ok(0)
}

/// DisplayMBString2(P1, s, start, xpos, zero, x, y, pos_to_clear, P9, P10): the line
/// editor's display at text column `x` of the row whose top is `y` pixels below the
/// status area: the string from byte `start`, the cells up to column `pos_to_clear`
/// (inclusive) cleared after it; the text cursor goes to the character at byte `xpos`.
/// Signature: Simon Lothar's syscall list (fx-9860 0x8F7, `DisplayMBString2( int,
/// unsigned char*, int, int xpos, int zero, int x, int y, int, int, int )`); meaning of
/// x, y and pos_to_clear: gbl08ma's utilities (src/inputGUI.cpp passes the field's
/// column, `row*24-24` and the field's last column).
fn display_mb_string2(e: &mut Ctx) -> CallResult {
    let (s, start, xpos) = (e.arg(1)?, e.arg(2)? as i32, e.arg(3)? as i32);
    let (x, y, last) = (e.arg(5)? as i32, e.arg(6)? as i32, e.arg(7)? as i32);
    let text = e.rd_cstr(s, 0x10000)?;
    let start = (start.max(0) as usize).min(text.len());
    let x = x.max(1);
    let last = last.clamp(x, COLUMNS);
    let (px, top) = ((x - 1) * LARGE.0 as i32, y + super::display::STATUS_H);
    let limit = last * LARGE.0 as i32;
    let end = e.draw_text(px, top, &text[start..], false, 0x0000, Some(0xFFFF), limit);
    let blank = vec![b' '; ((limit - end) / LARGE.0 as i32).max(0) as usize];
    e.draw_text(end, top, &blank, false, 0x0000, Some(0xFFFF), limit);
    let xpos = (xpos.max(start as i32) as usize).min(text.len());
    let col = element_count(&text[start..xpos]) as i32;
    e.os.display.cursor = (x + col, y / LARGE.1 as i32 + 1);
    Ok(0)
}

/// EditMBStringChar(s, posmax, xpos, c): inserts character `c` (two bytes when above
/// 0xFF) at byte `xpos` if the string stays within `posmax` bytes; returns the new
/// cursor position (xpos unchanged when it does not fit).
fn edit_mb_string_char(e: &mut Ctx) -> CallResult {
    let (s, posmax, xpos, c) = (e.arg(0)?, e.arg(1)? as i32, e.arg(2)? as i32, e.arg(3)?);
    let mut text = e.rd_cstr(s, 0x10000)?;
    let ins: Vec<u8> = if c > 0xFF {
        vec![(c >> 8) as u8, c as u8]
    } else {
        vec![c as u8]
    };
    let at = (xpos.max(0) as usize).min(text.len());
    if c == 0 || text.len() + ins.len() > posmax.max(0) as usize {
        return Ok(xpos as u32);
    }
    text.splice(at..at, ins.iter().copied());
    text.push(0);
    e.wr_bytes(s, &text)?;
    Ok((at + ins.len()) as u32)
}
