//! `cargo prizm info`: what a checked `.g3a` file holds, as text.

use std::fmt::Write;

use g3a::{G3a, layout};

/// A report of every field of a `.g3a` file that passed [`G3a::parse`].
pub fn describe(g: &G3a, path_shown: &str) -> String {
    let mut s = String::new();
    let d = g.date();
    let code = g.code().len() as u32;
    let _ = writeln!(s, "file:          {path_shown}");
    let _ = writeln!(s, "status:        valid .g3a add-in (every field checked)");
    let _ = writeln!(s, "short name:    {}", g.short_name());
    let _ = writeln!(s, "internal name: {}", g.internal_name());
    let _ = writeln!(s, "labels:");
    for (lang, label) in g.labels().iter() {
        let _ = writeln!(s, "  {:<7}      {label}", format!("{lang}:"));
    }
    let _ = writeln!(s, "version:       {}", g.version());
    let _ = writeln!(
        s,
        "date:          {d} ({:04}-{:02}-{:02} {:02}:{:02})",
        d.year(),
        d.month(),
        d.day(),
        d.hour(),
        d.minute()
    );
    let _ = writeln!(
        s,
        "eActivity:     {}",
        if g.eactivity() { "yes" } else { "no" }
    );
    let _ = writeln!(s, "file name:     {}", g.file_name());
    let _ = writeln!(
        s,
        "file size:     {} bytes (header {:#x} + code {code} + trailer {})",
        g.file_size(),
        layout::HEADER_LEN,
        layout::TRAILER_LEN
    );
    let _ = writeln!(
        s,
        "code:          {code} bytes, mapped at {:#010x}..{:#010x}",
        layout::CODE_ADDRESS,
        layout::CODE_ADDRESS + code
    );
    let _ = writeln!(
        s,
        "checksum:      {:#010x} (OK, trailer matches)",
        g.checksum()
    );
    match g.word_sum() {
        Some(w) => {
            let _ = writeln!(s, "word sum:      {w:#06x} (OK)");
        }
        None => {
            let _ = writeln!(
                s,
                "word sum:      not set (0, as mkg3a writes it; the OS ignores it)"
            );
        }
    }
    let _ = writeln!(
        s,
        "icons:         {}x{} unselected and selected (RGB565)",
        layout::ICON_WIDTH,
        layout::ICON_HEIGHT
    );
    s
}
