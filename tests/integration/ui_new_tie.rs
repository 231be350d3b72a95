//! "New tie from selection…" starts from the actors the selected text names, in the order it
//! names them, and from nothing when it names none; its ends are picked by typing.

use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use relmap::app::{Action, ViewAction, Window};
use relmap::sample::sample_dataset;

use super::common::{app, pick, AppHarness};

fn open_for(h: &mut AppHarness, quote: &str) {
    let text = &sample_dataset().sources[0].text;
    let start = text.find(quote).expect("the quote is in the article");
    let window = Window::NewTieFromSelection {
        source: sample_dataset().sources[0].id.clone().into(),
        start,
        end: start + quote.len(),
    };
    h.state_mut()
        .push_actions([Action::View(ViewAction::OpenWindow(window))]);
    h.run_steps(3);
}

fn create_enabled(h: &AppHarness) -> bool {
    !h.get_by_label("Create tie").accesskit_node().is_disabled()
}

#[test]
fn the_ends_are_the_actors_the_selection_names() {
    let mut h = app(None);
    open_for(
        &mut h,
        "President Bashar al-Assad of Syria plans to visit North Korea’s leader, Kim Jong-un",
    );
    // Assad first, then Syria, then North Korea and Kim: From and To are the first two.
    h.get_by_label("Bashar al-Assad  ⏷");
    h.get_by_label("Syria  ⏷");
    // "visit" suggests the kind, and its polarity.
    h.get_by_label("visit  ⏷");
    h.get_by_label("cooperative");
    assert!(create_enabled(&h));
    h.key_press(Key::Enter);
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    let tie = data.ties.last().unwrap();
    assert_eq!((tie.from.as_str(), tie.to.as_str()), ("assad", "syria"));
    assert_eq!(tie.kind, relmap::model::TieKind::Visit);
    assert_eq!(tie.polarity, relmap::model::Polarity::Cooperative);
    assert!(h.state().state.windows.is_empty(), "the window closed");
}

#[test]
fn a_selection_that_names_no_actor_leaves_the_ends_empty_and_they_can_be_typed() {
    let mut h = app(None);
    open_for(&mut h, "The report, which was not confirmed by");
    assert_eq!(h.get_all_by_label("choose an actor  ⏷").count(), 2);
    h.get_by_label("The selection names no actor on the map.");
    assert!(!create_enabled(&h), "nothing to create yet");

    let ties_before = h.state().state.doc.data.ties.len();
    for typed in ["lavrov", "kim jong"] {
        pick(&mut h, "choose an actor", typed);
    }
    h.get_by_label("Sergey V. Lavrov  ⏷");
    h.get_by_label("Kim Jong-un  ⏷");
    h.get_by_label("Create tie").click();
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    assert_eq!(data.ties.len(), ties_before + 1);
    let tie = data.ties.last().unwrap();
    assert_eq!((tie.from.as_str(), tie.to.as_str()), ("lavrov", "kim"));
}

#[test]
fn each_selection_starts_afresh() {
    let mut h = app(None);
    open_for(&mut h, "Mr. Assad and Mr. Kim have much in common");
    h.get_by_label("Bashar al-Assad  ⏷");
    h.get_by_label("Kim Jong-un  ⏷");
    let window = h.state().state.windows[0].clone();
    h.state_mut()
        .push_actions([Action::View(ViewAction::CloseWindow(window))]);
    h.run_steps(2);
    open_for(&mut h, "The report, which was not confirmed by");
    assert_eq!(h.get_all_by_label("choose an actor  ⏷").count(), 2);
}

#[test]
fn actors_used_lately_are_remembered_for_the_pickers() {
    let mut h = app(None);
    for id in ["lavrov", "terry", "lavrov", "kim"] {
        h.state_mut()
            .push_actions([Action::Selection(relmap::app::SelectionAction::Select(
                relmap::app::Selection::Actor(id.into()),
            ))]);
        h.run_steps(1);
    }
    assert_eq!(
        h.state().state.recent_actors[..3],
        ["kim", "lavrov", "terry"]
    );
    // A new tie's ends count as used too, the source end first.
    open_for(&mut h, "The report, which was not confirmed by");
    for typed in ["bolton", "xi jin"] {
        pick(&mut h, "choose an actor", typed);
    }
    h.key_press(Key::Enter);
    h.run_steps(3);
    let recent = &h.state().state.recent_actors;
    assert_eq!(recent[..2], ["bolton", "xi"], "{recent:?}");
}
