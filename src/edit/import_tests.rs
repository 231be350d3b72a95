//! Tests of merging an imported map into the open one.

use super::*;
use crate::model::{Actor, ActorKind, Excerpt, Source, TieKind};
use crate::sample::sample_dataset;

fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind: ActorKind::Person,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..Actor::default()
    }
}

fn tie(id: &str, from: &str, to: &str, quote: Option<(&str, usize)>) -> Tie {
    Tie {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        kind: TieKind::Meeting,
        excerpts: quote
            .map(|(q, start)| Excerpt {
                source: "article".into(),
                quote: q.into(),
                start,
                end: start + q.len(),
                certainty: None,
                attributed_to: None,
            })
            .into_iter()
            .collect(),
        ..Tie::default()
    }
}

/// A small file: one actor known to the sample by an alias ("DPRK"), one by its name written
/// otherwise ("KIM JONG UN"), one new, and ties between them.
fn incoming() -> Dataset {
    let text = "Putin met Kim. Putin praised the DPRK.";
    Dataset {
        sources: vec![Source {
            id: "article".into(),
            title: "A meeting".into(),
            outlet: String::new(),
            published: None,
            url: None,
            author: None,
            text: text.into(),
        }],
        actors: vec![
            actor("n1", "DPRK", &[]),
            actor("n2", "KIM JONG UN", &[]),
            actor("kim", "Vladimir Putin", &["Putin"]),
        ],
        ties: vec![
            tie("e1", "kim", "n2", Some(("Putin met Kim.", 0))),
            tie(
                "assad-visit-kim",
                "kim",
                "n1",
                Some(("Putin praised the DPRK.", 15)),
            ),
        ],
        ..Dataset::default()
    }
}

#[test]
fn matching_ignores_case_accents_punctuation_and_titles() {
    assert_eq!(match_key("Mr. Kim Jong-un"), match_key("KIM JONG UN"));
    assert_eq!(match_key("Thénardier"), match_key("thenardier"));
    assert_ne!(match_key("Kim Il Sung"), match_key("Kim"));
}

#[test]
fn actors_are_matched_by_name_and_alias_and_the_rest_is_added_under_free_ids() {
    let data = sample_dataset();
    let (edit, summary) = merge_imported(&data, &incoming(), "x.gexf", vec!["a note".into()]);
    assert_eq!(
        summary.matched,
        vec![
            ("DPRK".to_owned(), "North Korea".to_owned()),
            ("KIM JONG UN".to_owned(), "Kim Jong-un".to_owned())
        ]
    );
    assert_eq!(
        (
            summary.actors_added,
            summary.ties_added,
            summary.sources_added,
            summary.excerpts_added
        ),
        (1, 2, 1, 2)
    );
    assert_eq!(summary.notes, vec!["a note".to_owned()]);
    let mut merged = data.clone();
    let undo = edit.unwrap().apply(&mut merged).unwrap();
    // "kim" was taken on the map: the newcomer gets another id, and its ties follow it.
    let putin = merged.actors.last().unwrap();
    assert_eq!(
        (putin.id.as_str(), putin.name.as_str()),
        ("kim-2", "Vladimir Putin")
    );
    let added = &merged.ties[data.ties.len()..];
    assert_eq!(
        added
            .iter()
            .map(|t| (t.id.as_str(), t.from.as_str(), t.to.as_str()))
            .collect::<Vec<_>>(),
        vec![
            ("e1", "kim-2", "kim"),
            ("assad-visit-kim-2", "kim-2", "north-korea")
        ]
    );
    assert_eq!(added[0].excerpts[0].source, "article");
    undo.apply(&mut merged).unwrap();
    assert_eq!(merged, data);
}

#[test]
fn a_map_merged_into_itself_adds_nothing() {
    let data = sample_dataset();
    let (edit, summary) = merge_imported(&data, &data, "same.relmap.json", Vec::new());
    assert!(edit.is_none());
    assert_eq!(summary.matched.len(), data.actors.len());
    assert_eq!(summary.ties_already_there, data.ties.len());
    assert_eq!(summary.sources_already_there, data.sources.len());
}

#[test]
fn a_replacing_summary_counts_everything() {
    let data = sample_dataset();
    let summary = ImportSummary::replacing("s.gexf", &data, Vec::new());
    assert!(summary.replaced);
    assert_eq!(summary.actors_added, data.actors.len());
    assert_eq!(summary.excerpts_added, data.excerpt_count());
}
