//! The OS's user-interface resources: function-key labels (GetFKeyPtr, FKey_Display),
//! the glyphs of the mini font (GetMiniGlyphPtr, PrintMiniGlyph), file-type icons and
//! messages (SMEM_MapIconToExt, LocalizeMessage1).
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
//! - file types: SMEM_MapIconToExt gives an 18x24 icon of the emulator's (a framed
//!   page; a yellow one for folders) and a message number of the emulator's
//!   ([`FILE_MSG`] + the extension's first three bytes, or [`FOLDER_MSG`]), which
//!   LocalizeMessage1 turns into "G3A file" or "Folder". The OS's own messages are not
//!   known: LocalizeMessage1 gives other numbers as "MSG#" and the number in hex.

use super::display::{H, W};
use super::{CallResult, Ctx, Entry, Halt};
use crate::machine::cpu::Cpu;
use prizm_abi::os_calls::calls;

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
/// Message numbers of file types: `FILE_MSG | ext[0] << 16 | ext[1] << 8 | ext[2]`.
pub const FILE_MSG: u32 = 0x8000_0000;
/// Message number of folders.
pub const FOLDER_MSG: u32 = 0x8100_0000;
/// Width and height of a file-type icon (the buffer of 0x12*0x18 shorts that gbl08ma's
/// utilities and Eigenmath pass).
pub const ICON: (i32, i32) = (0x12, 0x18);
/// Height of the function-key bar at the bottom of the screen.
pub const FKEY_H: i32 = 24;
/// Width of one function key's label.
pub const FKEY_W: i32 = 64;

/// The UI resource calls.
pub const CALLS: &[Entry] = &[
    (calls::GetFKeyPtr, get_fkey_ptr),
    (calls::FKey_Display, fkey_display),
    (calls::GetMiniGlyphPtr, get_mini_glyph_ptr),
    (calls::PrintMiniGlyph, print_mini_glyph),
    (calls::SMEM_MapIconToExt, smem_map_icon_to_ext),
    (calls::LocalizeMessage1, localize_message1),
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

/// SMEM_MapIconToExt(filename, u16* folder, u32* msgno, u16* icon) -> 0: the file-type
/// icon and message number of `filename` (a folder when `folder` is a non-empty name).
/// Signature and use: libfxcg include/fxcg/display.h ("used to get icons for different
/// file types"); gbl08ma/eigenmath src/fileGUI.cpp (buildIconTable passes "\\fls0" as
/// `folder` for the folder icon, an empty name for files, a buffer of 0x12*0x18
/// shorts) and gbl08ma's utilities (passes `msgno` to LocalizeMessage1). The icons and
/// numbers are the emulator's (module doc); the return value is not documented.
fn smem_map_icon_to_ext(e: &mut Ctx) -> CallResult {
    let (name, folder, pmsg, icon) = (e.arg(0)?, e.arg(1)?, e.arg(2)?, e.arg(3)?);
    let is_folder = folder != 0 && e.rd16(folder)? != 0;
    let msg = if is_folder {
        FOLDER_MSG
    } else {
        let name = e.rd_cstr(name, 512)?;
        let ext = match name.iter().rposition(|&c| c == b'.') {
            Some(i) => name[i + 1..].to_vec(),
            None => Vec::new(),
        };
        let b = |i: usize| ext.get(i).map_or(0, |c| c.to_ascii_uppercase() as u32);
        FILE_MSG | b(0) << 16 | b(1) << 8 | b(2)
    };
    if pmsg != 0 {
        e.wr32(pmsg, msg)?;
    }
    if icon != 0 {
        let body = if is_folder { 0xFFE0 } else { 0xFFFF };
        let (w, h) = ICON;
        let mut px = Vec::with_capacity((w * h * 2) as usize);
        for y in 0..h {
            for x in 0..w {
                let c = if !(1..w - 1).contains(&x) || !(2..h - 1).contains(&y) {
                    0xFFFF
                } else if x == 1 || x == w - 2 || y == 2 || y == h - 2 {
                    0x0000
                } else {
                    body
                };
                px.extend_from_slice(&u16::to_be_bytes(c));
            }
        }
        e.wr_bytes(icon, &px)?;
    }
    Ok(0)
}

/// LocalizeMessage1(msgno, char* result): the text of message `msgno` in `result`.
/// Signature: libfxcg include/fxcg/display.h; use: gbl08ma's utilities
/// (src/fileGUI.cpp) passes the number SMEM_MapIconToExt gave and an 88-byte buffer.
/// Texts are the emulator's (module doc); the return value is not documented (0).
fn localize_message1(e: &mut Ctx) -> CallResult {
    let (n, out) = (e.arg(0)?, e.arg(1)?);
    let text = if n == FOLDER_MSG {
        "Folder".to_string()
    } else if n & 0xFF00_0000 == FILE_MSG {
        let ext: String = [n >> 16, n >> 8, n]
            .iter()
            .map(|&c| c as u8)
            .filter(|&c| c != 0)
            .map(char::from)
            .collect();
        if ext.is_empty() {
            "File".to_string()
        } else {
            format!("{ext} file")
        }
    } else {
        format!("MSG#{n:04X}")
    };
    let mut b = text.into_bytes();
    b.truncate(87);
    b.push(0);
    e.wr_bytes(out, &b)?;
    Ok(0)
}
