//! The keyboard shortcuts and their labels, in one list that feeds menus, tooltips and key handling.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::action::{Action, Guarded};

/// A command with a shortcut: what it does, its label and its keys.
pub struct Shortcut {
    pub label: &'static str,
    pub keys: KeyboardShortcut,
    pub action: fn() -> Action,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Every shortcut of the app. Longer modifier sets come first, so Ctrl+Shift+S is not read as Ctrl+S.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        label: "Save As…",
        keys: KeyboardShortcut::new(CTRL_SHIFT, Key::S),
        action: || Action::SaveAsDialog,
    },
    Shortcut {
        label: "Redo",
        keys: KeyboardShortcut::new(CTRL_SHIFT, Key::Z),
        action: || Action::Redo,
    },
    Shortcut {
        label: "New",
        keys: KeyboardShortcut::new(CTRL, Key::N),
        action: || Action::Request(Guarded::New),
    },
    Shortcut {
        label: "Open…",
        keys: KeyboardShortcut::new(CTRL, Key::O),
        action: || Action::Request(Guarded::OpenDialog),
    },
    Shortcut {
        label: "Save",
        keys: KeyboardShortcut::new(CTRL, Key::S),
        action: || Action::Save,
    },
    Shortcut {
        label: "Quit",
        keys: KeyboardShortcut::new(CTRL, Key::Q),
        action: || Action::Request(Guarded::Quit),
    },
    Shortcut {
        label: "Undo",
        keys: KeyboardShortcut::new(CTRL, Key::Z),
        action: || Action::Undo,
    },
    Shortcut {
        label: "Redo",
        keys: KeyboardShortcut::new(CTRL, Key::Y),
        action: || Action::Redo,
    },
];

/// Shortcuts that only apply when no text field has focus (plain keys).
pub const MAP_KEYS: &[Shortcut] = &[
    Shortcut {
        label: "Fit to view",
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::F),
        action: || Action::FitView,
    },
    Shortcut {
        label: "Fit to view",
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::Home),
        action: || Action::FitView,
    },
    Shortcut {
        label: "Zoom in",
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::Plus),
        action: || Action::ZoomBy(1.25),
    },
    Shortcut {
        label: "Zoom in",
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::Equals),
        action: || Action::ZoomBy(1.25),
    },
    Shortcut {
        label: "Zoom out",
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::Minus),
        action: || Action::ZoomBy(0.8),
    },
    Shortcut {
        label: "Delete selection",
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::Delete),
        action: || Action::DeleteSelection,
    },
    Shortcut {
        label: "Clear selection",
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::Escape),
        action: || Action::Select(super::action::Selection::None),
    },
];

/// The shortcut text for a label, for menus and tooltips ("Ctrl+S").
pub fn shortcut_text(ctx: &egui::Context, label: &str) -> String {
    SHORTCUTS
        .iter()
        .chain(MAP_KEYS)
        .find(|s| s.label == label)
        .map(|s| ctx.format_shortcut(&s.keys))
        .unwrap_or_default()
}

/// Reads the shortcuts pressed this frame and turns them into actions.
pub fn collect_shortcut_actions(ctx: &egui::Context, actions: &mut Vec<Action>) {
    ctx.input_mut(|input| {
        for s in SHORTCUTS {
            if input.consume_shortcut(&s.keys) {
                actions.push((s.action)());
            }
        }
    });
    if ctx.text_edit_focused() {
        return;
    }
    ctx.input_mut(|input| {
        for s in MAP_KEYS {
            if input.consume_shortcut(&s.keys) {
                actions.push((s.action)());
            }
        }
    });
}
