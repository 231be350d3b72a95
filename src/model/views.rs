//! Named views: what the map shows (filters, timeline, focus) and where it looks (camera),
//! saved under a name in the dataset file so that a reader opens the map as its author left
//! it. Plain serde data, read by `analysis` and the app; no egui.
//!
//! Every field is optional in the file and left out when it holds its default, so that a view
//! saves as little as it changes, and a file without views is written exactly as before.

use serde::{Deserialize, Serialize};

use super::{ActorKind, Certainty, Point, Polarity, TieKind};

/// A view saved under a name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NamedView {
    pub name: String,
    #[serde(flatten)]
    pub view: ViewState,
}

/// What the map shows and where it looks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ViewState {
    #[serde(default, skip_serializing_if = "FilterSpec::is_empty")]
    pub filters: FilterSpec,
    #[serde(default, skip_serializing_if = "TimeSpec::is_empty")]
    pub timeline: TimeSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<FocusSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub camera: Option<CameraSpec>,
}

impl ViewState {
    /// Whether the view hides nothing (its camera aside).
    pub fn shows_everything(&self) -> bool {
        self.filters.is_empty() && self.timeline.is_empty() && self.focus.is_none()
    }
}

/// What the filters hide. A tie rests on its excerpts: the evidence filters (certainty,
/// sources, "as known on") leave some of them out, and a tie that has excerpts but none left is
/// hidden.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterSpec {
    /// Actors of these kinds are hidden, with their ties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide_actor_kinds: Vec<ActorKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide_tie_kinds: Vec<TieKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide_polarities: Vec<Polarity>,
    /// Excerpts of these certainties do not count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide_certainties: Vec<Certainty>,
    /// Excerpts whose certainty is not set do not count.
    #[serde(default, skip_serializing_if = "is_false")]
    pub hide_unset_certainty: bool,
    /// Only excerpts from these sources count (empty: every source).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_sources: Vec<String>,
    /// Excerpts from these sources do not count: "without source X" hides the ties that rest
    /// on X alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub without_sources: Vec<String>,
    /// Only ties whose counted excerpts come from a single source.
    #[serde(default, skip_serializing_if = "is_false")]
    pub single_source: bool,
    /// Hide the actors that the filters leave without a tie (actors that never had one stay).
    #[serde(default, skip_serializing_if = "is_false")]
    pub hide_orphans: bool,
}

impl FilterSpec {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether some filter leaves excerpts out (and so may hide ties by their evidence).
    pub fn filters_evidence(&self) -> bool {
        !self.hide_certainties.is_empty()
            || self.hide_unset_certainty
            || !self.only_sources.is_empty()
            || !self.without_sources.is_empty()
    }
}

/// The timeline: the range of tie dates shown, and "as known on".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeSpec {
    /// The first day shown (`YYYY-MM-DD`, or coarser); ties that end before it are hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The last day shown; ties that start after it are hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Hide ties without a date while a range is set (by default they stay).
    #[serde(default, skip_serializing_if = "is_false")]
    pub hide_undated: bool,
    /// Only excerpts from sources published on or before this day count: the map as it was
    /// known then. Sources without a publication date always count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_on: Option<String>,
}

impl TimeSpec {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether a range of dates is set (either end).
    pub fn has_range(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

/// Which ties a focus follows from an actor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Ties from the actor (and undirected ones).
    Out,
    /// Ties to the actor (and undirected ones).
    In,
    #[default]
    Both,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Both, Direction::Out, Direction::In];

    pub fn label(self) -> &'static str {
        match self {
            Direction::Out => "outgoing",
            Direction::In => "incoming",
            Direction::Both => "both ways",
        }
    }
}

/// Only the actors within `depth` ties of `actor`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusSpec {
    pub actor: String,
    /// 1 to 3.
    pub depth: u8,
    #[serde(default, skip_serializing_if = "is_both")]
    pub direction: Direction,
}

/// Where the map looks: the canvas point at the middle of the map, and the zoom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CameraSpec {
    pub center: Point,
    pub zoom: f64,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_both(d: &Direction) -> bool {
    *d == Direction::Both
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_view_saves_only_its_name() {
        let view = NamedView {
            name: "all".into(),
            view: ViewState::default(),
        };
        let text = serde_json::to_string(&view).unwrap();
        assert_eq!(text, r#"{"name":"all"}"#);
        let back: NamedView = serde_json::from_str(&text).unwrap();
        assert_eq!(back, view);
    }

    #[test]
    fn a_view_round_trips_with_what_it_sets() {
        let view = NamedView {
            name: "hostile before the summit".into(),
            view: ViewState {
                filters: FilterSpec {
                    hide_polarities: vec![Polarity::Cooperative, Polarity::Neutral],
                    without_sources: vec!["nyt".into()],
                    hide_orphans: true,
                    ..FilterSpec::default()
                },
                timeline: TimeSpec {
                    to: Some("2018-06-11".into()),
                    known_on: Some("2018-06-03".into()),
                    ..TimeSpec::default()
                },
                focus: Some(FocusSpec {
                    actor: "kim".into(),
                    depth: 2,
                    direction: Direction::Out,
                }),
                camera: Some(CameraSpec {
                    center: Point::new(10.0, -4.5),
                    zoom: 0.75,
                }),
            },
        };
        let text = serde_json::to_string(&view).unwrap();
        assert!(text.contains(r#""hide_polarities":["cooperative","neutral"]"#));
        assert!(text.contains(r#""direction":"out""#));
        assert!(!text.contains("hide_tie_kinds"), "{text}");
        let back: NamedView = serde_json::from_str(&text).unwrap();
        assert_eq!(back, view);
    }
}
