//! What a map loses on its way to FollowTheMoney entities and back, counted actor by actor and
//! tie by tie from the same choices the writer makes, one line each (`convert` prints them):
//! nothing is said of a field whose every value comes back.

use std::collections::HashMap;

use super::{directed_by_default, has_status, link_schema};
use crate::model::{ActorKind, Dataset, Polarity, Status};

const FAMILY_OR_PAYMENT: &str = "family tie or payment";
const FAMILIES_AND_PAYMENTS: &str = "family ties and payments";

/// `n` and the noun for that many.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line per kind of thing that does not come back from FollowTheMoney (empty when all
/// does).
pub fn losses(data: &Dataset) -> Vec<String> {
    let mut lost = Vec::new();
    let mut say = |count: usize, what: String| {
        if count > 0 {
            lost.push(what);
        }
    };
    let has_title = !data.title.is_empty() || !data.description.is_empty();
    say(
        usize::from(has_title),
        "the map's title and description".to_owned(),
    );
    let placed = data.actors.iter().filter(|a| a.position.is_some()).count();
    say(
        placed,
        format!("the positions of {}", count(placed, "actor", "actors")),
    );
    let pinned = data.actors.iter().filter(|a| a.pinned).count();
    say(
        pinned,
        format!("the pins of {}", count(pinned, "actor", "actors")),
    );

    let kinds: HashMap<&str, ActorKind> = data
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.kind))
        .collect();
    let kind_of = |id: &str| kinds.get(id).copied().unwrap_or_default();
    let (mut polarity, mut direction) = (0, 0);
    for t in &data.ties {
        let schema = link_schema(t.kind, kind_of(&t.from), kind_of(&t.to));
        if !has_status(schema) {
            polarity += usize::from(t.polarity != Polarity::Neutral);
            direction += usize::from(t.directed != directed_by_default(schema));
        }
    }
    say(
        polarity,
        format!(
            "the polarity of {} (FollowTheMoney gives them no status; they read as neutral)",
            count(polarity, FAMILY_OR_PAYMENT, FAMILIES_AND_PAYMENTS)
        ),
    );
    say(
        direction,
        format!(
            "the direction of {} (family ties read as undirected, payments as directed)",
            count(direction, FAMILY_OR_PAYMENT, FAMILIES_AND_PAYMENTS)
        ),
    );
    let texts: HashMap<&str, &str> = data
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.text.as_str()))
        .collect();
    let moved = data
        .ties
        .iter()
        .flat_map(|t| &t.excerpts)
        .filter(|x| {
            let first = texts.get(x.source.as_str()).and_then(|t| t.find(&x.quote));
            first.is_some_and(|at| at != x.start)
        })
        .count();
    say(
        moved,
        format!(
            "the place in their article of {} whose words appear earlier in it (they read \
             there)",
            count(moved, "excerpt", "excerpts")
        ),
    );

    let candidates = data
        .actors
        .iter()
        .map(|a| a.status)
        .chain(data.ties.iter().map(|t| t.status))
        .filter(|s| *s == Status::Candidate)
        .count();
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
    let confidences = data
        .actors
        .iter()
        .map(|a| a.confidence)
        .chain(data.ties.iter().map(|t| t.confidence))
        .filter(Option::is_some)
        .count();
    say(
        confidences,
        format!(
            "how sure ingesting was of {}",
            count(confidences, "actor or tie", "actors and ties")
        ),
    );
    let pairs = data.not_duplicates.len();
    say(
        pairs,
        format!(
            "{} of actors marked as not duplicates",
            count(pairs, "pair", "pairs")
        ),
    );
    let views = data.views.len();
    say(views, count(views, "saved view", "saved views"));
    lost
}
