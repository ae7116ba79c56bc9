//! The command line of `cargo prizm`.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// The usage text printed by `cargo prizm help`.
pub const USAGE: &str = "\
cargo prizm: build Casio Prizm (fx-CG10/20/50) add-ins with cargo

USAGE:
    cargo prizm build [--example NAME] [--release] [--manifest-path PATH] [--target-dir DIR]
        Build an add-in package for the calculator and pack it as a .g3a file;
        print the path of the .g3a (target/sh4-prizm/<profile>/<bin>.g3a).
        --example NAME   the add-in in <workspace>/examples/NAME
                         (default: the package in the current directory)
    cargo prizm run [--example NAME] [--release] [--manifest-path PATH] [--target-dir DIR] [-- EMU-ARGS...]
        Build, then run the add-in in the emulator:
        prizm-emu run FILE.g3a --elf FILE.elf EMU-ARGS...
        and exit with its exit code.
    cargo prizm debug [--example NAME] [--release] [--manifest-path PATH] [--target-dir DIR] [-- EMU-ARGS...]
        Build, start the add-in in the emulator under GDB control
        (prizm-emu run FILE.g3a --elf FILE.elf --gdb PORT EMU-ARGS...) and open
        gdb-multiarch on it (PRIZM_GDB names another debugger); exit with the
        debugger's exit code.
    cargo prizm info FILE.g3a [--icons DIR] [--strict]
        Check a .g3a file and print its fields; exit with 1 and name the
        wrong field if the calculator would refuse it. Unusual but harmless
        fields (long or empty names, free-form versions, ...) are printed as
        warnings; --strict makes them errors. --icons DIR also writes its
        icons as DIR/unselected.png and DIR/selected.png.
    cargo prizm pack ELF [--example NAME] [--manifest-path PATH] [-o OUT.g3a]
        Pack an already linked ELF as a .g3a with the package's metadata
        (default output: ELF.g3a).
    cargo prizm help | --help | -h
    cargo prizm --version

ADD-IN METADATA, in the add-in's Cargo.toml (all keys optional):
    [package.metadata.prizm]
    name = \"Hello\"              # short name (default: the package name)
    internal-name = \"@HELLO\"    # '@' + up to 8 of A-Z 0-9 _ (default: from name)
    labels = \"Hello\"            # or a table: { en = \"Hello\", fr = \"Bonjour\" }
                                # languages: en es de fr pt zh extra1 extra2
    version = \"01.00.0000\"      # MM.mm.pppp or x.y.z (default: the package version)
    icon-unselected = \"icon.png\" # 92x64 PNG, relative to the package
    icon-selected = \"icon-sel.png\"
    eactivity = false

The build date is the current time, or SOURCE_DATE_EPOCH when it is set.
";

/// Which add-in package a command is about.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PackageSelection {
    /// `--example NAME`: the package in `<workspace root>/examples/NAME`.
    pub example: Option<String>,
    /// `--manifest-path PATH`: the package of that `Cargo.toml`.
    pub manifest_path: Option<PathBuf>,
}

/// Options of `build` and `run`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct BuildArgs {
    /// The package to build.
    pub package: PackageSelection,
    /// `--release`: build with the release profile.
    pub release: bool,
    /// `--target-dir DIR`: cargo's target directory (default: the workspace's).
    pub target_dir: Option<PathBuf>,
}

/// A parsed `cargo prizm` command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `cargo prizm build`.
    Build(BuildArgs),
    /// `cargo prizm run`, with the arguments after `--` for the emulator.
    Run {
        /// What to build.
        build: BuildArgs,
        /// Arguments passed on to `prizm-emu run`.
        emu_args: Vec<String>,
    },
    /// `cargo prizm debug`, with the arguments after `--` for the emulator.
    Debug {
        /// What to build.
        build: BuildArgs,
        /// Arguments passed on to `prizm-emu run`.
        emu_args: Vec<String>,
    },
    /// `cargo prizm info FILE`.
    Info {
        /// The `.g3a` file to check.
        file: PathBuf,
        /// `--icons DIR`: also write the icons there as `unselected.png` and `selected.png`.
        icons: Option<PathBuf>,
        /// `--strict`: treat findings (unusual but harmless fields) as errors.
        strict: bool,
    },
    /// `cargo prizm pack ELF`.
    Pack {
        /// The linked add-in.
        elf: PathBuf,
        /// The package whose metadata to use.
        package: PackageSelection,
        /// `-o OUT`: where to write the `.g3a` (default: the ELF path with `.g3a` added).
        output: Option<PathBuf>,
    },
    /// `cargo prizm help`.
    Help,
    /// `cargo prizm --version`.
    Version,
}

fn usage(msg: impl Into<String>) -> Error {
    Error::Usage(msg.into())
}

/// Splits `--opt=value` into `("--opt", Some("value"))`.
fn split_eq(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once('=') {
        Some((k, v)) if k.starts_with("--") => (k, Some(v)),
        _ => (arg, None),
    }
}

/// Parses the arguments after the program name. Cargo runs `cargo-prizm prizm build ...`
/// for `cargo prizm build ...`: a first argument `prizm` is skipped.
pub fn parse_args(args: &[String]) -> Result<Command> {
    let args = match args.first().map(String::as_str) {
        Some("prizm") => &args[1..],
        _ => args,
    };
    let Some((cmd, rest)) = args.split_first() else {
        return Err(usage(
            "no command given: expected build, run, debug, info or pack",
        ));
    };
    match cmd.as_str() {
        "build" => {
            let (build, extra, _) = parse_build_options(cmd, rest, false, false)?;
            debug_assert!(extra.is_empty());
            Ok(Command::Build(build))
        }
        "run" => {
            let (build, emu_args, _) = parse_build_options(cmd, rest, true, false)?;
            Ok(Command::Run { build, emu_args })
        }
        "debug" => {
            let (build, emu_args, _) = parse_build_options(cmd, rest, true, false)?;
            Ok(Command::Debug { build, emu_args })
        }
        "pack" => {
            let (build, _, (elf, output)) = parse_build_options(cmd, rest, false, true)?;
            if build.release {
                return Err(usage(
                    "pack: --release has no meaning here: give the ELF to pack",
                ));
            }
            let elf = elf.ok_or_else(|| usage("pack: the ELF file to pack is missing"))?;
            Ok(Command::Pack {
                elf,
                package: build.package,
                output,
            })
        }
        "info" => parse_info(rest),
        "help" | "--help" | "-h" => Ok(Command::Help),
        "--version" | "-V" => Ok(Command::Version),
        other => Err(usage(format!(
            "unknown command `{other}`: expected build, run, debug, info or pack"
        ))),
    }
}

/// Parses the arguments of `info`: one file, `--icons DIR` and `--strict` in any order.
fn parse_info(rest: &[String]) -> Result<Command> {
    let mut file = None;
    let mut icons = None;
    let mut strict = false;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        match split_eq(arg) {
            ("-h" | "--help", None) => return Ok(Command::Help),
            ("--strict", None) => strict = true,
            ("--icons", inline) => {
                let dir = match inline {
                    Some(v) => v.to_string(),
                    None => args
                        .next()
                        .cloned()
                        .ok_or_else(|| usage("info: --icons needs a directory"))?,
                };
                if icons.replace(PathBuf::from(dir)).is_some() {
                    return Err(usage("info: --icons given twice"));
                }
            }
            (a, _) if a.starts_with('-') => {
                return Err(usage(format!("info: unexpected argument `{arg}`")));
            }
            _ => {
                if file.replace(PathBuf::from(arg)).is_some() {
                    return Err(usage(format!(
                        "info takes exactly one .g3a file, got: {}",
                        rest.join(" ")
                    )));
                }
            }
        }
    }
    let file = file.ok_or_else(|| usage("info: the .g3a file to check is missing"))?;
    Ok(Command::Info {
        file,
        icons,
        strict,
    })
}

type PackExtras = (Option<PathBuf>, Option<PathBuf>);

/// Parses the options shared by `build`, `run` and `pack`. Returns the build options,
/// the arguments after `--` (only when `allow_rest`), and for `pack` (`pack`) the ELF and
/// the `-o` output.
fn parse_build_options(
    cmd: &str,
    args: &[String],
    allow_rest: bool,
    pack: bool,
) -> Result<(BuildArgs, Vec<String>, PackExtras)> {
    let mut build = BuildArgs::default();
    let mut elf = None;
    let mut output = None;
    let mut i = 0;
    while i < args.len() {
        let (key, inline) = split_eq(&args[i]);
        let mut value = |name: &str| -> Result<String> {
            if let Some(v) = inline {
                return Ok(v.to_string());
            }
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| usage(format!("{cmd}: {name} needs a value")))
        };
        match key {
            "--example" => {
                let v = value("--example")?;
                if v.is_empty() || v.contains(['/', '\\']) || v.starts_with('.') {
                    return Err(usage(format!(
                        "{cmd}: --example takes the name of a directory under examples/, got {v:?}"
                    )));
                }
                if build.package.example.replace(v).is_some() {
                    return Err(usage(format!("{cmd}: --example given twice")));
                }
            }
            "--manifest-path" => {
                let v = value("--manifest-path")?;
                if build
                    .package
                    .manifest_path
                    .replace(PathBuf::from(v))
                    .is_some()
                {
                    return Err(usage(format!("{cmd}: --manifest-path given twice")));
                }
            }
            "--release" | "-r" if inline.is_none() => build.release = true,
            "--target-dir" if !pack => {
                let v = value("--target-dir")?;
                if build.target_dir.replace(PathBuf::from(v)).is_some() {
                    return Err(usage(format!("{cmd}: --target-dir given twice")));
                }
            }
            "-o" | "--output" if pack => output = Some(PathBuf::from(value("-o")?)),
            "--" if allow_rest => {
                let rest = args[i + 1..].to_vec();
                return finish(cmd, build, rest, (elf, output));
            }
            "-h" | "--help" => return Err(usage(format!("{cmd}: see the usage below\n\n{USAGE}"))),
            a if pack && !a.starts_with('-') && elf.is_none() => elf = Some(PathBuf::from(a)),
            a => {
                let hint = if allow_rest {
                    " (arguments for the emulator go after `--`)"
                } else {
                    ""
                };
                return Err(usage(format!("{cmd}: unexpected argument `{a}`{hint}")));
            }
        }
        i += 1;
    }
    finish(cmd, build, Vec::new(), (elf, output))
}

fn finish(
    cmd: &str,
    build: BuildArgs,
    rest: Vec<String>,
    extras: PackExtras,
) -> Result<(BuildArgs, Vec<String>, PackExtras)> {
    if build.package.example.is_some() && build.package.manifest_path.is_some() {
        return Err(usage(format!(
            "{cmd}: give either --example or --manifest-path, not both"
        )));
    }
    Ok((build, rest, extras))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Command> {
        let v: Vec<String> = s.split_whitespace().map(String::from).collect();
        parse_args(&v)
    }

    #[test]
    fn build_commands() {
        assert_eq!(
            parse("prizm build").unwrap(),
            Command::Build(BuildArgs::default())
        );
        let c = parse("prizm build --example hello --release").unwrap();
        let Command::Build(b) = c else { panic!() };
        assert_eq!(b.package.example.as_deref(), Some("hello"));
        assert!(b.release);
        let Command::Build(t) = parse("build --example hello --target-dir /tmp/t").unwrap() else {
            panic!("not a build")
        };
        assert_eq!(
            t.target_dir.as_deref(),
            Some(std::path::Path::new("/tmp/t"))
        );
        assert!(parse("build --target-dir a --target-dir b").is_err());
        let e = parse("build --example=cglock --manifest-path=x").unwrap_err();
        assert!(e.to_string().contains("not both"), "{e}");
        let Command::Build(b) = parse("build --example=cglock").unwrap() else {
            panic!()
        };
        assert_eq!(b.package.example.as_deref(), Some("cglock"));
        let Command::Build(b) = parse("build --manifest-path a/Cargo.toml").unwrap() else {
            panic!()
        };
        assert_eq!(b.package.manifest_path, Some(PathBuf::from("a/Cargo.toml")));
    }

    #[test]
    fn run_keeps_emulator_arguments() {
        let c = parse("prizm run --example hello -- --keys EXE --screenshot out.png").unwrap();
        let Command::Run { build, emu_args } = c else {
            panic!()
        };
        assert_eq!(build.package.example.as_deref(), Some("hello"));
        assert_eq!(emu_args, ["--keys", "EXE", "--screenshot", "out.png"]);
        let e = parse("run --keys EXE").unwrap_err().to_string();
        assert!(e.contains("--keys") && e.contains("after `--`"), "{e}");
    }

    #[test]
    fn info_and_pack() {
        assert_eq!(
            parse("prizm info a.g3a").unwrap(),
            Command::Info {
                file: "a.g3a".into(),
                icons: None,
                strict: false
            }
        );
        assert_eq!(
            parse("info a.g3a --icons out").unwrap(),
            Command::Info {
                file: "a.g3a".into(),
                icons: Some("out".into()),
                strict: false
            }
        );
        assert_eq!(
            parse("info --strict --icons=out a.g3a").unwrap(),
            Command::Info {
                file: "a.g3a".into(),
                icons: Some("out".into()),
                strict: true
            }
        );
        assert!(parse("info --strict").is_err());
        assert!(parse("info a.g3a --icons").is_err());
        assert!(parse("info").is_err());
        assert!(parse("info a b").is_err());
        assert_eq!(
            parse("pack x.elf -o y.g3a --example hello").unwrap(),
            Command::Pack {
                elf: "x.elf".into(),
                package: PackageSelection {
                    example: Some("hello".into()),
                    manifest_path: None
                },
                output: Some("y.g3a".into()),
            }
        );
        assert!(parse("pack").unwrap_err().to_string().contains("ELF"));
        assert!(parse("pack a.elf b.elf").is_err());
    }

    #[test]
    fn errors() {
        for bad in [
            "",
            "prizm",
            "frobnicate",
            "build --example",
            "build --example ../x",
            "build --example a --example b",
            "build --bogus",
            "build extra",
            "info --release",
        ] {
            let e = parse(bad).unwrap_err();
            assert!(matches!(e, Error::Usage(_)), "{bad}: {e}");
        }
        assert_eq!(parse("help").unwrap(), Command::Help);
        assert_eq!(parse("prizm --help").unwrap(), Command::Help);
        assert_eq!(parse("prizm --version").unwrap(), Command::Version);
    }
}
