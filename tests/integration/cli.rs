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

#[test]
fn generate_then_layout_writes_valid_files_and_reports_the_time() {
    let dir = tempfile::tempdir().unwrap();
    let generated = dir.path().join("g.relmap.json");
    let out = relmap(&[
        "generate".as_ref(),
        "--actors".as_ref(),
        "200".as_ref(),
        "--ties".as_ref(),
        "600".as_ref(),
        "--seed".as_ref(),
        "3".as_ref(),
        "-o".as_ref(),
        generated.as_os_str(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("200 actors, 600 ties"));
    let laid_out = dir.path().join("l.relmap.json");
    let out = relmap(&[
        "layout".as_ref(),
        generated.as_os_str(),
        "--iterations".as_ref(),
        "50".as_ref(),
        "--threads".as_ref(),
        "2".as_ref(),
        "-o".as_ref(),
        laid_out.as_os_str(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("50 iterations in"), "{report}");
    assert!(
        report.contains("ms per iteration (200 actors, 600 ties, 2 threads)"),
        "{report}"
    );
    let data = relmap::io::json::load_file(&laid_out).unwrap();
    assert!(data.actors.iter().all(|a| a.position.is_some()));
}

#[test]
fn layout_of_a_bad_file_reports_it() {
    let bad = data("bad/truncated.relmap.json");
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("x.relmap.json");
    let out = relmap(&[
        "layout".as_ref(),
        bad.as_os_str(),
        "-o".as_ref(),
        out_path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(":18:11: EOF while parsing a value"));
    assert!(!out_path.exists());
}
