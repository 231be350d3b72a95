//! The status bar's note of what the map hides: "3 actors and 7 ties hidden", with one click
//! to show them all again. Shown only while something is hidden.

use egui::{RichText, Ui};

use crate::app::commands::Command;
use crate::app::{Action, AppState};

pub fn hidden_count_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let (actors, ties) = state.visibility.hidden_counts();
    if actors == 0 && ties == 0 {
        return;
    }
    ui.separator();
    ui.label(RichText::new(hidden_text(actors, ties)).color(ui.visuals().warn_fg_color));
    // What the user hid by hand, then what explore hides: each with its own way back.
    for (command, text) in [
        (Command::ShowHidden, "Show all"),
        (Command::ClearFilters, "Clear filters"),
    ] {
        if command.is_enabled(state) {
            let button = ui.button(text).on_hover_text(command.tooltip(ui.ctx()));
            if button.clicked() {
                actions.push(command.action());
            }
        }
    }
}

/// "1 actor and 3 ties hidden", "2 ties hidden".
pub fn hidden_text(actors: usize, ties: usize) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (actors, ties) {
        (0, t) => format!("{} hidden", count(t, "tie", "ties")),
        (a, 0) => format!("{} hidden", count(a, "actor", "actors")),
        (a, t) => format!(
            "{} and {} hidden",
            count(a, "actor", "actors"),
            count(t, "tie", "ties")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::hidden_text;

    #[test]
    fn counts_read_as_english() {
        assert_eq!(hidden_text(1, 3), "1 actor and 3 ties hidden");
        assert_eq!(hidden_text(0, 1), "1 tie hidden");
        assert_eq!(hidden_text(2, 0), "2 actors hidden");
    }
}
