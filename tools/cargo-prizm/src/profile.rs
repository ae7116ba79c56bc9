//! `cargo prizm profile`: where the profile goes, and the emulator's arguments for it.

use std::path::{Path, PathBuf};

/// The folder of profiles in the target directory.
pub const PROFILE_FOLDER: &str = "prizm-profile";
/// The flame graph `prizm-emu run --profile DIR` writes in DIR.
pub const FLAMEGRAPH: &str = "flamegraph.svg";

/// The default profile folder of the add-in whose ELF is `elf`
/// (`<target dir>/sh4-prizm/<profile>/<name>`): `<target dir>/prizm-profile/<name>`.
pub fn default_dir(elf: &Path) -> PathBuf {
    let name = elf.file_name().unwrap_or("addin".as_ref());
    let target = elf
        .parent()
        .and_then(Path::parent)
        .and_then(Path::parent)
        .unwrap_or(Path::new("target"));
    target.join(PROFILE_FOLDER).join(name)
}

/// The emulator's arguments after `run FILE.g3a --elf FILE.elf`: `--profile DIR`, then
/// `extra` (the key script...).
pub fn profile_args(dir: &Path, extra: &[String]) -> Vec<String> {
    let mut args = vec!["--profile".to_string(), dir.to_string_lossy().into_owned()];
    args.extend(extra.iter().cloned());
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_folder_is_in_the_target_directory() {
        assert_eq!(
            default_dir(Path::new("/w/target/sh4-prizm/release/cglock")),
            Path::new("/w/target/prizm-profile/cglock")
        );
    }

    #[test]
    fn arguments() {
        assert_eq!(
            profile_args(Path::new("out"), &["--keys".into(), "EXE".into()]),
            ["--profile", "out", "--keys", "EXE"]
        );
    }
}
