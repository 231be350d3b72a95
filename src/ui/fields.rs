//! Form fields that edit the document: they keep what is being typed in egui's memory and hand
//! back the new value once, when the user commits it (Enter or leaving the field).

use egui::{Id, Ui};

/// A single-line text field showing `current`; returns the new text when the user commits a change.
pub fn text_field(ui: &mut Ui, id: Id, current: &str, hint: &str) -> Option<String> {
    edit_text(ui, id, current, hint, false)
}

/// A single-line text field that takes the keyboard once, with its text selected, so that
/// typing replaces it (a new actor's name); while it is shown this way in every frame after
/// that, it is a plain [`text_field`]. Shown this way again after a frame without it (another
/// new actor that gets the same id as one named before), it takes the keyboard again.
pub fn text_field_taking_focus(ui: &mut Ui, id: Id, current: &str, hint: &str) -> Option<String> {
    let shown_in = id.with("taking-focus-shown-in");
    let pass = ui.ctx().cumulative_pass_nr();
    let last = ui.data(|d| d.get_temp::<u64>(shown_in));
    ui.data_mut(|d| d.insert_temp(shown_in, pass));
    if last.is_none_or(|last| last + 1 < pass) {
        return edit_text_focused(ui, id, current, hint, false, true);
    }
    edit_text(ui, id, current, hint, false)
}

/// A multi-line text field; committed when it loses focus.
pub fn text_area(ui: &mut Ui, id: Id, current: &str, hint: &str) -> Option<String> {
    edit_text(ui, id, current, hint, true)
}

fn edit_text(ui: &mut Ui, id: Id, current: &str, hint: &str, multiline: bool) -> Option<String> {
    edit_text_focused(ui, id, current, hint, multiline, false)
}

fn edit_text_focused(
    ui: &mut Ui,
    id: Id,
    current: &str,
    hint: &str,
    multiline: bool,
    take_focus: bool,
) -> Option<String> {
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| current.to_owned());
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let response = ui.add(edit.id(id).hint_text(hint).desired_width(f32::INFINITY));
    if take_focus {
        response.request_focus();
        // Everything selected, so that typing replaces it.
        let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        );
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), id);
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
        return None;
    }
    ui.data_mut(|d| d.remove::<String>(id));
    (response.lost_focus() && text != current).then_some(text)
}

/// A drop-down of `options`; returns the chosen one when it differs from `current`.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: Id,
    current: T,
    options: &[T],
    label: impl Fn(T) -> &'static str,
) -> Option<T> {
    let mut chosen = current;
    egui::ComboBox::from_id_salt(id)
        .selected_text(label(current))
        .show_ui(ui, |ui| {
            for &option in options {
                ui.selectable_value(&mut chosen, option, label(option));
            }
        });
    (chosen != current).then_some(chosen)
}
