//! Undo and redo stacks, and the revision number that says whether a document is modified.

use super::{Change, Edit, EditError};
use crate::model::Dataset;

struct Entry {
    label: String,
    /// The edit that takes the document back across this entry (undo, or redo once undone).
    reverse: Edit,
    before: u64,
    after: u64,
}

/// The undo and redo stacks of one document.
#[derive(Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    revision: u64,
    next_revision: u64,
    /// What the edits applied, undone and redone since the last [`History::take_changes`]
    /// changed, in order.
    changes: Vec<Change>,
}

impl History {
    /// Identifies the current state: equal revisions mean equal documents along this history.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies `edit` and records it; the redo stack is cleared.
    pub fn apply(&mut self, data: &mut Dataset, edit: Edit) -> Result<(), EditError> {
        let label = edit.describe_before(data);
        let reverse = edit.apply_logged(data, &mut self.changes)?;
        let label = label.unwrap_or_else(|| reverse.describe(data));
        self.next_revision += 1;
        let entry = Entry {
            label,
            reverse,
            before: self.revision,
            after: self.next_revision,
        };
        self.revision = entry.after;
        self.undo.push(entry);
        self.redo.clear();
        Ok(())
    }

    /// What changed since the last call, in order.
    pub fn take_changes(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.changes)
    }

    /// Whether the edit that the next undo would revert only moves or pins actors.
    pub fn undo_only_moves(&self) -> bool {
        self.undo.last().is_some_and(|e| e.reverse.only_moves())
    }

    /// Whether the edit that the next redo would apply only moves or pins actors.
    pub fn redo_only_moves(&self) -> bool {
        self.redo.last().is_some_and(|e| e.reverse.only_moves())
    }

    /// "move 'Kim Jong-un'", for "Undo move 'Kim Jong-un'".
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// The edit that the next redo would apply.
    #[cfg(test)]
    pub(crate) fn redo_edit(&self) -> Option<&Edit> {
        self.redo.last().map(|e| &e.reverse)
    }

    /// Undoes the last edit; returns false when there is nothing to undo.
    pub fn undo(&mut self, data: &mut Dataset) -> Result<bool, EditError> {
        let Some(mut entry) = self.undo.pop() else {
            return Ok(false);
        };
        let reverse = std::mem::replace(&mut entry.reverse, placeholder());
        match reverse.reapply(data, &mut self.changes) {
            Ok(forward) => {
                entry.reverse = forward;
                self.revision = entry.before;
                self.redo.push(entry);
                Ok(true)
            }
            Err(refused) => {
                let (e, reverse) = *refused;
                entry.reverse = reverse;
                self.undo.push(entry);
                Err(e)
            }
        }
    }

    /// Redoes the last undone edit; returns false when there is nothing to redo.
    pub fn redo(&mut self, data: &mut Dataset) -> Result<bool, EditError> {
        let Some(mut entry) = self.redo.pop() else {
            return Ok(false);
        };
        let reverse = std::mem::replace(&mut entry.reverse, placeholder());
        match reverse.reapply(data, &mut self.changes) {
            Ok(backward) => {
                entry.reverse = backward;
                self.revision = entry.after;
                self.undo.push(entry);
                Ok(true)
            }
            Err(refused) => {
                let (e, reverse) = *refused;
                entry.reverse = reverse;
                self.redo.push(entry);
                Err(e)
            }
        }
    }
}

/// Stands in for an entry's edit while it is being applied; allocates nothing.
fn placeholder() -> Edit {
    Edit::Batch {
        label: String::new(),
        edits: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Point};

    #[test]
    fn undo_back_to_a_revision_restores_it_and_redo_returns() {
        let mut data = Dataset {
            actors: vec![Actor {
                id: "a".into(),
                name: "A".into(),
                kind: ActorKind::State,
                aliases: vec![],
                description: String::new(),
                position: None,
                pinned: false,
                ..Actor::default()
            }],
            ..Dataset::default()
        };
        let original = data.clone();
        let mut history = History::default();
        let saved = history.revision();
        let edit = Edit::MoveActors {
            moves: vec![("a".into(), Some(Point::new(1.0, 2.0)))],
        };
        history.apply(&mut data, edit).unwrap();
        assert_ne!(history.revision(), saved);
        assert_eq!(history.undo_label(), Some("move 'A'"));
        let moved = data.clone();
        assert!(history.undo(&mut data).unwrap());
        assert_eq!(data, original);
        assert_eq!(history.revision(), saved);
        assert!(history.redo(&mut data).unwrap());
        assert_eq!(data, moved);
        assert!(!history.redo(&mut data).unwrap());
    }
}
