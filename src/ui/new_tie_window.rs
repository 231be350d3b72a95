//! The window that makes a tie from text selected in the article reader: the quote exactly as
//! it will be cited, the ends (the actors the quote names, first mentioned first, pre-filled),
//! the kind and polarity its cue words suggest, and Create (or Enter).

use egui::{Id, RichText, Ui};

use super::fields::choice;
use super::picker::{actor_choices, picker};
use crate::app::{Action, EditAction};
use crate::model::cues::suggest_kind;
use crate::model::mentions::actors_mentioned;
use crate::model::{Dataset, Polarity, TieKind};

/// The new tie as it is being made: its ends, kind and polarity, and the actors the quote names
/// (ids, first mentioned first).
#[derive(Clone, Debug, Default)]
struct Draft {
    from: String,
    to: String,
    kind: TieKind,
    polarity: Polarity,
    mentioned: Vec<String>,
}

/// What a new tie from `quote` starts with: the first two actors it names (else no ends), and
/// the kind and polarity its cue words suggest (else "other", neutral).
fn suggested(data: &Dataset, quote: &str) -> Draft {
    let mentioned: Vec<String> = actors_mentioned(data, quote)
        .into_iter()
        .map(|i| data.actors[i].id.clone())
        .collect();
    let nth = |n: usize| mentioned.get(n).cloned().unwrap_or_default();
    let (kind, polarity) = suggest_kind(quote).unwrap_or((TieKind::Other, Polarity::Neutral));
    Draft {
        from: nth(0),
        to: nth(1),
        kind,
        polarity,
        mentioned,
    }
}

pub fn new_tie_ui(
    ui: &mut Ui,
    data: &Dataset,
    recent: &[String],
    source: &str,
    start: usize,
    end: usize,
    actions: &mut Vec<Action>,
) {
    let quote = data
        .source(source)
        .and_then(|s| s.text.get(start..end))
        .unwrap_or_default();
    ui.label(RichText::new("Cited exactly:").small().weak());
    ui.label(RichText::new(format!("“{}”", quote.trim())).italics());
    // The ends belong to this selection: a new selection starts from the actors it names.
    let key = Id::new(("new-tie-draft", source, start, end));
    let mut draft: Draft = ui
        .data(|d| d.get_temp(key))
        .unwrap_or_else(|| suggested(data, quote));
    let Draft {
        from,
        to,
        kind,
        polarity,
        mentioned,
    } = &mut draft;
    // Enter that picks in a picker does not also create the tie.
    let mut picked_now = false;
    for (label, value) in [("From", &mut *from), ("To", &mut *to)] {
        ui.horizontal(|ui| {
            ui.label(label);
            let current = if value.is_empty() {
                "choose an actor"
            } else {
                data.actor_name(value)
            };
            let first: Vec<String> = mentioned.iter().chain(recent).cloned().collect();
            let choices = |_: &str| actor_choices(data, &first);
            if let Some(id) = picker(ui, Id::new(("new-tie", label)), current, choices) {
                *value = id;
                picked_now = true;
            }
        });
    }
    if mentioned.is_empty() {
        ui.label(
            RichText::new("The selection names no actor on the map.")
                .small()
                .weak(),
        );
    }
    ui.horizontal(|ui| {
        ui.label("Kind");
        let kinds = |_: &str| super::tie_edit::kind_choices();
        if let Some(k) = picker(ui, Id::new("new-tie-kind"), kind.label(), kinds) {
            *kind = k;
            picked_now = true;
        }
        ui.label("Polarity");
        if let Some(p) = choice(
            ui,
            Id::new("new-tie-polarity"),
            *polarity,
            &Polarity::ALL,
            Polarity::label,
        ) {
            *polarity = p;
        }
    });
    let ready = !from.is_empty() && !to.is_empty();
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter))
        && !picked_now
        && !ui.ctx().text_edit_focused()
        && !egui::Popup::is_any_open(ui.ctx());
    let create = ui
        .add_enabled(
            ready,
            egui::Button::new(RichText::new("Create tie").strong()),
        )
        .on_hover_text("Enter")
        .clicked();
    if create || (enter && ready) {
        actions.push(Action::Edit(EditAction::NewTieFromText {
            from: from.as_str().into(),
            to: to.as_str().into(),
            kind: *kind,
            polarity: *polarity,
            source: source.into(),
            start,
            end,
        }));
    }
    ui.data_mut(|d| d.insert_temp(key, draft));
}
