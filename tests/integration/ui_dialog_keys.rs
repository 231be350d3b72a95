//! Enter presses a dialog's default button and Escape cancels, in the prompts, the path field,
//! notices and the editing windows.

use egui::Key;
use egui_kittest::kittest::Queryable;
use relmap::app::{Action, ViewAction, Window};
use relmap::sample::sample_dataset;

use super::common::{actor_pos, app, drag, file_menu};

#[test]
fn escape_cancels_and_enter_saves_in_the_unsaved_changes_prompt() {
    let mut h = app(None);
    let from = actor_pos(&h, "maxwell");
    drag(&mut h, from, from + egui::vec2(30.0, 30.0));
    file_menu(&mut h, "New");
    h.get_by_label("Unsaved changes");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert!(h.state().state.doc.is_modified());
    assert_eq!(
        h.state().state.doc.data.actors.len(),
        sample_dataset().actors.len()
    );

    file_menu(&mut h, "New");
    h.key_press(Key::Enter);
    h.run_steps(3);
    // Save was pressed: the sample has no file yet, so its path is asked for.
    let field = h.state().state.path_field.clone().expect("Save asks where");
    assert_eq!(field.purpose, relmap::app::state::PathPurpose::SaveAs);
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(
        h.state().state.path_field.is_none(),
        "Escape closes the path field"
    );
    assert!(h.state().state.doc.is_modified(), "nothing was lost");
}

#[test]
fn escape_dismisses_the_newest_notice_then_closes_the_newest_window() {
    let mut h = app(None);
    h.state_mut()
        .push_actions([Action::View(ViewAction::OpenWindow(Window::Duplicates))]);
    h.run_steps(2);
    h.state_mut()
        .state
        .error("Something went wrong", vec!["in a test".into()]);
    h.run_steps(2);
    h.get_by_label_contains("Something went wrong");
    // The map has the keyboard: Escape dismisses the notice first.
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().state.notices.is_empty());
    assert_eq!(h.state().state.windows, [Window::Duplicates]);
    // With the keyboard elsewhere, Escape closes the window; with the map's, it clears the
    // selection instead.
    h.ctx
        .memory_mut(|m| m.surrender_focus(relmap::app::commands::map_focus_id()));
    h.run_steps(2);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().state.windows.is_empty());
}

#[test]
fn enter_in_a_field_of_add_source_adds_it() {
    let mut h = app(None);
    h.state_mut()
        .push_actions([Action::View(ViewAction::OpenWindow(Window::AddSource))]);
    h.run_steps(3);
    let sources = h.state().state.doc.data.sources.len();
    let multiline = h.get_by_role(egui::accesskit::Role::MultilineTextInput);
    multiline.focus();
    multiline.type_text("A short article. Ansel met Brandt.");
    h.run_steps(2);
    let title = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the title field");
    title.focus();
    title.type_text("Port deal");
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    assert_eq!(data.sources.len(), sources + 1);
    assert_eq!(data.sources.last().unwrap().title, "Port deal");
}

#[test]
fn the_title_and_description_are_edited_in_document_properties_and_undone() {
    let mut h = app(None);
    super::common::palette(&mut h, "document prop");
    h.key_press(Key::Enter);
    h.run_steps(3);
    h.get_by_label("Document properties");
    let title = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.value().is_some_and(|v| v == sample_dataset().title))
        .expect("the title field");
    title.focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("Assad, Kim and the summit".into()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().state.doc.data.title, "Assad, Kim and the summit");
    assert_eq!(
        h.state().state.doc.data.description,
        sample_dataset().description
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().state.doc.data.title, sample_dataset().title);
}
