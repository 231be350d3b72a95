//! `relmap ingest`: articles in, a dataset with candidate actors and ties out, and a summary of
//! what each article gave. Nothing is written when an article or the `--into` dataset cannot be
//! read.

use std::io::Write;
use std::path::PathBuf;

use super::commands::Streams;
use crate::ingest::{self, candidates, Article, Meta};
use crate::model::Dataset;

/// What `relmap ingest` was asked.
#[derive(Clone, Debug)]
pub struct Options {
    pub articles: Vec<PathBuf>,
    /// Metadata given on the command line; it wins over what the articles say.
    pub meta: Meta,
    pub into: Option<PathBuf>,
    pub accept_above: Option<f32>,
    pub output: PathBuf,
}

/// Runs `relmap ingest`; returns the exit code (0, or 1 when something could not be read or
/// written).
pub fn run(options: &Options, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut s = Streams::new(out, err);
    let mut data = match &options.into {
        Some(path) => match crate::io::formats::open(path) {
            Ok(loaded) => loaded.data,
            Err(e) => {
                for line in e.lines() {
                    s.eprint(format_args!("{line}"));
                }
                return s.finish(1);
            }
        },
        None => Dataset::default(),
    };
    let mut articles: Vec<Article> = Vec::new();
    for path in &options.articles {
        match ingest::input::read_path(path) {
            Ok(found) => articles.extend(found),
            Err(e) => {
                s.eprint(format_args!("relmap ingest: {e}"));
                return s.finish(1);
            }
        }
    }
    let mut total = candidates::Summary::default();
    for mut article in articles {
        article.meta = options.meta.clone().or(article.meta);
        let got = ingest::ingest(&article, &data);
        let summary = candidates::add(&mut data, &got, options.accept_above);
        let name = article
            .path
            .as_ref()
            .map_or_else(|| "article".to_owned(), |p| p.display().to_string());
        s.print(format_args!("{name}: {}", summary.line()));
        total = total.plus(summary);
    }
    let code = match crate::io::formats::save(&options.output, &data, Default::default()) {
        Ok(()) => {
            s.print(format_args!(
                "{}: {}; the map now has {}",
                options.output.display(),
                total.line(),
                data.summary()
            ));
            0
        }
        Err(e) => {
            s.eprint(format_args!("{e}"));
            1
        }
    };
    s.finish(code)
}
