//! The tie panel: "A → B", kind, date and polarity, then every excerpt as a block quote with its
//! source, certainty and attribution, and a way to read it in its article.

use crate::app::{EditAction, SelectionAction};
use egui::{Id, RichText, Ui};

use super::fields::{choice, text_field};
use super::theme;
use crate::app::{Action, Selection};
use crate::edit::Edit;
use crate::model::{Certainty, Dataset, Excerpt, Polarity, Tie, TieKind};

fn update_tie(actions: &mut Vec<Action>, tie: &Tie, change: impl FnOnce(&mut Tie)) {
    let mut t = tie.clone();
    change(&mut t);
    actions.push(Action::Edit(EditAction::Apply(Edit::UpdateTie { tie: t })));
}

fn edit_tie_ui(ui: &mut Ui, tie: &Tie, actions: &mut Vec<Action>) {
    let id = |field: &str| Id::new(("tie-field", tie.id.as_str(), field));
    egui::Grid::new("tie-fields").num_columns(2).show(ui, |ui| {
        ui.label("Kind");
        if let Some(kind) = choice(ui, id("kind"), tie.kind, &TieKind::ALL, TieKind::label) {
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
}

/// Certainty and attribution of one excerpt, and removing it.
fn edit_excerpt_ui(ui: &mut Ui, tie: &Tie, index: usize, actions: &mut Vec<Action>) {
    let Some(excerpt) = tie.excerpts.get(index) else {
        return;
    };
    let id = |field: &str| Id::new(("excerpt-field", tie.id.as_str(), index, field));
    ui.horizontal_wrapped(|ui| {
        let mut certainty = excerpt.certainty;
        egui::ComboBox::from_id_salt(id("certainty"))
            .selected_text(certainty.map_or("no certainty", Certainty::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut certainty, None, "no certainty");
                for c in Certainty::ALL {
                    ui.selectable_value(&mut certainty, Some(c), c.label());
                }
            });
        if certainty != excerpt.certainty {
            update_tie(actions, tie, |t| t.excerpts[index].certainty = certainty);
        }
        let who = excerpt.attributed_to.clone().unwrap_or_default();
        ui.add_sized([150.0, 20.0], |ui: &mut Ui| {
            if let Some(text) = text_field(ui, id("attributed"), &who, "attributed to") {
                let text = text.trim().to_owned();
                update_tie(actions, tie, |t| {
                    t.excerpts[index].attributed_to = (!text.is_empty()).then_some(text)
                });
            }
            ui.response()
        });
        if ui.button("Remove excerpt").clicked() {
            update_tie(actions, tie, |t| {
                t.excerpts.remove(index);
            });
        }
    });
}

/// "Bashar al-Assad → Kim Jong-un" for directed ties, "A — B" otherwise.
pub fn tie_heading(data: &Dataset, tie: &Tie) -> String {
    let arrow = if tie.directed { "→" } else { "—" };
    format!(
        "{} {arrow} {}",
        data.actor_name(&tie.from),
        data.actor_name(&tie.to)
    )
}

/// "planned, according to Korean Central News Agency" / "reported" / "".
pub fn certainty_line(data: &Dataset, excerpt: &Excerpt) -> String {
    let who = excerpt
        .attributed_to
        .as_deref()
        .map(|id| data.actor_name(id).to_owned());
    match (excerpt.certainty, who) {
        (Some(c), Some(who)) => format!("{} {who}", c.by_phrase()),
        (Some(c), None) => c.label().to_owned(),
        (None, Some(who)) => format!("according to {who}"),
        (None, None) => String::new(),
    }
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

pub fn tie_panel_ui(ui: &mut Ui, data: &Dataset, tie: &Tie, actions: &mut Vec<Action>) {
    ui.heading(tie_heading(data, tie));
    if !tie.label.is_empty() {
        ui.label(RichText::new(&tie.label).size(15.0));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tie.kind.label()).strong());
        ui.label("·");
        ui.label(tie.date.as_deref().unwrap_or("no date"));
        ui.label("·");
        let color = theme::polarity_text(tie.polarity, ui.visuals());
        ui.label(RichText::new(tie.polarity.label()).color(color));
        if tie.directed {
            ui.label("·");
            ui.label("directed");
        }
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
        .show(ui, |ui| edit_tie_ui(ui, tie, actions))
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
            if !certainty.is_empty() {
                ui.label(
                    RichText::new(certainty)
                        .small()
                        .color(theme::certainty_text(ui.visuals())),
                );
            }
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
                edit_excerpt_ui(ui, tie, index, actions);
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
