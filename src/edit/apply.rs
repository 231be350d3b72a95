//! Applying edits: each variant's change and inverse, and the check that keeps datasets valid.

use super::{places, Change, Edit, EditError};
use crate::model::{validate_items_at, Dataset};

/// Applies an edit, then checks what it touched; an edit that leaves a problem is rolled back
/// and refused. Only the touched items are checked: the rest was valid before and an edit cannot
/// break it (deletions refuse to leave dangling references, ids never change).
/// What changed is appended to `log`, in order; nothing is appended when the edit is refused.
pub(super) fn apply_checked(
    edit: Edit,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, EditError> {
    let logged = log.len();
    let result = check_and_apply(edit, data, log);
    if result.is_err() {
        log.truncate(logged);
    }
    result
}

fn check_and_apply(
    edit: Edit,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, EditError> {
    // Moving and pinning check their own rule (finite positions) and can break no other.
    if edit.only_moves() {
        return apply_unchecked(edit, data, log, &mut Applying::checked());
    }
    let mut touched = Touched::default();
    touched.collect(&edit);
    let inverse = apply_unchecked(edit, data, log, &mut Applying::checked())?;
    fn ids(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    let tie_places: Vec<usize> = touched
        .ties
        .iter()
        .filter_map(|id| data.tie_place(id))
        .collect();
    let problems = validate_items_at(
        data,
        &ids(&touched.actors),
        &tie_places,
        &ids(&touched.sources),
    );
    if let Some(first) = problems.first() {
        let message = first.to_string();
        // The inverse of a successful edit always applies.
        let _ = apply_unchecked(inverse, data, log, &mut Applying::checked());
        return Err(EditError::Invalid(message));
    }
    Ok(inverse)
}

/// Applies an edit kept by a history (see [`Edit::reapply`]).
pub(super) fn reapply(
    edit: Edit,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, places::Refused> {
    let logged = log.len();
    // The state it returns to was checked when it was first reached: only the edit's own
    // refusals (an id not found) can stop it, and a refused edit changes nothing.
    let result = match edit {
        Edit::Remove {
            label,
            actors,
            ties,
        } => places::remove(label, actors, ties, data, log, false),
        Edit::Restore {
            label,
            actors,
            ties,
        } => places::restore(label, actors, ties, data, log, false),
        other => {
            let kept = other.clone();
            let how = &mut Applying { from_history: true };
            apply_unchecked(other, data, log, how).map_err(|e| Box::new((e, kept)))
        }
    };
    if result.is_err() {
        log.truncate(logged);
    }
    result
}

/// How an edit is being applied.
struct Applying {
    /// Whether the edit comes from a history, returning the dataset to a state it was in:
    /// removals and restorations by place then skip checks that cannot fail.
    from_history: bool,
}

impl Applying {
    fn checked() -> Self {
        Self {
            from_history: false,
        }
    }
}

/// The ids of the items an edit adds or replaces.
#[derive(Default)]
struct Touched {
    actors: Vec<String>,
    ties: Vec<String>,
    sources: Vec<String>,
}

impl Touched {
    fn collect(&mut self, edit: &Edit) {
        match edit {
            Edit::InsertActor { actor, .. } | Edit::UpdateActor { actor } => {
                self.actors.push(actor.id.clone())
            }
            Edit::InsertTie { tie, .. } | Edit::UpdateTie { tie } => self.ties.push(tie.id.clone()),
            Edit::ReplaceTies { ties } => {
                self.ties.extend(ties.iter().map(|(_, t)| t.id.clone()));
            }
            Edit::InsertSource { source, .. } => self.sources.push(source.id.clone()),
            Edit::Restore { actors, ties, .. } => {
                self.actors.extend(actors.iter().map(|(_, a)| a.id.clone()));
                self.ties.extend(ties.iter().map(|(_, t)| t.id.clone()));
            }
            Edit::Batch { edits, .. } => edits.iter().for_each(|e| self.collect(e)),
            Edit::MoveActors { .. }
            | Edit::SetPinned { .. }
            | Edit::DeleteActor { .. }
            | Edit::DeleteActors { .. }
            | Edit::Remove { .. }
            | Edit::DeleteTie { .. }
            | Edit::DeleteSource { .. }
            | Edit::SetInfo { .. }
            | Edit::SetNotDuplicates { .. }
            | Edit::SetViews { .. } => {}
        }
    }
}

/// The places of many actors at once, through the dataset's index.
fn actor_indices<'a>(
    data: &Dataset,
    ids: impl Iterator<Item = &'a str>,
) -> Result<Vec<usize>, EditError> {
    ids.map(|id| actor_index(data, id)).collect()
}

fn actor_index(data: &Dataset, id: &str) -> Result<usize, EditError> {
    data.actor_place(id)
        .ok_or_else(|| EditError::UnknownActor(id.to_owned()))
}

fn tie_index(data: &Dataset, id: &str) -> Result<usize, EditError> {
    data.tie_place(id)
        .ok_or_else(|| EditError::UnknownTie(id.to_owned()))
}

fn source_index(data: &Dataset, id: &str) -> Result<usize, EditError> {
    data.source_place(id)
        .ok_or_else(|| EditError::UnknownSource(id.to_owned()))
}

/// Inserting a second item with an existing id is refused up front, so that every inverse,
/// which finds items by id, finds the right one.
pub(super) fn refuse_taken(taken: bool, what: &str, id: &str) -> Result<(), EditError> {
    if taken {
        Err(EditError::Invalid(format!(
            "there is already a {what} with the id '{id}'"
        )))
    } else {
        Ok(())
    }
}

/// Applies an edit without the validity check.
fn apply_unchecked(
    edit: Edit,
    data: &mut Dataset,
    log: &mut Vec<Change>,
    how: &mut Applying,
) -> Result<Edit, EditError> {
    match edit {
        Edit::MoveActors { moves } => {
            if let Some((id, _)) = moves
                .iter()
                .find(|(_, to)| to.is_some_and(|p| !p.is_finite()))
            {
                return Err(EditError::NonFinite(id.clone()));
            }
            let indices = actor_indices(data, moves.iter().map(|(id, _)| id.as_str()))?;
            let mut inverse = Vec::with_capacity(moves.len());
            for ((id, to), i) in moves.into_iter().zip(indices) {
                inverse.push((id, std::mem::replace(&mut data.actors[i].position, to)));
            }
            inverse.reverse();
            log.push(Change::ActorsMoved);
            Ok(Edit::MoveActors { moves: inverse })
        }
        Edit::SetPinned { pins } => {
            let indices = actor_indices(data, pins.iter().map(|(id, _)| id.as_str()))?;
            let mut inverse = Vec::with_capacity(pins.len());
            for ((id, pinned), i) in pins.into_iter().zip(indices) {
                inverse.push((id, std::mem::replace(&mut data.actors[i].pinned, pinned)));
            }
            inverse.reverse();
            log.push(Change::ActorsMoved);
            Ok(Edit::SetPinned { pins: inverse })
        }
        Edit::InsertActor { index, actor } => {
            refuse_taken(data.actor(&actor.id).is_some(), "actor", &actor.id)?;
            let id = actor.id.clone();
            let index = index.min(data.actors.len());
            data.actors.insert(index, actor);
            data.index.inserted(&data.actors, index);
            log.push(Change::ActorInserted(index));
            Ok(Edit::DeleteActor { id })
        }
        Edit::DeleteActor { id } => {
            let i = actor_index(data, &id)?;
            let ties = data.ties_of(&id).count();
            if ties > 0 {
                return Err(EditError::ActorHasTies(data.actors[i].name.clone(), ties));
            }
            let actor = data.actors.remove(i);
            data.index.removed(&data.actors, i);
            log.push(Change::ActorRemoved(i));
            Ok(Edit::InsertActor { index: i, actor })
        }
        Edit::DeleteActors { ids } => places::delete_actors(ids, data, log),
        Edit::Remove {
            label,
            actors,
            ties,
        } => places::remove(label, actors, ties, data, log, !how.from_history)
            .map_err(|refused| refused.0),
        Edit::Restore {
            label,
            actors,
            ties,
        } => places::restore(label, actors, ties, data, log, !how.from_history)
            .map_err(|refused| refused.0),
        Edit::UpdateActor { actor } => {
            let i = actor_index(data, &actor.id)?;
            let old = std::mem::replace(&mut data.actors[i], actor);
            log.push(Change::ActorReplaced(i));
            Ok(Edit::UpdateActor { actor: old })
        }
        Edit::InsertTie { index, tie } => {
            refuse_taken(data.tie(&tie.id).is_some(), "tie", &tie.id)?;
            let id = tie.id.clone();
            let index = index.min(data.ties.len());
            data.ties.insert(index, tie);
            data.index.inserted(&data.ties, index);
            log.push(Change::TieInserted(index));
            Ok(Edit::DeleteTie { id })
        }
        Edit::DeleteTie { id } => {
            let i = tie_index(data, &id)?;
            let tie = data.ties.remove(i);
            data.index.removed(&data.ties, i);
            log.push(Change::TieRemoved(i));
            Ok(Edit::InsertTie { index: i, tie })
        }
        Edit::ReplaceTies { ties } => places::replace_ties(ties, data, log),
        Edit::UpdateTie { tie } => {
            let i = tie_index(data, &tie.id)?;
            let old = std::mem::replace(&mut data.ties[i], tie);
            log.push(Change::TieReplaced(i));
            Ok(Edit::UpdateTie { tie: old })
        }
        Edit::InsertSource { index, source } => {
            refuse_taken(data.source(&source.id).is_some(), "source", &source.id)?;
            let id = source.id.clone();
            let index = index.min(data.sources.len());
            data.sources.insert(index, source);
            data.index.inserted(&data.sources, index);
            Ok(Edit::DeleteSource { id })
        }
        Edit::DeleteSource { id } => {
            let i = source_index(data, &id)?;
            let quoted = data
                .ties
                .iter()
                .flat_map(|t| &t.excerpts)
                .filter(|x| x.source == id)
                .count();
            if quoted > 0 {
                return Err(EditError::SourceInUse(id, quoted));
            }
            let source = data.sources.remove(i);
            data.index.removed(&data.sources, i);
            Ok(Edit::InsertSource { index: i, source })
        }
        Edit::SetNotDuplicates { pairs } => {
            let old = std::mem::replace(&mut data.not_duplicates, pairs);
            Ok(Edit::SetNotDuplicates { pairs: old })
        }
        Edit::SetViews { views } => {
            let old = std::mem::replace(&mut data.views, views);
            Ok(Edit::SetViews { views: old })
        }
        Edit::SetInfo { title, description } => {
            let old_title = std::mem::replace(&mut data.title, title);
            let old_description = std::mem::replace(&mut data.description, description);
            Ok(Edit::SetInfo {
                title: old_title,
                description: old_description,
            })
        }
        Edit::Batch { label, edits } => {
            if super::bulk::all_deletions(&edits) {
                super::bulk::delete_all(label, edits, data, log)
            } else if super::bulk::all_ascending_insertions(&edits, data) {
                super::bulk::insert_all(label, edits, data, log)
            } else {
                batch_in_order(label, edits, data, log, how.from_history)
            }
        }
    }
}

/// Applies a batch's edits in order; on a refusal, undoes those already applied.
#[cfg(test)]
pub(super) fn batch_one_by_one(
    label: String,
    edits: Vec<Edit>,
    data: &mut Dataset,
    log: &mut Vec<Change>,
) -> Result<Edit, EditError> {
    batch_in_order(label, edits, data, log, false)
}

fn batch_in_order(
    label: String,
    edits: Vec<Edit>,
    data: &mut Dataset,
    log: &mut Vec<Change>,
    from_history: bool,
) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    let how = &mut Applying { from_history };
    for edit in edits {
        match apply_unchecked(edit, data, log, how) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                // Roll back what was applied, so the dataset is unchanged.
                for undo in inverses.into_iter().rev() {
                    let _ = apply_unchecked(undo, data, log, how);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch {
        label,
        edits: inverses,
    })
}
