//! The questions and reports of File → Import…: Replace or Merge once a file is read, the
//! summary of what the import did, and the column mapping of a CSV file of no known layout
//! (with a preview of its first rows).

use egui::{Id, RichText, Ui};

use crate::app::csv_mapping::MappingState;
use crate::app::importing::PendingImport;
use crate::app::{Action, AppState, EditAction, FileAction, Guarded};
use crate::edit::ImportSummary;
use crate::io::csv::{ColumnMapping, TableKind};

/// Rows of a CSV file shown in the preview.
const PREVIEW_ROWS: usize = 5;

pub fn import_dialogs_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let ctx = ui.ctx().clone();
    if let Some(pending) = &state.pending_import {
        // The unsaved-changes question comes first, when Replace asked it.
        if state.unsaved_prompt.is_none() {
            egui::Modal::new(Id::new("import-choice"))
                .show(&ctx, |ui| choice_ui(ui, state, pending, actions));
        }
    }
    if let Some(summary) = &state.import_summary {
        egui::Modal::new(Id::new("import-summary"))
            .show(&ctx, |ui| summary_ui(ui, summary, actions));
    }
    if let Some(mapping) = &state.csv_mapping {
        // Its top stays put (the preview's height may change), so the fields do not move.
        egui::Window::new("Import a CSV file")
            .id(Id::new("csv-mapping"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 70.0])
            .show(&ctx, |ui| mapping_ui(ui, mapping, actions));
    }
}

fn choice_ui(ui: &mut Ui, state: &AppState, pending: &PendingImport, actions: &mut Vec<Action>) {
    ui.set_width(460.0);
    ui.heading(format!("Import “{}”", pending.file_name()));
    ui.label(format!("The file holds {}.", pending.loaded.data.summary()));
    let notes = pending.loaded.warnings.len();
    if notes > 0 {
        ui.label(
            RichText::new(format!(
                "Some of it could not be kept as it was ({notes} {}); the summary lists it.",
                if notes == 1 { "note" } else { "notes" }
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
    ui.add_space(6.0);
    ui.label(format!(
        "Merge adds it to “{}”: actors with the same name or alias are taken as the ones \
         already there, and one Undo takes the whole import back. Replace closes the open map \
         and opens the file in its place.",
        state.doc.display_name()
    ));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let merge = egui::Button::new(RichText::new("Merge into the open map").strong());
        if ui.add(merge).clicked() {
            actions.push(Action::Edit(EditAction::MergeImport));
        }
        if ui.button("Replace the open map").clicked() {
            actions.push(Action::File(FileAction::Request(Guarded::ImportReplace)));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::File(FileAction::CancelImport));
        }
    });
}

fn summary_ui(ui: &mut Ui, summary: &ImportSummary, actions: &mut Vec<Action>) {
    ui.set_width(480.0);
    ui.heading("Import summary");
    ui.label(if summary.replaced {
        format!(
            "Opened “{}” in place of the map that was open.",
            summary.file
        )
    } else {
        format!("Merged “{}” into the open map.", summary.file)
    });
    ui.add_space(6.0);
    for (what, n) in [
        ("Actors added", summary.actors_added),
        ("Ties added", summary.ties_added),
        ("Sources added", summary.sources_added),
        ("Excerpts added", summary.excerpts_added),
    ] {
        ui.label(format!("{what}: {n}"));
    }
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            if !summary.matched.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new("Matched to actors already on the map").strong());
                for (theirs, ours) in &summary.matched {
                    ui.label(format!("{theirs} → {ours}"));
                }
            }
            if summary.ties_already_there > 0 || summary.sources_already_there > 0 {
                ui.add_space(6.0);
                ui.label(format!(
                    "Already on the map, not added again: {} ties, {} sources",
                    summary.ties_already_there, summary.sources_already_there
                ));
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Dropped or changed, and why").strong());
            if summary.notes.is_empty() {
                ui.label("Nothing: everything in the file was kept.");
            }
            for note in &summary.notes {
                ui.label(RichText::new(note).color(ui.visuals().warn_fg_color));
            }
        });
    ui.add_space(8.0);
    if ui.button("Close").clicked() {
        actions.push(Action::File(FileAction::CloseImportSummary));
    }
}

fn mapping_ui(ui: &mut Ui, state: &MappingState, actions: &mut Vec<Action>) {
    ui.set_width(620.0);
    let table = state.current();
    let name = table
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ui.heading(format!("Map the columns of “{name}”"));
    ui.label(
        "Its columns are neither Kumu's (Label; From, To) nor Gephi's (Id, Label; Source, \
         Target). Choose which column holds each field; fields marked * are needed.",
    );
    ui.add_space(6.0);
    let mapping = &state.mapping;
    ui.horizontal(|ui| {
        ui.label("The file holds:");
        let kinds = [TableKind::Elements, TableKind::Connections];
        let id = Id::new("csv-mapping-kind");
        if let Some(kind) = super::fields::choice(ui, id, mapping.kind, &kinds, TableKind::label) {
            let changed = ColumnMapping::empty(kind);
            actions.push(Action::File(FileAction::SetCsvMapping(changed)));
        }
    });
    egui::Grid::new("csv-mapping-fields")
        .num_columns(2)
        .show(ui, |ui| {
            for (i, (field, required)) in mapping.kind.fields().iter().enumerate() {
                ui.label(if *required {
                    format!("{field} *")
                } else {
                    (*field).to_owned()
                });
                let current = mapping.columns.get(i).copied().flatten();
                let column_text = |c: Option<usize>| match c {
                    Some(c) => format!("{} (column {})", table.header[c], c + 1),
                    None if *required => "(choose a column)".to_owned(),
                    None => "(none)".to_owned(),
                };
                let mut chosen = current;
                egui::ComboBox::from_id_salt(("csv-mapping-field", i))
                    .selected_text(column_text(current))
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, "(none)");
                        for c in 0..table.header.len() {
                            ui.selectable_value(&mut chosen, Some(c), column_text(Some(c)));
                        }
                    });
                if chosen != current {
                    let mut changed = mapping.clone();
                    changed.columns[i] = chosen;
                    actions.push(Action::File(FileAction::SetCsvMapping(changed)));
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(RichText::new(format!("The first rows of {name}")).strong());
    egui::ScrollArea::both()
        .max_height(160.0)
        .show(ui, |ui| preview_ui(ui, table));
    if let Some(problem) = &state.problem {
        ui.label(
            RichText::new(format!("Not imported: {problem}")).color(ui.visuals().error_fg_color),
        );
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let import = egui::Button::new(RichText::new("Import with this mapping").strong());
        if ui.add(import).clicked() {
            actions.push(Action::File(FileAction::ApplyCsvMapping));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::File(FileAction::CancelCsvMapping));
        }
    });
}

/// The header and the first rows, cells cut short.
fn preview_ui(ui: &mut Ui, table: &crate::io::csv::Table) {
    let short = |text: &str| {
        let mut cut: String = text.chars().take(32).collect();
        if cut.len() < text.len() {
            cut.push('…');
        }
        cut
    };
    egui::Grid::new("csv-mapping-preview")
        .striped(true)
        .show(ui, |ui| {
            for header in &table.header {
                ui.label(RichText::new(short(header)).strong());
            }
            ui.end_row();
            for (_, row) in table.rows.iter().take(PREVIEW_ROWS) {
                for cell in row {
                    ui.label(short(cell));
                }
                ui.end_row();
            }
        });
}
