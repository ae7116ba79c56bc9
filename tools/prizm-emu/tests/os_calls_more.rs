//! OS calls added for the SDK's coverage: conversions, text, status area, dialogs,
//! storage masks, exercised directly through `Emulator::call_os`.

mod common;

use common::{build, g3a};
use prizm_emu::{Emulator, Options};

const BUF: u32 = 0x0810_0000;

fn emu() -> Emulator {
    let (code, _) = build("rts\n nop", "os-more");
    Emulator::load(&g3a(&code), Options::default()).unwrap()
}

fn put(e: &mut Emulator, a: u32, b: &[u8]) {
    for (i, &v) in b.iter().enumerate() {
        e.cpu.poke(a + i as u32, 1, v as u32).unwrap();
    }
}

fn put_str(e: &mut Emulator, a: u32, s: &str) {
    put(e, a, s.as_bytes());
    e.cpu.poke(a + s.len() as u32, 1, 0).unwrap();
}

fn put_wstr(e: &mut Emulator, a: u32, s: &str) {
    for (i, c) in s.encode_utf16().chain(std::iter::once(0)).enumerate() {
        e.cpu.poke(a + 2 * i as u32, 2, c as u32).unwrap();
    }
}

fn get(e: &mut Emulator, a: u32, n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| e.cpu.peek(a + i as u32, 1).unwrap() as u8)
        .collect()
}

/// Pixels of VRAM in [x1,x2]x[y1,y2] that differ from white.
fn inked(e: &Emulator, x1: usize, y1: usize, x2: usize, y2: usize) -> usize {
    let v = e.vram_rgb565();
    (y1..=y2)
        .flat_map(|y| (x1..=x2).map(move |x| (x, y)))
        .filter(|&(x, y)| v[y * 384 + x] != 0xFFFF)
        .count()
}

#[test]
fn hex_conversions() {
    let mut e = emu();
    put(&mut e, BUF, &[b'#'; 16]);
    e.call_os(0x1346, &[0xB, BUF]).unwrap(); // NibbleToHex
    e.call_os(0x1347, &[0x3F, BUF + 1]).unwrap(); // ByteToHex
    e.call_os(0x1348, &[0xBEEF, BUF + 3]).unwrap(); // WordToHex
    e.call_os(0x1841, &[0x12AB_CDEF, BUF + 7, 6]).unwrap(); // LongToAscHex
    assert_eq!(
        &get(&mut e, BUF, 16),
        b"B3FBEEFABCDEF###",
        "digits only, no NUL"
    );
    put(&mut e, BUF + 0x40, b"a7");
    e.call_os(0x1344, &[BUF + 0x40, BUF + 0x50]).unwrap(); // HexToByte
    assert_eq!(e.cpu.peek(BUF + 0x50, 1).unwrap(), 0xA7);
    e.call_os(0x1343, &[b'f' as u32, BUF + 0x51]).unwrap(); // HexToNibble
    assert_eq!(e.cpu.peek(BUF + 0x51, 1).unwrap(), 0xF);
    put(&mut e, BUF + 0x60, b"C0DE");
    e.call_os(0x1345, &[BUF + 0x60, BUF + 0x70]).unwrap(); // HexToWord
    assert_eq!(e.cpu.peek(BUF + 0x70, 2).unwrap(), 0xC0DE);
}

#[test]
fn strcmp_ignore_case_and_name_mask() {
    let mut e = emu();
    put_str(&mut e, BUF, "Hello");
    put_str(&mut e, BUF + 0x10, "hELLO");
    put_str(&mut e, BUF + 0x20, "help");
    assert_eq!(e.call_os(0x1635, &[BUF, BUF + 0x10]).unwrap(), 0);
    assert!(
        (e.call_os(0x1635, &[BUF, BUF + 0x20]).unwrap() as i32) < 0,
        "L < P"
    );
    assert!((e.call_os(0x1635, &[BUF + 0x20, BUF]).unwrap() as i32) > 0);
    // Bfile_Name_MatchMask on 16-bit names.
    put_wstr(&mut e, BUF + 0x100, "*.G3A");
    put_wstr(&mut e, BUF + 0x200, "game.g3a");
    put_wstr(&mut e, BUF + 0x300, "game.txt");
    assert_eq!(e.call_os(0x1DDA, &[BUF + 0x100, BUF + 0x200]).unwrap(), 1);
    assert_eq!(e.call_os(0x1DDA, &[BUF + 0x100, BUF + 0x300]).unwrap(), 0);
}

#[test]
fn multibyte_strings_and_charset() {
    let mut e = emu();
    for c in [0x7F, 0xE5, 0xE6, 0xE7, 0xF7, 0xF9] {
        assert_eq!(e.call_os(0x1161, &[c]).unwrap(), 1, "{c:#x} leads");
    }
    assert_eq!(e.call_os(0x1161, &[b'A' as u32]).unwrap(), 0);
    put(&mut e, BUF, &[b'a', 0xE6, 0x9B, b'b', 0x7F, 0x50, 0]);
    assert_eq!(e.call_os(0x1163, &[BUF]).unwrap(), 4, "a, E69B, b, 7F50");
    assert_eq!(e.call_os(0x1300, &[936]).unwrap(), 1);
    assert_eq!(e.os.display.charset, 936);
    assert_eq!(e.call_os(0x1300, &[1234]).unwrap(), 0);
    assert_eq!(e.os.display.charset, 936, "unknown set changes nothing");
    e.call_os(0x01DF, &[]).unwrap(); // DisableGB18030
    assert_eq!(e.os.display.charset, 0);
    e.call_os(0x01E0, &[]).unwrap(); // EnableGB18030
    assert_eq!(e.os.display.charset, 936);
}

#[test]
fn cursor_flash_phase() {
    let mut e = emu();
    assert_eq!(e.call_os(0x08D2, &[1]).unwrap(), 0, "starts off");
    assert_eq!(e.call_os(0x08D2, &[1]).unwrap(), 1);
    e.call_os(0x08CA, &[]).unwrap(); // Keyboard_CursorFlash toggles
    assert_eq!(e.call_os(0x08D2, &[0]).unwrap(), 0);
}

#[test]
fn print_line_and_line_editor() {
    let mut e = emu();
    e.call_os(0x272, &[]).unwrap();
    // PrintLine prints at the cursor, at most imax characters.
    e.call_os(0x1863, &[3, 2]).unwrap(); // locate_OS(3, 2)
    put_str(&mut e, BUF, "ABCDEFGH");
    e.call_os(0x1883, &[BUF, 4]).unwrap();
    assert_eq!(e.os.display.cursor, (7, 2));
    // Cells 3..6 of row 2 (x 36..107, y 48..71) are inked, cell 7 on is not.
    assert!(inked(&e, 36, 48, 107, 71) > 40);
    assert_eq!(inked(&e, 108, 48, 383, 71), 0);
    // EditMBStringChar inserts at the cursor within posmax bytes.
    put_str(&mut e, BUF + 0x100, "ac");
    assert_eq!(
        e.call_os(0x1224, &[BUF + 0x100, 10, 1, b'b' as u32])
            .unwrap(),
        2
    );
    assert_eq!(&get(&mut e, BUF + 0x100, 4), b"abc\0");
    assert_eq!(
        e.call_os(0x1224, &[BUF + 0x100, 10, 3, 0xE6A0]).unwrap(),
        5,
        "two bytes"
    );
    assert_eq!(
        &get(&mut e, BUF + 0x100, 6),
        &[b'a', b'b', b'c', 0xE6, 0xA0, 0]
    );
    assert_eq!(
        e.call_os(0x1224, &[BUF + 0x100, 5, 5, b'x' as u32])
            .unwrap(),
        5,
        "full"
    );
    assert_eq!(e.cpu.peek(BUF + 0x105, 1).unwrap(), 0);
    // DisplayMBString shows the string from `start` at a cell, clears the row's rest
    // and puts the cursor at xpos.
    e.call_os(0x275, &[0x001F, 0]).unwrap(); // all blue
    put_str(&mut e, BUF + 0x200, "xyHELLO");
    e.call_os(0x121D, &[BUF + 0x200, 2, 4, 1, 5]).unwrap();
    assert_eq!(e.os.display.cursor, (3, 5));
    let v = e.vram_rgb565();
    // 21 cells of 18 px: x 0..377.
    let v = &v;
    let row5: Vec<u16> = (5 * 24..6 * 24)
        .flat_map(|y| (0..378).map(move |x| v[y * 384 + x]))
        .collect();
    assert!(
        row5.iter().all(|&p| p == 0xFFFF || p == 0),
        "row repainted black on white"
    );
    assert!(row5.contains(&0));
    assert_eq!(v[4 * 24 * 384 + 10], 0x001F, "row 4 untouched");
}

#[test]
fn status_area_calls() {
    let mut e = emu();
    e.call_os(0x272, &[]).unwrap();
    e.call_os(0x02BB, &[]).unwrap(); // DrawHeaderLine
    let v = e.vram_rgb565();
    assert!(v[22 * 384..23 * 384].iter().all(|&p| p == 0x8410));
    assert_eq!(inked(&e, 0, 0, 383, 21), 0);
    put_str(&mut e, BUF, "Title");
    e.call_os(0x1D77, &[BUF, 0, 0, 0]).unwrap(); // DefineStatusMessage
    e.call_os(0x1D82, &[]).unwrap(); // Bdisp_HeaderText
    assert!(inked(&e, 4, 2, 60, 20) > 20, "text in the status area");
    assert_eq!(inked(&e, 0, 24, 383, 215), 0, "nothing below it");
}

#[test]
fn workbench_point_reads_below_status_area() {
    let mut e = emu();
    e.call_os(0x272, &[]).unwrap();
    e.call_os(0x263, &[7, 30, 0xF800]).unwrap();
    e.call_os(0x25F, &[]).unwrap();
    assert_eq!(e.call_os(0x026E, &[7, 6]).unwrap(), 0xF800);
    assert_eq!(e.call_os(0x026E, &[7, 30]).unwrap(), 0xFFFF);
}

#[test]
fn box_limits_progress_bar_and_scrollbar() {
    let mut e = emu();
    e.call_os(0x272, &[]).unwrap();
    // BoxYLimits matches the box MsgBoxPush draws.
    e.call_os(0x17FB, &[4, BUF, BUF + 4]).unwrap();
    let (top, bottom) = (
        e.cpu.peek(BUF, 4).unwrap() as usize,
        e.cpu.peek(BUF + 4, 4).unwrap() as usize,
    );
    assert!(24 < top && top < bottom && bottom < 216);
    e.call_os(0x17F7, &[4]).unwrap();
    let v = e.vram_rgb565();
    assert_eq!(v[top * 384 + 100], 0, "box edge at top");
    assert_eq!(v[bottom * 384 + 100], 0, "box edge at bottom");
    assert_eq!(v[(top - 1) * 384 + 100], 0xFFFF);
    assert_eq!(v[(bottom + 1) * 384 + 100], 0xFFFF);
    e.call_os(0x17F9, &[]).unwrap();
    // ProgressBar2 opens a box once, fills the bar, shows the screen; MsgBoxPop closes.
    put_str(&mut e, BUF + 0x100, "Saving");
    e.call_os(0x1809, &[BUF + 0x100, 0, 100]).unwrap();
    let frames = e.frames();
    assert!(frames >= 1);
    let blue = |e: &Emulator| e.vram_rgb565().iter().filter(|&&p| p == 0x001F).count();
    assert_eq!(blue(&e), 0, "0 %");
    e.call_os(0x1809, &[BUF + 0x100, 50, 100]).unwrap();
    let half = blue(&e);
    e.call_os(0x1809, &[BUF + 0x100, 100, 100]).unwrap();
    let full = blue(&e);
    assert!(
        half > 0 && (full as f64 / half as f64 - 2.0).abs() < 0.1,
        "{half} {full}"
    );
    assert_eq!(e.frames(), frames + 2);
    assert_eq!(
        e.screen_rgb565().iter().filter(|&&p| p == 0x001F).count(),
        full,
        "displayed"
    );
    e.call_os(0x17F9, &[]).unwrap();
    assert!(
        e.vram_rgb565().iter().all(|&p| p == 0xFFFF),
        "one pop closes it"
    );
    assert_eq!(e.os.display.progress_box, None);
    // Scrollbar: struct scrollbar {I1, max, height, pos, I5, left, top, barheight, width}.
    let sb = BUF + 0x200;
    for (i, v) in [0u32, 100, 25, 50, 0].iter().enumerate() {
        e.cpu.poke(sb + 4 * i as u32, 4, *v).unwrap();
    }
    for (i, v) in [370u32, 24, 102, 8].iter().enumerate() {
        e.cpu.poke(sb + 20 + 2 * i as u32, 2, *v).unwrap();
    }
    e.call_os(0x1A0A, &[sb]).unwrap();
    let v = e.vram_rgb565();
    assert_eq!(v[24 * 384 + 370], 0, "outline");
    assert_eq!(v[125 * 384 + 377], 0, "outline");
    // Inner height 100: the indicator spans rows 25+50 .. 25+74, nothing else inside.
    assert_eq!(v[(25 + 60) * 384 + 373], 0, "indicator");
    assert_eq!(v[(25 + 20) * 384 + 373], 0xFFFF, "above it");
    assert_eq!(v[(25 + 90) * 384 + 373], 0xFFFF, "below it");
    assert_eq!(inked(&e, 0, 0, 369, 215), 0, "nothing outside the bar");
}
