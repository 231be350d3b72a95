//! The actor panel: kind, aliases, description and every tie of the actor as a link, with the
//! fields to edit them; and the panel for several selected actors.

use crate::app::{EditAction, SelectionAction};
use egui::{Id, RichText, Ui};

use super::fields::{choice, text_area, text_field};
use super::theme;
use crate::app::{Action, Selection};
use crate::edit::Edit;
use crate::model::{Actor, ActorKind, Dataset};

/// The panel of one selected actor; `ties` is how many ties touch it. A `fresh` actor (just
/// added) opens with its fields, ready to be named.
pub fn actor_panel_ui(
    ui: &mut Ui,
    data: &Dataset,
    actor: &Actor,
    ties: usize,
    fresh: bool,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
        ui.painter().add(super::map::shapes::kind_shape(
            actor.kind,
            rect.center(),
            7.0,
            theme::actor_color(actor.kind),
            egui::Stroke::new(1.0, theme::SHAPE_OUTLINE),
        ));
        ui.heading(&actor.name);
    });
    ui.label(RichText::new(actor.kind.label()).strong());
    if !actor.aliases.is_empty() {
        ui.label(format!("Also: {}", actor.aliases.join(", ")));
    }
    if !actor.description.is_empty() {
        ui.label(RichText::new(&actor.description).size(theme::QUOTE_SIZE - 1.0));
    }
    ui.add_space(4.0);
    egui::CollapsingHeader::new("Edit actor")
        .id_salt(("edit-actor", actor.id.as_str()))
        .default_open(fresh)
        .show(ui, |ui| edit_actor_ui(ui, data, actor, ties, actions));
    ui.separator();
    ties_list_ui(ui, data, actor, actions);
}

fn edit_actor_ui(
    ui: &mut Ui,
    data: &Dataset,
    actor: &Actor,
    ties: usize,
    actions: &mut Vec<Action>,
) {
    let id = |field: &str| Id::new(("actor-field", actor.id.as_str(), field));
    let mut update = |change: &dyn Fn(&mut Actor)| {
        let mut a = actor.clone();
        change(&mut a);
        actions.push(Action::Edit(EditAction::Apply(Edit::UpdateActor {
            actor: a,
        })));
    };
    egui::Grid::new("actor-fields")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Name");
            if let Some(name) = text_field(ui, id("name"), &actor.name, "name") {
                update(&|a| a.name = name.trim().to_owned());
            }
            ui.end_row();
            ui.label("Kind");
            if let Some(kind) = choice(
                ui,
                id("kind"),
                actor.kind,
                &ActorKind::ALL,
                ActorKind::label,
            ) {
                update(&|a| a.kind = kind);
            }
            ui.end_row();
            ui.label("Aliases");
            let aliases = actor.aliases.join(", ");
            if let Some(text) = text_field(ui, id("aliases"), &aliases, "comma-separated") {
                let list: Vec<String> = text
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                update(&|a| a.aliases = list.clone());
            }
            ui.end_row();
            ui.label("Description");
            if let Some(text) = text_area(
                ui,
                id("description"),
                &actor.description,
                "what the sources say",
            ) {
                update(&|a| a.description = text.clone());
            }
            ui.end_row();
        });
    let mut pinned = actor.pinned;
    if ui
        .checkbox(&mut pinned, "Pinned")
        .on_hover_text("Layouts leave a pinned actor where it is")
        .changed()
    {
        actions.push(Action::Edit(EditAction::Apply(Edit::SetPinned {
            pins: vec![(actor.id.clone(), pinned)],
        })));
    }
    ui.horizontal(|ui| {
        let mut target: Option<String> = None;
        egui::ComboBox::from_id_salt(id("new-tie"))
            .selected_text("Add tie to…")
            .show_ui(ui, |ui| {
                for other in data.actors.iter().filter(|a| a.id != actor.id) {
                    if ui.selectable_label(false, &other.name).clicked() {
                        target = Some(other.id.clone());
                    }
                }
            });
        if let Some(to) = target {
            actions.push(Action::Edit(EditAction::CreateTie {
                from: actor.id.clone(),
                to,
            }));
        }
    });
    let delete = match ties {
        0 => "Delete actor".to_owned(),
        1 => "Delete actor and its 1 tie".to_owned(),
        n => format!("Delete actor and its {n} ties"),
    };
    if ui
        .button(delete)
        .on_hover_text("Undo (Ctrl+Z) brings everything back")
        .clicked()
    {
        let ids = vec![actor.id.as_str().into()];
        actions.push(Action::Edit(EditAction::DeleteActors(ids)));
    }
}

fn ties_list_ui(ui: &mut Ui, data: &Dataset, actor: &Actor, actions: &mut Vec<Action>) {
    let ties: Vec<_> = data.ties_of(&actor.id).collect();
    ui.label(RichText::new(format!("Ties ({})", ties.len())).strong());
    if ties.is_empty() {
        ui.label("This actor has no ties yet.");
    }
    for tie in ties {
        let outgoing = tie.from == actor.id;
        let other = if outgoing { &tie.to } else { &tie.from };
        let arrow = match (tie.directed, outgoing) {
            (false, _) => "—",
            (true, true) => "→",
            (true, false) => "←",
        };
        let text = format!(
            "{arrow} {} · {}{}",
            data.actor_name(other),
            if tie.label.is_empty() {
                tie.kind.label()
            } else {
                &tie.label
            },
            tie.date
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default()
        );
        let color = theme::polarity_text(tie.polarity, ui.visuals());
        let link = ui.link(RichText::new(text).color(color));
        if link
            .on_hover_text(format!(
                "{} · {} excerpt(s)",
                tie.kind.label(),
                tie.excerpts.len()
            ))
            .clicked()
        {
            actions.push(Action::Selection(SelectionAction::Select(Selection::Tie(
                tie.id.clone(),
            ))));
        }
    }
}

/// At most this many of the selected actors are listed, each time they are listed.
const LISTED: usize = 100;

/// Several actors selected: move, pin, delete or merge them together. `names` are the names
/// of `ids`, in the same order; `ties` is how many ties touch any of them.
pub fn actors_panel_ui(
    ui: &mut Ui,
    ids: &[String],
    names: &[&str],
    ties: usize,
    actions: &mut Vec<Action>,
) {
    ui.heading(format!("{} actors selected", ids.len()));
    for (id, name) in ids.iter().zip(names).take(LISTED) {
        if ui.link(*name).clicked() {
            actions.push(Action::Selection(SelectionAction::Select(
                Selection::Actor(id.clone()),
            )));
        }
    }
    more_ui(ui, ids.len());
    ui.label(RichText::new("Drag any of them to move them together.").weak());
    ui.separator();
    ui.horizontal(|ui| {
        for (label, pinned) in [("Pin all", true), ("Unpin all", false)] {
            if ui.button(label).clicked() {
                let pins = ids.iter().map(|id| (id.clone(), pinned)).collect();
                actions.push(Action::Edit(EditAction::Apply(Edit::SetPinned { pins })));
            }
        }
    });
    if ui
        .button(format!("Delete {} actors and their {ties} ties", ids.len()))
        .clicked()
    {
        let ids = ids.iter().map(|id| id.as_str().into()).collect();
        actions.push(Action::Edit(EditAction::DeleteActors(ids)));
    }
    ui.separator();
    ui.label(RichText::new("Merge into one actor").strong());
    ui.label("Names become aliases, ties move to the one kept, and every excerpt is kept.");
    for (survivor, name) in ids.iter().zip(names).take(LISTED) {
        if ui.button(format!("Keep “{name}”")).clicked() {
            actions.push(Action::Edit(EditAction::MergeActors {
                survivor: survivor.as_str().into(),
                others: ids
                    .iter()
                    .filter(|i| *i != survivor)
                    .map(|i| i.as_str().into())
                    .collect(),
            }));
        }
    }
    more_ui(ui, ids.len());
}

/// Says how many selected actors a list left out.
fn more_ui(ui: &mut Ui, selected: usize) {
    if selected > LISTED {
        ui.label(
            RichText::new(format!(
                "… and {} more; the first {LISTED} are listed.",
                selected - LISTED
            ))
            .weak(),
        );
    }
}
