//! The command line refuses what it cannot do, up front: unknown subcommands, missing files not
//! given after `--`, numbers out of range, ties without actors. Run as a real process.

use std::ffi::OsStr;
use std::process::{Command, Output};

use crate::common::data;

fn relmap(args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(args)
        .output()
        .expect("run relmap")
}

/// relmap without a display, so that opening the app fails at once instead of showing a window.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn headless() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_relmap"));
    for name in ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"] {
        command.env_remove(name);
    }
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_mistyped_subcommand_is_refused_with_the_subcommands_and_a_suggestion() {
    let good = data("good/small.relmap.json");
    let out = relmap(&["chek".as_ref(), good.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    assert_eq!(
        text(&out.stderr),
        "relmap: 'chek' is not a subcommand, and no file 'chek' exists\n  did you mean 'check'?\n  \
         subcommands: check, sample, generate, ingest, layout, convert, render\n  a file whose name looks like a \
         subcommand, or that does not exist yet, is given after '--': relmap -- chek\n\nFor more \
         information, try '--help'.\n"
    );
    let out = relmap(&["frobnicate".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("relmap: 'frobnicate' is not a subcommand"),
        "{err}"
    );
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn a_missing_file_is_refused_unless_given_after_double_dash() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("new.relmap.json");
    let out = relmap(&[missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with(&format!("relmap: no file '{}' exists\n", missing.display()))
    );
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        // After `--` the app is started (and, without a display, says it cannot open a window).
        for args in [&["--", "chek"][..], &["--select", "kim", "--", "chek"][..]] {
            let out = headless().args(args).output().expect("run relmap");
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            assert!(
                text(&out.stderr).starts_with("relmap: cannot open a window:"),
                "{args:?}: {}",
                text(&out.stderr)
            );
        }
        // An existing file named like a typo of a subcommand is opened.
        std::fs::copy(data("good/small.relmap.json"), dir.path().join("chek")).unwrap();
        let out = headless()
            .arg("chek")
            .current_dir(dir.path())
            .output()
            .expect("run relmap");
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out.stderr).starts_with("relmap: cannot open a window:"));
    }
}

/// Every numeric flag refuses values out of its range, naming the flag and the range.
#[test]
fn numbers_out_of_range_are_refused_with_the_flag_and_the_range() {
    let good = data("good/small.relmap.json");
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("out.relmap.json");
    // `--actors 10 --ties 10` unless the case gives one of them.
    let generate = |flags: &[&str]| -> Vec<String> {
        let mut args = vec!["generate".to_string()];
        for flag in ["--actors", "--ties"] {
            if !flags.contains(&flag) {
                args.extend([flag.to_string(), "10".to_string()]);
            }
        }
        args.extend(flags.iter().map(|s| s.to_string()));
        args
    };
    let layout = |flags: &[&str]| -> Vec<String> {
        let mut args = vec!["layout".to_string(), good.display().to_string()];
        args.extend(flags.iter().map(|s| s.to_string()));
        args
    };
    let whole = |range: &str| format!("must be a whole number from {range}");
    let cases = [
        (
            generate(&["--actors", "10000000000"]),
            "--actors <N>",
            whole("0 to 500000"),
        ),
        (
            generate(&["--actors", "500001"]),
            "--actors <N>",
            whole("0 to 500000"),
        ),
        (
            generate(&["--actors", "-1"]),
            "--actors <N>",
            whole("0 to 500000"),
        ),
        (
            generate(&["--ties", "500001"]),
            "--ties <N>",
            whole("0 to 500000"),
        ),
        (
            generate(&["--ties", "2.5"]),
            "--ties <N>",
            whole("0 to 500000"),
        ),
        (
            generate(&["--seed", "-1"]),
            "--seed <SEED>",
            whole("0 to 18446744073709551615"),
        ),
        (
            generate(&["--seed", "18446744073709551616"]),
            "--seed <SEED>",
            whole("0 to 18446744073709551615"),
        ),
        (
            layout(&["--threads", "0"]),
            "--threads <N>",
            whole("1 to 64"),
        ),
        (
            layout(&["--threads", "65"]),
            "--threads <N>",
            whole("1 to 64"),
        ),
        (
            layout(&["--threads", "-2"]),
            "--threads <N>",
            whole("1 to 64"),
        ),
        (
            layout(&["--iterations", "1000001"]),
            "--iterations <N>",
            whole("0 to 1000000"),
        ),
        (
            layout(&["--iterations", "-1"]),
            "--iterations <N>",
            whole("0 to 1000000"),
        ),
    ];
    let scaling = "must be a number from 0.01 to 1000".to_string();
    let scalings = ["NaN", "inf", "0", "-1", "1e9", "--scaling=-inf"].map(|value| {
        let flags = match value.strip_prefix("--scaling=") {
            Some(_) => layout(&[value]),
            None => layout(&["--scaling", value]),
        };
        (flags, "--scaling <RATIO>", scaling.clone())
    });
    for (mut args, flag, range) in cases.into_iter().chain(scalings) {
        args.extend(["-o".to_string(), output.display().to_string()]);
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let out = relmap(&args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("error: invalid value '"), "{args:?}: {err}");
        assert!(
            err.contains(&format!("' for '{flag}': {range}\n")),
            "{args:?}: {err}"
        );
        assert!(!output.exists(), "{args:?}");
    }
}

#[test]
fn generate_refuses_ties_without_two_actors() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("g.relmap.json");
    for actors in ["0", "1"] {
        let out = relmap(&[
            "generate".as_ref(),
            "--actors".as_ref(),
            actors.as_ref(),
            "--ties".as_ref(),
            "5".as_ref(),
            "-o".as_ref(),
            output.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).starts_with(&format!(
            "error: --ties 5 needs at least 2 actors, and --actors is {actors}\n\nUsage: relmap \
             generate "
        )));
        assert!(!output.exists());
    }
    // No ties from one actor is fine.
    let out = relmap(&[
        "generate".as_ref(),
        "--actors".as_ref(),
        "1".as_ref(),
        "--ties".as_ref(),
        "0".as_ref(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("1 actor, 0 ties"));
}

/// `--iterations 0` saves the starting positions (`bench/compare.sh` relies on it).
#[test]
fn layout_with_no_iterations_saves_the_starting_positions() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("l.relmap.json");
    let good = data("good/small.relmap.json");
    let out = relmap(&[
        "layout".as_ref(),
        good.as_os_str(),
        "--iterations".as_ref(),
        "0".as_ref(),
        "--threads".as_ref(),
        "64".as_ref(),
        "--scaling".as_ref(),
        "0.01".as_ref(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(": 0 iterations in "));
    let saved = relmap::io::json::load_file(&output).unwrap();
    assert!(saved.actors.iter().all(|a| a.position.is_some()));
}
