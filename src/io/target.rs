//! Where a save really writes: links followed to the file they point to, and what is there now
//! (nothing yet, a regular file with its permissions and owner, or something that relmap refuses
//! to replace).

use std::ffi::OsStr;
use std::fs::Metadata;
use std::io;
use std::path::{Path, PathBuf};

use super::SaveError;

/// Links followed before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// The file a save of `requested` replaces or creates.
#[derive(Debug)]
pub struct SaveTarget {
    /// The path as given.
    pub requested: PathBuf,
    /// `requested` with every link at its end followed: the file that is written.
    pub file: PathBuf,
    /// The file there now; `None` when the save creates it.
    pub existing: Option<Metadata>,
    /// The file there now cannot be written: no write permission bit is set, or the user
    /// running relmap may not write it.
    pub read_only: bool,
}

impl SaveTarget {
    /// The folder the file is in, where its temporary file is made.
    pub fn folder(&self) -> PathBuf {
        match self.file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        }
    }

    /// The file's own name.
    pub fn name(&self) -> Result<&OsStr, SaveError> {
        self.file.file_name().ok_or_else(|| SaveError::Write {
            path: self.requested.clone(),
            source: io::Error::other("the path names no file"),
        })
    }
}

/// Follows the links at the end of `path` and looks at what is there. Folders, named pipes,
/// devices and sockets are refused; a link that points nowhere gives the path where the file
/// will be created.
pub fn inspect_target(path: &Path) -> Result<SaveTarget, SaveError> {
    let write_err = |source| SaveError::Write {
        path: path.to_owned(),
        source,
    };
    let mut current = path.to_owned();
    for _ in 0..=MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&current) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(SaveTarget {
                    requested: path.to_owned(),
                    file: current,
                    existing: None,
                    read_only: false,
                });
            }
            Err(e) => return Err(write_err(e)),
        };
        if meta.file_type().is_symlink() {
            let link = std::fs::read_link(&current).map_err(write_err)?;
            current = match current.parent() {
                Some(folder) if link.is_relative() => folder.join(link),
                _ => link,
            };
            continue;
        }
        if let Some(what) = super::read::not_regular(&meta) {
            return Err(SaveError::NotRegular {
                path: path.to_owned(),
                what,
            });
        }
        let read_only = meta.permissions().readonly() || !writable(&current);
        return Ok(SaveTarget {
            requested: path.to_owned(),
            file: current,
            existing: Some(meta),
            read_only,
        });
    }
    Err(write_err(io::Error::other(format!(
        "more than {MAX_LINKS} links in a row (a loop of links?)"
    ))))
}

/// Whether the user running relmap may write the file, asked without opening it (opening it for
/// writing would tell file watchers that it changed).
#[cfg(unix)]
fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
    let answer = unsafe {
        libc::faccessat(
            libc::AT_FDCWD,
            c_path.as_ptr(),
            libc::W_OK,
            libc::AT_EACCESS,
        )
    };
    if answer == 0 {
        return true;
    }
    // Only a refusal of permission counts; a read-only filesystem fails the save itself.
    io::Error::last_os_error().kind() != io::ErrorKind::PermissionDenied
}

#[cfg(not(unix))]
fn writable(_path: &Path) -> bool {
    true
}
