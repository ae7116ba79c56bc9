//! OS calls that real add-ins (../shared/realworld and the like) use, beyond the SDK's
//! list, exercised directly through `Emulator::call_os`.

mod common;

use common::{build, g3a};
use prizm_emu::{Emulator, Options};

const BUF: u32 = 0x0810_0000;

fn emu() -> Emulator {
    let (code, _) = build("rts\n nop", "os-real");
    Emulator::load(&g3a(&code), Options::default()).unwrap()
}

fn put(e: &mut Emulator, a: u32, b: &[u8]) {
    for (i, &v) in b.iter().enumerate() {
        e.cpu.poke(a + i as u32, 1, v as u32).unwrap();
    }
}

fn get(e: &mut Emulator, a: u32, n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| e.cpu.peek(a + i as u32, 1).unwrap() as u8)
        .collect()
}

#[test]
fn memcpy_copies_and_returns_dest() {
    let mut e = emu();
    put(&mut e, BUF, b"hello, world");
    put(&mut e, BUF + 0x100, &[b'#'; 8]);
    assert_eq!(
        e.call_os(0x1DD0, &[BUF + 0x101, BUF, 5]).unwrap(),
        BUF + 0x101
    );
    assert_eq!(&get(&mut e, BUF + 0x100, 8), b"#hello##");
}

fn put_name(e: &mut Emulator, a: u32, s: &str) {
    for (i, c) in s.bytes().chain(std::iter::once(0)).enumerate() {
        e.cpu.poke(a + 2 * i as u32, 2, c as u32).unwrap();
    }
}

fn name_at(e: &mut Emulator, a: u32) -> String {
    let mut s = String::new();
    for i in 0.. {
        let c = e.cpu.peek(a + 2 * i, 2).unwrap();
        if c == 0 {
            break;
        }
        s.push(c as u8 as char);
    }
    s
}

#[test]
fn find_first_next_non_smem_list_a_folder() {
    let dir = common::tempdir("non-smem");
    std::fs::create_dir(dir.join("SUB")).unwrap();
    std::fs::write(dir.join("a.txt"), b"12345").unwrap();
    let (code, _) = build("rts\n nop", "os-real-storage");
    let mut e = Emulator::load(
        &g3a(&code),
        Options {
            storage: Some(dir.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    let (pat, ph, found, info) = (BUF, BUF + 0x400, BUF + 0x500, BUF + 0x800);
    put_name(&mut e, pat, "\\\\fls0\\*");
    assert_eq!(e.call_os(0x1DB6, &[pat, ph, found, info]).unwrap(), 0);
    let h = e.cpu.peek(ph, 4).unwrap();
    let mut seen = vec![(name_at(&mut e, found), e.cpu.peek(info + 2, 2).unwrap())];
    while e.call_os(0x1DB8, &[h, found, info]).unwrap() == 0 {
        seen.push((name_at(&mut e, found), e.cpu.peek(info + 2, 2).unwrap()));
    }
    assert_eq!(
        e.call_os(0x1DB8, &[h, found, info]).unwrap() as i32,
        -16,
        "end of enumeration"
    );
    assert_eq!(seen, vec![("SUB".into(), 0), ("a.txt".into(), 1)]);
    assert_eq!(e.call_os(0x1DBA, &[h]).unwrap(), 0);
    // Nothing matches: -1.
    put_name(&mut e, pat, "\\\\fls0\\*.g3a");
    assert_eq!(
        e.call_os(0x1DB6, &[pat, ph, found, info]).unwrap() as i32,
        -1
    );
}

/// Pixels of VRAM in [x1,x2]x[y1,y2] equal to `c`.
fn count(e: &Emulator, x1: usize, y1: usize, x2: usize, y2: usize, c: u16) -> usize {
    let v = e.vram_rgb565();
    (y1..=y2)
        .flat_map(|y| (x1..=x2).map(move |x| (x, y)))
        .filter(|&(x, y)| v[y * 384 + x] == c)
        .count()
}

#[test]
fn fkey_labels_are_drawn_in_their_slot() {
    let mut e = emu();
    e.call_os(0x272, &[]).unwrap();
    e.call_os(0x12F3, &[0x049F, BUF]).unwrap(); // GetFKeyPtr
    let p = e.cpu.peek(BUF, 4).unwrap();
    e.call_os(0x12F3, &[0x0104, BUF + 4]).unwrap();
    assert_ne!(e.cpu.peek(BUF + 4, 4).unwrap(), p, "one label per id");
    e.call_os(0x0131, &[2, p]).unwrap(); // FKey_Display(F3)
    // F3's cell (x 128..191, y 192..215) is mostly black; the rest stays white.
    assert!(count(&e, 128, 192, 191, 215, 0) > 64 * 24 / 2);
    assert_eq!(count(&e, 0, 0, 127, 215, 0xFFFF), 128 * 216);
    assert_eq!(count(&e, 192, 0, 383, 215, 0xFFFF), 192 * 216);
    assert_eq!(count(&e, 128, 0, 191, 191, 0xFFFF), 64 * 192);
    // A bitmap that is not the OS's is refused, naming the call.
    let err = e.call_os(0x0131, &[0, BUF]).unwrap_err();
    assert!(err.contains("FKey_Display"), "{err}");
}

#[test]
fn mini_glyphs_round_trip() {
    let mut e = emu();
    e.call_os(0x272, &[]).unwrap();
    let g = e.call_os(0x01E9, &[b'W' as u32, BUF]).unwrap(); // GetMiniGlyphPtr
    let w = e.cpu.peek(BUF, 2).unwrap();
    assert!((6..=16).contains(&w), "width {w}");
    assert_ne!(g, e.call_os(0x01E9, &[b'i' as u32, BUF]).unwrap());
    // PrintMiniGlyph(x, y, glyph, mode 0, width, 0, 0, 0, 0, color, back, 0) at y+24.
    e.call_os(0x023B, &[100, 10, g, 0, w, 0, 0, 0, 0, 0x001F, 0xFFE0, 0])
        .unwrap();
    let blue = count(&e, 100, 34, 100 + w as usize - 1, 51, 0x001F);
    let yellow = count(&e, 100, 34, 100 + w as usize - 1, 51, 0xFFE0);
    assert!(blue > 10, "ink {blue}");
    assert_eq!(blue + yellow, w as usize * 18, "the whole cell is painted");
    assert_eq!(count(&e, 0, 0, 99, 215, 0xFFFF), 100 * 216);
    // Mode 2 keeps the background: a blank glyph (18 zero words) draws nothing.
    put(&mut e, BUF + 0x40, &[0; 36]);
    e.call_os(0x023B, &[0, 0, BUF + 0x40, 2, 12, 0, 0, 0, 0, 0, 0, 0])
        .unwrap();
    assert_eq!(count(&e, 0, 24, 11, 41, 0xFFFF), 12 * 18);
    e.call_os(0x023B, &[0, 0, BUF + 0x40, 0, 12, 0, 0, 0, 0, 0, 0xF800, 0])
        .unwrap();
    assert_eq!(
        count(&e, 0, 24, 11, 41, 0xF800),
        12 * 18,
        "blank cell painted"
    );
}

#[test]
fn memset_fills() {
    let mut e = emu();
    put(&mut e, BUF, &[b'#'; 8]);
    assert_eq!(
        e.call_os(0x1511, &[BUF + 1, b'z' as u32, 5]).unwrap(),
        BUF + 1
    );
    assert_eq!(&get(&mut e, BUF, 8), b"#zzzzz##");
}

#[test]
fn getkeywait_with_zero_timeout_polls() {
    let mut e = Emulator::load(
        &g3a(&build("rts\n nop", "os-real-keys").0),
        Options {
            keys: prizm_emu::harness::keys::parse_script("wait:1s,EXE").unwrap(),
            ..Default::default()
        },
    )
    .unwrap();
    let wait0 = |e: &mut Emulator| {
        e.call_os(0x12BF, &[BUF, BUF + 4, 2, 0, 1, BUF + 8])
            .unwrap()
    };
    // Nothing held during the wait: timer event, no time spent waiting.
    let t = e.cpu.now();
    assert_eq!(wait0(&mut e), 2);
    assert!(e.cpu.now() - t < 118_000_000 / 10, "returns at once");
    // Once EXE is down, the call reports it and PRGM_GetKey still sees it held.
    let mut got = 0;
    for _ in 0..5000 {
        got = wait0(&mut e);
        if got == 1 {
            break;
        }
    }
    assert_eq!(got, 1);
    assert_eq!(
        (e.cpu.peek(BUF, 4).unwrap(), e.cpu.peek(BUF + 4, 4).unwrap()),
        (3, 2)
    );
    e.call_os(0xD39, &[BUF + 0x20]).unwrap(); // PRGM_GetKey_OS
    assert_eq!(get(&mut e, BUF + 0x21, 2), vec![3, 0x10], "EXE still held");
}

#[test]
fn print_mini_without_x_limit() {
    let mut e = emu();
    e.call_os(0x272, &[]).unwrap();
    put(&mut e, BUF, b"Fatal\0");
    e.cpu.poke(BUF + 0x10, 4, 30).unwrap();
    e.cpu.poke(BUF + 0x14, 4, 40).unwrap();
    // xlimit 0xFFFFFFFF: no limit (unsigned).
    e.call_os(
        0x23C,
        &[
            BUF + 0x10,
            BUF + 0x14,
            BUF,
            2,
            0xFFFF_FFFF,
            0,
            0,
            0,
            0xFFFF,
            1,
            0,
        ],
    )
    .unwrap();
    assert!(count(&e, 30, 64, 383, 81, 0) > 20, "text drawn at (30, 64)");
    assert!(
        e.cpu.peek(BUF + 0x10, 4).unwrap() > 30 + 4 * 6,
        "x advanced"
    );
}

#[test]
fn print_mini_flag_0x40_takes_screen_rows() {
    let mut e = emu();
    e.call_os(0x272, &[]).unwrap();
    put(&mut e, BUF, b"Bottom\0");
    e.cpu.poke(BUF + 0x10, 4, 100).unwrap();
    e.cpu.poke(BUF + 0x14, 4, 190).unwrap();
    e.call_os(
        0x23C,
        &[
            BUF + 0x10,
            BUF + 0x14,
            BUF,
            0x40,
            0xFFFF_FFFF,
            0,
            0,
            0,
            0xFFFF,
            1,
            0,
        ],
    )
    .unwrap();
    assert!(count(&e, 100, 190, 383, 207, 0) > 20, "drawn at y=190");
    assert_eq!(
        count(&e, 0, 0, 383, 189, 0xFFFF),
        384 * 190,
        "nothing above"
    );
}

#[test]
fn display_mb_string2_draws_a_field() {
    let mut e = emu();
    e.call_os(0x275, &[0x001F, 0]).unwrap(); // all blue
    put(&mut e, BUF, b"xyHELLO\0");
    // DisplayMBString2(0, s, start 2, xpos 4, 0, column 3, row top 48-24 = 24, last 10, 0)
    e.call_os(0x1218, &[0, BUF, 2, 4, 0, 3, 24, 10, 0, 0])
        .unwrap();
    // Row 2 (y 48..71), columns 3..10 (x 36..179) repainted black on white.
    let black = count(&e, 36, 48, 179, 71, 0);
    let white = count(&e, 36, 48, 179, 71, 0xFFFF);
    assert!(black > 20);
    assert_eq!(black + white, 144 * 24);
    assert_eq!(
        count(&e, 180, 48, 383, 71, 0x001F),
        204 * 24,
        "after the field"
    );
    assert_eq!(
        count(&e, 0, 48, 35, 71, 0x001F),
        36 * 24,
        "before the field"
    );
    assert_eq!(e.os.display.cursor, (5, 2), "cursor on byte 4 = 2 cells in");
}

fn cstr(e: &mut Emulator, a: u32) -> String {
    let mut s = String::new();
    for i in 0.. {
        let c = e.cpu.peek(a + i, 1).unwrap() as u8;
        if c == 0 {
            break;
        }
        s.push(c as char);
    }
    s
}

#[test]
fn file_type_icons_and_messages() {
    let mut e = emu();
    let (name, folder, msg, icon, text) = (BUF, BUF + 0x40, BUF + 0x80, BUF + 0x100, BUF + 0x800);
    put(&mut e, name, b"game.g3a\0");
    put(&mut e, folder, &[0, 0]);
    put(&mut e, icon, &[0xAA; 0x12 * 0x18 * 2 + 2]);
    assert_eq!(e.call_os(0x0C2C, &[name, folder, msg, icon]).unwrap(), 0);
    let file_msg = e.cpu.peek(msg, 4).unwrap();
    let page: Vec<u8> = get(&mut e, icon, 0x12 * 0x18 * 2);
    assert!(page.iter().all(|&b| b != 0xAA), "the whole icon is written");
    assert_eq!(
        get(&mut e, icon + 0x12 * 0x18 * 2, 2),
        vec![0xAA, 0xAA],
        "not more"
    );
    e.call_os(0x12FC, &[file_msg, text]).unwrap(); // LocalizeMessage1
    assert_eq!(cstr(&mut e, text), "G3A file");
    // A folder: a non-empty folder name.
    put(&mut e, name, b"t\0");
    for (i, c) in "\\\\fls0".bytes().chain([0]).enumerate() {
        e.cpu.poke(folder + 2 * i as u32, 2, c as u32).unwrap();
    }
    e.call_os(0x0C2C, &[name, folder, msg, icon]).unwrap();
    let folder_msg = e.cpu.peek(msg, 4).unwrap();
    assert_ne!(folder_msg, file_msg);
    assert_ne!(get(&mut e, icon, 0x12 * 0x18 * 2), page, "another icon");
    e.call_os(0x12FC, &[folder_msg, text]).unwrap();
    assert_eq!(cstr(&mut e, text), "Folder");
    // Messages of the OS itself are not known: a marked placeholder.
    e.call_os(0x12FC, &[0x1234, text]).unwrap();
    assert_eq!(cstr(&mut e, text), "MSG#1234");
}

#[test]
fn lcd_register_select_and_dma_range() {
    let mut e = emu();
    // Pixel data for a 2x2 window at panel columns 16-17 (screen x 10-11), rows 5-6.
    e.call_os(0x01A3, &[16, 17, 5, 6]).unwrap(); // Bdisp_DefineDMARange
    e.call_os(0x01A2, &[0x202]).unwrap(); // Bdisp_DDRegisterSelect(GRAM)
    for c in [0xF800u32, 0x07E0, 0x001F, 0x0000] {
        e.cpu.poke(0xB400_0000, 2, c).unwrap();
    }
    let s = e.screen_rgb565();
    let at = |x: usize, y: usize| s[y * 384 + x];
    assert_eq!(
        [at(10, 5), at(11, 5), at(10, 6), at(11, 6)],
        [0xF800, 0x07E0, 0x001F, 0x0000]
    );
    assert_eq!(at(12, 5), 0xFFFF, "outside the window");
    // Another register: what is written there reads back.
    e.call_os(0x01A2, &[0x5A1]).unwrap();
    e.cpu.poke(0xB400_0000, 2, 0x0042).unwrap();
    e.call_os(0x01A2, &[0x5A1]).unwrap();
    assert_eq!(e.cpu.peek(0xB400_0000, 2).unwrap(), 0x0042);
}

#[test]
fn mm_print_by_value_and_by_reference() {
    let mut e = emu();
    e.call_os(0x272, &[]).unwrap();
    put(&mut e, BUF, b"F1\0");
    // Bdisp_MMPrint(x, y, s, 0x40, -1, 0, 0, white, black, 1, 0): at screen row 196.
    e.call_os(
        0x0D09,
        &[8, 196, BUF, 0x40, 0xFFFF_FFFF, 0, 0, 0xFFFF, 0, 1, 0],
    )
    .unwrap();
    assert!(count(&e, 8, 196, 30, 213, 0) > 20, "black background drawn");
    assert_eq!(count(&e, 0, 0, 383, 195, 0xFFFF), 384 * 196);
    // Bdisp_MMPrintRef advances *x like PrintMini.
    e.cpu.poke(BUF + 0x10, 4, 100).unwrap();
    e.cpu.poke(BUF + 0x14, 4, 0).unwrap();
    e.call_os(
        0x0D08,
        &[
            BUF + 0x10,
            BUF + 0x14,
            BUF,
            0,
            0xFFFF_FFFF,
            0,
            0,
            0,
            0xFFFF,
            1,
            0,
        ],
    )
    .unwrap();
    assert!(e.cpu.peek(BUF + 0x10, 4).unwrap() > 100);
    assert!(
        count(&e, 100, 24, 140, 41, 0) > 5,
        "drawn below the status area"
    );
}

#[test]
fn serial_port_with_nothing_connected() {
    let mut e = emu();
    assert_ne!(e.call_os(0x1BC6, &[]).unwrap(), 1, "closed at start");
    put(&mut e, BUF, &[0, 5, 0, 0, 0, 0]); // 9600 bps 8N1
    assert_eq!(
        e.call_os(0x1BB7, &[BUF]).unwrap(),
        0,
        "Serial_Open succeeds"
    );
    assert_eq!(e.call_os(0x1BC6, &[]).unwrap(), 1, "open");
    assert_eq!(e.call_os(0x1BC0, &[]).unwrap(), 256, "transmit buffer free");
    put(&mut e, BUF + 0x10, b"AT\r");
    e.call_os(0x1BBE, &[BUF + 0x10, 3]).unwrap(); // Serial_Write
    e.call_os(0x1BBC, &[b'!' as u32]).unwrap(); // Serial_WriteSingle
    assert_eq!(e.os.serial.sent, b"AT\r!");
    assert_eq!(e.call_os(0x1BBF, &[]).unwrap(), 0, "nothing received");
    e.call_os(0x1BB8, &[1]).unwrap(); // Serial_Close
    assert_ne!(e.call_os(0x1BC6, &[]).unwrap(), 1, "closed again");
}

#[test]
fn battery_voltage_and_type() {
    let mut e = emu();
    let v = e.call_os(0x1186, &[1]).unwrap(); // GetMainBatteryVoltage(1)
    assert!(
        (100..1000).contains(&v),
        "3 digits of hundredths of a volt: {v}"
    );
    assert_eq!(e.call_os(0x12D5, &[]).unwrap(), 1, "alkaline");
    e.call_os(0x12D4, &[2]).unwrap(); // SetBatteryType(Ni-MH)
    assert_eq!(e.call_os(0x12D5, &[]).unwrap(), 2);
}

#[test]
fn os_calls_read_the_key_scan_rows_with_the_keys_down() {
    use prizm_emu::machine::devices::keysc::scan_rows;
    let mut e = Emulator::load(
        &g3a(&build("rts\n nop", "os-real-keysc").0),
        Options {
            keys: prizm_emu::harness::keys::parse_script("UP").unwrap(),
            ..Default::default()
        },
    )
    .unwrap();
    let up = prizm_emu::os::keymap::KEYS
        .iter()
        .find(|k| k.name == "UP")
        .unwrap()
        .matrix;
    // memcpy(buf, key-scan rows, 12), as Mandelbrot (2013) reads its keys, every 10 ms
    // (OS_InnerWait_ms): the script's press comes after the keyboard is seen released.
    let mut rows = vec![0; 12];
    for _ in 0..100 {
        e.call_os(0x1BB4, &[10]).unwrap();
        e.call_os(0x1DD0, &[BUF, 0xA44B_0000, 12]).unwrap();
        rows = get(&mut e, BUF, 12);
        if rows.iter().any(|&b| b != 0) {
            break;
        }
    }
    assert_eq!(rows, scan_rows(Some(up)).to_vec());

    // Keys held together: every one of them in the rows.
    let key = |name: &str| {
        prizm_emu::os::keymap::KEYS
            .iter()
            .find(|k| k.name == name)
            .unwrap()
            .matrix
    };
    e.play("LEFT+SHIFT").unwrap();
    let want = scan_rows([key("LEFT"), key("SHIFT")]).to_vec();
    for _ in 0..100 {
        e.call_os(0x1BB4, &[10]).unwrap();
        e.call_os(0x1DD0, &[BUF, 0xA44B_0000, 12]).unwrap();
        rows = get(&mut e, BUF, 12);
        if rows == want {
            break;
        }
    }
    assert_eq!(rows, want);
}
