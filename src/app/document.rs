//! One open document: the dataset, where it lives on disk, and its edit history.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::edit::{Change, Edit, EditError, History};
use crate::model::Dataset;

pub struct Document {
    /// Unique among the documents of this run: tells work started on one document from another.
    id: u64,
    /// Shared with a background save or recovery copy while one runs; edits then wait
    /// (see [`Document::is_being_written`]) instead of copying it.
    pub data: Arc<Dataset>,
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
    /// The structural changes since `journal_base`, each with the structure generation it
    /// produced: a view at an older generation updates itself from them instead of rebuilding.
    journal: Vec<(u64, Change)>,
    journal_base: u64,
}

/// The journal keeps at most this many changes (16 bytes each; a bulk edit logs one per
/// element); views further behind rebuild.
const JOURNAL_LIMIT: usize = 1 << 18;

impl Document {
    pub fn new(data: Dataset, path: Option<PathBuf>, untitled_name: &str) -> Self {
        let disk_modified = path.as_deref().and_then(modified_time);
        let structure_generation = next_generation();
        Self {
            id: next_generation(),
            data: Arc::new(data),
            path,
            untitled_name: untitled_name.to_owned(),
            history: History::default(),
            saved_revision: 0,
            generation: next_generation(),
            structure_generation,
            disk_modified,
            journal: Vec::new(),
            journal_base: structure_generation,
        }
    }

    /// A document restored from a recovery copy: it has changes that were never saved.
    pub fn restored(data: Dataset, path: Option<PathBuf>, name: &str) -> Self {
        let mut doc = Self::new(data, path, name);
        doc.saved_revision = u64::MAX;
        doc
    }

    /// Whether a background save or recovery copy is reading the dataset: an edit now would
    /// have to copy it first, so the app holds edits back until the writer is done.
    pub fn is_being_written(&self) -> bool {
        Arc::strong_count(&self.data) > 1
    }

    /// This document's identity, unique in the run (documents opened from the same file differ).
    pub fn id(&self) -> u64 {
        self.id
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

    /// The structural changes made since the structure generation `since`, in order; `None`
    /// when they are not all known (another document, or too far behind).
    pub fn changes_since(&self, since: u64) -> Option<Vec<Change>> {
        if since < self.journal_base || since > self.structure_generation {
            return None;
        }
        let first = self.journal.partition_point(|&(g, _)| g <= since);
        Some(self.journal[first..].iter().map(|&(_, c)| c).collect())
    }

    fn changed(&mut self, only_moves: bool) {
        self.generation = next_generation();
        let changes = self.history.take_changes();
        if !only_moves {
            let generation = next_generation();
            self.structure_generation = generation;
            let structural = changes.into_iter().filter(|c| *c != Change::ActorsMoved);
            self.journal.extend(structural.map(|c| (generation, c)));
            if self.journal.len() > JOURNAL_LIMIT {
                let dropped = self.journal.len() - JOURNAL_LIMIT / 2;
                self.journal_base = self.journal[dropped - 1].0;
                self.journal.drain(..dropped);
            }
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
        let result = self.history.apply(Arc::make_mut(&mut self.data), edit);
        if result.is_ok() {
            self.changed(only_moves);
        }
        result
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        let only_moves = self.history.undo_only_moves();
        let done = self.history.undo(Arc::make_mut(&mut self.data))?;
        if done {
            self.changed(only_moves);
        }
        Ok(done)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        let only_moves = self.history.redo_only_moves();
        let done = self.history.redo(Arc::make_mut(&mut self.data))?;
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
