//! The one way files are opened for reading, by the app and the command line alike: only regular
//! files (after following links), never blocking on a named pipe, and never more than
//! [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES) bytes, counted as they are read.

use std::cell::Cell;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;
use std::rc::Rc;

use super::{LoadError, MAX_FILE_BYTES};

/// A regular file opened for reading, with the size the filesystem reported when it was opened.
pub struct OpenedFile {
    pub file: File,
    pub size: u64,
}

/// Opens `path` for reading. Anything that is not a regular file once links are followed (a
/// folder, a named pipe, a device, a socket) is refused with a message saying what it is; a
/// named pipe with no writer is refused at once instead of waiting for one. Files whose reported
/// size is over the limit are refused before any byte is read.
pub fn open_regular(path: &Path) -> Result<OpenedFile, LoadError> {
    let read_err = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    let file = open_without_blocking(path).map_err(read_err)?;
    // The type is taken from the open file, so nothing can be swapped in after the check.
    let meta = file.metadata().map_err(read_err)?;
    if let Some(what) = not_regular(&meta) {
        return Err(LoadError::NotRegular {
            path: path.to_owned(),
            what,
        });
    }
    restore_blocking(&file).map_err(read_err)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            max: MAX_FILE_BYTES,
        });
    }
    Ok(OpenedFile {
        file,
        size: meta.len(),
    })
}

/// Reads a whole file through [`open_regular`], refusing it once more than the limit has been
/// read (a file can grow while it is read, and some filesystems report no size).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_opened(path, open_regular(path)?)
}

/// Reads the whole of a file opened by [`open_regular`], up to the limit.
pub fn read_opened(path: &Path, opened: OpenedFile) -> Result<Vec<u8>, LoadError> {
    // The reported size is only a hint for the first allocation, never trusted as a bound.
    read_all_limited(opened.file, path, opened.size as usize)
}

/// Reads a UTF-8 text file (an article to add as a source), with the same rules as
/// [`read_limited`]; text that is not UTF-8 is refused with the place of the first bad byte.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    // A byte order mark is not part of the text (excerpt offsets count from after it).
    super::interop::utf8_text(read_limited(path)?, path)
}

/// Reads all of `input` (`capacity` bytes expected), refusing more than the size limit; an
/// error names `path`.
pub fn read_all_limited(
    input: impl Read,
    path: &Path,
    capacity: usize,
) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::with_capacity(capacity);
    // One byte past the limit is let through, to tell "exactly the limit" from "more". `take`
    // hands the input the buffer's spare room as it is, so that large inputs are copied once
    // and not zeroed first.
    let mut limited = input.take(MAX_FILE_BYTES + 1);
    match limited.read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > MAX_FILE_BYTES => Err(grew_too_large(path)),
        Ok(_) => Ok(bytes),
        Err(source) => Err(LoadError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

/// The error for a file that turned out larger than the limit while being read.
pub fn grew_too_large(path: &Path) -> LoadError {
    LoadError::GrewTooLarge {
        path: path.to_owned(),
        max: MAX_FILE_BYTES,
    }
}

/// A reader that fails once more than [`MAX_FILE_BYTES`] bytes have come through it.
pub struct LimitedReader<R> {
    inner: R,
    read: u64,
    exceeded: Rc<Cell<bool>>,
}

impl<R: Read> LimitedReader<R> {
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            read: 0,
            exceeded: Rc::default(),
        }
    }

    /// Becomes true when reading stops because the limit was passed; it can be kept after the
    /// reader is handed to a parser.
    pub fn exceeded_flag(&self) -> Rc<Cell<bool>> {
        Rc::clone(&self.exceeded)
    }
}

impl<R: Read> Read for LimitedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // One byte past the limit is allowed through, to tell "exactly the limit" from "more".
        let room = (MAX_FILE_BYTES + 1).saturating_sub(self.read);
        let wanted = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..wanted])?;
        self.read += n as u64;
        if self.read > MAX_FILE_BYTES {
            self.exceeded.set(true);
            return Err(io::Error::other(format!(
                "the file is larger than {MAX_FILE_BYTES} bytes"
            )));
        }
        Ok(n)
    }
}

/// A reader that reports the bytes read so far to `report` after each read; when `report`
/// answers false (the user cancelled), reading stops with the error "cancelled" (not of kind
/// `Interrupted`, which `read_to_end` would retry for ever).
pub struct ProgressReader<R, F> {
    inner: R,
    read: u64,
    report: F,
}

impl<R: Read, F: FnMut(u64) -> bool> ProgressReader<R, F> {
    pub fn new(inner: R, report: F) -> Self {
        Self {
            inner,
            read: 0,
            report,
        }
    }
}

impl<R: Read, F: FnMut(u64) -> bool> Read for ProgressReader<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if !(self.report)(self.read) {
            return Err(io::Error::other("cancelled"));
        }
        Ok(n)
    }
}

/// What a file is when it is not a regular file, in words for a message.
pub fn not_regular(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Clears the non-blocking flag again, so that reads of a slow disk wait as usual.
#[cfg(unix)]
fn restore_blocking(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is a descriptor this function's caller owns for the duration of the call;
    // F_GETFL and F_SETFL read and change only its status flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(unix))]
fn restore_blocking(_file: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
