//! The first pass: its field lists against the model, unknown fields at every level, values of
//! the wrong type left for the full parse.

use super::*;
use crate::model::{Dataset, Point};

/// The field lists must be the model's: every key a saved dataset has, and no other.
#[test]
fn the_field_lists_are_the_fields_the_model_saves() {
    let mut data: Dataset = crate::sample::sample_dataset();
    data.actors[0].position = Some(Point::new(1.0, 2.0));
    // Optional fields left out when empty are filled, so that every key is saved.
    data.not_duplicates = vec![["kim".into(), "trump".into()]];
    data.views = vec![crate::model::NamedView::default()];
    data.actors[0].status = crate::model::Status::Candidate;
    data.actors[0].confidence = Some(0.5);
    data.ties[0].status = crate::model::Status::Candidate;
    data.ties[0].confidence = Some(0.5);
    let value = serde_json::to_value(&data).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    let listed = |kind: Kind| -> Vec<String> {
        let mut names: Vec<String> = kind.fields().iter().map(|s| s.to_string()).collect();
        names.sort();
        names
    };
    assert_eq!(keys(&value), listed(Kind::Dataset));
    assert_eq!(keys(&value["sources"][0]), listed(Kind::Source));
    assert_eq!(keys(&value["actors"][0]), listed(Kind::Actor));
    assert_eq!(keys(&value["ties"][0]), listed(Kind::Tie));
    assert_eq!(
        keys(&value["ties"][0]["excerpts"][0]),
        listed(Kind::Excerpt)
    );
}

fn probe_text(text: &str) -> Probe {
    let mut de = serde_json::Deserializer::from_str(text);
    probe(&mut de).unwrap()
}

#[test]
fn unknown_fields_are_found_at_every_level_with_their_place() {
    let found = probe_text(
        r#"{"relmap": 1, "theme": {"relmap": 2, "actors": [{"x": 1}]},
            "sources": [{"id": "s", "pages": 3}],
            "actors": [{"id": "a"}, {"id": "b", "colour": "red", "aliases": ["x"]}],
            "ties": [{"id": "t", "excerpts": [{"quote": "q", "page": 4}], "weight": 2}]}"#,
    );
    assert_eq!(found.version, Some(serde_json::json!(1)));
    let lines = found.unknown.lines();
    let fields: Vec<&str> = lines
        .iter()
        .map(|l| l.split('\'').nth(1).unwrap())
        .collect();
    // Sorted by place; the unknown object's own content is not looked into.
    assert_eq!(
        fields,
        [
            "actors[].colour",
            "sources[].pages",
            "theme",
            "ties[].excerpts[].page",
            "ties[].weight"
        ]
    );
}

#[test]
fn values_of_the_wrong_type_are_left_for_the_full_parse() {
    for text in [
        r#"{"relmap": 1, "actors": 5}"#,
        r#"{"relmap": 1, "actors": [1, "a", null, true, [1, [2]], 2.5]}"#,
        r#"{"relmap": 1, "ties": [{"excerpts": {"a": [1]}}]}"#,
        r#"{"relmap": "one", "sources": {"x": 1}}"#,
    ] {
        let found = probe_text(text);
        assert!(found.unknown.lines().is_empty(), "{text}");
    }
}

#[test]
fn a_file_that_is_not_an_object_is_refused_as_such() {
    let mut de = serde_json::Deserializer::from_str("[1, 2]");
    let e = probe(&mut de).err().unwrap().to_string();
    assert!(
        e.starts_with("invalid type: sequence, expected a relmap dataset (a JSON object)"),
        "{e}"
    );
}
