//! The explore queries on generated maps of 10k actors / 30k ties and 34k actors / 100k ties:
//! a filter change and a timeline step, each with the map's mask update (compose, the mask,
//! the map cache taking it and re-indexing its grid); one search per keystroke of a typed
//! query; the paths between two actors; PageRank, Louvain and betweenness (on every core, as
//! the window runs it on the task runner); and building the graph and the search index, done
//! once per change of the map's structure.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use relmap::analysis::{self, betweenness, communities, metrics, MapGraph, SearchIndex, Shown};
use relmap::app::visibility::Visibility;
use relmap::model::{Dataset, FilterSpec, Polarity, TimeSpec, ViewState};
use relmap::ui::map::MapCache;

fn maps() -> Vec<(&'static str, Dataset)> {
    vec![
        ("10k_30k", relmap::generate::generate(10_000, 30_000, 1)),
        ("34k_100k", relmap::generate::generate(34_000, 100_000, 1)),
    ]
}

/// What the map shows under `view`, as the window computes it: compose, the mask, and the
/// map's cache taking it.
fn update_mask(data: &Dataset, graph: &MapGraph, view: &ViewState, cache: &mut MapCache) {
    let composed = analysis::compose(data, graph, Shown::all(graph), view, None);
    let mask = Visibility::from_flags(data, composed.shown.actors, composed.shown.ties);
    cache.set_visibility(&mask);
    cache.reindex();
}

fn mask_updates(c: &mut Criterion) {
    let mut group = c.benchmark_group("explore_mask");
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    for (name, data) in maps() {
        let graph = MapGraph::build(&data);
        let mut cache = MapCache::build(&data);
        let hostile = ViewState {
            filters: FilterSpec {
                hide_polarities: vec![Polarity::Hostile],
                ..FilterSpec::default()
            },
            ..ViewState::default()
        };
        let mut toggle = false;
        group.bench_function(BenchmarkId::new("filter_change", name), |b| {
            b.iter(|| {
                toggle = !toggle;
                let view = if toggle {
                    hostile.clone()
                } else {
                    ViewState::default()
                };
                update_mask(&data, &graph, &view, &mut cache);
            })
        });
        // A timeline step of one year over the map's 25 years, under a filter and "as known
        // on" the range's last day.
        let mut year = 2000;
        group.bench_function(BenchmarkId::new("timeline_step", name), |b| {
            b.iter(|| {
                year = if year >= 2024 { 2000 } else { year + 1 };
                let mut view = hostile.clone();
                view.timeline = TimeSpec {
                    from: Some(format!("{}", year - 3)),
                    to: Some(format!("{year}")),
                    known_on: Some(format!("{year}-12-31")),
                    ..TimeSpec::default()
                };
                update_mask(&data, &graph, &view, &mut cache);
            })
        });
        group.bench_function(BenchmarkId::new("histogram", name), |b| {
            let all = vec![true; data.ties.len()];
            b.iter(|| analysis::timeline::Histogram::of(&graph, &all))
        });
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("explore_search");
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    for (name, data) in maps() {
        let index = SearchIndex::build(&data);
        // A name, typed one key at a time; a phrase of the quotes; a typo.
        let typed = [
            "j", "jo", "jon", "jona", "jonas", "jonas ", "jonas b", "jonas br",
        ];
        group.bench_function(BenchmarkId::new("keystrokes_jonas_br_per_key", name), |b| {
            b.iter(|| {
                for query in typed {
                    criterion::black_box(analysis::search(&index, &data, query));
                }
            })
        });
        group.bench_function(BenchmarkId::new("phrase_pledged_support", name), |b| {
            b.iter(|| analysis::search(&index, &data, "pledged support"))
        });
        group.bench_function(BenchmarkId::new("typo_sanctoins", name), |b| {
            b.iter(|| analysis::search(&index, &data, "sanctoins"))
        });
    }
    group.finish();
}

fn structure(c: &mut Criterion) {
    let mut group = c.benchmark_group("explore_build");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    for (name, data) in maps() {
        group.bench_function(BenchmarkId::new("graph", name), |b| {
            b.iter(|| MapGraph::build(&data))
        });
        group.bench_function(BenchmarkId::new("search_index", name), |b| {
            b.iter(|| SearchIndex::build(&data))
        });
    }
    group.finish();
}

fn measures(c: &mut Criterion) {
    let mut group = c.benchmark_group("explore_metrics");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for (name, data) in maps() {
        let graph = MapGraph::build(&data);
        let query = analysis::PathQuery {
            from: 0,
            to: data.actors.len() / 2,
            max_length: 6,
            count: 5,
            weight: analysis::PathWeight::Excerpts,
        };
        let evidence = analysis::Evidence::new(&data, &FilterSpec::default(), &TimeSpec::default());
        let shown = Shown::all(&graph);
        group.bench_function(BenchmarkId::new("five_paths_weighted", name), |b| {
            b.iter(|| analysis::paths::shortest_paths(&graph, &shown, &evidence, query))
        });
        group.bench_function(BenchmarkId::new("page_rank", name), |b| {
            b.iter(|| metrics::page_rank(&graph))
        });
        group.bench_function(BenchmarkId::new("louvain", name), |b| {
            b.iter(|| communities::louvain(&graph))
        });
        // Betweenness at 100k ties takes about a minute a run: measured at 10k only here.
        if data.ties.len() <= 30_000 {
            let id = BenchmarkId::new(format!("betweenness_{threads}_threads"), name);
            group.bench_function(id, |b| {
                b.iter(|| betweenness::betweenness(&graph, threads, &|_| {}, &|| false))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, mask_updates, search, structure, measures);
criterion_main!(benches);
