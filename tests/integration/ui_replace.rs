//! Replacing the open document: nothing started on the old document reaches the new one.

use relmap::app::{Action, Guarded};
use relmap::app::{FileAction, LayoutAction, SelectionAction};

use crate::common::{app, data, wait_until};

#[test]
fn a_force_layout_of_the_old_map_never_reaches_the_one_opened_after_it() {
    let path = data("good/small.relmap.json");
    let opened = relmap::io::json::load_file(&path).unwrap();
    for (op, expected) in [
        (Guarded::OpenPath(path.clone()), opened),
        (Guarded::New, relmap::model::Dataset::default()),
    ] {
        let mut h = app(None);
        h.state_mut()
            .push_actions([Action::Layout(LayoutAction::StartLayout { shown: None })]);
        h.run_steps(3);
        assert!(
            h.state().state.tasks.layout().is_some(),
            "the layout did not start"
        );
        h.state_mut()
            .push_actions([Action::File(FileAction::Request(op.clone()))]);
        h.run_steps(2);
        assert!(
            h.state().state.tasks.layout().is_none(),
            "{op:?}: the old layout still runs"
        );
        // Long enough for a layout that was still running to report many times.
        for _ in 0..40 {
            std::thread::sleep(std::time::Duration::from_millis(5));
            h.run_steps(1);
        }
        let state = &h.state().state;
        assert_eq!(*state.doc.data, expected, "{op:?}: the new map was changed");
        assert!(!state.doc.is_modified(), "{op:?}");
        assert_eq!(state.doc.history.revision(), 0, "{op:?}");
    }
}

#[test]
fn a_save_of_the_old_map_that_ends_later_marks_nothing_on_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.relmap.json");
    // Large enough to be saved in the background.
    let big = relmap::generate::generate(6_000, 15_000, 3);
    relmap::io::json::save_file(&path, &big).unwrap();
    let mut h = app(Some(path.clone()));
    wait_until(&mut h, |s| s.tasks.loading().is_none());
    assert_eq!(h.state().state.doc.data.actors.len(), 6_000);

    h.state_mut().push_actions([
        Action::File(FileAction::SaveTo(path.clone())),
        Action::File(FileAction::Request(Guarded::New)),
    ]);
    h.run_steps(1);
    assert_eq!(h.state().state.doc.data.actors.len(), 0, "New did not run");
    wait_until(&mut h, |s| s.tasks.saving().is_none());
    let state = &h.state().state;
    // Before, the finished save marked the new, empty map as saved to the old map's file.
    assert_eq!(state.doc.path, None);
    assert_eq!(state.doc.display_name(), "Untitled");
    assert!(state.notices.is_empty(), "{:?}", state.notices);
    assert_eq!(relmap::io::json::load_file(&path).unwrap(), big);
}

#[test]
fn every_way_of_replacing_the_map_resets_the_selection_and_the_reader() {
    for op in [Guarded::New, Guarded::OpenSample] {
        let mut h = app(None);
        h.state_mut()
            .push_actions([Action::Selection(SelectionAction::ReadInArticle {
                tie: "assad-visit-kim".into(),
                excerpt: 0,
            })]);
        h.run_steps(2);
        assert!(h.state().state.reader.is_some());
        h.state_mut()
            .push_actions([Action::File(FileAction::Request(op.clone()))]);
        h.run_steps(2);
        let state = &h.state().state;
        assert!(state.reader.is_none(), "{op:?} kept the reader");
        assert_eq!(
            state.selection,
            relmap::app::Selection::None,
            "{op:?} kept the selection"
        );
    }
}
