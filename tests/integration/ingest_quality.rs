//! The quality of ingesting, scored against hand-built maps: the seed article against the
//! sample map, and three articles written for the tests (fictional places and people) in three
//! styles, each against its expected actors and ties. Each prints its figures.

use relmap::ingest::score::{score, Expected, Score};
use relmap::ingest::{candidates, ingest, input};
use relmap::model::{Dataset, Status};

use crate::common::data;

fn article(name: &str) -> input::Article {
    input::read_file(&data(&format!("ingest/{name}"))).expect("read the article")
}

/// Ingests an article into an empty map and scores it; the candidates must also make a valid
/// dataset whose every excerpt is verbatim at its offsets.
fn scored(name: &str, expected: &Expected) -> Score {
    let got = ingest(&article(name), &Dataset::default());
    let s = score(expected, &got);
    println!("{name}: {}", s.line());
    println!(
        "  missed actors: {:?}; extra actors: {:?}",
        s.missed_actors, s.extra_actors
    );
    println!("  missed ties: {:?}", s.missed_ties);
    let mut map = Dataset::default();
    candidates::add(&mut map, &got, None);
    let problems = relmap::model::validate(&map);
    assert!(problems.is_empty(), "{name}: {problems:?}");
    for tie in &map.ties {
        assert_eq!(tie.status, Status::Candidate);
        for e in &tie.excerpts {
            assert_eq!(
                map.sources[0].text.get(e.start..e.end),
                Some(e.quote.as_str())
            );
        }
    }
    s
}

fn holds(s: &Score, actor_recall: f64, actor_precision: f64, tie_recall: f64) {
    assert!(s.verbatim, "an excerpt is not verbatim at its offsets");
    assert!(
        s.actor_recall() >= actor_recall,
        "actor recall {}",
        s.line()
    );
    assert!(
        s.actor_precision() >= actor_precision,
        "actor precision {}",
        s.line()
    );
    assert!(s.tie_recall() >= tie_recall, "tie recall {}", s.line());
}

#[test]
fn the_seed_article_scores_against_the_sample_map() {
    let sample = relmap::io::json::load_file(&std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/sample.relmap.json"
    )))
    .expect("the sample map");
    // The sample map is built from this very text.
    assert_eq!(
        sample.sources[0].text,
        article("assad-kim-article.txt").text
    );
    let s = scored("assad-kim-article.txt", &Expected::from_dataset(&sample));
    holds(&s, 0.90, 0.85, 0.75);
}

fn fixture(name: &str) -> Score {
    let expected = std::fs::read_to_string(data(&format!("ingest/{name}.expected")))
        .expect("read the expected actors and ties");
    let expected = Expected::parse(&expected).expect("parse the expected actors and ties");
    scored(&format!("{name}.txt"), &expected)
}

#[test]
fn a_wire_report_scores_against_its_expected_map() {
    holds(&fixture("wire-report"), 0.90, 0.85, 0.75);
}

#[test]
fn an_analysis_full_of_quoted_experts_scores_against_its_expected_map() {
    holds(&fixture("analysis-experts"), 0.90, 0.85, 0.75);
}

#[test]
fn a_story_about_an_organisation_with_many_roles_scores_against_its_expected_map() {
    holds(&fixture("organisation-roles"), 0.90, 0.85, 0.75);
}

#[test]
fn the_visit_sentence_ties_assad_and_kim_with_a_high_confidence() {
    let got = ingest(&article("assad-kim-article.txt"), &Dataset::default());
    let name = |i: usize| got.actors[i].name.as_str();
    let visit = got
        .ties
        .iter()
        .find(|t| {
            let pair = [name(t.from), name(t.to)];
            pair.contains(&"Bashar al-Assad") && pair.contains(&"Kim Jong-un")
        })
        .expect("a tie between Assad and Kim");
    assert!(visit.confidence > 0.7, "{visit:?}");
    assert_eq!(visit.kind, relmap::model::TieKind::Visit);
    assert_eq!(
        (name(visit.from), name(visit.to)),
        ("Bashar al-Assad", "Kim Jong-un")
    );
    let first = &got.text[visit.excerpts[0].start..visit.excerpts[0].end];
    assert!(
        first.contains("plans to visit North Korea’s leader, Kim Jong-un"),
        "{first}"
    );
    assert_eq!(
        visit.excerpts[0].certainty,
        relmap::model::Certainty::Planned
    );
}

#[test]
fn ingesting_into_the_sample_map_creates_no_duplicate_actors() {
    let mut map = relmap::sample::sample_dataset();
    let before = map.actors.len();
    let got = ingest(&article("assad-kim-article.txt"), &map);
    assert_eq!(
        got.matched_count(),
        got.actors.len(),
        "every actor is on the map already"
    );
    let summary = candidates::add(&mut map, &got, None);
    assert_eq!(map.actors.len(), before);
    assert_eq!(summary.matched, got.actors.len());
    assert!(relmap::model::validate(&map).is_empty());
}

#[test]
fn ingesting_is_deterministic() {
    let a = ingest(&article("wire-report.txt"), &Dataset::default());
    let b = ingest(&article("wire-report.txt"), &Dataset::default());
    assert_eq!(a, b);
}

#[test]
fn candidates_round_trip_through_the_file_and_accepted_items_carry_no_status() {
    let got = ingest(&article("organisation-roles.txt"), &Dataset::default());
    let mut map = Dataset::default();
    candidates::add(&mut map, &got, Some(0.8));
    let bytes = relmap::io::json::to_bytes(&map).unwrap();
    let again =
        relmap::io::json::load_bytes(std::path::Path::new("m.relmap.json"), &bytes).unwrap();
    assert_eq!(again, map);
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    for (actor, saved) in map.actors.iter().zip(json["actors"].as_array().unwrap()) {
        match actor.status {
            Status::Candidate => assert_eq!(saved["status"], "candidate"),
            Status::Accepted => assert!(saved.get("status").is_none()),
        }
    }
    assert!(map.actors.iter().any(|a| a.status == Status::Accepted));
    assert!(map.ties.iter().any(|t| t.status == Status::Candidate));
}
