//! Benchmark of opening a 50k-tie file: `io::json::load_file` (read, parse and validate) on a
//! generated dataset of 17,000 actors and 50,000 ties (`generate(17_000, 50_000, 1)`), saved once
//! to a temporary file during setup. Setup is not measured.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use relmap::generate::generate;
use relmap::io::json::{load_file, save_file};

fn open_50k_ties(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench-50k.relmap.json");
    let data = generate(17_000, 50_000, 1);
    save_file(&path, &data).expect("save the generated dataset");
    drop(data);
    let bytes = std::fs::metadata(&path).expect("saved file").len();

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("json_50k_ties", |b| {
        b.iter(|| {
            let loaded = load_file(&path).expect("the generated file is valid");
            assert_eq!(loaded.ties.len(), 50_000);
            loaded
        })
    });
    group.finish();
    // `dir` is removed here, after the measurement.
}

criterion_group!(benches, open_50k_ties);
criterion_main!(benches);
