//! The menu bar and toolbar. Every item is a `Command`, which gives its label, shortcut,
//! tooltip and whether it is enabled; nothing here changes state.

use crate::app::{FileAction, SelectionAction};
use egui::{Button, Ui};

use crate::app::commands::Command;
use crate::app::{Action, AppState};

/// A menu item for a command: its label (or `label`), its shortcut, its description on hover,
/// greyed out when disabled. Clicking it pushes the command's action and closes the menu.
fn command_item(
    ui: &mut Ui,
    state: &AppState,
    command: Command,
    label: Option<String>,
    actions: &mut Vec<Action>,
) {
    let label = label.unwrap_or_else(|| command.label().to_owned());
    let keys = command.shortcut_text(ui.ctx());
    let mut button = Button::new(label);
    if !keys.is_empty() {
        button = button.shortcut_text(keys);
    }
    let clicked = ui
        .add_enabled(command.is_enabled(state), button)
        .on_hover_text(command.description())
        .clicked();
    if clicked {
        actions.push(command.action());
        ui.close();
    }
}

/// Menu items for these commands, in order.
fn command_items(ui: &mut Ui, state: &AppState, commands: &[Command], actions: &mut Vec<Action>) {
    for &command in commands {
        command_item(ui, state, command, None, actions);
    }
}

pub fn menu_bar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, state, actions));
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, state, actions));
        ui.menu_button("Layout", |ui| layout_menu_ui(ui, state, actions));
        ui.menu_button("Explore", |ui| explore_menu_ui(ui, state, actions));
        ui.menu_button("View", |ui| {
            use Command::*;
            command_items(ui, state, &[FitView, ZoomIn, ZoomOut], actions);
            ui.separator();
            command_items(ui, state, &[HideSelected, ShowHidden], actions);
            ui.separator();
            command_items(ui, state, &[CommandPalette], actions);
            ui.separator();
            theme_items(ui, state, actions);
        });
        ui.separator();
        toolbar_ui(ui, state, actions);
    });
}

/// Dark, Light and Follow the system as radio items, the chosen one marked. Each is a theme
/// command, so the palette offers the same choices.
fn theme_items(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.label(egui::RichText::new("Theme").weak());
    for (command, label) in [
        (Command::ThemeDark, "Dark"),
        (Command::ThemeLight, "Light"),
        (Command::ThemeSystem, "Follow the system"),
    ] {
        let chosen = command.theme() == Some(state.theme);
        let clicked = ui
            .radio(chosen, label)
            .on_hover_text(command.description())
            .clicked();
        if clicked {
            actions.push(command.action());
            ui.close();
        }
    }
}

fn file_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    use Command::*;
    command_items(ui, state, &[New, Open], actions);
    ui.menu_button("Open recent", |ui| recent_menu_ui(ui, state, actions));
    command_items(ui, state, &[OpenSample], actions);
    ui.separator();
    command_items(ui, state, &[Import, Export, ExportPicture], actions);
    ui.separator();
    command_items(ui, state, &[IngestArticle], actions);
    ui.separator();
    command_items(ui, state, &[Save, SaveAs], actions);
    ui.separator();
    command_items(ui, state, &[DocumentProperties], actions);
    ui.separator();
    command_items(ui, state, &[Quit], actions);
}

fn recent_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
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
            let open = crate::app::Guarded::OpenPath(path.clone());
            actions.push(Action::File(FileAction::Request(open)));
            ui.close();
        }
    }
    if !state.recent.is_empty() {
        ui.separator();
        command_item(ui, state, Command::ClearRecent, None, actions);
    }
}

fn edit_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    use Command::*;
    let history = &state.doc.history;
    let undo = history.undo_label().map(|l| format!("Undo {l}"));
    command_item(ui, state, Undo, undo, actions);
    let redo = history.redo_label().map(|l| format!("Redo {l}"));
    command_item(ui, state, Redo, redo, actions);
    ui.separator();
    command_items(
        ui,
        state,
        &[AddActor, DeleteSelection, ClearSelection],
        actions,
    );
    ui.separator();
    command_items(
        ui,
        state,
        &[FindDuplicates, AddSource, ReviewCandidates],
        actions,
    );
    ui.menu_button("Read source", |ui| {
        for s in &state.doc.data.sources {
            if ui.button(&s.title).clicked() {
                actions.push(Action::Selection(SelectionAction::OpenSource(
                    s.id.as_str().into(),
                )));
                ui.close();
            }
        }
    });
}

fn layout_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    use Command::*;
    command_item(ui, state, ForceLayout, None, actions);
    // Pause and Resume share a place: whichever applies is shown.
    let paused = ResumeLayout.is_enabled(state);
    command_item(
        ui,
        state,
        if paused { ResumeLayout } else { PauseLayout },
        None,
        actions,
    );
    command_items(ui, state, &[StopLayout, CancelLayout], actions);
    ui.separator();
    command_items(
        ui,
        state,
        &[CircularLayout, GroupedLayout, SpreadSelected],
        actions,
    );
}

/// Search, filters, focus, paths, the timeline, measures and saved views.
fn explore_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    use Command::*;
    command_items(ui, state, &[Search, ExplorePanel, ClearFilters], actions);
    ui.separator();
    command_items(
        ui,
        state,
        &[FocusSelected, FocusDeeper, FocusShallower],
        actions,
    );
    ui.separator();
    command_items(ui, state, &[FindPaths, PlayTimeline], actions);
    ui.separator();
    command_items(
        ui,
        state,
        &[
            MeasureDegree,
            MeasureWeightedDegree,
            MeasureBetweenness,
            MeasurePageRank,
            ColourCommunities,
        ],
        actions,
    );
    ui.separator();
    command_items(ui, state, &[SaveView], actions);
    ui.menu_button("Open view", |ui| {
        if state.doc.data.views.is_empty() {
            ui.label("No saved view");
        }
        for (i, view) in state.doc.data.views.iter().enumerate() {
            if ui.button(&view.name).clicked() {
                let open = crate::app::explore::ExploreAction::OpenView(i);
                actions.push(Action::Explore(open));
                ui.close();
            }
        }
    });
}

/// The toolbar: short buttons whose tooltips give the command's description and shortcut.
fn toolbar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let mut tool = |ui: &mut Ui, text: &str, command: Command| {
        let tip = command.tooltip(ui.ctx());
        let button = ui.add_enabled(command.is_enabled(state), Button::new(text));
        if button.on_hover_text(tip).clicked() {
            actions.push(command.action());
        }
    };
    tool(ui, "Fit", Command::FitView);
    tool(ui, " + ", Command::ZoomIn);
    tool(ui, " − ", Command::ZoomOut);
    ui.separator();
    tool(ui, "Add actor", Command::AddActor);
    ui.separator();
    tool(ui, "Search", Command::Search);
    tool(ui, "Filters", Command::ExplorePanel);
    tool(ui, "Paths", Command::FindPaths);
}
