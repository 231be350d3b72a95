//! UI tests of the path field: Enter submits it, and a path chosen after "Don't save" opens
//! without asking about the unsaved changes again.

use egui::Key;
use egui_kittest::kittest::Queryable;

use crate::common::{actor_pos, app, data, drag, file_menu, AppHarness};

/// Types a path into the path field, without pressing anything.
fn type_path(h: &mut AppHarness, path: &std::path::Path) {
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text(&path.display().to_string());
    h.run_steps(2);
}

#[test]
fn enter_in_the_path_field_opens_the_file() {
    let mut h = app(None);
    let path = data("good/small.relmap.json");
    file_menu(&mut h, "Open…");
    type_path(&mut h, &path);
    h.key_press(Key::Enter);
    h.run_steps(4);
    let state = &h.state().state;
    assert_eq!(state.doc.path.as_deref(), Some(path.as_path()));
    assert!(state.path_field.is_none());
    assert!(state.notices.is_empty(), "{:?}", state.notices);
}

#[test]
fn a_path_chosen_after_dont_save_opens_without_asking_again() {
    let mut h = app(None);
    let from = actor_pos(&h, "maxwell");
    drag(&mut h, from, from + egui::vec2(30.0, 30.0));
    assert!(h.state().state.doc.is_modified());
    file_menu(&mut h, "Open…");
    h.get_by_label("Unsaved changes");
    h.get_by_label("Don't save").click();
    h.run_steps(3);
    let path = data("good/small.relmap.json");
    type_path(&mut h, &path);
    h.get_by_label("Open").click();
    h.run_steps(4);
    let state = &h.state().state;
    assert!(state.unsaved_prompt.is_none(), "asked a second time");
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert_eq!(state.doc.path.as_deref(), Some(path.as_path()));
    assert!(!state.doc.is_modified());
}
