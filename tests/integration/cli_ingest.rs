//! `relmap ingest`, run as a real process: summaries, candidates in the file, matching into an
//! existing map, accepting above a confidence, and bad input refused without output.

use std::process::Command;

use crate::common::data;

fn relmap(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(args)
        .output()
        .expect("run relmap")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn ingest_writes_candidates_and_prints_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.relmap.json");
    let article = data("ingest/assad-kim-article.txt");
    let out = relmap(&[
        "ingest".as_ref(),
        article.as_os_str(),
        "--outlet".as_ref(),
        "The New York Times".as_ref(),
        "--date".as_ref(),
        "2018-06-03".as_ref(),
        "-o".as_ref(),
        out_path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let first = stdout.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("{}: ", article.display())),
        "{stdout}"
    );
    assert!(first.contains("actors (0 already on the map)"), "{stdout}");
    assert!(
        first.contains(" ties, ") && first.contains(" excerpts"),
        "{stdout}"
    );
    let saved = relmap::io::json::load_file(&out_path).unwrap();
    assert_eq!(saved.sources.len(), 1);
    assert_eq!(saved.sources[0].outlet, "The New York Times");
    assert_eq!(saved.sources[0].published.as_deref(), Some("2018-06-03"));
    assert!(saved
        .actors
        .iter()
        .all(|a| a.status == relmap::model::Status::Candidate));
    let json = std::fs::read_to_string(&out_path).unwrap();
    assert!(json.contains("\"status\": \"candidate\""));
    let check = relmap(&["check".as_ref(), out_path.as_os_str()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

#[test]
fn ingest_into_a_map_matches_its_actors_and_accepts_above_a_confidence() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("sample.relmap.json");
    std::fs::write(&map, relmap::sample::SAMPLE_JSON).unwrap();
    let out_path = dir.path().join("out.relmap.json");
    let out = relmap(&[
        "ingest".as_ref(),
        data("ingest/assad-kim-article.txt").as_os_str(),
        "--into".as_ref(),
        map.as_os_str(),
        "--accept-above".as_ref(),
        "0.7".as_ref(),
        "-o".as_ref(),
        out_path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = relmap::io::json::load_file(&out_path).unwrap();
    let sample = relmap::sample::sample_dataset();
    assert_eq!(
        saved.actors.len(),
        sample.actors.len(),
        "no duplicate actors"
    );
    assert_eq!(saved.sources.len(), 2);
    let stdout = text(&out.stdout);
    let matched = format!("({} already on the map)", sample.actors.len() - 1);
    assert!(stdout.contains(&matched), "{stdout}");
    assert!(stdout.contains("accepted"), "{stdout}");
    let new_ties = &saved.ties[sample.ties.len()..];
    assert!(new_ties
        .iter()
        .any(|t| t.status == relmap::model::Status::Accepted));
    assert!(new_ties
        .iter()
        .any(|t| t.status == relmap::model::Status::Candidate));
    for t in new_ties
        .iter()
        .filter(|t| t.status == relmap::model::Status::Accepted)
    {
        assert!(t.confidence.unwrap() >= 0.7);
    }
}

#[test]
fn ingest_reads_a_folder_of_articles_into_one_map() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).unwrap();
    for name in ["wire-report.txt", "analysis-experts.txt"] {
        std::fs::copy(data(&format!("ingest/{name}")), folder.join(name)).unwrap();
    }
    let out_path = dir.path().join("out.relmap.json");
    let out = relmap(&[
        "ingest".as_ref(),
        folder.as_os_str(),
        "-o".as_ref(),
        out_path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 3);
    let saved = relmap::io::json::load_file(&out_path).unwrap();
    assert_eq!(saved.sources.len(), 2);
}

#[test]
fn bad_articles_are_refused_with_a_clear_message_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.relmap.json");
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"", "the article is empty"),
        (
            "binary.bin",
            b"\x7fELF\x02\x01\x01\0\0\0",
            "this is not text",
        ),
        (
            "latin1.txt",
            b"Caf\xe9",
            "this is not UTF-8 text (invalid byte at byte 3)",
        ),
        (
            "nobody.html",
            b"<html><head><title>T</title></head></html>",
            "the HTML has no body text",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = relmap(&[
            "ingest".as_ref(),
            path.as_os_str(),
            "-o".as_ref(),
            out_path.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(message) && stderr.contains(name),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!out_path.exists(), "{name}: an output was written");
    }
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let out = relmap(&[
        "ingest".as_ref(),
        big.as_os_str(),
        "-o".as_ref(),
        out_path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("the article is 50 MiB"),
        "{}",
        text(&out.stderr)
    );
    assert!(!out_path.exists());
}

#[test]
fn bad_flags_are_usage_errors() {
    let article = data("ingest/wire-report.txt");
    for (flag, value) in [
        ("--accept-above", "1.5"),
        ("--accept-above", "x"),
        ("--date", "June 3"),
    ] {
        let out = relmap(&[
            "ingest".as_ref(),
            article.as_os_str(),
            flag.as_ref(),
            value.as_ref(),
            "-o".as_ref(),
            "out.relmap.json".as_ref(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        assert!(text(&out.stderr).contains(flag), "{}", text(&out.stderr));
    }
    let missing_output = relmap(&["ingest".as_ref(), article.as_os_str()]);
    assert_eq!(missing_output.status.code(), Some(2));
}
