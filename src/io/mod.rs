//! Reading and writing datasets: one module per format, the one way files are opened for
//! reading (`read`), and atomic saving (`atomic`). Errors name the file, the place in it and what
//! is wrong.

pub mod atomic;
pub mod csv;
pub mod formats;
pub mod ftm;
pub mod gexf;
pub mod graphml;
pub mod interop;
pub mod json;
pub mod progress;
pub mod read;
mod target;
mod temp;
#[cfg(test)]
mod test_support;
pub mod xml;

pub use progress::Progress;
pub use read::{open_regular, read_limited, read_text};
pub use target::{inspect_target, SaveTarget};

use std::path::PathBuf;

use crate::model::Problem;

/// Files larger than this are refused before parsing (512 MiB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Why a dataset could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read the file: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: this is {what}, not a regular file; relmap opens only regular files")]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("{path}: the file is {size} bytes; relmap opens files of at most {max} bytes")]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{path}: more than {max} bytes were read from the file; relmap opens files of at most {max} bytes")]
    GrewTooLarge { path: PathBuf, max: u64 },
    #[error(
        "{path}:{line}:{column}: the file is not UTF-8 text (invalid byte at offset {offset}); save \
         it as UTF-8 and try again"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        offset: usize,
    },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: reading was cancelled")]
    Cancelled { path: PathBuf },
    #[error("{path}: {}", problems_text(problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

fn problems_text(problems: &[Problem]) -> String {
    match problems {
        [one] => one.to_string(),
        many => format!(
            "{} problems, the first: {}",
            many.len(),
            many.first().map(ToString::to_string).unwrap_or_default()
        ),
    }
}

impl LoadError {
    /// Every problem as its own line: `FILE:LINE:COL: message` or `FILE: tie 'x': message`.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Invalid { path, problems } => problems
                .iter()
                .map(|p| format!("{}: {p}", path.display()))
                .collect(),
            other => vec![other.to_string()],
        }
    }
}

/// Why a file could not be saved; `path` is the path as the user gave it.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: cannot save: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot save over {what}; relmap saves only to regular files")]
    NotRegular { path: PathBuf, what: &'static str },
    #[error(
        "{path}: the file is read-only; relmap does not replace it unless asked to \
         (make it writable, or save under another name)"
    )]
    ReadOnly { path: PathBuf },
    #[error("{path}: cannot save: {message}")]
    Encode { path: PathBuf, message: String },
}
