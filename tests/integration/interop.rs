//! Other tools' formats through the command line: round trips of the sample through GEXF,
//! GraphML, CSV and FollowTheMoney, files made to look like Gephi's, yEd's, Cytoscape's,
//! Kumu's and OpenSanctions', and a corpus of broken files, each refused with its place.

use std::path::{Path, PathBuf};
use std::process::Command;

use relmap::io::formats;
use relmap::io::Progress;
use relmap::model::Dataset;

use crate::common::data;

fn relmap(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(args)
        .output()
        .expect("run relmap")
}

fn convert(input: &Path, output: &Path) -> std::process::Output {
    relmap(&["convert".as_ref(), input.as_os_str(), output.as_os_str()])
}

fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("sample.relmap.json");
    let out = relmap(&["sample".as_ref(), "-o".as_ref(), path.as_os_str()]);
    assert!(out.status.success());
    path
}

fn open(path: &Path) -> Dataset {
    formats::open(path).unwrap().data
}

#[test]
fn the_sample_goes_to_gexf_and_graphml_and_comes_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_file(dir.path());
    for ext in ["gexf", "graphml"] {
        let there = dir.path().join(format!("map.{ext}"));
        let back = dir.path().join(format!("back-{ext}.relmap.json"));
        let out = convert(&sample, &there);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "nothing is lost");
        assert!(convert(&there, &back).status.success());
        assert_eq!(open(&back), open(&sample), "{ext}");
        // Byte for byte, as the native format saves it.
        assert_eq!(
            std::fs::read(&back).unwrap(),
            std::fs::read(&sample).unwrap()
        );
    }
}

#[test]
fn csv_keeps_every_field_it_carries_and_says_what_it_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_file(dir.path());
    let out = convert(&sample, &dir.path().join("map.csv"));
    assert!(out.status.success());
    let printed = String::from_utf8_lossy(&out.stdout);
    for part in ["elements", "connections", "sources"] {
        assert!(printed.contains(&format!("map.{part}.csv")), "{printed}");
    }
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not kept: the map's title and description")
    );
    let back = dir.path().join("back.relmap.json");
    // Any of the three files names the map.
    let out = convert(&dir.path().join("map.connections.csv"), &back);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut expected = open(&sample);
    expected.title.clear();
    expected.description.clear();
    expected.not_duplicates.clear();
    assert_eq!(open(&back), expected);
}

/// Rewrites a CSV file after `edit` has changed its rows, as a spreadsheet would save it.
fn edit_csv(path: &Path, edit: impl Fn(&csv::StringRecord, &mut Vec<Vec<String>>)) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().clone();
    let mut rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    edit(&header, &mut rows);
    let mut writer = csv::Writer::from_path(path).unwrap();
    writer.write_record(&header).unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
}

#[test]
fn quotes_typed_into_the_connections_file_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_file(dir.path());
    assert!(convert(&sample, &dir.path().join("map.csv"))
        .status
        .success());
    let first = open(&sample).ties[0].clone();
    edit_csv(&dir.path().join("map.connections.csv"), |header, rows| {
        let at = |name: &str| header.iter().position(|h| h == name).unwrap();
        rows[0][at("Quotes")].push_str("|A second quote");
        let mut typed = vec![String::new(); header.len()];
        typed[at("ID")] = "t2".into();
        typed[at("From")] = first.from.clone();
        typed[at("To")] = first.to.clone();
        typed[at("Quotes")] = "Quote typed for t2".into();
        rows.push(typed);
    });
    let back = dir.path().join("back.relmap.json");
    let out = convert(&dir.path().join("map.csv"), &back);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(
            "quotes typed into the Quotes column that its Excerpts lack were added as excerpts \
             without their article (1 quote)"
        ),
        "{err}"
    );
    let data = open(&back);
    let quotes = |id: &str| -> Vec<String> {
        let tie = data.ties.iter().find(|t| t.id == id).unwrap();
        tie.excerpts.iter().map(|x| x.quote.clone()).collect()
    };
    let mut expected: Vec<String> = first.excerpts.iter().map(|x| x.quote.clone()).collect();
    expected.push("A second quote".into());
    assert_eq!(quotes(&first.id), expected);
    assert_eq!(quotes("t2"), ["Quote typed for t2"]);
}

#[test]
fn followthemoney_keeps_the_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_file(dir.path());
    let ftm = dir.path().join("map.ftm.json");
    let out = convert(&sample, &ftm);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let not_kept: Vec<&str> = err.lines().filter(|l| l.contains("not kept")).collect();
    let at = ftm.display();
    assert_eq!(
        not_kept,
        [
            format!("{at}: not kept: the map's title and description"),
            format!("{at}: not kept: the positions of 39 actors"),
        ],
        "polarity and direction are kept: {err}"
    );
    let back = dir.path().join("back.relmap.json");
    let out = convert(&ftm, &back);
    assert!(out.status.success());
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("warning"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (a, b) = (open(&back), open(&sample));
    assert_eq!(a.sources, b.sources);
    assert_eq!(a.excerpt_count(), b.excerpt_count());
    for (x, y) in a.ties.iter().zip(&b.ties) {
        assert_eq!(
            (&x.id, &x.from, &x.to, x.kind, x.directed, x.polarity),
            (&y.id, &y.from, &y.to, y.kind, y.directed, y.polarity)
        );
        assert_eq!((&x.label, &x.date), (&y.label, &y.date));
        assert_eq!(x.excerpts, y.excerpts);
    }
}

#[test]
fn formats_can_be_named_when_the_extension_does_not_say() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_file(dir.path());
    let odd = dir.path().join("export.xml");
    let out = relmap(&[
        "convert".as_ref(),
        sample.as_os_str(),
        odd.as_os_str(),
        "--to".as_ref(),
        "graphml".as_ref(),
    ]);
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&odd).unwrap().contains("<graphml"));
    let out = relmap(&[
        "convert".as_ref(),
        odd.as_os_str(),
        "x.json".as_ref(),
        "--from".as_ref(),
        "docx".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("the formats are relmap, gexf, graphml, csv, ftm"));
}

fn read_fixture(name: &str) -> relmap::io::json::Loaded {
    formats::open(&data(&format!("interop/{name}"))).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn files_like_gephis_are_read() {
    let gephi = read_fixture("gephi-0.10.gexf");
    let d = &gephi.data;
    assert_eq!(d.actors.len(), 3);
    assert_eq!(d.ties.len(), 4, "parallel ties kept apart by kind and id");
    assert_eq!(d.actors[2].name, "Thénardier");
    assert_eq!(d.ties[1].kind, relmap::model::TieKind::Family);
    assert_eq!(d.ties[2].label, "exploitation");
    assert_eq!(d.ties[3].from, d.ties[3].to);
    let warnings = gephi.warnings.join("\n");
    assert!(
        warnings.contains("'Modularity Class' is not kept: relmap has no field for it (3 nodes)"),
        "{warnings}"
    );
    assert_eq!(
        d.ties[0].label, "protects",
        "a relation attribute is the kind"
    );
    assert!(warnings.contains("weights are not kept"), "{warnings}");

    let dynamic = read_fixture("gephi-dynamic-1.2draft.gexf");
    assert_eq!(dynamic.data.description, "A dynamic graph");
    assert_eq!(
        dynamic.data.ties[0].date.as_deref(),
        Some("2009-03-01/2010-06-30")
    );
    assert_eq!(dynamic.data.ties[1].date.as_deref(), Some("2012-05-01"));
    assert!(dynamic.data.ties[1].directed && !dynamic.data.ties[0].directed);

    let slice = read_fixture("networkx-slice-1.1.gexf");
    assert_eq!((slice.data.actors.len(), slice.data.ties.len()), (3, 3));

    let nodes = read_fixture("gephi.nodes.csv");
    assert_eq!((nodes.data.actors.len(), nodes.data.ties.len()), (3, 2));
    assert!(!nodes.data.ties[0].directed);
    assert_eq!(nodes.data.ties[1].label, "knows");
    // The second edge weighs 2.0 and has no evidence: relmap draws it as wide as one excerpt.
    assert!(
        nodes.warnings.contains(
            &"edge weights are not kept: relmap draws a tie as wide as its evidence (1 edge)"
                .to_owned()
        ),
        "{:?}",
        nodes.warnings
    );
}

#[test]
fn files_like_yeds_and_cytoscapes_are_read() {
    let yed = read_fixture("yed.graphml");
    let d = &yed.data;
    assert_eq!(d.actors[0].name, "Ministry");
    assert_eq!(d.actors[0].description, "The ministry of finance");
    let p = d.actors[0].position.unwrap();
    assert_eq!((p.x, p.y), (130.0, 215.0));
    assert_eq!(
        d.actors[1].name, "Anna Berg",
        "a label on two lines is one name"
    );
    assert_eq!(d.ties[0].label, "advises");
    assert!(d.ties[0].directed && !d.ties[1].directed);
    assert!(
        yed.warnings.iter().any(|w| w.contains("'url' is not kept")),
        "{:?}",
        yed.warnings
    );

    let cy = read_fixture("cytoscape.graphml");
    assert_eq!(cy.data.title, "Lobbying network");
    assert_eq!(cy.data.actors[1].name, "Senator Doe");
    assert_eq!(cy.data.ties[0].kind, relmap::model::TieKind::Lobbying);
    assert_eq!(cy.data.ties[1].label, "pp");
    let warnings = cy.warnings.join("\n");
    assert!(warnings.contains("'SUID' is not kept"), "{warnings}");
    assert!(warnings.contains("'selected' is not kept"), "{warnings}");
}

#[test]
fn files_are_read_in_the_encoding_they_name() {
    let latin1 = read_fixture("latin1.graphml");
    let names: Vec<&str> = latin1.data.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Café Müller", "José Peña"]);
    assert_eq!(latin1.data.ties.len(), 1);
    let excel = read_fixture("excel-unicode.csv");
    let names: Vec<&str> = excel.data.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Seúl", "Škoda"]);
    assert_eq!(
        excel.data.actors[1].kind,
        relmap::model::ActorKind::Organization
    );
}

#[test]
fn kumus_and_opensanctions_files_are_read() {
    let kumu = read_fixture("kumu.elements.csv");
    assert_eq!(
        kumu.data.actors[1].kind,
        relmap::model::ActorKind::Organization
    );
    assert_eq!(kumu.data.ties.len(), 2);
    assert!(kumu.warnings.iter().any(|w| w.contains("were added")));
    assert!(
        kumu.warnings.contains(
            &"connection strengths that are words are not kept: relmap draws a tie as wide as \
              its evidence (1 edge)"
                .to_owned()
        ),
        "{:?}",
        kumu.warnings
    );
    let ftm = read_fixture("opensanctions.ftm.json");
    let d = &ftm.data;
    assert_eq!(d.actors[0].aliases, ["Choe Ryong-hae"]);
    assert_eq!(d.ties[0].kind, relmap::model::TieKind::Membership);
    assert_eq!(d.ties[0].label, "Vice Chairman");
    assert_eq!(d.ties[0].date.as_deref(), Some("2016"));
    assert_eq!(
        d.ties[0].excerpts[0].quote,
        "Choe is a vice chairman of the party."
    );
    assert!(ftm
        .warnings
        .iter()
        .any(|w| w.contains("Sanction entities are not kept")));
}

#[test]
fn broken_files_are_refused_with_their_place_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let wide = dir.path().join("million-columns.csv");
    std::fs::write(&wide, format!("{}\n", vec!["c"; 1_000_000].join(","))).unwrap();
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            data("interop/bad/truncated.gexf"),
            ":6:7: the XML is malformed: syntax error: tag not closed",
        ),
        (
            data("interop/bad/unknown-namespace.gexf"),
            ":2:1: <gexf> is in the namespace 'http://www.example.com/not-gexf'",
        ),
        (
            data("interop/bad/missing-node.gexf"),
            ":6:7: edge 'e' ends at 'ghost', which is not a node",
        ),
        (
            data("interop/bad/duplicate-id.graphml"),
            ":5:5: a second node with the id 'a'",
        ),
        (
            data("interop/bad/billion-laughs.gexf"),
            ":2:1: the document type declares entities",
        ),
        (
            data("interop/bad/external-entity.graphml"),
            ":2:1: the document type declares entities",
        ),
        (
            data("interop/bad/unterminated-quote.csv"),
            ":2:5: this quote is never closed",
        ),
        (
            data("interop/bad/duplicate-label.csv"),
            ":4:1: a second element labelled 'John Smith' (row 2); without an ID column, labels \
             must be unique",
        ),
        (
            data("interop/bad/truncated.ftm.json"),
            ":2:60: not a FollowTheMoney entity: the line ends before its JSON object is closed",
        ),
        (
            data("interop/bad/array.ftm.json"),
            ":1:1: not a FollowTheMoney entity: expected a JSON object with 'id' and 'schema', \
             found a JSON array",
        ),
        (
            wide,
            ":1:1025: the header has 1000000 columns; relmap reads at most 1024",
        ),
    ];
    for (path, expected) in cases {
        let out_path = dir.path().join("out.relmap.json");
        let out = convert(&path, &out_path);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {err}", path.display());
        assert!(
            err.starts_with(&format!("{}{expected}", path.display())),
            "{}\n got: {err}\nwant: {expected}",
            path.display()
        );
        assert!(
            !out_path.exists(),
            "nothing is written for {}",
            path.display()
        );
    }
}

/// Every format's reader, given the sample cut short at many places or with bytes changed,
/// returns a map or an error; it never panics.
#[test]
fn damaged_files_never_panic() {
    let data = relmap::sample::sample_dataset();
    for key in ["gexf", "graphml", "ftm"] {
        let format = formats::by_key(key).unwrap();
        let mut bytes = Vec::new();
        (format.write.unwrap())(&data, &mut bytes, &mut Progress::none()).unwrap();
        let read = format.read.unwrap();
        let path = Path::new("damaged");
        let step = (bytes.len() / 150).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            let _ = read(&mut &bytes[..cut], path, &mut Progress::none());
            let mut changed = bytes.clone();
            changed[cut] = b"<>&\"'\n\0x"[cut % 8];
            let _ = read(&mut changed.as_slice(), path, &mut Progress::none());
        }
    }
    let csv = formats::by_key("csv").unwrap().read.unwrap();
    let text = b"From,To,Type,Direction,Label,Excerpts\nA,B,meeting,mutual,\"x, y\",[]\n";
    for cut in 0..text.len() {
        let _ = csv(
            &mut &text[..cut],
            Path::new("damaged.csv"),
            &mut Progress::none(),
        );
    }
}
