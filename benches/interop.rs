//! Benchmarks of the interchange formats and pictures: a generated map of 34,000 actors and
//! 100,000 ties (`generate(34_000, 100_000, 1)`) written to and read from GEXF and GraphML in
//! memory, and the SVG of a generated 10k map (`generate(10_000, 30_000, 1)`). Making the maps
//! and the files to read is setup, not measured.

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use relmap::generate::generate;
use relmap::io::formats::by_key;
use relmap::io::Progress;

fn formats_100k_ties(c: &mut Criterion) {
    let data = generate(34_000, 100_000, 1);
    let mut group = c.benchmark_group("interop_100k_ties");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    for key in ["gexf", "graphml"] {
        let format = by_key(key).expect("a registered format");
        let write = format.write.expect("a writer");
        let read = format.read.expect("a reader");
        let mut bytes = Vec::new();
        write(&data, &mut bytes, &mut Progress::none()).expect("the generated map can be written");
        group.bench_function(format!("write_{key}"), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(bytes.len());
                write(&data, &mut out, &mut Progress::none()).expect("written");
                out
            })
        });
        group.bench_function(format!("read_{key}"), |b| {
            b.iter(|| {
                let mut progress = Progress::none();
                let loaded = read(&mut bytes.as_slice(), Path::new("bench"), &mut progress)
                    .expect("read back");
                assert_eq!(loaded.data.ties.len(), 100_000);
                loaded
            })
        });
    }
    group.finish();
}

fn svg_10k(c: &mut Criterion) {
    let data = generate(10_000, 30_000, 1);
    let options = relmap::picture::Options::default();
    let mut group = c.benchmark_group("picture_10k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("svg", |b| {
        b.iter(|| relmap::picture::to_svg(&data, &options))
    });
    group.finish();
}

criterion_group!(benches, formats_100k_ties, svg_10k);
criterion_main!(benches);
