//! The OS's user-interface resources: function-key labels (GetFKeyPtr, FKey_Display)
//! and the glyphs of the mini font (GetMiniGlyphPtr, PrintMiniGlyph).
//!
//! The real OS hands out pointers to bitmaps in its flash. The emulator has none of
//! CASIO's bitmaps; it keeps its own read-only table at [`OS_DATA`] (mapped at boot)
//! and gives out pointers into it, so that an add-in can pass them back to the calls
//! that draw them:
//! - function-key labels: the 16-bit word at `OS_DATA + 2*id` holds `id`; FKey_Display
//!   draws such a label as a black tab with the id in hexadecimal.
//! - mini-font glyphs: at `MINI_GLYPHS + 36*c` for byte `c`, 18 rows of 16 bits (bit 15
//!   the left-most pixel), the emulator's mini font (see `font`), [`MINI_W`] pixels
//!   wide. Codes above 0xFF (multi-byte characters) share the hollow box of bytes
//!   without a glyph. PrintMiniGlyph reads any glyph in this form, so the blank glyphs
//!   add-ins make themselves (18 zero shorts, as in gbl08ma's utilities) work too.

use super::display::{H, W};
use super::{Call, CallResult, Ctx, Halt};
use crate::machine::cpu::Cpu;

/// Base of the emulator's read-only OS data (P1, flash area of the OS).
pub const OS_DATA: u32 = 0x80F0_0000;
/// Size of the OS data.
pub const OS_DATA_SIZE: u32 = 0x0004_0000;
/// Function-key label table: `FKEYS + 2*id`.
pub const FKEYS: u32 = OS_DATA;
/// Mini-font glyph table: `MINI_GLYPHS + 36*c`.
pub const MINI_GLYPHS: u32 = OS_DATA + 0x2_0000;
/// Rows of a mini glyph.
pub const MINI_ROWS: u32 = 18;
/// Width of the emulator's mini glyphs.
pub const MINI_W: u32 = super::font::MINI.0;
/// Height of the function-key bar at the bottom of the screen.
pub const FKEY_H: i32 = 24;
/// Width of one function key's label.
pub const FKEY_W: i32 = 64;

/// The UI resource calls.
pub const CALLS: &[Call] = &[
    (0x12F3, "GetFKeyPtr", get_fkey_ptr),
    (0x0131, "FKey_Display", fkey_display),
    (0x01E9, "GetMiniGlyphPtr", get_mini_glyph_ptr),
    (0x023B, "PrintMiniGlyph", print_mini_glyph),
];

/// Maps the OS data (read-only) and fills its tables.
pub fn install(cpu: &mut Cpu) {
    cpu.mem.map(OS_DATA, OS_DATA_SIZE, false);
    cpu.mem
        .alias(crate::machine::model::p2(OS_DATA), OS_DATA, OS_DATA_SIZE);
    let fkeys: Vec<u8> = (0..=0xFFFFu16).flat_map(|id| id.to_be_bytes()).collect();
    cpu.mem.load(FKEYS, &fkeys);
    let mut glyphs = Vec::with_capacity(256 * 2 * MINI_ROWS as usize);
    for c in 0..=255u8 {
        let mut rows = [0u16; MINI_ROWS as usize];
        super::font::render(c, super::font::MINI, (1, 2), (1, 1), |x, y, on| {
            if on {
                rows[y as usize] |= 0x8000 >> x;
            }
        });
        glyphs.extend(rows.iter().flat_map(|r| r.to_be_bytes()));
    }
    cpu.mem.load(MINI_GLYPHS, &glyphs);
}

/// GetFKeyPtr(id, void** bitmap): stores the address of function-key label `id` (a
/// 16-bit number) at `bitmap`. Signature: libfxcg include/fxcg/display.h; use: the
/// add-ins pass the result to FKey_Display (gbl08ma's utilities, src/calendarGUI.cpp).
fn get_fkey_ptr(e: &mut Ctx) -> CallResult {
    let (id, out) = (e.arg(0)? & 0xFFFF, e.arg(1)?);
    e.wr32(out, FKEYS + 2 * id)?;
    Ok(0)
}

/// FKey_Display(n, bitmap): draws a function-key label in slot `n` (0 = F1) of the
/// 64x24 cells along the bottom of VRAM. Signature: libfxcg include/fxcg/display.h;
/// geometry: gbl08ma's utilities (src/graphicsProvider.cpp, darkenFkeys: 64 px per
/// key, the bottom 24 rows). Only labels from GetFKeyPtr are drawn: the format of the
/// OS's bitmaps is not known.
fn fkey_display(e: &mut Ctx) -> CallResult {
    let (n, p) = (e.arg(0)? as i32, e.arg(1)?);
    let p1 = crate::machine::model::p1(p);
    if !(FKEYS..FKEYS + 0x20000).contains(&p1) || p1 & 1 != 0 {
        return Err(Halt::Unsupported(format!(
            "FKey_Display of a bitmap at {p:#010x}, not from GetFKeyPtr"
        )));
    }
    let id = e.rd16(p1)?;
    if !(0..6).contains(&n) {
        return Ok(0);
    }
    let (x, y) = (n * FKEY_W, H - FKEY_H);
    e.fill_rect(x, y, x + FKEY_W - 1, H - 1, 0xFFFF);
    e.fill_rect(x + 1, y + 1, x + FKEY_W - 2, H - 2, 0x0000);
    let text = format!("{id:04X}");
    let tx = x + (FKEY_W - 10 * text.len() as i32) / 2;
    e.draw_text(tx, y + 3, text.as_bytes(), true, 0xFFFF, None, W);
    Ok(0)
}

/// GetMiniGlyphPtr(code, u16* info) -> glyph: the address of the mini-font glyph of
/// character `code`, its width stored at `info`. Signature: libfxcg
/// include/fxcg/display.h; use: gbl08ma's utilities (src/graphicsProvider.cpp,
/// PrintMiniFix) takes the width from `info` and passes the glyph to PrintMiniGlyph.
fn get_mini_glyph_ptr(e: &mut Ctx) -> CallResult {
    let (code, info) = (e.arg(0)? & 0xFFFF, e.arg(1)?);
    let c = if code > 0xFF { 0x80 } else { code };
    if info != 0 {
        e.wr16(info, MINI_W as u16)?;
    }
    Ok(MINI_GLYPHS + 2 * MINI_ROWS * c)
}

/// PrintMiniGlyph(x, y, glyph, mode, width, P6..P9, color, back_color, P12): draws
/// the first `width` columns of a mini glyph at (x, y+24), below the status area as
/// PrintMini does; mode 0x02 keeps the background, 0x04 swaps the colours (PrintMini's
/// flags; libfxcg types both as TextModeFlags, include/fxcg/display.h). Signature:
/// libfxcg include/fxcg/display.h; use: gbl08ma's utilities (PrintMiniFix).
fn print_mini_glyph(e: &mut Ctx) -> CallResult {
    let (x, y, g, mode) = (e.arg(0)? as i32, e.arg(1)? as i32, e.arg(2)?, e.arg(3)?);
    let width = (e.arg(4)? as i32).clamp(0, 16);
    let (color, back) = (e.arg(9)? as u16, e.arg(10)? as u16);
    let (fg, bg) = if mode & 0x04 != 0 {
        (back, color)
    } else {
        (color, back)
    };
    let y = y + super::display::STATUS_H;
    for r in 0..MINI_ROWS as i32 {
        let bits = e.rd16(g.wrapping_add(2 * r as u32))?;
        for c in 0..width {
            if bits & (0x8000 >> c) != 0 {
                e.pset(x + c, y + r, fg);
            } else if mode & 0x02 == 0 {
                e.pset(x + c, y + r, bg);
            }
        }
    }
    Ok(0)
}
