//! Each filter alone, on the sample and on the sample with a second source.

use super::*;
use crate::analysis::test_maps::{two_sources, wire_only};
use crate::model::{ActorKind, Polarity, TieKind};

/// What the filters (and the "as known on" day of `timeline`) leave of `data`.
fn filtered(data: &Dataset, filters: &FilterSpec, timeline: &TimeSpec) -> Shown {
    let graph = MapGraph::build(data);
    let evidence = Evidence::new(data, filters, timeline);
    let mut shown = Shown::all(&graph);
    apply(&graph, filters, &evidence, &mut shown);
    if filters.hide_orphans {
        hide_orphans(&graph, &mut shown);
    }
    shown
}

fn tie_shown(data: &Dataset, shown: &Shown, id: &str) -> bool {
    shown.ties[data.tie_place(id).unwrap()]
}

fn actor_shown(data: &Dataset, shown: &Shown, id: &str) -> bool {
    shown.actors[data.actor_place(id).unwrap()]
}

#[test]
fn no_filter_hides_nothing() {
    let data = crate::sample::sample_dataset();
    let shown = filtered(&data, &FilterSpec::default(), &TimeSpec::default());
    assert_eq!(shown.hidden(), (0, 0));
}

#[test]
fn a_hidden_actor_kind_hides_its_actors_and_their_ties() {
    let data = crate::sample::sample_dataset();
    let filters = FilterSpec {
        hide_actor_kinds: vec![ActorKind::Person],
        ..FilterSpec::default()
    };
    let shown = filtered(&data, &filters, &TimeSpec::default());
    for (a, actor) in data.actors.iter().enumerate() {
        assert_eq!(
            shown.actors[a],
            actor.kind != ActorKind::Person,
            "{}",
            actor.id
        );
    }
    for (t, tie) in data.ties.iter().enumerate() {
        let person = |id: &str| data.actor(id).unwrap().kind == ActorKind::Person;
        assert_eq!(
            shown.ties[t],
            !person(&tie.from) && !person(&tie.to),
            "{}",
            tie.id
        );
    }
}

#[test]
fn hidden_tie_kinds_and_polarities_hide_their_ties_and_keep_the_actors() {
    let data = crate::sample::sample_dataset();
    let filters = FilterSpec {
        hide_polarities: vec![Polarity::Hostile],
        hide_tie_kinds: vec![TieKind::Leadership],
        ..FilterSpec::default()
    };
    let shown = filtered(&data, &filters, &TimeSpec::default());
    for (t, tie) in data.ties.iter().enumerate() {
        let hidden = tie.polarity == Polarity::Hostile || tie.kind == TieKind::Leadership;
        assert_eq!(shown.ties[t], !hidden, "{}", tie.id);
    }
    assert!(shown.actors.iter().all(|s| *s), "actors stay by default");
}

#[test]
fn actors_left_without_ties_can_be_hidden_but_actors_that_never_had_one_stay() {
    let mut data = crate::sample::sample_dataset();
    data.actors.push(crate::model::Actor {
        id: "loner".into(),
        name: "Loner".into(),
        ..Default::default()
    });
    let filters = FilterSpec {
        hide_polarities: vec![Polarity::Hostile],
        hide_orphans: true,
        ..FilterSpec::default()
    };
    let shown = filtered(&data, &filters, &TimeSpec::default());
    assert!(
        !actor_shown(&data, &shown, "the-west"),
        "its one tie is hostile"
    );
    assert!(
        actor_shown(&data, &shown, "israel"),
        "it keeps a neutral tie"
    );
    assert!(actor_shown(&data, &shown, "loner"), "never had a tie");
}

#[test]
fn certainties_that_do_not_count_hide_the_ties_that_rest_on_them_alone() {
    let data = crate::sample::sample_dataset();
    use crate::model::Certainty::{Planned, Speculative};
    let mut filters = FilterSpec {
        hide_certainties: vec![Planned, Speculative],
        ..FilterSpec::default()
    };
    let shown = filtered(&data, &filters, &TimeSpec::default());
    // planned, speculative only
    assert!(!tie_shown(&data, &shown, "assad-visit-pyongyang"));
    // planned, planned, not set, speculative, speculative
    assert!(
        tie_shown(&data, &shown, "assad-visit-kim"),
        "the unset one counts"
    );
    assert!(
        tie_shown(&data, &shown, "trump-kim-summit"),
        "stated ones count"
    );
    filters.hide_unset_certainty = true;
    let shown = filtered(&data, &filters, &TimeSpec::default());
    assert!(!tie_shown(&data, &shown, "assad-visit-kim"));
}

#[test]
fn without_a_source_the_ties_that_rest_on_it_alone_are_hidden() {
    let data = two_sources();
    let only_wire = wire_only(&data);
    assert_eq!(only_wire.len(), 8);
    let filters = FilterSpec {
        without_sources: vec!["wire".into()],
        ..FilterSpec::default()
    };
    let shown = filtered(&data, &filters, &TimeSpec::default());
    for (t, tie) in data.ties.iter().enumerate() {
        assert_eq!(shown.ties[t], !only_wire.contains(&tie.id), "{}", tie.id);
    }
    assert!(
        tie_shown(&data, &shown, "assad-visit-kim"),
        "it quotes both"
    );
}

#[test]
fn only_some_sources_keeps_the_ties_they_quote() {
    let data = two_sources();
    let filters = FilterSpec {
        only_sources: vec!["wire".into()],
        ..FilterSpec::default()
    };
    let shown = filtered(&data, &filters, &TimeSpec::default());
    let kept: Vec<&str> = data
        .ties
        .iter()
        .zip(&shown.ties)
        .filter(|(_, s)| **s)
        .map(|(t, _)| t.id.as_str())
        .collect();
    assert_eq!(kept.len(), 9, "{kept:?}");
    assert!(kept.contains(&"assad-visit-kim"));
}

#[test]
fn single_source_keeps_the_ties_whose_evidence_comes_from_one_article() {
    let data = two_sources();
    let filters = FilterSpec {
        single_source: true,
        ..FilterSpec::default()
    };
    let shown = filtered(&data, &filters, &TimeSpec::default());
    assert!(!tie_shown(&data, &shown, "assad-visit-kim"), "two sources");
    assert!(
        tie_shown(&data, &shown, "kim-hosts-lavrov"),
        "the wire alone"
    );
    assert!(
        tie_shown(&data, &shown, "trump-kim-summit"),
        "the article alone"
    );
    assert_eq!(shown.hidden().1, 1);
    // Without the wire, the visit rests on the article alone.
    let filters = FilterSpec {
        single_source: true,
        without_sources: vec!["wire".into()],
        ..FilterSpec::default()
    };
    let shown = filtered(&data, &filters, &TimeSpec::default());
    assert!(tie_shown(&data, &shown, "assad-visit-kim"));
    assert!(!tie_shown(&data, &shown, "kim-hosts-lavrov"));
}

#[test]
fn as_known_on_a_day_counts_only_the_sources_published_by_then() {
    let data = two_sources();
    let known = |day: &str| TimeSpec {
        known_on: Some(day.into()),
        ..TimeSpec::default()
    };
    let shown = filtered(&data, &FilterSpec::default(), &known("2018-06-04"));
    for (t, tie) in data.ties.iter().enumerate() {
        assert_eq!(
            shown.ties[t],
            !wire_only(&data).contains(&tie.id),
            "{}",
            tie.id
        );
    }
    let shown = filtered(&data, &FilterSpec::default(), &known("2018-06-05"));
    assert_eq!(shown.hidden(), (0, 0));
    let shown = filtered(&data, &FilterSpec::default(), &known("2018-05"));
    assert_eq!(
        shown.hidden().1,
        data.ties.len(),
        "nothing published in May"
    );
}

#[test]
fn unknown_source_ids_in_a_filter_are_ignored() {
    let data = two_sources();
    let filters = FilterSpec {
        without_sources: vec!["gone".into()],
        ..FilterSpec::default()
    };
    assert_eq!(
        filtered(&data, &filters, &TimeSpec::default()).hidden(),
        (0, 0)
    );
}
