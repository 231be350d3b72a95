//! Unit tests of the id index: what it answers, what it leaves out of the data, its size.

use crate::model::{Dataset, Tie};

fn tie(id: &str) -> Tie {
    Tie {
        id: id.into(),
        ..Tie::default()
    }
}

#[test]
fn the_index_is_shared_between_threads() {
    fn sync<T: Sync + Send>() {}
    sync::<Dataset>();
}

#[test]
fn the_index_is_not_data() {
    let mut data = crate::sample::sample_dataset();
    let json = serde_json::to_string(&data).unwrap();
    let plain = crate::sample::sample_dataset();
    assert!(data.tie(&data.ties[1].id.clone()).is_some());
    assert_eq!(serde_json::to_string(&data).unwrap(), json);
    assert_eq!(data, plain);
    assert!(!format!("{data:?}").contains("IdIndex"));
    data.forget_index();
    assert_eq!(data, plain);
}

#[test]
fn a_repeated_id_is_found_where_a_scan_finds_it() {
    let mut data = Dataset {
        ties: vec![tie("a"), tie("b"), tie("a")],
        ..Dataset::default()
    };
    assert_eq!(data.tie_place("a"), Some(0));
    data.ties.remove(0);
    assert_eq!(data.tie_place("a"), Some(1));
}

#[test]
fn a_clone_keeps_a_right_index() {
    let data = crate::sample::sample_dataset();
    let id = data.actors[3].id.clone();
    assert_eq!(data.actor_place(&id), Some(3));
    let copy = data.clone();
    assert_eq!(copy.actor_place(&id), Some(3));
}

#[test]
fn elements_put_back_take_up_their_old_entries_and_the_table_does_not_grow() {
    let mut data = Dataset {
        ties: (0..1000).map(|k| tie(&format!("t{k}"))).collect(),
        ..Dataset::default()
    };
    assert_eq!(data.tie_place("t999"), Some(999));
    let bytes = data.index.heap_bytes();
    // Removing a fifth of the ties and putting them back, many times over, as undo and redo
    // of a deletion do: more than the table's spare room, were each put back a new entry.
    let places: Vec<usize> = (0..1000).filter(|p| p % 5 == 2).collect();
    for round in 0..20 {
        let mut removed = Vec::new();
        for &p in places.iter().rev() {
            removed.push(data.ties.remove(p));
        }
        removed.reverse();
        // Every other round without the removed ids' hashes: the slots are then found where
        // each id's hash leads instead of remembered.
        let gone_hashes = if round % 2 == 0 {
            super::IdHashes::of(removed.iter())
        } else {
            super::IdHashes::of(std::iter::empty::<&Tie>())
        };
        data.index.removed_many(&data.ties, &places, gone_hashes);
        assert_eq!(data.tie_place("t2"), None);
        let hashes = super::IdHashes::of(removed.iter());
        for (&p, t) in places.iter().zip(removed) {
            data.ties.insert(p, t);
        }
        data.index.inserted_many(&data.ties, &places, hashes);
    }
    assert_eq!(data.ties.len(), 1000);
    for (place, t) in data.ties.iter().enumerate() {
        assert_eq!(data.tie_place(&t.id), Some(place));
    }
    assert_eq!(data.index.heap_bytes(), bytes);
}

#[test]
fn other_elements_put_where_some_were_removed_do_not_take_their_slots() {
    let mut data = Dataset {
        ties: (0..100).map(|k| tie(&format!("t{k}"))).collect(),
        ..Dataset::default()
    };
    assert_eq!(data.tie_place("t0"), Some(0));
    let places: Vec<usize> = (0..100).filter(|p| p % 20 == 3).collect();
    let mut removed = Vec::new();
    for &p in places.iter().rev() {
        removed.push(data.ties.remove(p));
    }
    removed.reverse();
    let hashes = super::IdHashes::of(removed.iter());
    data.index.removed_many(&data.ties, &places, hashes);
    // As many new ties, at the same places, as a different edit might put there.
    let new: Vec<Tie> = places.iter().map(|p| tie(&format!("new{p}"))).collect();
    let hashes = super::IdHashes::of(new.iter());
    for (&p, t) in places.iter().zip(new) {
        data.ties.insert(p, t);
    }
    data.index.inserted_many(&data.ties, &places, hashes);
    for (place, t) in data.ties.iter().enumerate() {
        assert_eq!(data.tie_place(&t.id), Some(place));
    }
    for t in &removed {
        assert_eq!(data.tie_place(&t.id), None);
    }
}

/// `cargo test --lib index_size -- --ignored --nocapture` prints the index's size on a map of
/// 34,000 actors and 100,000 ties.
#[test]
#[ignore = "measures; slow in a debug build"]
fn index_size_at_100k_ties() {
    let data = crate::generate::generate(34_000, 100_000, 1);
    let _ = (
        data.actor_place("x"),
        data.tie_place("x"),
        data.source_place("x"),
    );
    let bytes = data.index.heap_bytes();
    eprintln!("id index: {bytes} bytes for 34k actors and 100k ties");
    assert!(bytes < 3 << 20);
}

/// One change made to a list and reported to its index, as the edits do.
#[derive(Debug, Clone)]
enum Change {
    InsertOne(usize),
    RemoveOne(usize),
    /// Which of the elements to remove, by a mark per element (cycled).
    RemoveMany(Vec<bool>),
    /// Where new elements go, by a mark per element of the list after the insertion (cycled).
    InsertMany(Vec<bool>),
}

fn change() -> impl proptest::strategy::Strategy<Value = Change> {
    use proptest::prelude::*;
    prop_oneof![
        any::<usize>().prop_map(Change::InsertOne),
        any::<usize>().prop_map(Change::RemoveOne),
        proptest::collection::vec(proptest::bool::weighted(0.3), 1..40)
            .prop_map(Change::RemoveMany),
        proptest::collection::vec(proptest::bool::weighted(0.3), 1..40)
            .prop_map(Change::InsertMany),
    ]
}

/// Applies `change` to `data.ties` and reports it to the index. What is put in is taken from
/// `removed` first (as an undo puts elements back), then made new, numbered by `next`.
fn make(change: &Change, data: &mut Dataset, removed: &mut Vec<Tie>, next: &mut usize) {
    let mut taken = std::mem::take(removed);
    let mut new_tie = || {
        taken.pop().unwrap_or_else(|| {
            *next += 1;
            tie(&format!("new{next}"))
        })
    };
    let len = data.ties.len();
    match change {
        Change::InsertOne(at) => {
            let at = at % (len + 1);
            data.ties.insert(at, new_tie());
            data.index.inserted(&data.ties, at);
        }
        Change::RemoveOne(at) if len > 0 => {
            let at = at % len;
            taken.push(data.ties.remove(at));
            data.index.removed(&data.ties, at);
        }
        Change::RemoveOne(_) => {}
        Change::RemoveMany(marks) => {
            let gone: Vec<usize> = (0..len).filter(|p| marks[p % marks.len()]).collect();
            let first_taken = taken.len();
            for &p in gone.iter().rev() {
                taken.push(data.ties.remove(p));
            }
            // In place order, as the edits hash them; put back from the end, in reverse, so
            // that the remembered slots rarely fit and are then checked and not taken.
            let hashes = super::IdHashes::of(taken[first_taken..].iter().rev());
            data.index.removed_many(&data.ties, &gone, hashes);
        }
        Change::InsertMany(marks) => {
            let count = (0..len).filter(|p| marks[p % marks.len()]).count();
            let total = len + count;
            let new: Vec<usize> = (0..total)
                .filter(|p| marks[p % marks.len()])
                .take(count)
                .collect();
            let mut ties = std::mem::take(&mut data.ties).into_iter();
            let mut laid = Vec::with_capacity(total);
            let mut added = Vec::new();
            for p in 0..total {
                if new.binary_search(&p).is_ok() {
                    let tie = new_tie();
                    added.push(tie.clone());
                    laid.push(tie);
                } else if let Some(old) = ties.next() {
                    laid.push(old);
                }
            }
            let hashes = super::IdHashes::of(added.iter());
            data.ties = laid;
            data.index.inserted_many(&data.ties, &new, hashes);
        }
    }
    *removed = taken;
}

proptest::proptest! {
    /// After any run of insertions and removals, one or many at a time, with removed elements
    /// put back and new ones added, the index finds every id where a scan finds it, and finds
    /// no removed id.
    #[test]
    fn the_index_follows_changes_as_a_scan_would_find(
        start in 0usize..120,
        changes in proptest::collection::vec(change(), 1..30),
    ) {
        let mut data = Dataset {
            ties: (0..start).map(|k| tie(&format!("t{k}"))).collect(),
            ..Dataset::default()
        };
        let (mut next, mut removed) = (0, Vec::new());
        let _ = data.tie_place("any");
        for change in &changes {
            make(change, &mut data, &mut removed, &mut next);
            for (place, tie) in data.ties.iter().enumerate() {
                proptest::prop_assert_eq!(data.tie_place(&tie.id), Some(place), "after {:?}", change);
            }
        }
        let gone = (0..start).map(|k| format!("t{k}"))
            .filter(|id| !data.ties.iter().any(|t| &t.id == id));
        for id in gone {
            proptest::prop_assert_eq!(data.tie_place(&id), None);
        }
    }
}
