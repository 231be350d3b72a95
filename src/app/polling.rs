//! What the frame loop does with background work that has come back: a force or quick layout's
//! result becomes one edit (held back like any edit while a writer reads the document), and a
//! failed one an error naming it; a file opened in the background replaces the document; a
//! background save is recorded.

use super::{dispatch_edit, files, layout_session, tasks, Action, RelmapApp};
use crate::app::{EditAction, FileAction};

impl RelmapApp {
    /// Takes the background layout's progress; when it ends, its result becomes one edit.
    pub(super) fn poll_layout(&mut self) {
        let Some(session) = &mut self.state.layout else {
            return;
        };
        match session.poll() {
            None | Some(layout_session::LayoutEvent::Moved) => {}
            Some(layout_session::LayoutEvent::Ended(edit)) => {
                self.state.layout = None;
                if let Some(edit) = edit {
                    self.apply_layout_result(edit);
                }
            }
            Some(layout_session::LayoutEvent::Failed(message)) => {
                self.state.layout = None;
                self.state.error("Could not lay out the map", vec![message]);
            }
        }
    }

    /// Takes the result of a file opened in the background.
    pub(super) fn poll_loading(&mut self) {
        let Some(result) = self.state.loading.as_ref().and_then(|job| job.poll()) else {
            return;
        };
        if let Some(job) = self.state.loading.take() {
            if files::finish_open(&mut self.state, &job.path, result) {
                self.report_loaded = Some(job.path);
            }
        }
    }

    /// Applies a quick layout computed in the background, as one edit.
    pub(super) fn poll_quick_layout(&mut self) {
        let outcome = match &self.state.quick_layout {
            Some(task) => task.poll(),
            None => return,
        };
        match outcome {
            tasks::Outcome::Running => {}
            tasks::Outcome::Finished(edit) => {
                self.state.quick_layout = None;
                self.apply_layout_result(edit);
            }
            tasks::Outcome::Failed(message) => {
                self.state.quick_layout = None;
                self.state.error("Could not lay out the map", vec![message]);
            }
        }
    }

    /// Applies a finished layout as one edit and fits the view to it; held back like any edit
    /// while a background writer reads the document.
    fn apply_layout_result(&mut self, edit: crate::edit::Edit) {
        let edit = keep_existing_actors(&self.state.doc.data, edit);
        if self.state.doc.is_being_written() || self.state.merging.is_some() {
            self.held
                .push((self.state.doc.id(), Action::Edit(EditAction::Apply(edit))));
        } else if dispatch_edit::apply(&mut self.state, edit) {
            self.state.view.request_fit();
        }
    }

    /// Finishes a save that ran in the background, then runs what waited for it.
    pub(super) fn poll_saving(&mut self) {
        let Some(result) = self.state.saving.as_ref().and_then(|job| job.poll()) else {
            return;
        };
        if let Some(job) = self.state.saving.take() {
            if files::finish_save(&mut self.state, &job.path, job.doc, job.revision, result) {
                if let Some(op) = self.state.after_save.take() {
                    // Asks again if the map changed while it was being saved.
                    self.actions.push(Action::File(FileAction::Request(op)));
                }
            }
        }
    }
}

/// Drops moves of actors deleted while a layout ran, so that its result still applies.
fn keep_existing_actors(
    data: &crate::model::Dataset,
    edit: crate::edit::Edit,
) -> crate::edit::Edit {
    use crate::edit::Edit;
    match edit {
        Edit::MoveActors { moves } => {
            let ids: foldhash::HashSet<&str> = data.actors.iter().map(|a| a.id.as_str()).collect();
            Edit::MoveActors {
                moves: moves
                    .into_iter()
                    .filter(|(id, _)| ids.contains(id.as_str()))
                    .collect(),
            }
        }
        Edit::Batch { label, edits } => Edit::Batch {
            label,
            edits: edits
                .into_iter()
                .map(|e| keep_existing_actors(data, e))
                .collect(),
        },
        other => other,
    }
}
