//! Benchmark of structural edits on a 100k-tie map, as the window does them: apply the edit
//! to the document, then bring the map cache up to date from the journal of changes. One
//! iteration adds a tie and undoes it (two edits, two cache updates). Beside it, the full
//! rebuild of the map cache that such an edit used to cost; applying a layout's result (one
//! edit that moves all 34,000 actors) and undoing it, with the map's positions refreshed each
//! time; deleting 1,000 actors with their ties, its undo and redo, merging two actors and 50
//! actors, and their undo, each edit and each map update timed apart (the window applies an
//! edit at the end of a frame and updates the map at the start of the next; a merge's batch
//! is built on a worker, so only its apply is timed); finding possible duplicates;
//! highlighting a selected actor's neighbourhood; building the layout's graph from the
//! dataset (done on the layout's worker thread since it takes longer than a frame).

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use relmap::app::Document;
use relmap::edit::{merge_actors, Edit};
use relmap::generate::generate;
use relmap::model::{Polarity, Tie, TieKind};
use relmap::ui::map::MapCache;

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
        ..Tie::default()
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
    // Deleting 1,000 actors with their 5,744 ties, its undo and its redo; merging two actors,
    // and 50 actors into one (each batch built from the dataset), and their undo. The window applies an edit at the end
    // of one frame and updates the map at the start of the next, so each is timed apart.
    let (survivor, merged) = (
        doc.data.actors[101].id.clone(),
        doc.data.actors[5001].id.clone(),
    );
    let fifty: Vec<String> = doc
        .data
        .actors
        .iter()
        .skip(300)
        .step_by(97)
        .take(50)
        .map(|a| a.id.clone())
        .collect();
    let hub = doc.data.actors[0].id.clone();
    // Each step returns the time it spends on the window's thread: all of it, but for merges,
    // whose batch is built on a worker and only applied on the window's thread.
    let timed = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        start.elapsed()
    };
    let step = |k: usize, doc: &mut Document| match k {
        0 => timed(&mut || {
            let ids = chosen.clone();
            doc.apply(Edit::DeleteActors { ids })
                .expect("the deletion applies")
        }),
        4 | 6 => {
            let edit = match k {
                4 => merge_actors(&doc.data, &survivor, std::slice::from_ref(&merged)),
                _ => merge_actors(&doc.data, &hub, &fifty),
            };
            let mut edit = Some(edit.expect("the actors exist"));
            timed(&mut || {
                let edit = edit.take().expect("applied once");
                doc.apply(edit).expect("the merge applies")
            })
        }
        2 => timed(&mut || assert!(doc.redo().expect("redo"))),
        _ => timed(&mut || assert!(doc.undo().expect("undo"))),
    };
    // Which step each row times; the redo's undo is not timed.
    let rows = [
        ("delete_1000_actors_with_ties", 0),
        ("undo_that_deletion", 1),
        ("redo_that_deletion", 2),
        ("merge_two_actors", 4),
        ("undo_that_merge", 5),
        ("merge_50_actors_into_one", 6),
        ("undo_that_merge_of_50", 7),
    ];
    for (name, row) in rows {
        for (part, map_update) in [("edit", false), ("map_update", true)] {
            group.bench_function(format!("{name}_{part}"), |b| {
                b.iter_custom(|iters| {
                    let mut spent = Duration::ZERO;
                    for _ in 0..iters {
                        for k in 0..8 {
                            let edit = step(k, &mut doc);
                            let start = Instant::now();
                            sync(&doc, &mut cache, &mut synced);
                            if k == row {
                                spent += if map_update { start.elapsed() } else { edit };
                            }
                        }
                    }
                    spent
                })
            });
        }
    }
    // Other work the window does on its own thread on a large map.
    group.bench_function("find_possible_duplicates", |b| {
        b.iter(|| relmap::edit::possible_duplicates(&doc.data))
    });
    let hub = doc.data.actors[0].id.clone();
    group.bench_function("highlight_a_selected_actor", |b| {
        b.iter(|| {
            let selection = relmap::app::Selection::Actor(hub.clone());
            cache.apply_selection(&doc.data, &selection, None, None);
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
