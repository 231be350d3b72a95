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
