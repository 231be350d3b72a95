//! The tie panel: "A → B", kind, date and polarity, then every excerpt as a block quote with its
//! source, certainty and attribution, and a way to read it in its article. Its editing controls
//! are in `tie_edit.rs`.

use crate::app::SelectionAction;
use egui::{RichText, Ui};

use super::theme;
use super::tie_edit::{edit_excerpt_ui, edit_tie_ui};
use crate::app::{Action, Selection};
use crate::model::{Dataset, Excerpt, Tie};

/// "Bashar al-Assad → Kim Jong-un" for directed ties, "A — B" otherwise.
pub fn tie_heading(data: &Dataset, tie: &Tie) -> String {
    let arrow = if tie.directed { "→" } else { "—" };
    format!(
        "{} {arrow} {}",
        data.actor_name(&tie.from),
        data.actor_name(&tie.to)
    )
}

/// "planned, according to Korean Central News Agency" / "reported" / "certainty not set".
pub fn certainty_line(data: &Dataset, excerpt: &Excerpt) -> String {
    let who = excerpt
        .attributed_to
        .as_deref()
        .map(|id| data.actor_name(id).to_owned());
    match (excerpt.certainty, who) {
        (Some(c), Some(who)) => format!("{} {who}", c.by_phrase()),
        (Some(c), None) => c.label().to_owned(),
        (None, Some(who)) => format!("according to {who} · certainty not set"),
        (None, None) => "certainty not set".to_owned(),
    }
}

/// The second tie selected (shift-click), and combining the two when they join the same actors.
fn second_tie_ui(ui: &mut Ui, data: &Dataset, tie: &Tie, second: &Tie, actions: &mut Vec<Action>) {
    ui.label(RichText::new("Two ties selected").strong());
    ui.label(format!(
        "Also: {} · {} · {} excerpt(s)",
        tie_heading(data, second),
        second.kind.label(),
        second.excerpts.len()
    ));
    let same_pair = (tie.from == second.from && tie.to == second.to)
        || (tie.from == second.to && tie.to == second.from);
    let combine = ui
        .add_enabled(same_pair, egui::Button::new("Combine the two ties"))
        .on_hover_text("One tie, this one, with every excerpt of both, once")
        .on_disabled_hover_text("Only ties between the same two actors can be combined");
    if combine.clicked() {
        actions.push(Action::Edit(crate::app::EditAction::CombineTies {
            keep: tie.id.as_str().into(),
            other: second.id.as_str().into(),
        }));
    }
    ui.separator();
}

/// "Title — Outlet, 2018-06-03".
pub fn source_line(data: &Dataset, excerpt: &Excerpt) -> String {
    match data.source(&excerpt.source) {
        Some(s) => {
            let mut line = if s.title.is_empty() {
                s.id.clone()
            } else {
                s.title.clone()
            };
            if !s.outlet.is_empty() {
                line.push_str(" — ");
                line.push_str(&s.outlet);
            }
            if let Some(date) = &s.published {
                line.push_str(", ");
                line.push_str(date);
            }
            line
        }
        None => format!("unknown source '{}'", excerpt.source),
    }
}

pub fn tie_panel_ui(
    ui: &mut Ui,
    data: &Dataset,
    tie: &Tie,
    second: Option<&Tie>,
    actions: &mut Vec<Action>,
) {
    if let Some(second) = second {
        second_tie_ui(ui, data, tie, second, actions);
    }
    ui.heading(tie_heading(data, tie));
    // Every line is there whatever the values, so that nothing below moves when one is set.
    if tie.label.is_empty() {
        ui.label(RichText::new("no label").size(15.0).weak());
    } else {
        ui.label(RichText::new(&tie.label).size(15.0));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tie.kind.label()).strong());
        ui.label("·");
        ui.label(tie.date.as_deref().unwrap_or("no date"));
        ui.label("·");
        let color = theme::polarity_text(tie.polarity, ui.visuals());
        ui.label(RichText::new(tie.polarity.label()).color(color));
        ui.label("·");
        ui.label(if tie.directed {
            "directed"
        } else {
            "undirected"
        });
    });
    ui.horizontal_wrapped(|ui| {
        for (end, id) in [("From", &tie.from), ("To", &tie.to)] {
            ui.label(format!("{end}:"));
            if ui.link(data.actor_name(id)).clicked() {
                actions.push(Action::Selection(SelectionAction::Select(
                    Selection::Actor(id.clone()),
                )));
            }
        }
    });
    let editing = egui::CollapsingHeader::new("Edit tie")
        .id_salt("edit-tie")
        .show(ui, |ui| edit_tie_ui(ui, data, tie, actions))
        .openness
        > 0.0;
    ui.separator();
    let n = tie.excerpts.len();
    ui.label(
        RichText::new(format!(
            "Evidence: {n} excerpt{}",
            if n == 1 { "" } else { "s" }
        ))
        .strong(),
    );
    if n == 0 {
        ui.label(
            "No excerpt supports this tie yet. Select text in the article reader and cite it.",
        );
    }
    for (i, excerpt) in tie.excerpts.iter().enumerate() {
        ui.add_space(6.0);
        excerpt_ui(ui, data, tie, i, excerpt, editing, actions);
    }
}

fn excerpt_ui(
    ui: &mut Ui,
    data: &Dataset,
    tie: &Tie,
    index: usize,
    excerpt: &Excerpt,
    editing: bool,
    actions: &mut Vec<Action>,
) {
    let bar = theme::polarity_color(tie.polarity);
    let response = egui::Frame::new()
        .inner_margin(egui::Margin {
            left: 12,
            right: 6,
            top: 4,
            bottom: 4,
        })
        .show(ui, |ui| {
            ui.label(RichText::new(&excerpt.quote).size(theme::QUOTE_SIZE));
            ui.add_space(2.0);
            ui.label(RichText::new(source_line(data, excerpt)).small().weak());
            let certainty = certainty_line(data, excerpt);
            let color = match excerpt.certainty {
                Some(_) => theme::certainty_text(ui.visuals()),
                None => ui.visuals().weak_text_color(),
            };
            ui.label(RichText::new(certainty).small().color(color));
            if ui
                .button("Read in article")
                .on_hover_text("Show the whole article with this excerpt highlighted")
                .clicked()
            {
                actions.push(Action::Selection(SelectionAction::ReadInArticle {
                    tie: tie.id.as_str().into(),
                    excerpt: index,
                }));
            }
            if editing {
                edit_excerpt_ui(ui, data, tie, index, actions);
            }
        })
        .response;
    let r = response.rect;
    ui.painter().rect_filled(
        egui::Rect::from_min_max(r.min, egui::pos2(r.min.x + 4.0, r.max.y)),
        2.0,
        bar,
    );
}
