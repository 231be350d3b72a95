//! The only way to change a dataset: an [`Edit`] whose `apply` returns its inverse, and a
//! [`History`] of them for undo and redo. No egui here.

mod history;

pub use history::History;

use crate::model::{Dataset, Point};

/// One undoable change to a dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set the positions of actors (`None` means unplaced).
    MoveActors { moves: Vec<(String, Option<Point>)> },
    /// Pin or unpin actors, so that layouts leave them where they are.
    SetPinned { pins: Vec<(String, bool)> },
    /// Several edits applied in order, undone in reverse order.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
}

/// Why an edit could not be applied; the dataset is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no actor '{0}'")]
    UnknownActor(String),
    #[error("position of '{0}' is not a finite number")]
    NonFinite(String),
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it.
    pub fn apply(self, data: &mut Dataset) -> Result<Edit, EditError> {
        match self {
            Edit::MoveActors { moves } => {
                let mut indices = Vec::with_capacity(moves.len());
                for (id, to) in &moves {
                    if to.is_some_and(|p| !p.is_finite()) {
                        return Err(EditError::NonFinite(id.clone()));
                    }
                    indices.push(actor_index(data, id)?);
                }
                let mut inverse = Vec::with_capacity(moves.len());
                for ((id, to), i) in moves.into_iter().zip(indices) {
                    inverse.push((id, std::mem::replace(&mut data.actors[i].position, to)));
                }
                inverse.reverse();
                Ok(Edit::MoveActors { moves: inverse })
            }
            Edit::SetPinned { pins } => {
                let mut indices = Vec::with_capacity(pins.len());
                for (id, _) in &pins {
                    indices.push(actor_index(data, id)?);
                }
                let mut inverse = Vec::with_capacity(pins.len());
                for ((id, pinned), i) in pins.into_iter().zip(indices) {
                    inverse.push((id, std::mem::replace(&mut data.actors[i].pinned, pinned)));
                }
                inverse.reverse();
                Ok(Edit::SetPinned { pins: inverse })
            }
            Edit::Batch { label, edits } => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(data) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            // Roll back what was applied, so the dataset is unchanged.
                            for undo in inverses.into_iter().rev() {
                                let _ = undo.apply(data);
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
        }
    }

    /// What the edit does, for menus: "move 'Kim Jong-un'".
    pub fn describe(&self, data: &Dataset) -> String {
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
            Edit::Batch { label, .. } => label.clone(),
        }
    }
}

fn actor_index(data: &Dataset, id: &str) -> Result<usize, EditError> {
    data.actors
        .iter()
        .position(|a| a.id == id)
        .ok_or_else(|| EditError::UnknownActor(id.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind};

    fn two_actors() -> Dataset {
        let actor = |id: &str, x: f64| Actor {
            id: id.into(),
            name: id.to_uppercase(),
            kind: ActorKind::Person,
            aliases: vec![],
            description: String::new(),
            position: Some(Point::new(x, 0.0)),
            pinned: false,
        };
        Dataset {
            actors: vec![actor("a", 0.0), actor("b", 10.0)],
            ..Dataset::default()
        }
    }

    #[test]
    fn move_then_inverse_restores_the_original() {
        let original = two_actors();
        let mut data = original.clone();
        let edit = Edit::MoveActors {
            moves: vec![("a".into(), Some(Point::new(5.0, 5.0))), ("b".into(), None)],
        };
        let inverse = edit.apply(&mut data).unwrap();
        assert_eq!(data.actors[0].position, Some(Point::new(5.0, 5.0)));
        assert_eq!(data.actors[1].position, None);
        inverse.apply(&mut data).unwrap();
        assert_eq!(data, original);
    }

    #[test]
    fn a_failing_batch_leaves_the_dataset_unchanged() {
        let original = two_actors();
        let mut data = original.clone();
        let edit = Edit::Batch {
            label: "x".into(),
            edits: vec![
                Edit::SetPinned {
                    pins: vec![("a".into(), true)],
                },
                Edit::SetPinned {
                    pins: vec![("missing".into(), true)],
                },
            ],
        };
        assert_eq!(
            edit.apply(&mut data),
            Err(EditError::UnknownActor("missing".into()))
        );
        assert_eq!(data, original);
    }

    #[test]
    fn non_finite_positions_are_refused() {
        let mut data = two_actors();
        let edit = Edit::MoveActors {
            moves: vec![("a".into(), Some(Point::new(f64::NAN, 0.0)))],
        };
        assert!(edit.apply(&mut data).is_err());
        assert_eq!(data, two_actors());
    }
}
