//! Crash recovery: while a document has unsaved changes, a copy is written every 30 seconds to
//! the platform's data folder (never over the user's file). A copy is three files: the data and
//! what is known about it (both saved atomically), and a lock file that the running app holds. A
//! copy whose lock is free belongs to an app that did not close properly, and the next start
//! offers to restore it.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::document::Document;
use super::tasks::{Outcome, Task};
use crate::io::atomic::{self, WriteOptions};
use crate::io::json;
use crate::model::Dataset;

/// How often a modified document is copied.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// What is known about a recovery copy besides the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The file the document came from, if any.
    pub path: Option<PathBuf>,
    /// The name shown for it.
    pub name: String,
    /// When the copy was written, in seconds since 1970.
    pub written: u64,
}

/// A recovery copy left by an app that did not close properly.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    pub meta: Meta,
    pub data: Dataset,
    pub meta_path: PathBuf,
    pub data_path: PathBuf,
}

impl Orphan {
    /// Deletes the copy.
    pub fn discard(&self) {
        remove_copy(&self.data_path, &self.meta_path);
    }
}

/// Removes a copy's files: data, meta and lock.
fn remove_copy(data_path: &Path, meta_path: &Path) {
    let _ = std::fs::remove_file(data_path);
    let _ = std::fs::remove_file(meta_path);
    let _ = std::fs::remove_file(lock_path_of(meta_path));
}

/// The lock file that goes with a meta file.
fn lock_path_of(meta_path: &Path) -> PathBuf {
    let name = meta_path.file_name().unwrap_or_default().to_string_lossy();
    meta_path.with_file_name(name.replace(META_SUFFIX, LOCK_SUFFIX))
}

const META_SUFFIX: &str = ".meta.json";
const LOCK_SUFFIX: &str = ".lock";

/// This app's recovery copy.
pub struct Recovery {
    dir: PathBuf,
    stem: String,
    interval: Duration,
    /// Held while this app runs, so other apps know the copy is not orphaned.
    lock: Option<File>,
    last_written: Option<(u64, Instant)>,
    /// A large map's copy being written on a worker thread.
    writing: Option<Task<Result<(), String>>>,
    /// The copy was cleared while being written: remove it once written.
    clear_when_written: bool,
}

/// The folder for recovery copies: `RELMAP_RECOVERY_DIR` when set, else the platform's data
/// folder (for example `~/.local/share/relmap/recovery`).
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("RELMAP_RECOVERY_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "relmap").map(|d| d.data_dir().join("recovery"))
}

impl Recovery {
    pub fn new(dir: PathBuf, interval: Duration) -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Self {
            dir,
            stem: format!("recovery-{}-{nanos}", std::process::id()),
            interval,
            lock: None,
            last_written: None,
            writing: None,
            clear_when_written: false,
        }
    }

    fn meta_path(&self) -> PathBuf {
        self.dir.join(format!("{}{META_SUFFIX}", self.stem))
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(format!("{}{LOCK_SUFFIX}", self.stem))
    }

    fn data_path(&self) -> PathBuf {
        self.dir.join(format!("{}.{}", self.stem, json::EXTENSION))
    }

    /// Copies the document when it is modified, changed since the last copy, and the interval
    /// has passed. Returns an error message once per failure, for the user.
    pub fn tick(&mut self, doc: &Document) -> Option<String> {
        if let Some(Err(e)) = self.poll_writing() {
            return Some(e);
        }
        if self.writing.is_some() {
            return None;
        }
        if !doc.is_modified() {
            self.clear();
            return None;
        }
        if let Some((generation, when)) = self.last_written {
            if generation == doc.generation() || when.elapsed() < self.interval {
                return None;
            }
        }
        self.last_written = Some((doc.generation(), Instant::now()));
        self.write(doc).err()
    }

    fn write(&mut self, doc: &Document) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| {
            format!(
                "{}: cannot create the recovery folder: {e}",
                self.dir.display()
            )
        })?;
        self.take_lock()?;
        let data = Arc::clone(&doc.data);
        if data.actors.len() + data.ties.len() >= super::saving::BACKGROUND_FROM_ELEMENTS {
            // Large maps are copied on a worker that shares the dataset; edits wait for it.
            let path = self.data_path();
            // Nothing on screen waits for it: the next frame's tick takes the result.
            let task = Task::start("Writing the recovery copy", Arc::new(|| {}), move |_| {
                let result = json::save_file(&path, &data).map_err(|e| e.to_string());
                drop(data);
                result
            });
            self.writing = Some(task);
        } else {
            json::save_file(&self.data_path(), &data).map_err(|e| e.to_string())?;
        }
        let meta = Meta {
            path: doc.path.clone(),
            name: doc.display_name(),
            written: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        };
        let bytes = serde_json::to_vec_pretty(&meta).map_err(|e| e.to_string())?;
        atomic::write_atomically(&self.meta_path(), &bytes, WriteOptions::default())
            .map_err(|e| e.to_string())
    }

    /// Takes the lock that tells other apps this copy is not orphaned, before anything of the
    /// copy is written.
    fn take_lock(&mut self) -> Result<(), String> {
        if self.lock.is_some() {
            return Ok(());
        }
        let path = self.lock_path();
        let file = File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        file.try_lock()
            .map_err(|e| format!("{}: cannot lock: {e}", path.display()))?;
        self.lock = Some(file);
        Ok(())
    }

    /// The result of the copy being written in the background, once it is done.
    fn poll_writing(&mut self) -> Option<Result<(), String>> {
        let result = match self.writing.as_ref()?.poll() {
            Outcome::Finished(result) => result,
            Outcome::Running => return None,
            Outcome::Failed(message) => Err(message),
        };
        self.writing = None;
        if std::mem::take(&mut self.clear_when_written) {
            let _ = std::fs::remove_file(self.data_path());
        }
        Some(result)
    }

    /// Removes this app's copy (after a save, or when the changes were undone or discarded).
    pub fn clear(&mut self) {
        if self.writing.is_some() {
            self.clear_when_written = true;
        }
        if self.lock.is_some() || self.last_written.take().is_some() {
            remove_copy(&self.data_path(), &self.meta_path());
        }
        // Released only once the files are gone, so no other app takes them for an orphan.
        self.lock = None;
    }

    /// Copies left by apps that are no longer running, newest first. Unreadable ones are skipped;
    /// what a copy killed before its first write was complete left behind is removed, and so are
    /// the temporary files of dead writers.
    pub fn orphans(&self) -> Vec<Orphan> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut stems: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter_map(|name| {
                let stem = name
                    .strip_suffix(META_SUFFIX)
                    .or_else(|| name.strip_suffix(LOCK_SUFFIX))?;
                (!stem.starts_with('.') && stem != self.stem).then(|| stem.to_owned())
            })
            .collect();
        stems.sort();
        stems.dedup();
        let mut found: Vec<Orphan> = stems
            .iter()
            .filter_map(|stem| self.read_orphan(stem))
            .collect();
        found.sort_by_key(|o| std::cmp::Reverse(o.meta.written));
        found
    }

    fn read_orphan(&self, stem: &str) -> Option<Orphan> {
        let meta_path = self.dir.join(format!("{stem}{META_SUFFIX}"));
        let data_path = self.dir.join(format!("{stem}.{}", json::EXTENSION));
        let lock_path = self.dir.join(format!("{stem}{LOCK_SUFFIX}"));
        // A running app holds the lock; only free copies are orphans. Copies written before lock
        // files existed hold the lock on their meta file.
        let lock = match File::open(&lock_path) {
            Ok(file) => file,
            Err(_) => File::open(&meta_path).ok()?,
        };
        lock.try_lock().ok()?;
        for path in [&data_path, &meta_path] {
            if let Some(name) = path.file_name() {
                atomic::remove_stale_temps(&self.dir, name);
            }
        }
        if !data_path.exists() {
            // Killed before its first copy was complete: nothing to restore.
            remove_copy(&data_path, &meta_path);
            return None;
        }
        let data = json::load_file(&data_path).ok()?;
        let meta = read_meta(&meta_path).unwrap_or_else(|| Meta {
            path: None,
            name: "Unsaved map".into(),
            written: std::fs::metadata(&data_path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs()),
        });
        Some(Orphan {
            meta,
            data,
            meta_path,
            data_path,
        })
    }
}

fn read_meta(meta_path: &Path) -> Option<Meta> {
    serde_json::from_slice(&crate::io::read_limited(meta_path).ok()?).ok()
}
