//! Unit tests of CSV in Kumu's and Gephi's layouts: parts, multiple values and bad rows.

use super::*;
use crate::io::formats::PartInput;
use crate::io::json::Loaded;
use crate::io::LoadError;
use crate::model::TieKind;
use crate::sample::sample_dataset;
use std::io::Read;

pub(super) fn write_all(data: &Dataset) -> Vec<(&'static str, Vec<u8>)> {
    let mut buffers = vec![Vec::new(), Vec::new(), Vec::new()];
    let mut outputs: Vec<PartOutput> = PARTS
        .iter()
        .zip(buffers.iter_mut())
        .map(|(part, output)| PartOutput {
            part,
            output: output as &mut dyn Write,
        })
        .collect();
    write_parts(data, &mut outputs, &mut crate::io::Progress::none()).unwrap();
    drop(outputs);
    PARTS.iter().copied().zip(buffers).collect()
}

pub(super) fn read_all(files: &[(&'static str, Vec<u8>)]) -> Result<Loaded, LoadError> {
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(p, _)| PathBuf::from(format!("m.{p}.csv")))
        .collect();
    let mut slices: Vec<&[u8]> = files.iter().map(|(_, b)| b.as_slice()).collect();
    let mut inputs: Vec<PartInput> = files
        .iter()
        .zip(paths.iter())
        .zip(slices.iter_mut())
        .filter(|((_, _), s)| !s.is_empty())
        .map(|(((part, _), path), input)| PartInput {
            part,
            path,
            input: input as &mut dyn Read,
        })
        .collect();
    read_parts(&mut inputs)
}

#[test]
fn the_sample_comes_back_equal_through_the_three_files() {
    let data = sample_dataset();
    let files = write_all(&data);
    let back = read_all(&files).unwrap();
    let mut expected = data.clone();
    // CSV carries neither the map's title and description nor the pairs marked distinct.
    expected.title.clear();
    expected.description.clear();
    expected.not_duplicates.clear();
    assert_eq!(back.data, expected);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
}

#[test]
fn the_files_are_named_beside_the_one_given() {
    let names = |p: &str| -> Vec<String> {
        files(Path::new(p))
            .into_iter()
            .map(|(_, p)| p.display().to_string())
            .collect()
    };
    assert_eq!(
        names("out/map.csv"),
        [
            "out/map.elements.csv",
            "out/map.connections.csv",
            "out/map.sources.csv"
        ]
    );
    assert_eq!(names("out/map.connections.csv"), names("out/map.csv"));
    assert_eq!(
        names("x/Elements.csv"),
        ["x/elements.csv", "x/connections.csv", "x/sources.csv"]
    );
    assert_eq!(
        names("g/net.edges.csv"),
        ["g/net.nodes.csv", "g/net.edges.csv", "g/net.sources.csv"]
    );
}

pub(super) fn read_one(text: &str) -> Result<Loaded, LoadError> {
    read_from(
        &mut text.as_bytes(),
        Path::new("t.csv"),
        &mut crate::io::Progress::none(),
    )
}

#[test]
fn kumu_connections_alone_make_a_map() {
    let loaded = read_one(
        "From,To,Type,Direction,Label,Strength\n\
         Barack,Michelle|Sasha,Personal,mutual,,Strong\n\
         Ed Snowden,NSA,employment,directed,Contractor,\n",
    )
    .unwrap();
    let d = &loaded.data;
    assert_eq!(d.actors.len(), 5);
    assert_eq!(d.ties.len(), 3);
    assert_eq!(d.ties[0].label, "Personal");
    assert!(!d.ties[0].directed);
    assert_eq!(d.ties[2].kind, TieKind::Employment);
    assert!(loaded.warnings.iter().any(|w| w.contains("were added")));
}

#[test]
fn gephi_tables_are_read() {
    let nodes = read_one("Id;Label;Modularity\nn1;Anna;3\nn2;Ben;2\n").unwrap();
    assert_eq!(nodes.data.actors[1].name, "Ben");
    assert!(nodes
        .warnings
        .iter()
        .any(|w| w.contains("'Modularity' is not kept")));
    let edges =
        read_one("Source,Target,Type,Id,Label,Weight\nn1,n2,Undirected,e1,knows,1\n").unwrap();
    assert_eq!(edges.data.ties[0].id, "e1");
    assert!(!edges.data.ties[0].directed);
    assert_eq!(edges.data.ties[0].label, "knows");
}

#[test]
fn quotes_without_excerpts_are_kept() {
    let loaded = read_one("From,To,Quotes\nA,B,He met her|They talked\n").unwrap();
    let t = &loaded.data.ties[0];
    assert_eq!(t.excerpts.len(), 2);
    assert_eq!(t.excerpts[1].quote, "They talked");
}

#[test]
fn broken_files_are_refused_with_row_and_column() {
    let cases: &[(&str, &str)] = &[
        (
            "From,To\nA,\"B\nC,D\n",
            "t.csv:2:3: this quote is never closed",
        ),
        ("From,To\nA,B,C\n", "t.csv:2:3: this row has 3 cells"),
        (
            "Foo,Bar\n1,2\n",
            "t.csv:1:1: these columns are neither Kumu's",
        ),
        (
            "From,To,Date\nA,B,June\n",
            "t.csv:2:3: 'June' is not a date",
        ),
        (
            "From,To,Excerpts\nA,B,[{\"quote\":1}]\n",
            "t.csv:2:3: the excerpts are not a JSON list",
        ),
        (
            "Label,ID\nA,x\nB,x\n",
            "t.csv:3:2: a second element with the ID 'x' (row 2)",
        ),
    ];
    for (text, expected) in cases {
        let e = read_one(text).unwrap_err().to_string();
        assert!(
            e.starts_with(expected),
            "{text:?}\n got: {e}\nwant: {expected}"
        );
    }
    let wide = format!("{}\n", vec!["c"; 1_000_000].join(","));
    let e = read_one(&wide).unwrap_err().to_string();
    assert!(
        e.starts_with("t.csv:1:1025: the header has 1000000 columns"),
        "{e}"
    );
}
