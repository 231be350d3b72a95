//! The relmap binary: everything is in the library's [`relmap::cli::run`].

fn main() {
    relmap::cli::report::install_panic_hook();
    relmap::app::mark_process_start();
    std::process::exit(relmap::cli::run(std::env::args_os().collect()));
}
