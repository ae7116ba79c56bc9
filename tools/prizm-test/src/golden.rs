//! Golden screenshots: the screen compared with a PNG that a blessed run wrote.

use std::path::Path;

/// The environment variable that makes [`assert_screen`] write the golden files.
pub const BLESS_VAR: &str = "PRIZM_BLESS";

/// The size and RGB8 pixels of a PNG file's bytes.
fn decode(png_bytes: &[u8], what: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder
        .read_info()
        .unwrap_or_else(|e| panic!("{}: not a PNG file: {e}", what.display()));
    let mut buf = vec![0; reader.output_buffer_size().expect("PNG size")];
    let info = reader
        .next_frame(&mut buf)
        .unwrap_or_else(|e| panic!("{}: {e}", what.display()));
    buf.truncate(info.buffer_size());
    let rgb = match info.color_type {
        png::ColorType::Rgb => buf,
        png::ColorType::Rgba => buf.chunks(4).flat_map(|p| [p[0], p[1], p[2]]).collect(),
        other => panic!("{}: a {other:?} PNG, not RGB", what.display()),
    };
    (info.width, info.height, rgb)
}

/// Compares `screen_png` (the screen, as PNG) with the golden file `path` (relative paths
/// are taken from the package, `CARGO_MANIFEST_DIR`); with `PRIZM_BLESS=1`, writes it.
pub fn assert_screen(screen_png: &[u8], path: &Path) {
    let path = match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) if path.is_relative() => Path::new(&dir).join(path),
        _ => path.to_path_buf(),
    };
    if std::env::var_os(BLESS_VAR).is_some_and(|v| !v.is_empty() && v != "0") {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the golden folder");
        }
        std::fs::write(&path, screen_png)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let golden = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "no golden screenshot {} ({e}): run the test once with {BLESS_VAR}=1 to write it",
            path.display()
        )
    });
    let (gw, gh, want) = decode(&golden, &path);
    let (w, h, got) = decode(screen_png, Path::new("the screen"));
    let first =
        (0..(w * h) as usize).find(|&i| want.get(3 * i..3 * i + 3) != got.get(3 * i..3 * i + 3));
    if (gw, gh) == (w, h) && first.is_none() {
        return;
    }
    let actual = path.with_extension("actual.png");
    std::fs::write(&actual, screen_png)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", actual.display()));
    let differing = (0..(w * h) as usize)
        .filter(|&i| want.get(3 * i..3 * i + 3) != got.get(3 * i..3 * i + 3))
        .count();
    let at = first.map_or(String::new(), |i| {
        format!(", first at ({}, {})", i % w as usize, i / w as usize)
    });
    panic!(
        "the screen differs from {} ({gw}x{gh} there, {w}x{h} here; {differing} pixels differ{at}); \
         the screen is in {}; if the change is right, run with {BLESS_VAR}=1",
        path.display(),
        actual.display()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_of(pixels: &[u8], w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, w, h);
        e.set_color(png::ColorType::Rgb);
        e.set_depth(png::BitDepth::Eight);
        e.write_header().unwrap().write_image_data(pixels).unwrap();
        out
    }

    #[test]
    fn equal_passes_different_fails_and_keeps_the_screen() {
        let dir = std::env::temp_dir().join(format!("prizm-golden-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let golden = dir.join("g.png");
        let a = png_of(&[1, 2, 3, 4, 5, 6], 2, 1);
        std::fs::write(&golden, &a).unwrap();
        assert_screen(&a, &golden);
        let b = png_of(&[1, 2, 3, 4, 5, 7], 2, 1);
        let e = std::panic::catch_unwind(|| assert_screen(&b, &golden)).unwrap_err();
        let msg = e.downcast_ref::<String>().unwrap();
        assert!(msg.contains("1 pixels differ, first at (1, 0)"), "{msg}");
        assert_eq!(std::fs::read(dir.join("g.actual.png")).unwrap(), b);
        let e = std::panic::catch_unwind(|| assert_screen(&a, &dir.join("none.png"))).unwrap_err();
        assert!(
            e.downcast_ref::<String>()
                .unwrap()
                .contains("PRIZM_BLESS=1")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
