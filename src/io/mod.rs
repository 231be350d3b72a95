//! Reading and writing datasets: one module per format, plus atomic saving.
//! Errors name the file, the place in it and what is wrong.

pub mod atomic;
pub mod json;

use std::path::{Path, PathBuf};

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
    #[error("{path}: the file is {size} bytes; relmap opens files of at most {max} bytes")]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
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

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: cannot save: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot save: {message}")]
    Encode { path: PathBuf, message: String },
}

/// Reads a file with a size limit, naming the file in every error.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    checked_size(path)?;
    std::fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_owned(),
        source,
    })
}

/// The size of a file that may be opened: an error for folders and files over the limit.
pub fn checked_size(path: &Path) -> Result<u64, LoadError> {
    let read_err = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(std::io::Error::other(
            "it is a folder, not a file",
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            max: MAX_FILE_BYTES,
        });
    }
    Ok(meta.len())
}
