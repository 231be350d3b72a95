//! The native format: pretty, stable-ordered JSON (`.relmap.json`).

use std::path::Path;

mod probe;
mod unknown_fields;

use std::io::BufRead;

use serde::Deserialize;

use super::atomic::{write_atomically, WriteOptions};
use super::formats::Format;
use super::read::{read_opened, LimitedReader, OpenedFile};
use super::{open_regular, LoadError, SaveError};
use crate::model::{validate, Dataset, FORMAT_VERSION};
use unknown_fields::UnknownFields;

/// The file name extension of the native format.
pub const EXTENSION: &str = "relmap.json";

/// The native format's entry in the registry (`io::formats`).
pub const FORMAT: Format = Format {
    name: "relmap dataset",
    key: "relmap",
    extensions: &[EXTENSION, "json"],
    read: Some(read_from),
    write: Some(write_to),
    parts: None,
};

/// Reads a dataset from any reader, up to the size limit. (Files are opened by [`load`], which
/// reads large ones straight from disk instead of into memory.)
fn read_from(
    input: &mut dyn std::io::Read,
    path: &Path,
    _progress: &mut super::Progress,
) -> Result<Loaded, LoadError> {
    use std::io::Read;
    let mut limited = LimitedReader::new(input);
    let mut bytes = Vec::new();
    match limited.read_to_end(&mut bytes) {
        Ok(_) => load_bytes_with_warnings(path, &bytes),
        Err(_) if limited.exceeded_flag().get() => Err(super::read::grew_too_large(path)),
        Err(source) => Err(LoadError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Writes a dataset as the native format saves it ([`to_bytes`]).
fn write_to(
    data: &Dataset,
    output: &mut dyn std::io::Write,
    _progress: &mut super::Progress,
) -> std::io::Result<()> {
    output.write_all(&to_bytes(data).map_err(std::io::Error::other)?)
}

/// Files larger than this are parsed straight from disk instead of from a copy in memory: that
/// halves the peak memory of opening them, at about twice the parsing time.
pub const STREAM_FROM_BYTES: u64 = 64 * 1024 * 1024;

/// A dataset as opened, with what the user should know about it that does not stop it from
/// opening: fields relmap does not keep, names with invisible characters.
#[derive(Debug)]
pub struct Loaded {
    pub data: Dataset,
    /// One line each, without the file's name.
    pub warnings: Vec<String>,
}

/// Reads, parses and validates a dataset file (see [`load`]), without its warnings.
pub fn load_file(path: &Path) -> Result<Dataset, LoadError> {
    load(path).map(|loaded| loaded.data)
}

/// Reads, parses and validates a dataset file, opened through [`open_regular`]: only regular
/// files, never more than the limit. A byte order mark at the start is skipped.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let opened = open_regular(path)?;
    if opened.size <= STREAM_FROM_BYTES {
        let bytes = read_opened(path, opened)?;
        return load_bytes_with_warnings(path, &bytes);
    }
    // A large file is read twice from disk, at the same time, never held whole in memory.
    let (probe, data) = both(
        path,
        || parse_stream(path, opened, |de| probe::probe(de)),
        || parse_stream(path, open_regular(path)?, |de| Dataset::deserialize(de)),
        true,
    );
    finish(path, probe, data)
}

/// Runs the first pass and the full parse, on two threads when `parallel` (the first pass costs
/// about a third of the full parse, which it then no longer adds to).
fn both<P: Send, D>(
    path: &Path,
    first_pass: impl FnOnce() -> Result<P, LoadError> + Send,
    full_parse: impl FnOnce() -> Result<D, LoadError>,
    parallel: bool,
) -> (Result<P, LoadError>, Result<D, LoadError>) {
    if !parallel {
        return (first_pass(), full_parse());
    }
    std::thread::scope(|scope| {
        let probing = scope.spawn(first_pass);
        let data = full_parse();
        // The first pass has no way to panic on any input; a panic is reported, not propagated.
        let probe = probing.join().unwrap_or_else(|_| {
            Err(LoadError::Read {
                path: path.to_owned(),
                source: std::io::Error::other("the first pass over the file stopped unexpectedly"),
            })
        });
        (probe, data)
    })
}

/// The result of both passes, reported in order: an error the first pass found (a JSON syntax
/// error), then the version (a newer file is reported as such, not as the type errors it may
/// give the full parse), then the full parse's errors, then validation.
fn finish(
    path: &Path,
    probe: Result<probe::Probe, LoadError>,
    data: Result<Dataset, LoadError>,
) -> Result<Loaded, LoadError> {
    let probe = probe?;
    check_version(path, probe.version)?;
    with_warnings(path, data?, probe.unknown)
}

/// Files from this size are parsed on two threads at once.
const PARALLEL_FROM_BYTES: usize = 1024 * 1024;

/// Parses a file of more than [`STREAM_FROM_BYTES`] from disk, through a reader that stops at
/// the size limit, after any byte order mark.
fn parse_stream<T>(
    path: &Path,
    opened: OpenedFile,
    parse: impl FnOnce(
        &mut serde_json::Deserializer<serde_json::de::IoRead<Reader>>,
    ) -> Result<T, serde_json::Error>,
) -> Result<T, LoadError> {
    let limited = LimitedReader::new(opened.file);
    let exceeded = limited.exceeded_flag();
    let mut reader = std::io::BufReader::with_capacity(1 << 16, limited);
    let starts_with_mark = reader
        .fill_buf()
        .map_err(|source| LoadError::Read {
            path: path.to_owned(),
            source,
        })?
        .starts_with(BYTE_ORDER_MARK);
    if starts_with_mark {
        reader.consume(BYTE_ORDER_MARK.len());
    }
    let mut de = serde_json::Deserializer::from_reader(reader);
    match parse(&mut de).and_then(|value| de.end().map(|()| value)) {
        Ok(value) => Ok(value),
        Err(_) if exceeded.get() => Err(super::read::grew_too_large(path)),
        Err(e) => Err(syntax(path, e)),
    }
}

type Reader = std::io::BufReader<LimitedReader<std::fs::File>>;

/// Parses and validates `bytes` as a dataset; `path` is only used to name the file in errors.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Dataset, LoadError> {
    load_bytes_with_warnings(path, bytes).map(|loaded| loaded.data)
}

/// [`load_bytes`], with the warnings.
pub fn load_bytes_with_warnings(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    let (probe, data) = both(
        path,
        || {
            let mut de = serde_json::Deserializer::from_slice(bytes);
            probe::probe(&mut de)
                .and_then(|probe| de.end().map(|()| probe))
                .map_err(|e| syntax(path, e))
        },
        || serde_json::from_slice::<Dataset>(bytes).map_err(|e| syntax(path, e)),
        bytes.len() >= PARALLEL_FROM_BYTES,
    );
    finish(path, probe, data)
}

/// The UTF-8 byte order mark, which some Windows editors put at the start of text files.
const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

fn with_warnings(path: &Path, data: Dataset, unknown: UnknownFields) -> Result<Loaded, LoadError> {
    let data = validated(path, data)?;
    let mut warnings = unknown.lines();
    warnings.extend(
        crate::model::warnings(&data)
            .iter()
            .map(ToString::to_string),
    );
    Ok(Loaded { data, warnings })
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

fn check_version(path: &Path, version: Option<serde_json::Value>) -> Result<(), LoadError> {
    let problem = |message: String| LoadError::Invalid {
        path: path.to_owned(),
        problems: vec![crate::model::Problem {
            subject: crate::model::Subject::Dataset,
            message,
        }],
    };
    match version {
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

/// Saves atomically (see [`write_atomically`]), refusing to replace a read-only file; on
/// failure the file on disk is unchanged.
pub fn save_file(path: &Path, data: &Dataset) -> Result<(), SaveError> {
    save_file_with(path, data, WriteOptions::default())
}

/// [`save_file`] with options: whether a read-only file may be replaced.
pub fn save_file_with(path: &Path, data: &Dataset, options: WriteOptions) -> Result<(), SaveError> {
    let bytes = to_bytes(data).map_err(|e| SaveError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_atomically(path, &bytes, options)
}
