//! UI tests of the path field: Enter submits it.

use egui::Key;
use egui_kittest::kittest::Queryable;

use crate::common::{app, data, file_menu, AppHarness};

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
