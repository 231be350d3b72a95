//! The menu bar and toolbar. Every item names its shortcut; nothing here changes state.

use egui::{Button, Ui};

use crate::app::commands::shortcut_text;
use crate::app::{Action, AppState, Guarded};

fn item(ui: &mut Ui, label: &str, enabled: bool) -> bool {
    let shortcut = shortcut_text(ui.ctx(), label);
    let clicked = ui
        .add_enabled(enabled, Button::new(label).shortcut_text(shortcut))
        .clicked();
    if clicked {
        ui.close();
    }
    clicked
}

pub fn menu_bar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if item(ui, "New", true) {
                actions.push(Action::Request(Guarded::New));
            }
            if item(ui, "Open…", true) {
                actions.push(Action::Request(Guarded::OpenDialog));
            }
            ui.menu_button("Open recent", |ui| {
                if state.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in &state.recent {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| path.display().to_string());
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        actions.push(Action::Request(Guarded::OpenPath(path.clone())));
                        ui.close();
                    }
                }
                if !state.recent.is_empty() {
                    ui.separator();
                    if ui.button("Clear recent files").clicked() {
                        actions.push(Action::ClearRecent);
                        ui.close();
                    }
                }
            });
            if item(ui, "Open sample", true) {
                actions.push(Action::Request(Guarded::OpenSample));
            }
            ui.separator();
            if item(ui, "Save", true) {
                actions.push(Action::Save);
            }
            if item(ui, "Save As…", true) {
                actions.push(Action::SaveAsDialog);
            }
            ui.separator();
            if item(ui, "Quit", true) {
                actions.push(Action::Request(Guarded::Quit));
            }
        });
        ui.menu_button("Edit", |ui| {
            let history = &state.doc.history;
            let undo = history
                .undo_label()
                .map_or("Undo".to_owned(), |l| format!("Undo {l}"));
            let redo = history
                .redo_label()
                .map_or("Redo".to_owned(), |l| format!("Redo {l}"));
            let undo_keys = shortcut_text(ui.ctx(), "Undo");
            if ui
                .add_enabled(
                    history.undo_label().is_some(),
                    Button::new(undo).shortcut_text(undo_keys),
                )
                .clicked()
            {
                actions.push(Action::Undo);
                ui.close();
            }
            let redo_keys = shortcut_text(ui.ctx(), "Redo");
            if ui
                .add_enabled(
                    history.redo_label().is_some(),
                    Button::new(redo).shortcut_text(redo_keys),
                )
                .clicked()
            {
                actions.push(Action::Redo);
                ui.close();
            }
            ui.separator();
            if ui
                .add(Button::new("Add actor").shortcut_text("A"))
                .on_hover_text("Or double-click empty space on the map")
                .clicked()
            {
                actions.push(Action::AddActor { at: None });
                ui.close();
            }
            let has_selection = state.selection != crate::app::Selection::None;
            if ui
                .add_enabled(
                    has_selection,
                    Button::new("Delete selection")
                        .shortcut_text(shortcut_text(ui.ctx(), "Delete selection")),
                )
                .clicked()
            {
                actions.push(Action::DeleteSelection);
                ui.close();
            }
            ui.separator();
            if ui.button("Find possible duplicates…").clicked() {
                actions.push(Action::OpenWindow(crate::app::Window::Duplicates));
                ui.close();
            }
            if ui.button("Add source…").clicked() {
                actions.push(Action::OpenWindow(crate::app::Window::AddSource));
                ui.close();
            }
            ui.menu_button("Read source", |ui| {
                for s in &state.doc.data.sources {
                    if ui.button(&s.title).clicked() {
                        actions.push(Action::OpenSource(s.id.clone()));
                        ui.close();
                    }
                }
            });
        });
        ui.menu_button("Layout", |ui| layout_menu_ui(ui, state, actions));
        ui.menu_button("View", |ui| {
            if item(ui, "Fit to view", true) {
                actions.push(Action::FitView);
            }
            if item(ui, "Zoom in", true) {
                actions.push(Action::ZoomBy(1.25));
            }
            if item(ui, "Zoom out", true) {
                actions.push(Action::ZoomBy(0.8));
            }
            ui.separator();
            egui::widgets::global_theme_preference_buttons(ui);
        });
        ui.separator();
        toolbar_ui(ui, actions);
    });
}

fn layout_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    use crate::app::layout_session::QuickLayout;
    let running = state.layout.is_some() || state.quick_layout.is_some();
    let mut entry = |ui: &mut Ui, label: &str, tip: &str, enabled: bool, action: Action| {
        if ui
            .add_enabled(enabled, Button::new(label))
            .on_hover_text(tip)
            .clicked()
        {
            actions.push(action);
            ui.close();
        }
    };
    entry(
        ui,
        "Force layout",
        "Arrange the map by its ties, in the background; pinned actors stay put",
        !running,
        Action::StartLayout,
    );
    let paused = state.layout.as_ref().is_some_and(|l| l.is_paused());
    if paused {
        entry(
            ui,
            "Resume layout",
            "Continue the layout",
            true,
            Action::ResumeLayout,
        );
    } else {
        entry(
            ui,
            "Pause layout",
            "Pause the layout",
            running,
            Action::PauseLayout,
        );
    }
    entry(
        ui,
        "Stop layout",
        "Stop and keep where the layout got to",
        running,
        Action::StopLayout,
    );
    entry(
        ui,
        "Cancel layout",
        "Stop and put every actor back",
        running,
        Action::CancelLayout,
    );
    ui.separator();
    entry(
        ui,
        "Circular",
        "Every actor on one circle",
        !running,
        Action::QuickLayout(QuickLayout::Circular),
    );
    entry(
        ui,
        "Grouped by kind",
        "People, states, organisations and places each in their own cluster",
        !running,
        Action::QuickLayout(QuickLayout::GroupedByKind),
    );
    entry(
        ui,
        "Spread selected",
        "Push the selected actors apart until none overlap",
        !running && state.selection.actor_ids().len() > 1,
        Action::QuickLayout(QuickLayout::SpreadSelected),
    );
}

fn toolbar_ui(ui: &mut Ui, actions: &mut Vec<Action>) {
    let tip = |ui: &Ui, what: &str, label: &str| {
        let keys = shortcut_text(ui.ctx(), label);
        if keys.is_empty() {
            what.to_owned()
        } else {
            format!("{what} ({keys})")
        }
    };
    let fit_tip = tip(ui, "Fit the whole map in view", "Fit to view");
    if ui.button("Fit").on_hover_text(fit_tip).clicked() {
        actions.push(Action::FitView);
    }
    let in_tip = tip(ui, "Zoom in", "Zoom in");
    if ui.button(" + ").on_hover_text(in_tip).clicked() {
        actions.push(Action::ZoomBy(1.25));
    }
    let out_tip = tip(ui, "Zoom out", "Zoom out");
    if ui.button(" − ").on_hover_text(out_tip).clicked() {
        actions.push(Action::ZoomBy(0.8));
    }
    ui.separator();
    if ui
        .button("Add actor")
        .on_hover_text("Add an actor (A, or double-click empty space on the map)")
        .clicked()
    {
        actions.push(Action::AddActor { at: None });
    }
}
