//! UI tests of finding and merging what is one: possible duplicates (found in the background,
//! merged, marked as not the same) and two ties combined.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relmap::app::duplicates::search_key;
use relmap::app::Selection;
use relmap::sample::sample_dataset;

use crate::common::{app, click_at, tie_pos};

/// Adds "Kim Jong Un" beside the sample's Kim Jong-un: one pair of possible duplicates.
fn add_kim_twin(h: &mut crate::common::AppHarness) {
    let mut twin = sample_dataset().actor("kim").unwrap().clone();
    twin.id = "kim-2".into();
    twin.name = "Kim Jong Un".into();
    twin.aliases.clear();
    twin.position = Some(relmap::model::Point::new(300.0, 300.0));
    let insert = relmap::edit::Edit::InsertActor {
        index: 39,
        actor: twin,
    };
    h.state_mut().state.doc.apply(insert).unwrap();
}

#[test]
fn possible_duplicates_are_found_in_the_background_and_merged() {
    let mut h = app(None);
    add_kim_twin(&mut h);
    h.run_steps(2);
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::Button
            && n.label()
                .is_some_and(|l| l.starts_with("Find possible duplicates"))
    })
    .click();
    h.run_steps(2);
    crate::common::wait_until(&mut h, |s| {
        s.tasks.duplicates().is_some_and(|d| d.found.is_some())
    });
    h.run_steps(2);
    let found = h.state().state.tasks.duplicates().unwrap().found.clone();
    assert_eq!(
        found.map(|f| f.map(|pairs| pairs.len())),
        Some(Ok(1)),
        "one pair: Kim Jong-un and Kim Jong Un"
    );
    h.get_by_label("Merge into “Kim Jong-un”").click();
    h.run_steps(1);
    crate::common::wait_until(&mut h, |s| s.tasks.merging().is_none());
    let data = &h.state().state.doc.data;
    assert_eq!(data.actors.len(), 39);
    let kim = data.actor("kim").unwrap();
    assert!(
        kim.aliases.iter().any(|a| a == "Kim Jong Un"),
        "{:?}",
        kim.aliases
    );
    // The map changed: a new search runs and finds nothing left to merge.
    crate::common::wait_until(&mut h, |s| {
        s.tasks
            .duplicates()
            .is_some_and(|d| d.generation == search_key(&s.doc) && d.found.is_some())
    });
    h.run_steps(2);
    h.get_by_label("No two actors have names that match closely.");
}

#[test]
fn a_pair_marked_not_the_same_is_not_proposed_again_until_undone() {
    let mut h = app(None);
    add_kim_twin(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().act(
        relmap::app::Action::View(relmap::app::ViewAction::OpenWindow(
            relmap::app::Window::Duplicates,
        )),
        &ctx,
    );
    let searched = |s: &relmap::app::AppState| {
        s.tasks
            .duplicates()
            .is_some_and(|d| d.generation == search_key(&s.doc) && d.found.is_some())
    };
    crate::common::wait_until(&mut h, searched);
    h.get_by_label("Not the same").click();
    h.run_steps(1);
    crate::common::wait_until(&mut h, searched);
    h.get_by_label("No two actors have names that match closely.");
    let data = &h.state().state.doc.data;
    assert_eq!(
        data.not_duplicates,
        [["kim".to_owned(), "kim-2".to_owned()]]
    );
    assert_eq!(data.actors.len(), 40, "both stay");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(1);
    crate::common::wait_until(&mut h, searched);
    h.get_by_label("Not the same");
}

#[test]
fn two_ties_selected_with_shift_click_are_combined_into_one() {
    let mut h = app(None);
    let data = sample_dataset();
    // Two ties between the same two actors.
    let (first, second) = data
        .ties
        .iter()
        .enumerate()
        .find_map(|(i, a)| {
            data.ties[i + 1..]
                .iter()
                .find(|b| (a.from == b.from && a.to == b.to) || (a.from == b.to && a.to == b.from))
                .map(|b| (a.clone(), b.clone()))
        })
        .expect("the sample has parallel ties");
    let at = tie_pos(&h, &first.id);
    click_at(&mut h, at);
    assert_eq!(h.state().state.selection, Selection::Tie(first.id.clone()));
    let at = tie_pos(&h, &second.id);
    crate::common::shift_click(&mut h, at);
    assert_eq!(
        h.state().state.second_tie.as_deref(),
        Some(second.id.as_str())
    );
    h.get_by_label("Two ties selected");
    h.get_by_label("Combine the two ties").click();
    h.run_steps(3);
    let after = &h.state().state.doc.data;
    assert!(after.tie(&second.id).is_none());
    let kept = after.tie(&first.id).unwrap();
    for x in first.excerpts.iter().chain(&second.excerpts) {
        assert!(kept
            .excerpts
            .iter()
            .any(|y| y.start == x.start && y.end == x.end));
    }
    assert_eq!(h.state().state.second_tie, None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().state.doc.data, data, "one undo puts both back");
}
