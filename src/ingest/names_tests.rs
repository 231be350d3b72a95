//! Unit tests of finding names: honorifics and titles, organisations, countries and demonyms.

use super::*;
use crate::ingest::tokens::tokenize;

/// The mentions of one sentence: (surface, what, title, weak).
fn found(text: &str) -> Vec<(String, What, Option<String>, bool)> {
    let lower: foldhash::HashSet<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(str::to_owned)
        .collect();
    let ctx = Context {
        text,
        lower_words: &lower,
    };
    let tokens = tokenize(text, 0, text.len());
    scan(&ctx, &tokens, 0, false)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_owned(), m.what, m.title, m.weak))
        .collect()
}

/// The strong mentions' surfaces.
fn surfaces(text: &str) -> Vec<String> {
    found(text)
        .into_iter()
        .filter(|f| !f.3)
        .map(|f| f.0)
        .collect()
}

#[test]
fn names_with_honorifics_and_titles() {
    let f = found(
        "President Bashar al-Assad of Syria met Mr. Kim and Foreign Minister Sergey V. Lavrov.",
    );
    assert_eq!(f[0].0, "Bashar al-Assad");
    assert_eq!(f[0].2.as_deref(), Some("president"));
    assert_eq!(f[1].1, What::Known(Known::Country("SY")));
    assert_eq!((f[2].0.as_str(), f[2].2.as_deref()), ("Kim", Some("mr")));
    assert_eq!(
        (f[3].0.as_str(), f[3].2.as_deref()),
        ("Sergey V. Lavrov", Some("foreign minister"))
    );
}

#[test]
fn organisations_by_their_markers_and_connectors() {
    let f = found("She is the Korea chair at the Center for Strategic and International Studies in Washington.");
    assert!(f[0].3, "the Korea chair qualifies a noun: weak");
    assert_eq!(f[1].0, "Center for Strategic and International Studies");
    assert_eq!(f[1].1, What::Organisation);
    assert_eq!(f[2].1, What::Known(Known::Capital("US")));
    assert_eq!(
        surfaces("North Korea and Syria have long maintained warm ties."),
        ["North Korea", "Syria"]
    );
}

#[test]
fn countries_demonyms_official_names_and_abbreviations() {
    let f = found("The Democratic People’s Republic of Korea, the D.P.R.K., thanked American and Syrian officials at the U.N.");
    let whats: Vec<What> = f.iter().map(|x| x.1).collect();
    assert_eq!(
        whats[..4],
        [
            What::Known(Known::Country("KP")),
            What::Known(Known::Country("KP")),
            What::Known(Known::Demonym("US")),
            What::Known(Known::Demonym("SY")),
        ]
    );
    assert!(matches!(whats[4], What::Known(Known::Organisation(_))));
}

#[test]
fn groups_and_backers_are_actors_of_their_own() {
    let f = found(
        "United Nations experts said a NATO-backed coalition and Israeli intelligence agreed.",
    );
    let whats: Vec<(&str, What)> = f.iter().map(|x| (x.0.as_str(), x.1)).collect();
    assert!(whats.contains(&("United Nations experts", What::Group)));
    assert!(whats.contains(&("NATO-backed coalition", What::Backed)));
    assert!(whats.contains(&("Israeli intelligence", What::Group)));
}

#[test]
fn ordinary_capitalised_words_dates_and_events_are_not_names() {
    assert!(surfaces("Analysts said analysts agree.").is_empty());
    assert!(surfaces("Since March nothing moved.").is_empty());
    assert!(surfaces("It happened on Sunday, May 30, during the Arab-Israeli War.").is_empty());
    assert!(
        surfaces("He crossed the zone separating the two Koreas with Western bias.").is_empty()
    );
    assert_eq!(surfaces("the West condemned him"), ["West"]);
    assert_eq!(found("the North said")[0].1, What::Direction);
}
