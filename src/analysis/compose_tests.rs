//! Filters, timeline, focus and paths together: each acts on what the ones before left.

use super::*;
use crate::model::{Direction, FilterSpec, FocusSpec, Polarity, TimeSpec};
use crate::sample::sample_dataset;

fn setup() -> (Dataset, MapGraph) {
    let data = sample_dataset();
    let graph = MapGraph::build(&data);
    (data, graph)
}

fn no_hostile() -> FilterSpec {
    FilterSpec {
        hide_polarities: vec![Polarity::Hostile],
        ..FilterSpec::default()
    }
}

fn focus(actor: &str, depth: u8) -> Option<FocusSpec> {
    Some(FocusSpec {
        actor: actor.into(),
        depth,
        direction: Direction::Both,
    })
}

fn shown_actors(data: &Dataset, shown: &Shown) -> Vec<String> {
    let mut ids: Vec<String> = data
        .actors
        .iter()
        .zip(&shown.actors)
        .filter(|(_, s)| **s)
        .map(|(a, _)| a.id.clone())
        .collect();
    ids.sort();
    ids
}

fn paths_between(data: &Dataset, from: &str, to: &str) -> PathsAsked {
    PathsAsked {
        query: PathQuery {
            from: data.actor_place(from).unwrap(),
            to: data.actor_place(to).unwrap(),
            max_length: 4,
            count: 5,
            weight: PathWeight::Hops,
        },
        only: false,
    }
}

#[test]
fn an_empty_view_shows_everything_and_finds_paths_over_it() {
    let (data, g) = setup();
    let view = ViewState::default();
    let composed = compose(
        &data,
        &g,
        Shown::all(&g),
        &view,
        Some(paths_between(&data, "assad", "trump")),
    );
    assert_eq!(composed.shown.hidden(), (0, 0));
    assert_eq!(composed.paths[0].steps.len(), 1);
}

#[test]
fn focus_walks_only_the_ties_the_filters_left() {
    let (data, g) = setup();
    let view = ViewState {
        focus: focus("kim", 1),
        ..ViewState::default()
    };
    let all = compose(&data, &g, Shown::all(&g), &view, None);
    let around = shown_actors(&data, &all.shown);
    assert!(
        around.contains(&"terry".to_owned()),
        "terry-on-kim is hostile"
    );
    let view = ViewState {
        filters: no_hostile(),
        focus: focus("kim", 1),
        ..ViewState::default()
    };
    let filtered = compose(&data, &g, Shown::all(&g), &view, None);
    let fewer = shown_actors(&data, &filtered.shown);
    assert!(!fewer.contains(&"terry".to_owned()) && !fewer.contains(&"klingner".to_owned()));
    assert_eq!(around.len() - fewer.len(), 2, "{around:?} then {fewer:?}");
    for (t, tie) in data.ties.iter().enumerate() {
        if filtered.shown.ties[t] {
            assert_ne!(tie.polarity, Polarity::Hostile, "{}", tie.id);
        }
    }
}

#[test]
fn paths_go_round_what_the_filters_hide_within_the_focus() {
    let (data, g) = setup();
    let asked = Some(paths_between(&data, "assad", "trump"));
    let view = ViewState {
        filters: no_hostile(),
        focus: focus("kim", 1),
        ..ViewState::default()
    };
    let composed = compose(&data, &g, Shown::all(&g), &view, asked);
    let first = &composed.paths[0];
    let through: Vec<&str> = first
        .actors()
        .iter()
        .map(|&a| data.actors[a].id.as_str())
        .collect();
    assert_eq!(
        through,
        ["assad", "kim", "trump"],
        "the direct tie is hostile"
    );
    for path in &composed.paths {
        for step in &path.steps {
            assert!(composed.shown.ties[step.tie]);
            assert!(composed.shown.actors[step.from] && composed.shown.actors[step.to]);
        }
    }
}

#[test]
fn the_timeline_acts_on_what_the_filters_left_and_its_histogram_counts_that() {
    let (data, g) = setup();
    let view = ViewState {
        filters: no_hostile(),
        timeline: TimeSpec {
            to: Some("2017".into()),
            ..TimeSpec::default()
        },
        ..ViewState::default()
    };
    let composed = compose(&data, &g, Shown::all(&g), &view, None);
    let hostile = data
        .ties
        .iter()
        .filter(|t| t.polarity == Polarity::Hostile)
        .count();
    let after_filters = composed.filtered_ties.iter().filter(|s| **s).count();
    assert_eq!(after_filters, data.ties.len() - hostile);
    for (t, tie) in data.ties.iter().enumerate() {
        let in_2018 = tie.date.as_deref().is_some_and(|d| d.starts_with("2018"));
        if in_2018 || tie.polarity == Polarity::Hostile {
            assert!(!composed.shown.ties[t], "{}", tie.id);
        }
    }
    let histogram = timeline::Histogram::of(&g, &composed.filtered_ties).unwrap();
    let dated_left = data
        .ties
        .iter()
        .zip(&composed.filtered_ties)
        .filter(|(t, s)| **s && t.date.is_some())
        .count();
    assert_eq!(histogram.undated + dated_left, after_filters);
}

#[test]
fn actors_left_without_ties_by_the_timeline_can_be_hidden() {
    let (data, g) = setup();
    let mut view = ViewState {
        timeline: TimeSpec {
            to: Some("2017-12-31".into()),
            hide_undated: true,
            ..TimeSpec::default()
        },
        ..ViewState::default()
    };
    let kept = compose(&data, &g, Shown::all(&g), &view, None);
    assert_eq!(kept.shown.hidden().0, 0, "actors stay by default");
    view.filters.hide_orphans = true;
    let composed = compose(&data, &g, Shown::all(&g), &view, None);
    let left = shown_actors(&data, &composed.shown);
    // Ties dated before 2018: 1973, 2007 (twice), 2011/2018-06, 2012/2017.
    assert_eq!(left, ["israel", "north-korea", "syria", "syrian-rebels"]);
}

#[test]
fn only_the_paths_can_be_shown() {
    let (data, g) = setup();
    let mut asked = paths_between(&data, "assad", "trump");
    asked.only = true;
    asked.query.count = 2;
    let composed = compose(
        &data,
        &g,
        Shown::all(&g),
        &ViewState::default(),
        Some(asked),
    );
    let on_paths: Vec<String> = shown_actors(&data, &composed.shown);
    assert!(
        on_paths.len() <= 3 && on_paths.contains(&"assad".to_owned()),
        "{on_paths:?}"
    );
    let ties = composed.shown.ties.iter().filter(|s| **s).count();
    assert_eq!(
        ties,
        composed.paths.iter().map(|p| p.steps.len()).sum::<usize>()
    );
}

#[test]
fn what_the_user_hid_by_hand_is_hidden_first() {
    let (data, g) = setup();
    let mut base = Shown::all(&g);
    base.actors[data.actor_place("kim").unwrap()] = false;
    let composed = compose(
        &data,
        &g,
        base,
        &ViewState::default(),
        Some(paths_between(&data, "assad", "xi")),
    );
    assert!(!composed.shown.ties[data.tie_place("kim-meets-xi").unwrap()]);
    assert!(
        composed.paths.is_empty(),
        "Xi is tied to the map through Kim alone"
    );
}
