//! The command line, run as a real process.

use std::process::Command;

use crate::common::data;

fn relmap(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(args)
        .output()
        .expect("run relmap")
}

#[test]
fn check_a_good_file_prints_a_summary_and_exits_0() {
    let path = data("good/small.relmap.json");
    let out = relmap(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{}: ok: 3 actors, 2 ties, 1 source, 2 excerpts\n",
            path.display()
        )
    );
}

#[test]
fn check_bad_files_prints_every_problem_and_exits_1() {
    let good = data("good/small.relmap.json");
    let bad = data("bad/empty-id.relmap.json");
    let syntax = data("bad/truncated.relmap.json");
    let out = relmap(&[
        "check".as_ref(),
        good.as_os_str(),
        bad.as_os_str(),
        syntax.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{}: dataset: actor 3 has an empty id", bad.display()),
            format!(
                "{}: tie 'kim-lavrov': 'to' names unknown actor 'lavrov'",
                bad.display()
            ),
            format!("{}:18:11: EOF while parsing a value", syntax.display()),
        ]
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("small.relmap.json: ok"));
}

#[test]
fn sample_writes_the_built_in_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.relmap.json");
    let out = relmap(&["sample".as_ref(), "-o".as_ref(), path.as_os_str()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        relmap::sample::SAMPLE_JSON
    );
    let check = relmap(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(check.status.code(), Some(0));
}

#[test]
fn sample_into_a_missing_folder_fails_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope").join("s.relmap.json");
    let out = relmap(&["sample".as_ref(), "-o".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with(&format!("{}: cannot save:", path.display())));
}

#[test]
fn check_without_files_is_a_usage_error() {
    let out = relmap(&["check".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}
