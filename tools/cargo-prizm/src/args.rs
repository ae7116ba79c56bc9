//! The command line of `cargo prizm` (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The text after the commands in `cargo prizm help`: the add-in metadata keys.
pub const METADATA_HELP: &str = "\
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
The SDK is found in $PRIZM_HOME/sdk/<version> (default ~/.cache/prizm-sdk), where
tools/setup installs it.";

/// Which add-in package a command is about.
#[derive(Args, Clone, Debug, PartialEq, Eq, Default)]
pub struct PackageSelection {
    /// The package in <workspace root>/examples/NAME (default: the package in the
    /// current directory).
    #[arg(long, value_name = "NAME", value_parser = example_name, conflicts_with = "manifest_path")]
    pub example: Option<String>,
    /// The package of this Cargo.toml.
    #[arg(long, value_name = "PATH")]
    pub manifest_path: Option<PathBuf>,
}

/// Options of `build`, `run`, `debug` and `test`.
#[derive(Args, Clone, Debug, PartialEq, Eq, Default)]
pub struct BuildArgs {
    /// The package to build.
    #[command(flatten)]
    pub package: PackageSelection,
    /// Build with the release profile.
    #[arg(long, short = 'r')]
    pub release: bool,
    /// Cargo's target directory (default: the workspace's).
    #[arg(long, value_name = "DIR")]
    pub target_dir: Option<PathBuf>,
}

/// A `cargo prizm` command.
#[derive(Subcommand, Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Make an add-in project in a new folder
    ///
    /// The folder PATH gets a package named after it: an interactive add-in, its tests
    /// (PC, calculator, emulator), icons, a README; it depends on the SDK installed in
    /// $PRIZM_HOME/sdk/<version>.
    New {
        /// The folder to create.
        path: PathBuf,
        /// The package name (default: the folder's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Make an add-in project in an existing folder
    ///
    /// Like `new`, in PATH (default: the current directory); refuses, writing nothing,
    /// if any of the project's files exists.
    Init {
        /// The folder (default: the current directory).
        #[arg(default_value = ".")]
        path: PathBuf,
        /// The package name (default: the folder's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Build the add-in for the calculator and pack it as a .g3a
    ///
    /// Prints the path of the .g3a (target/sh4-prizm/<profile>/<bin>.g3a).
    Build(BuildArgs),
    /// Build, then run the add-in in the emulator
    ///
    /// Runs `prizm-emu run FILE.g3a --elf FILE.elf EMU-ARGS...` and exits with its exit
    /// code. With a display ($DISPLAY or $WAYLAND_DISPLAY) and no --keys, --gdb or
    /// --profile, the add-in opens in a window (--window; PRIZM_WINDOW=0 runs headless).
    Run {
        /// What to build.
        #[command(flatten)]
        build: BuildArgs,
        /// Arguments for `prizm-emu run`, after `--` (e.g. -- --keys EXE --screenshot s.png).
        #[arg(last = true, value_name = "EMU-ARGS")]
        emu_args: Vec<String>,
    },
    /// Build, then debug the add-in in the emulator with GDB
    ///
    /// Starts the add-in in the emulator under GDB control and opens gdb-multiarch on it
    /// (PRIZM_GDB names another debugger); exits with the debugger's exit code.
    Debug {
        /// What to build.
        #[command(flatten)]
        build: BuildArgs,
        /// Arguments for `prizm-emu run`, after `--`.
        #[arg(last = true, value_name = "EMU-ARGS")]
        emu_args: Vec<String>,
    },
    /// Run the PC tests, then each on-calculator test in the emulator
    ///
    /// First `cargo test` of the package on the PC, with the add-in built for the
    /// calculator for its emulator tests (prizm-test); then the test targets with
    /// `harness = false` (`prizm::tests!`), compiled for the calculator, each test run
    /// alone in prizm-emu and reported with its name, ok or FAILED (a panic's message and
    /// place) and its instructions. Exits with 1 if any failed.
    Test {
        /// What to build and test.
        #[command(flatten)]
        build: BuildArgs,
        /// Only the on-calculator tests.
        #[arg(long)]
        calc_only: bool,
        /// Only the tests whose name contains FILTER (on the PC, cargo test's filter).
        filter: Option<String>,
    },
    /// Check a .g3a file and print its fields
    ///
    /// Exits with 1 and names the wrong field if the calculator would refuse it. Unusual
    /// but harmless fields are printed as warnings; --strict makes them errors.
    Info {
        /// The .g3a file to check.
        file: PathBuf,
        /// Also write its icons as DIR/unselected.png and DIR/selected.png.
        #[arg(long, value_name = "DIR")]
        icons: Option<PathBuf>,
        /// Treat findings (unusual but harmless fields) as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Pack a linked ELF as a .g3a with the package's metadata
    ///
    /// The default output is ELF.g3a.
    Pack {
        /// The linked add-in.
        elf: PathBuf,
        /// The package whose metadata to use.
        #[command(flatten)]
        package: PackageSelection,
        /// Where to write the .g3a.
        #[arg(short, long = "output", value_name = "OUT.g3a")]
        output: Option<PathBuf>,
    },
    /// Install the SDK from its repository into $PRIZM_HOME/sdk/<version>
    ///
    /// tools/setup runs this; projects made by `new` use that copy.
    InstallSdk {
        /// The SDK's repository.
        repo: PathBuf,
    },
}

/// `cargo prizm`, as cargo runs it: `cargo-prizm prizm COMMAND ...`.
#[derive(Parser, Debug)]
#[command(name = "cargo", bin_name = "cargo")]
enum Cargo {
    /// Build, run and test Casio Prizm (fx-CG10/20/50) add-ins with cargo.
    #[command(version, after_help = METADATA_HELP)]
    Prizm {
        /// The command.
        #[command(subcommand)]
        command: Command,
    },
}

/// `--example` takes a folder name under examples/.
fn example_name(v: &str) -> Result<String, String> {
    if v.is_empty() || v.contains(['/', '\\']) || v.starts_with('.') {
        return Err(format!(
            "--example takes the name of a directory under examples/, got {v:?}"
        ));
    }
    Ok(v.to_string())
}

/// Parses the arguments after the program name. Cargo runs `cargo-prizm prizm build ...`
/// for `cargo prizm build ...`; `cargo-prizm build ...` works too. Help and version
/// requests come back as a clap error whose `exit` prints them.
pub fn parse_args(args: &[String]) -> Result<Command, clap::Error> {
    let mut full = vec!["cargo".to_string()];
    if args.first().map(String::as_str) != Some("prizm") {
        full.push("prizm".into());
    }
    full.extend(args.iter().cloned());
    let Cargo::Prizm { command } = Cargo::try_parse_from(full)?;
    Ok(command)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    fn parse(s: &str) -> Result<Command, clap::Error> {
        let v: Vec<String> = s.split_whitespace().map(String::from).collect();
        parse_args(&v)
    }

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cargo::command().debug_assert();
    }

    #[test]
    fn build_commands() {
        assert_eq!(
            parse("prizm build").unwrap(),
            Command::Build(BuildArgs::default())
        );
        let Command::Build(b) = parse("prizm build --example hello --release").unwrap() else {
            panic!("not a build")
        };
        assert_eq!(b.package.example.as_deref(), Some("hello"));
        assert!(b.release);
        let Command::Build(t) = parse("build --example hello --target-dir /tmp/t").unwrap() else {
            panic!("not a build")
        };
        assert_eq!(t.target_dir, Some(PathBuf::from("/tmp/t")));
        assert!(parse("build --target-dir a --target-dir b").is_err());
        let e = parse("build --example=cglock --manifest-path=x").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ArgumentConflict);
        let Command::Build(b) = parse("build --manifest-path a/Cargo.toml").unwrap() else {
            panic!("not a build")
        };
        assert_eq!(b.package.manifest_path, Some(PathBuf::from("a/Cargo.toml")));
    }

    #[test]
    fn run_keeps_emulator_arguments() {
        let c = parse("prizm run --example hello -- --keys EXE --screenshot out.png").unwrap();
        let Command::Run { build, emu_args } = c else {
            panic!("not a run")
        };
        assert_eq!(build.package.example.as_deref(), Some("hello"));
        assert_eq!(emu_args, ["--keys", "EXE", "--screenshot", "out.png"]);
        let e = parse("run --keys EXE").unwrap_err().to_string();
        assert!(e.contains("--keys") && e.contains("-- --keys"), "{e}");
        let Command::Debug { emu_args, .. } = parse("debug -- --keys EXE").unwrap() else {
            panic!("not a debug")
        };
        assert_eq!(emu_args, ["--keys", "EXE"]);
    }

    #[test]
    fn new_init_and_test() {
        assert_eq!(
            parse("prizm new demo").unwrap(),
            Command::New {
                path: "demo".into(),
                name: None
            }
        );
        assert_eq!(
            parse("init").unwrap(),
            Command::Init {
                path: ".".into(),
                name: None
            }
        );
        assert_eq!(
            parse("init dir --name x").unwrap(),
            Command::Init {
                path: "dir".into(),
                name: Some("x".into())
            }
        );
        assert!(parse("new").is_err());
        let Command::Test {
            build,
            calc_only,
            filter,
        } = parse("test --release --calc-only label").unwrap()
        else {
            panic!("not a test")
        };
        assert!(build.release && calc_only);
        assert_eq!(filter.as_deref(), Some("label"));
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
            parse("info --strict --icons=out a.g3a").unwrap(),
            Command::Info {
                file: "a.g3a".into(),
                icons: Some("out".into()),
                strict: true
            }
        );
        assert!(parse("info --strict").is_err());
        assert!(parse("info a.g3a --icons").is_err());
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
        assert!(parse("pack a.elf --release").is_err());
    }

    #[test]
    fn errors_help_and_version() {
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
            assert_eq!(e.exit_code(), 2, "{bad}: {e}");
        }
        assert_eq!(parse("help").unwrap_err().kind(), ErrorKind::DisplayHelp);
        assert_eq!(
            parse("prizm --help").unwrap_err().kind(),
            ErrorKind::DisplayHelp
        );
        assert_eq!(
            parse("prizm --version").unwrap_err().kind(),
            ErrorKind::DisplayVersion
        );
        let help = parse("--help").unwrap_err().render().to_string();
        for word in [
            "new",
            "init",
            "build",
            "run",
            "debug",
            "test",
            "info",
            "pack",
            "metadata.prizm",
        ] {
            assert!(help.contains(word), "{word} in the help:\n{help}");
        }
    }
}
