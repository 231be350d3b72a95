//! The searchable picker: a tie's kind is chosen by typing part of it and pressing Enter, with
//! the keyboard only once the picker is open.

use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use relmap::model::TieKind;

use super::common::app;

/// The text of the picker's filter field, while it is open.
fn filter_field(h: &super::common::AppHarness) -> Option<String> {
    h.query_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.accesskit_node().placeholder() == Some("Type to filter"))
        .map(|n| n.value().unwrap_or_default())
}

#[test]
fn a_tie_kind_is_found_by_typing_and_chosen_with_enter() {
    let mut h = app(None);
    let tie = h.state().state.doc.data.ties[0].clone();
    assert_ne!(tie.kind, TieKind::Accusation);
    super::common::edit_tie(&mut h, &tie.id);
    h.get_by_label(&format!("{}  ⏷", tie.kind.label())).click();
    h.run_steps(2);
    // The filter field has the keyboard: no click needed.
    h.event(egui::Event::Text("accu".into()));
    h.run_steps(1);
    assert!(filter_field(&h).is_some_and(|text| text == "accu"));
    h.key_press(Key::Enter);
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    assert_eq!(data.tie(&tie.id).unwrap().kind, TieKind::Accusation);
    assert!(h.state().state.doc.history.undo_label().is_some());
    assert!(filter_field(&h).is_none(), "the picker closed");

    // Down moves past the best match; Escape closes without a change.
    h.get_by_label("accusation  ⏷").click();
    h.run_steps(2);
    h.event(egui::Event::Text("a".into()));
    h.run_steps(1);
    assert!(filter_field(&h).is_some_and(|text| text == "a"));
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(filter_field(&h).is_none());
    let data = &h.state().state.doc.data;
    assert_eq!(data.tie(&tie.id).unwrap().kind, TieKind::Accusation);
}

#[test]
fn a_claim_is_attributed_to_an_actor_by_id_or_to_anyone_as_written() {
    let mut h = app(None);
    let tie = h.state().state.doc.data.ties[0].clone();
    super::common::edit_tie(&mut h, &tie.id);
    let attributed = |h: &super::common::AppHarness| {
        let data = &h.state().state.doc.data;
        data.tie(&tie.id).unwrap().excerpts[0].attributed_to.clone()
    };
    let button = |h: &super::common::AppHarness| {
        let data = &h.state().state.doc.data;
        match attributed(h) {
            None => "not attributed  ⏷".to_owned(),
            Some(who) => format!("by {}  ⏷", data.actor_name(&who)),
        }
    };
    for (typed, expected) in [("lavrov", "lavrov"), ("a UN panel", "a UN panel")] {
        let label = button(&h);
        h.get_all_by_label(&label).next().unwrap().click();
        h.run_steps(2);
        h.event(egui::Event::Text(typed.into()));
        h.run_steps(1);
        h.key_press(Key::Enter);
        h.run_steps(3);
        assert_eq!(attributed(&h).as_deref(), Some(expected));
    }
    h.get_by_label("by a UN panel  ⏷");
}
