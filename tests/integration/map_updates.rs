//! The map cache updated in place after random edits, undos and redos is the cache a rebuild
//! from the edited dataset gives.

use proptest::prelude::*;
use relmap::app::Document;
use relmap::sample::sample_dataset;
use relmap::ui::map::MapCache;

use super::edit_sequences::decode;

/// Everything the map reads from the cache, in a comparable form.
fn picture(cache: &MapCache, data: &relmap::model::Dataset) -> Vec<String> {
    let mut lines = vec![
        format!("tie ends {:?}", cache.tie_ends),
        format!("degree {:?}", cache.degree),
        format!("by degree {:?}", cache.by_degree),
        format!("actors {}", cache.actors.len()),
        format!("ties {}", cache.ties.len()),
    ];
    for (i, actor) in data.actors.iter().enumerate() {
        lines.push(format!("actor {i} {:?}", cache.actors[i]));
        if actor.position.is_some() {
            lines.push(format!("actor {i} at {:?}", cache.positions[i]));
        }
    }
    for (t, look) in cache.ties.iter().enumerate() {
        // The lane is part of the look.
        lines.push(format!("tie {t} {look:?}"));
    }
    lines
}

fn check(steps: &[(u8, u32, u32, u32)]) -> usize {
    let mut doc = Document::new(sample_dataset(), None, "sample");
    let mut cache = MapCache::build(&doc.data);
    let mut synced = doc.structure_generation();
    let mut updates = 0;
    for (step, &(op, a, b, c)) in steps.iter().enumerate() {
        match op % 10 {
            8 => {
                let _ = doc.undo();
            }
            9 => {
                let _ = doc.redo();
            }
            _ => {
                if let Some(edit) = decode(&doc.data, step, (op, a, b, c)) {
                    let _ = doc.apply(edit);
                }
            }
        }
        if doc.structure_generation() == synced {
            continue;
        }
        let changes = doc
            .changes_since(synced)
            .expect("the journal covers one step");
        assert!(
            cache.apply_changes(&doc.data, &changes),
            "step {step}: {changes:?}"
        );
        cache.refresh_positions(&doc.data);
        synced = doc.structure_generation();
        updates += 1;
        let fresh = MapCache::build(&doc.data);
        assert_eq!(
            picture(&cache, &doc.data),
            picture(&fresh, &doc.data),
            "step {step}: {changes:?}"
        );
    }
    updates
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]
    #[test]
    fn the_updated_map_cache_equals_a_rebuilt_one(
        steps in prop::collection::vec(any::<(u8, u32, u32, u32)>(), 120)
    ) {
        check(&steps);
    }
}

#[test]
fn a_long_sequence_updates_the_cache_hundreds_of_times() {
    let mut next = crate::common::xorshift(0x9E37_79B9_7F4A_7C15);
    let steps: Vec<_> = (0..1500)
        .map(|_| {
            let r = next();
            (r as u8, (r >> 8) as u32, (r >> 24) as u32, next() as u32)
        })
        .collect();
    let updates = check(&steps);
    println!("{updates} in-place updates checked against a rebuild");
    assert!(updates > 200, "only {updates} structural updates");
}

#[test]
fn bulk_deletions_their_undo_and_redo_update_the_cache_in_place() {
    let mut doc = Document::new(relmap::generate::generate(400, 1_200, 8), None, "generated");
    let mut cache = MapCache::build(&doc.data);
    let mut synced = doc.structure_generation();
    let mut next = crate::common::xorshift(0x5DEE_CE66_D1CE_4E5B);
    let mut bulk_steps = 0;
    for step in 0..40 {
        match next() % 4 {
            0 | 1 => {
                let n = doc.data.actors.len() as u64;
                let ids: Vec<String> = (0..10 + next() % 30)
                    .map(|_| doc.data.actors[(next() % n) as usize].id.clone())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let edit = relmap::edit::Edit::DeleteActors { ids };
                doc.apply(edit)
                    .expect("deleting actors with their ties applies");
            }
            2 => {
                let _ = doc.undo();
            }
            _ => {
                let _ = doc.redo();
            }
        }
        if doc.structure_generation() == synced {
            continue;
        }
        let changes = doc
            .changes_since(synced)
            .expect("the journal covers one step");
        bulk_steps += usize::from(changes.len() >= 32);
        assert!(cache.apply_changes(&doc.data, &changes), "step {step}");
        cache.refresh_positions(&doc.data);
        synced = doc.structure_generation();
        assert_eq!(
            picture(&cache, &doc.data),
            picture(&MapCache::build(&doc.data), &doc.data),
            "step {step}"
        );
    }
    assert!(bulk_steps >= 10, "only {bulk_steps} bulk updates");
}
