//! Deleting actors with all their ties, and removing or restoring many actors and ties at
//! known places, each in one pass over the lists. Deleting a thousand actors from a map of a
//! hundred thousand ties this way reads every tie's ends once; its undo and redo find what
//! they move by place and read no other element.

use foldhash::{HashMap, HashSet};

use super::bulk::{places_of, take_where};
use super::scan::{marks, IdSet};
use super::{Change, Edit, EditError};
use crate::model::{Actor, Dataset, IdHashes, Tie};

/// What a refused edit gives back, so that the history keeps it without having copied it.
pub(super) type Refused = Box<(EditError, Edit)>;

/// Deletes the actors with these ids and every tie that touches them; an id given twice
/// counts once. Returns the edit that restores them.
pub(super) fn delete_actors(
    ids: Vec<String>,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, EditError> {
    let chosen = IdSet::new(ids.iter().map(String::as_str));
    let actor_marks = marks(&data.actors, |a| chosen.contains(a.id.as_str()));
    if actor_marks.iter().filter(|&&m| m).count() != chosen.len() {
        let unknown = ids.iter().find(|id| data.actor(id).is_none());
        return Err(EditError::UnknownActor(
            unknown.cloned().unwrap_or_default(),
        ));
    }
    let tie_marks = marks(&data.ties, |t| {
        chosen.contains(t.from.as_str()) || chosen.contains(t.to.as_str())
    });
    let ties = tie_marks.iter().filter(|&&m| m).count();
    let label = deletion_label(data, &ids, ties);
    Ok(take_out(label, &actor_marks, &tie_marks, data, log))
}

/// "delete 'Kim Jong-un' and 3 ties", "delete 40 actors and 212 ties".
pub(super) fn deletion_label(data: &Dataset, ids: &[String], ties: usize) -> String {
    let who = match ids {
        [one] => format!("'{}'", data.actor_name(one)),
        many => format!("{} actors", many.len()),
    };
    match ties {
        0 => format!("delete {who}"),
        1 => format!("delete {who} and 1 tie"),
        n => format!("delete {who} and {n} ties"),
    }
}

/// Removes the actors and ties at these places, which must hold these ids (places ascending,
/// as in the lists before the edit). With `check_ties_left`, refuses to remove an actor that a
/// remaining tie still touches; an edit from the history skips that check, since it only
/// returns the dataset to a state it was in.
pub(super) fn remove(
    label: String,
    actors: Vec<(usize, String)>,
    ties: Vec<(usize, String)>,
    data: &mut Dataset,
    log: &mut Vec<Change>,
    check_ties_left: bool,
) -> Result<Edit, Refused> {
    let problem = misplaced(&actors, data.actors.len(), |i| &data.actors[i].id)
        .map(EditError::UnknownActor)
        .or_else(|| {
            misplaced(&ties, data.ties.len(), |i| &data.ties[i].id).map(EditError::UnknownTie)
        });
    if let Some(problem) = problem {
        return Err(refused_removal(problem, label, actors, ties));
    }
    let tie_marks = marks_at(data.ties.len(), &ties);
    if let Some(problem) = check_ties_left
        .then(|| ties_left(data, &actors, &tie_marks))
        .flatten()
    {
        return Err(refused_removal(problem, label, actors, ties));
    }
    let actor_marks = marks_at(data.actors.len(), &actors);
    Ok(take_out(label, &actor_marks, &tie_marks, data, log))
}

/// A refused `Remove`, given back whole.
fn refused_removal(
    problem: EditError,
    label: String,
    actors: Vec<(usize, String)>,
    ties: Vec<(usize, String)>,
) -> Refused {
    Box::new((
        problem,
        Edit::Remove {
            label,
            actors,
            ties,
        },
    ))
}

/// The first id that is not at its place, or whose place is out of order.
fn misplaced<'a>(
    placed: &[(usize, String)],
    len: usize,
    id_at: impl Fn(usize) -> &'a str,
) -> Option<String> {
    let mut last = None;
    for (place, id) in placed {
        let in_order = last.is_none_or(|last| *place > last) && *place < len;
        if !in_order || id_at(*place) != id {
            return Some(id.clone());
        }
        last = Some(*place);
    }
    None
}

fn marks_at(len: usize, placed: &[(usize, String)]) -> Vec<bool> {
    let mut marks = vec![false; len];
    for (place, _) in placed {
        marks[*place] = true;
    }
    marks
}

/// An actor to remove that a tie which stays still touches, with how many such ties.
fn ties_left(data: &Dataset, actors: &[(usize, String)], tie_marks: &[bool]) -> Option<EditError> {
    if actors.is_empty() {
        return None;
    }
    let going: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(k, (_, id))| (id.as_str(), k))
        .collect();
    let going_ids = IdSet::new(actors.iter().map(|(_, id)| id.as_str()));
    let touching = marks(&data.ties, |t| {
        going_ids.contains(t.from.as_str()) || going_ids.contains(t.to.as_str())
    });
    let mut left = vec![0usize; actors.len()];
    let ties = data.ties.iter().zip(tie_marks).zip(touching);
    for ((tie, _), _) in ties.filter(|((_, gone), touches)| !**gone && *touches) {
        let from = going.get(tie.from.as_str());
        let to = going.get(tie.to.as_str()).filter(|&k| Some(k) != from);
        for &k in from.into_iter().chain(to) {
            left[k] += 1;
        }
    }
    let (k, &count) = left.iter().enumerate().find(|(_, &n)| n > 0)?;
    let name = data.actors[actors[k].0].name.clone();
    Some(EditError::ActorHasTies(name, count))
}

/// Takes the marked actors and ties out of the lists; returns the edit that restores them.
fn take_out(
    label: String,
    actor_marks: &[bool],
    tie_marks: &[bool],
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Edit {
    let ties = take_where(&mut data.ties, tie_marks, |&m| m);
    let actors = take_where(&mut data.actors, actor_marks, |&m| m);
    // Hashed for the index while the ids are read anyway, so that an undo finds their slots.
    let tie_hashes = IdHashes::of(ties.iter().map(|(_, tie)| tie));
    let actor_hashes = IdHashes::of(actors.iter().map(|(_, actor)| actor));
    data.index
        .removed_many(&data.ties, &places_of(&ties), tie_hashes);
    data.index
        .removed_many(&data.actors, &places_of(&actors), actor_hashes);
    // Logged from the end, so that each place is right when it is read in order.
    log.extend(ties.iter().rev().map(|(i, _)| Change::TieRemoved(*i)));
    log.extend(actors.iter().rev().map(|(i, _)| Change::ActorRemoved(*i)));
    Edit::Restore {
        label,
        actors,
        ties,
    }
}

/// Puts actors and ties back at these places (ascending, as in the lists after the edit).
/// With `check_ids`, refuses ids that are taken or given twice; an edit from the history skips
/// that check, since it only returns the dataset to a state it was in.
pub(super) fn restore(
    label: String,
    actors: Vec<(usize, Actor)>,
    ties: Vec<(usize, Tie)>,
    data: &mut Dataset,
    log: &mut Vec<Change>,
    check_ids: bool,
) -> Result<Edit, Refused> {
    let problem = out_of_order(&actors, data.actors.len())
        .or_else(|| out_of_order(&ties, data.ties.len()))
        .or_else(|| {
            check_ids
                .then(|| {
                    taken_id(&actors, &data.actors, "actor", |a| &a.id)
                        .or_else(|| taken_id(&ties, &data.ties, "tie", |t| &t.id))
                })
                .flatten()
        });
    if let Some(problem) = problem {
        return Err(Box::new((
            problem,
            Edit::Restore {
                label,
                actors,
                ties,
            },
        )));
    }
    let inverse = Edit::Remove {
        label: label.clone(),
        actors: actors.iter().map(|(i, a)| (*i, a.id.clone())).collect(),
        ties: ties.iter().map(|(i, t)| (*i, t.id.clone())).collect(),
    };
    // Hashed for the index right after the ids were read for the inverse.
    let actor_hashes = IdHashes::of(actors.iter().map(|(_, actor)| actor));
    let tie_hashes = IdHashes::of(ties.iter().map(|(_, tie)| tie));
    log.extend(actors.iter().map(|(i, _)| Change::ActorInserted(*i)));
    log.extend(ties.iter().map(|(i, _)| Change::TieInserted(*i)));
    let (actor_places, tie_places) = (places_of(&actors), places_of(&ties));
    super::bulk::merge_at(&mut data.actors, actors);
    super::bulk::merge_at(&mut data.ties, ties);
    data.index
        .inserted_many(&data.actors, &actor_places, actor_hashes);
    data.index
        .inserted_many(&data.ties, &tie_places, tie_hashes);
    Ok(inverse)
}

/// Places that are not strictly ascending, or beyond the end of the list as it grows.
fn out_of_order<T>(placed: &[(usize, T)], len: usize) -> Option<EditError> {
    let mut last = None;
    for (k, (place, _)) in placed.iter().enumerate() {
        if last.is_some_and(|last| *place <= last) || *place > len + k {
            return Some(EditError::Invalid(format!(
                "place {place} is out of order among the places to restore"
            )));
        }
        last = Some(*place);
    }
    None
}

/// The first new id that the list holds already or that comes twice.
fn taken_id<T>(
    new: &[(usize, T)],
    list: &[T],
    what: &str,
    id: impl Fn(&T) -> &String,
) -> Option<EditError> {
    let mut seen: HashSet<&str> = HashSet::default();
    let twice = new.iter().find(|(_, x)| !seen.insert(id(x).as_str()));
    let taken = twice.map(|(_, x)| id(x)).or_else(|| {
        list.iter()
            .map(&id)
            .find(|existing| seen.contains(existing.as_str()))
    })?;
    Some(EditError::Invalid(format!(
        "there is already a {what} with the id '{taken}'"
    )))
}

/// Replaces the ties at these places, which must hold ties with the same ids (places
/// ascending); returns the edit that puts the old ones back.
pub(super) fn replace_ties(
    ties: Vec<(usize, Tie)>,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, EditError> {
    let mut last = None;
    for (place, tie) in &ties {
        let in_order = last.is_none_or(|last| *place > last);
        if !in_order || data.ties.get(*place).is_none_or(|old| old.id != tie.id) {
            return Err(EditError::UnknownTie(tie.id.clone()));
        }
        last = Some(*place);
    }
    let old = ties
        .into_iter()
        .map(|(place, tie)| {
            log.push(Change::TieReplaced(place));
            (place, std::mem::replace(&mut data.ties[place], tie))
        })
        .collect();
    Ok(Edit::ReplaceTies { ties: old })
}
