//! The error type of `cargo prizm`: every failure is a message for the user.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a `cargo prizm` command failed.
#[derive(Debug)]
pub enum Error {
    /// The command line is wrong; the message says what is expected.
    Usage(String),
    /// A key of `[package.metadata.prizm]` is unknown or has a bad value.
    Metadata {
        /// The manifest the key is in.
        manifest: PathBuf,
        /// The key, e.g. `labels.de`.
        key: String,
        /// What is wrong and what is allowed.
        message: String,
    },
    /// The ELF file cannot be turned into an add-in image.
    Elf {
        /// The ELF file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The Prizm toolchain is missing or is not the pinned one.
    Toolchain(String),
    /// A `.g3a` file is invalid, or one cannot be written.
    G3a {
        /// The file (or icon) concerned.
        path: PathBuf,
        /// The error from the `g3a` crate.
        error: g3a::G3aError,
    },
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
    /// Another failure, described by its message (a failed `cargo` run, a missing
    /// package...).
    Other(String),
}

impl Error {
    /// An [`Error::Io`] for `path`.
    pub fn io(path: &Path, error: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            error,
        }
    }

    /// An [`Error::Metadata`] about `key`.
    pub fn metadata(manifest: &Path, key: &str, message: impl Into<String>) -> Error {
        Error::Metadata {
            manifest: manifest.to_path_buf(),
            key: key.to_string(),
            message: message.into(),
        }
    }

    /// An [`Error::Elf`] about `path`.
    pub fn elf(path: &Path, message: impl Into<String>) -> Error {
        Error::Elf {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(m) => write!(f, "{m}\n(run `cargo prizm help` for the usage)"),
            Error::Metadata {
                manifest,
                key,
                message,
            } => write!(
                f,
                "{}: [package.metadata.prizm] key `{key}`: {message}",
                manifest.display()
            ),
            Error::Elf { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Toolchain(m) | Error::Other(m) => f.write_str(m),
            Error::G3a { path, error } => write!(f, "{}: {error}", path.display()),
            Error::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for Error {}

/// The result type of `cargo prizm`.
pub type Result<T> = std::result::Result<T, Error>;
