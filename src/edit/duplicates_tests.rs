//! The duplicate rules: names written differently, aliases, a surname inside a full name,
//! initials; ambiguity; ranking and reasons.

use super::{possible_duplicates, PossibleDuplicate, Reason};
use crate::edit::normalize_name;
use crate::model::{Actor, ActorKind, Dataset};

fn person(name: &str, aliases: &[&str]) -> Actor {
    Actor {
        id: normalize_name(name).replace(' ', "-"),
        name: name.into(),
        kind: ActorKind::Person,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..Actor::default()
    }
}

fn map(actors: Vec<Actor>) -> Dataset {
    Dataset {
        actors,
        ..Dataset::default()
    }
}

fn pairs(data: &Dataset) -> Vec<(String, String, u8)> {
    possible_duplicates(data)
        .into_iter()
        .map(|p| {
            let (a, b) = (&data.actors[p.a].name, &data.actors[p.b].name);
            (a.clone(), b.clone(), p.reason.strength())
        })
        .collect()
}

#[test]
fn names_normalise_across_case_hyphens_punctuation_and_titles() {
    assert_eq!(normalize_name("Mr. Kim Jong-un"), "kim jong un");
    assert_eq!(normalize_name("KIM JONG UN"), "kim jong un");
    assert_eq!(normalize_name("D.P.R.K."), "dprk");
}

#[test]
fn the_same_name_written_differently() {
    let data = map(vec![
        person("Kim Jong-un", &[]),
        person("Xi Jinping", &[]),
        person("Kim Jong Un", &[]),
    ]);
    let found = possible_duplicates(&data);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].a, found[0].b), (0, 2));
    assert_eq!(
        found[0].reason,
        Reason::SameName {
            a: "Kim Jong-un".into(),
            b: "Kim Jong Un".into()
        }
    );
    assert!(found[0].reason.explain().contains("written differently"));
}

#[test]
fn a_name_that_is_another_actors_alias() {
    let data = map(vec![
        person("Supreme Leader", &[]),
        person("Kim Jong-un", &["Supreme Leader", "Marshal Kim"]),
    ]);
    let found = possible_duplicates(&data);
    assert_eq!(found.len(), 1);
    assert!(matches!(found[0].reason, Reason::SameAlias { .. }));
}

#[test]
fn two_actors_with_the_same_alias() {
    let data = map(vec![
        person("Kim Jong-un", &["Marshal Kim"]),
        person("Xi Jinping", &[]),
        person("The Marshal", &["Marshal Kim"]),
    ]);
    let found = possible_duplicates(&data);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].a, found[0].b), (0, 2));
    assert!(matches!(found[0].reason, Reason::SameAlias { .. }));
}

#[test]
fn a_surname_inside_a_full_name_when_no_one_else_has_it() {
    let data = map(vec![
        person("Ansel", &[]),
        person("Lucia Brandt", &[]),
        person("Teodor Ansel", &[]),
    ]);
    let found = possible_duplicates(&data);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].a, found[0].b), (0, 2));
    assert_eq!(
        found[0].reason.explain(),
        "“Ansel” is part of “Teodor Ansel”, and of no other actor's name"
    );
    // Through an alias too.
    let data = map(vec![
        person("T. A.", &["Brandt"]),
        person("Lucia Brandt", &[]),
    ]);
    assert_eq!(possible_duplicates(&data).len(), 1);
}

#[test]
fn a_short_name_inside_two_full_names_is_ambiguous() {
    let kims = vec![
        person("Kim", &[]),
        person("Kim Jong-un", &[]),
        person("Kim Il Sung", &[]),
    ];
    assert!(possible_duplicates(&map(kims)).is_empty());
    let one_kim = vec![person("Kim", &[]), person("Kim Jong-un", &[])];
    assert_eq!(pairs(&map(one_kim)).len(), 1);
    // A short alias of an actor whose own name holds it points at no one else.
    let alias = vec![
        person("Kim Jong-un", &["Mr. Kim"]),
        person("Kim Il Sung", &[]),
    ];
    assert!(possible_duplicates(&map(alias)).is_empty());
}

#[test]
fn words_must_be_whole() {
    let data = map(vec![person("Ansel", &[]), person("Teodor Anselm", &[])]);
    assert!(possible_duplicates(&data).is_empty());
    // Very short words alone say nothing.
    let data = map(vec![person("Al", &[]), person("Al Gore", &[])]);
    assert!(possible_duplicates(&data).is_empty());
}

#[test]
fn organisations_are_not_found_inside_longer_names() {
    let org = |name: &str| Actor {
        kind: ActorKind::Organization,
        ..person(name, &[])
    };
    let data = map(vec![org("United Nations"), org("United Nations experts")]);
    assert!(possible_duplicates(&data).is_empty());
}

#[test]
fn initials_for_first_names() {
    let data = map(vec![
        person("J. Bolton", &[]),
        person("John R. Bolton", &[]),
        person("Michael Bolton", &[]),
    ]);
    let found = possible_duplicates(&data);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].a, found[0].b), (0, 1));
    assert_eq!(
        found[0].reason,
        Reason::Initials {
            short: "J. Bolton".into(),
            long: "John R. Bolton".into()
        }
    );
    // "J. R. Bolton" too; a wrong initial is not a match.
    let data = map(vec![
        person("J. R. Bolton", &[]),
        person("John R. Bolton", &[]),
    ]);
    assert_eq!(possible_duplicates(&data).len(), 1);
    let data = map(vec![
        person("K. Bolton", &[]),
        person("John R. Bolton", &[]),
    ]);
    assert!(possible_duplicates(&data).is_empty());
    // Two Johns called Bolton: which one is unknown.
    let data = map(vec![
        person("J. Bolton", &[]),
        person("John R. Bolton", &[]),
        person("Jane Bolton", &[]),
    ]);
    assert!(possible_duplicates(&data).is_empty());
}

#[test]
fn stronger_reasons_come_first_and_each_pair_once() {
    let data = map(vec![
        person("Ansel", &[]),
        person("Teodor Ansel", &[]),
        person("Kim Jong Un", &[]),
        person("Kim Jong-un", &["Ansel"]),
    ]);
    let found: Vec<PossibleDuplicate> = possible_duplicates(&data);
    let strengths: Vec<u8> = found.iter().map(|p| p.reason.strength()).collect();
    let mut sorted = strengths.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(strengths, sorted);
    let mut seen: Vec<(usize, usize)> = found.iter().map(|p| (p.a, p.b)).collect();
    seen.dedup();
    assert_eq!(seen.len(), found.len());
    assert_eq!((found[0].a, found[0].b), (2, 3), "the same name first");
}

#[test]
fn a_pair_marked_as_two_actors_is_not_proposed_again() {
    let mut data = map(vec![
        person("Ansel", &[]),
        person("Teodor Ansel", &[]),
        person("Kim Jong-un", &[]),
        person("Kim Jong Un", &[]),
    ]);
    assert_eq!(possible_duplicates(&data).len(), 2);
    let ids = |i: usize, j: usize| [data.actors[i].id.clone(), data.actors[j].id.clone()];
    // Either order.
    let pair = ids(1, 0);
    let undo = crate::edit::Edit::SetNotDuplicates { pairs: vec![pair] }
        .apply(&mut data)
        .unwrap();
    let left = possible_duplicates(&data);
    assert_eq!(left.len(), 1);
    assert_eq!((left[0].a, left[0].b), (2, 3));
    undo.apply(&mut data).unwrap();
    assert_eq!(possible_duplicates(&data).len(), 2, "undone");
}

#[test]
fn the_sample_has_no_duplicate_actors() {
    assert_eq!(pairs(&crate::sample::sample_dataset()), []);
}

/// Normalising the plain way: clean every character, split, drop titles, join.
fn normalized_word_by_word(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next()
            } else if c == '-' || c.is_whitespace() {
                Some(' ')
            } else {
                None
            }
        })
        .collect();
    let titles = ["mr", "mrs", "ms", "dr", "president", "the", "prof"];
    cleaned
        .split_whitespace()
        .filter(|w| !titles.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

proptest::proptest! {
    #[test]
    fn names_normalise_as_they_would_word_by_word(
        name in "((Mr|Dr\\.|the|THE|Kim|Jong|un|É|ß|İ|2|-|\\.| |\t|,)){0,12}"
    ) {
        proptest::prop_assert_eq!(normalize_name(&name), normalized_word_by_word(&name));
    }
}
