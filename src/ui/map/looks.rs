//! What the map keeps of each actor and tie to draw it: kind, pin, polarity, line style,
//! width, lane, and how the selection and hover emphasise it. Plain values, one per actor and
//! one per tie, held by the map's cache (`cache.rs`) in the dataset's order.

use super::shapes::Emphasis;
use crate::model::{ActorKind, Polarity, Tie};
use crate::ui::theme::{self, LineStyle};

/// How the map draws an actor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActorLook {
    pub kind: ActorKind,
    pub pinned: bool,
    /// Part of the selection.
    pub selected: bool,
    pub emphasis: Emphasis,
    /// Size against the usual, from the measure actors are sized by (1 when none).
    pub scale: f32,
    /// The community whose colour the actor takes, when coloured by community.
    pub community: Option<u16>,
    /// A candidate waiting for review: drawn in the preview style.
    pub candidate: bool,
}

impl ActorLook {
    pub fn of(actor: &crate::model::Actor) -> Self {
        Self {
            kind: actor.kind,
            pinned: actor.pinned,
            selected: false,
            emphasis: Emphasis::Normal,
            scale: 1.0,
            community: None,
            candidate: !actor.status.is_accepted(),
        }
    }

    /// Selected, or in the selection's neighbourhood.
    pub fn is_highlighted(&self) -> bool {
        self.selected || self.emphasis == Emphasis::Focus
    }
}

/// How the map draws a tie.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TieLook {
    pub polarity: Polarity,
    pub style: LineStyle,
    pub width: f32,
    pub directed: bool,
    /// Signed lane among the ties of the same pair; 0 is the straight middle line.
    pub lane: f32,
    /// The selected tie.
    pub selected: bool,
    pub emphasis: Emphasis,
    /// A candidate waiting for review: drawn in the preview style.
    pub candidate: bool,
}

impl TieLook {
    pub fn of(tie: &Tie, lane: f32) -> Self {
        Self {
            polarity: tie.polarity,
            style: LineStyle::of_tie(tie),
            width: theme::tie_width(tie.excerpts.len()),
            directed: tie.directed,
            lane,
            selected: false,
            emphasis: Emphasis::Normal,
            candidate: !tie.status.is_accepted(),
        }
    }

    /// Selected, or in the selection's neighbourhood.
    pub fn is_highlighted(&self) -> bool {
        self.selected || self.emphasis == Emphasis::Focus
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Status};

    #[test]
    fn candidates_take_the_preview_look_until_accepted() {
        let mut actor = Actor {
            status: Status::Candidate,
            ..Actor::default()
        };
        let mut tie = Tie {
            status: Status::Candidate,
            ..Tie::default()
        };
        assert!(ActorLook::of(&actor).candidate);
        assert!(TieLook::of(&tie, 0.0).candidate);
        actor.status = Status::Accepted;
        tie.status = Status::Accepted;
        assert!(!ActorLook::of(&actor).candidate);
        assert!(!TieLook::of(&tie, 0.0).candidate);
    }
}
