//! Unit tests of GraphML: typed keys, other tools' files, unknown keys, and broken files.

use super::*;
use crate::io::json::Loaded;
use crate::io::LoadError;
use crate::io::Progress;
use crate::model::Dataset;
use crate::sample::sample_dataset;
use std::path::Path;

fn write(data: &Dataset) -> String {
    let mut out = Vec::new();
    write_to(data, &mut out, &mut Progress::none()).unwrap();
    String::from_utf8(out).unwrap()
}

fn read(text: &str) -> Result<Loaded, LoadError> {
    read_str(text, Path::new("t.graphml"), &mut Progress::none())
}

#[test]
fn the_sample_comes_back_equal() {
    let data = sample_dataset();
    let back = read(&write(&data)).unwrap();
    assert_eq!(back.data, data);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
}

#[test]
fn broken_files_are_refused_with_their_place() {
    let cases: &[(&str, &str)] = &[
        (
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/></graph></graphml>",
            "t.graphml:2:1: edge 'edge-1' ends at 'b', which is not a node",
        ),
        (
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>",
            "t.graphml:1:77: a second node with the id 'a'",
        ),
        (
            "<graphml xmlns=\"urn:other\"><graph/></graphml>",
            "t.graphml:1:1: <graphml> is in the namespace 'urn:other'",
        ),
        (
            "<graphml><graph><node id=\"a\">",
            "t.graphml:1:17: the file ends inside <node>",
        ),
    ];
    for (text, expected) in cases {
        let e = read(text).unwrap_err().to_string();
        assert!(
            e.starts_with(expected),
            "{text}\n got: {e}\nwant: {expected}"
        );
    }
}

/// networkx writes the key of a multigraph's edge as its id, and keys count from 0 for each
/// pair of nodes: the ids repeat, and every edge must still come in.
#[test]
fn edges_of_a_networkx_multigraph_with_repeated_ids_all_come_in() {
    let text = r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <graph edgedefault="directed">
    <node id="42" />
    <node id="A" />
    <edge source="42" target="42" id="0" />
    <edge source="42" target="A" id="0" />
    <edge source="42" target="A" id="1" />
  </graph>
</graphml>"#;
    let loaded = read(text).unwrap();
    let ids: Vec<&str> = loaded.data.ties.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["0", "0-2", "1"]);
    let ends: Vec<(&str, &str)> = loaded
        .data
        .ties
        .iter()
        .map(|t| (t.from.as_str(), t.to.as_str()))
        .collect();
    assert_eq!(ends, [("42", "42"), ("42", "A"), ("42", "A")]);
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w == "edges with the id of another edge were given ids of their own (1 edge)"),
        "{:?}",
        loaded.warnings
    );
}

/// GraphML's `<desc>`: the graph's becomes the map's description, a node's the actor's, and
/// an edge's, which relmap has no field for, is reported.
#[test]
fn descriptions_are_read_or_reported() {
    let text = r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="undirected"><desc>Who met whom</desc>
    <node id="a"><desc>A minister</desc></node>
    <node id="b"/>
    <edge source="a" target="b"><desc>Met twice</desc></edge>
  </graph>
</graphml>"#;
    let loaded = read(text).unwrap();
    assert_eq!(loaded.data.description, "Who met whom");
    assert_eq!(loaded.data.actors[0].description, "A minister");
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.starts_with("edge data 'description' is not kept")),
        "{:?}",
        loaded.warnings
    );
}
