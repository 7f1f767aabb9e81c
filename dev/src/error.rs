//! The tooling's error type: its own failures (a malformed gold set, an unwritable corpus
//! file, missing generator data) beside the pipeline library's [`gazette::Error`].

use std::path::PathBuf;

/// Everything that can stop an evaluation, a corpus generation or a measurement.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The pipeline library failed (configuration, language data, a run).
    #[error(transparent)]
    Pipeline(#[from] gazette::Error),
    /// An evaluation set is missing or malformed.
    #[error("eval set {path}: {message}")]
    Eval {
        /// The set directory or file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A corpus or truth file cannot be written.
    #[error("output {path}: {source}")]
    Output {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A training file is missing or malformed.
    #[error("training data {path}: {message}")]
    Train {
        /// The training file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The synthetic corpus generator lacks the data it needs.
    #[error("synth: {0}")]
    Synth(String),
}

/// Result alias for the tooling.
pub type Result<T, E = Error> = std::result::Result<T, E>;
