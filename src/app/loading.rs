//! Opening large files in the background: reading, parsing and validating run as a task while
//! the window stays responsive, shows progress and can cancel. Small files open at once.

use std::path::{Path, PathBuf};

use super::tasks::{Outcome, Task, Waker};
use crate::io::formats;
use crate::io::json::Loaded;
use crate::io::LoadError;

/// Files up to this size open on the spot; larger ones in the background.
pub const BACKGROUND_FROM_BYTES: u64 = 1024 * 1024;

/// A file being opened as a task.
pub struct LoadJob {
    pub path: PathBuf,
    pub size: u64,
    pub task: Task<Result<Loaded, LoadError>>,
}

impl LoadJob {
    /// Starts opening `path`; `wake` is called when the result is ready.
    pub fn start(path: &Path, size: u64, wake: Waker) -> Self {
        let owned = path.to_owned();
        let name = format!(
            "Opening {}",
            path.file_name()
                .unwrap_or(path.as_os_str())
                .to_string_lossy()
        );
        Self {
            path: path.to_owned(),
            size,
            task: Task::start(name, wake, move |_| formats::open(&owned)),
        }
    }

    /// The result, once the task is done; never blocks. A task that failed is a read error.
    pub fn poll(&self) -> Option<Result<Loaded, LoadError>> {
        match self.task.poll() {
            Outcome::Running => None,
            Outcome::Finished(result) => Some(result),
            Outcome::Failed(message) => Some(Err(LoadError::Read {
                path: self.path.clone(),
                source: std::io::Error::other(message),
            })),
        }
    }
}
