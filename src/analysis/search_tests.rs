//! Search on the sample: ranking, tolerance of case, accents, hyphens and typos, the groups,
//! and words in context.

use super::*;
use crate::model::Actor;
use crate::sample::sample_dataset;

fn run(data: &Dataset, query: &str) -> SearchResults {
    search(&SearchIndex::build(data), data, query)
}

fn actor_ids<'a>(data: &'a Dataset, results: &SearchResults) -> Vec<&'a str> {
    results
        .actors
        .iter()
        .map(|h| data.actors[h.actor].id.as_str())
        .collect()
}

#[test]
fn lavrov_is_found_first_and_quoted() {
    let data = sample_dataset();
    let results = run(&data, "Lavrov");
    assert_eq!(actor_ids(&data, &results), ["lavrov"]);
    assert!(results.ties.len() >= 3, "his ties, by his name");
    let first = &results.quotes[0];
    let QuotePlace::Excerpt { tie, .. } = first.place else {
        panic!("an excerpt first: {first:?}");
    };
    assert!(data.ties[tie].from == "lavrov" || data.ties[tie].to == "lavrov");
    let (a, b) = first.snippet.marks[0];
    assert_eq!(&first.snippet.text[a..b], "Lavrov");
}

#[test]
fn case_accents_hyphens_and_typos_do_not_matter() {
    let mut data = sample_dataset();
    data.actors.push(Actor {
        id: "dvorak".into(),
        name: "Søren Dvořák".into(),
        ..Actor::default()
    });
    for query in ["lavrov", "LAVROV", "lavrof", "lavorv", "Lavr"] {
        assert_eq!(
            actor_ids(&data, &run(&data, query)).first(),
            Some(&"lavrov"),
            "{query}"
        );
    }
    for query in ["dvorak", "Dvořák", "soren dvorak", "SØREN"] {
        assert_eq!(actor_ids(&data, &run(&data, query)), ["dvorak"], "{query}");
    }
    for query in [
        "Kim Jong-un",
        "kim jong un",
        "jongun",
        "Jong-Un",
        "kim jong",
    ] {
        assert_eq!(
            actor_ids(&data, &run(&data, query)).first(),
            Some(&"kim"),
            "{query}"
        );
    }
}

#[test]
fn exact_words_beat_starts_and_typos_and_better_connected_actors_come_first() {
    let data = sample_dataset();
    // "Kim" is an alias of Kim Jong-un and the first word of Kim Il Sung; Kim Jong-un's alias
    // is the whole field.
    assert_eq!(
        actor_ids(&data, &run(&data, "kim"))[..2],
        ["kim", "kim-il-sung"]
    );
    // "Korea" ends in the names of North and South Korea; North Korea has more ties.
    assert_eq!(
        actor_ids(&data, &run(&data, "korea"))[..2],
        ["north-korea", "south-korea"]
    );
    // The whole name beats a name that only starts with the letters.
    let results = run(&data, "syria");
    assert_eq!(actor_ids(&data, &results)[0], "syria");
    assert!(actor_ids(&data, &results).contains(&"syrian-rebels"));
    let mut scores = results.actors.iter().map(|h| h.score);
    assert!(scores.next() > scores.next());
}

#[test]
fn an_alias_finds_its_actor_and_says_which_alias() {
    let data = sample_dataset();
    let results = run(&data, "DPRK");
    assert_eq!(actor_ids(&data, &results), ["north-korea"]);
    let alias = results.actors[0].alias.expect("found by an alias");
    assert_eq!(data.actors[results.actors[0].actor].aliases[alias], "DPRK");
}

#[test]
fn ties_are_found_by_their_actors_label_and_kind() {
    let data = sample_dataset();
    let results = run(&data, "assad kim");
    let ids: Vec<&str> = results
        .ties
        .iter()
        .map(|h| data.ties[h.tie].id.as_str())
        .collect();
    assert!(
        ids.contains(&"assad-visit-kim") && ids.contains(&"assad-kim-in-common"),
        "{ids:?}"
    );
    let results = run(&data, "arms transfer");
    assert_eq!(data.ties[results.ties[0].tie].id, "north-korea-ships-syria");
    let results = run(&data, "smoothed");
    assert_eq!(
        data.ties[results.ties[0].tie].id,
        "trump-north-korea-smoothed"
    );
}

#[test]
fn words_of_the_article_outside_every_excerpt_are_found_in_it() {
    let data = sample_dataset();
    let results = run(&data, "western bias");
    assert_eq!(results.totals, [0, 0, 1]);
    let hit = &results.quotes[0];
    let QuotePlace::Article { source, start, end } = hit.place else {
        panic!("in the article: {hit:?}");
    };
    assert!(data.sources[source].text[start..end].contains("Western bias"));
    let marked: Vec<&str> = hit
        .snippet
        .marks
        .iter()
        .map(|&(a, b)| &hit.snippet.text[a..b])
        .collect();
    assert_eq!(marked, ["Western", "bias"]);
}

#[test]
fn every_word_must_match_in_one_field() {
    let data = sample_dataset();
    assert!(run(&data, "lavrov bolton").actors.is_empty());
    assert!(run(&data, "").is_empty());
    assert!(run(&data, " -- ").is_empty());
    assert!(run(&data, "zzzzqqq").is_empty());
}

#[test]
fn a_phrase_in_order_ranks_above_the_same_words_apart() {
    let data = sample_dataset();
    let results = run(&data, "visit pyongyang");
    let QuotePlace::Excerpt { tie, .. } = results.quotes[0].place else {
        panic!("an excerpt first");
    };
    assert!(
        data.ties[tie]
            .excerpts
            .iter()
            .any(|x| x.quote.contains("visit Pyongyang")),
        "{}",
        data.ties[tie].id
    );
}

#[test]
fn snippets_cut_long_text_at_words_and_keep_the_marks_on_the_words() {
    let text = "word ".repeat(60) + "Målet är nått. " + &"more ".repeat(60);
    let at = text.find("Målet").unwrap();
    let s = snippet(&text, &[(at, at + "Målet".len())]);
    assert!(
        s.text.starts_with('…') && s.text.ends_with('…'),
        "{}",
        s.text
    );
    let (a, b) = s.marks[0];
    assert_eq!(&s.text[a..b], "Målet");
    assert!(s.text.len() < 200 + 6);
    let short = snippet("Kim met Xi.", &[(4, 7)]);
    assert_eq!(short.text, "Kim met Xi.");
    assert_eq!(short.marks, [(4, 7)]);
}

#[test]
fn results_are_limited_but_counted() {
    let data = crate::generate::generate(1000, 3000, 5);
    let index = SearchIndex::build(&data);
    let results = search(&index, &data, "diplomatic talks");
    assert!(results.totals[2] > LIMIT, "{:?}", results.totals);
    assert_eq!(results.quotes.len(), LIMIT);
}
