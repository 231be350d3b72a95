//! The actor panel: kind, aliases, description, and every tie of the actor as a link.

use egui::{RichText, Ui};

use super::theme;
use crate::app::{Action, Selection};
use crate::model::{Actor, Dataset};

pub fn actor_panel_ui(ui: &mut Ui, data: &Dataset, actor: &Actor, actions: &mut Vec<Action>) {
    ui.heading(&actor.name);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::hover());
        ui.painter().add(super::map_shapes::kind_shape(
            actor.kind,
            rect.center(),
            6.5,
            theme::actor_color(actor.kind),
            egui::Stroke::new(1.0, egui::Color32::from_gray(30)),
        ));
        ui.label(RichText::new(actor.kind.label()).strong());
        if actor.pinned {
            ui.label("· pinned");
        }
    });
    if !actor.aliases.is_empty() {
        ui.label(format!("Also: {}", actor.aliases.join(", ")));
    }
    if !actor.description.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(&actor.description).size(theme::QUOTE_SIZE - 1.0));
    }
    ui.separator();
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
        let link = ui.link(RichText::new(text).color(theme::polarity_color(tie.polarity)));
        if link
            .on_hover_text(format!(
                "{} · {} excerpt(s)",
                tie.kind.label(),
                tie.excerpts.len()
            ))
            .clicked()
        {
            actions.push(Action::Select(Selection::Tie(tie.id.clone())));
        }
    }
}
