//! Combining ties and moving excerpts: results, refusals, and undo back to where it was.

use super::{combine_ties, move_excerpt, same_ties, ties_to_combine, TieEditError};
use crate::model::{Dataset, TieKind};
use crate::sample::sample_dataset;

fn with_twin(data: &mut Dataset) -> (String, String) {
    // A second meeting between the ends of the first tie, written the other way round and
    // undirected, with one excerpt of its own and one shared.
    let first = data.ties[0].clone();
    let mut twin = first.clone();
    twin.id = "twin".into();
    std::mem::swap(&mut twin.from, &mut twin.to);
    twin.directed = false;
    twin.label = "a label".into();
    twin.excerpts.truncate(1);
    data.ties.push(twin);
    (first.id, "twin".into())
}

#[test]
fn two_ties_of_one_pair_combine_into_one_with_every_excerpt_once() {
    let mut data = sample_dataset();
    let (first, twin) = with_twin(&mut data);
    let before = data.clone();
    let edit = combine_ties(&data, &first, &twin).unwrap();
    let undo = edit.apply(&mut data).unwrap();
    assert!(data.tie(&twin).is_none());
    let kept = data.tie(&first).unwrap();
    let original = before.tie(&first).unwrap();
    assert_eq!(
        kept.excerpts, original.excerpts,
        "the shared excerpt is there once"
    );
    assert_eq!(
        kept.directed, original.directed,
        "the kept tie's direction stays"
    );
    let label = if original.label.is_empty() {
        "a label"
    } else {
        original.label.as_str()
    };
    assert_eq!(kept.label, label);
    assert!(crate::model::validate(&data).is_empty());
    undo.apply(&mut data).unwrap();
    assert_eq!(data, before);
}

#[test]
fn ties_of_different_pairs_or_the_same_tie_are_not_combined() {
    let data = sample_dataset();
    let a = &data.ties[0];
    let other_pair = data
        .ties
        .iter()
        .find(|t| {
            let p = |t: &crate::model::Tie| {
                let mut e = [t.from.clone(), t.to.clone()];
                e.sort();
                e
            };
            p(t) != p(a)
        })
        .unwrap();
    assert!(matches!(
        combine_ties(&data, &a.id, &other_pair.id),
        Err(TieEditError::DifferentActors(..))
    ));
    assert_eq!(
        combine_ties(&data, &a.id, &a.id),
        Err(TieEditError::SameTie)
    );
    assert!(matches!(
        combine_ties(&data, &a.id, "nothing"),
        Err(TieEditError::UnknownTie(_))
    ));
}

#[test]
fn an_excerpt_moves_to_another_tie_and_back_on_undo() {
    let mut data = sample_dataset();
    let from = data
        .ties
        .iter()
        .find(|t| t.excerpts.len() >= 2)
        .unwrap()
        .clone();
    let to = data.ties.iter().find(|t| t.id != from.id).unwrap().clone();
    let before = data.clone();
    let moved = from.excerpts[1].clone();
    let undo = move_excerpt(&data, &from.id, 1, &to.id)
        .unwrap()
        .apply(&mut data)
        .unwrap();
    assert_eq!(
        data.tie(&from.id).unwrap().excerpts.len(),
        from.excerpts.len() - 1
    );
    assert_eq!(data.tie(&to.id).unwrap().excerpts.last(), Some(&moved));
    assert!(crate::model::validate(&data).is_empty());
    undo.apply(&mut data).unwrap();
    assert_eq!(data, before);
    assert!(matches!(
        move_excerpt(&data, &from.id, 99, &to.id),
        Err(TieEditError::NoExcerpt(..))
    ));
}

#[test]
fn ties_of_one_pair_and_kind_are_found_whatever_their_direction() {
    let mut data = sample_dataset();
    let (first, twin) = with_twin(&mut data);
    assert_eq!(same_ties(&data, &first), std::slice::from_ref(&twin));
    assert_eq!(same_ties(&data, &twin), std::slice::from_ref(&first));
    let end = data.tie(&first).unwrap().from.clone();
    assert!(ties_to_combine(&data, &end).contains(&vec![first.clone(), twin.clone()]));
    // Another kind is another tie.
    let t = data.ties.iter_mut().find(|t| t.id == twin).unwrap();
    t.kind = if t.kind == TieKind::Funding {
        TieKind::Meeting
    } else {
        TieKind::Funding
    };
    assert!(same_ties(&data, &first).is_empty());
}
