//! The command line: argument parsing and the headless subcommands (`check`, `sample`).

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "relmap",
    version,
    about = "Map who is tied to whom in the news, with the evidence for every tie",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A dataset to open (`.relmap.json`); without one the built-in sample opens.
    pub file: Option<PathBuf>,

    /// Select this actor or tie (by id) when the app opens.
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,

    /// With --select on a tie: open its first excerpt in the article reader.
    #[arg(long, requires = "select")]
    pub read: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate dataset files and print every problem found.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the built-in sample dataset to a file.
    Sample {
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write a synthetic dataset with communities, heavy-tailed degrees and valid excerpts.
    Generate {
        #[arg(long)]
        actors: usize,
        #[arg(long)]
        ties: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Run the force layout without a window, print the time per iteration, save the result.
    Layout {
        file: PathBuf,
        #[arg(long, default_value_t = 500)]
        iterations: u64,
        #[arg(long, default_value_t = 1)]
        threads: usize,
        /// Attraction log(1 + d) instead of d: tighter, better separated clusters.
        #[arg(long)]
        linlog: bool,
        /// Repulsion strength (ForceAtlas2's scaling ratio).
        #[arg(long)]
        scaling: Option<f32>,
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Options of `relmap layout` beyond the file names.
#[derive(Clone, Copy, Debug)]
pub struct LayoutOptions {
    pub iterations: u64,
    pub threads: usize,
    pub linlog: bool,
    pub scaling: Option<f32>,
}

/// Runs `relmap check`: a one-line summary per good file, every problem of a bad one.
/// Returns the process exit code (0 when every file is valid, 1 otherwise).
pub fn check(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut code = 0;
    for path in files {
        match crate::io::json::load_file(path) {
            Ok(data) => {
                let _ = writeln!(out, "{}: ok: {}", path.display(), data.summary());
            }
            Err(e) => {
                code = 1;
                for line in e.lines() {
                    let _ = writeln!(err, "{line}");
                }
            }
        }
    }
    code
}

/// Runs `relmap sample -o FILE`.
pub fn write_sample(output: &std::path::Path, err: &mut dyn Write) -> i32 {
    let data = crate::sample::sample_dataset();
    match crate::io::json::save_file(output, &data) {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

/// Runs `relmap generate`.
pub fn generate(
    actors: usize,
    ties: usize,
    seed: u64,
    output: &std::path::Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let data = crate::generate::generate(actors, ties, seed);
    match crate::io::json::save_file(output, &data) {
        Ok(()) => {
            let _ = writeln!(out, "{}: {}", output.display(), data.summary());
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

/// Runs `relmap layout`: at most `iterations` steps of the force layout (fewer if it becomes
/// still), then saves the positions to `output`.
pub fn layout(
    file: &std::path::Path,
    options: LayoutOptions,
    output: &std::path::Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let LayoutOptions {
        iterations,
        threads,
        linlog,
        scaling,
    } = options;
    use crate::layout::{to_point, ForceLayout, LayoutGraph, Settings};
    let mut data = match crate::io::json::load_file(file) {
        Ok(data) => data,
        Err(e) => {
            for line in e.lines() {
                let _ = writeln!(err, "{line}");
            }
            return 1;
        }
    };
    let defaults = Settings::default();
    let settings = Settings {
        threads,
        max_iterations: iterations,
        linlog,
        scaling: scaling.unwrap_or(defaults.scaling),
        ..defaults
    };
    let mut layout = ForceLayout::new(LayoutGraph::from_dataset(&data), settings);
    let started = std::time::Instant::now();
    let mut done = 0;
    while done < iterations && !layout.is_converged() {
        layout.step();
        done += 1;
    }
    let elapsed = started.elapsed();
    let per = if done == 0 {
        0.0
    } else {
        elapsed.as_secs_f64() * 1000.0 / done as f64
    };
    let _ = writeln!(
        out,
        "{}: {done} iterations in {:.3} s: {per:.2} ms per iteration ({} actors, {} ties, {threads} thread{}){}",
        file.display(),
        elapsed.as_secs_f64(),
        data.actors.len(),
        data.ties.len(),
        if threads == 1 { "" } else { "s" },
        if layout.is_converged() { ", converged" } else { "" }
    );
    for (actor, p) in data.actors.iter_mut().zip(layout.positions()) {
        if !actor.pinned {
            let q = to_point(*p);
            actor.position = Some(crate::model::Point::new(
                (q.x * 100.0).round() / 100.0,
                (q.y * 100.0).round() / 100.0,
            ));
        }
    }
    match crate::io::json::save_file(output, &data) {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}
