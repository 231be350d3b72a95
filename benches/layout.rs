//! Benchmarks of one force-layout iteration at 1k, 10k and 100k nodes (three ties per actor,
//! from `generate`), on one thread with the default settings (Barnes-Hut θ = 1.0).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use relmap::generate::generate;
use relmap::layout::{ForceLayout, LayoutGraph, Settings};

fn one_iteration(c: &mut Criterion) {
    let mut group = c.benchmark_group("force_step");
    for n in [1_000usize, 10_000, 100_000] {
        let graph = LayoutGraph::from_dataset(&generate(n, 3 * n, 1));
        let settings = Settings {
            threads: 1,
            // Keep the layout hot, so every measured step does full work.
            cooling_after: u64::MAX,
            ..Settings::default()
        };
        let mut layout = ForceLayout::new(graph, settings);
        // Past the first steps from the seeded disc, into a typical mid-layout state.
        for _ in 0..20 {
            layout.step();
        }
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| layout.step())
        });
    }
    group.finish();
}

criterion_group!(benches, one_iteration);
criterion_main!(benches);
