//! Batches of many deletions, or of many insertions at ascending places, applied in one pass
//! over the lists. One by one, each would search and shift the whole list: deleting a thousand
//! actors' ties from a 100k-tie map, or undoing it, would take seconds. The result, the
//! refusals and the inverse's effect are those of applying the edits in order.

use std::collections::hash_map::Entry;

use foldhash::{HashMap, HashSet};

use super::{Change, Edit, EditError};
use crate::model::{Dataset, IdHashes};

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
    // Where each id to delete comes in the batch: small maps, looked up from one pass over
    // each list instead of indexing every id of a large map.
    let mut refusal: Option<(usize, EditError)> = None;
    let mut refuse = |at: usize, e: EditError| {
        if refusal.as_ref().is_none_or(|(first, _)| at < *first) {
            refusal = Some((at, e));
        }
    };
    let mut tie_at: HashMap<&str, usize> = HashMap::default();
    let mut actor_at: HashMap<&str, usize> = HashMap::default();
    for (at, edit) in edits.iter().enumerate() {
        let (map, id, unknown): (_, _, fn(String) -> EditError) = match edit {
            Edit::DeleteTie { id } => (&mut tie_at, id, EditError::UnknownTie),
            Edit::DeleteActor { id } => (&mut actor_at, id, EditError::UnknownActor),
            _ => unreachable!("all_deletions checked the batch"),
        };
        // A second deletion of the same id finds nothing to delete.
        match map.entry(id.as_str()) {
            Entry::Occupied(_) => refuse(at, unknown(id.clone())),
            Entry::Vacant(slot) => {
                slot.insert(at);
            }
        }
    }
    let tie_gone_at: Vec<usize> = data
        .ties
        .iter()
        .map(|t| tie_at.get(t.id.as_str()).copied().unwrap_or(KEPT))
        .collect();
    let actor_gone_at: Vec<usize> = data
        .actors
        .iter()
        .map(|a| actor_at.get(a.id.as_str()).copied().unwrap_or(KEPT))
        .collect();
    for (ids, gone_at, unknown) in [
        (
            &tie_at,
            &tie_gone_at,
            EditError::UnknownTie as fn(String) -> EditError,
        ),
        (&actor_at, &actor_gone_at, EditError::UnknownActor),
    ] {
        let found: HashSet<usize> = gone_at.iter().copied().filter(|&at| at != KEPT).collect();
        for (id, &at) in ids {
            if !found.contains(&at) {
                refuse(at, unknown((*id).to_owned()));
            }
        }
    }
    // An actor can go only once no tie touches it.
    let mut ties_left: HashMap<usize, usize> = HashMap::default();
    for (t, tie) in data.ties.iter().enumerate() {
        let ends = [tie.from.as_str(), tie.to.as_str()];
        let ends = if ends[0] == ends[1] {
            &ends[..1]
        } else {
            &ends[..]
        };
        for end in ends {
            if let Some(&at) = actor_at.get(end) {
                if tie_gone_at[t] > at {
                    *ties_left.entry(at).or_default() += 1;
                }
            }
        }
    }
    for (a, actor) in data.actors.iter().enumerate() {
        if let Some(&left) = ties_left
            .get(&actor_gone_at[a])
            .filter(|_| actor_gone_at[a] != KEPT)
        {
            refuse(
                actor_gone_at[a],
                EditError::ActorHasTies(actor.name.clone(), left),
            );
        }
    }
    if let Some((_, e)) = refusal {
        return Err(e);
    }
    let removed_ties = take_where(&mut data.ties, &tie_gone_at, |&at| at != KEPT);
    let removed_actors = take_where(&mut data.actors, &actor_gone_at, |&at| at != KEPT);
    let tie_hashes = IdHashes::of(removed_ties.iter().map(|(_, tie)| tie));
    let actor_hashes = IdHashes::of(removed_actors.iter().map(|(_, actor)| actor));
    data.index
        .removed_many(&data.ties, &places_of(&removed_ties), tie_hashes);
    data.index
        .removed_many(&data.actors, &places_of(&removed_actors), actor_hashes);
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

/// Takes out of `list` the elements whose mark is `taken`, with the places they had; the
/// others move down within the list's own buffer.
pub(super) fn take_where<T, M>(
    list: &mut Vec<T>,
    marks: &[M],
    taken: impl Fn(&M) -> bool,
) -> Vec<(usize, T)> {
    let places = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| taken(m))
        .map(|(i, _)| i);
    let mut place = 0;
    let removed = list.extract_if(.., |_| {
        place += 1;
        taken(&marks[place - 1])
    });
    places.zip(removed).collect()
}

/// Applies a batch of insertions at ascending places (see [`all_ascending_insertions`]).
pub(super) fn insert_all(
    label: String,
    edits: Vec<Edit>,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, EditError> {
    {
        // The new ids, then one pass over each list for ids already taken.
        let mut new_actors: HashMap<&str, usize> = HashMap::default();
        let mut new_ties: HashMap<&str, usize> = HashMap::default();
        let mut refusal: Option<(usize, &str, String)> = None;
        let mut refuse = |at: usize, what: &'static str, id: &str| {
            if refusal.as_ref().is_none_or(|(first, _, _)| at < *first) {
                refusal = Some((at, what, id.to_owned()));
            }
        };
        for (at, edit) in edits.iter().enumerate() {
            let (map, what, id) = match edit {
                Edit::InsertActor { actor, .. } => (&mut new_actors, "actor", actor.id.as_str()),
                Edit::InsertTie { tie, .. } => (&mut new_ties, "tie", tie.id.as_str()),
                _ => unreachable!("all_ascending_insertions checked the batch"),
            };
            // A second insertion of the same id is the one refused.
            match map.entry(id) {
                Entry::Occupied(_) => refuse(at, what, id),
                Entry::Vacant(slot) => {
                    slot.insert(at);
                }
            }
        }
        for a in &data.actors {
            if let Some(&at) = new_actors.get(a.id.as_str()) {
                refuse(at, "actor", a.id.as_str());
            }
        }
        for t in &data.ties {
            if let Some(&at) = new_ties.get(t.id.as_str()) {
                refuse(at, "tie", t.id.as_str());
            }
        }
        if let Some((_, what, id)) = refusal {
            super::apply::refuse_taken(true, what, &id)?;
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
    let (actor_places, tie_places) = (places_of(&new_actors), places_of(&new_ties));
    let actor_hashes = IdHashes::of(new_actors.iter().map(|(_, actor)| actor));
    let tie_hashes = IdHashes::of(new_ties.iter().map(|(_, tie)| tie));
    merge_at(&mut data.actors, new_actors);
    merge_at(&mut data.ties, new_ties);
    data.index
        .inserted_many(&data.actors, &actor_places, actor_hashes);
    data.index
        .inserted_many(&data.ties, &tie_places, tie_hashes);
    Ok(Edit::Batch {
        label,
        edits: inverse,
    })
}

/// The places of placed elements, in their order.
pub(super) fn places_of<T>(placed: &[(usize, T)]) -> Vec<usize> {
    placed.iter().map(|(place, _)| *place).collect()
}

/// Puts each new element at its place in the final list (places ascending, each at most the
/// length of the list so far). In place, from the back: the list grows into its spare room, and
/// each run of old elements between two new ones moves once, as one block copy, across the gap
/// that the new elements still to place leave; then the new element goes in just before it.
pub(super) fn merge_at<T>(list: &mut Vec<T>, new: Vec<(usize, T)>) {
    let old_len = list.len();
    let added = new.len();
    list.reserve(added);
    let base = list.as_mut_ptr();
    // The gap is `old_end..write`: as long as the new elements still to place, never empty
    // while one is left. Below it are the old elements not yet moved; from `write` on, every
    // slot holds its final element.
    let (mut old_end, mut write) = (old_len, old_len + added);
    for (place, item) in new.into_iter().rev() {
        // The old elements that belong after this new one (all that are left, if `place` is
        // out of order: the list is then laid out wrongly, never unsoundly).
        let run = (write - 1).saturating_sub(place).min(old_end);
        // SAFETY: `old_end - run .. old_end` holds initialised old elements and `write - run
        // .. write` is within the reserved capacity (`write <= old_len + added`); `copy`
        // allows the two to overlap. The slots the run leaves are the gap's, written later or
        // never read. Nothing between `reserve` and `set_len` can panic, so no element is
        // dropped twice or read uninitialised.
        unsafe {
            std::ptr::copy(base.add(old_end - run), base.add(write - run), run);
        }
        old_end -= run;
        write -= run + 1;
        // SAFETY: `write` is in the gap (`old_end <= write < old_len + added`), a slot whose
        // element was moved away or never existed: writing does not drop anything.
        unsafe {
            std::ptr::write(base.add(write), item);
        }
    }
    // SAFETY: the gap closed: every slot below `old_len + added` holds exactly one element.
    unsafe {
        list.set_len(old_len + added);
    }
}
