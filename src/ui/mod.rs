//! Views: one file per panel. Each reads the app state and pushes actions; none changes state.

pub mod actor_panel;
pub mod article_reader;
pub mod dialogs;
pub mod edit_windows;
pub mod explore_panel;
pub mod fields;
pub mod filter_chips;
pub mod hidden_count;
pub mod import_dialogs;
pub mod legend;
pub mod map;
pub mod measures_panel;
pub mod menus;
pub mod new_tie_window;
pub mod palette;
pub mod path_panel;
pub mod picker;
pub mod picture_window;
pub mod reader_text;
pub mod review_edit;
pub mod review_panel;
pub mod saved_views;
pub mod search_window;
pub mod status_bar;
pub mod theme;
pub mod tie_edit;
pub mod tie_panel;
pub mod timeline_panel;

use egui::{Panel, RichText, Ui};

use crate::app::{Action, AppState, Selection};
use map::MapView;

/// Draws one whole frame: menus, status bar, side panels, the map and any dialogs.
pub fn frame_ui(ui: &mut Ui, state: &AppState, map: &mut MapView, actions: &mut Vec<Action>) {
    // The panels read the map's cache (tie counts), so it catches up with the document first,
    // once for the whole frame.
    map.sync(state);
    Panel::top("menu-bar").show(ui, |ui| menus::menu_bar_ui(ui, state, actions));
    Panel::bottom("status-bar").show(ui, |ui| status_bar::status_bar_ui(ui, state, actions));
    Panel::right("selection-panel")
        .resizable(true)
        .default_size(340.0)
        .min_size(260.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("selection-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| selection_ui(ui, state, map, actions));
        });
    if state.explore.panel_open {
        Panel::left("explore-panel")
            .resizable(true)
            .default_size(300.0)
            .min_size(240.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("explore-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| explore_panel::explore_panel_ui(ui, state, actions));
            });
    }
    if let Some(reader) = &state.reader {
        Panel::right("article-reader")
            .resizable(true)
            .default_size(400.0)
            .min_size(260.0)
            .show(ui, |ui| {
                let quotes = article_reader::candidate_quotes(
                    ui.ctx(),
                    &state.doc.data,
                    state.doc.generation(),
                    &reader.source,
                );
                article_reader::article_reader_ui(
                    ui,
                    &state.doc.data,
                    reader,
                    &state.selection,
                    &quotes,
                    actions,
                )
            });
    }
    if state.review_open {
        Panel::right("review-panel")
            .resizable(true)
            .default_size(360.0)
            .min_size(260.0)
            .max_size(520.0)
            .show(ui, |ui| review_panel::review_panel_ui(ui, state, actions));
    }
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(theme::map_background(ui.visuals())))
        .show(ui, |ui| {
            map.ui(ui, state, actions);
            // The legend floats in the map's bottom-left corner, kept inside the map so that it
            // never covers the panels beside it.
            let corner = map.rect.left_bottom() + egui::vec2(10.0, -10.0);
            let max_width = (map.rect.width() - 40.0).max(120.0);
            egui::Area::new(egui::Id::new("legend"))
                .fixed_pos(corner)
                .pivot(egui::Align2::LEFT_BOTTOM)
                .constrain_to(map.rect)
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(max_width);
                        legend::legend_ui(ui, state, actions);
                    });
                });
            egui::Area::new(egui::Id::new("filter-chips"))
                .fixed_pos(map.rect.left_top() + egui::vec2(10.0, 8.0))
                .constrain_to(map.rect)
                .show(ui.ctx(), |ui| {
                    ui.set_max_width(max_width);
                    filter_chips::filter_chips_ui(ui, state, actions);
                });
        });
    edit_windows::edit_windows_ui(ui, state, actions);
    import_dialogs::import_dialogs_ui(ui, state, actions);
    dialogs::dialogs_ui(ui, state, actions);
    palette::palette_ui(ui, state, actions);
    search_window::search_window_ui(ui, state, actions);
    if state.explore.path_panel_open {
        let mut open = true;
        egui::Window::new("Paths")
            .open(&mut open)
            .default_width(420.0)
            .default_pos(egui::pos2(80.0, 80.0))
            .show(ui.ctx(), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(560.0)
                    .show(ui, |ui| path_panel::path_panel_ui(ui, state, actions));
            });
        if !open {
            actions.push(Action::Explore(
                crate::app::explore::ExploreAction::ClosePathPanel,
            ));
        }
    }
}

fn selection_ui(ui: &mut Ui, state: &AppState, map: &MapView, actions: &mut Vec<Action>) {
    // Actors and ties are found through the dataset's id index; the map gives only the count
    // of ties touching the selection.
    let ties = map.selection_ties();
    let data = &state.doc.data;
    match &state.selection {
        Selection::Tie(id) => {
            if let Some(tie) = data.tie(id) {
                let second = state.second_tie.as_deref().and_then(|id| data.tie(id));
                tie_panel::tie_panel_ui(ui, data, tie, second, actions);
            }
        }
        Selection::Actor(id) => {
            if let Some(actor) = data.actor(id) {
                let context = actor_panel::ActorContext {
                    ties,
                    fresh: state.fresh_actor.as_ref() == Some(id),
                    unnamed: state.placeholder_ids.contains(id),
                    recent: &state.recent_actors,
                };
                actor_panel::actor_panel_ui(ui, data, actor, context, actions);
                if let Some(place) = data.actor_place(id) {
                    measures_panel::actor_measures_ui(ui, state, place);
                }
            }
        }
        Selection::Actors(ids) => {
            let names: Vec<&str> = ids.iter().map(|id| data.actor_name(id)).collect();
            actor_panel::actors_panel_ui(ui, ids, &names, ties, actions)
        }
        Selection::None => empty_selection_ui(ui, state, actions),
    }
}

fn empty_selection_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let data = &state.doc.data;
    if !data.title.is_empty() {
        ui.heading(&data.title);
    }
    if !data.description.is_empty() {
        ui.label(&data.description);
    }
    ui.add_space(8.0);
    if data.actors.is_empty() {
        empty_map_ui(ui, state, actions);
    } else {
        ui.label(RichText::new("Click a tie on the map to read the evidence for it.").strong());
        ui.label("Click an actor to see its profile and all its ties.");
        ui.add_space(6.0);
        ui.label(RichText::new(data.summary()).weak());
    }
}

/// How to start a map: each way as a button with its command's shortcut.
fn empty_map_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    use crate::app::commands::Command;
    ui.label(RichText::new("This map is empty. To start:").strong());
    let ways = [
        (
            Command::AddSource,
            "Add a source…",
            "paste or load an article, then cite its sentences",
        ),
        (
            Command::AddActor,
            "Add an actor",
            "or double-click empty space on the map",
        ),
        (
            Command::Open,
            "Open a file…",
            "or drop a .relmap.json file onto the window",
        ),
        (
            Command::OpenSample,
            "Open the sample",
            "the built-in example",
        ),
    ];
    for (command, label, hint) in ways {
        ui.horizontal_wrapped(|ui| {
            let keys = command.shortcut_text(ui.ctx());
            let mut button = egui::Button::new(label);
            if !keys.is_empty() {
                button = button.shortcut_text(keys);
            }
            if ui.add_enabled(command.is_enabled(state), button).clicked() {
                actions.push(command.action());
            }
            ui.label(RichText::new(hint).weak());
        });
    }
}
