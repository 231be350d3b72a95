//! The tie panel keeps its controls where they are when values change: setting a label or a
//! certainty moves nothing below them.

use egui::{Key, Rect};
use egui_kittest::kittest::Queryable;
use relmap::app::{Action, EditAction, Selection, SelectionAction};
use relmap::edit::Edit;
use relmap::model::Certainty;

use super::common::{app, AppHarness};

/// Where the tie panel's controls are, by label.
fn places(h: &AppHarness, labels: &[&str]) -> Vec<Rect> {
    labels
        .iter()
        .map(|l| h.get_all_by_label_contains(l).next().unwrap().rect())
        .collect()
}

#[test]
fn setting_a_label_or_a_certainty_moves_no_control() {
    let mut h = app(None);
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    // A tie with no label and an excerpt whose certainty and attribution are not set.
    let mut tie = data.ties[0].clone();
    tie.label.clear();
    tie.excerpts[0].certainty = None;
    tie.excerpts[0].attributed_to = None;
    h.state_mut().push_actions([
        Action::Edit(EditAction::Apply(Edit::UpdateTie { tie: tie.clone() })),
        Action::Selection(SelectionAction::Select(Selection::Tie(tie.id.clone()))),
    ]);
    h.run_steps(2);
    h.get_by_label("Edit tie").click();
    h.run_steps(3);
    let controls = [
        "Delete tie",
        "Reverse direction",
        "Remove excerpt",
        "Read in article",
    ];
    let before = places(&h, &controls);

    let index = tie
        .excerpts
        .iter()
        .position(|x| x.certainty.is_none())
        .unwrap();
    let mut changed = tie.clone();
    changed.label = "signed a port contract".into();
    changed.excerpts[index].certainty = Some(Certainty::Reported);
    changed.excerpts[index].attributed_to = Some("kcna".into());
    h.state_mut()
        .push_actions([Action::Edit(EditAction::Apply(Edit::UpdateTie {
            tie: changed,
        }))]);
    h.run_steps(3);
    h.get_by_label("signed a port contract");
    let after = places(&h, &controls);
    for ((label, a), b) in controls.iter().zip(&before).zip(&after) {
        assert!(
            (a.min - b.min).length() < 0.5,
            "{label} moved from {a:?} to {b:?}"
        );
    }
    // Typing in a field of the panel moves nothing either.
    h.key_press(Key::Escape);
    h.run_steps(1);
    assert_eq!(places(&h, &controls), after);
}
