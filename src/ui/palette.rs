//! The command palette (Ctrl+Shift+P or Ctrl+K): a text field that finds any command by a few
//! letters, a list of the matches, and the keyboard to pick one. It reads `Command` only.

use crate::app::ViewAction;
use egui::{Align2, Button, Id, Key, Modifiers, RichText, ScrollArea, TextEdit, Ui};

use crate::app::commands::{matching, Command};
use crate::app::{Action, AppState};

/// What the palette remembers between frames while it is open; dropped when it closes.
#[derive(Clone, Default)]
struct PaletteMemory {
    query: String,
    highlight: usize,
    /// The highlight moved by key this frame: scroll it into view.
    moved: bool,
}

/// The keys the palette reads before its text field sees them.
#[derive(Default)]
struct PaletteKeys {
    up: usize,
    down: usize,
    enter: bool,
    close: bool,
}

fn read_keys(ctx: &egui::Context) -> PaletteKeys {
    let close_by_shortcut = Command::CommandPalette.consume_keys(ctx);
    ctx.input_mut(|i| PaletteKeys {
        up: i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
        down: i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
        enter: i.consume_key(Modifiers::NONE, Key::Enter),
        close: i.consume_key(Modifiers::NONE, Key::Escape) || close_by_shortcut,
    })
}

pub fn palette_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let ctx = ui.ctx().clone();
    let id = Id::new("command-palette");
    if !state.palette_open {
        ctx.data_mut(|d| d.remove_temp::<PaletteMemory>(id));
        return;
    }
    let mut memory: PaletteMemory = ctx.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let keys = read_keys(&ctx);
    let mut found = matching(&memory.query);
    let last = found.len().saturating_sub(1);
    memory.moved = keys.up + keys.down > 0;
    memory.highlight = (memory.highlight + keys.down)
        .saturating_sub(keys.up)
        .min(last);
    // Enter runs the highlighted command, if it is enabled; a disabled one does nothing.
    let mut run = found
        .get(memory.highlight)
        .filter(|c| keys.enter && c.is_enabled(state))
        .copied();

    let area = egui::Modal::default_area(id).anchor(Align2::CENTER_TOP, egui::vec2(0.0, 80.0));
    let modal = egui::Modal::new(id).area(area).show(&ctx, |ui| {
        ui.set_width(560.0);
        let field = TextEdit::singleline(&mut memory.query)
            .hint_text("Type a command…")
            .desired_width(f32::INFINITY);
        let response = ui.add(field);
        response.request_focus();
        if response.changed() {
            memory.highlight = 0;
            found = matching(&memory.query);
        }
        ui.separator();
        if found.is_empty() {
            ui.label(RichText::new("No command matches.").weak());
        }
        ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            for (i, &command) in found.iter().enumerate() {
                let highlighted = i == memory.highlight;
                let row = command_row_ui(ui, state, command, highlighted);
                if highlighted && memory.moved {
                    row.scroll_to_me(None);
                }
                if row.clicked() {
                    run = Some(command);
                }
            }
        });
    });
    let close = keys.close || run.is_some() || modal.backdrop_response.clicked();
    if close {
        actions.push(Action::View(ViewAction::ClosePalette));
        ctx.data_mut(|d| d.remove_temp::<PaletteMemory>(id));
    } else {
        ctx.data_mut(|d| d.insert_temp(id, memory));
    }
    if let Some(command) = run {
        actions.push(command.action());
    }
}

/// One row: the label, the description in weak text, and the shortcut at the right; greyed
/// out and not clickable when the command is disabled.
fn command_row_ui(
    ui: &mut Ui,
    state: &AppState,
    command: Command,
    highlighted: bool,
) -> egui::Response {
    let text = (
        RichText::new(command.label()),
        RichText::new(format!("  {}", command.description())).weak(),
    );
    let keys = command.shortcut_text(ui.ctx());
    let mut button = Button::selectable(highlighted, text)
        .truncate()
        .min_size(egui::vec2(ui.available_width(), 24.0));
    if !keys.is_empty() {
        button = button.right_text(RichText::new(keys).weak());
    }
    ui.add_enabled(command.is_enabled(state), button)
}
