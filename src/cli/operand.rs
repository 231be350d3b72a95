//! The first operand of the command line: a subcommand, or a file to open. clap cannot tell a
//! mistyped subcommand from a file, so relmap decides: a file to open must exist, or be given
//! after `--` (then the app opens and reports a missing file itself). Anything else is refused
//! with the list of subcommands and, when one is close, a suggestion.

use std::ffi::{OsStr, OsString};

/// The subcommands a user can type, in their order, without the hidden ones (and without
/// clap's `help`, which is not a mode of relmap).
pub fn subcommand_names(cmd: &clap::Command) -> Vec<String> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .map(|s| s.get_name().to_owned())
        .collect()
}

/// The message refusing the first operand of `args` (program name first), or `None` when it is
/// a subcommand, an existing path, given after `--`, or absent. `cmd` must be built
/// ([`clap::Command::build`]) so that it knows `--help`, `--version` and `help`.
pub fn unknown_subcommand(cmd: &clap::Command, args: &[OsString]) -> Option<String> {
    let operand = first_operand(cmd, args.get(1..).unwrap_or_default())?;
    if cmd.find_subcommand(operand).is_some() {
        return None;
    }
    match std::fs::symlink_metadata(operand) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        _ => return None,
    }
    Some(message(&operand.to_string_lossy(), &subcommand_names(cmd)))
}

/// The first argument that is neither an option nor an option's value, if it comes before `--`.
/// Stops (`None`) at an option `cmd` does not know, so that clap reports that one.
fn first_operand<'a>(cmd: &clap::Command, args: &'a [OsString]) -> Option<&'a OsStr> {
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if arg == "--" {
            return None;
        }
        let takes_value = if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((name, _)) => (name, true),
                None => (long, false),
            };
            let found = cmd.get_arguments().find(|a| {
                a.get_long_and_visible_aliases()
                    .is_some_and(|names| names.contains(&name))
            })?;
            found.get_action().takes_values() && !inline
        } else if let Some(shorts) = arg.strip_prefix('-').filter(|s| !s.is_empty()) {
            let mut takes_value = false;
            for (at, c) in shorts.char_indices() {
                let found = cmd.get_arguments().find(|a| {
                    a.get_short_and_visible_aliases()
                        .is_some_and(|names| names.contains(&c))
                })?;
                if found.get_action().takes_values() {
                    takes_value = at + c.len_utf8() == shorts.len();
                    break;
                }
            }
            takes_value
        } else {
            return Some(&args[i]);
        };
        i += if takes_value { 2 } else { 1 };
    }
    None
}

/// The refusal: what is wrong, the nearest subcommand if one is close, the subcommands, and how
/// to open such a file anyway.
fn message(operand: &str, subcommands: &[String]) -> String {
    let looks_like_a_path = operand.contains(['/', '\\']) || operand.ends_with(".json");
    let mut text = if looks_like_a_path {
        format!("relmap: no file '{operand}' exists\n")
    } else {
        let mut text =
            format!("relmap: '{operand}' is not a subcommand, and no file '{operand}' exists\n");
        if let Some(near) = nearest(operand, subcommands) {
            text += &format!("  did you mean '{near}'?\n");
        }
        text
    };
    let plain = !operand.is_empty()
        && operand
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-+,:@%=/".contains(c));
    let example = if plain && !operand.starts_with('-') {
        operand
    } else {
        "FILE"
    };
    text += &format!(
        "  subcommands: {}\n  a file whose name looks like a subcommand, or that does not exist \
         yet, is given after '--': relmap -- {example}\n\nFor more information, try '--help'.\n",
        subcommands.join(", ")
    );
    text
}

/// The subcommand nearest to `typed`, if it is a typo away: at most one edit for names of up to
/// five letters, two for longer ones (a swap of neighbours is one edit). Case is ignored.
fn nearest<'a>(typed: &str, subcommands: &'a [String]) -> Option<&'a str> {
    let typed: Vec<char> = typed.to_lowercase().chars().collect();
    subcommands
        .iter()
        .map(|name| {
            let chars: Vec<char> = name.chars().collect();
            (edit_distance(&typed, &chars), name)
        })
        .filter(|(d, name)| *d <= if name.chars().count() <= 5 { 1 } else { 2 })
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name.as_str())
}

/// Edits (insert, delete, replace, swap of neighbours) turning `a` into `b`.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut rows = vec![(0..=b.len()).collect::<Vec<usize>>()];
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let replace = rows[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            row[j] = replace.min(rows[i - 1][j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
#[path = "operand_tests.rs"]
mod tests;
