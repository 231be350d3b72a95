//! The command line: argument parsing, the headless subcommands (`check`, `sample`, `generate`,
//! `layout`) and opening the app, with every message free of the build machine's paths.
//!
//! [`run`] is the whole program after `main`: it refuses an unknown subcommand before clap sees
//! it ([`operand`]), lets clap check the flags against their ranges ([`values`]), runs the
//! subcommand ([`commands`]) and gives a non-zero exit when its output could not be written.

pub mod commands;
pub mod ingest;
pub mod operand;
pub mod report;
pub mod values;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};

pub use commands::{check, convert, generate, layout, render, write_sample, LayoutOptions};

#[derive(Debug, Parser)]
#[command(
    name = "relmap",
    version,
    about = "Map who is tied to whom in the news, with the evidence for every tie",
    after_help = "A FILE whose name looks like a subcommand, or that does not exist yet, is \
                  given after `--`: relmap -- FILE",
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
        /// Dataset files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the built-in sample dataset to a file.
    Sample {
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write a synthetic dataset with communities, heavy-tailed degrees and valid excerpts.
    ///
    /// At most 500000 actors and 500000 ties: at both limits the file is about 450 MiB, under the
    /// 512 MiB that relmap opens, and making it takes about 1 GB of memory. Ties need at least
    /// two actors.
    Generate {
        /// Actors to make, from 0 to 500000.
        #[arg(long, value_name = "N", value_parser = values::actors, allow_negative_numbers = true)]
        actors: usize,
        /// Ties to make, from 0 to 500000 (more than 0 needs at least 2 actors).
        #[arg(long, value_name = "N", value_parser = values::ties, allow_negative_numbers = true)]
        ties: usize,
        /// Seed of the random choices, from 0 to 18446744073709551615; the same seed gives the
        /// same file.
        #[arg(long, default_value_t = 1, value_parser = values::seed, allow_negative_numbers = true)]
        seed: u64,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Read news articles and propose their actors and ties, each tie with the sentences that
    /// show it, as candidates for review.
    ///
    /// Articles are plain text, Markdown or HTML files, or folders of them. Candidates are saved
    /// with "status": "candidate"; actors already in --into are reused, never duplicated.
    Ingest {
        /// Article files or folders of articles.
        #[arg(required = true, value_name = "ARTICLE|FOLDER")]
        articles: Vec<PathBuf>,
        /// The article's title (default: from the page, or its first line).
        #[arg(long)]
        title: Option<String>,
        /// The outlet that published it.
        #[arg(long)]
        outlet: Option<String>,
        /// Its date of publication, YYYY-MM-DD (default: from the page or the text).
        #[arg(long, value_parser = values::date)]
        date: Option<String>,
        /// Its URL.
        #[arg(long)]
        url: Option<String>,
        /// A dataset to add the candidates to (default: a new, empty one).
        #[arg(long, value_name = "FILE")]
        into: Option<PathBuf>,
        /// Accept at once the candidates whose confidence is at least X, from 0 to 1.
        #[arg(long, value_name = "X", value_parser = values::confidence)]
        accept_above: Option<f32>,
        /// The file to write: the dataset with the candidates.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Run the force layout without a window, print the time per iteration, save the result.
    Layout {
        /// The dataset to lay out.
        file: PathBuf,
        /// Most steps to run, from 0 to 1000000 (fewer if the layout becomes still); 0 saves the
        /// starting positions.
        #[arg(long, value_name = "N", default_value_t = 500, value_parser = values::iterations,
              allow_negative_numbers = true)]
        iterations: u64,
        /// Threads for the repulsion, from 1 to 64; the result does not depend on it.
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = values::threads,
              allow_negative_numbers = true)]
        threads: usize,
        /// Attraction log(1 + d) instead of d: tighter, better separated clusters.
        #[arg(long)]
        linlog: bool,
        /// Repulsion strength (ForceAtlas2's scaling ratio), from 0.01 to 1000 [default: 1].
        #[arg(long, value_name = "RATIO", value_parser = values::scaling, allow_negative_numbers = true)]
        scaling: Option<f32>,
        /// The file to write: the dataset with the new positions.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Convert a map to another format: relmap, GEXF, GraphML, CSV (Kumu's three files) or
    /// FollowTheMoney entities.
    ///
    /// The formats are taken from the files' extensions (.relmap.json, .gexf, .graphml, .csv,
    /// .ftm.json), or given with --from and --to. Every file is read and checked before anything
    /// is written; what a format does not keep is said on stderr.
    Convert {
        /// The map to read.
        input: PathBuf,
        /// The file to write (for CSV, NAME.csv writes NAME.elements.csv,
        /// NAME.connections.csv and NAME.sources.csv).
        output: PathBuf,
        /// The input's format: relmap, gexf, graphml, csv or ftm.
        #[arg(long, value_name = "FORMAT", value_parser = values::format)]
        from: Option<&'static crate::io::formats::Format>,
        /// The output's format: relmap, gexf, graphml, csv or ftm.
        #[arg(long, value_name = "FORMAT", value_parser = values::format)]
        to: Option<&'static crate::io::formats::Format>,
    },
    /// Draw a map as SVG (vector, real text) or PNG, as the app shows it.
    Render {
        /// The map to draw, in any format relmap reads.
        file: PathBuf,
        /// The picture to write: NAME.svg or NAME.png.
        #[arg(short, long)]
        output: PathBuf,
        /// Number each tie that has evidence and list every quote with its source below the map.
        #[arg(long)]
        citations: bool,
        /// The picture's width in points, from 100 to 20000.
        #[arg(long, value_name = "POINTS", default_value_t = 1200.0, value_parser = values::width,
              allow_negative_numbers = true)]
        width: f32,
        /// Pixels per point of a PNG, from 0.1 to 8 (2 for a sharp picture on a fine screen).
        #[arg(long, value_name = "FACTOR", default_value_t = 1.0, value_parser = values::scale,
              allow_negative_numbers = true)]
        scale: f32,
        /// Draw only this part of the map, in map units: X0,Y0,X1,Y1.
        #[arg(long, value_name = "X0,Y0,X1,Y1", value_parser = values::view, allow_hyphen_values = true)]
        view: Option<crate::picture::View>,
        /// The dark theme instead of the light one.
        #[arg(long)]
        dark: bool,
    },
}

/// Runs relmap with these arguments (the program name first, as from `std::env::args_os`) and
/// returns the exit code: 0 on success, 1 when the work failed or its output could not be
/// written, 2 for a usage error.
pub fn run(args: Vec<OsString>) -> i32 {
    let mut cmd = Cli::command();
    cmd.build();
    if let Some(message) = operand::unknown_subcommand(&cmd, &args) {
        let mut stderr = std::io::stderr();
        let _ = write!(stderr, "{message}");
        return 2;
    }
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let (out, err) = (&mut std::io::stdout(), &mut std::io::stderr());
    match cli.command {
        Some(Command::Check { files }) => check(&files, out, err),
        Some(Command::Sample { output }) => write_sample(&output, err),
        Some(Command::Generate {
            actors,
            ties,
            seed,
            output,
        }) => match commands::generate_problem(actors, ties) {
            Some(problem) => clap_exit(&generate_usage_error(problem)),
            None => generate(actors, ties, seed, &output, out, err),
        },
        Some(Command::Layout {
            file,
            iterations,
            threads,
            linlog,
            scaling,
            output,
        }) => {
            let options = LayoutOptions {
                iterations,
                threads,
                linlog,
                scaling,
            };
            layout(&file, options, &output, out, err)
        }
        Some(Command::Convert {
            input,
            output,
            from,
            to,
        }) => convert(&input, &output, from, to, out, err),
        Some(Command::Render {
            file,
            output,
            citations,
            width,
            scale,
            view,
            dark,
        }) => {
            let options = crate::picture::Options {
                width,
                scale,
                theme: if dark {
                    crate::picture::Theme::Dark
                } else {
                    crate::picture::Theme::Light
                },
                view,
                citations,
            };
            render(&file, &output, &options, out, err)
        }
        Some(Command::Ingest {
            articles,
            title,
            outlet,
            date,
            url,
            into,
            accept_above,
            output,
        }) => {
            let meta = crate::ingest::Meta {
                title: title.unwrap_or_default(),
                outlet: outlet.unwrap_or_default(),
                published: date,
                url,
                author: None,
            };
            let options = ingest::Options {
                articles,
                meta,
                into,
                accept_above,
                output,
            };
            ingest::run(&options, out, err)
        }
        None => open_window(cli),
    }
}

/// Prints clap's message (help, version or a usage error) and returns its exit code, or 1 if the
/// message could not be written when the code was 0. Lost help or version text is reported on
/// stderr.
fn clap_exit(e: &clap::Error) -> i32 {
    let code = e.exit_code();
    match e.print().and_then(|()| std::io::stdout().flush()) {
        Ok(()) => code,
        Err(lost) => {
            if !e.use_stderr() {
                let _ = writeln!(std::io::stderr(), "relmap: cannot write the output: {lost}");
            }
            if code == 0 {
                1
            } else {
                code
            }
        }
    }
}

/// The usage error of `relmap generate` for ties without two actors, formatted by clap.
fn generate_usage_error(problem: String) -> clap::Error {
    let mut cmd = Cli::command();
    cmd.build();
    let kind = clap::error::ErrorKind::ArgumentConflict;
    match cmd.find_subcommand_mut("generate") {
        Some(generate) => generate.error(kind, problem),
        None => cmd.error(kind, problem),
    }
}

/// Opens the app; when no window can be opened, says why without the paths of winit's sources.
fn open_window(cli: Cli) -> i32 {
    let start = crate::app::StartOptions {
        file: cli.file,
        select: cli.select,
        read: cli.read,
    };
    match crate::app::run_native(start) {
        Ok(()) => 0,
        Err(e) => {
            let message = report::window_error(
                &e.to_string(),
                std::env::var_os("DISPLAY").as_deref(),
                std::env::var_os("WAYLAND_DISPLAY").as_deref(),
                &operand::subcommand_names(&Cli::command()),
            );
            let _ = write!(std::io::stderr(), "{message}");
            1
        }
    }
}
