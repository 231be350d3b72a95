//! Editing a tie in its panel: kind (searchable, the commonest first), polarity, date, label,
//! direction, combining it with another tie of the same two actors, deleting it; and for each
//! excerpt its certainty, who it is attributed to, moving it to another tie, removing it.

use egui::{Id, Ui};

use super::fields::{choice, text_field};
use super::picker::{actor_choices, picker, picker_of_width, Choice};
use super::tie_panel::tie_heading;
use crate::app::{Action, EditAction};
use crate::edit::Edit;
use crate::model::{Certainty, Dataset, Polarity, Tie, TieKind};

pub fn update_tie(actions: &mut Vec<Action>, tie: &Tie, change: impl FnOnce(&mut Tie)) {
    let mut t = tie.clone();
    change(&mut t);
    actions.push(Action::Edit(EditAction::Apply(Edit::UpdateTie { tie: t })));
}

/// The tie kinds, the commonest in news first; the rest in the format's order.
pub fn kind_choices() -> Vec<Choice<TieKind>> {
    use TieKind::*;
    const COMMON: [TieKind; 10] = [
        Meeting,
        Visit,
        Support,
        Criticism,
        Accusation,
        Alliance,
        Diplomatic,
        Leadership,
        Membership,
        Affiliation,
    ];
    let rest = TieKind::ALL.into_iter().filter(|k| !COMMON.contains(k));
    COMMON
        .into_iter()
        .chain(rest)
        .map(|kind| Choice::new(kind, kind.label()))
        .collect()
}

pub fn edit_tie_ui(ui: &mut Ui, data: &Dataset, tie: &Tie, actions: &mut Vec<Action>) {
    let id = |field: &str| Id::new(("tie-field", tie.id.as_str(), field));
    egui::Grid::new("tie-fields").num_columns(2).show(ui, |ui| {
        ui.label("Kind");
        if let Some(kind) = picker(ui, id("kind"), tie.kind.label(), |_| kind_choices()) {
            update_tie(actions, tie, |t| t.kind = kind);
        }
        ui.end_row();
        ui.label("Polarity");
        if let Some(p) = choice(
            ui,
            id("polarity"),
            tie.polarity,
            &Polarity::ALL,
            Polarity::label,
        ) {
            update_tie(actions, tie, |t| t.polarity = p);
        }
        ui.end_row();
        ui.label("Date");
        let date = tie.date.clone().unwrap_or_default();
        if let Some(text) = text_field(ui, id("date"), &date, "2018-06-03, 2018-06 or 2012/2017") {
            let text = text.trim().to_owned();
            update_tie(actions, tie, |t| {
                t.date = (!text.is_empty()).then_some(text)
            });
        }
        ui.end_row();
        ui.label("Label");
        if let Some(text) = text_field(ui, id("label"), &tie.label, "shown on the map") {
            update_tie(actions, tie, |t| t.label = text.trim().to_owned());
        }
        ui.end_row();
    });
    ui.horizontal(|ui| {
        let mut directed = tie.directed;
        if ui.checkbox(&mut directed, "Directed").changed() {
            update_tie(actions, tie, |t| t.directed = directed);
        }
        if ui
            .add_enabled(tie.directed, egui::Button::new("Reverse direction"))
            .clicked()
        {
            actions.push(Action::Edit(EditAction::ReverseTie(tie.id.as_str().into())));
        }
        if ui.button("Delete tie").clicked() {
            actions.push(Action::Edit(EditAction::DeleteTie(tie.id.as_str().into())));
        }
    });
    let twins = || {
        data.ties_of(&tie.from)
            .filter(|t| t.id != tie.id && same_pair(t, tie))
            .map(|t| tie_choice(data, t))
            .collect::<Vec<_>>()
    };
    if data
        .ties_of(&tie.from)
        .any(|t| t.id != tie.id && same_pair(t, tie))
    {
        let id = Id::new(("combine-with", tie.id.as_str()));
        if let Some(other) = picker(ui, id, "Combine with another tie of these two…", |_| {
            twins()
        }) {
            actions.push(Action::Edit(EditAction::CombineTies {
                keep: tie.id.as_str().into(),
                other: other.into(),
            }));
        }
    }
}

/// Whether two ties join the same two actors, in either direction.
fn same_pair(a: &Tie, b: &Tie) -> bool {
    (a.from == b.from && a.to == b.to) || (a.from == b.to && a.to == b.from)
}

/// A tie as a picker's option: "A → B", with its kind and evidence below.
fn tie_choice(data: &Dataset, t: &Tie) -> Choice<String> {
    Choice {
        detail: format!("{} · {} excerpt(s)", t.kind.label(), t.excerpts.len()),
        ..Choice::new(t.id.clone(), tie_heading(data, t))
    }
}

/// Certainty and attribution of one excerpt, and removing it.
pub fn edit_excerpt_ui(
    ui: &mut Ui,
    data: &Dataset,
    tie: &Tie,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let Some(excerpt) = tie.excerpts.get(index) else {
        return;
    };
    let id = |field: &str| Id::new(("excerpt-field", tie.id.as_str(), index, field));
    ui.horizontal_wrapped(|ui| {
        let mut certainty = excerpt.certainty;
        egui::ComboBox::from_id_salt(id("certainty"))
            .selected_text(certainty.map_or("certainty not set", Certainty::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut certainty, None, "certainty not set");
                for c in Certainty::ALL {
                    ui.selectable_value(&mut certainty, Some(c), c.label());
                }
            });
        if certainty != excerpt.certainty {
            update_tie(actions, tie, |t| t.excerpts[index].certainty = certainty);
        }
        let current = match excerpt.attributed_to.as_deref() {
            None => "not attributed".to_owned(),
            Some(who) => format!("by {}", data.actor_name(who)),
        };
        let choices = |typed: &str| attribution_choices(data, typed);
        if let Some(who) = picker_of_width(ui, id("attributed"), &current, 170.0, choices) {
            update_tie(actions, tie, |t| t.excerpts[index].attributed_to = who);
        }
        // To a tie of either end of this one: where a misplaced excerpt belongs.
        let nearby = |_: &str| {
            let mut ties: Vec<&Tie> = data.ties_of(&tie.from).collect();
            ties.extend(
                data.ties_of(&tie.to)
                    .filter(|t| t.from != tie.from && t.to != tie.from),
            );
            ties.into_iter()
                .filter(|t| t.id != tie.id)
                .map(|t| tie_choice(data, t))
                .collect()
        };
        if let Some(to) = picker(ui, id("move"), "Move to tie…", nearby) {
            actions.push(Action::Edit(EditAction::MoveExcerpt {
                from: tie.id.as_str().into(),
                index,
                to: to.into(),
            }));
        }
        if ui.button("Remove excerpt").clicked() {
            update_tie(actions, tie, |t| {
                t.excerpts.remove(index);
            });
        }
    });
}

/// Who an excerpt's claim can be attributed to: nobody, an actor of the map (stored by id), or
/// the typed text as written, for a claimant not on the map.
fn attribution_choices(data: &Dataset, typed: &str) -> Vec<Choice<Option<String>>> {
    let typed = typed.trim();
    let mut choices = vec![Choice::new(None, "not attributed")];
    choices.extend(actor_choices(data, &[]).into_iter().map(|c| Choice {
        value: Some(c.value),
        label: c.label,
        other_names: c.other_names,
        detail: c.detail,
    }));
    if !typed.is_empty() && data.actor(typed).is_none() {
        choices.push(Choice {
            detail: "as written, not an actor of the map".to_owned(),
            ..Choice::new(Some(typed.to_owned()), format!("“{typed}”"))
        });
    }
    choices
}
