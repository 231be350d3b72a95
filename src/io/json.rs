//! The native format: pretty, stable-ordered JSON (`.relmap.json`).

use std::path::Path;

use serde::Deserialize;

use super::{read_limited, LoadError, SaveError};
use crate::model::{validate, Dataset, FORMAT_VERSION};

/// The file name extension of the native format.
pub const EXTENSION: &str = "relmap.json";

/// Files larger than this are parsed straight from disk instead of from a copy in memory: that
/// halves the peak memory of opening them, at about twice the parsing time.
pub const STREAM_FROM_BYTES: u64 = 64 * 1024 * 1024;

/// Reads, parses and validates a dataset file.
pub fn load_file(path: &Path) -> Result<Dataset, LoadError> {
    let size = super::checked_size(path)?;
    if size <= STREAM_FROM_BYTES {
        let bytes = read_limited(path)?;
        return load_bytes(path, &bytes);
    }
    // A large file is read twice from disk (the version first), never held whole in memory.
    let open = || {
        std::fs::File::open(path)
            .map(|f| std::io::BufReader::with_capacity(1 << 16, f))
            .map_err(|source| LoadError::Read {
                path: path.to_owned(),
                source,
            })
    };
    let probe: VersionProbe = serde_json::from_reader(open()?).map_err(|e| syntax(path, e))?;
    check_version(path, probe)?;
    let data: Dataset = serde_json::from_reader(open()?).map_err(|e| syntax(path, e))?;
    validated(path, data)
}

/// Parses and validates `bytes` as a dataset; `path` is only used to name the file in errors.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Dataset, LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    // Read the version first, so that a newer file is reported as such and not as a type error.
    let probe: VersionProbe = serde_json::from_slice(bytes).map_err(|e| syntax(path, e))?;
    check_version(path, probe)?;
    let data: Dataset = serde_json::from_slice(bytes).map_err(|e| syntax(path, e))?;
    validated(path, data)
}

#[derive(Deserialize)]
struct VersionProbe {
    relmap: Option<serde_json::Value>,
}

/// A JSON error as the user sees it: the file, the line and column, and a plain message.
fn syntax(path: &Path, e: serde_json::Error) -> LoadError {
    let (line, column) = (e.line(), e.column());
    let mut message = e.to_string();
    // serde_json appends " at line L column C"; the location is already in front.
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    if message == "invalid unicode code point" {
        message = "the file is not valid UTF-8 text here (invalid unicode code point)".into();
    } else if message == "expected value" && line == 1 && column <= 1 {
        message = "this is not a JSON file: expected '{' at the start".into();
    } else if message == "recursion limit exceeded" {
        message = "the JSON is nested too deeply (recursion limit exceeded)".into();
    }
    LoadError::Syntax {
        path: path.to_owned(),
        line,
        column,
        message,
    }
}

fn check_version(path: &Path, probe: VersionProbe) -> Result<(), LoadError> {
    let problem = |message: String| LoadError::Invalid {
        path: path.to_owned(),
        problems: vec![crate::model::Problem {
            subject: crate::model::Subject::Dataset,
            message,
        }],
    };
    match probe.relmap {
        None => Err(problem(
            "missing \"relmap\" version field: this does not look like a relmap dataset".into(),
        )),
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => Ok(()),
        Some(other) => Err(problem(format!(
            "unsupported relmap version {other} (this build reads version {FORMAT_VERSION})"
        ))),
    }
}

fn validated(path: &Path, data: Dataset) -> Result<Dataset, LoadError> {
    let problems = validate(&data);
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(LoadError::Invalid {
            path: path.to_owned(),
            problems,
        })
    }
}

/// The exact bytes a dataset is saved as: pretty JSON, fields in schema order, trailing newline.
pub fn to_bytes(data: &Dataset) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(data)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Saves atomically; on failure the file on disk is unchanged.
pub fn save_file(path: &Path, data: &Dataset) -> Result<(), SaveError> {
    let bytes = to_bytes(data).map_err(|e| SaveError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    super::atomic::write_atomically(path, &bytes).map_err(|source| SaveError::Write {
        path: path.to_owned(),
        source,
    })
}
