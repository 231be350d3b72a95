//! Bulk deletions and insertions give what applying their edits one by one gives: the same
//! dataset, the same refusal, a log of changes that replays to the same lists, and an inverse
//! that restores the original.

use super::apply::batch_one_by_one;
use super::bulk::{all_ascending_insertions, all_deletions};
use super::*;
use crate::generate::generate;

/// Replays a log of changes on the ids of a list, as a view keyed by place would.
pub(super) fn replay(
    mut ids: Vec<String>,
    log: &[Change],
    is_tie: bool,
    after: &[String],
) -> Vec<String> {
    for change in log {
        match (*change, is_tie) {
            (Change::TieRemoved(i), true) | (Change::ActorRemoved(i), false) => {
                ids.remove(i);
            }
            (Change::TieInserted(i), true) | (Change::ActorInserted(i), false) => {
                ids.insert(i, after[i].clone());
            }
            _ => {}
        }
    }
    ids
}

pub(super) fn tie_ids(data: &Dataset) -> Vec<String> {
    data.ties.iter().map(|t| t.id.clone()).collect()
}

pub(super) fn actor_ids(data: &Dataset) -> Vec<String> {
    data.actors.iter().map(|a| a.id.clone()).collect()
}

/// Deletes `chosen` actors with all their ties, as the app does.
pub(super) fn deletion(data: &Dataset, chosen: &[usize]) -> Edit {
    let ids: std::collections::HashSet<&str> =
        chosen.iter().map(|&i| data.actors[i].id.as_str()).collect();
    let mut edits: Vec<Edit> = data
        .ties
        .iter()
        .filter(|t| ids.contains(t.from.as_str()) || ids.contains(t.to.as_str()))
        .map(|t| Edit::DeleteTie { id: t.id.clone() })
        .collect();
    edits.extend(chosen.iter().map(|&i| Edit::DeleteActor {
        id: data.actors[i].id.clone(),
    }));
    Edit::Batch {
        label: "delete".into(),
        edits,
    }
}

pub(super) fn one_by_one(
    edit: Edit,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, EditError> {
    match edit {
        Edit::Batch { label, edits } => batch_one_by_one(label, edits, data, log),
        other => other.apply_logged(data, log),
    }
}

/// A small deterministic random source: each call gives a number below `n`.
pub(super) fn xorshift(mut next: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        next ^= next << 13;
        next ^= next >> 7;
        next ^= next << 17;
        (next % n as u64) as usize
    }
}

/// Between `least` and `least + 39` distinct actor places below 300, ascending.
pub(super) fn some_actors(random: &mut impl FnMut(usize) -> usize, least: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = (0..least + random(40)).map(|_| random(300)).collect();
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

#[test]
fn bulk_deletions_and_their_undo_match_one_by_one() {
    let mut random = xorshift(0x1234_5678);
    for seed in 0..12 {
        let original = generate(300, 900, seed);
        let chosen = some_actors(&mut random, 15);
        let edit = deletion(&original, &chosen);
        let Edit::Batch { edits, .. } = &edit else {
            unreachable!()
        };
        assert!(
            all_deletions(edits),
            "seed {seed}: the batch goes the bulk way"
        );

        let (mut bulk, mut bulk_log) = (original.clone(), Vec::new());
        let undo = edit.clone().apply_logged(&mut bulk, &mut bulk_log).unwrap();
        let (mut single, mut single_log) = (original.clone(), Vec::new());
        one_by_one(edit, &mut single, &mut single_log).unwrap();
        assert_eq!(bulk, single, "seed {seed}");
        for log in [&bulk_log, &single_log] {
            assert_eq!(replay(tie_ids(&original), log, true, &[]), tie_ids(&bulk));
            assert_eq!(
                replay(actor_ids(&original), log, false, &[]),
                actor_ids(&bulk)
            );
        }

        let Edit::Batch { edits, .. } = &undo else {
            unreachable!()
        };
        assert!(
            all_ascending_insertions(edits, &bulk),
            "seed {seed}: undo goes the bulk way"
        );
        let mut undo_log = Vec::new();
        let redo = undo.apply_logged(&mut bulk, &mut undo_log).unwrap();
        assert_eq!(bulk, original, "seed {seed}: undo restores the original");
        let after_ties = tie_ids(&original);
        let after_actors = actor_ids(&original);
        assert_eq!(
            replay(tie_ids(&single), &undo_log, true, &after_ties),
            after_ties
        );
        assert_eq!(
            replay(actor_ids(&single), &undo_log, false, &after_actors),
            after_actors
        );
        redo.apply(&mut bulk).unwrap();
        assert_eq!(bulk, single, "seed {seed}: redo deletes again");
    }
}

#[test]
fn bulk_deletions_refuse_what_one_by_one_refuses() {
    let original = generate(200, 600, 3);
    let base = deletion(&original, &(0..20).collect::<Vec<_>>());
    let Edit::Batch { edits, .. } = base else {
        unreachable!()
    };
    let first_actor = edits
        .iter()
        .position(|e| matches!(e, Edit::DeleteActor { .. }))
        .unwrap();
    let mut cases = Vec::new();
    // An actor deleted before its ties.
    let mut early = edits.clone();
    let actor = early.remove(first_actor);
    early.insert(0, actor);
    cases.push(early);
    // The same tie twice; an unknown actor in the middle.
    let mut twice = edits.clone();
    twice.insert(5, twice[2].clone());
    cases.push(twice);
    let mut unknown = edits.clone();
    unknown.insert(
        7,
        Edit::DeleteActor {
            id: "nobody".into(),
        },
    );
    cases.push(unknown);
    for (k, edits) in cases.into_iter().enumerate() {
        let edit = Edit::Batch {
            label: "delete".into(),
            edits,
        };
        let mut bulk = original.clone();
        let bulk_error = edit.clone().apply(&mut bulk).unwrap_err();
        let mut single = original.clone();
        let single_error = one_by_one(edit, &mut single, &mut Vec::new()).unwrap_err();
        assert_eq!(bulk_error, single_error, "case {k}");
        assert_eq!(bulk, original, "case {k}: nothing changed");
    }
}

#[test]
fn bulk_insertions_refuse_an_id_already_taken() {
    let original = generate(100, 300, 4);
    let mut edits: Vec<Edit> = (0..40)
        .map(|k| Edit::InsertActor {
            index: k * 2,
            actor: Actor {
                id: format!("new-{k}"),
                ..original.actors[0].clone()
            },
        })
        .collect();
    let mut fine = original.clone();
    Edit::Batch {
        label: "insert".into(),
        edits: edits.clone(),
    }
    .apply(&mut fine)
    .unwrap();
    assert_eq!(fine.actors.len(), 140);
    assert_eq!(fine.actors[78].id, "new-39");
    edits[30] = Edit::InsertActor {
        index: 60,
        actor: original.actors[5].clone(),
    };
    let edit = Edit::Batch {
        label: "insert".into(),
        edits,
    };
    let mut bulk = original.clone();
    let bulk_error = edit.clone().apply(&mut bulk).unwrap_err();
    let single_error =
        one_by_one(edit.clone(), &mut original.clone(), &mut Vec::new()).unwrap_err();
    assert_eq!(bulk_error, single_error);
    assert_eq!(bulk, original);

    // The same new id twice, before the taken one: the second insertion is refused.
    let Edit::Batch { mut edits, .. } = edit else {
        unreachable!()
    };
    if let Edit::InsertActor { actor, .. } = &mut edits[20] {
        actor.id = "new-3".into();
    }
    let edit = Edit::Batch {
        label: "insert".into(),
        edits,
    };
    let bulk_error = edit.clone().apply(&mut bulk).unwrap_err();
    let single_error = one_by_one(edit, &mut original.clone(), &mut Vec::new()).unwrap_err();
    assert_eq!(bulk_error, single_error);
    assert_eq!(bulk, original);
}

proptest::proptest! {
    /// Putting elements in at their places in one pass, in blocks, lays the list out as
    /// inserting them one at a time, in order, does.
    #[test]
    fn merging_in_at_places_agrees_with_inserting_one_by_one(
        // The final list: a true puts a new element at that place, a false an old one.
        layout in proptest::collection::vec(proptest::bool::weighted(0.3), 0..120),
    ) {
        let old_len = layout.iter().filter(|&&new| !new).count();
        let old: Vec<String> = (0..old_len).map(|k| format!("old{k}")).collect();
        let new: Vec<(usize, String)> = (0..layout.len())
            .filter(|&p| layout[p])
            .map(|p| (p, format!("new{p}")))
            .collect();
        let mut expected = old.clone();
        for (place, item) in &new {
            expected.insert(*place, item.clone());
        }
        let mut merged = old;
        super::bulk::merge_at(&mut merged, new);
        proptest::prop_assert_eq!(merged, expected);
    }
}
