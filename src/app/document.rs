//! One open document: the dataset, where it lives on disk, and its edit history.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::edit::{Edit, EditError, History};
use crate::model::Dataset;

pub struct Document {
    pub data: Dataset,
    /// The file this document was opened from or saved to; `None` for new or sample documents.
    pub path: Option<PathBuf>,
    /// Shown instead of a file name when there is no path.
    pub untitled_name: String,
    pub history: History,
    saved_revision: u64,
    /// Changes on every change to `data`, undo and redo included, so views know to refresh.
    generation: u64,
    /// Changes when anything but positions and pins changes: views rebuild only then.
    structure_generation: u64,
    /// Modification time of the file when it was last read or written.
    pub disk_modified: Option<SystemTime>,
}

impl Document {
    pub fn new(data: Dataset, path: Option<PathBuf>, untitled_name: &str) -> Self {
        let disk_modified = path.as_deref().and_then(modified_time);
        Self {
            data,
            path,
            untitled_name: untitled_name.to_owned(),
            history: History::default(),
            saved_revision: 0,
            generation: next_generation(),
            structure_generation: next_generation(),
            disk_modified,
        }
    }

    /// A document restored from a recovery copy: it has changes that were never saved.
    pub fn restored(data: Dataset, path: Option<PathBuf>, name: &str) -> Self {
        let mut doc = Self::new(data, path, name);
        doc.saved_revision = u64::MAX;
        doc
    }

    pub fn is_modified(&self) -> bool {
        self.history.revision() != self.saved_revision
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Like [`Self::generation`], but unchanged by edits that only move or pin actors.
    pub fn structure_generation(&self) -> u64 {
        self.structure_generation
    }

    fn changed(&mut self, only_moves: bool) {
        self.generation = next_generation();
        if !only_moves {
            self.structure_generation = next_generation();
        }
    }

    /// The name shown in the window title: the file name, or the untitled name.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => self.untitled_name.clone(),
        }
    }

    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let only_moves = edit.only_moves();
        self.history.apply(&mut self.data, edit)?;
        self.changed(only_moves);
        Ok(())
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        let only_moves = self.history.undo_only_moves();
        let done = self.history.undo(&mut self.data)?;
        if done {
            self.changed(only_moves);
        }
        Ok(done)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        let only_moves = self.history.redo_only_moves();
        let done = self.history.redo(&mut self.data)?;
        if done {
            self.changed(only_moves);
        }
        Ok(done)
    }

    /// Records a successful save to `path` of the document as it was at `revision`.
    pub fn mark_saved_at(&mut self, path: PathBuf, revision: u64) {
        self.disk_modified = modified_time(&path);
        self.path = Some(path);
        self.saved_revision = revision;
    }
}

fn modified_time(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Generations are unique across documents, so a new document never looks unchanged to a view.
fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
