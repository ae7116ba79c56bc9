//! The compile-time asset macros on the PC: `include_image!` on a PNG with alpha,
//! `include_font!` on a BDF file and on a PNG glyph sheet of the same digits (the files
//! in tests/assets were drawn for these tests), each drawn into a `Frame`.

use prizm::display::{Frame, HEIGHT, MonoFont1bpp, PIXELS, Sprite, WIDTH, from_raw, to_raw};

/// 16x16: a red disc with a yellow highlight; its rim has alpha 192 (opaque, red) and
/// outside it alpha 64 (transparent, blue) and 0.
static BALL: Sprite = prizm::include_image!("tests/assets/ball.png");
static DIGITS_BDF: MonoFont1bpp = prizm::include_font!("tests/assets/digits-5x7.bdf");
static DIGITS_PNG: MonoFont1bpp = prizm::include_font!(
    "tests/assets/digits-5x7.png",
    width = 5,
    height = 7,
    first = '0'
);

/// The digits as drawn in both files.
const DIGITS: [[&str; 7]; 10] = [
    [
        "01110", "10001", "10011", "10101", "11001", "10001", "01110",
    ],
    [
        "00100", "01100", "00100", "00100", "00100", "00100", "01110",
    ],
    [
        "01110", "10001", "00001", "00010", "00100", "01000", "11111",
    ],
    [
        "11111", "00010", "00100", "00010", "00001", "10001", "01110",
    ],
    [
        "00010", "00110", "01010", "10010", "11111", "00010", "00010",
    ],
    [
        "11111", "10000", "11110", "00001", "00001", "10001", "01110",
    ],
    [
        "00110", "01000", "10000", "11110", "10001", "10001", "01110",
    ],
    [
        "11111", "00001", "00010", "00100", "01000", "01000", "01000",
    ],
    [
        "01110", "10001", "10001", "01110", "10001", "10001", "01110",
    ],
    [
        "01110", "10001", "10001", "01111", "00001", "00010", "01100",
    ],
];

#[test]
fn a_png_becomes_a_sprite_with_its_alpha_as_the_mask() {
    assert_eq!((BALL.width(), BALL.height()), (16, 16));
    let (red, yellow) = (0xF800, 0xFFE0);
    assert_eq!(BALL.pixel(0, 0), None, "alpha 0");
    assert_eq!(BALL.pixel(8, 8).map(to_raw), Some(red));
    assert_eq!(BALL.pixel(5, 5).map(to_raw), Some(yellow));
    // Row 7 (dy = -1): the disc to |dx| <= 13, the rim (alpha 192) to 15; alpha 64
    // beyond is transparent.
    for x in 0..16u32 {
        let dx = 2 * x as i32 - 15;
        let d = dx * dx + 1;
        assert_eq!(BALL.pixel(x, 7).is_some(), d <= 225, "x = {x}");
    }
    // Row 0 has only alpha 64 and 0; rows 1 and 14 (|dy| = 13) one span, |dx| <= 7.
    assert_eq!(BALL.spans(0).count(), 0);
    assert_eq!(BALL.spans(1).collect::<Vec<_>>(), [(4, 12)]);
    assert_eq!(BALL.spans(14).collect::<Vec<_>>(), [(4, 12)]);
}

#[test]
fn the_sprite_draws_clipped_at_every_edge() {
    let (r, b) = (WIDTH as i32, HEIGHT as i32);
    for (x, y) in [
        (100, 100),
        (101, 7),
        (-9, -3),
        (r - 5, b - 12),
        (-15, b - 1),
        (r - 1, -15),
        (r, 0),
    ] {
        let mut buf = vec![0x1234u16; PIXELS];
        Frame::new(&mut buf).unwrap().draw_sprite(x, y, &BALL);
        for fy in 0..HEIGHT as i32 {
            for fx in 0..WIDTH as i32 {
                let (sx, sy) = (fx - x, fy - y);
                let want = if (0..16).contains(&sx) && (0..16).contains(&sy) {
                    BALL.pixel(sx as u32, sy as u32).map_or(0x1234, to_raw)
                } else {
                    0x1234
                };
                assert_eq!(
                    buf[fy as usize * WIDTH + fx as usize],
                    want,
                    "sprite at ({x}, {y}), pixel ({fx}, {fy})"
                );
            }
        }
    }
}

/// The rows of `font`'s glyph for `c` as strings of 0 and 1.
fn glyph_rows(font: &MonoFont1bpp, c: u8) -> Vec<String> {
    let g = font.glyph(c).expect("glyph");
    g.chunks(font.stride)
        .map(|row| {
            (0..font.width)
                .map(|x| {
                    if row[x as usize / 8] & (0x80 >> (x % 8)) != 0 {
                        '1'
                    } else {
                        '0'
                    }
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_bdf_font_places_each_glyph_in_its_bounding_box() {
    assert_eq!(
        (DIGITS_BDF.width, DIGITS_BDF.height, DIGITS_BDF.first),
        (5, 8, b'0')
    );
    for (i, want) in DIGITS.iter().enumerate() {
        let rows = glyph_rows(&DIGITS_BDF, b'0' + i as u8);
        // 7 rows above the baseline, then the descent row (blank).
        assert_eq!(&rows[..7], want, "digit {i}");
        assert_eq!(rows[7], "00000");
    }
    assert!(DIGITS_BDF.glyph(b'/').is_none() && DIGITS_BDF.glyph(b':').is_none());
}

#[test]
fn a_png_sheet_gives_the_same_glyphs() {
    assert_eq!(
        (DIGITS_PNG.width, DIGITS_PNG.height, DIGITS_PNG.first),
        (5, 7, b'0')
    );
    for (i, want) in DIGITS.iter().enumerate() {
        assert_eq!(glyph_rows(&DIGITS_PNG, b'0' + i as u8), want, "digit {i}");
    }
}

#[test]
fn fonts_draw_with_draw_mono_text() {
    let mut buf = vec![0u16; PIXELS];
    let mut f = Frame::new(&mut buf).unwrap();
    let end = f.draw_mono_text(10, 20, "2026", &DIGITS_PNG, from_raw(0xFFFF), None);
    assert_eq!(end, 30);
    // The top row of "2" is 01110 at x = 10.
    let row: Vec<u16> = buf[20 * WIDTH + 10..20 * WIDTH + 15].to_vec();
    assert_eq!(row, [0, 0xFFFF, 0xFFFF, 0xFFFF, 0]);
    // Each digit's pixels, as drawn.
    for (i, c) in "2026".bytes().enumerate() {
        let want = DIGITS[(c - b'0') as usize];
        for (y, r) in want.iter().enumerate() {
            for (x, bit) in r.bytes().enumerate() {
                let px = buf[(20 + y) * WIDTH + 10 + 5 * i + x];
                assert_eq!(px == 0xFFFF, bit == b'1', "'{}' at ({x}, {y})", c as char);
            }
        }
    }
}

#[test]
fn the_macros_work_in_a_function_too() {
    let ball = prizm::include_image!("tests/assets/ball.png");
    assert_eq!(ball.pixel(8, 8), BALL.pixel(8, 8));
    let font = prizm::include_font!(
        "tests/assets/digits-5x7.png",
        width = 5,
        height = 7,
        first = 48
    );
    assert_eq!(font.bits, DIGITS_PNG.bits);
}
