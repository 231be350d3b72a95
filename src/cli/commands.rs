//! The headless subcommands. Each returns the process exit code, and checks its writes: when
//! its output or its messages cannot be written (a full disk, a closed pipe) it exits 1 even if
//! the work succeeded, and says so on the other stream where it can.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::generate::{MAX_ACTORS, MAX_TIES};

/// Options of `relmap layout` beyond the file names.
#[derive(Clone, Copy, Debug)]
pub struct LayoutOptions {
    pub iterations: u64,
    pub threads: usize,
    pub linlog: bool,
    pub scaling: Option<f32>,
}

/// Output and message streams that remember the first failed write of each.
pub(crate) struct Streams<'a> {
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
    out_failed: Option<io::Error>,
    err_failed: bool,
}

impl<'a> Streams<'a> {
    pub(crate) fn new(out: &'a mut dyn Write, err: &'a mut dyn Write) -> Self {
        Self {
            out,
            err,
            out_failed: None,
            err_failed: false,
        }
    }

    /// Writes a line of output; after a failure, writes nothing more.
    pub(crate) fn print(&mut self, line: fmt::Arguments) {
        if self.out_failed.is_none() {
            if let Err(e) = writeln!(self.out, "{line}") {
                self.out_failed = Some(e);
            }
        }
    }

    /// Writes a line of message.
    pub(crate) fn eprint(&mut self, line: fmt::Arguments) {
        if !self.err_failed && writeln!(self.err, "{line}").is_err() {
            self.err_failed = true;
        }
    }

    /// Flushes both streams and returns `code`, or 1 if it was 0 and a write failed. A failed
    /// output is reported on the message stream.
    pub(crate) fn finish(mut self, code: i32) -> i32 {
        if self.out_failed.is_none() {
            if let Err(e) = self.out.flush() {
                self.out_failed = Some(e);
            }
        }
        let out_lost = self.out_failed.take().map(|e| {
            self.eprint(format_args!("relmap: cannot write the output: {e}"));
        });
        if self.err.flush().is_err() {
            self.err_failed = true;
        }
        let lost = out_lost.is_some() || self.err_failed;
        if lost && code == 0 {
            1
        } else {
            code
        }
    }
}

/// Runs `relmap check`: a one-line summary per good file (and its warnings, on stderr), every
/// problem of a bad one.
/// Returns the process exit code (0 when every file is valid, 1 otherwise).
pub fn check(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut s = Streams::new(out, err);
    let mut code = 0;
    for path in files {
        match crate::io::formats::open(path) {
            Ok(loaded) => {
                s.print(format_args!(
                    "{}: ok: {}",
                    path.display(),
                    loaded.data.summary()
                ));
                // Worth knowing, but the file is valid: on stderr, and the exit code stays 0.
                for warning in &loaded.warnings {
                    s.eprint(format_args!("{}: warning: {warning}", path.display()));
                }
            }
            Err(e) => {
                code = 1;
                for line in e.lines() {
                    s.eprint(format_args!("{line}"));
                }
            }
        }
    }
    s.finish(code)
}

/// Runs `relmap sample -o FILE`.
pub fn write_sample(output: &Path, err: &mut dyn Write) -> i32 {
    let mut out = io::sink();
    let mut s = Streams::new(&mut out, err);
    let data = crate::sample::sample_dataset();
    let code = match crate::io::formats::save(output, &data, Default::default()) {
        Ok(()) => 0,
        Err(e) => {
            s.eprint(format_args!("{e}"));
            1
        }
    };
    s.finish(code)
}

/// Why `relmap generate` cannot make `actors` actors and `ties` ties, if it cannot.
pub fn generate_problem(actors: usize, ties: usize) -> Option<String> {
    if actors > MAX_ACTORS {
        Some(format!("--actors {actors} is more than {MAX_ACTORS}"))
    } else if ties > MAX_TIES {
        Some(format!("--ties {ties} is more than {MAX_TIES}"))
    } else if ties > 0 && actors < 2 {
        Some(format!(
            "--ties {ties} needs at least 2 actors, and --actors is {actors}"
        ))
    } else {
        None
    }
}

/// Runs `relmap generate`. Refuses (exit 2) what [`generate_problem`] refuses.
pub fn generate(
    actors: usize,
    ties: usize,
    seed: u64,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut s = Streams::new(out, err);
    if let Some(problem) = generate_problem(actors, ties) {
        s.eprint(format_args!("relmap generate: {problem}"));
        return s.finish(2);
    }
    let data = crate::generate::generate(actors, ties, seed);
    let code = match crate::io::formats::save(output, &data, Default::default()) {
        Ok(()) => {
            s.print(format_args!("{}: {}", output.display(), data.summary()));
            0
        }
        Err(e) => {
            s.eprint(format_args!("{e}"));
            1
        }
    };
    s.finish(code)
}

/// Runs `relmap layout`: at most `iterations` steps of the force layout (fewer if it becomes
/// still), then saves the positions to `output`.
pub fn layout(
    file: &Path,
    options: LayoutOptions,
    output: &Path,
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
    let mut s = Streams::new(out, err);
    let mut data = match crate::io::formats::open(file).map(|loaded| loaded.data) {
        Ok(data) => data,
        Err(e) => {
            for line in e.lines() {
                s.eprint(format_args!("{line}"));
            }
            return s.finish(1);
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
    s.print(format_args!(
        "{}: {done} iterations in {:.3} s: {per:.2} ms per iteration ({} actors, {} ties, {threads} thread{}){}",
        file.display(),
        elapsed.as_secs_f64(),
        data.actors.len(),
        data.ties.len(),
        if threads == 1 { "" } else { "s" },
        if layout.is_converged() { ", converged" } else { "" }
    ));
    for (actor, p) in data.actors.iter_mut().zip(layout.positions()) {
        if !actor.pinned {
            let q = to_point(*p);
            actor.position = Some(crate::model::Point::new(
                (q.x * 100.0).round() / 100.0,
                (q.y * 100.0).round() / 100.0,
            ));
        }
    }
    let code = match crate::io::formats::save(output, &data, Default::default()) {
        Ok(()) => 0,
        Err(e) => {
            s.eprint(format_args!("{e}"));
            1
        }
    };
    s.finish(code)
}

/// Runs `relmap convert`: reads `input` (in `from`, or the format its name says), says on
/// stderr what the input held that the map does not keep, writes `output` (in `to`, or the
/// format its name says), and prints the files written with what they hold.
pub fn convert(
    input: &Path,
    output: &Path,
    from: Option<&'static crate::io::formats::Format>,
    to: Option<&'static crate::io::formats::Format>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    use crate::io::formats;
    let mut s = Streams::new(out, err);
    let from = from.unwrap_or_else(|| formats::for_path(input));
    let to = to.unwrap_or_else(|| formats::for_path(output));
    if from.read.is_none() && from.parts.is_none() {
        s.eprint(format_args!(
            "relmap convert: relmap cannot read {} files",
            from.name
        ));
        return s.finish(1);
    }
    if to.write.is_none() && to.parts.is_none() {
        s.eprint(format_args!(
            "relmap convert: relmap cannot write {} files",
            to.name
        ));
        return s.finish(1);
    }
    let loaded = match formats::open_as(input, from) {
        Ok(loaded) => loaded,
        Err(e) => {
            for line in e.lines() {
                s.eprint(format_args!("{line}"));
            }
            return s.finish(1);
        }
    };
    for warning in &loaded.warnings {
        s.eprint(format_args!("{}: warning: {warning}", input.display()));
    }
    for loss in crate::io::interop::losses(&loaded.data, to) {
        s.eprint(format_args!("{}: not kept: {loss}", output.display()));
    }
    let code = match formats::save_as(
        output,
        to,
        &loaded.data,
        Default::default(),
        &mut crate::io::Progress::none(),
    ) {
        Ok(files) => {
            for file in files {
                s.print(format_args!(
                    "{}: {} ({})",
                    file.display(),
                    loaded.data.summary(),
                    to.name
                ));
            }
            0
        }
        Err(e) => {
            s.eprint(format_args!("{e}"));
            1
        }
    };
    s.finish(code)
}

/// Runs `relmap render`: the map in `file` drawn to `output`, SVG or PNG by its extension.
pub fn render(
    file: &Path,
    output: &Path,
    options: &crate::picture::Options,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut s = Streams::new(out, err);
    let extension = output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if extension != "svg" && extension != "png" {
        s.eprint(format_args!(
            "relmap render: {}: the picture's name must end in .svg or .png",
            output.display()
        ));
        return s.finish(2);
    }
    let data = match crate::io::formats::open(file) {
        Ok(loaded) => loaded.data,
        Err(e) => {
            for line in e.lines() {
                s.eprint(format_args!("{line}"));
            }
            return s.finish(1);
        }
    };
    let started = std::time::Instant::now();
    let bytes = if extension == "svg" {
        Ok(crate::picture::to_svg(&data, options).into_bytes())
    } else {
        crate::picture::to_png(&data, options)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => {
            s.eprint(format_args!("relmap render: {e}"));
            return s.finish(1);
        }
    };
    let code = match crate::io::atomic::write_atomically(output, &bytes, Default::default()) {
        Ok(()) => {
            s.print(format_args!(
                "{}: {} bytes in {:.3} s",
                output.display(),
                bytes.len(),
                started.elapsed().as_secs_f64()
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

#[cfg(test)]
#[path = "commands_tests.rs"]
mod tests;
