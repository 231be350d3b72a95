//! Atomic saving: the new content goes to a temporary file of its own in the target's folder,
//! which is synced, given the old file's permissions and owner, and renamed over it; the folder
//! is synced last. Readers see the old file or the new one, never a part. Links are written
//! through; anything but a regular file is refused; a read-only file is replaced only when asked.

use std::fs::{File, Metadata};
use std::io::{self, Write};
use std::path::Path;

use super::temp::{self, TempFile};
use super::{inspect_target, SaveError, SaveTarget};

/// How a save treats what is at the target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteOptions {
    /// Replace a read-only file (the user was asked and said yes). The new file stays read-only.
    pub overwrite_read_only: bool,
}

/// Writes `bytes` to `path` atomically (see the module's description). On failure the old file
/// is untouched and the temporary file removed.
pub fn write_atomically(path: &Path, bytes: &[u8], options: WriteOptions) -> Result<(), SaveError> {
    let target = inspect_target(path)?;
    if target.read_only && !options.overwrite_read_only {
        return Err(SaveError::ReadOnly {
            path: path.to_owned(),
        });
    }
    write_target(&target, bytes).map_err(|source| SaveError::Write {
        path: path.to_owned(),
        source,
    })
}

/// Removes the temporary files of saves of `name` in `folder` whose writers are gone; returns
/// how many. Every save does this for its own target.
pub fn remove_stale_temps(folder: &Path, name: &std::ffi::OsStr) -> usize {
    temp::remove_stale(folder, name)
}

fn write_target(target: &SaveTarget, bytes: &[u8]) -> io::Result<()> {
    let folder = target.folder();
    let name = target
        .name()
        .map_err(|_| io::Error::other("the path names no file"))?;
    temp::remove_stale(&folder, name);
    // A file that exists keeps its content private until it has the old file's permissions.
    let mode = if target.existing.is_some() {
        0o600
    } else {
        0o666
    };
    let mut temp = temp::create(&folder, name, mode)?;
    match fill_and_rename(&mut temp, target, bytes) {
        Ok(()) => {
            // Make the rename itself durable where the platform allows it.
            if let Ok(dir) = File::open(&folder) {
                let _ = dir.sync_all();
            }
            Ok(())
        }
        Err(e) => {
            temp.remove();
            Err(e)
        }
    }
}

fn fill_and_rename(temp: &mut TempFile, target: &SaveTarget, bytes: &[u8]) -> io::Result<()> {
    temp.file.write_all(bytes)?;
    if let Some(old) = &target.existing {
        keep_owner_and_permissions(&temp.file, old)?;
    }
    temp.file.sync_all()?;
    std::fs::rename(&temp.path, &target.file)
}

/// Gives the new file the old one's owner where allowed, then its permission bits.
#[cfg(unix)]
fn keep_owner_and_permissions(file: &File, old: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{fchown, MetadataExt, PermissionsExt};
    // Changing the owner needs privileges; keeping at least the group often does not.
    if fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = fchown(file, None, Some(old.gid()));
    }
    // After the owner: a change of owner may clear the set-id bits.
    file.set_permissions(std::fs::Permissions::from_mode(old.mode() & 0o7777))
}

#[cfg(not(unix))]
fn keep_owner_and_permissions(file: &File, old: &Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

#[cfg(test)]
#[path = "atomic_tests.rs"]
mod tests;
