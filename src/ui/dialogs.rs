//! Modal questions and notices: unsaved changes, the path field, and error messages.

use crate::app::{FileAction, ViewAction};
use egui::{Id, RichText, Ui};

use crate::app::state::{NoticeKind, OverwriteReason, PathPurpose};
use crate::app::{Action, AppState, Guarded};

/// A dialog's default button: what Enter presses, drawn so that it shows.
fn default_button(ui: &mut Ui, text: &str, enter: bool) -> bool {
    let stroke = egui::Stroke::new(1.5, ui.visuals().selection.stroke.color);
    let button = egui::Button::new(RichText::new(text).strong()).stroke(stroke);
    ui.add(button).on_hover_text("Enter").clicked() || enter
}

/// Enter pressed this frame, outside any text field (a field's Enter is its own).
fn enter_pressed(ui: &Ui) -> bool {
    !ui.ctx().text_edit_focused()
        && ui.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.is_none())
}

pub fn dialogs_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let ctx = ui.ctx().clone();
    let enter = enter_pressed(ui);
    if let Some(op) = &state.unsaved_prompt {
        let doing = match op {
            Guarded::New => "starting a new map",
            Guarded::OpenDialog | Guarded::OpenPath(_) | Guarded::OpenSample => {
                "opening another map"
            }
            Guarded::ImportReplace => "replacing it with the imported map",
            Guarded::Quit => "quitting",
        };
        egui::Modal::new(Id::new("unsaved-changes")).show(&ctx, |ui| {
            ui.set_width(380.0);
            ui.heading("Unsaved changes");
            ui.label(format!(
                "“{}” has changes that are not saved. Save them before {doing}?",
                state.doc.display_name()
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if default_button(ui, "Save", enter) {
                    actions.push(Action::File(FileAction::SaveAndContinue));
                }
                if ui.button("Don't save").clicked() {
                    actions.push(Action::File(FileAction::DiscardAndContinue));
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::File(FileAction::CancelPrompt));
                }
            });
        });
    }

    if let Some(orphan) = &state.recovery_offer {
        egui::Modal::new(Id::new("recovery-offer")).show(&ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Restore unsaved changes?");
            ui.label(format!(
                "relmap did not close properly last time. A copy of “{}” with changes that were \
                 not saved was kept ({}).",
                orphan.meta.name,
                orphan.data.summary()
            ));
            if let Some(path) = &orphan.meta.path {
                ui.label(RichText::new(format!("Its file: {}", path.display())).weak());
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if default_button(ui, "Restore", enter) {
                    actions.push(Action::File(FileAction::RestoreRecovery));
                }
                if ui.button("Discard").clicked() {
                    actions.push(Action::File(FileAction::DiscardRecovery));
                }
            });
        });
    }

    if let Some(prompt) = &state.overwrite_prompt {
        egui::Modal::new(Id::new("overwrite-prompt")).show(&ctx, |ui| {
            ui.set_width(420.0);
            let path = prompt.path.display();
            match prompt.reason {
                OverwriteReason::ChangedOnDisk => {
                    ui.heading("The file changed on disk");
                    ui.label(format!(
                        "{path} was changed by something else since you opened or saved it. \
                         Saving will replace those changes with yours."
                    ));
                }
                OverwriteReason::ReadOnly => {
                    ui.heading("The file is read-only");
                    ui.label(format!(
                        "{path} is read-only. Saving will replace it with your map; the new file \
                         stays read-only. To keep it, cancel and save under another name."
                    ));
                }
            }
            // Keeping the file is what Enter does; replacing it takes a click.
            ui.horizontal(|ui| {
                if ui.button("Overwrite").clicked() {
                    actions.push(Action::File(FileAction::ConfirmOverwrite));
                }
                if default_button(ui, "Cancel", enter) {
                    actions.push(Action::File(FileAction::CancelPrompt));
                }
            });
        });
    }

    if let Some(field) = &state.path_field {
        let title = match field.purpose {
            PathPurpose::Open => "Open a dataset",
            PathPurpose::SaveAs => "Save the dataset as",
            PathPurpose::Ingest => "Ingest an article",
            PathPurpose::Import => "Import a map",
            PathPurpose::Export => "Export the map",
            PathPurpose::ExportPicture => "Export a picture of the map",
        };
        let key = Id::new("path-field-text");
        let mut text = ctx
            .data(|d| d.get_temp::<String>(key))
            .unwrap_or_else(|| field.text.clone());
        egui::Modal::new(Id::new("path-field")).show(&ctx, |ui| {
            ui.set_width(460.0);
            ui.heading(title);
            if let Some(reason) = &field.reason {
                ui.label(reason);
            }
            ui.label("Path of the file:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("/path/to/map.relmap.json")
                    .desired_width(f32::INFINITY),
            );
            // Enter makes a single-line field give up the focus: read that before keeping the
            // focus in the field, or it is never seen.
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if !enter {
                edit.request_focus();
            }
            ui.horizontal(|ui| {
                let verb = match field.purpose {
                    PathPurpose::Open => "Open",
                    PathPurpose::SaveAs => "Save",
                    PathPurpose::Ingest => "Ingest",
                    PathPurpose::Import => "Import",
                    PathPurpose::Export | PathPurpose::ExportPicture => "Export",
                };
                if default_button(ui, verb, enter) {
                    actions.push(Action::File(FileAction::PathFieldSubmit(text.clone())));
                    text.clear();
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::File(FileAction::CancelPrompt));
                    text.clear();
                }
            });
        });
        ctx.data_mut(|d| d.insert_temp(key, text));
    }

    // Errors and warnings wait in a window until dismissed; a plain piece of news goes to the
    // status bar (`status_bar.rs`), where it covers nothing.
    let windowed = |notice: &&crate::app::state::Notice| notice.kind != NoticeKind::Info;
    let newest = state.notices.iter().rposition(|n| windowed(&n));
    let enter_dismisses = enter && !state.asks_the_user();
    for (i, notice) in state
        .notices
        .iter()
        .enumerate()
        .filter(|(_, n)| windowed(n))
    {
        let (icon, color) = match notice.kind {
            NoticeKind::Error => ("⚠", ui.visuals().error_fg_color),
            NoticeKind::Warning | NoticeKind::Info => ("⚠", ui.visuals().warn_fg_color),
        };
        egui::Window::new(RichText::new(format!("{icon} {}", notice.title)).color(color))
            .id(Id::new(("notice", i, &notice.title)))
            .collapsible(false)
            .resizable(true)
            .default_width(520.0)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0 + 24.0 * i as f32])
            .show(&ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        for line in &notice.lines {
                            ui.label(RichText::new(line).monospace());
                        }
                    });
                if notice.kind == NoticeKind::Error {
                    ui.label(RichText::new("The map that was open is unchanged.").weak());
                }
                let dismiss = if Some(i) == newest {
                    default_button(ui, "Dismiss", enter_dismisses)
                } else {
                    ui.button("Dismiss").clicked()
                };
                if dismiss {
                    actions.push(Action::View(ViewAction::DismissNotice(i)));
                }
            });
    }
}
