//! UI tests of the command palette: opened from the keyboard, filtered by typing, run with
//! Enter, closed with Escape; disabled commands do not run.

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use relmap::app::commands::Command;
use relmap::app::Selection;
use relmap::sample::sample_dataset;

use crate::common::{actor_pos, app, click_at, drag, palette};

#[test]
fn typing_fit_and_enter_fits_the_view() {
    let mut h = app(None);
    let before = h.state().state.view.fit_serial;
    palette(&mut h, "fit");
    h.key_press(Key::Enter);
    h.run_steps(2);
    let state = &h.state().state;
    assert_eq!(state.view.fit_serial, before + 1);
    assert!(!state.palette_open);
}

#[test]
fn typing_undo_and_enter_undoes_the_last_change() {
    let mut h = app(None);
    let from = actor_pos(&h, "maxwell");
    drag(&mut h, from, from + egui::vec2(40.0, 0.0));
    assert_ne!(*h.state().state.doc.data, sample_dataset());
    palette(&mut h, "undo");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(*h.state().state.doc.data, sample_dataset());
    assert!(!h.state().state.palette_open);
}

#[test]
fn ctrl_k_opens_the_palette_with_every_command_listed() {
    let mut h = app(None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(2);
    assert!(h.state().state.palette_open);
    // Rows show the label, the description and the shortcut ("Ctrl+Shift+S").
    let keys = h.ctx.format_shortcut(&Command::SaveAs.shortcuts()[0]);
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::Button
            && n.label().is_some_and(|l| {
                l.starts_with("Save As…") && l.contains("to a new file") && l.ends_with(&keys)
            })
    });
}

#[test]
fn escape_closes_the_palette_and_keeps_the_selection() {
    let mut h = app(None);
    let pos = actor_pos(&h, "maxwell");
    click_at(&mut h, pos);
    let selected = Selection::Actor("maxwell".into());
    assert_eq!(h.state().state.selection, selected);
    palette(&mut h, "zo");
    h.key_press(Key::Escape);
    h.run_steps(2);
    let state = &h.state().state;
    assert!(!state.palette_open);
    assert_eq!(state.selection, selected, "Escape closed the palette only");
    assert_eq!(state.view.zoom_serial, 0, "nothing ran");
}

#[test]
fn arrow_keys_move_the_highlight_and_enter_runs_it() {
    let mut h = app(None);
    // "zoom" matches "Zoom in" then "Zoom out"; Down stops at the last row.
    palette(&mut h, "zoom");
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowDown);
    h.key_press(Key::Enter);
    h.run_steps(2);
    let view = h.state().state.view;
    assert_eq!((view.zoom_serial, view.zoom_factor), (1, 0.8));
    // Reopened, the highlight starts at the top again; Up stops there.
    palette(&mut h, "zoom");
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowUp);
    h.key_press(Key::ArrowUp);
    h.key_press(Key::Enter);
    h.run_steps(2);
    let view = h.state().state.view;
    assert_eq!((view.zoom_serial, view.zoom_factor), (2, 1.25));
}

#[test]
fn a_disabled_command_is_shown_but_does_not_run() {
    let mut h = app(None);
    palette(&mut h, "delete");
    // Nothing is selected, so "Delete selection" is greyed out.
    let row = h.get_by(|n| {
        n.role() == egui::accesskit::Role::Button
            && n.label().is_some_and(|l| l.starts_with("Delete selection"))
    });
    assert!(row.accesskit_node().is_disabled());
    h.key_press(Key::Enter);
    h.run_steps(2);
    let state = &h.state().state;
    assert_eq!(*state.doc.data, sample_dataset());
    assert!(state.doc.history.undo_label().is_none());
    assert!(state.palette_open, "the palette stays open");
}

#[test]
fn typed_letters_go_to_the_field_not_to_the_map() {
    let mut h = app(None);
    // "a" is the Add actor key on the map; in the palette it is only text.
    palette(&mut h, "a");
    h.key_press(Key::A);
    h.run_steps(2);
    assert_eq!(*h.state().state.doc.data, sample_dataset());
    assert!(h.state().state.palette_open);
}
