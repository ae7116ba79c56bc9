//! The SDK's own on-calculator tests: integer and float arithmetic, formatting, `alloc`,
//! and the SDK's modules, compiled by the real code generator (GCC through
//! rustc_codegen_gcc) and run in prizm-emu by `cargo prizm test` (one emulator run per
//! test). The expected values are worked out by hand or on the PC, never by the code
//! under test.
#![no_std]
#![no_main]
// On the PC the tests are left out (`prizm::tests!`), and with them the uses of these.
#![cfg_attr(not(prizm), allow(unused_imports, dead_code))]

extern crate alloc;

prizm::heap!(32 * 1024);

use alloc::{boxed::Box, collections::BTreeMap, format, string::String, vec::Vec};
use core::fmt::Write;
use core::hint::black_box;
use prizm::heapless;

/// Formats into a fixed buffer.
fn fmt(args: core::fmt::Arguments<'_>) -> heapless::String<64> {
    let mut s = heapless::String::new();
    s.write_fmt(args).expect("fits in 64 bytes");
    s
}

prizm::tests! {
    fn integer_division_and_remainder() {
        let (a, b) = (black_box(u64::MAX), black_box(7u64));
        assert_eq!(a / b, 2_635_249_153_387_078_802);
        assert_eq!(a % b, 1);
        assert_eq!(black_box(-1_234_567_890_123i64) / black_box(1000), -1_234_567_890);
        assert_eq!(black_box(-7i32) % black_box(3), -1);
        assert_eq!(black_box(i32::MIN).wrapping_div(black_box(-1)), i32::MIN);
    }

    fn wide_multiplication_and_shifts() {
        assert_eq!(black_box(0x1_2345_6789u64) * black_box(0x9876u64), 190_728_617_005_350);
        let x = black_box(u128::MAX >> 1);
        assert_eq!(x / black_box(3), 56_713_727_820_156_410_577_229_101_238_628_035_242);
        assert_eq!(black_box(1u64) << black_box(63), 0x8000_0000_0000_0000);
        assert_eq!(black_box(-256i64) >> black_box(4), -16);
        assert_eq!(black_box(0xF0u8).rotate_left(black_box(2)), 0xC3);
        assert_eq!(black_box(250u8).checked_add(black_box(10)), None);
        assert_eq!(black_box(0x0001_0000u32).leading_zeros(), 15);
    }

    fn floats_in_software() {
        let (a, b) = (black_box(1.5f64), black_box(2.25f64));
        assert_eq!(a * b, 3.375);
        assert_eq!(b / a, 1.5);
        assert_eq!(black_box(0.1f32) + black_box(0.2f32), 0.3f32);
        assert_eq!(black_box(0.1f64) + black_box(0.2f64), 0.300_000_000_000_000_04);
        assert_eq!(prizm::libm::sqrt(black_box(2.0)), core::f64::consts::SQRT_2);
        assert_eq!(black_box(-3.75f64) as i32, -3);
        assert_eq!(black_box(1e10f64) as u32, u32::MAX, "saturating conversion");
        assert_eq!(black_box(7u32) as f32 / 2.0, 3.5);
        assert!(black_box(f64::NAN) != black_box(f64::NAN));
        assert!(black_box(-0.0f64) == 0.0 && black_box(-0.0f64).is_sign_negative());
    }

    fn formatting() {
        assert_eq!(fmt(format_args!("{}", black_box(-42i64))).as_str(), "-42");
        assert_eq!(fmt(format_args!("{:#010x}", black_box(0xBEEFu32))).as_str(), "0x0000beef");
        assert_eq!(fmt(format_args!("{:>6}|{:<4}|", black_box("ab"), black_box(7))).as_str(), "    ab|7   |");
        assert_eq!(fmt(format_args!("{}", black_box(u64::MAX))).as_str(), "18446744073709551615");
        assert_eq!(fmt(format_args!("{:.5}", black_box(1.0f64 / 3.0))).as_str(), "0.33333");
        assert_eq!(fmt(format_args!("{:.6}", black_box(2.0f64).sqrt_sw())).as_str(), "1.414214");
        assert_eq!(fmt(format_args!("{:e}", black_box(2.5e-3f64))).as_str(), "2.5e-3");
        assert_eq!(fmt(format_args!("{}", black_box(0.1f32))).as_str(), "0.1");
        assert_eq!(fmt(format_args!("{:?}", black_box(Some((1u8, 'x'))))).as_str(), "Some((1, 'x'))");
    }

    fn alloc_collections() {
        let mut v: Vec<u32> = (0..1000).rev().collect();
        v.sort_unstable();
        assert_eq!((v[0], v[999], v.len()), (0, 999, 1000));
        let b = Box::new([7u8; 300]);
        assert_eq!(b.iter().map(|&x| x as u32).sum::<u32>(), 2100);
        let mut m = BTreeMap::new();
        for w in ["pear", "apple", "fig"] {
            m.insert(w, w.len());
        }
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), ["apple", "fig", "pear"]);
        let s: String = format!("{}-{}", "a", 1) + "z";
        assert_eq!(s, "a-1z");
        drop((v, b, m, s));
        let stats = PRIZM_HEAP.stats();
        assert_eq!(stats.used, 0, "everything was freed");
        assert!(stats.high_water >= 4000, "the Vec took 4000 bytes: {}", stats.high_water);
    }

    fn display_screen_draws_into_vram() {
        use prizm::display::{Frame, Screen, WIDTH, from_raw};
        let mut screen = Screen::take().expect("the screen is free");
        assert!(Screen::take().is_none(), "one owner at a time");
        screen.pixels_mut()[10 * WIDTH + 20] = 0xF800;
        assert_eq!(screen.get(20, 10), Some(from_raw(0xF800)));
        assert_eq!(screen.get(384, 0), None, "off the screen");
        screen.update();
        assert!(Frame::new(&mut [0u16; 10]).is_none(), "too small a buffer");
    }

    fn app_handle_is_taken_once_and_paces_frames() {
        use prizm::app::{FrameClock, Prizm};
        use prizm::prelude::*;
        let mut p = Prizm::take().expect("the handle is free");
        assert!(Prizm::take().is_none(), "one handle");
        assert!(prizm::display::Screen::take().is_none(), "the handle holds the screen");
        // The screen is a DrawTarget of its own.
        p.screen.clear(Rgb565::BLUE).ok();
        Rectangle::new(Point::new(20, 10), Size::new(2, 2))
            .into_styled(PrimitiveStyle::with_fill(Rgb565::RED))
            .draw(&mut p.screen)
            .ok();
        assert_eq!(p.screen.get(21, 11), Some(Rgb565::RED));
        assert_eq!(p.screen.get(22, 11), Some(Rgb565::BLUE));
        // No key held: nothing pressed.
        p.input.update();
        assert_eq!(p.input.pressed().count(), 0);
        // 10 frames at 32 fps: the tenth ends 10 x 31.25 ms after the first wait began.
        let mut frames = FrameClock::new(32);
        let t0 = p.clock.now();
        for _ in 0..10 {
            frames.wait();
        }
        let ms = (p.clock.now() - t0).as_millis();
        assert!((300..=330).contains(&ms), "{ms} ms for 10 frames");
        assert_eq!(frames.dropped(), 0);
        assert_eq!(frames.fps(), 32);
    }

    fn keyboard_codes() {
        use prizm::keyboard::Keycode;
        assert_eq!(Keycode::from_getkey(30004), Keycode::Exe);
        assert_eq!(Keycode::from_getkey(30018), Keycode::Up);
        assert_eq!(Keycode::from_getkey(0x31), Keycode::Char(0x31));
    }

    fn storage_files_round_trip() {
        use prizm::storage;
        assert!(storage::validate_path("\\\\fls0\\a.txt").is_ok());
        assert!(storage::validate_path("C:\\a.txt").is_err());
        storage::write_file("\\\\fls0\\t.bin", b"calculator").expect("write");
        let mut buf = [0u8; 32];
        let n = storage::read_file("\\\\fls0\\t.bin", &mut buf).expect("read");
        assert_eq!(&buf[..n], b"calculator");
        storage::replace("\\\\fls0\\t.bin", b"longer contents").expect("replace");
        let n = storage::read_file("\\\\fls0\\t.bin", &mut buf).expect("read again");
        assert_eq!(&buf[..n], b"longer contents");
        storage::delete("\\\\fls0\\t.bin").expect("delete");
        assert_eq!(storage::exists("\\\\fls0\\t.bin"), Ok(false));
    }

    fn main_memory_items_round_trip() {
        use prizm::storage::mcs;
        mcs::create_folder("CALCTEST").expect("folder");
        mcs::create("CALCTEST", "ITEM", b"first").expect("create");
        assert_eq!(mcs::len("CALCTEST", "ITEM"), Ok(Some(5)));
        mcs::replace("CALCTEST", "ITEM", b"second, longer").expect("replace");
        let mut buf = [0u8; 32];
        let n = mcs::read("CALCTEST", "ITEM", &mut buf).expect("read");
        assert_eq!(&buf[..n], b"second, longer");
        mcs::delete("CALCTEST", "ITEM").expect("delete");
        assert_eq!(mcs::len("CALCTEST", "ITEM"), Ok(None));
    }

    fn text_layout_wraps() {
        let lines: Vec<&str> = prizm::display::layout::wrap("panicked at src/main.rs:3:5", 12).collect();
        assert_eq!(lines, ["panicked at", "src/main.rs:", "3:5"]);
        assert_eq!(prizm::display::layout::line_count("a\nb c d", 3), 3);
    }

    fn time_moves_forward() {
        use prizm::time;
        let t0 = time::rtc_ticks();
        time::sleep_ms(250);
        let waited = time::ticks_between(t0, time::rtc_ticks());
        assert!((32..=34).contains(&waited), "250 ms is 32 ticks of 1/128 s, not {waited}");
        let start = time::Instant::now();
        time::sleep_ms(100);
        let ms = start.elapsed().as_millis();
        assert!((100..=110).contains(&ms), "Instant::elapsed after 100 ms: {ms} ms");
    }
}

/// `f64::sqrt` through libm (core's needs `std` on this target).
trait SqrtSw {
    fn sqrt_sw(self) -> f64;
}

impl SqrtSw for f64 {
    fn sqrt_sw(self) -> f64 {
        prizm::libm::sqrt(self)
    }
}
