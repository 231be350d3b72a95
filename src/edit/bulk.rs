//! Batches of many deletions, or of many insertions at ascending places, applied in one pass
//! over the lists. One by one, each would search and shift the whole list: deleting a thousand
//! actors' ties from a 100k-tie map, or undoing it, would take seconds. The result, the
//! refusals and the inverse's effect are those of applying the edits in order.

use std::collections::{HashMap, HashSet};

use super::{Change, Edit, EditError};
use crate::model::Dataset;

/// Batches with fewer edits go one by one.
pub(super) const BULK_FROM: usize = 32;

/// Whether every edit is a deletion of an actor or a tie.
pub(super) fn all_deletions(edits: &[Edit]) -> bool {
    edits.len() >= BULK_FROM
        && edits
            .iter()
            .all(|e| matches!(e, Edit::DeleteTie { .. } | Edit::DeleteActor { .. }))
}

/// Whether every edit inserts an actor or a tie, each list's inserts at ascending places (as
/// an undone bulk deletion does).
pub(super) fn all_ascending_insertions(edits: &[Edit], data: &Dataset) -> bool {
    if edits.len() < BULK_FROM {
        return false;
    }
    let (mut actors, mut ties) = (
        Ascending::new(data.actors.len()),
        Ascending::new(data.ties.len()),
    );
    edits.iter().all(|e| match e {
        Edit::InsertActor { index, .. } => actors.next(*index),
        Edit::InsertTie { index, .. } => ties.next(*index),
        _ => false,
    })
}

/// Checks that inserts land at strictly ascending places within the list as it grows.
struct Ascending {
    len: usize,
    last: Option<usize>,
}

impl Ascending {
    fn new(len: usize) -> Self {
        Self { len, last: None }
    }

    fn next(&mut self, index: usize) -> bool {
        let ok = index <= self.len && self.last.is_none_or(|last| index > last);
        self.last = Some(index);
        self.len += 1;
        ok
    }
}

/// Applies a batch of deletions (see [`all_deletions`]).
pub(super) fn delete_all(
    label: String,
    edits: Vec<Edit>,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, EditError> {
    const KEPT: usize = usize::MAX;
    let mut tie_gone_at = vec![KEPT; data.ties.len()];
    let mut actor_gone_at = vec![KEPT; data.actors.len()];
    {
        let tie_index: HashMap<&str, usize> = data
            .ties
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let actor_index: HashMap<&str, usize> = data
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        // The first refusal in edit order is the one applying them in order would give.
        let mut refusal: Option<(usize, EditError)> = None;
        let mut refuse = |at: usize, e: EditError| {
            if refusal.as_ref().is_none_or(|(first, _)| at < *first) {
                refusal = Some((at, e));
            }
        };
        for (at, edit) in edits.iter().enumerate() {
            match edit {
                Edit::DeleteTie { id } => match tie_index.get(id.as_str()) {
                    Some(&i) if tie_gone_at[i] == KEPT => tie_gone_at[i] = at,
                    _ => refuse(at, EditError::UnknownTie(id.clone())),
                },
                Edit::DeleteActor { id } => match actor_index.get(id.as_str()) {
                    Some(&i) if actor_gone_at[i] == KEPT => actor_gone_at[i] = at,
                    _ => refuse(at, EditError::UnknownActor(id.clone())),
                },
                _ => unreachable!("all_deletions checked the batch"),
            }
        }
        // An actor can go only once no tie touches it.
        let mut ties_left = vec![0usize; data.actors.len()];
        for (t, tie) in data.ties.iter().enumerate() {
            let ends = [tie.from.as_str(), tie.to.as_str()];
            let ends = if ends[0] == ends[1] {
                &ends[..1]
            } else {
                &ends[..]
            };
            for end in ends {
                if let Some(&a) = actor_index.get(end) {
                    if actor_gone_at[a] != KEPT && tie_gone_at[t] > actor_gone_at[a] {
                        ties_left[a] += 1;
                    }
                }
            }
        }
        for (a, &left) in ties_left.iter().enumerate() {
            if left > 0 {
                let name = data.actors[a].name.clone();
                refuse(actor_gone_at[a], EditError::ActorHasTies(name, left));
            }
        }
        if let Some((_, e)) = refusal {
            return Err(e);
        }
    }
    let removed_ties = remove_marked(&mut data.ties, &tie_gone_at, KEPT);
    let removed_actors = remove_marked(&mut data.actors, &actor_gone_at, KEPT);
    // Logged from the end, so that each place is right when it is read in order.
    log.extend(
        removed_ties
            .iter()
            .rev()
            .map(|(i, _)| Change::TieRemoved(*i)),
    );
    log.extend(
        removed_actors
            .iter()
            .rev()
            .map(|(i, _)| Change::ActorRemoved(*i)),
    );
    // Inserting back at ascending places restores both lists exactly.
    let mut inverse: Vec<Edit> = removed_actors
        .into_iter()
        .map(|(index, actor)| Edit::InsertActor { index, actor })
        .collect();
    inverse.extend(
        removed_ties
            .into_iter()
            .map(|(index, tie)| Edit::InsertTie { index, tie }),
    );
    Ok(Edit::Batch {
        label,
        edits: inverse,
    })
}

/// Takes the marked elements out of `list`, with the places they had.
fn remove_marked<T>(list: &mut Vec<T>, marks: &[usize], kept: usize) -> Vec<(usize, T)> {
    let old = std::mem::take(list);
    let mut removed = Vec::new();
    for (i, item) in old.into_iter().enumerate() {
        if marks[i] == kept {
            list.push(item);
        } else {
            removed.push((i, item));
        }
    }
    removed
}

/// Applies a batch of insertions at ascending places (see [`all_ascending_insertions`]).
pub(super) fn insert_all(
    label: String,
    edits: Vec<Edit>,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, EditError> {
    {
        let mut actor_ids: HashSet<&str> = data.actors.iter().map(|a| a.id.as_str()).collect();
        let mut tie_ids: HashSet<&str> = data.ties.iter().map(|t| t.id.as_str()).collect();
        for edit in &edits {
            let (taken, what, id) = match edit {
                Edit::InsertActor { actor, .. } => {
                    (!actor_ids.insert(&actor.id), "actor", &actor.id)
                }
                Edit::InsertTie { tie, .. } => (!tie_ids.insert(&tie.id), "tie", &tie.id),
                _ => unreachable!("all_ascending_insertions checked the batch"),
            };
            super::apply::refuse_taken(taken, what, id)?;
        }
    }
    let inverse: Vec<Edit> = edits
        .iter()
        .rev()
        .map(|e| match e {
            Edit::InsertActor { actor, .. } => Edit::DeleteActor {
                id: actor.id.clone(),
            },
            Edit::InsertTie { tie, .. } => Edit::DeleteTie { id: tie.id.clone() },
            _ => unreachable!("all_ascending_insertions checked the batch"),
        })
        .collect();
    let mut new_actors = Vec::new();
    let mut new_ties = Vec::new();
    for edit in edits {
        match edit {
            Edit::InsertActor { index, actor } => {
                log.push(Change::ActorInserted(index));
                new_actors.push((index, actor));
            }
            Edit::InsertTie { index, tie } => {
                log.push(Change::TieInserted(index));
                new_ties.push((index, tie));
            }
            _ => unreachable!("all_ascending_insertions checked the batch"),
        }
    }
    merge_at(&mut data.actors, new_actors);
    merge_at(&mut data.ties, new_ties);
    Ok(Edit::Batch {
        label,
        edits: inverse,
    })
}

/// Puts each new element at its place in the final list (places ascending).
fn merge_at<T>(list: &mut Vec<T>, new: Vec<(usize, T)>) {
    if new.is_empty() {
        return;
    }
    let old = std::mem::take(list);
    list.reserve_exact(old.len() + new.len());
    let mut old = old.into_iter();
    for (index, item) in new {
        while list.len() < index {
            match old.next() {
                Some(kept) => list.push(kept),
                None => break,
            }
        }
        list.push(item);
    }
    list.extend(old);
}
