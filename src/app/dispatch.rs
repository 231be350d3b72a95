//! The one place where state changes: every action of a frame is applied here, in order.

use super::action::{Action, Guarded, Selection};
use super::document::Document;
use super::files::{self, SaveOutcome};
use super::replace::replace_document;
use super::state::{AppState, OverwriteReason, PathPurpose};
use crate::app::{EditAction, FileAction};
use crate::model::Dataset;

pub fn dispatch(state: &mut AppState, action: Action, ctx: &egui::Context) {
    // Any edit after adding an actor (naming it included) makes it no longer fresh.
    let edits =
        action.edits_document() && !matches!(action, Action::Edit(EditAction::AddActor { .. }));
    let tie_ends = ends_of_new_tie(&action);
    dispatch_one(state, action, ctx);
    for id in tie_ends {
        remember_actor(state, id);
    }
    if let Selection::Actor(id) = &state.selection {
        remember_actor(state, id.clone());
    }
    let selected = |id: &String| state.selection == Selection::Actor(id.clone());
    if edits || !state.fresh_actor.as_ref().is_some_and(selected) {
        state.fresh_actor = None;
    }
}

/// The ends of the tie an action makes, the target first, so that the source is the more
/// recent; none for any other action.
fn ends_of_new_tie(action: &Action) -> Vec<String> {
    if let Action::Edit(EditAction::NewTieFromText { from, to, .. }) = action {
        return vec![to.as_str().to_owned(), from.as_str().to_owned()];
    }
    if let Action::Edit(EditAction::CreateTie { from, to }) = action {
        return vec![to.clone(), from.clone()];
    }
    Vec::new()
}

/// How many recently used actors are remembered.
const RECENT_ACTORS: usize = 30;

fn remember_actor(state: &mut AppState, id: String) {
    if state.recent_actors.first() != Some(&id) {
        state.recent_actors.retain(|r| *r != id);
        state.recent_actors.insert(0, id);
        state.recent_actors.truncate(RECENT_ACTORS);
    }
}

fn dispatch_one(state: &mut AppState, action: Action, ctx: &egui::Context) {
    match action {
        Action::File(action) => file_action(state, action, ctx),
        Action::Selection(action) => super::dispatch_view::selection_action(state, action),
        Action::Edit(action) => super::dispatch_edit::dispatch_edit(state, action, ctx),
        Action::View(action) => super::dispatch_view::view_action(state, action, ctx),
        Action::Layout(action) => super::dispatch_view::layout_action(state, action, ctx),
        Action::Task(action) => super::dispatch_view::task_action(state, action),
        Action::Explore(action) => super::explore::explore_action(state, action, ctx),
    }
}

/// Opening, saving and the questions around them.
fn file_action(state: &mut AppState, action: FileAction, ctx: &egui::Context) {
    match action {
        FileAction::Request(op) => {
            if state.doc.is_modified() && !matches!(op, Guarded::Quit if state.quit_confirmed) {
                state.unsaved_prompt = Some(op);
            } else {
                run_guarded(state, op, ctx);
            }
        }
        FileAction::DiscardAndContinue => {
            if let Some(op) = state.unsaved_prompt.take() {
                run_guarded(state, op, ctx);
            }
        }
        FileAction::SaveAndContinue => save_and_continue(state, ctx),
        FileAction::CancelPrompt => {
            state.unsaved_prompt = None;
            state.overwrite_prompt = None;
            state.path_field = None;
            state.after_save = None;
        }
        FileAction::Save => match state.doc.path.clone() {
            Some(path) => {
                files::save_to(state, &path, ctx);
            }
            None => files::ask_for_path(state, PathPurpose::SaveAs, ctx),
        },
        FileAction::SaveAsDialog => files::ask_for_path(state, PathPurpose::SaveAs, ctx),
        FileAction::SaveTo(path) => {
            if files::save_to(state, &path, ctx) == SaveOutcome::Saved {
                continue_after_save(state, ctx);
            }
        }
        FileAction::PathFieldSubmit(text) => path_field_submit(state, &text, ctx),
        FileAction::PathChosen {
            purpose,
            path,
            asked_at,
        } => path_chosen(state, purpose, path, asked_at, ctx),
        FileAction::ImportDialog => files::ask_for_path(state, PathPurpose::Import, ctx),
        FileAction::Import(path) => super::importing::start(state, path, ctx),
        FileAction::CancelImport => state.pending_import = None,
        FileAction::CloseImportSummary => state.import_summary = None,
        FileAction::SetCsvMapping(mapping) => super::csv_mapping::set(state, mapping),
        FileAction::ApplyCsvMapping => super::csv_mapping::apply(state),
        FileAction::CancelCsvMapping => state.csv_mapping = None,
        FileAction::ExportDialog => files::ask_for_path(state, PathPurpose::Export, ctx),
        FileAction::ExportPictureDialog => {
            files::ask_for_path(state, PathPurpose::ExportPicture, ctx)
        }
        FileAction::IngestDialog => files::ask_for_path(state, PathPurpose::Ingest, ctx),
        FileAction::ClearRecent => state.recent.clear(),
        FileAction::RestoreRecovery => restore_recovery(state),
        FileAction::DiscardRecovery => {
            if let Some(orphan) = state.recovery_offer.take() {
                orphan.discard();
            }
        }
        FileAction::ConfirmOverwrite => confirm_overwrite(state, ctx),
    }
}

/// "Save" in the unsaved-changes prompt: saves, then runs what was waiting.
fn save_and_continue(state: &mut AppState, ctx: &egui::Context) {
    if let Some(op) = state.unsaved_prompt.take() {
        state.after_save = Some(op);
        match state.doc.path.clone() {
            Some(path) => {
                if files::save_to(state, &path, ctx) == SaveOutcome::Saved {
                    continue_after_save(state, ctx);
                }
            }
            None => files::ask_for_path(state, PathPurpose::SaveAs, ctx),
        }
    }
}

/// A path typed in the path field (Enter or its button): goes where a dialog's answer goes.
fn path_field_submit(state: &mut AppState, text: &str, ctx: &egui::Context) {
    if let Some(field) = state.path_field.take() {
        let path = std::path::PathBuf::from(text.trim());
        if path.as_os_str().is_empty() {
            state.path_field = Some(field);
            return;
        }
        let chosen = Action::File(FileAction::PathChosen {
            purpose: field.purpose,
            path,
            asked_at: field.asked_at,
        });
        dispatch(state, chosen, ctx);
    }
}

/// A path chosen in a dialog or the path field, for what it was asked for.
fn path_chosen(
    state: &mut AppState,
    purpose: PathPurpose,
    path: std::path::PathBuf,
    asked_at: u64,
    ctx: &egui::Context,
) {
    match purpose {
        // Changes made while the dialog was open were not part of what the user agreed to
        // drop: ask about those.
        PathPurpose::Open if state.doc.is_modified() && state.doc.generation() != asked_at => {
            state.unsaved_prompt = Some(Guarded::OpenPath(path));
        }
        PathPurpose::Open => {
            files::open_path(state, &path, ctx);
        }
        PathPurpose::SaveAs => dispatch(state, Action::File(FileAction::SaveTo(path)), ctx),
        PathPurpose::Ingest => {
            let input = super::ingesting::IngestInput::Path(path);
            dispatch(state, Action::Edit(EditAction::Ingest(input)), ctx);
        }
        PathPurpose::Import => super::importing::start(state, path, ctx),
        PathPurpose::Export => super::exporting::export_map(state, path, ctx),
        PathPurpose::ExportPicture => super::exporting::export_picture(state, path, ctx),
    }
}

/// Opens the recovery copy offered at start, in place of the open map.
fn restore_recovery(state: &mut AppState) {
    if let Some(orphan) = state.recovery_offer.take() {
        let doc = Document::restored(
            orphan.data.clone(),
            orphan.meta.path.clone(),
            &orphan.meta.name,
        );
        replace_document(state, doc);
        orphan.discard();
    }
}

/// "Overwrite" in the prompt about a file changed on disk or read-only.
fn confirm_overwrite(state: &mut AppState, ctx: &egui::Context) {
    if let Some(prompt) = state.overwrite_prompt.take() {
        // Agreeing to replace a read-only file comes after the check for changes on disk.
        let confirmed = files::Confirmed {
            changed_on_disk: true,
            read_only: prompt.reason == OverwriteReason::ReadOnly,
        };
        if files::save_confirmed(state, &prompt.path, confirmed, ctx) == SaveOutcome::Saved {
            continue_after_save(state, ctx);
        }
    }
}

/// Runs what was waiting for a save ("Save" in the unsaved-changes prompt).
fn continue_after_save(state: &mut AppState, ctx: &egui::Context) {
    if let Some(op) = state.after_save.take() {
        run_guarded(state, op, ctx);
    }
}

/// Runs a file operation once unsaved changes have been dealt with.
fn run_guarded(state: &mut AppState, op: Guarded, ctx: &egui::Context) {
    match op {
        Guarded::New => {
            replace_document(state, Document::new(Dataset::default(), None, "Untitled"))
        }
        Guarded::OpenDialog => files::ask_for_path(state, PathPurpose::Open, ctx),
        Guarded::OpenPath(path) => {
            files::open_path(state, &path, ctx);
        }
        Guarded::OpenSample => replace_document(
            state,
            Document::new(
                crate::sample::sample_dataset(),
                None,
                crate::sample::SAMPLE_NAME,
            ),
        ),
        Guarded::ImportReplace => super::importing::replace(state),
        Guarded::Quit => {
            state.quit_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
