//! Temporary files of atomic saves: a name of their own for each (`.NAME.PID-RANDOM.tmp`),
//! created new, and locked for as long as their writer lives, so that the temporary files of a
//! writer that died (whose lock the system has released) can be told apart and removed.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Tries at a fresh name before giving up.
const ATTEMPTS: usize = 16;
/// Bytes of the target's name kept in a temporary file's name, which must stay a legal name.
const NAME_BYTES: usize = 200;
/// Temporary files named by earlier versions (`.NAME.PID.tmp`) carry no lock; they are taken
/// for stale once this old.
const UNLOCKED_STALE_AFTER: Duration = Duration::from_secs(600);

/// A temporary file this process created and holds locked.
pub struct TempFile {
    pub path: PathBuf,
    pub file: File,
}

impl TempFile {
    /// Removes the file: only ever called by the process that created it.
    pub fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Creates a new temporary file for `target_name` in `folder`, with permission bits `mode`
/// (before the umask) where the platform has them, and locks it.
pub fn create(folder: &Path, target_name: &OsStr, mode: u32) -> io::Result<TempFile> {
    let prefix = prefix(target_name);
    let mut last_error = None;
    for _ in 0..ATTEMPTS {
        let mut name = prefix.clone();
        name.push(format!("{}-{:016x}.tmp", std::process::id(), unique()));
        let path = folder.join(name);
        let file = match open_new(&path, mode) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                last_error = Some(e);
                continue;
            }
            Err(e) => return Err(e),
        };
        match file.try_lock() {
            Ok(()) => {}
            // Another save is removing it as stale in this very moment: leave it to that one.
            Err(std::fs::TryLockError::WouldBlock) => continue,
            // A filesystem without locks: the file stays unlocked, and cleaners skip it.
            Err(std::fs::TryLockError::Error(_)) => {}
        }
        // Still ours once locked: a cleaner that came between creating and locking removed it.
        if same_file(&file, &path) {
            return Ok(TempFile { path, file });
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no free name for a temporary file")))
}

/// Removes the temporary files of `target_name` in `folder` whose writers are gone (their lock
/// is free). Returns how many were removed. Never touches a file another process holds, or
/// anything that is not a regular file.
pub fn remove_stale(folder: &Path, target_name: &OsStr) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let prefix = prefix(target_name);
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let Some(locked_kind) = temp_kind(&entry.file_name(), &prefix) else {
            continue;
        };
        let path = entry.path();
        if remove_if_stale(&path, locked_kind) {
            removed += 1;
        }
    }
    removed
}

fn remove_if_stale(path: &Path, locked_kind: bool) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    let Ok(file) = open_existing(path) else {
        return false;
    };
    if !locked_kind {
        let old = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age >= UNLOCKED_STALE_AFTER);
        if !old {
            return false;
        }
    }
    // A live writer holds the lock; a failure to lock at all means "don't know", so keep it.
    if file.try_lock().is_err() || !same_file(&file, path) {
        return false;
    }
    std::fs::remove_file(path).is_ok()
}

/// `.NAME.`: the start of every temporary file name of a target.
fn prefix(target_name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(shortened(target_name));
    prefix.push(".");
    prefix
}

/// Whether `name` is a temporary file of the target whose prefix is given: `Some(true)` for
/// the locked kind (`PREFIX` + `PID-HEX.tmp`), `Some(false)` for earlier versions' (`PID.tmp`).
fn temp_kind(name: &OsStr, prefix: &OsStr) -> Option<bool> {
    let rest = name
        .as_encoded_bytes()
        .strip_prefix(prefix.as_encoded_bytes())?;
    let middle = rest.strip_suffix(b".tmp")?;
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    match middle.iter().position(|&b| b == b'-') {
        None => digits(middle).then_some(false),
        Some(dash) => {
            let (pid, hex) = (&middle[..dash], &middle[dash + 1..]);
            (digits(pid) && hex.len() == 16 && hex.iter().all(u8::is_ascii_hexdigit))
                .then_some(true)
        }
    }
}

/// The target's name, cut to [`NAME_BYTES`] at a character boundary where it is longer.
fn shortened(name: &OsStr) -> OsString {
    let bytes = name.as_encoded_bytes();
    if bytes.len() <= NAME_BYTES {
        return name.to_owned();
    }
    let text = name.to_string_lossy();
    let mut end = NAME_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    OsString::from(&text[..end])
}

/// A number no other temporary file of this process has, and that another process is unlikely
/// to pick: a counter mixed with the time through the standard library's randomly keyed hash.
fn unique() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.finish()
}

#[cfg(unix)]
fn open_new(path: &Path, mode: u32) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
}

#[cfg(not(unix))]
fn open_new(path: &Path, _mode: u32) -> io::Result<File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// Opens a file that looks like a temporary file, without waiting should it be a named pipe.
#[cfg(unix)]
fn open_existing(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path)
}

#[cfg(not(unix))]
fn open_existing(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Whether `path` names the file that `file` has open.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
#[path = "temp_tests.rs"]
mod tests;
