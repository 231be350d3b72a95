//! The actor panel: kind, aliases, description and every tie of the actor as a link, with the
//! fields to edit them; and the panel for several selected actors.

use crate::app::{EditAction, SelectionAction};
use egui::{Id, RichText, Ui};

use super::fields::{text_area, text_field, text_field_taking_focus};
use super::picker::{actor_choices, picker};
use super::theme;
use crate::app::{Action, Selection};
use crate::edit::Edit;
use crate::model::{Actor, ActorKind, Dataset};

/// The panel of one selected actor; `ties` is how many ties touch it. A `fresh` actor (just
/// added) opens with its fields, ready to be named.
/// What the actor panel knows of the actor besides the dataset.
#[derive(Clone, Copy, Debug)]
pub struct ActorContext<'a> {
    /// How many ties it has.
    pub ties: usize,
    /// Just added: its fields open, its name takes the keyboard.
    pub fresh: bool,
    /// Added in the app and not named yet: its first name makes its id.
    pub unnamed: bool,
    /// Actors used lately, most recent first: pickers list them first.
    pub recent: &'a [String],
}

pub fn actor_panel_ui(
    ui: &mut Ui,
    data: &Dataset,
    actor: &Actor,
    context: ActorContext,
    actions: &mut Vec<Action>,
) {
    let fresh = context.fresh;
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
    kind_row_ui(ui, actor, actions);
    if !actor.aliases.is_empty() {
        ui.label(format!("Also: {}", actor.aliases.join(", ")));
    }
    if !actor.description.is_empty() {
        ui.label(RichText::new(&actor.description).size(theme::QUOTE_SIZE - 1.0));
    }
    ui.add_space(4.0);
    // One open or closed state for every actor (as for ties): left open, it stays open from
    // actor to actor, and through the new id a new actor gets when it is named. A new actor
    // opens it.
    let mut header = egui::CollapsingHeader::new("Edit actor").id_salt("edit-actor");
    if fresh {
        header = header.open(Some(true));
    }
    header.show(ui, |ui| edit_actor_ui(ui, data, actor, context, actions));
    ui.separator();
    ties_list_ui(ui, data, actor, actions);
}

/// The actor's kind as a row of every kind, the current one selected: one click changes it
/// (one undoable edit), with no drop-down to open first.
pub fn kind_row_ui(ui: &mut Ui, actor: &Actor, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        for kind in ActorKind::ALL {
            let current = kind == actor.kind;
            let text = if current {
                RichText::new(kind.label()).strong()
            } else {
                RichText::new(kind.label())
            };
            if ui.selectable_label(current, text).clicked() && !current {
                let mut a = actor.clone();
                a.kind = kind;
                actions.push(Action::Edit(EditAction::Apply(Edit::UpdateActor {
                    actor: a,
                })));
            }
        }
    });
}

fn edit_actor_ui(
    ui: &mut Ui,
    data: &Dataset,
    actor: &Actor,
    context: ActorContext,
    actions: &mut Vec<Action>,
) {
    let (ties, fresh) = (context.ties, context.fresh);
    let id = |field: &str| Id::new(("actor-field", actor.id.as_str(), field));
    // The first name of an actor added here gives it its id: a different edit.
    let mut first_name: Option<String> = None;
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
            let name = if fresh {
                text_field_taking_focus(ui, id("name"), &actor.name, "name")
            } else {
                text_field(ui, id("name"), &actor.name, "name")
            };
            match name {
                Some(name) if context.unnamed && !name.trim().is_empty() => {
                    first_name = Some(name.trim().to_owned());
                }
                Some(name) => update(&|a| a.name = name.trim().to_owned()),
                None => {}
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
    if let Some(name) = first_name {
        actions.push(Action::Edit(EditAction::NameNewActor {
            id: actor.id.clone(),
            name,
        }));
    }
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
        let others = |_: &str| {
            let mut choices = actor_choices(data, context.recent);
            choices.retain(|c| c.value != actor.id);
            choices
        };
        let target = picker(ui, id("new-tie"), "Add tie to…", others);
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
    combine_offer_ui(ui, data, actor, actions);
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

/// Ties of this actor that join the same two actors with the same kind (what a merge can leave
/// side by side, one directed and one not), each group with a button that combines it.
fn combine_offer_ui(ui: &mut Ui, data: &Dataset, actor: &Actor, actions: &mut Vec<Action>) {
    for group in crate::edit::ties_to_combine(data, &actor.id) {
        let Some(first) = data.tie(&group[0]) else {
            continue;
        };
        let text = format!(
            "{} ties “{}” say the same kind ({}) between the same two actors.",
            group.len(),
            super::tie_panel::tie_heading(data, first),
            first.kind.label()
        );
        ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
        if ui
            .button("Combine them")
            .on_hover_text("One tie, with every excerpt of each, once")
            .clicked()
        {
            for other in &group[1..] {
                actions.push(Action::Edit(EditAction::CombineTies {
                    keep: group[0].as_str().into(),
                    other: other.as_str().into(),
                }));
            }
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
