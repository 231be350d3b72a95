//! Unit tests of reviewing candidates: an ingested article added as one edit, accepted above a
//! threshold and rejected, each undone by its inverse.

use super::*;
use crate::ingest::{ingest, input::from_pasted};

const SEED: &str = include_str!("../../tests/data/ingest/assad-kim-article.txt");

fn ingested_seed(data: &Dataset) -> (Dataset, Edit) {
    let article = from_pasted(SEED).expect("the seed article reads");
    let (edit, _) = add_ingested(data, &ingest(&article, data));
    let mut after = data.clone();
    let undo = edit.apply(&mut after).expect("the ingest edit applies");
    (after, undo)
}

fn candidates(data: &Dataset) -> (usize, usize) {
    let actors = data.actors.iter().filter(|a| !a.status.is_accepted());
    let ties = data.ties.iter().filter(|t| !t.status.is_accepted());
    (actors.count(), ties.count())
}

#[test]
fn ingesting_adds_candidates_and_the_source_with_its_text_and_undoes() {
    let empty = Dataset::default();
    let (after, undo) = ingested_seed(&empty);
    assert_eq!(after.sources.len(), 1);
    assert_eq!(after.sources[0].text.trim(), SEED.trim());
    let (actors, ties) = candidates(&after);
    assert!(actors > 0 && actors == after.actors.len());
    assert!(ties > 0 && ties == after.ties.len());
    let mut back = after.clone();
    undo.apply(&mut back).expect("undo applies");
    assert_eq!(back, empty);
}

#[test]
fn ingesting_again_reuses_the_actors_already_on_the_map() {
    let (once, _) = ingested_seed(&Dataset::default());
    let (twice, _) = ingested_seed(&once);
    assert_eq!(twice.actors.len(), once.actors.len());
    assert_eq!(twice.sources.len(), 2);
}

#[test]
fn accepting_above_a_threshold_leaves_the_rest_candidates() {
    let (mut data, _) = ingested_seed(&Dataset::default());
    let before = data.clone();
    let edit = accept_above(&data, 0.7).expect("some candidates are sure enough");
    let undo = edit.apply(&mut data).expect("accepting applies");
    for tie in &data.ties {
        let sure = tie.confidence.is_some_and(|c| c >= 0.7);
        assert_eq!(tie.status.is_accepted(), sure, "tie {}", tie.id);
        if sure {
            for end in [&tie.from, &tie.to] {
                assert!(data.actor(end).is_some_and(|a| a.status.is_accepted()));
            }
        }
    }
    undo.apply(&mut data).expect("undo applies");
    assert_eq!(data, before);
    assert!(accept_above(&data, 2.0).is_none());
}

#[test]
fn rejecting_the_remaining_keeps_the_accepted_and_their_ends() {
    let (mut data, _) = ingested_seed(&Dataset::default());
    accept_above(&data, 0.7)
        .expect("some candidates are sure enough")
        .apply(&mut data)
        .expect("accepting applies");
    let accepted = data.ties.iter().filter(|t| t.status.is_accepted()).count();
    let before = data.clone();
    let undo = reject_remaining(&data)
        .expect("some candidates remain")
        .apply(&mut data)
        .expect("rejecting applies");
    assert_eq!(candidates(&data), (0, 0));
    assert_eq!(data.ties.len(), accepted);
    undo.apply(&mut data).expect("undo applies");
    assert_eq!(data, before);
}

#[test]
fn one_candidate_tie_is_accepted_with_its_ends_or_rejected_alone() {
    let (data, _) = ingested_seed(&Dataset::default());
    let tie = data.ties[0].clone();
    let mut accepted = data.clone();
    accept_tie(&data, &tie.id)
        .expect("a candidate tie")
        .apply(&mut accepted)
        .expect("accepting applies");
    assert!(accepted
        .tie(&tie.id)
        .is_some_and(|t| t.status.is_accepted()));
    assert!(accepted
        .actor(&tie.from)
        .is_some_and(|a| a.status.is_accepted()));
    assert!(reject_tie(&accepted, &tie.id).is_none());
    let mut rejected = data.clone();
    reject_tie(&data, &tie.id)
        .expect("a candidate tie")
        .apply(&mut rejected)
        .expect("rejecting applies");
    assert!(rejected.tie(&tie.id).is_none());
    assert_eq!(rejected.actors.len(), data.actors.len());
}

#[test]
fn a_rejected_actor_takes_its_candidate_ties() {
    let (mut data, _) = ingested_seed(&Dataset::default());
    let id = data.ties[0].from.clone();
    reject_actor(&data, &id)
        .expect("a candidate actor")
        .apply(&mut data)
        .expect("rejecting applies");
    assert!(data.actor(&id).is_none());
    assert!(data.ties.iter().all(|t| t.from != id && t.to != id));
}
