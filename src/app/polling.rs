//! The one place the frame loop takes what background work has come back with: a force or quick layout's
//! result becomes one edit (held back like any edit while a writer reads the document), and a
//! failed one an error naming it; a file opened in the background replaces the document; a
//! background save is recorded.

use super::{dispatch_edit, duplicates, files, layout_session, merging, tasks, Action, RelmapApp};
use crate::app::{EditAction, FileAction};

impl RelmapApp {
    /// Takes what every running task (`AppState::tasks`) has come back with. Called once a
    /// frame, before drawing.
    pub(super) fn poll_tasks(&mut self, ctx: &egui::Context) {
        if let Some(chosen) = files::poll_dialog(&mut self.state) {
            self.actions.push(chosen);
        }
        self.poll_layout();
        self.poll_loading();
        self.poll_saving();
        self.poll_quick_layout();
        merging::finish(&mut self.state);
        super::ingesting::finish(&mut self.state);
        duplicates::keep_up(&mut self.state, ctx);
        super::measures::poll(&mut self.state, ctx);
        super::importing::poll(&mut self.state);
        super::importing::finish_merge(&mut self.state);
        super::exporting::poll(&mut self.state);
    }

    /// Takes the background layout's progress; when it ends, its result becomes one edit.
    fn poll_layout(&mut self) {
        let Some(session) = self.state.tasks.layout_mut() else {
            return;
        };
        match session.poll() {
            None | Some(layout_session::LayoutEvent::Moved) => {}
            Some(layout_session::LayoutEvent::Ended(edit)) => {
                self.state.tasks.take_layout();
                if let Some(edit) = edit {
                    self.apply_layout_result(edit);
                }
            }
            Some(layout_session::LayoutEvent::Failed(message)) => {
                self.state.tasks.take_layout();
                self.state.error("Could not lay out the map", vec![message]);
            }
        }
    }

    /// Takes the result of a file opened in the background.
    fn poll_loading(&mut self) {
        let Some(result) = self.state.tasks.loading().and_then(|job| job.poll()) else {
            return;
        };
        if let Some(job) = self.state.tasks.take_loading() {
            if files::finish_open(&mut self.state, &job.path, result) {
                self.report_loaded = Some(job.path);
            }
        }
    }

    /// Applies a quick layout computed in the background, as one edit.
    fn poll_quick_layout(&mut self) {
        let outcome = match self.state.tasks.quick_layout() {
            Some(task) => task.poll(),
            None => return,
        };
        match outcome {
            tasks::Outcome::Running => {}
            tasks::Outcome::Finished(edit) => {
                self.state.tasks.take_quick_layout();
                self.apply_layout_result(edit);
            }
            tasks::Outcome::Failed(message) => {
                self.state.tasks.take_quick_layout();
                self.state.error("Could not lay out the map", vec![message]);
            }
        }
    }

    /// Applies a finished layout as one edit and fits the view to it; held back like any edit
    /// while a background writer reads the document.
    fn apply_layout_result(&mut self, edit: crate::edit::Edit) {
        let edit = keep_existing_actors(&self.state.doc.data, edit);
        if self.state.doc.is_being_written() || self.state.tasks.merging().is_some() {
            self.held
                .push((self.state.doc.id(), Action::Edit(EditAction::Apply(edit))));
        } else if dispatch_edit::apply(&mut self.state, edit) {
            self.state.view.request_fit();
        }
    }

    /// Finishes a save that ran in the background, then runs what waited for it.
    fn poll_saving(&mut self) {
        let Some(result) = self.state.tasks.saving().and_then(|job| job.poll()) else {
            return;
        };
        if let Some(job) = self.state.tasks.take_saving() {
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
