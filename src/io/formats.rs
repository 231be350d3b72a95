//! The file formats relmap reads and writes, in one registry ([`FORMATS`]): each with its name,
//! its file name extensions, and its reader and writer, which work over `Read` and `Write`. The
//! functions here are the edge where paths come in: they pick the format by the file's name,
//! open through [`open_regular`](super::open_regular) and save through
//! [`write_atomically`](super::atomic::write_atomically). The open and save dialogs, dropped
//! files and the command line all go through them. Adding a format is one module in `io/` and
//! one line in [`FORMATS`].

use std::io::{Read, Write};
use std::path::Path;

use super::atomic::{write_atomically, WriteOptions};
use super::json::{self, Loaded};
use super::read::{read_opened, OpenedFile};
use super::{open_regular, LoadError, SaveError};
use crate::model::Dataset;

/// Reads a dataset from `input`; `path` only names the file in messages.
pub type Reader = fn(input: &mut dyn Read, path: &Path) -> Result<Loaded, LoadError>;
/// Writes a dataset to `output`.
pub type Writer = fn(data: &Dataset, output: &mut dyn Write) -> std::io::Result<()>;

/// One file format.
pub struct Format {
    /// As shown in file dialogs ("relmap dataset").
    pub name: &'static str,
    /// File name endings without the leading dot, the most specific first ("relmap.json").
    pub extensions: &'static [&'static str],
    pub read: Option<Reader>,
    pub write: Option<Writer>,
}

/// Every format, the native one first.
pub const FORMATS: &[Format] = &[json::FORMAT];

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

/// Opens a dataset in whatever format its name says. The native format reads large files
/// straight from disk (see [`json::load`]); others read through the size-limited reader.
pub fn open(path: &Path) -> Result<Loaded, LoadError> {
    let format = for_path(path);
    if std::ptr::eq(format, native()) {
        return json::load(path);
    }
    let Some(read) = format.read else {
        return Err(LoadError::Read {
            path: path.to_owned(),
            source: std::io::Error::other(format!("relmap cannot read {} files", format.name)),
        });
    };
    let opened: OpenedFile = open_regular(path)?;
    let bytes = read_opened(path, opened)?;
    read(&mut bytes.as_slice(), path)
}

/// Saves a dataset in whatever format the name says, atomically (see [`write_atomically`]).
pub fn save(path: &Path, data: &Dataset, options: WriteOptions) -> Result<(), SaveError> {
    let format = for_path(path);
    let Some(write) = format.write else {
        return Err(SaveError::Encode {
            path: path.to_owned(),
            message: format!("relmap cannot write {} files", format.name),
        });
    };
    let mut bytes = Vec::new();
    write(data, &mut bytes).map_err(|e| SaveError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_atomically(path, &bytes, options)
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
                f.write.is_some()
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
mod tests {
    use super::*;

    #[test]
    fn the_format_is_picked_by_the_longest_extension_and_defaults_to_native() {
        for name in [
            "map.relmap.json",
            "MAP.RELMAP.JSON",
            "export.json",
            "no-extension",
            "x.txt",
        ] {
            assert_eq!(for_path(Path::new(name)).name, native().name, "{name}");
        }
        // A name that is only the extension is not a file of that format.
        assert!(std::ptr::eq(for_path(Path::new(".json")), native()));
    }

    #[test]
    fn the_native_format_round_trips_through_the_registry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.relmap.json");
        let data = crate::sample::sample_dataset();
        save(&path, &data, WriteOptions::default()).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            crate::sample::SAMPLE_JSON
        );
        assert_eq!(open(&path).unwrap().data, data);
        // Through the reader over `Read`, as a format other than the native one is read.
        let read = native().read.unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(read(&mut bytes.as_slice(), &path).unwrap().data, data);
    }

    #[test]
    fn dialogs_get_one_filter_per_format() {
        assert_eq!(dialog_filters(true), [("relmap dataset", vec!["json"])]);
        assert_eq!(dialog_filters(false), [("relmap dataset", vec!["json"])]);
    }
}
