//! Unit tests of FollowTheMoney entities: writing, reading back, and damaged lines.

use super::*;
use crate::io::Progress;
use crate::sample::sample_dataset;
use std::path::Path;

fn write(data: &Dataset) -> String {
    let mut out = Vec::new();
    write_to(data, &mut out, &mut Progress::none()).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_evidence_of_the_sample_comes_back() {
    let data = sample_dataset();
    let text = write(&data);
    let back = read_str(&text, Path::new("t.ftm.json"), &mut Progress::none())
        .unwrap()
        .data;
    assert_eq!(back.sources, data.sources);
    assert_eq!(back.actors.len(), data.actors.len());
    for (a, b) in back.actors.iter().zip(&data.actors) {
        assert_eq!(
            (&a.id, &a.name, a.kind, &a.aliases, &a.description),
            (&b.id, &b.name, b.kind, &b.aliases, &b.description)
        );
    }
    assert_eq!(back.ties.len(), data.ties.len());
    for (a, b) in back.ties.iter().zip(&data.ties) {
        assert_eq!(
            (&a.id, &a.from, &a.to, a.kind, &a.label, &a.date),
            (&b.id, &b.from, &b.to, b.kind, &b.label, &b.date)
        );
        assert_eq!(a.excerpts, b.excerpts, "tie {}", a.id);
    }
}

#[test]
fn bad_lines_are_refused_with_their_place() {
    let e = read_str(
        "{\"id\":\"a\",\"schema\":\"Person\"}\n{\"id\": 3}\n",
        Path::new("t.ftm"),
        &mut Progress::none(),
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("t.ftm:2:"), "{e}");
    let e = read_str(
        "{\"id\":\"a\",\"schema\":\"Person\"}\n{\"id\":\"l\",\"schema\":\"UnknownLink\",\"properties\":{\"subject\":[\"a\"],\"object\":[\"zz\"]}}\n",
        Path::new("t.ftm"),
        &mut Progress::none(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.ftm:2:1: UnknownLink 'l' points at 'zz', which is not an entity of the file"
    );
}

#[test]
fn lines_that_are_not_objects_are_named_for_what_they_are() {
    let read = |text: &str| {
        read_str(text, Path::new("t.ftm"), &mut Progress::none())
            .unwrap_err()
            .to_string()
    };
    let expected = "not a FollowTheMoney entity: expected a JSON object with 'id' and 'schema'";
    assert_eq!(
        read("[{\"id\":\"a\",\"schema\":\"Person\"}]\n"),
        format!("t.ftm:1:1: {expected}, found a JSON array")
    );
    assert_eq!(
        read("{\"id\":\"a\",\"schema\":\"Person\"}\n  \"Person\"\n"),
        format!("t.ftm:2:3: {expected}, found a JSON string")
    );
    assert_eq!(
        read("{\"id\": 3, \"schema\": \"Person\"}"),
        "t.ftm:1:8: not a FollowTheMoney entity: invalid type: integer `3`, expected a string"
    );
    assert_eq!(
        read("{\"id\": \"a\"}"),
        "t.ftm:1:11: not a FollowTheMoney entity: missing field `schema`"
    );
}

#[test]
fn a_line_cut_short_says_so() {
    let e = read_str(
        "{\"id\":\"a\",\"schema\":\"Person\"}\n{\"id\":\"b\",\"schema\":\"Person\"\n",
        Path::new("t.ftm"),
        &mut Progress::none(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.ftm:2:27: not a FollowTheMoney entity: the line ends before its JSON object is closed"
    );
}
