//! Saving large maps in the background: the worker shares the document's dataset (no copy),
//! checks it, serialises, writes and syncs it, so the window never waits for the disk; edits
//! wait until it is done. Small maps save at once.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::tasks::{Outcome, Task, Waker};
use crate::io::atomic::WriteOptions;
use crate::io::{formats, SaveError};
use crate::model::Dataset;

/// Maps with at least this many actors and ties together save in the background.
pub const BACKGROUND_FROM_ELEMENTS: usize = 20_000;

/// Refuses to save a dataset with problems (edits keep datasets valid; this is a last check).
fn check(path: &Path, data: &Dataset) -> Result<(), SaveError> {
    let problems = crate::model::validate(data);
    match problems.first() {
        None => Ok(()),
        Some(first) => Err(SaveError::Encode {
            path: path.to_owned(),
            message: format!(
                "the map has {} problems, the first: {first}",
                problems.len()
            ),
        }),
    }
}

/// A save running as a task.
pub struct SaveJob {
    pub path: PathBuf,
    /// The document being saved ([`super::Document::id`]); another may be open by the end.
    pub doc: u64,
    /// The document's revision when it was copied: the saved state.
    pub revision: u64,
    pub task: Task<Result<(), SaveError>>,
}

impl SaveJob {
    pub fn start(
        data: Arc<Dataset>,
        path: &Path,
        options: WriteOptions,
        doc: u64,
        revision: u64,
        wake: Waker,
    ) -> Self {
        let target = path.to_owned();
        let name = format!(
            "Saving {}",
            path.file_name()
                .unwrap_or(path.as_os_str())
                .to_string_lossy()
        );
        let task = Task::start(name, wake, move |_| {
            let result =
                check(&target, &data).and_then(|()| formats::save(&target, &data, options));
            // The dataset is released before the window hears that the save is done.
            drop(data);
            result
        });
        Self {
            path: path.to_owned(),
            doc,
            revision,
            task,
        }
    }

    /// The result once the task is done; never blocks. A task that failed is a write error.
    pub fn poll(&self) -> Option<Result<(), SaveError>> {
        match self.task.poll() {
            Outcome::Running => None,
            Outcome::Finished(result) => Some(result),
            Outcome::Failed(message) => Some(Err(SaveError::Write {
                path: self.path.clone(),
                source: std::io::Error::other(message),
            })),
        }
    }
}
