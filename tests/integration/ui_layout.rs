//! UI tests of layouts: a run is one undoable edit, and an actor dragged while the layout runs
//! stays where it is dropped.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relmap::sample::sample_dataset;

use crate::common::{actor_pos, app, drag, AppHarness};

fn layout_menu(h: &mut AppHarness, item: &str) {
    h.get_by_label("Layout").click();
    h.run_steps(2);
    h.get_by_label(item).click();
    h.run_steps(2);
}

/// Steps frames until the background layout has ended (it runs on its own thread).
fn wait_for_layout(h: &mut AppHarness) {
    crate::common::wait_until(h, |s| s.tasks.layout().is_none());
}

#[test]
fn a_force_layout_is_one_undoable_edit() {
    let mut h = app(None);
    layout_menu(&mut h, "Force layout");
    wait_for_layout(&mut h);
    let data = h.state().state.doc.data.as_ref().clone();
    assert_ne!(data, sample_dataset());
    assert!(relmap::model::validate(&data).is_empty());
    assert_eq!(
        h.state().state.doc.history.undo_label(),
        Some("force layout")
    );
    // No two actors overlap after the layout.
    for a in &data.actors {
        for b in &data.actors {
            if a.id < b.id {
                let d = a.position.unwrap().distance(b.position.unwrap());
                assert!(
                    d >= 2.0 * 13.0 - 0.5,
                    "'{}' and '{}' overlap ({d})",
                    a.id,
                    b.id
                );
            }
        }
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().state.doc.data, sample_dataset());
}

#[test]
fn an_actor_dragged_while_the_layout_runs_stays_where_it_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("generated.relmap.json");
    let data = relmap::generate::generate(300, 900, 7);
    relmap::io::json::save_file(&path, &data).unwrap();
    let mut h = app(Some(path));

    layout_menu(&mut h, "Force layout");
    h.get_by_label("Pause").click();
    h.run_steps(3);
    assert!(h
        .state()
        .state
        .tasks
        .layout()
        .is_some_and(|l| l.is_paused()));
    // Fit the view to where the layout has got to, so the actor can be grabbed on its own.
    h.get_by_label("Fit").click();
    h.run_steps(2);
    // An actor that is alone under its own centre (the layout may not have spread them yet).
    let map = h.state().map();
    let index = (0..data.actors.len())
        .find(|&i| map.actor_screen_pos(i).and_then(|p| map.actor_at(p)) == Some(i))
        .expect("an actor on its own");
    let id = data.actors[index].id.clone();
    let from = actor_pos(&h, &id);
    drag(&mut h, from, from + egui::vec2(80.0, -60.0));
    let moved_label = format!("move '{}'", data.actors[index].name);
    assert_eq!(
        h.state().state.doc.history.undo_label(),
        Some(moved_label.as_str())
    );
    let dropped = h
        .state()
        .state
        .doc
        .data
        .actor(&id)
        .unwrap()
        .position
        .unwrap();
    h.get_by_label("Resume").click();
    h.run_steps(2);
    wait_for_layout(&mut h);

    let after = h
        .state()
        .state
        .doc
        .data
        .actor(&id)
        .unwrap()
        .position
        .unwrap();
    assert!(
        after.distance(dropped) < 0.5,
        "dropped at {dropped:?}, ended at {after:?}"
    );
    // The others moved.
    let moved = data
        .actors
        .iter()
        .filter(|a| h.state().state.doc.data.actor(&a.id).unwrap().position != a.position)
        .count();
    assert!(moved > 250, "only {moved} actors moved");
}

#[test]
fn quick_layouts_are_single_edits() {
    let mut h = app(None);
    layout_menu(&mut h, "Circular");
    assert_ne!(*h.state().state.doc.data, sample_dataset());
    assert_eq!(
        h.state().state.doc.history.undo_label(),
        Some("circular layout")
    );
    layout_menu(&mut h, "Grouped by kind");
    assert_eq!(
        h.state().state.doc.history.undo_label(),
        Some("layout grouped by kind")
    );
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(2);
    }
    assert_eq!(*h.state().state.doc.data, sample_dataset());
}

#[test]
fn cancelling_a_layout_puts_everything_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("generated.relmap.json");
    relmap::io::json::save_file(&path, &relmap::generate::generate(300, 900, 3)).unwrap();
    let mut h = app(Some(path));
    let before = h.state().state.doc.data.as_ref().clone();
    layout_menu(&mut h, "Force layout");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    wait_for_layout(&mut h);
    assert_eq!(*h.state().state.doc.data, before);
    assert!(!h.state().state.doc.is_modified());
}

#[test]
fn a_quick_layout_of_a_large_map_runs_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.relmap.json");
    let data = relmap::generate::generate(6_000, 12_000, 2);
    relmap::io::json::save_file(&path, &data).unwrap();
    let mut h = app(Some(path));
    crate::common::wait_until(&mut h, |s| s.tasks.loading().is_none());
    assert_eq!(h.state().state.doc.data.actors.len(), 6_000);
    layout_menu(&mut h, "Circular");
    crate::common::wait_until(&mut h, |s| s.tasks.quick_layout().is_none());
    assert_eq!(
        h.state().state.doc.history.undo_label(),
        Some("circular layout")
    );
    assert!(h
        .state()
        .state
        .doc
        .data
        .actors
        .iter()
        .all(|a| a.position.is_some()));
}
