//! Benchmark of ingesting articles: one article of 5,000 words (the test articles repeated, as
//! one long text) from raw text to candidates, and 100 articles (the four test articles, 25
//! times each) ingested one after another into one growing dataset, each matched against the
//! actors the ones before added.

use criterion::{criterion_group, criterion_main, Criterion};
use relmap::ingest::{candidates, ingest, input::Article};
use relmap::model::Dataset;

const ARTICLES: [&str; 4] = [
    include_str!("../tests/data/ingest/assad-kim-article.txt"),
    include_str!("../tests/data/ingest/wire-report.txt"),
    include_str!("../tests/data/ingest/analysis-experts.txt"),
    include_str!("../tests/data/ingest/organisation-roles.txt"),
];

fn article(text: String) -> Article {
    Article {
        text,
        ..Article::default()
    }
}

/// The test articles, one after another, until the text has `words` words.
fn long_text(words: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.split_whitespace().count() < words {
        text.push_str(ARTICLES[i % ARTICLES.len()]);
        text.push('\n');
        i += 1;
    }
    text
}

fn ingest_articles(c: &mut Criterion) {
    let mut group = c.benchmark_group("ingest");
    group.sample_size(20);
    let long = article(long_text(5_000));
    let empty = Dataset::default();
    // Built once, as a long-running app does: the Punkt data and the country tables.
    ingest(&long, &empty);
    group.bench_function("one_article_of_5000_words", |b| {
        b.iter(|| ingest(&long, &empty))
    });
    let hundred: Vec<Article> = (0..100)
        .map(|i| article(ARTICLES[i % ARTICLES.len()].to_owned()))
        .collect();
    group.sample_size(10);
    group.bench_function("100_articles_into_one_dataset", |b| {
        b.iter(|| {
            let mut data = Dataset::default();
            for a in &hundred {
                let got = ingest(a, &data);
                candidates::add(&mut data, &got, None);
            }
            data
        })
    });
    group.finish();
}

criterion_group!(benches, ingest_articles);
criterion_main!(benches);
