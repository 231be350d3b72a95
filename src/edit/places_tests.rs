//! Deleting actors with their ties, and removing or restoring by place, give what the same
//! deletions one by one give; undo and redo through a history skip only checks that cannot
//! fail there, and a refused undo or redo keeps its entry.

use super::bulk_tests::{actor_ids, deletion, one_by_one, replay, some_actors, tie_ids, xorshift};
use super::*;
use crate::generate::generate;

fn chosen_ids(data: &Dataset, chosen: &[usize]) -> Vec<String> {
    chosen.iter().map(|&i| data.actors[i].id.clone()).collect()
}

#[test]
fn deleting_actors_matches_deleting_their_ties_then_them_one_by_one() {
    let mut random = xorshift(0x9e37_79b9);
    for seed in 0..12 {
        let original = generate(300, 900, seed);
        let chosen = some_actors(&mut random, 1);
        let ids = chosen_ids(&original, &chosen);

        let (mut single, mut single_log) = (original.clone(), Vec::new());
        one_by_one(deletion(&original, &chosen), &mut single, &mut single_log).unwrap();
        let (mut placed, mut log) = (original.clone(), Vec::new());
        let restore = Edit::DeleteActors { ids: ids.clone() }
            .apply_logged(&mut placed, &mut log)
            .unwrap();
        assert_eq!(placed, single, "seed {seed}");
        assert_eq!(
            replay(tie_ids(&original), &log, true, &[]),
            tie_ids(&placed)
        );
        assert_eq!(
            replay(actor_ids(&original), &log, false, &[]),
            actor_ids(&placed)
        );
        let gone = original.ties.len() - placed.ties.len();
        assert!(matches!(&restore, Edit::Restore { ties, .. } if ties.len() == gone));

        // Undo restores the original exactly, with a log that replays to it.
        let mut undo_log = Vec::new();
        let remove = restore
            .clone()
            .apply_logged(&mut placed, &mut undo_log)
            .unwrap();
        assert_eq!(placed, original, "seed {seed}: undo");
        let (after_ties, after_actors) = (tie_ids(&original), actor_ids(&original));
        assert_eq!(
            replay(tie_ids(&single), &undo_log, true, &after_ties),
            after_ties
        );
        assert_eq!(
            replay(actor_ids(&single), &undo_log, false, &after_actors),
            after_actors
        );
        assert!(matches!(remove, Edit::Remove { .. }));
        remove.apply(&mut placed).unwrap();
        assert_eq!(placed, single, "seed {seed}: redo");
    }
}

#[test]
fn history_undoes_and_redoes_a_deletion_of_actors_with_its_label() {
    let original = generate(200, 600, 3);
    let ids = chosen_ids(&original, &[0, 5, 9, 40]);
    let mut data = original.clone();
    let mut history = History::default();
    history
        .apply(&mut data, Edit::DeleteActors { ids: ids.clone() })
        .unwrap();
    let deleted = data.clone();
    let ties = original.ties.len() - deleted.ties.len();
    assert!(ties > 0);
    let label = format!("delete 4 actors and {ties} ties");
    assert_eq!(history.undo_label(), Some(label.as_str()));
    for _ in 0..3 {
        assert!(history.undo(&mut data).unwrap());
        assert_eq!(data, original);
        assert_eq!(history.redo_label(), Some(label.as_str()));
        assert!(history.redo(&mut data).unwrap());
        assert_eq!(data, deleted);
    }
}

#[test]
fn an_unknown_actor_refuses_the_deletion_and_changes_nothing() {
    let original = generate(50, 120, 1);
    let mut data = original.clone();
    let mut log = Vec::new();
    let ids = vec![original.actors[3].id.clone(), "nobody".to_owned()];
    let refused = Edit::DeleteActors { ids }.apply_logged(&mut data, &mut log);
    assert_eq!(refused, Err(EditError::UnknownActor("nobody".into())));
    assert_eq!(data, original);
    assert!(log.is_empty());
}

#[test]
fn removing_by_place_checks_ids_places_and_ties_left() {
    let original = generate(50, 120, 2);
    let hub = original.ties[0].from.clone();
    let hub_at = original.actors.iter().position(|a| a.id == hub).unwrap();
    let ties_of_hub = original.ties_of(&hub).count();
    let tie = |i: usize| (i, original.ties[i].id.clone());
    let remove = |actors: Vec<(usize, String)>, ties: Vec<(usize, String)>| Edit::Remove {
        label: "remove".into(),
        actors,
        ties,
    };
    let cases = [
        // The id is not at that place.
        (
            remove(vec![], vec![(1, original.ties[0].id.clone())]),
            EditError::UnknownTie(original.ties[0].id.clone()),
        ),
        // Places out of order, and beyond the end.
        (
            remove(vec![], vec![tie(5), tie(2)]),
            EditError::UnknownTie(original.ties[2].id.clone()),
        ),
        (
            remove(vec![], vec![(500, "far".into())]),
            EditError::UnknownTie("far".into()),
        ),
        // The hub keeps all but one of its ties.
        (
            remove(vec![(hub_at, hub.clone())], vec![tie(0)]),
            EditError::ActorHasTies(original.actors[hub_at].name.clone(), ties_of_hub - 1),
        ),
    ];
    for (edit, expected) in cases {
        let mut data = original.clone();
        let mut log = Vec::new();
        assert_eq!(edit.apply_logged(&mut data, &mut log), Err(expected));
        assert_eq!(data, original);
        assert!(log.is_empty());
    }
}

#[test]
fn restoring_by_place_refuses_taken_ids_bad_places_and_invalid_ties() {
    let original = generate(50, 120, 4);
    let mut fresh = original.ties[7].clone();
    fresh.id = "fresh".into();
    let restore = |ties: Vec<(usize, crate::model::Tie)>| Edit::Restore {
        label: "restore".into(),
        actors: vec![],
        ties,
    };
    let mut dangling = fresh.clone();
    dangling.from = "nobody".into();
    let cases = [
        (
            restore(vec![(3, original.ties[9].clone())]),
            "already a tie",
        ),
        (
            restore(vec![(3, fresh.clone()), (3, original.ties[9].clone())]),
            "out of order",
        ),
        (restore(vec![(900, fresh.clone())]), "out of order"),
        (restore(vec![(0, dangling)]), "nobody"),
    ];
    for (edit, expected) in cases {
        let mut data = original.clone();
        let mut log = Vec::new();
        let refused = edit.apply_logged(&mut data, &mut log);
        assert!(
            matches!(&refused, Err(EditError::Invalid(m)) if m.contains(expected)),
            "{refused:?} should mention {expected}"
        );
        assert_eq!(data, original);
        assert!(log.is_empty());
    }
    let mut data = original.clone();
    restore(vec![(3, fresh.clone())]).apply(&mut data).unwrap();
    assert_eq!(data.ties[3], fresh);
}

#[test]
fn a_refused_redo_keeps_its_entry_and_the_dataset() {
    let original = generate(80, 200, 5);
    let ids = chosen_ids(&original, &[1, 2, 3]);
    let mut data = original.clone();
    let mut history = History::default();
    history
        .apply(&mut data, Edit::DeleteActors { ids })
        .unwrap();
    assert!(history.undo(&mut data).unwrap());
    // Changed behind the history's back: the first tie that the redo would take is gone.
    let Some(Edit::Remove { ties, .. }) = history.redo_edit() else {
        panic!("the redo removes by place");
    };
    let place = ties[0].0;
    data.ties.remove(place);
    let tampered = data.clone();
    assert!(history.redo(&mut data).is_err());
    assert_eq!(data, tampered);
    assert!(history.redo_label().is_some(), "the entry stays");
    data.ties.insert(place, original.ties[place].clone());
    assert!(history.redo(&mut data).unwrap(), "and applies once it can");
}

#[test]
fn replacing_ties_by_place_checks_ids_and_order_and_undoes_exactly() {
    let original = generate(50, 120, 6);
    let relabelled = |i: usize| {
        let mut tie = original.ties[i].clone();
        tie.label = format!("relabelled {i}");
        (i, tie)
    };
    let mut data = original.clone();
    let mut log = Vec::new();
    let undo = Edit::ReplaceTies {
        ties: vec![relabelled(3), relabelled(40)],
    }
    .apply_logged(&mut data, &mut log)
    .unwrap();
    assert_eq!(data.ties[40].label, "relabelled 40");
    assert_eq!(log, [Change::TieReplaced(3), Change::TieReplaced(40)]);
    undo.apply(&mut data).unwrap();
    assert_eq!(data, original);

    let (_, stranger) = relabelled(7);
    for ties in [
        vec![(8, stranger)],
        vec![relabelled(40), relabelled(3)],
        vec![(500, original.ties[0].clone())],
    ] {
        let mut data = original.clone();
        let refused = Edit::ReplaceTies { ties }.apply(&mut data);
        assert!(
            matches!(refused, Err(EditError::UnknownTie(_))),
            "{refused:?}"
        );
        assert_eq!(data, original);
    }
}
