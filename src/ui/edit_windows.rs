//! Floating windows for editing: possible duplicates, adding a source, the map's title and
//! description, and a new tie from the text selected in the article reader.

use crate::app::{EditAction, ViewAction};
use egui::{Id, RichText, Ui};

use super::fields::{text_area, text_field};
use crate::app::{Action, AppState, Window};
use crate::edit::PossibleDuplicate;
use crate::model::{Dataset, Source};

pub fn edit_windows_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let ctx = ui.ctx().clone();
    for window in &state.windows {
        let mut open = true;
        match window {
            Window::Duplicates => {
                egui::Window::new("Possible duplicates")
                    .open(&mut open)
                    .default_width(420.0)
                    .show(&ctx, |ui| duplicates_ui(ui, state, actions));
            }
            Window::AddSource => {
                egui::Window::new("Add a source")
                    .open(&mut open)
                    .default_width(520.0)
                    .show(&ctx, |ui| add_source_ui(ui, &state.doc.data, actions));
            }
            Window::IngestArticle => {
                egui::Window::new("Ingest article")
                    .open(&mut open)
                    .default_width(520.0)
                    .show(&ctx, |ui| {
                        super::review_panel::ingest_window_ui(ui, actions)
                    });
            }
            Window::DocumentProperties => {
                egui::Window::new("Document properties")
                    .open(&mut open)
                    .default_width(460.0)
                    .show(&ctx, |ui| {
                        document_properties_ui(ui, &state.doc.data, actions)
                    });
            }
            Window::ExportPicture => {
                egui::Window::new("Export picture")
                    .open(&mut open)
                    .default_width(400.0)
                    .show(&ctx, |ui| {
                        super::picture_window::picture_ui(ui, state, actions)
                    });
            }
            Window::NewTieFromSelection { source, start, end } => {
                egui::Window::new("New tie from selection")
                    .open(&mut open)
                    .default_width(420.0)
                    .show(&ctx, |ui| {
                        super::new_tie_window::new_tie_ui(
                            ui,
                            &state.doc.data,
                            &state.recent_actors,
                            source,
                            *start,
                            *end,
                            actions,
                        )
                    });
            }
        }
        if !open {
            actions.push(Action::View(ViewAction::CloseWindow(window.clone())));
        }
    }
}

fn duplicates_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let current = crate::app::duplicates::search_key(&state.doc);
    let found = state
        .tasks
        .duplicates()
        .filter(|search| search.generation == current)
        .and_then(|search| search.found.as_ref());
    let pairs = match found {
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Looking for actors with matching names…");
            });
            return;
        }
        Some(Err(message)) => {
            ui.colored_label(ui.visuals().error_fg_color, message);
            return;
        }
        Some(Ok(pairs)) => pairs,
    };
    if pairs.is_empty() {
        ui.label("No two actors have names that match closely.");
        return;
    }
    ui.label("These actors may be one actor under two names, most likely first.");
    let data = &state.doc.data;
    egui::ScrollArea::vertical()
        .max_height(420.0)
        .show(ui, |ui| duplicate_pairs_ui(ui, data, pairs, actions));
}

fn duplicate_pairs_ui(
    ui: &mut Ui,
    data: &Dataset,
    pairs: &[PossibleDuplicate],
    actions: &mut Vec<Action>,
) {
    for pair in pairs {
        let (Some(a), Some(b)) = (data.actors.get(pair.a), data.actors.get(pair.b)) else {
            continue;
        };
        ui.separator();
        ui.label(RichText::new(format!("“{}” and “{}”", a.name, b.name)).strong());
        ui.label(RichText::new(pair.reason.explain()).small().weak());
        ui.horizontal(|ui| {
            let not_one = ui
                .button("Not the same")
                .on_hover_text("Two actors: never propose this pair again (undoable, saved)");
            if not_one.clicked() {
                let mut pairs = data.not_duplicates.clone();
                pairs.push([a.id.clone(), b.id.clone()]);
                let edit = crate::edit::Edit::SetNotDuplicates { pairs };
                actions.push(Action::Edit(EditAction::Apply(edit)));
            }
            for (keep, other) in [(a, b), (b, a)] {
                if ui.button(format!("Merge into “{}”", keep.name)).clicked() {
                    actions.push(Action::Edit(EditAction::MergeActors {
                        survivor: keep.id.as_str().into(),
                        others: vec![other.id.as_str().into()],
                    }));
                }
            }
        });
    }
}

/// The map's title and description; each change is one undoable edit, made when the field is
/// left or Enter is pressed in the title.
fn document_properties_ui(ui: &mut Ui, data: &Dataset, actions: &mut Vec<Action>) {
    let set = |title: String, description: String| {
        Action::Edit(EditAction::Apply(crate::edit::Edit::SetInfo {
            title,
            description,
        }))
    };
    ui.label("Title");
    if let Some(title) = text_field(
        ui,
        Id::new("document-title"),
        &data.title,
        "what the map is about",
    ) {
        actions.push(set(title.trim().to_owned(), data.description.clone()));
    }
    ui.label("Description");
    if let Some(text) = text_area(
        ui,
        Id::new("document-description"),
        &data.description,
        "sources, scope, who made it",
    ) {
        actions.push(set(data.title.clone(), text.trim().to_owned()));
    }
}

/// The fields of a source being added, kept in egui's memory until it is added.
#[derive(Clone, Default)]
struct SourceDraft {
    title: String,
    outlet: String,
    published: String,
    url: String,
    text: String,
    file: String,
    error: Option<String>,
}

fn add_source_ui(ui: &mut Ui, data: &Dataset, actions: &mut Vec<Action>) {
    let key = Id::new("source-draft");
    let mut draft: SourceDraft = ui.data(|d| d.get_temp(key)).unwrap_or_default();
    // Enter in a one-line field adds the source, as the button does.
    let mut entered = false;
    egui::Grid::new("source-fields")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, value, hint) in [
                ("Title", &mut draft.title, "headline"),
                ("Outlet", &mut draft.outlet, "The New York Times"),
                ("Date", &mut draft.published, "2018-06-03"),
                ("URL", &mut draft.url, "https://…"),
            ] {
                ui.label(label);
                let field = ui.add(
                    egui::TextEdit::singleline(value)
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                );
                entered |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.end_row();
            }
        });
    ui.label("Text of the article (paste it, or load a .txt file):");
    ui.horizontal(|ui| {
        let file =
            ui.add(egui::TextEdit::singleline(&mut draft.file).hint_text("/path/to/article.txt"));
        let load = file.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Load .txt").clicked() || load {
            match crate::io::read_text(std::path::Path::new(draft.file.trim())) {
                Ok(text) => {
                    draft.text = text;
                    draft.error = None;
                }
                Err(e) => draft.error = Some(e.to_string()),
            }
        }
    });
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut draft.text)
                    .desired_rows(8)
                    .desired_width(f32::INFINITY),
            );
        });
    if let Some(e) = &draft.error {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
    }
    let ready = !draft.title.trim().is_empty() && !draft.text.trim().is_empty();
    let add = ui
        .add_enabled(
            ready,
            egui::Button::new(RichText::new("Add source").strong()),
        )
        .on_hover_text("Enter in a field above")
        .on_disabled_hover_text("A source needs a title and its text")
        .clicked();
    if add || (entered && ready) {
        let id = crate::app::editing::unique_id(draft.title.trim(), |id| data.source(id).is_some());
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        actions.push(Action::Edit(EditAction::AddSource(Source {
            id,
            title: draft.title.trim().to_owned(),
            outlet: draft.outlet.trim().to_owned(),
            published: opt(&draft.published),
            url: opt(&draft.url),
            author: None,
            text: draft.text.clone(),
        })));
        draft = SourceDraft::default();
    }
    ui.data_mut(|d| d.insert_temp(key, draft));
}
