//! Unit tests of FollowTheMoney entities: writing, reading back, and damaged lines.

use super::*;
use crate::io::Progress;
use crate::model::Tie;
use crate::sample::sample_dataset;
use std::collections::HashSet;
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

/// The entities of `text` as a collection's namespace has them: `signature(id)` after a dot on
/// every id, and on every value naming an entity of the file (with `record_ids`, also on the
/// Documentation's `recordId`, which Aleph leaves as it is).
fn namespaced(text: &str, signature: &dyn Fn(&str) -> String, record_ids: bool) -> String {
    let mut entities: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: HashSet<String> = entities
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    let sign = |id: &str| format!("{id}.{}", signature(id));
    let mut out = String::new();
    for e in &mut entities {
        let id = sign(e["id"].as_str().unwrap());
        e["id"] = id.into();
        for (name, values) in e["properties"].as_object_mut().unwrap() {
            for v in values.as_array_mut().unwrap() {
                let named = v.as_str().filter(|s| ids.contains(*s)).map(sign);
                if let Some(signed) = named.filter(|_| record_ids || name != "recordId") {
                    *v = signed.into();
                }
            }
        }
        out.push_str(&format!("{e}\n"));
    }
    out
}

/// A signature of 40 hex digits that differs from id to id, as Aleph's does.
fn per_id_signature(id: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!(
        "{hash:016x}{:016x}{:08x}",
        hash.rotate_left(17),
        hash as u32
    )
}

#[test]
fn ids_of_a_namespaced_collection_come_back_without_the_signature() {
    let text = write(&sample_dataset());
    let read = |text: &str| read_str(text, Path::new("t.ftm.json"), &mut Progress::none()).unwrap();
    let plain = read(&text);
    assert!(plain.warnings.is_empty(), "{:?}", plain.warnings);
    let same_everywhere = |_: &str| "a3f09c".to_owned();
    for (signature, record_ids, digits) in [
        (&per_id_signature as &dyn Fn(&str) -> String, false, 40),
        (&per_id_signature, true, 40),
        (&same_everywhere, true, 6),
    ] {
        let signed = namespaced(&text, signature, record_ids);
        assert_ne!(signed, text);
        let back = read(&signed);
        assert_eq!(
            back.data, plain.data,
            "the same map, ids without signatures"
        );
        let entities = text.lines().count();
        assert_eq!(
            back.warnings,
            [format!(
                "the ids carried a collection's namespace signature ('.' and {digits} hex \
                 digits), which was taken off ({entities} ids)"
            )]
        );
    }
}

#[test]
fn ids_with_dots_that_are_not_one_signature_are_kept() {
    let text = "{\"id\":\"a.1234567\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n\
                {\"id\":\"b.abcdef\",\"schema\":\"Person\",\"properties\":{\"name\":[\"B\"]}}\n\
                {\"id\":\"c.beef\",\"schema\":\"Person\",\"properties\":{\"name\":[\"C\"]}}\n";
    let back = read_str(text, Path::new("t.ftm"), &mut Progress::none()).unwrap();
    let ids: Vec<&str> = back.data.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a.1234567", "b.abcdef", "c.beef"]);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
}

#[test]
fn links_of_other_tools_keep_their_articles_and_name_what_is_not_kept() {
    let text = [
        r#"{"id":"p1","schema":"Person","properties":{"name":["Kim"]}}"#,
        r#"{"id":"p2","schema":"Person","properties":{"name":["Moon"]}}"#,
        r#"{"id":"o1","schema":"Company","properties":{"name":["Acme"]}}"#,
        r#"{"id":"l1","schema":"UnknownLink","properties":{"subject":["p1"],"object":["p2"],"role":["meeting"],"summary":["Kim met Moon."],"sourceUrl":["https://news.example/kim-moon"],"publisher":["Example News"],"publishedAt":["2018-04-27"],"status":["hostile","mutual"]}}"#,
        r#"{"id":"l2","schema":"Associate","properties":{"person":["p2"],"associate":["p1"],"description":["Moon praised Kim."],"sourceUrl":["https://news.example/kim-moon"],"publisher":["Example News"],"status":["active"]}}"#,
        r#"{"id":"l3","schema":"Ownership","properties":{"owner":["p1"],"asset":["o1"],"summary":["Kim owns Acme."],"publisher":["Registry"],"percentage":["51"],"proof":["gone"],"status":["active"]}}"#,
    ]
    .join("\n");
    let back = read_str(&text, Path::new("t.ftm"), &mut Progress::none()).unwrap();
    let d = &back.data;
    assert_eq!(d.sources.len(), 2, "{:#?}", d.sources);
    let news = &d.sources[0];
    assert_eq!(news.url.as_deref(), Some("https://news.example/kim-moon"));
    assert_eq!(news.outlet, "Example News");
    assert_eq!(news.published.as_deref(), Some("2018-04-27"));
    assert_eq!(news.text, "Kim met Moon.\n\nMoon praised Kim.");
    let registry = &d.sources[1];
    assert_eq!(
        (registry.url.as_deref(), registry.outlet.as_str()),
        (None, "Registry")
    );
    assert_eq!(registry.text, "Kim owns Acme.");
    for (tie, source, quote) in [
        (0, news, "Kim met Moon."),
        (1, news, "Moon praised Kim."),
        (2, registry, "Kim owns Acme."),
    ] {
        let x = &d.ties[tie].excerpts[0];
        assert_eq!(
            (x.source.as_str(), x.quote.as_str()),
            (source.id.as_str(), quote)
        );
        assert_eq!(&source.text[x.start..x.end], quote);
    }
    assert_eq!(d.ties[1].label, "Moon praised Kim.");
    let shape = |t: &Tie| (t.directed, t.polarity);
    assert_eq!(shape(&d.ties[0]), (false, Polarity::Hostile));
    assert_eq!(
        shape(&d.ties[1]),
        (false, Polarity::Neutral),
        "associates are mutual"
    );
    assert_eq!(shape(&d.ties[2]), (true, Polarity::Neutral));
    assert_eq!(
        back.warnings,
        [
            "the property 'status' of Associate is not kept (1 link)",
            "a status of Ownership other than a polarity or 'mutual' is not kept (1 link)",
            "the property 'percentage' of Ownership is not kept (1 link)",
            "the 'proof' of Ownership is not an article of the file (1 link)",
        ]
    );
}
