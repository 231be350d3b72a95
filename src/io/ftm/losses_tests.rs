//! Tests of what FollowTheMoney loses: each line of [`losses`] against what a round trip
//! really changes, counted tie by tie.

use std::path::Path;

use super::losses::count;
use super::*;
use crate::io::Progress;
use crate::model::{Actor, NamedView, Polarity, Status, Tie};
use crate::sample::sample_dataset;

fn round_trip(data: &Dataset) -> crate::io::json::Loaded {
    let mut out = Vec::new();
    write_to(data, &mut out, &mut Progress::none()).unwrap();
    let text = String::from_utf8(out).unwrap();
    read_str(&text, Path::new("t.ftm.json"), &mut Progress::none()).unwrap()
}

/// How many ties, actors and excerpts differ in one field after the round trip.
fn changed<T>(a: &[T], b: &[T], field: impl Fn(&T) -> String) -> usize {
    a.iter()
        .zip(b)
        .filter(|(x, y)| field(x) != field(y))
        .count()
}

/// Every tie that matters to the count of one loss: a family tie with a direction and a
/// polarity, a payment without a direction, candidates, a pin, a view, pairs marked distinct,
/// and an excerpt of words that appear twice in its article (at the second place).
fn with_every_loss(mut data: Dataset) -> Dataset {
    let person = |data: &Dataset, n: usize| {
        let people = data.actors.iter().filter(|a| a.kind == ActorKind::Person);
        people.map(|a| a.id.clone()).nth(n).unwrap()
    };
    let organisation = |data: &Dataset, n: usize| {
        let orgs = data
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Organization);
        orgs.map(|a| a.id.clone()).nth(n).unwrap()
    };
    let evidence = data.ties[0].excerpts.clone();
    let family = Tie {
        id: "family-test".into(),
        from: person(&data, 0),
        to: person(&data, 1),
        kind: TieKind::Family,
        directed: true,
        polarity: Polarity::Hostile,
        excerpts: evidence.clone(),
        ..Tie::default()
    };
    let payment = Tie {
        id: "payment-test".into(),
        from: organisation(&data, 0),
        to: organisation(&data, 1),
        kind: TieKind::Funding,
        directed: false,
        polarity: Polarity::Cooperative,
        excerpts: evidence,
        ..Tie::default()
    };
    data.ties.extend([family, payment]);
    let first: &mut Actor = &mut data.actors[0];
    first.status = Status::Candidate;
    first.confidence = Some(0.5);
    first.pinned = true;
    data.ties[1].status = Status::Candidate;
    data.ties[1].confidence = Some(0.75);
    data.not_duplicates
        .push([data.actors[1].id.clone(), data.actors[2].id.clone()]);
    data.views.push(NamedView {
        name: "All".into(),
        ..NamedView::default()
    });
    let mut again = data.ties[2].excerpts[0].clone();
    let source = data
        .sources
        .iter_mut()
        .find(|s| s.id == again.source)
        .unwrap();
    source.text.push_str("\n\n");
    again.start = source.text.len();
    source.text.push_str(&again.quote);
    again.end = source.text.len();
    data.ties[2].excerpts.push(again);
    assert_eq!(crate::model::validate(&data), [], "the map is valid");
    data
}

#[test]
fn what_is_said_lost_is_what_does_not_come_back() {
    for data in [sample_dataset(), with_every_loss(sample_dataset())] {
        let back = round_trip(&data).data;
        let (actors, ties) = ((&back.actors, &data.actors), (&back.ties, &data.ties));
        let excerpts = |d: &Dataset| -> Vec<crate::model::Excerpt> {
            d.ties.iter().flat_map(|t| t.excerpts.clone()).collect()
        };
        let title =
            usize::from((&back.title, &back.description) != (&data.title, &data.description));
        let placed = changed(actors.0, actors.1, |a| format!("{:?}", a.position));
        let pinned = changed(actors.0, actors.1, |a| a.pinned.to_string());
        let polarity = changed(ties.0, ties.1, |t| t.polarity.label().to_owned());
        let direction = changed(ties.0, ties.1, |t| t.directed.to_string());
        let moved = changed(&excerpts(&back), &excerpts(&data), |x| x.start.to_string());
        let candidates = changed(actors.0, actors.1, |a| format!("{:?}", a.status))
            + changed(ties.0, ties.1, |t| format!("{:?}", t.status));
        let sure = changed(actors.0, actors.1, |a| format!("{:?}", a.confidence))
            + changed(ties.0, ties.1, |t| format!("{:?}", t.confidence));
        let pairs = data.not_duplicates.len() - back.not_duplicates.len();
        let views = data.views.len() - back.views.len();
        let mut expected = Vec::new();
        let mut say = |n: usize, line: String| {
            if n > 0 {
                expected.push(line);
            }
        };
        let (fp, fps) = ("family tie or payment", "family ties and payments");
        say(title, "the map's title and description".into());
        say(
            placed,
            format!("the positions of {}", count(placed, "actor", "actors")),
        );
        say(
            pinned,
            format!("the pins of {}", count(pinned, "actor", "actors")),
        );
        say(
            polarity,
            format!(
                "the polarity of {} (FollowTheMoney gives them no status; they read as neutral)",
                count(polarity, fp, fps)
            ),
        );
        say(
            direction,
            format!(
                "the direction of {} (family ties read as undirected, payments as directed)",
                count(direction, fp, fps)
            ),
        );
        say(moved, format!("the place in their article of {} whose words appear earlier in it (they read there)", count(moved, "excerpt", "excerpts")));
        say(
            candidates,
            format!(
                "the review of {} (they read as accepted)",
                count(
                    candidates,
                    "candidate actor or tie",
                    "candidate actors and ties"
                )
            ),
        );
        say(
            sure,
            format!(
                "how sure ingesting was of {}",
                count(sure, "actor or tie", "actors and ties")
            ),
        );
        say(
            pairs,
            format!(
                "{} of actors marked as not duplicates",
                count(pairs, "pair", "pairs")
            ),
        );
        say(views, count(views, "saved view", "saved views"));
        assert_eq!(losses(&data), expected);

        // Nothing else changes: the map back, given what is said lost, is the map.
        let mut restored = back.clone();
        restored.title.clone_from(&data.title);
        restored.description.clone_from(&data.description);
        restored.not_duplicates.clone_from(&data.not_duplicates);
        restored.views.clone_from(&data.views);
        for (a, b) in restored.actors.iter_mut().zip(&data.actors) {
            (a.position, a.pinned, a.status, a.confidence) =
                (b.position, b.pinned, b.status, b.confidence);
        }
        for (a, b) in restored.ties.iter_mut().zip(&data.ties) {
            (a.polarity, a.directed, a.status, a.confidence) =
                (b.polarity, b.directed, b.status, b.confidence);
            for (x, y) in a.excerpts.iter_mut().zip(&b.excerpts) {
                (x.start, x.end) = (y.start, y.end);
            }
        }
        restored.forget_index();
        let mut data = data.clone();
        data.forget_index();
        assert_eq!(restored, data);
    }
}

#[test]
fn the_sample_loses_only_its_title_and_positions() {
    let data = sample_dataset();
    assert_eq!(
        losses(&data),
        [
            "the map's title and description",
            "the positions of 39 actors"
        ]
    );
    let back = round_trip(&data);
    assert_eq!(back.warnings, Vec::<String>::new());
    for (a, b) in back.data.ties.iter().zip(&data.ties) {
        assert_eq!(
            (a.directed, a.polarity),
            (b.directed, b.polarity),
            "{}",
            a.id
        );
    }
}
