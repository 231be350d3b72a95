//! The file formats relmap reads and writes, in one registry ([`FORMATS`]): each with its name,
//! its file name extensions, and its reader and writer, which work over `Read` and `Write`. The
//! functions here are the edge where paths come in: they pick the format by the file's name,
//! open through [`open_regular`](super::open_regular) and save through
//! [`write_atomically`](super::atomic::write_atomically). The open and save dialogs, dropped
//! files and the command line all go through them. Adding a format is one module in `io/` and
//! one line in [`FORMATS`].

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::atomic::{write_atomically, WriteOptions};
use super::json::{self, Loaded};
use super::read::{read_opened, OpenedFile};
use super::{open_regular, LoadError, Progress, SaveError};
use crate::model::Dataset;

/// Reads a dataset from `input`, telling `progress` how far it has got (and stopping when
/// asked to); `path` only names the file in messages.
pub type Reader =
    fn(input: &mut dyn Read, path: &Path, progress: &mut Progress) -> Result<Loaded, LoadError>;
/// Writes a dataset to `output`, telling `progress` how far it has got.
pub type Writer =
    fn(data: &Dataset, output: &mut dyn Write, progress: &mut Progress) -> std::io::Result<()>;

/// One file format.
pub struct Format {
    /// As shown in file dialogs ("relmap dataset").
    pub name: &'static str,
    /// The short name given to `relmap convert --from/--to` ("relmap", "gexf").
    pub key: &'static str,
    /// File name endings without the leading dot, the most specific first ("relmap.json").
    pub extensions: &'static [&'static str],
    pub read: Option<Reader>,
    pub write: Option<Writer>,
    /// For a format kept in several files side by side (Kumu's CSV: elements, connections and
    /// sources): how to find, read and write them. A path of such a format names one of its
    /// files or their common stem; `read` then reads one file alone.
    pub parts: Option<Parts>,
}

impl std::fmt::Debug for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// One file of a format kept in several files, opened for reading.
pub struct PartInput<'a> {
    /// Which part it is ("elements").
    pub part: &'static str,
    pub path: &'a Path,
    pub input: &'a mut dyn Read,
}

/// One file of a format kept in several files, to be written.
pub struct PartOutput<'a> {
    pub part: &'static str,
    pub output: &'a mut dyn Write,
}

/// How a format kept in several files finds, reads and writes them.
pub struct Parts {
    /// The files of the dataset that `path` names, each with its part, in the order written.
    pub files: fn(path: &Path) -> Vec<(&'static str, PathBuf)>,
    /// Reads the parts that exist (at least one).
    pub read: fn(parts: &mut [PartInput]) -> Result<Loaded, LoadError>,
    /// Writes the parts that `files` names; a part with nothing to hold may be left empty,
    /// and is then not written.
    pub write: fn(
        data: &Dataset,
        parts: &mut [PartOutput],
        progress: &mut Progress,
    ) -> std::io::Result<()>,
}

/// Every format, the native one first.
pub const FORMATS: &[Format] = &[
    json::FORMAT,
    super::gexf::FORMAT,
    super::graphml::FORMAT,
    super::csv::FORMAT,
    super::ftm::FORMAT,
];

/// The native format, used for names that no format claims.
pub fn native() -> &'static Format {
    &FORMATS[0]
}

/// The format a file's name says it is in: the longest matching extension, ignoring case; the
/// native format when none matches.
pub fn for_path(path: &Path) -> &'static Format {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    FORMATS
        .iter()
        .flat_map(|format| format.extensions.iter().map(move |ext| (format, *ext)))
        .filter(|(_, ext)| {
            name.len() > ext.len() + 1
                && name.ends_with(ext)
                && name.as_bytes()[name.len() - ext.len() - 1] == b'.'
        })
        .max_by_key(|(_, ext)| ext.len())
        .map_or_else(native, |(format, _)| format)
}

/// The format a `--from`/`--to` name gives: a format's key ("gexf") or one of its extensions,
/// ignoring case.
pub fn by_key(key: &str) -> Option<&'static Format> {
    let key = key.trim().trim_start_matches('.').to_lowercase();
    FORMATS
        .iter()
        .find(|f| f.key == key || f.extensions.contains(&key.as_str()))
}

/// Every format's key, for messages ("relmap, gexf, graphml, csv, ftm").
pub fn keys() -> String {
    FORMATS.iter().map(|f| f.key).collect::<Vec<_>>().join(", ")
}

/// Opens a dataset in whatever format its name says. The native format reads large files
/// straight from disk (see [`json::load`]); others read through the size-limited reader.
pub fn open(path: &Path) -> Result<Loaded, LoadError> {
    open_as(path, for_path(path))
}

/// Opens a dataset in the format given.
pub fn open_as(path: &Path, format: &'static Format) -> Result<Loaded, LoadError> {
    if std::ptr::eq(format, native()) {
        return json::load(path);
    }
    if let Some(parts) = &format.parts {
        // A file named by the path is read alone, unless it is one of the parts.
        let files = (parts.files)(path);
        let named_part = files.iter().any(|(_, p)| p == path);
        if named_part || !path.exists() {
            let present: Vec<_> = files.into_iter().filter(|(_, p)| p.exists()).collect();
            if !present.is_empty() {
                return open_parts(parts, present);
            }
        }
    }
    let Some(read) = format.read else {
        return Err(LoadError::Read {
            path: path.to_owned(),
            source: std::io::Error::other(format!("relmap cannot read {} files", format.name)),
        });
    };
    let opened: OpenedFile = open_regular(path)?;
    let bytes = read_opened(path, opened)?;
    read(&mut bytes.as_slice(), path, &mut Progress::none())
}

/// The share of reading a file that is taking its bytes from the disk; the rest is making a
/// map of them.
const BYTES_SHARE: f32 = 0.1;

/// Reads a file in the format given, telling `report` what fraction of the work is done, from
/// 0 to 1: first the bytes read from the disk, then as far as the reader has got through them
/// (reading stops, with [`LoadError::Cancelled`], when it answers false). A format kept in
/// several files reads them all, and reports each file once it is read.
pub fn read_with_progress(
    path: &Path,
    format: &'static Format,
    report: &mut dyn FnMut(f32) -> bool,
) -> Result<Loaded, LoadError> {
    let read = match format.read {
        Some(read) if format.parts.is_none() => read,
        _ => {
            let loaded = open_as(path, format)?;
            report(1.0);
            return Ok(loaded);
        }
    };
    let opened = open_regular(path)?;
    let size = opened.size;
    let mut progress = Progress::new(report);
    progress.stage(0.0, BYTES_SHARE);
    let mut stopped = false;
    let counting = super::read::ProgressReader::new(opened.file, |n| {
        stopped = !progress.go_on(n, size);
        !stopped
    });
    let bytes = match super::read::read_all_limited(counting, path, opened.size as usize) {
        Err(_) if stopped => return Err(LoadError::Cancelled { path: path.into() }),
        read => read?,
    };
    progress.stage(BYTES_SHARE, 1.0 - BYTES_SHARE);
    let loaded = read(&mut bytes.as_slice(), path, &mut progress)?;
    progress.tell(1, 1, path)?;
    Ok(loaded)
}

fn open_parts(parts: &Parts, present: Vec<(&'static str, PathBuf)>) -> Result<Loaded, LoadError> {
    let mut contents = Vec::new();
    for (part, path) in &present {
        let bytes = read_opened(path, open_regular(path)?)?;
        contents.push((*part, path.as_path(), bytes));
    }
    let mut slices: Vec<&[u8]> = contents.iter().map(|(_, _, b)| b.as_slice()).collect();
    let mut inputs: Vec<PartInput> = contents
        .iter()
        .zip(slices.iter_mut())
        .map(|((part, path, _), input)| PartInput {
            part,
            path,
            input: input as &mut dyn Read,
        })
        .collect();
    (parts.read)(&mut inputs)
}

/// The files a save to `path` writes: the path itself, or the parts of a format kept in
/// several files (a part left empty is not written).
pub fn files_for(path: &Path, format: &'static Format) -> Vec<PathBuf> {
    match &format.parts {
        Some(parts) => (parts.files)(path).into_iter().map(|(_, p)| p).collect(),
        None => vec![path.to_owned()],
    }
}

/// Saves a dataset in whatever format the name says, atomically (see [`write_atomically`]).
pub fn save(path: &Path, data: &Dataset, options: WriteOptions) -> Result<(), SaveError> {
    save_as(path, for_path(path), data, options, &mut Progress::none()).map(|_| ())
}

/// The share of saving in another format that is making the bytes; the rest is writing them.
const ENCODING_SHARE: f32 = 0.8;

/// Saves a dataset in the format given, and returns the files written, telling `progress` how
/// far it has got. Each file is written atomically; a format kept in several files writes
/// them one after the other.
pub fn save_as(
    path: &Path,
    format: &'static Format,
    data: &Dataset,
    options: WriteOptions,
    progress: &mut Progress,
) -> Result<Vec<PathBuf>, SaveError> {
    progress.stage(0.0, ENCODING_SHARE);
    let encode = |message: String| SaveError::Encode {
        path: path.to_owned(),
        message,
    };
    if let Some(parts) = &format.parts {
        let files = (parts.files)(path);
        let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); files.len()];
        let mut outputs: Vec<PartOutput> = files
            .iter()
            .zip(buffers.iter_mut())
            .map(|((part, _), output)| PartOutput {
                part,
                output: output as &mut dyn Write,
            })
            .collect();
        (parts.write)(data, &mut outputs, progress).map_err(|e| encode(e.to_string()))?;
        drop(outputs);
        progress.stage(ENCODING_SHARE, 1.0 - ENCODING_SHARE);
        let count = files.len() as u64;
        let mut written = Vec::new();
        for (n, ((_, file), bytes)) in files.into_iter().zip(buffers).enumerate() {
            if !bytes.is_empty() {
                write_atomically(&file, &bytes, options)?;
                written.push(file);
            }
            progress.go_on(n as u64 + 1, count);
        }
        return Ok(written);
    }
    let Some(write) = format.write else {
        return Err(encode(format!("relmap cannot write {} files", format.name)));
    };
    let mut bytes = Vec::new();
    write(data, &mut bytes, progress).map_err(|e| encode(e.to_string()))?;
    progress.stage(ENCODING_SHARE, 1.0 - ENCODING_SHARE);
    write_atomically(path, &bytes, options)?;
    progress.go_on(1, 1);
    Ok(vec![path.to_owned()])
}

/// The file dialogs' filters: one per format that can be read (`reading`) or written, with its
/// extensions as the dialog wants them (the last part only: "json").
pub fn dialog_filters(reading: bool) -> Vec<(&'static str, Vec<&'static str>)> {
    FORMATS
        .iter()
        .filter(|f| {
            if reading {
                f.read.is_some()
            } else {
                f.write.is_some() || f.parts.is_some()
            }
        })
        .map(|f| {
            let mut last: Vec<&str> = f
                .extensions
                .iter()
                .map(|e| e.rsplit('.').next().unwrap_or(e))
                .collect();
            last.dedup();
            (f.name, last)
        })
        .collect()
}

#[cfg(test)]
#[path = "formats_tests.rs"]
mod tests;
