//! The only way to change a dataset: an [`Edit`] whose `apply` returns its inverse, and a
//! [`History`] of them for undo and redo. An edit that would make the dataset invalid is refused
//! and leaves it unchanged. No egui here.

mod apply;
mod bulk;
mod duplicates;
mod history;
mod import;
mod merge;
mod name_forms;
mod places;
pub mod replay;
pub mod review;
mod scan;
mod ties;

pub use duplicates::{possible_duplicates, PossibleDuplicate, Reason};
pub use history::History;
pub use import::{match_key, merge_imported, ImportSummary};
pub use merge::merge_actors;
pub use name_forms::normalize_name;
pub use ties::{combine_ties, move_excerpt, same_ties, ties_to_combine, TieEditError};

use crate::model::{Actor, Dataset, Point, Source, Tie};

/// One undoable change to a dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set the positions of actors (`None` means unplaced).
    MoveActors {
        moves: Vec<(String, Option<Point>)>,
    },
    /// Pin or unpin actors, so that layouts leave them where they are.
    SetPinned {
        pins: Vec<(String, bool)>,
    },
    /// Insert an actor at `index` in the actor list.
    InsertActor {
        index: usize,
        actor: Actor,
    },
    /// Remove an actor that no tie refers to.
    DeleteActor {
        id: String,
    },
    /// Remove actors together with every tie that touches them, as one step.
    DeleteActors {
        ids: Vec<String>,
    },
    /// Remove the actors and ties at these places, which must hold these ids; each list's
    /// places ascending, as they are before the edit. Refused while a tie that stays touches
    /// an actor that goes. What redoes a deletion of many.
    Remove {
        label: String,
        actors: Vec<(usize, String)>,
        ties: Vec<(usize, String)>,
    },
    /// Put actors and ties in at these places; each list's places ascending, as they are
    /// after the edit. What undoes a deletion of many.
    Restore {
        label: String,
        actors: Vec<(usize, Actor)>,
        ties: Vec<(usize, Tie)>,
    },
    /// Replace the actor that has the same id.
    UpdateActor {
        actor: Actor,
    },
    InsertTie {
        index: usize,
        tie: Tie,
    },
    DeleteTie {
        id: String,
    },
    /// Replace the tie that has the same id.
    UpdateTie {
        tie: Tie,
    },
    /// Replace the ties at these places (ascending) with these, each with the id of the tie
    /// it replaces: many updates without looking for any tie.
    ReplaceTies {
        ties: Vec<(usize, Tie)>,
    },
    InsertSource {
        index: usize,
        source: Source,
    },
    /// Remove a source that no excerpt quotes.
    DeleteSource {
        id: String,
    },
    /// Set the dataset's title and description.
    SetInfo {
        title: String,
        description: String,
    },
    /// Set the pairs of actors that are not one actor (see `Dataset::not_duplicates`).
    SetNotDuplicates {
        pairs: Vec<[String; 2]>,
    },
    /// Set the views saved under a name (see `Dataset::views`).
    SetViews {
        views: Vec<crate::model::NamedView>,
    },
    /// Several edits applied in order, undone in reverse order, as one step of the history.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
}

/// What an applied edit changed, by place in the dataset's lists, in the order it happened, so
/// that views can update what they show instead of rebuilding it. Sources and the title are
/// not reported: no view keeps anything built from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    ActorInserted(usize),
    ActorRemoved(usize),
    /// The actor at this place was replaced by one with the same id.
    ActorReplaced(usize),
    TieInserted(usize),
    TieRemoved(usize),
    /// The tie at this place was replaced by one with the same id.
    TieReplaced(usize),
    /// Positions or pins changed.
    ActorsMoved,
}

/// Why an edit could not be applied; the dataset is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no actor '{0}'")]
    UnknownActor(String),
    #[error("there is no tie '{0}'")]
    UnknownTie(String),
    #[error("there is no source '{0}'")]
    UnknownSource(String),
    #[error("position of '{0}' is not a finite number")]
    NonFinite(String),
    #[error("'{0}' still has {1} ties; delete them first")]
    ActorHasTies(String, usize),
    #[error("source '{0}' is quoted by {1} excerpts")]
    SourceInUse(String, usize),
    #[error("the change would make the map invalid: {0}")]
    Invalid(String),
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it. On error nothing has changed.
    pub fn apply(self, data: &mut Dataset) -> Result<Edit, EditError> {
        apply::apply_checked(self, data, &mut Vec::new())
    }

    /// Applies an edit kept by a history, which takes the dataset back or forth to a state it
    /// was in: checks that cannot fail along a history are skipped for edits of many elements.
    /// A refused edit is given back, so that the history keeps it without copying it first.
    pub(crate) fn reapply(
        self,
        data: &mut Dataset,
        log: &mut Vec<Change>,
    ) -> Result<Edit, Box<(EditError, Edit)>> {
        apply::reapply(self, data, log)
    }

    /// Like [`Edit::apply`], and appends what changed to `log` (nothing when refused).
    pub fn apply_logged(
        self,
        data: &mut Dataset,
        log: &mut Vec<Change>,
    ) -> Result<Edit, EditError> {
        apply::apply_checked(self, data, log)
    }

    /// Whether the edit only moves or pins actors: nothing but positions and pins change, so
    /// views can update positions instead of rebuilding, and no other rule can break.
    pub fn only_moves(&self) -> bool {
        match self {
            Edit::MoveActors { .. } | Edit::SetPinned { .. } => true,
            Edit::Batch { edits, .. } => edits.iter().all(Edit::only_moves),
            _ => false,
        }
    }

    /// What the edit does, for menus, when that is known without applying it: a deletion of
    /// actors counts their ties as it applies, and names itself then (see [`Edit::describe`]).
    pub(crate) fn describe_before(&self, data: &Dataset) -> Option<String> {
        match self {
            Edit::DeleteActors { .. } => None,
            _ => Some(self.describe(data)),
        }
    }

    /// What the edit does, for menus: "move 'Kim Jong-un'".
    pub fn describe(&self, data: &Dataset) -> String {
        let tie_name = |tie: &Tie| {
            format!(
                "tie '{} → {}'",
                data.actor_name(&tie.from),
                data.actor_name(&tie.to)
            )
        };
        match self {
            Edit::MoveActors { moves } => match moves.as_slice() {
                [(id, _)] => format!("move '{}'", data.actor_name(id)),
                many => format!("move {} actors", many.len()),
            },
            Edit::SetPinned { pins } => match pins.as_slice() {
                [(id, true)] => format!("pin '{}'", data.actor_name(id)),
                [(id, false)] => format!("unpin '{}'", data.actor_name(id)),
                many => format!("pin or unpin {} actors", many.len()),
            },
            Edit::InsertActor { actor, .. } => format!("add actor '{}'", actor.name),
            Edit::DeleteActor { id } => format!("delete actor '{}'", data.actor_name(id)),
            Edit::DeleteActors { ids } => {
                let chosen: foldhash::HashSet<&str> = ids.iter().map(String::as_str).collect();
                let ties = data
                    .ties
                    .iter()
                    .filter(|t| chosen.contains(t.from.as_str()) || chosen.contains(t.to.as_str()))
                    .count();
                places::deletion_label(data, ids, ties)
            }
            Edit::Remove { label, .. } | Edit::Restore { label, .. } => label.clone(),
            Edit::ReplaceTies { ties } => match ties.as_slice() {
                [(_, tie)] => format!("edit tie '{}'", tie.id),
                many => format!("edit {} ties", many.len()),
            },
            Edit::UpdateActor { actor } => format!("edit actor '{}'", data.actor_name(&actor.id)),
            Edit::InsertTie { tie, .. } => format!("add {}", tie_name(tie)),
            Edit::DeleteTie { id } => match data.tie(id) {
                Some(t) => format!("delete {}", tie_name(t)),
                None => format!("delete tie '{id}'"),
            },
            Edit::UpdateTie { tie } => match data.tie(&tie.id) {
                Some(t) => format!("edit {}", tie_name(t)),
                None => format!("edit tie '{}'", tie.id),
            },
            Edit::InsertSource { source, .. } => format!("add source '{}'", source.title),
            Edit::DeleteSource { id } => format!("delete source '{id}'"),
            Edit::SetInfo { .. } => "edit title and description".into(),
            Edit::SetNotDuplicates { .. } => "mark two actors as not one".into(),
            Edit::SetViews { .. } => "change the saved views".into(),
            Edit::Batch { label, .. } => label.clone(),
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod merge_tests;

#[cfg(test)]
mod bulk_tests;

#[cfg(test)]
mod places_tests;
