//! The one place where state changes: every action of a frame is applied here, in order.

use super::action::{Action, Guarded, Selection};
use super::document::Document;
use super::files::{self, SaveOutcome};
use super::replace::replace_document;
use super::state::{AppState, OverwriteReason, PathPurpose, ReaderState};
use crate::model::Dataset;

pub fn dispatch(state: &mut AppState, action: Action, ctx: &egui::Context) {
    // Any edit after adding an actor (naming it included) makes it no longer fresh.
    let edits = action.edits_document() && !matches!(action, Action::AddActor { .. });
    dispatch_one(state, action, ctx);
    let selected = |id: &String| state.selection == Selection::Actor(id.clone());
    if edits || !state.fresh_actor.as_ref().is_some_and(selected) {
        state.fresh_actor = None;
    }
}

fn dispatch_one(state: &mut AppState, action: Action, ctx: &egui::Context) {
    match action {
        Action::Request(op) => {
            if state.doc.is_modified() && !matches!(op, Guarded::Quit if state.quit_confirmed) {
                state.unsaved_prompt = Some(op);
            } else {
                run_guarded(state, op, ctx);
            }
        }
        Action::DiscardAndContinue => {
            if let Some(op) = state.unsaved_prompt.take() {
                run_guarded(state, op, ctx);
            }
        }
        Action::SaveAndContinue => {
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
        Action::CancelPrompt => {
            state.unsaved_prompt = None;
            state.overwrite_prompt = None;
            state.path_field = None;
            state.after_save = None;
        }
        Action::Save => match state.doc.path.clone() {
            Some(path) => {
                files::save_to(state, &path, ctx);
            }
            None => files::ask_for_path(state, PathPurpose::SaveAs, ctx),
        },
        Action::SaveAsDialog => files::ask_for_path(state, PathPurpose::SaveAs, ctx),
        Action::SaveTo(path) => {
            if files::save_to(state, &path, ctx) == SaveOutcome::Saved {
                continue_after_save(state, ctx);
            }
        }
        Action::PathFieldSubmit(text) => {
            if let Some(field) = state.path_field.take() {
                let path = std::path::PathBuf::from(text.trim());
                if path.as_os_str().is_empty() {
                    state.path_field = Some(field);
                    return;
                }
                let chosen = Action::PathChosen {
                    purpose: field.purpose,
                    path,
                    asked_at: field.asked_at,
                };
                dispatch(state, chosen, ctx);
            }
        }
        Action::PathChosen {
            purpose,
            path,
            asked_at,
        } => match purpose {
            // Changes made while the dialog was open were not part of what the user agreed
            // to drop: ask about those.
            PathPurpose::Open if state.doc.is_modified() && state.doc.generation() != asked_at => {
                state.unsaved_prompt = Some(Guarded::OpenPath(path));
            }
            PathPurpose::Open => {
                files::open_path(state, &path, ctx);
            }
            PathPurpose::SaveAs => dispatch(state, Action::SaveTo(path), ctx),
        },
        Action::Select(selection) => {
            state.selection = selection;
            state.forget_dangling_selection();
            follow_selection_in_reader(state);
        }
        Action::ReadInArticle { tie, excerpt } => {
            let source = state
                .doc
                .data
                .tie(&tie)
                .and_then(|t| t.excerpts.get(excerpt))
                .map(|x| x.source.clone());
            if let Some(source) = source {
                state.selection = Selection::Tie(tie.clone());
                state.reader = Some(ReaderState {
                    source,
                    highlight: Some((tie, excerpt)),
                });
            }
        }
        Action::CloseReader => state.reader = None,
        Action::Apply(edit) => {
            super::dispatch_edit::apply(state, edit);
        }
        Action::Undo => {
            if let Err(e) = state.doc.undo() {
                state.error("Could not undo", vec![e.to_string()]);
            }
            state.forget_dangling_selection();
        }
        Action::Redo => {
            if let Err(e) = state.doc.redo() {
                state.error("Could not redo", vec![e.to_string()]);
            }
            state.forget_dangling_selection();
        }
        Action::FitView => state.view.request_fit(),
        Action::ZoomBy(factor) => state.view.request_zoom(factor),
        Action::DismissNotice(index) => {
            if index < state.notices.len() {
                state.notices.remove(index);
            }
        }
        Action::ClearRecent => state.recent.clear(),
        Action::OpenPalette => state.palette_open = true,
        Action::SetTheme(theme) => {
            state.theme = theme;
            super::appearance::apply_theme(ctx, theme);
        }
        Action::ClosePalette => state.palette_open = false,
        Action::CancelLoading => {
            if let Some(job) = state.loading.take() {
                job.task.cancel();
            }
        }
        Action::CancelMerge => {
            if let Some(job) = state.merging.take() {
                job.task.cancel();
            }
        }
        Action::CancelQuickLayout => {
            if let Some(task) = state.quick_layout.take() {
                task.cancel();
            }
        }
        Action::RestoreRecovery => {
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
        Action::DiscardRecovery => {
            if let Some(orphan) = state.recovery_offer.take() {
                orphan.discard();
            }
        }
        Action::ConfirmOverwrite => {
            if let Some(prompt) = state.overwrite_prompt.take() {
                // Agreeing to replace a read-only file comes after the check for changes on disk.
                let confirmed = files::Confirmed {
                    changed_on_disk: true,
                    read_only: prompt.reason == OverwriteReason::ReadOnly,
                };
                if files::save_confirmed(state, &prompt.path, confirmed, ctx) == SaveOutcome::Saved
                {
                    continue_after_save(state, ctx);
                }
            }
        }
        other => super::dispatch_edit::dispatch_edit(state, other, ctx),
    }
}

/// When a tie is selected while the reader is open, highlight that tie's first excerpt from the
/// same source, if it has one.
fn follow_selection_in_reader(state: &mut AppState) {
    let (Some(reader), Selection::Tie(id)) = (&mut state.reader, &state.selection) else {
        return;
    };
    reader.highlight = state.doc.data.tie(id).and_then(|t| {
        t.excerpts
            .iter()
            .position(|x| x.source == reader.source)
            .map(|i| (id.clone(), i))
    });
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
        Guarded::Quit => {
            state.quit_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
