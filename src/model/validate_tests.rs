//! One test per validation rule, each on a small valid dataset with one thing broken.

use super::*;
use crate::model::{Actor, ActorKind, Excerpt, Point, Polarity, Source, Tie, TieKind};

const TEXT: &str = "Kim met Xi. The North’s leader hosted Lavrov.";

fn actor(id: &str) -> Actor {
    Actor {
        id: id.into(),
        name: id.to_uppercase(),
        kind: ActorKind::Person,
        aliases: vec![],
        description: String::new(),
        position: Some(Point::new(0.0, 0.0)),
        pinned: false,
        ..Actor::default()
    }
}

fn excerpt(quote: &str) -> Excerpt {
    let start = TEXT.find(quote).expect("quote in TEXT");
    Excerpt {
        source: "s".into(),
        quote: quote.into(),
        start,
        end: start + quote.len(),
        certainty: None,
        attributed_to: None,
    }
}

fn valid() -> Dataset {
    Dataset {
        sources: vec![Source {
            id: "s".into(),
            title: "T".into(),
            outlet: "O".into(),
            published: Some("2018-06-03".into()),
            url: None,
            author: None,
            text: TEXT.into(),
        }],
        actors: vec![actor("kim"), actor("xi")],
        ties: vec![Tie {
            id: "t".into(),
            from: "kim".into(),
            to: "xi".into(),
            kind: TieKind::Meeting,
            directed: false,
            polarity: Polarity::Cooperative,
            date: Some("2018-03".into()),
            label: "met".into(),
            excerpts: vec![excerpt("Kim met Xi.")],
            ..Tie::default()
        }],
        ..Dataset::default()
    }
}

fn messages(data: &Dataset) -> Vec<String> {
    validate(data).iter().map(ToString::to_string).collect()
}

#[test]
fn a_valid_dataset_has_no_problems() {
    assert_eq!(messages(&valid()), Vec::<String>::new());
}

#[test]
fn unsupported_version() {
    let mut d = valid();
    d.relmap = 7;
    assert_eq!(
        messages(&d),
        ["dataset: unsupported relmap version 7 (this build reads version 1)"]
    );
}

#[test]
fn duplicate_actor_id() {
    let mut d = valid();
    d.actors.push(actor("xi"));
    assert_eq!(messages(&d), ["actor 'xi': duplicate actor id"]);
}

#[test]
fn duplicate_tie_id() {
    let mut d = valid();
    d.ties.push(d.ties[0].clone());
    assert_eq!(messages(&d), ["tie 't': duplicate tie id"]);
}

#[test]
fn duplicate_source_id() {
    let mut d = valid();
    d.sources.push(d.sources[0].clone());
    assert_eq!(messages(&d), ["source 's': duplicate source id"]);
}

#[test]
fn empty_ids() {
    let mut d = valid();
    let mut blank = actor(" ");
    blank.name = "Somebody".into();
    d.actors.push(blank);
    assert_eq!(messages(&d), ["dataset: actor 3 has an empty id"]);
}

#[test]
fn empty_actor_name() {
    let mut d = valid();
    d.actors[1].name.clear();
    assert_eq!(messages(&d), ["actor 'xi': name is empty"]);
}

#[test]
fn tie_to_unknown_actor() {
    let mut d = valid();
    d.ties[0].to = "putin".into();
    assert_eq!(messages(&d), ["tie 't': 'to' names unknown actor 'putin'"]);
    d.ties[0].from = "nobody".into();
    assert_eq!(messages(&d).len(), 2);
}

#[test]
fn excerpt_with_unknown_source() {
    let mut d = valid();
    d.ties[0].excerpts[0].source = "bbc".into();
    assert_eq!(
        messages(&d),
        ["tie 't': excerpt 1: source 'bbc' is unknown"]
    );
}

#[test]
fn excerpt_offsets_that_do_not_match_the_quote() {
    let mut d = valid();
    d.ties[0].excerpts[0].start += 1;
    d.ties[0].excerpts[0].end += 1;
    assert_eq!(
        messages(&d),
        ["tie 't': excerpt 1: quote does not match the source text at 1..12; the quote is found at 0..11"]
    );
}

#[test]
fn excerpt_offsets_past_the_end() {
    let mut d = valid();
    d.ties[0].excerpts[0].end = 1000;
    assert_eq!(
        messages(&d),
        ["tie 't': excerpt 1: end 1000 is past the end of the source text (47 bytes)"]
    );
}

#[test]
fn excerpt_offsets_inside_a_character() {
    let mut d = valid();
    let apostrophe = TEXT.find('’').unwrap();
    d.ties[0].excerpts[0].start = apostrophe + 1;
    d.ties[0].excerpts[0].end = apostrophe + 4;
    assert_eq!(
        messages(&d),
        [format!(
            "tie 't': excerpt 1: offsets {}..{} split a UTF-8 character of the source text",
            apostrophe + 1,
            apostrophe + 4
        )]
    );
}

#[test]
fn excerpt_with_reversed_or_empty_range() {
    let mut d = valid();
    d.ties[0].excerpts[0].start = 5;
    d.ties[0].excerpts[0].end = 5;
    assert_eq!(
        messages(&d),
        ["tie 't': excerpt 1: start 5 is not before end 5"]
    );
    d.ties[0].excerpts[0].quote.clear();
    assert_eq!(messages(&d), ["tie 't': excerpt 1: quote is empty"]);
}

#[test]
fn malformed_tie_date() {
    let mut d = valid();
    d.ties[0].date = Some("2018-3".into());
    assert_eq!(
        messages(&d),
        ["tie 't': date: '2018-3' is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or START/END"]
    );
}

#[test]
fn malformed_source_date() {
    let mut d = valid();
    d.sources[0].published = Some("2018-02-30".into());
    assert_eq!(
        messages(&d),
        ["source 's': published: '2018-02-30' has day 30, which that month does not have"]
    );
}

#[test]
fn non_finite_position() {
    let mut d = valid();
    d.actors[0].position = Some(Point::new(f64::INFINITY, 1.0));
    assert_eq!(
        messages(&d),
        ["actor 'kim': position [inf, 1] is not a finite number"]
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let mut d = valid();
    d.relmap = 2;
    d.actors.push(actor("xi"));
    d.ties[0].date = Some("soon".into());
    assert_eq!(messages(&d).len(), 3);
}

#[test]
fn checking_many_items_at_once_finds_what_checking_each_finds() {
    // A generated map, broken in every way an edit could break its items.
    let mut data = crate::generate::generate(60, 200, 2);
    data.actors[3].id = data.actors[4].id.clone();
    data.actors[7].name = " ".into();
    data.ties[5].to = "nobody".into();
    data.ties[9].id = data.ties[10].id.clone();
    data.ties[12].date = Some("2019-13-40".into());
    if let Some(x) = data.ties[15].excerpts.first_mut() {
        x.source = "no-such-source".into();
    }
    if let Some(x) = data.ties[16].excerpts.first_mut() {
        x.end += 1;
    }
    let actors: Vec<&str> = data
        .actors
        .iter()
        .step_by(2)
        .map(|a| a.id.as_str())
        .collect();
    let ties: Vec<&str> = data.ties.iter().take(40).map(|t| t.id.as_str()).collect();
    let sources: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
    let together: Vec<String> = validate_items(&data, &actors, &ties, &sources)
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut one_by_one: Vec<String> = Vec::new();
    for (kind, ids) in [(0, &sources), (1, &actors), (2, &ties)] {
        for id in ids.iter() {
            let single = [*id];
            let problems = match kind {
                0 => validate_items(&data, &[], &[], &single),
                1 => validate_items(&data, &single, &[], &[]),
                _ => validate_items(&data, &[], &single, &[]),
            };
            one_by_one.extend(problems.iter().map(ToString::to_string));
        }
    }
    assert!(together.len() >= 6, "{together:#?}");
    assert_eq!(together, one_by_one);
}

#[test]
fn checking_ties_by_place_finds_what_checking_them_by_id_finds_but_duplicates() {
    let mut data = crate::generate::generate(60, 200, 3);
    data.ties[5].to = "nobody".into();
    data.ties[12].date = Some("2019-13-40".into());
    if let Some(x) = data.ties[16].excerpts.first_mut() {
        x.end += 1;
    }
    data.actors[2].name = " ".into();
    let actor = [data.actors[2].id.as_str()];
    let places: Vec<usize> = (0..40).collect();
    let ids: Vec<&str> = places.iter().map(|&i| data.ties[i].id.as_str()).collect();
    let text = |problems: Vec<Problem>| -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    };
    let by_place = text(validate_items_at(&data, &actor, &places, &[]));
    assert_eq!(by_place.len(), 4, "{by_place:#?}");
    assert_eq!(by_place, text(validate_items(&data, &actor, &ids, &[])));
    // A place beyond the list is skipped, like an id no longer there.
    assert_eq!(
        text(validate_items_at(&data, &[], &[900], &[])),
        [] as [String; 0]
    );
}
