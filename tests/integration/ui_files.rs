//! UI tests of opening and saving: bad files, positions kept, unsaved changes asked about.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relmap::sample::sample_dataset;

use crate::common::{actor_pos, app, data, drag, file_menu, submit_path};

#[test]
fn opening_a_bad_file_shows_the_error_and_keeps_the_open_map() {
    let mut h = app(None);
    let bad = data("bad/unknown-actor.relmap.json");
    file_menu(&mut h, "Open…");
    h.get_by_label_contains("Path of the file");
    submit_path(&mut h, &bad, "Open");
    h.get_by_label_contains(&format!("Could not open {}", bad.display()));
    h.get_by_label(&format!(
        "{}: tie 'kim-lavrov': 'to' names unknown actor 'putin'",
        bad.display()
    ));
    assert_eq!(*h.state().state.doc.data, sample_dataset());
    assert_eq!(
        h.state().state.doc.display_name(),
        relmap::sample::SAMPLE_NAME
    );
    h.get_by_label("Dismiss").click();
    h.run_steps(2);
    assert!(h.state().state.notices.is_empty());
}

#[test]
fn a_saved_map_reopens_with_the_positions_it_was_saved_with() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.relmap.json");
    std::fs::copy(data("good/small.relmap.json"), &path).unwrap();
    let mut h = app(Some(path.clone()));
    assert_eq!(h.state().state.doc.display_name(), "map.relmap.json");
    let from = actor_pos(&h, "xi");
    drag(&mut h, from, from + egui::vec2(-40.0, 70.0));
    let moved = h.state().state.doc.data.actor("xi").unwrap().position;
    assert!(h.state().state.doc.is_modified());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    assert!(
        !h.state().state.doc.is_modified(),
        "{:?}",
        h.state().state.notices
    );

    let mut reopened = app(Some(path.clone()));
    assert_eq!(
        reopened
            .state()
            .state
            .doc
            .data
            .actor("xi")
            .unwrap()
            .position,
        moved
    );
    // And through File → Open… in the first window too.
    file_menu(&mut h, "New");
    assert_eq!(h.state().state.doc.data.actors.len(), 0);
    file_menu(&mut h, "Open…");
    submit_path(&mut h, &path, "Open");
    assert_eq!(
        h.state().state.doc.data.actor("xi").unwrap().position,
        moved
    );
    reopened.run_steps(1);
}

#[test]
fn leaving_a_modified_map_asks_first() {
    let mut h = app(None);
    let from = actor_pos(&h, "maxwell");
    drag(&mut h, from, from + egui::vec2(30.0, 30.0));
    assert!(h.state().state.doc.is_modified());
    file_menu(&mut h, "New");
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().state.doc.is_modified());
    assert_eq!(
        h.state().state.doc.data.actors.len(),
        sample_dataset().actors.len()
    );

    file_menu(&mut h, "New");
    h.get_by_label("Don't save").click();
    h.run_steps(2);
    assert_eq!(h.state().state.doc.data.actors.len(), 0);
    h.get_by_label("This map is empty. To start:");
    // Each way to start is a button: adding an actor from there puts one on the map.
    h.get_by_label("Add a source…");
    h.get_by_label("Open the sample");
    h.get_by_label("Add an actor A").click();
    h.run_steps(3);
    assert_eq!(h.state().state.doc.data.actors.len(), 1);
}

#[test]
fn a_failed_save_is_reported_and_the_changes_stay() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None);
    let from = actor_pos(&h, "maxwell");
    drag(&mut h, from, from + egui::vec2(30.0, 30.0));
    file_menu(&mut h, "Save As…");
    let target = dir.path().join("missing-folder").join("map.relmap.json");
    submit_path(&mut h, &target, "Save");
    h.get_by_label("⚠ Could not save");
    assert!(h.state().state.doc.is_modified());
    assert!(!target.exists());
}

#[test]
fn a_large_file_opens_in_the_background_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.relmap.json");
    let big = relmap::generate::generate(4_000, 12_000, 5);
    relmap::io::json::save_file(&path, &big).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() >= relmap::app::loading::BACKGROUND_FROM_BYTES);

    let mut h = app(None);
    file_menu(&mut h, "Open…");
    submit_path(&mut h, &path, "Open");
    // Cancelled: the sample stays.
    assert!(h.state().state.tasks.loading().is_some());
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().state.tasks.loading().is_none());
    assert_eq!(*h.state().state.doc.data, sample_dataset());

    file_menu(&mut h, "Open…");
    submit_path(&mut h, &path, "Open");
    h.get_by_label_contains("Opening");
    crate::common::wait_until(&mut h, |s| s.tasks.loading().is_none());
    assert_eq!(*h.state().state.doc.data, big);
    assert_eq!(h.state().state.doc.display_name(), "large.relmap.json");
}

#[test]
fn a_large_map_saves_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.relmap.json");
    let mut big = relmap::generate::generate(6_000, 15_000, 9);
    for (i, a) in big.actors.iter_mut().enumerate() {
        a.position = Some(relmap::model::Point::new(
            (i % 100) as f64 * 40.0,
            (i / 100) as f64 * 40.0,
        ));
    }
    relmap::io::json::save_file(&path, &big).unwrap();
    let mut h = app(Some(path.clone()));
    crate::common::wait_until(&mut h, |s| s.tasks.loading().is_none());
    assert_eq!(*h.state().state.doc.data, big);
    h.get_by_label("Fit").click();
    h.run_steps(2);
    let from = actor_pos(&h, &big.actors[0].id);
    drag(&mut h, from, from + egui::vec2(30.0, 30.0));
    assert!(h.state().state.doc.is_modified());

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(1);
    assert!(
        h.state().state.tasks.saving().is_some(),
        "a map this size saves in the background"
    );
    h.get_by_label_contains("Saving");
    let saved = h.state().state.doc.data.as_ref().clone();
    let shared = std::sync::Arc::as_ptr(&h.state().state.doc.data);
    // An edit asked for while the save runs waits for it instead of copying the map.
    let held = h.state().state.doc.is_being_written();
    h.get_by_label("Add actor").click();
    h.run_steps(1);
    if held && h.state().state.doc.is_being_written() {
        assert_eq!(h.state().state.doc.data.actors.len(), big.actors.len());
    }
    crate::common::wait_until(&mut h, |s| s.tasks.saving().is_none());
    h.run_steps(2);
    let doc = &h.state().state.doc;
    assert_eq!(
        doc.data.actors.len(),
        big.actors.len() + 1,
        "the edit was applied"
    );
    assert!(doc.is_modified(), "the added actor is not saved yet");
    assert_eq!(
        std::sync::Arc::as_ptr(&doc.data),
        shared,
        "the map was edited in place, never copied"
    );
    let on_disk = relmap::io::json::load_file(&path).unwrap();
    assert_eq!(
        on_disk, saved,
        "the file holds the map as it was when saved"
    );
}
