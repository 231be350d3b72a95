//! Benchmark of a structural edit on a 100k-tie map, as the window does it: apply the edit to
//! the document, then bring the map cache up to date from the journal of changes. One iteration
//! adds a tie and undoes it (two edits, two cache updates). Beside it, the full rebuild of the
//! map cache that such an edit used to cost, and applying a layout's result: one edit that
//! moves all 34,000 actors, undone again, with the map's positions refreshed each time; and
//! deleting 1,000 actors with their ties (one edit) and undoing it, with the map updated each
//! time; merging two actors and undoing it; finding possible duplicates; highlighting a
//! selected actor's neighbourhood; building the layout's graph from the dataset (done on the
//! layout's worker thread since it takes longer than a frame).

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use relmap::app::Document;
use relmap::edit::{merge_actors, Edit};
use relmap::generate::generate;
use relmap::model::{Polarity, Tie, TieKind};
use relmap::ui::map_graph::MapCache;

/// Brings `cache` up to date with `doc`, as the map view does.
fn sync(doc: &Document, cache: &mut MapCache, synced: &mut u64) {
    let changes = doc.changes_since(*synced).expect("journal");
    assert!(cache.apply_changes(&doc.data, &changes));
    cache.refresh_positions(&doc.data);
    *synced = doc.structure_generation();
}

fn structural_edit_100k(c: &mut Criterion) {
    let data = generate(34_000, 100_000, 1);
    let (from, to) = (data.actors[10].id.clone(), data.actors[20_000].id.clone());
    let mut doc = Document::new(data, None, "100k");
    let mut cache = MapCache::build(&doc.data);
    let mut synced = doc.structure_generation();
    let tie = Tie {
        id: "bench-tie".into(),
        from,
        to,
        kind: TieKind::Other,
        directed: false,
        polarity: Polarity::Neutral,
        date: None,
        label: String::new(),
        excerpts: Vec::new(),
    };

    let mut group = c.benchmark_group("edit_100k_ties");
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("add_tie_and_undo_with_map_update", |b| {
        b.iter(|| {
            let insert = Edit::InsertTie {
                index: 50_000,
                tie: tie.clone(),
            };
            doc.apply(insert).expect("the tie is valid");
            sync(&doc, &mut cache, &mut synced);
            assert!(doc.undo().expect("undo"));
            sync(&doc, &mut cache, &mut synced);
        })
    });
    let moves: Vec<_> = doc
        .data
        .actors
        .iter()
        .map(|a| {
            let p = a.position.unwrap_or_default();
            (
                a.id.clone(),
                Some(relmap::model::Point::new(p.x + 1.0, p.y)),
            )
        })
        .collect();
    group.bench_function("layout_result_34k_moves_and_undo", |b| {
        b.iter(|| {
            let edit = Edit::MoveActors {
                moves: moves.clone(),
            };
            doc.apply(edit).expect("the moves are valid");
            cache.refresh_positions(&doc.data);
            assert!(doc.undo().expect("undo"));
            cache.refresh_positions(&doc.data);
        })
    });
    let chosen: Vec<String> = doc
        .data
        .actors
        .iter()
        .step_by(34)
        .map(|a| a.id.clone())
        .collect();
    // Deleting 1,000 actors with their 5,744 ties, its undo and its redo, each one step of the
    // window (the edit and the map's update) timed apart from the others.
    let delete = || Edit::DeleteActors {
        ids: chosen.clone(),
    };
    let mut step = |name: &str, timed: usize, doc: &mut Document, cache: &mut MapCache| {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    for k in 0..3 {
                        let start = Instant::now();
                        match k {
                            0 => doc.apply(delete()).expect("the deletion applies"),
                            1 => assert!(doc.undo().expect("undo")),
                            _ => assert!(doc.redo().expect("redo")),
                        }
                        sync(doc, cache, &mut synced);
                        if k == timed {
                            spent += start.elapsed();
                        }
                    }
                    assert!(doc.undo().expect("undo"));
                    sync(doc, cache, &mut synced);
                }
                spent
            })
        });
    };
    step(
        "delete_1000_actors_with_ties_with_map_update",
        0,
        &mut doc,
        &mut cache,
    );
    step(
        "undo_that_deletion_with_map_update",
        1,
        &mut doc,
        &mut cache,
    );
    step(
        "redo_that_deletion_with_map_update",
        2,
        &mut doc,
        &mut cache,
    );
    // Merging two actors (the batch built from the dataset, applied, the map updated), and its
    // undo, timed apart.
    let (survivor, merged) = (
        doc.data.actors[101].id.clone(),
        doc.data.actors[5001].id.clone(),
    );
    for (name, timed) in [
        ("merge_two_actors_with_map_update", 0),
        ("undo_that_merge_with_map_update", 1),
    ] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let edit = merge_actors(&doc.data, &survivor, std::slice::from_ref(&merged))
                        .expect("both actors exist");
                    doc.apply(edit).expect("the merge applies");
                    sync(&doc, &mut cache, &mut synced);
                    let merged_at = start.elapsed();
                    let start = Instant::now();
                    assert!(doc.undo().expect("undo"));
                    sync(&doc, &mut cache, &mut synced);
                    spent += if timed == 0 {
                        merged_at
                    } else {
                        start.elapsed()
                    };
                }
                spent
            })
        });
    }
    // Other work the window does on its own thread on a large map.
    group.bench_function("find_possible_duplicates", |b| {
        b.iter(|| relmap::edit::possible_duplicates(&doc.data))
    });
    let hub = doc.data.actors[0].id.clone();
    group.bench_function("highlight_a_selected_actor", |b| {
        b.iter(|| {
            let selection = relmap::app::Selection::Actor(hub.clone());
            cache.apply_selection(&doc.data, &selection, None);
        })
    });
    // What a force layout's worker does first.
    group.bench_function("layout_graph_from_dataset", |b| {
        b.iter(|| relmap::layout::LayoutGraph::from_dataset(&doc.data))
    });
    group.bench_function("map_cache_rebuild", |b| {
        b.iter(|| MapCache::build(&doc.data))
    });
    group.finish();
}

criterion_group!(benches, structural_edit_100k);
criterion_main!(benches);
