//! The dataset: actors, ties, excerpts and sources, as plain serde data.
//! Owns the native schema and its validation; knows nothing of egui, files or the UI.

pub mod cues;
mod date;
mod excerpt_ref;
mod geometry;
mod ids;
mod index;
mod index_places;
pub mod invisible;
pub mod mentions;
mod tie_kind;
mod validate;
pub mod views;

pub use date::{DateError, DateSpec, PartialDate};
pub use excerpt_ref::ExcerptRef;
pub use geometry::Point;
pub use ids::{ActorId, SourceId, TieId};
pub(crate) use index::IdHashes;
pub use index::IdIndex;
pub use invisible::warnings;
pub use tie_kind::TieKind;
pub use validate::{validate, validate_items, validate_items_at, Problem, Subject};
pub use views::{CameraSpec, Direction, FilterSpec, FocusSpec, NamedView, TimeSpec, ViewState};

use serde::{Deserialize, Serialize};

/// The only dataset format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// A whole relmap document.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub relmap: u64,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub ties: Vec<Tie>,
    /// Pairs of actor ids that the user said are two actors, not one: the search for possible
    /// duplicates leaves them out. Pairs naming an actor no longer on the map are ignored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_duplicates: Vec<[String; 2]>,
    /// Views saved under a name: filters, timeline, focus and camera (see [`NamedView`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<NamedView>,
    /// Where each id is in the lists (see [`IdIndex`]): not data, so not saved, not compared
    /// and not shown by `Debug`.
    #[serde(skip)]
    pub index: IdIndex,
}

impl std::fmt::Debug for Dataset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dataset")
            .field("relmap", &self.relmap)
            .field("title", &self.title)
            .field("description", &self.description)
            .field("sources", &self.sources)
            .field("actors", &self.actors)
            .field("ties", &self.ties)
            .field("not_duplicates", &self.not_duplicates)
            .field("views", &self.views)
            .finish_non_exhaustive()
    }
}

impl Default for Dataset {
    fn default() -> Self {
        Self {
            relmap: FORMAT_VERSION,
            title: String::new(),
            description: String::new(),
            sources: Vec::new(),
            actors: Vec::new(),
            ties: Vec::new(),
            not_duplicates: Vec::new(),
            views: Vec::new(),
            index: IdIndex::default(),
        }
    }
}

/// A news article (or other document) that excerpts quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub outlet: String,
    /// ISO 8601 date of publication.
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    /// The full text that excerpt offsets point into.
    #[serde(default)]
    pub text: String,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    State,
    Organization,
    Place,
    #[default]
    Other,
}

impl ActorKind {
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Person,
        ActorKind::State,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organization => "organisation",
            ActorKind::Place => "place",
            ActorKind::Other => "other",
        }
    }
}

/// Whether an actor or a tie is on the map, or only proposed by ingesting an article and
/// waiting for review. Accepted items are written without the field, so files without
/// candidates are written exactly as before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Accepted,
    Candidate,
}

impl Status {
    pub fn is_accepted(&self) -> bool {
        *self == Status::Accepted
    }
}

/// A person, state, organisation or place. The default, an empty actor, only holds a place
/// while lists are rearranged.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// Other names; empty ones are left out when a file is read.
    #[serde(default, deserialize_with = "non_empty_strings")]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub description: String,
    /// Where the actor sits on the map; `None` until placed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Point>,
    #[serde(default)]
    pub pinned: bool,
    /// A candidate waits for review (see [`Status`]); absent in the file when accepted.
    #[serde(default, skip_serializing_if = "Status::is_accepted")]
    pub status: Status,
    /// How sure ingesting was of a candidate, from 0 to 1; absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Cooperative,
    Hostile,
    #[default]
    Neutral,
}

impl Polarity {
    pub const ALL: [Polarity; 3] = [Polarity::Cooperative, Polarity::Hostile, Polarity::Neutral];

    pub fn label(self) -> &'static str {
        match self {
            Polarity::Cooperative => "cooperative",
            Polarity::Hostile => "hostile",
            Polarity::Neutral => "neutral",
        }
    }
}

/// How sure the source is that what an excerpt says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    Stated,
    Reported,
    Alleged,
    Planned,
    Speculative,
    Denied,
}

impl Certainty {
    pub const ALL: [Certainty; 6] = [
        Certainty::Stated,
        Certainty::Reported,
        Certainty::Alleged,
        Certainty::Planned,
        Certainty::Speculative,
        Certainty::Denied,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Certainty::Stated => "stated",
            Certainty::Reported => "reported",
            Certainty::Alleged => "alleged",
            Certainty::Planned => "planned",
            Certainty::Speculative => "speculative",
            Certainty::Denied => "denied",
        }
    }

    /// The phrase used before an attribution: "reported by KCNA".
    pub fn by_phrase(self) -> &'static str {
        match self {
            Certainty::Stated => "stated by",
            Certainty::Reported => "reported by",
            Certainty::Alleged => "alleged by",
            Certainty::Planned => "planned, according to",
            Certainty::Speculative => "speculated by",
            Certainty::Denied => "denied by",
        }
    }
}

/// A tie between two actors, with the evidence for it. The default, an empty tie, only
/// holds a place while lists are rearranged.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tie {
    pub id: String,
    pub from: String,
    pub to: String,
    pub kind: TieKind,
    #[serde(default)]
    pub directed: bool,
    pub polarity: Polarity,
    /// ISO 8601 date or `start/end` range, see [`DateSpec`].
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub label: String,
    #[serde(default, deserialize_with = "exact_vec")]
    pub excerpts: Vec<Excerpt>,
    /// A candidate waits for review (see [`Status`]); absent in the file when accepted.
    #[serde(default, skip_serializing_if = "Status::is_accepted")]
    pub status: Status,
    /// How sure ingesting was of a candidate, from 0 to 1; absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

/// Reads a list without spare room: a list read one element at a time keeps room for four,
/// and most ties have one or two excerpts (a quarter of the memory of a large map).
fn exact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut list = Vec::<T>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}

/// Reads a list of strings without spare room, leaving out empty ones without allocating
/// anything for them: a file of empty aliases (`"",` is three bytes) would otherwise cost 24
/// bytes of memory for every 3 bytes of file.
fn non_empty_strings<'de, D>(deserializer: D) -> Result<Vec<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct List;
    impl<'de> serde::de::Visitor<'de> for List {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of strings")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut list = Vec::new();
            while let Some(NonEmpty(item)) = seq.next_element()? {
                list.extend(item);
            }
            list.shrink_to_fit();
            Ok(list)
        }
    }
    deserializer.deserialize_seq(List)
}

/// A string, or nothing when it is empty.
struct NonEmpty(Option<String>);

impl<'de> Deserialize<'de> for NonEmpty {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = NonEmpty;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NonEmpty, E> {
                Ok(NonEmpty((!v.is_empty()).then(|| v.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<NonEmpty, E> {
                Ok(NonEmpty((!v.is_empty()).then_some(v)))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// A verbatim quote from a source: `source.text[start..end] == quote` (UTF-8 byte offsets).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Excerpt {
    pub source: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub certainty: Option<Certainty>,
    /// Who makes the claim: an actor id, or free text when the claimant is not on the map.
    #[serde(default)]
    pub attributed_to: Option<String>,
}

impl Dataset {
    /// The ties that touch `actor_id`, in document order.
    pub fn ties_of<'a>(&'a self, actor_id: &'a str) -> impl Iterator<Item = &'a Tie> + 'a {
        self.ties
            .iter()
            .filter(move |t| t.from == actor_id || t.to == actor_id)
    }

    pub fn excerpt_count(&self) -> usize {
        self.ties.iter().map(|t| t.excerpts.len()).sum()
    }

    /// "12 actors, 30 ties, 1 source, 41 excerpts".
    pub fn summary(&self) -> String {
        fn n(count: usize, one: &str, many: &str) -> String {
            format!("{count} {}", if count == 1 { one } else { many })
        }
        format!(
            "{}, {}, {}, {}",
            n(self.actors.len(), "actor", "actors"),
            n(self.ties.len(), "tie", "ties"),
            n(self.sources.len(), "source", "sources"),
            n(self.excerpt_count(), "excerpt", "excerpts")
        )
    }
}
