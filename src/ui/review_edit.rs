//! Correcting one candidate in the review panel before accepting it: an actor's name and kind,
//! or merging it into an actor already on the map; a tie's kind, polarity and direction. Each
//! change is an action that becomes one undoable edit; nothing here changes state.

use egui::{Id, Ui};

use super::actor_panel::kind_row_ui;
use super::fields::text_field;
use super::picker::{picker, Choice};
use super::tie_edit::edit_tie_ui;
use crate::app::ingesting::Candidate;
use crate::app::{Action, EditAction};
use crate::edit::Edit;
use crate::model::{Actor, Dataset};

/// The editor of one candidate, folded under its row until opened.
pub fn candidate_editor_ui(
    ui: &mut Ui,
    data: &Dataset,
    candidate: &Candidate,
    actions: &mut Vec<Action>,
) {
    let (key, what) = match candidate {
        Candidate::Actor(id) => (id.as_str(), "actor"),
        Candidate::Tie(id) => (id.as_str(), "tie"),
    };
    egui::CollapsingHeader::new(format!("Edit this {what}"))
        .id_salt(("review-edit", what, key))
        .show(ui, |ui| match candidate {
            Candidate::Actor(id) => {
                if let Some(actor) = data.actor(id) {
                    actor_editor_ui(ui, data, actor, actions);
                }
            }
            Candidate::Tie(id) => {
                if let Some(tie) = data.tie(id) {
                    edit_tie_ui(ui, data, tie, actions);
                }
            }
        });
}

fn actor_editor_ui(ui: &mut Ui, data: &Dataset, actor: &Actor, actions: &mut Vec<Action>) {
    let id = |field: &str| Id::new(("review-actor", actor.id.as_str(), field));
    ui.horizontal(|ui| {
        ui.label("Name");
        if let Some(name) = text_field(ui, id("name"), &actor.name, "name") {
            let name = name.trim();
            if !name.is_empty() && name != actor.name {
                let mut renamed = actor.clone();
                renamed.name = name.to_owned();
                actions.push(Action::Edit(EditAction::Apply(Edit::UpdateActor {
                    actor: renamed,
                })));
            }
        }
    });
    kind_row_ui(ui, actor, actions);
    ui.horizontal(|ui| {
        ui.label("Same as");
        let chosen = picker(ui, id("merge"), "an actor on the map…", |_| {
            actors_on_the_map(data)
        });
        if let Some(survivor) = chosen {
            actions.push(Action::Edit(EditAction::MergeActors {
                survivor: survivor.as_str().into(),
                others: vec![actor.id.as_str().into()],
            }));
        }
    })
    .response
    .on_hover_text(
        "Merge this candidate into an actor already on the map: its name becomes an alias, \
         its ties move to that actor",
    );
}

/// The accepted actors, by name, each found by its aliases too.
fn actors_on_the_map(data: &Dataset) -> Vec<Choice<String>> {
    let mut choices: Vec<Choice<String>> = data
        .actors
        .iter()
        .filter(|a| a.status.is_accepted())
        .map(|a| Choice {
            value: a.id.clone(),
            label: a.name.clone(),
            other_names: a.aliases.clone(),
            detail: a.kind.label().to_owned(),
        })
        .collect();
    choices.sort_by(|a, b| a.label.cmp(&b.label));
    choices
}
