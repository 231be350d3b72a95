//! Messages for failures outside relmap's own errors (no window, a panic), made useful and free
//! of the paths of the machine that built relmap: winit's errors name its source file in the
//! cargo registry, and a panic names the file and line it came from.

use std::ffi::OsStr;

/// What to print when the app cannot open a window: why, in words, and what works without one.
/// `error` is the text of eframe's error; `display` and `wayland` are the values of `DISPLAY`
/// and `WAYLAND_DISPLAY`.
pub fn window_error(
    error: &str,
    display: Option<&OsStr>,
    wayland: Option<&OsStr>,
    subcommands: &[String],
) -> String {
    let unset = |v: Option<&OsStr>| v.is_none_or(OsStr::is_empty);
    let why = if cfg!(all(unix, not(target_os = "macos"))) && unset(display) && unset(wayland) {
        "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set)".to_owned()
    } else {
        let cause = cause(error);
        let mut why = lowercase_first(&cause);
        for (name, value) in [("WAYLAND_DISPLAY", wayland), ("DISPLAY", display)] {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                why += &format!(" ({name} is '{}')", value.to_string_lossy());
                break;
            }
        }
        why
    };
    format!(
        "relmap: cannot open a window: {why}\nrelmap: without a window these subcommands work: \
         {} (see 'relmap --help')\n",
        subcommands.join(", ")
    )
}

/// The part of an error's text that says what went wrong, without source locations: winit
/// writes `os error at /…/winit-0.30/src/…/mod.rs:765: Failed to open connection to X server`,
/// of which the words after the last location are the cause.
pub fn cause(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let after = match words.iter().rposition(|w| is_source_path(w)) {
        Some(at) if at + 1 < words.len() => &words[at + 1..],
        _ => &words[..],
    };
    let kept: Vec<&str> = after
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            let location_follows = after.get(i + 1).is_some_and(|n| is_source_path(n));
            let dropped = is_source_path(w) || (*w == "at" && location_follows);
            !dropped
        })
        .map(|(_, w)| *w)
        .collect();
    let cause = kept.join(" ");
    let cause = cause.trim_end_matches('.');
    if cause.is_empty() {
        "unknown error".to_owned()
    } else {
        cause.to_owned()
    }
}

/// Whether a word of a message is a path on the build machine: a Rust source file (with its
/// line), or anything under a cargo registry or the toolchain's sources.
fn is_source_path(word: &str) -> bool {
    let word = word.trim_matches(|c: char| "()[]{}<>'\"`,;".contains(c));
    let source_file = word
        .split(':')
        .next()
        .is_some_and(|file| file.ends_with(".rs") && file.len() > 3);
    source_file
        || [
            ".cargo",
            "/registry/",
            "/rustc/",
            "\\registry\\",
            "\\rustc\\",
        ]
        .iter()
        .any(|p| word.contains(p))
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

/// What to print for a panic: its message without build paths, the source file's name and line
/// without its folders, and that it is a bug.
pub fn panic_message(message: Option<&str>, file: Option<&str>, line: u32) -> String {
    let text = message.unwrap_or("no message");
    let words: Vec<&str> = text
        .split(' ')
        .map(|w| if is_source_path(w) { "…" } else { w })
        .collect();
    let place = file
        .and_then(|f| f.rsplit(['/', '\\']).next())
        .map(|name| format!(" (in {name}, line {line})"))
        .unwrap_or_default();
    format!(
        "relmap: internal error: {}{place}\nThis is a bug in relmap; please report it.\n",
        words.join(" ")
    )
}

/// Replaces the default panic message, which names the panicking source file by its path on
/// the build machine, with [`panic_message`].
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location();
        let message = panic_message(
            info.payload_as_str(),
            location.map(|l| l.file()),
            location.map_or(0, |l| l.line()),
        );
        let _ = std::io::Write::write_all(&mut std::io::stderr(), message.as_bytes());
    }));
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
