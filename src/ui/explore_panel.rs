//! The explore panel, on the left of the map: filters (kinds, polarity, certainty, sources,
//! one source only, actors left without ties), the timeline (`timeline_panel.rs`), the focus,
//! and the views saved in the map. Every change is an `ExploreAction`; nothing here changes
//! state.

use egui::{RichText, Ui};

use crate::app::explore::ExploreAction;
use crate::app::{Action, AppState};
use crate::model::{ActorKind, Certainty, Direction, FilterSpec, Polarity, TieKind};

/// Toggles `value` in `list`: in it means hidden.
fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|x| *x == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

pub fn explore_panel_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let f = &state.explore.view.filters;
    let set = |actions: &mut Vec<Action>, change: &dyn Fn(&mut FilterSpec)| {
        let mut filters = f.clone();
        change(&mut filters);
        actions.push(Action::Explore(ExploreAction::SetFilters(filters)));
    };
    ui.heading("Explore");
    egui::CollapsingHeader::new("Filters")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Actors").strong());
            ui.horizontal_wrapped(|ui| {
                for kind in ActorKind::ALL {
                    let shown = !f.hide_actor_kinds.contains(&kind);
                    if ui.selectable_label(shown, kind.label()).clicked() {
                        set(actions, &|x| toggle(&mut x.hide_actor_kinds, kind));
                    }
                }
            });
            ui.label(RichText::new("Polarity").strong());
            ui.horizontal_wrapped(|ui| {
                for p in Polarity::ALL {
                    let shown = !f.hide_polarities.contains(&p);
                    if ui.selectable_label(shown, p.label()).clicked() {
                        set(actions, &|x| toggle(&mut x.hide_polarities, p));
                    }
                }
            });
            ui.label(RichText::new("Certainty of excerpts that count").strong());
            ui.horizontal_wrapped(|ui| {
                for c in Certainty::ALL {
                    let shown = !f.hide_certainties.contains(&c);
                    if ui.selectable_label(shown, c.label()).clicked() {
                        set(actions, &|x| toggle(&mut x.hide_certainties, c));
                    }
                }
                if ui
                    .selectable_label(!f.hide_unset_certainty, "not set")
                    .clicked()
                {
                    set(actions, &|x| {
                        x.hide_unset_certainty = !x.hide_unset_certainty
                    });
                }
            });
            egui::CollapsingHeader::new(format!("Tie kinds ({} hidden)", f.hide_tie_kinds.len()))
                .id_salt("tie-kinds")
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        for kind in TieKind::ALL {
                            let shown = !f.hide_tie_kinds.contains(&kind);
                            if ui.selectable_label(shown, kind.label()).clicked() {
                                set(actions, &|x| toggle(&mut x.hide_tie_kinds, kind));
                            }
                        }
                    });
                });
            let mut single = f.single_source;
            if ui
                .checkbox(&mut single, "Only ties that rest on one source")
                .changed()
            {
                set(actions, &|x| x.single_source = single);
            }
            let mut orphans = f.hide_orphans;
            if ui
                .checkbox(&mut orphans, "Hide actors the filters leave without ties")
                .on_hover_text("Otherwise the actors of hidden ties stay on the map")
                .changed()
            {
                set(actions, &|x| x.hide_orphans = orphans);
            }
            sources_ui(ui, state, actions);
        });
    egui::CollapsingHeader::new("Timeline")
        .default_open(true)
        .show(ui, |ui| {
            super::timeline_panel::timeline_ui(ui, state, actions)
        });
    egui::CollapsingHeader::new("Focus")
        .default_open(true)
        .show(ui, |ui| focus_ui(ui, state, actions));
    egui::CollapsingHeader::new("Saved views")
        .default_open(true)
        .show(ui, |ui| {
            super::saved_views::saved_views_ui(ui, state, actions)
        });
}

/// Each source: whether its excerpts count ("without" it hides the ties that rest on it alone),
/// and "only" it. Many sources fold away, and a field narrows them by title or date; the list
/// scrolls, drawing only the rows in view.
fn sources_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let data = &state.doc.data;
    let f = &state.explore.view.filters;
    let changed = f.without_sources.len() + f.only_sources.len();
    let title = match changed {
        0 => format!("Sources ({})", data.sources.len()),
        n => format!("Sources ({}, {n} set)", data.sources.len()),
    };
    egui::CollapsingHeader::new(title)
        .id_salt("sources")
        .default_open(data.sources.len() <= 12)
        .show(ui, |ui| {
            let id = egui::Id::new("sources-filter");
            let mut typed: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
            if data.sources.len() > 12 {
                ui.horizontal(|ui| {
                    let label = ui.label("Find");
                    ui.add(
                        egui::TextEdit::singleline(&mut typed)
                            .hint_text("a title or a date")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                });
            }
            let needle = typed.trim().to_lowercase();
            let matching: Vec<usize> = (0..data.sources.len())
                .filter(|&i| {
                    let s = &data.sources[i];
                    needle.is_empty()
                        || s.title.to_lowercase().contains(&needle)
                        || s.id.to_lowercase().contains(&needle)
                        || s.published.as_deref().is_some_and(|p| p.contains(&needle))
                })
                .collect();
            let row = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .id_salt("sources-list")
                .max_height(row * 12.0)
                .show_rows(ui, row, matching.len(), |ui, rows| {
                    for &i in &matching[rows] {
                        source_row(ui, state, i, actions);
                    }
                });
            if matching.is_empty() {
                ui.label(RichText::new("No source matches.").weak());
            }
            ui.data_mut(|d| d.insert_temp(id, typed));
        });
}

/// One source's row: counted or not, and "only".
fn source_row(ui: &mut Ui, state: &AppState, index: usize, actions: &mut Vec<Action>) {
    let f = &state.explore.view.filters;
    let source = &state.doc.data.sources[index];
    ui.horizontal(|ui| {
        let mut counts = !f.without_sources.contains(&source.id);
        let title = if source.title.is_empty() {
            &source.id
        } else {
            &source.title
        };
        let label = format!(
            "{title} ({})",
            source.published.as_deref().unwrap_or("undated")
        );
        let check = ui
            .checkbox(&mut counts, egui::RichText::new(label).small())
            .on_hover_text(
                "Unticked: without this source, the ties that rest on it alone are hidden",
            );
        if check.changed() {
            let mut filters = f.clone();
            toggle_string(&mut filters.without_sources, &source.id);
            actions.push(Action::Explore(ExploreAction::SetFilters(filters)));
        }
        let only = f.only_sources.contains(&source.id);
        if ui
            .selectable_label(only, "only")
            .on_hover_text("Only the excerpts of this source count")
            .clicked()
        {
            let mut filters = f.clone();
            toggle_string(&mut filters.only_sources, &source.id);
            actions.push(Action::Explore(ExploreAction::SetFilters(filters)));
        }
    });
}

fn toggle_string(list: &mut Vec<String>, id: &str) {
    match list.iter().position(|x| x == id) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(id.to_owned()),
    }
}

fn focus_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    use crate::app::commands::Command;
    let data = &state.doc.data;
    match &state.explore.view.focus {
        None => {
            ui.label(
                RichText::new("Select an actor, then press N to see only its neighbourhood.")
                    .weak(),
            );
        }
        Some(focus) => {
            ui.label(format!("Around {}", data.actor_name(&focus.actor)));
            ui.horizontal(|ui| {
                ui.label("Ties away:");
                for depth in 1..=3u8 {
                    if ui
                        .selectable_label(focus.depth == depth, depth.to_string())
                        .clicked()
                    {
                        let mut f = focus.clone();
                        f.depth = depth;
                        actions.push(Action::Explore(ExploreAction::SetFocus(Some(f))));
                    }
                }
            });
            ui.horizontal(|ui| {
                for direction in Direction::ALL {
                    if ui
                        .selectable_label(focus.direction == direction, direction.label())
                        .clicked()
                    {
                        actions.push(Action::Explore(ExploreAction::FocusDirection(direction)));
                    }
                }
            });
        }
    }
    let command = Command::FocusSelected;
    let button = ui
        .add_enabled(
            command.is_enabled(state),
            egui::Button::new(command.label()),
        )
        .on_hover_text(command.tooltip(ui.ctx()));
    if button.clicked() {
        actions.push(command.action());
    }
}
