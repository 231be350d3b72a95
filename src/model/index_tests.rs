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
    assert!(bytes < 2 << 20);
}

proptest::proptest! {
    /// The places after a bulk removal or insertion, worked out in runs, agree with the places
    /// counted one element at a time.
    #[test]
    fn places_after_bulk_changes_agree_with_counting(
        removed in proptest::collection::vec(proptest::bool::ANY, 0..80),
        inserted in proptest::collection::vec(proptest::bool::ANY, 0..80),
    ) {
        let gone: Vec<usize> = (0..removed.len()).filter(|&p| removed[p]).collect();
        let mut kept = 0;
        let counted: Vec<u32> = removed
            .iter()
            .map(|&is_gone| if is_gone { super::GONE } else { kept += 1; kept - 1 })
            .collect();
        proptest::prop_assert_eq!(super::places_after_removals(removed.len(), &gone), counted);

        // `inserted` lays out the list after the insertion: true marks a new element.
        let new: Vec<usize> = (0..inserted.len()).filter(|&p| inserted[p]).collect();
        let old_places: Vec<u32> = (0..inserted.len())
            .filter(|&p| !inserted[p])
            .map(|p| p as u32)
            .collect();
        proptest::prop_assert_eq!(
            super::places_after_insertions(old_places.len(), &new),
            old_places
        );
    }
}
