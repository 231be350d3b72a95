//! Turns the keys pressed this frame into the actions of the commands they belong to.

use egui::{KeyboardShortcut, Modifiers};

use super::Command;
use crate::app::action::{Action, FileAction, ViewAction};
use crate::app::state::AppState;

/// Every command's shortcuts, those with more modifiers first, so that Ctrl+Shift+S is not
/// read as Ctrl+S (egui matches modifiers loosely).
fn shortcuts_in_match_order() -> Vec<(Command, KeyboardShortcut)> {
    let mut all: Vec<(Command, KeyboardShortcut)> = Command::ALL
        .iter()
        .flat_map(|&c| c.shortcuts().iter().map(move |&k| (c, k)))
        .collect();
    let weight = |m: Modifiers| [m.command, m.ctrl, m.mac_cmd, m.shift, m.alt].map(usize::from);
    all.sort_by_key(|(_, k)| std::cmp::Reverse(weight(k.modifiers).iter().sum::<usize>()));
    all
}

/// The id under which the map takes the keyboard focus.
pub fn map_focus_id() -> egui::Id {
    egui::Id::new("relmap-map")
}

/// Whether plain keys are the map's now: it has the keyboard focus, and had it in the last
/// frame too (so a key pressed as focus leaves a text field never reaches the map).
pub fn map_has_keys(ctx: &egui::Context) -> bool {
    let id = map_focus_id();
    ctx.memory(|m| m.has_focus(id) && m.had_focus_last_frame(id))
}

/// Whether a shortcut is a plain key (no Ctrl, Cmd or Alt), which a text field would take.
pub fn is_plain(keys: &KeyboardShortcut) -> bool {
    let m = keys.modifiers;
    !(m.command || m.ctrl || m.mac_cmd || m.alt)
}

/// Reads the shortcuts pressed this frame and pushes the actions of the enabled commands.
/// Plain keys count only while the map has the keyboard (see [`map_has_keys`]); while the
/// palette is open it reads the keys itself. Keys that the map reads (see
/// `Command::keys_read_by_map`) are left to it, under the same rule.
pub fn collect_shortcut_actions(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    // The palette, search and open pickers read their keys themselves.
    if state.palette_open || state.explore.search_open || egui::Popup::is_any_open(ctx) {
        return;
    }
    let plain_keys = map_has_keys(ctx) && !ctx.text_edit_focused() && !state.asks_the_user();
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, egui::Key::Escape)) {
        actions.extend(escape_action(state, plain_keys));
    }
    for (command, keys) in shortcuts_in_match_order() {
        if command.keys_read_by_map() || (!plain_keys && is_plain(&keys)) {
            continue;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&keys)) && command.is_enabled(state) {
            actions.push(command.action());
        }
    }
}

/// What Escape does now, the most pressing first: cancel the question being asked, dismiss
/// the newest notice, close the newest window (unless the map has the keyboard), or clear the
/// selection (if it has). The recovery offer waits for an answer.
pub fn escape_action(state: &AppState, map_has_keys: bool) -> Option<Action> {
    if state.recovery_offer.is_some() {
        return None;
    }
    if state.unsaved_prompt.is_some()
        || state.overwrite_prompt.is_some()
        || state.path_field.is_some()
    {
        return Some(Action::File(FileAction::CancelPrompt));
    }
    if let Some(newest) = state.notices.len().checked_sub(1) {
        return Some(Action::View(ViewAction::DismissNotice(newest)));
    }
    match (map_has_keys, state.windows.last()) {
        (false, Some(window)) => Some(Action::View(ViewAction::CloseWindow(window.clone()))),
        (true, _) if Command::ClearSelection.is_enabled(state) => {
            Some(Command::ClearSelection.action())
        }
        _ => None,
    }
}

impl Command {
    /// Whether one of the command's keys was pressed this frame; takes the key if so.
    pub fn consume_keys(self, ctx: &egui::Context) -> bool {
        self.shortcuts()
            .iter()
            .any(|k| ctx.input_mut(|i| i.consume_shortcut(k)))
    }
}
