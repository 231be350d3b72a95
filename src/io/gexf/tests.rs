//! Unit tests of GEXF: writing, reading other tools' variants, and broken files with their places.

use super::*;
use crate::io::json::Loaded;
use crate::io::LoadError;
use crate::io::Progress;
use crate::model::{ActorKind, Dataset};
use crate::sample::sample_dataset;
use std::path::Path;

fn write(data: &Dataset) -> String {
    let mut out = Vec::new();
    write_to(data, &mut out, &mut Progress::none()).unwrap();
    String::from_utf8(out).unwrap()
}

fn read(text: &str) -> Result<Loaded, LoadError> {
    read_str(text, Path::new("t.gexf"), &mut Progress::none())
}

fn error(text: &str) -> String {
    read(text).unwrap_err().to_string()
}

#[test]
fn the_sample_comes_back_equal() {
    let data = sample_dataset();
    let text = write(&data);
    let back = read(&text).unwrap();
    assert_eq!(back.data, data);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
}

#[test]
fn every_character_survives() {
    let mut data = sample_dataset();
    data.actors[0].name = "A \"quoted\" <name> & co\nsecond line\ttab\r\n".into();
    data.actors[0].aliases = vec!["with | bar".into(), "[bracket".into()];
    data.sources[0].text.insert_str(0, "\r\n");
    for t in &mut data.ties {
        for x in &mut t.excerpts {
            x.start += 2;
            x.end += 2;
        }
    }
    assert!(crate::model::validate(&data).is_empty());
    let back = read(&write(&data)).unwrap();
    assert_eq!(back.data, data);
}

#[test]
fn control_characters_are_refused_on_writing_with_what_holds_them() {
    let mut data = sample_dataset();
    data.actors[1].description = "bell\u{7}".into();
    let mut out = Vec::new();
    let e = write_to(&data, &mut out, &mut Progress::none())
        .unwrap_err()
        .to_string();
    assert!(e.contains(&format!("actor '{}'", data.actors[1].id)), "{e}");
    assert!(e.contains("U+0007"), "{e}");
}

const GEPHI: &str = r#"<?xml version='1.0' encoding='UTF-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
  <meta lastmodifieddate="2024-03-01">
    <creator>Gephi 0.10.1</creator>
    <title></title>
    <description></description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="modularity_class" title="Modularity Class" type="integer"></attribute>
      <attribute id="type" title="Type" type="string"><default>Person</default></attribute>
    </attributes>
    <nodes>
      <node id="11" label="Valjean">
        <attvalues>
          <attvalue for="modularity_class" value="1"></attvalue>
        </attvalues>
        <viz:size value="100.0"></viz:size>
        <viz:position x="-87.93029" y="6.8120565"></viz:position>
        <viz:color r="245" g="91" b="91"></viz:color>
      </node>
      <node id="0" label="Myriel"/>
    </nodes>
    <edges>
      <edge id="0" source="11" target="0" weight="2.0"/>
      <edge id="1" source="11" target="11"/>
    </edges>
  </graph>
</gexf>"#;

#[test]
fn gephi_files_are_read_and_what_is_not_kept_is_said() {
    let loaded = read(GEPHI).unwrap();
    let d = &loaded.data;
    assert_eq!(d.actors.len(), 2);
    assert_eq!(d.actors[0].name, "Valjean");
    assert_eq!(d.actors[0].kind, ActorKind::Person, "the default applies");
    let p = d.actors[0].position.unwrap();
    assert!((p.x + 87.93029).abs() < 1e-9 && (p.y + 6.8120565).abs() < 1e-9);
    assert_eq!(d.ties.len(), 2);
    assert!(d.ties[0].directed);
    assert_eq!(d.ties[1].from, d.ties[1].to, "a self loop");
    let warnings = loaded.warnings.join("\n");
    assert!(
        warnings.contains("'Modularity Class' is not kept"),
        "{warnings}"
    );
    assert!(warnings.contains("weights are not kept"), "{warnings}");
}

#[test]
fn older_namespaces_and_dynamic_graphs_are_read() {
    let text = r#"<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
    <nodes><node id="a" label="A"/><node id="b" label="B" start="2001-01-01"/></nodes>
    <edges>
      <edge source="a" target="b" start="2018-06-03" end="2018-07-01"/>
      <edge source="a" target="b"><spells><spell start="2012-01-01" end="2012-01-01"/></spells></edge>
      <edge source="b" target="a" start="2001.0" end="2003.0"/>
    </edges>
  </graph>
</gexf>"#;
    let loaded = read(text).unwrap();
    let t = &loaded.data.ties;
    assert_eq!(t.len(), 3);
    assert_eq!(t[0].date.as_deref(), Some("2018-06-03/2018-07-01"));
    assert_eq!(t[1].date.as_deref(), Some("2012-01-01"));
    assert_eq!(t[2].date, None);
    assert!(!t[0].directed);
    assert!(loaded.warnings.iter().any(|w| w.contains("not dates")));
    // GEXF 1.1 too.
    let old = text.replace(
        "http://www.gexf.net/1.2draft",
        "http://www.gexf.net/1.1draft",
    );
    assert_eq!(read(&old).unwrap().data.ties.len(), 3);
}

#[test]
fn broken_files_are_refused_with_their_place() {
    let cases: &[(&str, &str)] = &[
        (
            "<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes><node id=\"a\"/>",
            "t.gexf:1:42: the file ends inside <nodes>",
        ),
        (
            "<gexf xmlns=\"http://example.org/x\"><graph/></gexf>",
            "t.gexf:1:1: <gexf> is in the namespace 'http://example.org/x'",
        ),
        (
            "<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"zz\"/></edges></graph></gexf>",
            "t.gexf:2:8: edge 'edge-1' ends at 'zz', which is not a node",
        ),
        (
            "<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes><node id=\"a\"/>\n  <node id=\"a\"/></nodes></graph></gexf>",
            "t.gexf:2:3: a second node with the id 'a'",
        ),
        (
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n<gexf>&lol2;</gexf>",
            "t.gexf:2:1: the document type declares entities",
        ),
        (
            "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<gexf>&xxe;</gexf>",
            "t.gexf:2:1: the document type declares entities",
        ),
        (
            "<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes><node id=\"a\" label=\"&xxe;\"/></nodes></graph></gexf>",
            "t.gexf:1:49: the attribute 'label' of <node> cannot be read",
        ),
        (
            "<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes>&ext;</nodes></graph></gexf>",
            "t.gexf:1:49: the entity '&ext;' is not defined",
        ),
        (
            "<gexf xmlns=\"http://gexf.net/1.3\"><graph></nodes></graph></gexf>",
            "t.gexf:1:42: the XML is malformed: ill-formed document: expected `</graph>`, but `</nodes>` was found",
        ),
        ("<graphml/>", "t.gexf:1:1: this is not GEXF: the document is <graphml>"),
    ];
    for (text, expected) in cases {
        let e = error(text);
        assert!(
            e.starts_with(expected),
            "{text}\n got: {e}\nwant: {expected}"
        );
    }
}

/// What Gephi and networkx do to a GEXF they rewrite: relmap's list of articles in `<meta>`
/// is gone.
fn without_articles(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<relmap:article") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</relmap:article>").unwrap() + "</relmap:article>".len();
        rest = &rest[start + end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn articles_dropped_by_another_tool_are_made_again_from_what_the_quotes_carry() {
    let data = sample_dataset();
    let text = without_articles(&write(&data));
    assert!(!text.contains("<relmap:article"));
    let back = read(&text).unwrap();
    assert_eq!(back.data.sources.len(), data.sources.len());
    for (made, was) in back.data.sources.iter().zip(&data.sources) {
        assert_eq!(
            (
                &made.id,
                &made.title,
                &made.outlet,
                &made.published,
                &made.url,
                &made.author
            ),
            (
                &was.id,
                &was.title,
                &was.outlet,
                &was.published,
                &was.url,
                &was.author
            )
        );
    }
    for (tie, was) in back.data.ties.iter().zip(&data.ties) {
        assert_eq!(tie.excerpts.len(), was.excerpts.len(), "{}", tie.id);
        for (x, w) in tie.excerpts.iter().zip(&was.excerpts) {
            assert_eq!(
                (&x.source, &x.quote, x.certainty),
                (&w.source, &w.quote, w.certainty)
            );
            let text = &back.data.source(&x.source).unwrap().text;
            assert_eq!(text.get(x.start..x.end), Some(x.quote.as_str()));
        }
    }
    assert!(
        back.warnings.iter().any(
            |w| w.starts_with("articles not in the file were made again")
                && w.ends_with("(1 article)")
        ),
        "{:?}",
        back.warnings
    );
}

#[test]
fn quotes_without_any_article_are_kept_together_and_counted_one_by_one() {
    let excerpt = |quote: &str| {
        format!("{{&quot;source&quot;:&quot;gone&quot;,&quot;quote&quot;:&quot;{quote}&quot;,&quot;start&quot;:0,&quot;end&quot;:1}}")
    };
    let text = format!(
        r#"<gexf xmlns="http://gexf.net/1.3"><graph defaultedgetype="directed">
<attributes class="edge"><attribute id="x" title="excerpts" type="string"/></attributes>
<nodes><node id="a"/><node id="b"/></nodes>
<edges><edge source="a" target="b"><attvalues><attvalue for="x" value="[{},{}]"/></attvalues></edge>
<edge source="b" target="a"><attvalues><attvalue for="x" value="[{}]"/></attvalues></edge></edges>
</graph></gexf>"#,
        excerpt("One."),
        excerpt("Two."),
        excerpt("One.")
    );
    let back = read(&text).unwrap();
    let loose = back.data.source(interop::LOOSE_QUOTES).unwrap();
    assert_eq!(loose.text, "One.\n\nTwo.");
    let places: Vec<(usize, usize)> = back
        .data
        .ties
        .iter()
        .flat_map(|t| t.excerpts.iter().map(|x| (x.start, x.end)))
        .collect();
    assert_eq!(places, [(0, 4), (6, 10), (0, 4)]);
    assert!(
        back.warnings
            .iter()
            .any(|w| w.ends_with("without their article (3 quotes)")),
        "{:?}",
        back.warnings
    );
}

/// Gephi's timelines: times that are numbers (years, most often), several spells on an edge,
/// nodes that live for a while. What is not kept is said.
#[test]
fn timelines_of_numbers_and_several_spells_are_read_or_reported() {
    let text = r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" defaultedgetype="directed" timeformat="double">
    <nodes>
      <node id="a" label="A" start="2001.0"/>
      <node id="b" label="B"><spells><spell start="1999.0" end="2004.0"/></spells></node>
    </nodes>
    <edges>
      <edge source="a" target="b" start="2002.0" end="2005"/>
      <edge source="a" target="b"><spells><spell start="2012.0" end="2014.0"/><spell start="2016.0" end="2017.0"/></spells></edge>
      <edge source="b" target="a" start="3.5" end="7.25"/>
    </edges>
  </graph>
</gexf>"#;
    let loaded = read(text).unwrap();
    let dates: Vec<Option<&str>> = loaded.data.ties.iter().map(|t| t.date.as_deref()).collect();
    assert_eq!(dates, [Some("2002/2005"), Some("2012/2014"), None]);
    let warnings = loaded.warnings.join("\n");
    for expected in [
        "times of a timeline of numbers that are whole years were read as years (4 times)",
        "times of a timeline of numbers that are not whole years are not kept (2 times)",
        "edges that hold at several times (spells): only the first is kept (1 edge)",
        "node times (start, end, spells, timestamps) are not kept: relmap's actors have no dates (2 nodes)",
    ] {
        assert!(warnings.contains(expected), "{expected}\n{warnings}");
    }
}
