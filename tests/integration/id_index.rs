//! The id index agrees with a scan of the lists after random edits, undo and redo, and after
//! changes made straight to the lists.

use proptest::prelude::*;
use relmap::edit::{Edit, History};
use relmap::model::Dataset;
use relmap::sample::sample_dataset;

use crate::edit_sequences::decode;

/// Every id of every list, and a few that are not there, are found where a scan finds them.
fn assert_index_agrees(data: &Dataset, when: &str) {
    let absent = ["", "no-such-id", "new-actor-999999"];
    for (place, actor) in data.actors.iter().enumerate() {
        assert_eq!(
            data.actor_place(&actor.id),
            Some(place),
            "{when}: actor {}",
            actor.id
        );
    }
    for (place, tie) in data.ties.iter().enumerate() {
        assert_eq!(
            data.tie_place(&tie.id),
            Some(place),
            "{when}: tie {}",
            tie.id
        );
    }
    for (place, source) in data.sources.iter().enumerate() {
        assert_eq!(
            data.source_place(&source.id),
            Some(place),
            "{when}: source {}",
            source.id
        );
    }
    for id in absent {
        assert_eq!(
            data.actor_place(id),
            data.actors.iter().position(|a| a.id == id),
            "{when}: actor {id:?}"
        );
        assert_eq!(
            data.tie_place(id),
            data.ties.iter().position(|t| t.id == id),
            "{when}: tie {id:?}"
        );
        assert_eq!(
            data.source_place(id),
            data.sources.iter().position(|s| s.id == id),
            "{when}: source {id:?}"
        );
    }
}

/// Applies random edits, with undo and redo mixed in, checking the index after each step.
fn run(steps: &[(u8, u32, u32, u32)]) {
    let mut data = sample_dataset();
    let mut history = History::default();
    assert_index_agrees(&data, "at the start");
    for (step, &random) in steps.iter().enumerate() {
        match random.0 % 8 {
            // One step in eight undoes, one redoes.
            0 => {
                let _ = history.undo(&mut data);
            }
            1 => {
                let _ = history.redo(&mut data);
            }
            _ => {
                let op = (random.0 / 8, random.1, random.2, random.3);
                if let Some(edit) = decode(&data, step, op) {
                    let _ = history.apply(&mut data, edit);
                }
            }
        }
        assert_index_agrees(&data, &format!("step {step}"));
    }
    while history.undo(&mut data).unwrap_or(false) {}
    assert_index_agrees(&data, "after undoing everything");
    assert_eq!(data, sample_dataset());
    while history.redo(&mut data).unwrap_or(false) {}
    assert_index_agrees(&data, "after redoing everything");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn lookups_agree_with_a_scan_after_random_edits_undo_and_redo(
        steps in prop::collection::vec(any::<(u8, u32, u32, u32)>(), 120)
    ) {
        run(&steps);
    }
}

#[test]
fn deleting_many_actors_and_undoing_keeps_the_index_right() {
    let mut data = relmap::generate::generate(300, 900, 7);
    let original = data.clone();
    let mut history = History::default();
    let ids: Vec<String> = data
        .actors
        .iter()
        .step_by(7)
        .map(|a| a.id.clone())
        .collect();
    history
        .apply(&mut data, Edit::DeleteActors { ids })
        .expect("the deletion applies");
    assert_index_agrees(&data, "after the deletion");
    assert!(history.undo(&mut data).expect("undo"));
    assert_index_agrees(&data, "after its undo");
    assert_eq!(data, original);
    assert!(history.redo(&mut data).expect("redo"));
    assert_index_agrees(&data, "after its redo");
}

#[test]
fn a_stale_index_after_direct_changes_never_answers_with_a_wrong_element() {
    let mut data = sample_dataset();
    assert_index_agrees(&data, "at the start");
    // Pushed, removed and reordered straight through the public lists.
    let mut extra = data.ties[0].clone();
    extra.id = "pushed".into();
    data.ties.push(extra);
    assert_index_agrees(&data, "after a push");
    data.ties.remove(0);
    data.ties.swap(0, 1);
    data.actors.truncate(data.actors.len() - 1);
    assert_index_agrees(&data, "after a removal and a swap");
    // Same lengths, other places: an answer is either right or none.
    data.ties.swap(2, 3);
    data.ties.reverse();
    for tie in &data.ties {
        if let Some(place) = data.tie_place(&tie.id) {
            assert_eq!(data.ties[place].id, tie.id);
        }
    }
    data.forget_index();
    assert_index_agrees(&data, "after forgetting the index");
    // An edit on a list changed behind the index's back still leaves it right.
    let mut more = data.ties[0].clone();
    more.id = "pushed-again".into();
    data.ties.push(more);
    let id = data.ties[3].id.clone();
    Edit::DeleteTie { id }
        .apply(&mut data)
        .expect("the tie is there");
    assert_index_agrees(&data, "after an edit of a changed list");
}
