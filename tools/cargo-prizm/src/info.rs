//! `cargo prizm info`: what a `.g3a` file holds, as text, and what is unusual in it.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use g3a::{G3a, layout};

use crate::error::{Error, Result};

/// Runs `cargo prizm info FILE [--icons DIR] [--strict]`: prints [`describe`]'s report,
/// then each finding as a `warning:` line on stderr, and exits 0. With `strict`, findings
/// are printed as `error:` lines and the command fails. A file the calculator would
/// refuse fails with the error naming the wrong field. `icons` names a directory to write
/// the two icons to as PNG.
pub fn info_command(file: &Path, icons: Option<&Path>, strict: bool) -> Result<ExitCode> {
    let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
    let g = G3a::parse(&bytes).map_err(|error| Error::G3a {
        path: file.to_path_buf(),
        error,
    })?;
    let shown = file.display().to_string();
    print!("{}", describe(&g, &shown));
    let level = if strict { "error" } else { "warning" };
    for finding in g.findings() {
        eprintln!("{level}: {shown}: {finding}");
    }
    if strict && !g.findings().is_empty() {
        return Err(Error::Other(format!(
            "{shown}: {} unusual field(s) above, which --strict treats as errors",
            g.findings().len()
        )));
    }
    if let Some(dir) = icons {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        for (name, icon) in [
            ("unselected.png", g.icon_unselected()),
            ("selected.png", g.icon_selected()),
        ] {
            let path = dir.join(name);
            std::fs::write(&path, icon.to_png()).map_err(|e| Error::io(&path, e))?;
            println!("wrote {}", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A report of every field of a `.g3a` file that [`G3a::parse`] accepted.
pub fn describe(g: &G3a, path_shown: &str) -> String {
    let mut s = String::new();
    let code = g.code().len() as u32;
    let findings = match g.findings().len() {
        0 => "nothing unusual".to_string(),
        1 => "1 unusual field (see below)".to_string(),
        n => format!("{n} unusual fields (see below)"),
    };
    let free_form = |standard: bool| if standard { "" } else { " (free-form)" };
    let _ = writeln!(s, "file:          {path_shown}");
    let _ = writeln!(
        s,
        "status:        the calculator loads it (magic, sizes, code size and checksums \
         right); {findings}"
    );
    let _ = writeln!(s, "short name:    {}", g.short_name());
    let _ = writeln!(s, "internal name: {}", g.internal_name());
    let _ = writeln!(s, "labels:");
    for (lang, label) in g.labels().iter() {
        let _ = writeln!(s, "  {:<7}      {label}", format!("{lang}:"));
    }
    let version = g.version();
    let _ = writeln!(
        s,
        "version:       {version}{}",
        free_form(version.is_standard())
    );
    match g.date().parsed() {
        Some(d) => {
            let _ = writeln!(
                s,
                "date:          {d} ({:04}-{:02}-{:02} {:02}:{:02})",
                d.year(),
                d.month(),
                d.day(),
                d.hour(),
                d.minute()
            );
        }
        None => {
            let _ = writeln!(s, "date:          {}{}", g.date(), free_form(false));
        }
    }
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
        "code:          {code} bytes, mapped at {:#010x}..{:#010x} (at most {} bytes)",
        layout::CODE_ADDRESS,
        layout::CODE_ADDRESS + code,
        layout::MAX_CODE_LEN
    );
    let _ = writeln!(
        s,
        "checksum:      {:#010x} (OK, trailer matches)",
        g.checksum()
    );
    let _ = writeln!(s, "word at 0x016: {}; the OS does not check it", g.word16());
    let _ = writeln!(
        s,
        "icons:         {}x{} unselected and selected (RGB565)",
        layout::ICON_WIDTH,
        layout::ICON_HEIGHT
    );
    s
}
