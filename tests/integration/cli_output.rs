//! What the command line prints when it cannot print (a full disk) or cannot open a window (no
//! display): a non-zero exit, and messages without the build machine's paths. Linux only:
//! `/dev/full` and the display variables are Linux's.
#![cfg(target_os = "linux")]

use std::process::{Command, Output, Stdio};

use crate::cli_args::headless;
use crate::common::data;

fn full() -> Stdio {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("open /dev/full");
    Stdio::from(file)
}

fn relmap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_relmap"))
}

fn run(command: &mut Command) -> Output {
    command.output().expect("run relmap")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_into_a_full_disk_exits_1_and_says_so() {
    let good = data("good/small.relmap.json");
    let out = run(relmap().arg("check").arg(&good));
    assert_eq!(out.status.code(), Some(0));
    let out = run(relmap().arg("check").arg(&good).stdout(full()));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "relmap: cannot write the output: No space left on device (os error 28)\n"
    );
}

#[test]
fn help_and_version_into_a_full_disk_exit_1() {
    for flag in ["--help", "-h", "--version"] {
        let out = run(relmap().arg(flag));
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert!(!out.stdout.is_empty(), "{flag}");
        let out = run(relmap().arg(flag).stdout(full()));
        assert_eq!(out.status.code(), Some(1), "{flag}");
        assert_eq!(
            text(&out.stderr),
            "relmap: cannot write the output: No space left on device (os error 28)\n",
            "{flag}"
        );
    }
    let out = run(relmap().args(["layout", "--help"]).stdout(full()));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn messages_into_a_full_disk_keep_a_failure_code() {
    // A usage error stays 2 when it cannot be printed.
    let out = run(relmap().arg("--bogus").stderr(full()));
    assert_eq!(out.status.code(), Some(2));
    // A bad file stays 1.
    let bad = data("bad/truncated.relmap.json");
    let out = run(relmap().arg("check").arg(&bad).stderr(full()));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn generate_and_layout_into_a_full_disk_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let generated = dir.path().join("g.relmap.json");
    let out = run(relmap()
        .args(["generate", "--actors", "20", "--ties", "30", "-o"])
        .arg(&generated)
        .stdout(full()));
    assert_eq!(out.status.code(), Some(1));
    assert!(generated.exists());
    let out = run(relmap()
        .arg("layout")
        .arg(&generated)
        .args(["--iterations", "3", "-o"])
        .arg(dir.path().join("l.relmap.json"))
        .stdout(full()));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("relmap: cannot write the output:"));
}

/// Without a display the app says so plainly, lists what works without a window, and shows no
/// path of the machine relmap was built on (winit's error names its source in the registry).
#[test]
fn without_a_display_the_app_says_so_without_build_paths() {
    let good = data("good/small.relmap.json");
    for args in [vec![good.into_os_string()], vec![]] {
        let out = run(headless().args(&args));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let all = text(&out.stdout) + &text(&out.stderr);
        assert_eq!(
            all,
            "relmap: cannot open a window: no display found (neither DISPLAY nor WAYLAND_DISPLAY \
             is set)\nrelmap: without a window these subcommands work: check, sample, generate, \
             ingest, layout, convert, render (see 'relmap --help')\n"
        );
        for leak in [".cargo", "/registry/", "/rustc/", "src/", ".rs:"] {
            assert!(!all.contains(leak), "{leak}: {all}");
        }
    }
}
