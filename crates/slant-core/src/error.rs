//! The one error type of the core.

use std::fmt;

/// Everything that can go wrong in slant-core. The core takes text as
/// `&str`, so invalid UTF-8 is no error of its own: the CLI reports it when
/// it decodes its input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A user-supplied data file (names, lexicon) has a malformed line.
    BadDataLine {
        /// Where the data came from (a file name or "config").
        source: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A configuration value is out of range.
    BadConfig(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BadDataLine { source, line, message } => {
                write!(f, "{source}:{line}: {message}")
            }
            Error::BadConfig(msg) => write!(f, "bad configuration: {msg}"),
        }
    }
}

impl std::error::Error for Error {}
