//! Every file of the bad corpus gives its exact error, with the file and the place in it.

use relmap::io::json;

use crate::common::data;

const EXPECTED: &[(&str, &str)] = &[
    ("binary-garbage", ":1:1: this is not a JSON file: expected '{' at the start"),
    ("deep-nesting", ":1:138: the JSON is nested too deeply (recursion limit exceeded)"),
    ("duplicate-actor-id", ": actor 'xi': duplicate actor id"),
    ("duplicate-source-id", ": source 'src': duplicate source id"),
    ("duplicate-tie-id", ": tie 'kim-xi': duplicate tie id"),
    ("empty", ": the file is empty"),
    ("empty-id", ": dataset: actor 3 has an empty id"),
    ("invisible-id", ": actor 'xi\u{200d}': its id contains an invisible character, U+200D ZERO WIDTH JOINER at character 3 (written out: \"xi\\u{200d}\"); ids may not contain invisible, control or bidirectional characters"),
    ("invalid-utf8", ":4:23: the file is not valid UTF-8 text here (invalid unicode code point)"),
    ("malformed-date", ": tie 'kim-xi': date: 'March 2018' is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or START/END"),
    ("missing-version", ": dataset: missing \"relmap\" version field: this does not look like a relmap dataset"),
    ("non-finite-position", ":38:13: number out of range"),
    ("offsets-mismatch", ": tie 'kim-xi': excerpt 1: quote does not match the source text at 1..38; the quote is found at 0..38"),
    ("offsets-past-end", ": tie 'kim-lavrov': excerpt 1: end 9999 is past the end of the source text (86 bytes)"),
    ("offsets-split-character", ": tie 'kim-lavrov': excerpt 1: offsets 49..53 split a UTF-8 character of the source text"),
    ("reversed-date-range", ": tie 'kim-xi': date: '2018-05/2018-03' is a range whose end comes before its start"),
    ("trailing-garbage", ":99:1: trailing characters"),
    ("truncated", ":18:11: EOF while parsing a value"),
    ("unknown-actor", ": tie 'kim-lavrov': 'to' names unknown actor 'putin'"),
    ("unknown-actor-kind", ":20:21: unknown variant `robot`, expected one of `person`, `state`, `organization`, `place`, `other`"),
    ("unknown-source", ": tie 'kim-xi': excerpt 1: source 'bbc' is unknown"),
    ("version-2", ": dataset: unsupported relmap version 2 (this build reads version 1)"),
    ("wrong-type", ":16:21: invalid type: string \"kim, xi\", expected a sequence"),
];

#[test]
fn each_bad_file_gives_its_exact_error_and_place() {
    for (name, expected) in EXPECTED {
        let path = data(&format!("bad/{name}.relmap.json"));
        let err = json::load_file(&path).expect_err(name);
        let first = err.lines().remove(0);
        assert_eq!(first, format!("{}{expected}", path.display()), "{name}");
    }
}

#[test]
fn every_file_of_the_corpus_is_covered() {
    let on_disk = std::fs::read_dir(data("bad")).unwrap().count();
    assert_eq!(on_disk, EXPECTED.len());
}

#[test]
fn a_missing_file_names_the_path() {
    let path = data("bad/does-not-exist.relmap.json");
    let err = json::load_file(&path).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}: cannot read the file:", path.display())),
        "{err}"
    );
}

#[test]
fn a_100_mb_file_is_refused_cleanly_not_with_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.relmap.json");
    let mut bytes = Vec::with_capacity(100 * 1024 * 1024 + 64);
    bytes.extend_from_slice(b"{\"relmap\": 1, \"description\": \"");
    bytes.resize(100 * 1024 * 1024, b'a');
    bytes.extend_from_slice(b"\", \"actors\": 5}");
    std::fs::write(&path, &bytes).unwrap();
    let err = json::load_file(&path).unwrap_err().to_string();
    assert!(
        err.contains("invalid type: integer `5`, expected a sequence"),
        "{err}"
    );
    assert!(
        err.starts_with(&format!("{}:1:", path.display())),
        "{}",
        &err[..200.min(err.len())]
    );
}

#[test]
fn random_bytes_never_panic() {
    // A fixed pseudo-random sequence of mutations of a good file.
    let good = std::fs::read(data("good/small.relmap.json")).unwrap();
    let mut next = crate::common::xorshift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..2000 {
        let mut bytes = good.clone();
        for _ in 0..(next() % 8 + 1) {
            let i = (next() as usize) % bytes.len();
            match next() % 3 {
                0 => bytes[i] = next() as u8,
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, b"{}[]\",:0-e"[(next() % 10) as usize]),
            }
        }
        let _ = json::load_bytes(std::path::Path::new("fuzz.relmap.json"), &bytes);
    }
}
