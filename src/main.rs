//! The relmap binary: parse the command line, then run a subcommand or the app.

use clap::Parser;
use relmap::cli::{Cli, Command};

fn main() {
    relmap::app::mark_process_start();
    let cli = Cli::parse();
    let (out, err) = (&mut std::io::stdout(), &mut std::io::stderr());
    let code = match cli.command {
        Some(Command::Check { files }) => relmap::cli::check(&files, out, err),
        Some(Command::Sample { output }) => relmap::cli::write_sample(&output, err),
        Some(Command::Generate {
            actors,
            ties,
            seed,
            output,
        }) => relmap::cli::generate(actors, ties, seed, &output, out, err),
        Some(Command::Layout {
            file,
            iterations,
            threads,
            linlog,
            scaling,
            output,
        }) => {
            let options = relmap::cli::LayoutOptions {
                iterations,
                threads,
                linlog,
                scaling,
            };
            relmap::cli::layout(&file, options, &output, out, err)
        }
        None => match relmap::app::run_native(relmap::app::StartOptions {
            file: cli.file,
            select: cli.select,
            read: cli.read,
        }) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("relmap: cannot open a window: {e}");
                1
            }
        },
    };
    std::process::exit(code);
}
