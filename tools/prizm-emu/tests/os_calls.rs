//! OS calls exercised directly through `Emulator::call_os`.

mod common;

use common::{build, g3a, tempdir};
use prizm_emu::harness::keys::parse_script;
use prizm_emu::{Emulator, Options};

const BUF: u32 = 0x0810_0000;

fn emu(opts: Options) -> Emulator {
    let (code, _) = build("rts\n nop", "os");
    Emulator::load(&g3a(&code), opts).unwrap()
}

fn put_str(e: &mut Emulator, a: u32, s: &str) {
    for (i, b) in s.bytes().chain(std::iter::once(0)).enumerate() {
        e.cpu.poke(a + i as u32, 1, b as u32).unwrap();
    }
}

fn put_name(e: &mut Emulator, a: u32, s: &str) {
    put_str(e, BUF + 0x7000, s);
    e.call_os(0x1DDC, &[a, BUF + 0x7000, s.len() as u32 + 1])
        .unwrap();
}

fn get_bytes(e: &mut Emulator, a: u32, n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| e.cpu.peek(a + i as u32, 1).unwrap() as u8)
        .collect()
}

#[test]
fn storage_files() {
    let dir = tempdir("storage");
    let mut e = emu(Options {
        storage: Some(dir.clone()),
        ..Default::default()
    });
    let name = BUF + 0x100;
    put_name(&mut e, name, "\\\\fls0\\test.txt");
    // StrToName widened the name.
    assert_eq!(e.cpu.peek(name, 2).unwrap(), b'\\' as u32);
    // NameToStr back.
    e.call_os(0x1DDB, &[BUF + 0x300, name, 64]).unwrap();
    assert_eq!(&get_bytes(&mut e, BUF + 0x300, 15), b"\\\\fls0\\test.txt");
    assert_eq!(
        e.call_os(0x1DA3, &[name, 0, 0]).unwrap() as i32,
        -1,
        "missing file"
    );
    e.cpu.poke(BUF + 0x200, 4, 4).unwrap();
    assert_eq!(
        e.call_os(0x1DAE, &[name, 1, BUF + 0x200]).unwrap(),
        0,
        "create 4 bytes"
    );
    assert_eq!(
        e.call_os(0x1DAE, &[name, 1, BUF + 0x200]).unwrap() as i32,
        -13,
        "exists"
    );
    assert_eq!(std::fs::read(dir.join("test.txt")).unwrap(), vec![0; 4]);
    let h = e.call_os(0x1DA3, &[name, 3, 0]).unwrap();
    assert!(h < 16);
    put_str(&mut e, BUF + 0x400, "hello world");
    assert_eq!(e.call_os(0x1DAF, &[h, BUF + 0x400, 11]).unwrap(), 11);
    assert_eq!(e.call_os(0x1DAB, &[h]).unwrap(), 11);
    assert_eq!(e.call_os(0x1DA6, &[h]).unwrap(), 11);
    assert_eq!(e.call_os(0x1DA9, &[h, 6]).unwrap(), 6);
    assert_eq!(
        e.call_os(0x1DAC, &[h, BUF + 0x500, 100, -1i32 as u32])
            .unwrap(),
        5
    );
    assert_eq!(&get_bytes(&mut e, BUF + 0x500, 5), b"world");
    assert_eq!(e.call_os(0x1DAC, &[h, BUF + 0x500, 5, 0]).unwrap(), 5);
    assert_eq!(&get_bytes(&mut e, BUF + 0x500, 5), b"hello");
    assert_eq!(e.call_os(0x1DA4, &[h]).unwrap(), 0);
    assert_eq!(e.call_os(0x1DA4, &[h]).unwrap() as i32, -2, "closed twice");
    assert_eq!(std::fs::read(dir.join("test.txt")).unwrap(), b"hello world");
    assert_eq!(
        e.storage_read("\\\\fls0\\test.txt").unwrap(),
        b"hello world"
    );
    // Read-only handles cannot write.
    let h = e.call_os(0x1DA3, &[name, 0, 0]).unwrap();
    assert_eq!(e.call_os(0x1DAF, &[h, BUF + 0x400, 1]).unwrap() as i32, -8);
    e.call_os(0x1DA4, &[h]).unwrap();
    // 16 handles at most.
    let hs: Vec<u32> = (0..16)
        .map(|_| e.call_os(0x1DA3, &[name, 0, 0]).unwrap())
        .collect();
    assert!(hs.iter().all(|&h| h < 16));
    assert_eq!(e.call_os(0x1DA3, &[name, 0, 0]).unwrap() as i32, -12);
    for h in hs {
        e.call_os(0x1DA4, &[h]).unwrap();
    }
    // Folder, rename, find, delete.
    let folder = BUF + 0x600;
    put_name(&mut e, folder, "\\\\fls0\\DIR");
    assert_eq!(e.call_os(0x1DAE, &[folder, 5, 0]).unwrap(), 0);
    assert!(dir.join("DIR").is_dir());
    let new = BUF + 0x700;
    put_name(&mut e, new, "\\\\fls0\\DIR\\moved.txt");
    assert_eq!(e.call_os(0x1DB3, &[name, new]).unwrap(), 0);
    assert!(dir.join("DIR/moved.txt").is_file());
    let pat = BUF + 0x800;
    put_name(&mut e, pat, "\\\\fls0\\DIR\\*.txt");
    let (ph, found, info) = (BUF + 0x900, BUF + 0xA00, BUF + 0xB00);
    assert_eq!(e.call_os(0x1DB7, &[pat, ph, found, info]).unwrap(), 0);
    e.call_os(0x1DDB, &[BUF + 0xC00, found, 32]).unwrap();
    assert_eq!(&get_bytes(&mut e, BUF + 0xC00, 9), b"moved.txt");
    assert_eq!(e.cpu.peek(info + 4, 4).unwrap(), 11, "fsize");
    let fh = e.cpu.peek(ph, 4).unwrap();
    assert_eq!(e.call_os(0x1DB9, &[fh, found, info]).unwrap() as i32, -16);
    assert_eq!(e.call_os(0x1DBA, &[fh]).unwrap(), 0);
    assert_eq!(e.call_os(0x1DB4, &[new]).unwrap(), 0);
    assert_eq!(e.call_os(0x1DB4, &[new]).unwrap() as i32, -1);
    assert_eq!(e.call_os(0x1DA5, &[folder, BUF + 0xD00]).unwrap(), 0);
    assert!(e.cpu.peek(BUF + 0xD04, 4).unwrap() > 1_000_000);
    // Paths must stay inside the folder.
    put_name(&mut e, name, "\\\\fls0\\..\\escape");
    assert_eq!(e.call_os(0x1DAE, &[name, 5, 0]).unwrap() as i32, -3);
    put_name(&mut e, name, "\\\\crd0\\x");
    assert_eq!(e.call_os(0x1DA3, &[name, 0, 0]).unwrap() as i32, -3);
}

#[test]
fn storage_without_folder_fails_cleanly() {
    let mut e = emu(Options::default());
    put_name(&mut e, BUF, "\\\\fls0\\a");
    assert_eq!(e.call_os(0x1DA3, &[BUF, 0, 0]).unwrap() as i32, -5);
}

#[test]
fn main_memory_persists() {
    let dir = tempdir("mcs");
    let mut e = emu(Options {
        storage: Some(dir.clone()),
        ..Default::default()
    });
    put_str(&mut e, BUF, "@TEST");
    put_str(&mut e, BUF + 0x10, "Item");
    put_str(&mut e, BUF + 0x20, "payload!");
    assert_eq!(
        e.call_os(0x154D, &[BUF, BUF + 0x10, 8, BUF + 0x20])
            .unwrap(),
        0x40,
        "no folder"
    );
    assert_eq!(e.call_os(0x154B, &[BUF]).unwrap(), 0);
    assert_eq!(e.call_os(0x154B, &[BUF]).unwrap(), 0x42);
    assert_eq!(
        e.call_os(0x154D, &[BUF, BUF + 0x10, 8, BUF + 0x20])
            .unwrap(),
        0
    );
    assert_eq!(
        e.call_os(0x154D, &[BUF, BUF + 0x10, 8, BUF + 0x20])
            .unwrap(),
        0x33
    );
    assert_eq!(
        std::fs::read(dir.join(".mcs/@TEST/Item")).unwrap(),
        b"payload!"
    );
    put_str(&mut e, BUF + 0x30, "XY");
    assert_eq!(
        e.call_os(0x1552, &[BUF, BUF + 0x10, 2, BUF + 0x30, 1])
            .unwrap(),
        0
    );
    // A new emulator on the same folder sees it.
    let mut e = emu(Options {
        storage: Some(dir.clone()),
        ..Default::default()
    });
    put_str(&mut e, BUF, "@TEST");
    put_str(&mut e, BUF + 0x10, "Item");
    assert_eq!(
        e.call_os(0x1562, &[BUF, BUF + 0x10, BUF + 0x40]).unwrap(),
        0
    );
    assert_eq!(e.cpu.peek(BUF + 0x40, 4).unwrap(), 8);
    assert_eq!(e.call_os(0x1563, &[0, 8, BUF + 0x50]).unwrap(), 0);
    assert_eq!(&get_bytes(&mut e, BUF + 0x50, 8), b"pXYload!");
    e.call_os(0x1529, &[BUF + 0x60, BUF + 0x64, BUF + 0x68])
        .unwrap();
    assert_eq!(e.cpu.peek(BUF + 0x60, 4).unwrap(), 61 * 1024);
    assert_eq!(e.call_os(0x1558, &[BUF, BUF + 0x10]).unwrap(), 0);
    assert_eq!(
        e.call_os(0x1562, &[BUF, BUF + 0x10, BUF + 0x40]).unwrap(),
        0x34
    );
    assert!(!dir.join(".mcs/@TEST/Item").exists());
}

#[test]
fn time_calls_follow_instructions_and_waits() {
    let mut e = emu(Options::default());
    let t0 = e.call_os(0x2C1, &[]).unwrap();
    assert_eq!(t0, 12 * 3600 * 128);
    e.call_os(0x1BB4, &[1000]).unwrap(); // OS_InnerWait_ms
    let t1 = e.call_os(0x2C1, &[]).unwrap();
    assert_eq!(t1 - t0, 128);
    assert_eq!(e.call_os(0x2C2, &[t0, 900]).unwrap(), 1);
    assert_eq!(e.call_os(0x2C2, &[t0, 1100]).unwrap(), 0);
    e.call_os(0x11D7, &[10_000]).unwrap(); // 1 s in 100 us steps
    e.call_os(0x11D6, &[1_000_000]).unwrap(); // 1 s in us
    e.call_os(0x2C0, &[BUF, BUF + 4, BUF + 8, BUF + 12])
        .unwrap();
    assert_eq!(e.cpu.peek(BUF, 4).unwrap(), 12);
    assert_eq!(e.cpu.peek(BUF + 8, 4).unwrap(), 3);
    // The RTC registers agree.
    assert_eq!(e.cpu.peek(0xA413_FEC2, 1).unwrap(), 0x03);
    assert_eq!(e.cpu.peek(0xA413_FEC6, 1).unwrap(), 0x12);
}

#[test]
fn display_calls() {
    let mut e = emu(Options::default());
    e.call_os(0x275, &[0x001F, 3]).unwrap(); // Fill_VRAM blue
    assert_eq!(e.call_os(0x267, &[100, 100]).unwrap(), 0x001F);
    e.call_os(0x272, &[]).unwrap();
    assert_eq!(e.call_os(0x267, &[100, 100]).unwrap(), 0xFFFF);
    e.call_os(0x263, &[5, 6, 0xF800]).unwrap();
    assert_eq!(e.call_os(0x267, &[5, 6]).unwrap(), 0xF800);
    assert_eq!(e.screen_rgb565()[6 * 384 + 5], 0xFFFF, "not displayed yet");
    e.call_os(0x25F, &[]).unwrap();
    assert_eq!(e.screen_rgb565()[6 * 384 + 5], 0xF800);
    assert_eq!(e.frames(), 1);
    e.call_os(0x926, &[10, 30, 20, 40, 0x07E0]).unwrap();
    assert_eq!(e.call_os(0x267, &[15, 35]).unwrap(), 0x07E0);
    // SaveVRAM_1 / LoadVRAM_1
    e.call_os(0x1E62, &[]).unwrap();
    e.call_os(0x272, &[]).unwrap();
    e.call_os(0x1E63, &[]).unwrap();
    assert_eq!(e.call_os(0x267, &[15, 35]).unwrap(), 0x07E0);
    // PrintMini advances x and draws at y+24.
    put_str(&mut e, BUF + 0x100, "Hi!");
    e.cpu.poke(BUF, 4, 10).unwrap();
    e.cpu.poke(BUF + 4, 4, 0).unwrap();
    e.call_os(
        0x23C,
        &[BUF, BUF + 4, BUF + 0x100, 0, 384, 0, 0, 0, 0xFFFF, 1, 0],
    )
    .unwrap();
    assert_eq!(e.cpu.peek(BUF, 4).unwrap(), 40);
    let dark = (24..42)
        .flat_map(|y| (10..40).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let v = e.vram_rgb565();
            v[y * 384 + x] == 0
        })
        .count();
    assert!(dark > 20);
    // Measuring only (writeflag 0) draws nothing.
    e.call_os(0x272, &[]).unwrap();
    e.cpu.poke(BUF, 4, 0).unwrap();
    e.call_os(
        0x23C,
        &[BUF, BUF + 4, BUF + 0x100, 0, 384, 0, 0, 0, 0xFFFF, 0, 0],
    )
    .unwrap();
    assert_eq!(e.cpu.peek(BUF, 4).unwrap(), 30);
    assert!(e.vram_rgb565().iter().all(|&p| p == 0xFFFF));
    // MsgBoxPush/Pop restore VRAM.
    e.call_os(0x17F7, &[4]).unwrap();
    assert!(e.vram_rgb565().contains(&0));
    e.call_os(0x17F9, &[]).unwrap();
    assert!(e.vram_rgb565().iter().all(|&p| p == 0xFFFF));
    // Status area.
    put_str(&mut e, BUF + 0x200, "Status");
    e.call_os(0x1D77, &[BUF + 0x200, 0, 0, 0]).unwrap();
    e.call_os(0x1D81, &[]).unwrap();
    assert!(e.vram_rgb565()[..384 * 24].contains(&0));
    assert_eq!(e.call_os(0x2A3, &[1, 0x1234]).unwrap(), 0x1234);
}

#[test]
fn getkey_modifiers_and_menu_lock() {
    let mut e = emu(Options {
        keys: parse_script("SHIFT,EXIT,ALPHA,LOG,A,SHIFT,AC,1,MENU,MENU").unwrap(),
        ..Default::default()
    });
    let k = BUF;
    assert_eq!(e.call_os(0xEAB, &[k]).unwrap(), 1);
    assert_eq!(e.cpu.peek(k, 4).unwrap(), 30029, "SHIFT+EXIT = QUIT");
    assert_eq!(e.call_os(0xEAB, &[k]).unwrap(), 0);
    assert_eq!(e.cpu.peek(k, 4).unwrap(), b'B' as u32, "ALPHA+log = B");
    e.call_os(0xEAB, &[k]).unwrap();
    assert_eq!(e.cpu.peek(k, 4).unwrap(), b'A' as u32);
    e.call_os(0xEAB, &[k]).unwrap();
    assert_eq!(
        e.cpu.peek(k, 4).unwrap(),
        b'1' as u32,
        "SHIFT+AC powered off, then 1"
    );
    assert!(matches!(
        e.events()[0],
        prizm_emu::os::Event::PowerOff { .. }
    ));
    e.call_os(0x1EA7, &[]).unwrap();
    assert_eq!(e.call_os(0x1E99, &[]).unwrap(), 0);
    e.call_os(0xEAB, &[k]).unwrap();
    assert_eq!(e.cpu.peek(k, 4).unwrap(), 30003, "locked MENU is returned");
    e.call_os(0x1EA6, &[]).unwrap();
    assert!(e.call_os(0xEAB, &[k]).unwrap_err().contains("Menu"));
    assert!(e.call_os(0xEAB, &[k]).unwrap_err().contains("Idle"));
}

#[test]
fn getkeywait_and_prgm_getkey() {
    let mut e = emu(Options {
        keys: parse_script("wait:3s,EXE,F1").unwrap(),
        ..Default::default()
    });
    // Timer wait of 1 s expires first.
    assert_eq!(
        e.call_os(0x12BF, &[BUF, BUF + 4, 2, 1, 1, BUF + 8])
            .unwrap(),
        2
    );
    // Polling sees nothing yet.
    assert_eq!(
        e.call_os(0x12BF, &[BUF, BUF + 4, 1, 0, 1, BUF + 8])
            .unwrap(),
        0
    );
    // Waiting gets EXE (column 3, row 2).
    assert_eq!(
        e.call_os(0x12BF, &[BUF, BUF + 4, 0, 0, 1, BUF + 8])
            .unwrap(),
        1
    );
    assert_eq!(
        (e.cpu.peek(BUF, 4).unwrap(), e.cpu.peek(BUF + 4, 4).unwrap()),
        (3, 2)
    );
    // PRGM_GetKey polls F1 (79).
    let mut code = 0;
    for _ in 0..200 {
        e.call_os(0xD39, &[BUF + 0x20]).unwrap();
        let b = get_bytes(&mut e, BUF + 0x20, 3);
        code = (b[1] & 0xF) as u32 * 10 + (b[2] >> 4) as u32;
        if code != 0 {
            break;
        }
    }
    assert_eq!(code, 79);
}

/// (column, row) of keys in the SDK's table (`prizm::keyboard::Key::matrix`, from
/// WikiPrizm's keycode reference), which `Key::from_matrix` maps back to the key.
const SDK_MATRIX: &[(&str, (u32, u32))] = &[
    ("F1", (7, 0x0A)),
    ("F6", (2, 0x0A)),
    ("EXIT", (4, 8)),
    ("AC", (1, 1)),
    ("EXE", (3, 2)),
    ("0", (7, 2)),
    ("SHIFT", (7, 9)),
    ("MENU", (4, 9)),
    ("DEL", (4, 5)),
];

#[test]
fn getkeywait_matrix_matches_sdk() {
    let names: Vec<&str> = SDK_MATRIX.iter().map(|(n, _)| *n).collect();
    let mut e = emu(Options {
        keys: parse_script(&names.join(",")).unwrap(),
        ..Default::default()
    });
    for (name, want) in SDK_MATRIX {
        // menu = 1: MENU is returned like any key.
        assert_eq!(
            e.call_os(0x12BF, &[BUF, BUF + 4, 0, 0, 1, BUF + 8])
                .unwrap(),
            1,
            "{name}"
        );
        let got = (e.cpu.peek(BUF, 4).unwrap(), e.cpu.peek(BUF + 4, 4).unwrap());
        assert_eq!(got, *want, "{name}");
    }
}

#[test]
fn system_calls() {
    let mut e = emu(Options::default());
    assert_eq!(e.call_os(0x29, &[0, 1, 1]).unwrap(), 0);
    e.call_os(0x32, &[0x14, 0x84]).unwrap();
    assert_eq!(e.call_os(0x31, &[0x14]).unwrap(), 0x84);
    e.call_os(0x2B, &[BUF, BUF + 1, BUF + 2, BUF + 4]).unwrap();
    assert_eq!(e.cpu.peek(BUF, 1).unwrap(), 3);
    let a = e.call_os(0x1F44, &[100]).unwrap();
    let b = e.call_os(0x1F44, &[100]).unwrap();
    assert!(a != 0 && b != 0 && a != b);
    e.cpu.poke(a, 4, 0x55).unwrap();
    let c = e.call_os(0x1F46, &[a, 200]).unwrap();
    assert_eq!(e.cpu.peek(c, 4).unwrap(), 0x55);
    e.call_os(0x1F42, &[b]).unwrap();
    e.call_os(0x1839, &[1]).unwrap();
    assert_eq!(e.events().len(), 1);
    assert!(e.call_os(0x1E6A, &[]).is_err(), "unimplemented");
}

#[test]
fn app_calls_end_the_run_naming_the_app() {
    let mut e = emu(Options::default());
    for (number, call, app) in [
        (0x1A03, "APP_RUNMAT", "Run-Matrix"),
        (0x0C6B, "APP_FINANCE", "Financial"),
        (0x1632, "APP_MEMORY", "Memory"),
        (0x1E13, "APP_SYSTEM", "System"),
        (0x1E34, "APP_SYSTEM_VERSION", "System (version)"),
    ] {
        let err = e.call_os(number, &[0, 0]).unwrap_err();
        assert!(err.contains(&format!("OpenApp({app:?})")), "{call}: {err}");
        assert!(
            matches!(
                e.events().last(),
                Some(prizm_emu::os::Event::OpenApp { call: c, app: a, .. }) if *c == call && *a == app
            ),
            "{call}: {:?}",
            e.events()
        );
    }
}
