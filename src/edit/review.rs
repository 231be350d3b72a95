//! Reviewing candidates (actors and ties with `Status::Candidate`, as ingesting an article adds
//! them): adding an ingested article, accepting and rejecting one candidate or many. Each is
//! one undoable [`Edit`]; `None` when there is nothing to change.

use foldhash::HashSet;

use super::Edit;
use crate::ingest::{candidates, Ingested};
use crate::model::{Dataset, Status};

/// The edit that adds an ingested article to `data` as candidates (with the source and its
/// full text), and what it adds. Actors already on the map are reused, never duplicated.
pub fn add_ingested(data: &Dataset, ingested: &Ingested) -> (Edit, candidates::Summary) {
    let mut after = data.clone();
    let summary = candidates::add(&mut after, ingested, None);
    let mut edits = Vec::new();
    for (index, source) in after.sources.iter().enumerate().skip(data.sources.len()) {
        edits.push(Edit::InsertSource {
            index,
            source: source.clone(),
        });
    }
    for (index, actor) in after.actors.iter().enumerate().skip(data.actors.len()) {
        edits.push(Edit::InsertActor {
            index,
            actor: actor.clone(),
        });
    }
    for (index, tie) in after.ties.iter().enumerate().skip(data.ties.len()) {
        edits.push(Edit::InsertTie {
            index,
            tie: tie.clone(),
        });
    }
    let label = format!("Ingest “{}”", ingested.meta.title);
    (Edit::Batch { label, edits }, summary)
}

/// Accepts every candidate whose confidence is at least `threshold`; a tie accepted brings its
/// two ends. The rest stay candidates.
pub fn accept_above(data: &Dataset, threshold: f32) -> Option<Edit> {
    let sure = |c: Option<f32>| c.is_some_and(|c| c >= threshold);
    let ties: Vec<&str> = data
        .ties
        .iter()
        .filter(|t| t.status == Status::Candidate && sure(t.confidence))
        .map(|t| t.id.as_str())
        .collect();
    let actors: Vec<&str> = data
        .actors
        .iter()
        .filter(|a| a.status == Status::Candidate && sure(a.confidence))
        .map(|a| a.id.as_str())
        .collect();
    accept(
        data,
        &actors,
        &ties,
        format!("Accept candidates above {threshold:.2}"),
    )
}

/// Accepts one candidate actor.
pub fn accept_actor(data: &Dataset, id: &str) -> Option<Edit> {
    accept(data, &[id], &[], "Accept candidate".to_owned())
}

/// Accepts one candidate tie with its two ends.
pub fn accept_tie(data: &Dataset, id: &str) -> Option<Edit> {
    accept(data, &[], &[id], "Accept candidate".to_owned())
}

/// Accepts these actors and ties, and the ends of these ties, where they are candidates.
fn accept(data: &Dataset, actors: &[&str], ties: &[&str], label: String) -> Option<Edit> {
    let tie_ids: HashSet<&str> = ties.iter().copied().collect();
    let mut actor_ids: HashSet<&str> = actors.iter().copied().collect();
    let mut edits = Vec::new();
    for tie in data.ties.iter().filter(|t| tie_ids.contains(t.id.as_str())) {
        actor_ids.insert(tie.from.as_str());
        actor_ids.insert(tie.to.as_str());
        if tie.status == Status::Candidate {
            let mut tie = tie.clone();
            tie.status = Status::Accepted;
            edits.push(Edit::UpdateTie { tie });
        }
    }
    for actor in data
        .actors
        .iter()
        .filter(|a| actor_ids.contains(a.id.as_str()))
    {
        if actor.status == Status::Candidate {
            let mut actor = actor.clone();
            actor.status = Status::Accepted;
            edits.push(Edit::UpdateActor { actor });
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch { label, edits })
}

/// Removes every candidate tie, and every candidate actor that no remaining tie touches.
pub fn reject_remaining(data: &Dataset) -> Option<Edit> {
    let ties: Vec<(usize, String)> = data
        .ties
        .iter()
        .enumerate()
        .filter(|(_, t)| t.status == Status::Candidate)
        .map(|(i, t)| (i, t.id.clone()))
        .collect();
    let actors = lonely_candidates(data, |_| true, |t| t.status == Status::Candidate);
    remove(actors, ties, "Reject remaining candidates")
}

/// Removes a candidate actor with the candidate ties that touch it (an accepted tie keeps it).
pub fn reject_actor(data: &Dataset, id: &str) -> Option<Edit> {
    let touches = |t: &crate::model::Tie| t.from == id || t.to == id;
    let goes = |t: &crate::model::Tie| t.status == Status::Candidate && touches(t);
    if data.ties.iter().any(|t| touches(t) && !goes(t)) {
        return None;
    }
    let ties: Vec<(usize, String)> = data
        .ties
        .iter()
        .enumerate()
        .filter(|(_, t)| goes(t))
        .map(|(i, t)| (i, t.id.clone()))
        .collect();
    let actors = lonely_candidates(data, |a| a == id, goes);
    remove(actors, ties, "Reject candidate")
}

/// Removes a candidate tie.
pub fn reject_tie(data: &Dataset, id: &str) -> Option<Edit> {
    let index = data
        .ties
        .iter()
        .position(|t| t.id == id && t.status == Status::Candidate)?;
    remove(Vec::new(), vec![(index, id.to_owned())], "Reject candidate")
}

/// The candidate actors picked by `pick` that no tie touches once the ties `goes` says are
/// removed.
fn lonely_candidates(
    data: &Dataset,
    pick: impl Fn(&str) -> bool,
    goes: impl Fn(&crate::model::Tie) -> bool,
) -> Vec<(usize, String)> {
    let kept: HashSet<&str> = data
        .ties
        .iter()
        .filter(|t| !goes(t))
        .flat_map(|t| [t.from.as_str(), t.to.as_str()])
        .collect();
    data.actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.status == Status::Candidate && pick(&a.id))
        .filter(|(_, a)| !kept.contains(a.id.as_str()))
        .map(|(i, a)| (i, a.id.clone()))
        .collect()
}

fn remove(actors: Vec<(usize, String)>, ties: Vec<(usize, String)>, label: &str) -> Option<Edit> {
    (!actors.is_empty() || !ties.is_empty()).then(|| Edit::Remove {
        label: label.to_owned(),
        actors,
        ties,
    })
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
