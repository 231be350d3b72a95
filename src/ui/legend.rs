//! The legend: every shape, colour and line style used on the map, in a strip along its bottom.
//! Each entry toggles its kind, polarity or certainty on the map (a filter); a hidden one is
//! struck through.

use egui::{Color32, Pos2, Stroke, Ui, Vec2};

use super::map::shapes::kind_shape;
use super::theme::{self, LineStyle};
use crate::app::explore::ExploreAction;
use crate::app::{Action, AppState};
use crate::model::{ActorKind, FilterSpec, Polarity};

/// A legend entry's label: struck through when hidden, and a click toggles it.
fn entry(ui: &mut Ui, text: &str, hidden: bool) -> bool {
    let mut rich = egui::RichText::new(text);
    if hidden {
        rich = rich.strikethrough().weak();
    }
    let tip = if hidden {
        "Hidden: click to show"
    } else {
        "Click to hide"
    };
    ui.add(egui::Label::new(rich).sense(egui::Sense::click()))
        .on_hover_text(tip)
        .clicked()
}

pub fn legend_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let f = &state.explore.view.filters;
    let mut changed: Option<FilterSpec> = None;
    egui::CollapsingHeader::new("Legend")
        .default_open(true)
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing = Vec2::new(4.0, 2.0);
            ui.horizontal_wrapped(|ui| {
                for kind in ActorKind::ALL {
                    let (rect, _) =
                        ui.allocate_exact_size(Vec2::new(18.0, 16.0), egui::Sense::hover());
                    ui.painter().add(kind_shape(
                        kind,
                        rect.center(),
                        6.0,
                        theme::actor_color(kind),
                        Stroke::new(1.0, theme::SHAPE_OUTLINE),
                    ));
                    let hidden = f.hide_actor_kinds.contains(&kind);
                    if entry(ui, kind.label(), hidden) {
                        let mut next = f.clone();
                        toggle(&mut next.hide_actor_kinds, &[kind]);
                        changed = Some(next);
                    }
                    ui.add_space(6.0);
                }
            });
            ui.horizontal_wrapped(|ui| {
                for polarity in Polarity::ALL {
                    line_sample(ui, theme::polarity_color(polarity), LineStyle::Solid);
                    let hidden = f.hide_polarities.contains(&polarity);
                    if entry(ui, polarity.label(), hidden) {
                        let mut next = f.clone();
                        toggle(&mut next.hide_polarities, &[polarity]);
                        changed = Some(next);
                    }
                    ui.add_space(6.0);
                }
                ui.separator();
                for style in [LineStyle::Solid, LineStyle::Dashed, LineStyle::Dotted] {
                    line_sample(ui, ui.visuals().text_color(), style);
                    let certainties = super::filter_chips::certainties_of_style(style);
                    let hidden = certainties.iter().all(|c| f.hide_certainties.contains(c));
                    if entry(ui, style.label(), hidden) {
                        let mut next = f.clone();
                        toggle(&mut next.hide_certainties, certainties);
                        changed = Some(next);
                    }
                    ui.add_space(6.0);
                }
            });
            ui.label(
                egui::RichText::new(
                    "Thicker line: more excerpts · arrowhead: direction of the tie",
                )
                .small(),
            );
            if let Some(line) = measures_line(state) {
                ui.label(egui::RichText::new(line).small().strong());
            }
        });
    if let Some(filters) = changed {
        actions.push(Action::Explore(ExploreAction::SetFilters(filters)));
    }
}

/// Hides all of `values` when any is shown, else shows them all.
fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, values: &[T]) {
    if values.iter().all(|v| list.contains(v)) {
        list.retain(|x| !values.contains(x));
    } else {
        for v in values {
            if !list.contains(v) {
                list.push(*v);
            }
        }
    }
}

fn line_sample(ui: &mut Ui, color: Color32, style: LineStyle) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(26.0, 16.0), egui::Sense::hover());
    let y = rect.center().y;
    let points = [
        Pos2::new(rect.left() + 2.0, y),
        Pos2::new(rect.right() - 2.0, y),
    ];
    let stroke = Stroke::new(2.0, color);
    let painter = ui.painter();
    match style {
        LineStyle::Solid => {
            painter.line_segment(points, stroke);
        }
        LineStyle::Dashed => {
            painter.extend(egui::Shape::dashed_line(&points, stroke, 6.0, 3.0));
        }
        LineStyle::Dotted => {
            // The same short dashes as on the map.
            let dots = Stroke::new(2.4, color);
            painter.extend(egui::Shape::dashed_line(&points, dots, 2.0, 6.0));
        }
    }
}

/// What the measures change on the map, when they do: actors' colours then show their
/// community (the shapes still show the kind), and their size a measure.
fn measures_line(state: &AppState) -> Option<String> {
    let explore = &state.explore;
    let colours = explore
        .colour_communities
        .then_some("colours: communities (the shape still shows the kind)");
    let size = explore
        .size_by
        .map(|metric| format!("size: {}", metric.label()));
    match (size, colours) {
        (None, None) => None,
        (Some(s), None) => Some(format!("Actors' {s}")),
        (None, Some(c)) => Some(format!("Actors' {c}")),
        (Some(s), Some(c)) => Some(format!("Actors' {s} · {c}")),
    }
}
