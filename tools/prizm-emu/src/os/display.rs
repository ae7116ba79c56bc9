//! Display calls: VRAM drawing, putting VRAM on the LCD, text, frame, status area and
//! message boxes.
//!
//! The LCD model: the add-in draws into VRAM; Bdisp_PutDisp_DD (and GetKey) copy VRAM
//! to the LCD, which counts one frame (and saves it with --screenshot-every-frame).
//! Screenshots show the LCD. A full put costs [`put_disp_us`] of emulated time (11 ms on
//! the fx-CG50, 22 ms on the fx-CG10/20; docs/timing.md has the sources and how sure
//! they are), a stripe its share of the rows.
//!
//! Geometry: PrintXY uses a grid of 18x24 cells whose row 1 starts at y=24 (below the
//! status area); PrintMini and PrintCXY take pixel coordinates, also offset by 24 rows.
//! The status area (rows 0-23) is drawn by DisplayStatusArea as a plain bar with the
//! message text: the real OS's icons are not reproduced.

use super::font::{self, LARGE, MINI};
use super::{CallResult, Ctx, Entry, Halt};
use crate::machine::model::{CLOCK_HZ, Model, VRAM_SIZE};
use prizm_abi::os_calls::calls;

/// Screen width (`prizm_abi::screen`).
pub const W: i32 = prizm_abi::screen::WIDTH as i32;
/// Screen height.
pub const H: i32 = prizm_abi::screen::HEIGHT as i32;
/// Height of the status area.
pub const STATUS_H: i32 = prizm_abi::screen::STATUS_AREA_HEIGHT as i32;
/// Emulated duration of a full-screen Bdisp_PutDisp_DD on `model`, in microseconds:
/// the time the model's display takes for a frame ([`Model::lcd_frame_us`]).
pub fn put_disp_us(model: Model) -> u64 {
    model.lcd_frame_us()
}

/// The 8 text colours (TEXT_COLOR_BLACK..WHITE) as RGB565.
pub const PALETTE: [u16; 8] = [
    0x0000, 0x001F, 0x07E0, 0x07FF, 0xF800, 0xF81F, 0xFFE0, 0xFFFF,
];

/// Display state.
#[derive(Clone, Debug)]
pub struct DisplayState {
    /// Frame (border) colour.
    pub frame_color: u16,
    /// Status area mode (EnableStatusArea): 0 shown, 3 hidden.
    pub status_mode: u32,
    /// Status area flags (DefineStatusAreaFlags).
    pub status_flags: u32,
    /// Status message (DefineStatusMessage).
    pub status_message: Vec<u8>,
    /// VRAM saved by MsgBoxPush, innermost last.
    pub msgbox_stack: Vec<Vec<u8>>,
    /// Text cursor of locate_OS/Print_OS (1-based column and row).
    pub cursor: (i32, i32),
    /// Flash phase of the text cursor (SetCursorFlashToggle, Keyboard_CursorFlash).
    pub cursor_flash: bool,
    /// Character set of later prints (ProcessPrintChars): 0 default, 936 GB.
    pub charset: u16,
    /// Message-box depth of the box ProgressBar2 opened, while it is open.
    pub progress_box: Option<usize>,
}

impl Default for DisplayState {
    /// As the OS starts an add-in: a white frame, everything else cleared.
    fn default() -> Self {
        DisplayState {
            frame_color: 0xFFFF,
            status_mode: Default::default(),
            status_flags: Default::default(),
            status_message: Default::default(),
            msgbox_stack: Default::default(),
            cursor: Default::default(),
            cursor_flash: Default::default(),
            charset: Default::default(),
            progress_box: Default::default(),
        }
    }
}

/// The display calls.
pub const CALLS: &[Entry] = &[
    (calls::Bdisp_AllClr_VRAM, all_clr_vram),
    (calls::Bdisp_PutDisp_DD, put_disp_dd),
    (calls::Bdisp_PutDisp_DD_stripe, put_disp_dd_stripe),
    (calls::Bdisp_SetPoint_VRAM, set_point_vram),
    (calls::Bdisp_SetPointWB_VRAM, set_point_vram),
    (calls::Bdisp_GetPoint_VRAM, get_point_vram),
    (calls::Bdisp_SetPoint_DD, set_point_dd),
    (calls::Bdisp_GetPoint_DD, get_point_dd),
    (calls::Bdisp_Fill_VRAM, fill_vram),
    (calls::Bdisp_EnableColor, enable_color),
    (calls::GetVRAMAddress, get_vram_address),
    (calls::GetSecondaryVRAMAddress, get_secondary_vram_address),
    (calls::SaveVRAM_1, save_vram_1),
    (calls::LoadVRAM_1, load_vram_1),
    (calls::DrawFrame, draw_frame),
    (calls::FrameColor, frame_color),
    (calls::Bdisp_AreaClr, area_clr),
    (calls::Bdisp_FilledRectangle, filled_rectangle),
    (
        calls::Bdisp_FilledRectangleFullColor,
        filled_rectangle_full_color,
    ),
    (calls::Bdisp_Rectangle, rectangle),
    (calls::DirectDrawRectangle, direct_draw_rectangle),
    (calls::PrintXY, print_xy),
    (calls::PrintMini, print_mini),
    (calls::PrintCXY, print_cxy),
    (calls::DisplayStatusArea, display_status_area),
    (calls::EnableStatusArea, enable_status_area),
    (calls::DefineStatusMessage, define_status_message),
    (calls::DefineStatusAreaFlags, define_status_area_flags),
    (calls::HourGlass, hour_glass),
    (calls::MsgBoxPush, msg_box_push),
    (calls::MsgBoxPop, msg_box_pop),
    (calls::AUX_DisplayErrorMessage, aux_display_error_message),
    (calls::Cursor_SetFlashOn, cursor_set_flash_on),
    (calls::Cursor_SetFlashOff, cursor_set_flash_off),
    (calls::SetBackGround, set_background),
    (calls::EnableDisplayHeader, enable_display_header),
    (calls::locate_OS, locate_os),
    (calls::Print_OS, print_os),
    (calls::PrintMiniMini, print_mini_mini),
    (calls::Bdisp_GetPoint_DD_Workbench, get_point_dd_workbench),
    (calls::DrawHeaderLine, draw_header_line),
    (calls::Bdisp_HeaderText, header_text),
    (calls::BoxYLimits, box_y_limits),
    (calls::ProgressBar2, progress_bar2),
    (calls::Scrollbar, scrollbar),
    (calls::Bdisp_DDRegisterSelect, dd_register_select),
    (calls::Bdisp_DefineDMARange, define_dma_range),
    (calls::Bdisp_MMPrint, mm_print),
    (calls::Bdisp_MMPrintRef, mm_print_ref),
];

// ---- VRAM access ----

impl Ctx<'_> {
    fn vram(&mut self) -> &mut [u8] {
        let a = self.model.vram_p2();
        self.cpu
            .mem
            .slice_mut(a, VRAM_SIZE as usize)
            .expect("VRAM is mapped")
    }

    /// Sets a VRAM pixel (clipped).
    pub(crate) fn pset(&mut self, x: i32, y: i32, c: u16) {
        if (0..W).contains(&x) && (0..H).contains(&y) {
            let o = ((y * W + x) * 2) as usize;
            self.vram()[o..o + 2].copy_from_slice(&c.to_be_bytes());
        }
    }

    /// Reads a VRAM pixel (0 outside).
    pub(crate) fn pget(&mut self, x: i32, y: i32) -> u16 {
        if (0..W).contains(&x) && (0..H).contains(&y) {
            let o = ((y * W + x) * 2) as usize;
            let v = self.vram();
            u16::from_be_bytes([v[o], v[o + 1]])
        } else {
            0
        }
    }

    /// Fills the rectangle `[x1,x2]x[y1,y2]` (inclusive, clipped).
    pub(crate) fn fill_rect(&mut self, x1: i32, y1: i32, x2: i32, y2: i32, c: u16) {
        let (x1, x2) = (x1.min(x2).max(0), x1.max(x2).min(W - 1));
        let (y1, y2) = (y1.min(y2).max(0), y1.max(y2).min(H - 1));
        for y in y1..=y2 {
            for x in x1..=x2 {
                self.pset(x, y, c);
            }
        }
    }

    /// Copies VRAM rows [y1, y2] to the LCD and counts a frame.
    pub(crate) fn present(&mut self, y1: i32, y2: i32) {
        let (y1, y2) = (y1.clamp(0, H - 1) as usize, y2.clamp(0, H - 1) as usize);
        let a = self.model.vram_p2();
        let mem = &mut self.cpu.mem;
        let mut lcd = std::mem::take(&mut mem.devices.lcd.pixels);
        let v = mem.slice(a, VRAM_SIZE as usize).expect("VRAM is mapped");
        for y in y1..=y2.max(y1) {
            for x in 0..W as usize {
                let o = (y * W as usize + x) * 2;
                lcd[y * W as usize + x] = u16::from_be_bytes([v[o], v[o + 1]]);
            }
        }
        mem.devices.lcd.pixels = lcd;
        mem.devices.lcd.frames += 1;
        let rows = (y2.max(y1) - y1 + 1) as u64;
        let full = put_disp_us(self.model) * CLOCK_HZ / 1_000_000;
        self.idle(full * rows / H as u64);
    }

    /// Draws one character cell of text at pixel (x, y).
    #[allow(clippy::too_many_arguments)]
    fn draw_char(&mut self, x: i32, y: i32, c: u8, mini: bool, fg: u16, bg: Option<u16>) {
        let (cell, scale, origin) = if mini {
            (MINI, (1, 2), (1, 1))
        } else {
            (LARGE, (2, 2), (1, 4))
        };
        let mut px = Vec::new();
        font::render(c, cell, scale, origin, |cx, cy, on| {
            px.push((cx as i32, cy as i32, on))
        });
        for (cx, cy, on) in px {
            if on {
                self.pset(x + cx, y + cy, fg);
            } else if let Some(b) = bg {
                self.pset(x + cx, y + cy, b);
            }
        }
    }

    /// Draws a string; returns the x after it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn draw_text(
        &mut self,
        mut x: i32,
        y: i32,
        s: &[u8],
        mini: bool,
        fg: u16,
        bg: Option<u16>,
        xlimit: i32,
    ) -> i32 {
        let w = if mini { MINI.0 } else { LARGE.0 } as i32;
        for &c in s {
            if x + w > xlimit {
                break;
            }
            self.draw_char(x, y, c, mini, fg, bg);
            x += w;
        }
        x
    }
}

fn color_index(i: u32) -> u16 {
    PALETTE[(i & 7) as usize]
}

fn all_clr_vram(e: &mut Ctx) -> CallResult {
    e.vram().fill(0xFF);
    Ok(0)
}

fn put_disp_dd(e: &mut Ctx) -> CallResult {
    e.present(0, H - 1);
    Ok(0)
}

fn put_disp_dd_stripe(e: &mut Ctx) -> CallResult {
    let (y1, y2) = (e.arg(0)? as i32, e.arg(1)? as i32);
    e.present(y1, y2);
    Ok(0)
}

fn set_point_vram(e: &mut Ctx) -> CallResult {
    let (x, y, c) = (e.arg(0)? as i32, e.arg(1)? as i32, e.arg(2)? as u16);
    e.pset(x, y, c);
    Ok(0)
}

fn get_point_vram(e: &mut Ctx) -> CallResult {
    let (x, y) = (e.arg(0)? as i32, e.arg(1)? as i32);
    Ok(e.pget(x, y) as u32)
}

fn set_point_dd(e: &mut Ctx) -> CallResult {
    let (x, y, c) = (e.arg(0)? as i32, e.arg(1)? as i32, e.arg(2)? as u16);
    if (0..W).contains(&x) && (0..H).contains(&y) {
        e.cpu.mem.devices.lcd.pixels[(y * W + x) as usize] = c;
    }
    Ok(0)
}

fn get_point_dd(e: &mut Ctx) -> CallResult {
    let (x, y) = (e.arg(0)? as i32, e.arg(1)? as i32);
    if (0..W).contains(&x) && (0..H).contains(&y) {
        Ok(e.cpu.mem.devices.lcd.pixels[(y * W + x) as usize] as u32)
    } else {
        Ok(0)
    }
}

/// Bdisp_Fill_VRAM(color, mode): mode 1 fills below the status area, mode 2 the
/// status area, other modes the whole VRAM (the emulator's reading of the modes).
fn fill_vram(e: &mut Ctx) -> CallResult {
    let (c, mode) = (e.arg(0)? as u16, e.arg(1)?);
    match mode {
        1 => e.fill_rect(0, STATUS_H, W - 1, H - 1, c),
        2 => e.fill_rect(0, 0, W - 1, STATUS_H - 1, c),
        _ => e.fill_rect(0, 0, W - 1, H - 1, c),
    }
    Ok(0)
}

fn enable_color(_e: &mut Ctx) -> CallResult {
    Ok(0)
}

fn get_vram_address(e: &mut Ctx) -> CallResult {
    Ok(e.model.vram_p2())
}

fn get_secondary_vram_address(e: &mut Ctx) -> CallResult {
    Ok(e.model.secondary_vram_p2())
}

fn save_vram_1(e: &mut Ctx) -> CallResult {
    let v = e.vram().to_vec();
    let a = e.model.secondary_vram_p2();
    e.cpu.mem.load(a, &v);
    Ok(0)
}

fn load_vram_1(e: &mut Ctx) -> CallResult {
    let a = e.model.secondary_vram_p2();
    let s = e.cpu.mem.slice(a, VRAM_SIZE as usize).unwrap().to_vec();
    e.vram().copy_from_slice(&s);
    Ok(0)
}

fn draw_frame(e: &mut Ctx) -> CallResult {
    e.os.display.frame_color = e.arg(0)? as u16;
    Ok(0)
}

/// FrameColor(mode, color): mode 1 sets the colour, mode 0 resets it to white; returns
/// the current colour.
fn frame_color(e: &mut Ctx) -> CallResult {
    let (mode, c) = (e.arg(0)?, e.arg(1)? as u16);
    match mode {
        0 => e.os.display.frame_color = 0xFFFF,
        1 => e.os.display.frame_color = c,
        _ => {}
    }
    Ok(e.os.display.frame_color as u32)
}

/// Bdisp_AreaClr(struct display_fill {x1,y1,x2,y2,mode}*, target, color).
fn area_clr(e: &mut Ctx) -> CallResult {
    let p = e.arg(0)?;
    let c = e.arg(2)? as u16;
    let x1 = e.rd32(p)? as i32;
    let y1 = e.rd32(p + 4)? as i32;
    let x2 = e.rd32(p + 8)? as i32;
    let y2 = e.rd32(p + 12)? as i32;
    e.fill_rect(x1, y1, x2, y2, c);
    Ok(0)
}

/// The corners `x1, y1, x2, y2` of a rectangle call (its first four arguments).
fn corners(e: &mut Ctx) -> Result<(i32, i32, i32, i32), Halt> {
    Ok((
        e.arg(0)? as i32,
        e.arg(1)? as i32,
        e.arg(2)? as i32,
        e.arg(3)? as i32,
    ))
}

fn filled_rectangle(e: &mut Ctx) -> CallResult {
    let (x1, y1, x2, y2) = corners(e)?;
    let c = color_index(e.arg(4)?);
    e.fill_rect(x1, y1, x2, y2, c);
    Ok(0)
}

fn filled_rectangle_full_color(e: &mut Ctx) -> CallResult {
    let (x1, y1, x2, y2) = corners(e)?;
    let c = e.arg(4)? as u16;
    e.fill_rect(x1, y1, x2, y2, c);
    Ok(0)
}

fn rectangle(e: &mut Ctx) -> CallResult {
    let (x1, y1, x2, y2) = corners(e)?;
    let c = color_index(e.arg(4)?);
    e.fill_rect(x1, y1, x2, y1, c);
    e.fill_rect(x1, y2, x2, y2, c);
    e.fill_rect(x1, y1, x1, y2, c);
    e.fill_rect(x2, y1, x2, y2, c);
    Ok(0)
}

/// DirectDrawRectangle draws straight to the LCD.
fn direct_draw_rectangle(e: &mut Ctx) -> CallResult {
    let (x1, y1, x2, y2) = corners(e)?;
    let c = e.arg(4)? as u16;
    for y in y1.min(y2).max(0)..=y1.max(y2).min(H - 1) {
        for x in x1.min(x2).max(0)..=x1.max(x2).min(W - 1) {
            e.cpu.mem.devices.lcd.pixels[(y * W + x) as usize] = c;
        }
    }
    Ok(0)
}

/// PrintXY(x, y, string, mode, color): x, y are 1-based cells of 18x24 px, row 1 below
/// the status area; the first two bytes of the string are skipped. Mode 0 normal,
/// 1 inverted, 0x20 transparent background, 0x21 AND (drawn as transparent).
fn print_xy(e: &mut Ctx) -> CallResult {
    let (x, y, s, mode, color) = (
        e.arg(0)? as i32,
        e.arg(1)? as i32,
        e.arg(2)?,
        e.arg(3)?,
        e.arg(4)?,
    );
    let text = e.rd_cstr(s, 256)?;
    let text = if text.len() > 2 { &text[2..] } else { &[][..] };
    let c = color_index(color);
    let (fg, bg) = match mode {
        0x01 => (0xFFFF, Some(c)),
        0x20 | 0x21 => (c, None),
        _ => (c, Some(0xFFFF)),
    };
    let px = (x - 1) * LARGE.0 as i32;
    let py = y * LARGE.1 as i32;
    let text = text.to_vec();
    e.draw_text(px, py, &text, false, fg, bg, W);
    Ok(0)
}

/// PrintMini(int* x, int* y, string, mode_flags, xlimit, P6, P7, color, back_color,
/// writeflag, P11): 10x18 px cells at pixel (x, y+24); advances *x. Mode flag 0x02
/// keeps the background, 0x04 inverts, 0x40 takes y as a screen row (no +24: Bomberman,
/// maxwrlr/Bomberman-for-CasioFXCG20 src/menu.c, prints at y=198 with 0x40); writeflag
/// 0 only measures.
fn print_mini(e: &mut Ctx) -> CallResult {
    let (px, py) = (e.arg(0)?, e.arg(1)?);
    let x = e.rd32(px)? as i32;
    let y = e.rd32(py)? as i32;
    let end = mini_text(e, x, y)?;
    e.wr32(px, end as u32)?;
    Ok(0)
}

/// The text of PrintMini and Bdisp_MMPrint(Ref): arguments 2-4 and 7-9 of the call
/// (string, mode, xlimit, color, back_color, writeflag) at (x, y); returns the x after
/// the text.
fn mini_text(e: &mut Ctx, x: i32, y: i32) -> Result<i32, Halt> {
    let (s, mode, xlimit) = (e.arg(2)?, e.arg(3)?, e.arg(4)?);
    let color = e.arg(7)? as u16;
    let back = e.arg(8)? as u16;
    let write = e.arg(9)?;
    let text = e.rd_cstr(s, 1024)?;
    // xlimit is unsigned (libfxcg include/fxcg/display.h); add-ins pass 0xFFFFFFFF
    // for "no limit" (gbl08ma's utilities, src/homeGUI.cpp; KhiCAS).
    let xlimit = xlimit.min(W as u32) as i32;
    Ok(if write != 0 {
        let (fg, bg) = if mode & 0x04 != 0 {
            (back, Some(color))
        } else {
            (color, Some(back))
        };
        let bg = if mode & 0x02 != 0 { None } else { bg };
        let top = if mode & 0x40 != 0 { y } else { y + STATUS_H };
        e.draw_text(x, top, &text, true, fg, bg, xlimit.max(1))
    } else {
        let w = MINI.0 as i32;
        let fit = ((xlimit - x).max(0) / w) as usize;
        x + w * text.len().min(fit) as i32
    })
}

/// Bdisp_MMPrint(x, y, string, mode, xlimit, P6, P7, color, back_color, writeflag, P11):
/// PrintMini's text with x and y passed by value, drawn with the emulator's mini font.
/// Signature: libfxcg include/fxcg/display.h, which declares it with PrintMini's
/// parameters (mode, xmax, color, back color...) but x and y by value; the mode flags
/// are taken as PrintMini's.
fn mm_print(e: &mut Ctx) -> CallResult {
    let (x, y) = (e.arg(0)? as i32, e.arg(1)? as i32);
    mini_text(e, x, y)?;
    Ok(0)
}

/// Bdisp_MMPrintRef(int* x, int* y, string, mode, xlimit, P6, P7, color, back_color,
/// writeflag, P11): Bdisp_MMPrint with x and y by reference, *x advanced as PrintMini
/// does. Signature: libfxcg include/fxcg/display.h.
fn mm_print_ref(e: &mut Ctx) -> CallResult {
    print_mini(e)
}

/// PrintCXY(x, y, string, mode, P5, color, back_color, P8, P9): large text at pixel
/// (x, y+24). Mode 0x20 keeps the background, 0x01 inverts.
fn print_cxy(e: &mut Ctx) -> CallResult {
    let (x, y, s, mode) = (e.arg(0)? as i32, e.arg(1)? as i32, e.arg(2)?, e.arg(3)?);
    let color = e.arg(5)? as u16;
    let back = e.arg(6)? as u16;
    let text = e.rd_cstr(s, 256)?;
    let (fg, bg) = if mode & 1 != 0 {
        (back, Some(color))
    } else {
        (color, Some(back))
    };
    let bg = if mode & 0x20 != 0 { None } else { bg };
    e.draw_text(x, y + STATUS_H, &text, false, fg, bg, W);
    Ok(0)
}

/// Draws the status area: a white bar with a grey bottom line and the status message.
fn display_status_area(e: &mut Ctx) -> CallResult {
    if e.os.display.status_mode == 3 {
        return Ok(0);
    }
    e.fill_rect(0, 0, W - 1, STATUS_H - 1, 0xFFFF);
    e.fill_rect(0, STATUS_H - 2, W - 1, STATUS_H - 2, 0x8410);
    // A battery icon at the right.
    e.fill_rect(W - 26, 6, W - 6, 15, 0x0000);
    e.fill_rect(W - 25, 7, W - 7, 14, 0x07E0);
    let msg = e.os.display.status_message.clone();
    e.draw_text(4, 2, &msg, true, 0x0000, None, W - 30);
    Ok(0)
}

fn enable_status_area(e: &mut Ctx) -> CallResult {
    e.os.display.status_mode = e.arg(0)?;
    Ok(0)
}

fn define_status_message(e: &mut Ctx) -> CallResult {
    let s = e.arg(0)?;
    e.os.display.status_message = if s == 0 {
        Vec::new()
    } else {
        e.rd_cstr(s, 128)?
    };
    Ok(0)
}

fn define_status_area_flags(e: &mut Ctx) -> CallResult {
    let (mode, flags) = (e.arg(0)?, e.arg(1)?);
    match mode {
        0 => e.os.display.status_flags = 0,
        3 => e.os.display.status_flags = flags,
        _ => {}
    }
    Ok(0)
}

fn hour_glass(_e: &mut Ctx) -> CallResult {
    Ok(0)
}

/// MsgBoxPush(lines): saves VRAM and draws an empty box of `lines` text lines centred
/// below the status area.
fn msg_box_push(e: &mut Ctx) -> CallResult {
    let lines = e.arg(0)? as i32;
    push_box(e, lines);
    Ok(0)
}

/// Top and bottom rows of the message box of `lines` lines (1 to 6) MsgBoxPush draws.
pub fn box_limits(lines: i32) -> (i32, i32) {
    let h = lines.clamp(1, 6) * 24 + 12;
    let top = STATUS_H + (H - STATUS_H - h) / 2;
    (top, top + h)
}

/// Saves VRAM and draws an empty message box; returns its top and bottom rows.
fn push_box(e: &mut Ctx, lines: i32) -> (i32, i32) {
    let saved = e.vram().to_vec();
    e.os.display.msgbox_stack.push(saved);
    let (top, bottom) = box_limits(lines);
    e.fill_rect(18, top, W - 19, bottom, 0x0000);
    e.fill_rect(20, top + 2, W - 21, bottom - 2, 0xFFFF);
    (top, bottom)
}

fn msg_box_pop(e: &mut Ctx) -> CallResult {
    if let Some(v) = e.os.display.msgbox_stack.pop() {
        e.vram().copy_from_slice(&v);
    }
    if e.os
        .display
        .progress_box
        .is_some_and(|d| e.os.display.msgbox_stack.len() < d)
    {
        e.os.display.progress_box = None;
    }
    Ok(0)
}

/// AUX_DisplayErrorMessage(msgno): shows a box with `"Error <msgno>"` and `"Press:[EXIT]"`,
/// displays it and waits for EXIT or AC (other keys are swallowed).
fn aux_display_error_message(e: &mut Ctx) -> CallResult {
    let n = e.arg(0)?;
    let saved = e.vram().to_vec();
    let top = STATUS_H + 60;
    e.fill_rect(18, top, W - 19, top + 72, 0x0000);
    e.fill_rect(20, top + 2, W - 21, top + 70, 0xFFFF);
    let msg = format!("Error {n:#x}");
    e.draw_text(36, top + 10, msg.as_bytes(), false, 0x0000, None, W - 20);
    e.draw_text(36, top + 40, b"Press:[EXIT]", false, 0x0000, None, W - 20);
    e.present(0, H - 1);
    loop {
        let k = super::keyboard::take_key(e, None)?;
        match k {
            Some(k) if k.name == "EXIT" || k.name == "AC" => break,
            Some(_) => {}
            None => return Err(Halt::Idle),
        }
    }
    e.vram().copy_from_slice(&saved);
    Ok(0)
}

fn cursor_set_flash_on(e: &mut Ctx) -> CallResult {
    e.ignored("Cursor_SetFlashOn")
}

fn cursor_set_flash_off(e: &mut Ctx) -> CallResult {
    e.ignored("Cursor_SetFlashOff")
}

fn set_background(e: &mut Ctx) -> CallResult {
    e.ignored("SetBackGround")
}

fn enable_display_header(e: &mut Ctx) -> CallResult {
    e.ignored("EnableDisplayHeader")
}

/// locate_OS(x, y): sets the text cursor (1-based PrintXY cells).
fn locate_os(e: &mut Ctx) -> CallResult {
    e.os.display.cursor = (e.arg(0)? as i32, e.arg(1)? as i32);
    Ok(0)
}

/// Print_OS(msg, mode, 0): prints at the text cursor like PrintXY (no skipped bytes),
/// black; mode 1 inverts. Advances the cursor.
fn print_os(e: &mut Ctx) -> CallResult {
    let (s, mode) = (e.arg(0)?, e.arg(1)?);
    let text = e.rd_cstr(s, 256)?;
    let (x, y) = e.os.display.cursor;
    let (fg, bg) = if mode & 1 != 0 {
        (0xFFFF, Some(0x0000))
    } else {
        (0x0000, Some(0xFFFF))
    };
    e.draw_text(
        (x.max(1) - 1) * LARGE.0 as i32,
        y.max(1) * LARGE.1 as i32,
        &text,
        false,
        fg,
        bg,
        W,
    );
    e.os.display.cursor.0 = x + text.len() as i32;
    Ok(0)
}

/// PrintMiniMini(int* x, int* y, string, mode1, color index, mode2): the mini font at
/// pixel (x, y+24), transparent background; advances *x.
fn print_mini_mini(e: &mut Ctx) -> CallResult {
    let (px, py, s, _mode, color) = (e.arg(0)?, e.arg(1)?, e.arg(2)?, e.arg(3)?, e.arg(4)?);
    let x = e.rd32(px)? as i32;
    let y = e.rd32(py)? as i32;
    let text = e.rd_cstr(s, 1024)?;
    let end = e.draw_text(x, y + STATUS_H, &text, true, color_index(color), None, W);
    e.wr32(px, end as u32)?;
    Ok(0)
}

/// Bdisp_GetPoint_DD_Workbench(x, y): a pixel of the LCD in workbench coordinates
/// (y counted from below the status area).
fn get_point_dd_workbench(e: &mut Ctx) -> CallResult {
    let (x, y) = (e.arg(0)? as i32, e.arg(1)? as i32 + STATUS_H);
    if (0..W).contains(&x) && (0..H).contains(&y) {
        Ok(e.cpu.mem.devices.lcd.pixels[(y * W + x) as usize] as u32)
    } else {
        Ok(0)
    }
}

/// DrawHeaderLine(): the line under the status area, as DisplayStatusArea draws it.
fn draw_header_line(e: &mut Ctx) -> CallResult {
    e.fill_rect(0, STATUS_H - 2, W - 1, STATUS_H - 2, 0x8410);
    Ok(0)
}

/// Bdisp_HeaderText(): the status-area text (DefineStatusMessage), drawn over the
/// status area's background as DisplayStatusArea draws it.
fn header_text(e: &mut Ctx) -> CallResult {
    let msg = e.os.display.status_message.clone();
    e.draw_text(4, 2, &msg, true, 0x0000, None, W - 30);
    Ok(0)
}

/// BoxYLimits(lines, int* top, int* bottom): the rows MsgBoxPush(lines) draws its box
/// between.
fn box_y_limits(e: &mut Ctx) -> CallResult {
    let (lines, pt, pb) = (e.arg(0)? as i32, e.arg(1)?, e.arg(2)?);
    let (top, bottom) = box_limits(lines);
    if pt != 0 {
        e.wr32(pt, top as u32)?;
    }
    if pb != 0 {
        e.wr32(pb, bottom as u32)?;
    }
    Ok(0)
}

/// ProgressBar2(heading, current, max): the first call opens a 3-line message box
/// (closed with MsgBoxPop, as on the calculator); every call draws the heading and a
/// bar filled current/max, and shows the screen.
fn progress_bar2(e: &mut Ctx) -> CallResult {
    let (hp, cur, max) = (e.arg(0)?, e.arg(1)? as i32, e.arg(2)? as i32);
    let heading = if hp == 0 {
        Vec::new()
    } else {
        e.rd_cstr(hp, 64)?
    };
    let top = match e.os.display.progress_box {
        Some(_) => box_limits(3).0,
        None => {
            let (top, _) = push_box(e, 3);
            e.os.display.progress_box = Some(e.os.display.msgbox_stack.len());
            top
        }
    };
    e.fill_rect(22, top + 4, W - 23, top + 80, 0xFFFF);
    e.draw_text(36, top + 6, &heading, false, 0x0000, None, W - 24);
    let (x1, x2, y1, y2) = (36, W - 37, top + 44, top + 66);
    e.fill_rect(x1, y1, x2, y1, 0x0000);
    e.fill_rect(x1, y2, x2, y2, 0x0000);
    e.fill_rect(x1, y1, x1, y2, 0x0000);
    e.fill_rect(x2, y1, x2, y2, 0x0000);
    let frac = if max > 0 {
        cur.clamp(0, max) as i64 * (x2 - x1 - 1) as i64 / max as i64
    } else {
        0
    };
    if frac > 0 {
        e.fill_rect(x1 + 1, y1 + 1, x1 + frac as i32, y2 - 1, 0x001F);
    }
    e.present(0, H - 1);
    Ok(0)
}

/// Scrollbar(struct scrollbar*): a bar at (barleft, bartop) of barwidth x barheight
/// pixels, outlined, with an indicator of indicatorheight units at indicatorpos in a
/// range of indicatormaximum units.
fn scrollbar(e: &mut Ctx) -> CallResult {
    let p = e.arg(0)?;
    let max = e.rd32(p + 4)? as i64;
    let ih = e.rd32(p + 8)? as i64;
    let pos = e.rd32(p + 12)? as i64;
    let left = e.rd16(p + 20)? as i32;
    let top = e.rd16(p + 22)? as i32;
    let height = e.rd16(p + 24)? as i32;
    let width = e.rd16(p + 26)? as i32;
    if width < 1 || height < 1 {
        return Ok(0);
    }
    let (x2, y2) = (left + width - 1, top + height - 1);
    e.fill_rect(left, top, x2, y2, 0xFFFF);
    e.fill_rect(left, top, x2, top, 0x0000);
    e.fill_rect(left, y2, x2, y2, 0x0000);
    e.fill_rect(left, top, left, y2, 0x0000);
    e.fill_rect(x2, top, x2, y2, 0x0000);
    let inner = (height - 2).max(0) as i64;
    if max > 0 && inner > 0 && width > 2 {
        let a = (pos.clamp(0, max) * inner / max) as i32;
        let b = (((pos + ih).clamp(0, max) * inner + max - 1) / max) as i32;
        let b = b.max(a + 1).min(inner as i32);
        e.fill_rect(left + 1, top + 1 + a, x2 - 1, top + b, 0x0000);
    }
    Ok(0)
}

/// Bdisp_DDRegisterSelect(reg): selects register `reg` of the LCD controller, whose
/// value add-ins then read or write at 0xB4000000. Signature: libfxcg
/// include/fxcg/display.h; use: gbl08ma's utilities (src/hardwareProvider.cpp selects
/// 0x5A1, then reads and writes the backlight level at 0xB4000000) and SuperFX-CG
/// (src/UI.h selects 0x202, the pixel data, before a DMA transfer to 0xB4000000).
fn dd_register_select(e: &mut Ctx) -> CallResult {
    let reg = e.arg(0)? as u16;
    e.cpu.mem.devices.lcd.select(reg);
    Ok(0)
}

/// Bdisp_DefineDMARange(x1, x2, y1, y2): the LCD controller's window for the pixel
/// data that follows: panel columns x1..=x2, rows y1..=y2. Signature: libfxcg
/// include/fxcg/display.h; use: SuperFX-CG (src/UI.h: `Bdisp_DefineDMARange(6, 389,
/// y1, y2)` before sending VRAM rows y1..y2 by DMA).
fn define_dma_range(e: &mut Ctx) -> CallResult {
    let (x1, x2, y1, y2) = (e.arg(0)?, e.arg(1)?, e.arg(2)?, e.arg(3)?);
    e.cpu
        .mem
        .devices
        .lcd
        .set_window(x1 as u16, x2 as u16, y1 as u16, y2 as u16);
    Ok(0)
}
