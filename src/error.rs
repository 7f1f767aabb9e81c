//! The library's one error type. Record-level problems are not errors: they become
//! [`crate::model::Reject`] rows. An `Error` ends the run.
//!
//! A variant that wraps an I/O error exposes it as its `source()` and leaves it out of its
//! own message, so a printer of the whole chain (`{:#}` of `anyhow`, as both CLIs do)
//! shows the OS message once.

use std::path::PathBuf;

/// Everything that can stop a run as a whole.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A config key has a bad value; `key` is the dotted path (`stages.dedup.bands`).
    #[error("config: `{key}`: {message}")]
    Config {
        /// Dotted key path.
        key: String,
        /// What is wrong and what is allowed.
        message: String,
    },
    /// The config file cannot be read or is not valid TOML for the schema.
    #[error("config file {path}: {message}")]
    ConfigFile {
        /// The config file.
        path: PathBuf,
        /// The parser's message, naming the key.
        message: String,
    },
    /// An input path given in the config or on the command line does not exist.
    #[error("input path {0} does not exist")]
    MissingInput(PathBuf),
    /// The output directory cannot be created or written; the I/O error is the source.
    #[error("output {path}")]
    Output {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A language data or knowledge-base file is missing or malformed.
    #[error("data file {path}: {message}")]
    Data {
        /// The data file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Building or writing a Parquet table failed.
    #[error("writing table {table}: {message}")]
    Table {
        /// The table name.
        table: &'static str,
        /// The Arrow/Parquet error text.
        message: String,
    },
    /// Another gazette process holds the output directory's lock.
    #[error("output {output} is in use by {holder}; wait for it to finish, or run with --wait")]
    Locked {
        /// The output directory.
        output: PathBuf,
        /// Who holds it, as far as the lock file says.
        holder: String,
    },
    /// Scratch-space I/O (the spill file) failed; the I/O error is the source.
    #[error("scratch file {path}")]
    Scratch {
        /// The scratch path.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The error of an I/O failure on `path` in the output directory, for `map_err`.
    pub fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
        move |source| Error::Output {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The process exit code a command ends with on this error: 2 for a bad
    /// configuration, 1 for every other failure of a run.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Config { .. } | Error::ConfigFile { .. } => 2,
            _ => 1,
        }
    }

    /// Shorthand for a config error on `key`.
    pub fn config(key: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Config {
            key: key.into(),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_os_error_is_printed_once_in_the_chain() {
        let disk_full = || std::io::Error::from_raw_os_error(28);
        for e in [
            Error::Output {
                path: "out/documents".into(),
                source: disk_full(),
            },
            Error::Scratch {
                path: "out/_staging/spill.jsonl".into(),
                source: disk_full(),
            },
        ] {
            let chain = format!("{:#}", anyhow::Error::from(e));
            assert_eq!(chain.matches("os error 28").count(), 1, "{chain}");
            assert!(chain.contains("out/"), "{chain}");
        }
    }
}
