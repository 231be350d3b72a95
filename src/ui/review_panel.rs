//! Reviewing ingested candidates: the window that takes an article (a file, a folder or pasted
//! text), and the panel that lists candidate actors and ties by confidence, each with Accept
//! and Reject and an editor (`review_edit.rs`), with "Accept all above" and "Reject remaining"
//! for many at once. Nothing here changes state; every button pushes an action that becomes
//! one undoable edit.

use egui::{Id, RichText, Ui};

use crate::app::ingesting::{Candidate, IngestInput};
use crate::app::{
    Action, AppState, EditAction, FileAction, Selection, SelectionAction, ViewAction,
};
use crate::model::{Dataset, Status};

/// The threshold "Accept all above" starts at.
pub const DEFAULT_THRESHOLD: f32 = 0.7;

/// What the ingest window holds until the article is sent, kept in egui's memory.
#[derive(Clone, Default)]
struct IngestDraft {
    path: String,
    text: String,
}

/// Asks for the article: a path to a file or folder, or pasted text.
pub fn ingest_window_ui(ui: &mut Ui, actions: &mut Vec<Action>) {
    let key = Id::new("ingest-draft");
    let mut draft: IngestDraft = ui.data(|d| d.get_temp(key)).unwrap_or_default();
    if ui
        .button("Choose a file…")
        .on_hover_text("Pick the article in a file dialog")
        .clicked()
    {
        actions.push(Action::File(FileAction::IngestDialog));
    }
    ui.label("Or type the path of a file or a folder of articles (.txt, .md, .html):");
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut draft.path)
                .hint_text("path/to/article.txt")
                .desired_width(360.0),
        );
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let ready = !draft.path.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Ingest file"))
            .clicked()
            || (entered && ready)
        {
            let path = std::path::PathBuf::from(draft.path.trim());
            actions.push(Action::Edit(EditAction::Ingest(IngestInput::Path(path))));
            draft = IngestDraft::default();
        }
    });
    ui.separator();
    ui.label("Or paste the text of the article:");
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut draft.text)
                    .id_salt("ingest-text")
                    .desired_rows(8)
                    .desired_width(f32::INFINITY),
            );
        });
    let ready = !draft.text.trim().is_empty();
    if ui
        .add_enabled(ready, egui::Button::new("Ingest text"))
        .clicked()
    {
        let text = std::mem::take(&mut draft.text);
        actions.push(Action::Edit(EditAction::Ingest(IngestInput::Pasted(text))));
    }
    ui.data_mut(|d| d.insert_temp(key, draft));
}

/// The candidates of the open map, most confident first: (confidence, candidate, label).
fn candidates_by_confidence(data: &Dataset) -> Vec<(f32, Candidate, String)> {
    let mut list: Vec<(f32, Candidate, String)> = data
        .actors
        .iter()
        .filter(|a| a.status == Status::Candidate)
        .map(|a| {
            let label = format!("{} ({})", a.name, a.kind.label());
            (
                a.confidence.unwrap_or(0.0),
                Candidate::Actor(a.id.clone()),
                label,
            )
        })
        .collect();
    list.extend(
        data.ties
            .iter()
            .filter(|t| t.status == Status::Candidate)
            .map(|t| {
                let arrow = if t.directed { "→" } else { "—" };
                let label = format!(
                    "{} {arrow} {}: {}",
                    data.actor_name(&t.from),
                    data.actor_name(&t.to),
                    t.kind.label()
                );
                (
                    t.confidence.unwrap_or(0.0),
                    Candidate::Tie(t.id.clone()),
                    label,
                )
            }),
    );
    list.sort_by(|a, b| b.0.total_cmp(&a.0));
    list
}

/// The panel of candidates waiting for review.
pub fn review_panel_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let data = &state.doc.data;
    ui.horizontal(|ui| {
        ui.heading("Review candidates");
        if ui.small_button("✕").on_hover_text("Close").clicked() {
            actions.push(Action::View(ViewAction::ShowReview(false)));
        }
    });
    if state.tasks.ingesting().is_some() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Reading the article…");
        });
    }
    let list = candidates_by_confidence(data);
    if list.is_empty() {
        ui.label("No candidates wait for review. File → Ingest article… proposes some.");
        return;
    }
    let key = Id::new("review-threshold");
    let mut threshold: f32 = ui.data(|d| d.get_temp(key)).unwrap_or(DEFAULT_THRESHOLD);
    ui.horizontal(|ui| {
        let accept_all = egui::Button::new(format!("Accept all above {threshold:.2}"));
        if ui.add(accept_all).clicked() {
            actions.push(Action::Edit(EditAction::AcceptAbove(threshold)));
        }
        if ui
            .button("Reject remaining")
            .on_hover_text("Remove every candidate still listed")
            .clicked()
        {
            actions.push(Action::Edit(EditAction::RejectRemaining));
        }
    });
    ui.add(egui::Slider::new(&mut threshold, 0.0..=1.0).text("confidence"));
    ui.data_mut(|d| d.insert_temp(key, threshold));
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("review-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (confidence, candidate, label) in list {
                candidate_row_ui(ui, state, confidence, candidate, &label, actions);
            }
        });
}

/// One candidate: its confidence and label (click to select it and read its sentence), the
/// tie's sentence, and Accept / Reject.
fn candidate_row_ui(
    ui: &mut Ui,
    state: &AppState,
    confidence: f32,
    candidate: Candidate,
    label: &str,
    actions: &mut Vec<Action>,
) {
    let selected = match (&candidate, &state.selection) {
        (Candidate::Actor(id), Selection::Actor(s)) | (Candidate::Tie(id), Selection::Tie(s)) => {
            id == s
        }
        _ => false,
    };
    {
        // A wrapping label, so that a long name never widens the panel off the screen.
        let mut text = RichText::new(format!("{confidence:.2}  {label}"));
        if selected {
            text = text.strong().color(ui.visuals().selection.stroke.color);
        }
        let row = ui.add(egui::Label::new(text).wrap().sense(egui::Sense::click()));
        if row
            .on_hover_text("Select it and read its sentence")
            .clicked()
        {
            match &candidate {
                Candidate::Actor(id) => {
                    let sentence = state.doc.data.ties_of(id).find(|t| !t.excerpts.is_empty());
                    if let Some(tie) = sentence {
                        actions.push(Action::Selection(SelectionAction::ReadInArticle {
                            tie: tie.id.as_str().into(),
                            excerpt: 0,
                        }));
                    }
                    actions.push(Action::Selection(SelectionAction::Select(
                        Selection::Actor(id.clone()),
                    )));
                }
                Candidate::Tie(id) => {
                    actions.push(Action::Selection(SelectionAction::Select(Selection::Tie(
                        id.clone(),
                    ))));
                    actions.push(Action::Selection(SelectionAction::ReadInArticle {
                        tie: id.as_str().into(),
                        excerpt: 0,
                    }));
                }
            }
        }
    }
    if let Candidate::Tie(id) = &candidate {
        if let Some(excerpt) = state.doc.data.tie(id).and_then(|t| t.excerpts.first()) {
            let quote = RichText::new(format!("“{}”", excerpt.quote.trim())).italics();
            ui.add(egui::Label::new(quote).wrap());
        }
    }
    ui.horizontal(|ui| {
        if ui.small_button("Accept").clicked() {
            actions.push(Action::Edit(EditAction::AcceptCandidate(candidate.clone())));
        }
        if ui.small_button("Reject").clicked() {
            actions.push(Action::Edit(EditAction::RejectCandidate(candidate.clone())));
        }
    });
    super::review_edit::candidate_editor_ui(ui, &state.doc.data, &candidate, actions);
    ui.separator();
}
