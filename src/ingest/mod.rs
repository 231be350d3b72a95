//! Ingesting articles: from raw news text to candidate actors and ties, each tie with the exact
//! sentences that show it. Offline and deterministic: the same text gives the same candidates.
//! No egui here; the app and the command line call [`ingest`] and [`candidates::add`].
//!
//! The steps, one module each:
//! - [`input`] reads plain text, Markdown or HTML ([`html`]) from a file, a folder or a paste,
//!   and [`dateline`] finds the dateline and the date;
//! - [`sentences`] splits the text with Punkt, keeping byte offsets;
//! - [`names`] finds the names in each sentence ([`tokens`], [`words`]), with countries,
//!   demonyms, capitals and abbreviations from [`countries`];
//! - [`actors`] groups mentions into actor candidates and guesses their kinds, [`coref`]
//!   resolves "Mr. Kim", "the Syrian leader", "the North", "the agency" and "he", and
//!   [`matching`] finds candidates already on the map;
//! - [`roles`] reads appositions ("X, a senior fellow at Y") and [`ties`] proposes ties from
//!   sentences and quote attributions, with [`certainty`] of each excerpt;
//! - [`candidates`] adds the result to a dataset as candidates, and [`score`] measures it
//!   against a hand-built map.

pub mod actors;
pub mod candidates;
mod capitals;
pub mod certainty;
mod classify;
pub mod coref;
pub mod countries;
pub mod dateline;
pub mod html;
pub mod input;
pub mod matching;
pub mod names;
pub mod roles;
pub mod score;
pub mod sentences;
pub mod ties;
pub mod tokens;
pub mod words;

pub use input::{Article, InputError, Meta};

use crate::model::{ActorKind, Certainty, Dataset, Polarity, TieKind};

/// An actor the article names.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorCandidate {
    pub name: String,
    pub kind: ActorKind,
    /// Other names the article uses for it ("Mr. Kim", "the young North Korean leader").
    pub aliases: Vec<String>,
    /// How sure the guess is, from 0 to 1.
    pub confidence: f32,
    /// Some of its mentions could name another actor too ("Kim" with two Kims in the text).
    pub ambiguous: bool,
    /// The actor already on the map that it is (by index), if any.
    pub existing: Option<usize>,
    /// Where it is named: (start, end) byte offsets into the text.
    pub mentions: Vec<(usize, usize)>,
}

/// A sentence that shows a tie.
#[derive(Clone, Debug, PartialEq)]
pub struct ExcerptCandidate {
    pub start: usize,
    pub end: usize,
    pub certainty: Certainty,
    /// Who makes the claim: an actor candidate (by index), or free text.
    pub attributed_to: Option<Attribution>,
}

/// Who makes a claim.
#[derive(Clone, Debug, PartialEq)]
pub enum Attribution {
    Actor(usize),
    Text(String),
}

/// A tie the article shows between two actor candidates (by index).
#[derive(Clone, Debug, PartialEq)]
pub struct TieCandidate {
    pub from: usize,
    pub to: usize,
    pub kind: TieKind,
    pub polarity: Polarity,
    pub directed: bool,
    pub confidence: f32,
    /// One of its ends was resolved from an ambiguous reference.
    pub ambiguous: bool,
    pub excerpts: Vec<ExcerptCandidate>,
}

/// What one article gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ingested {
    pub text: String,
    pub meta: Meta,
    /// The place named by the dateline ("TOKYO —"), if any.
    pub dateline: Option<String>,
    pub actors: Vec<ActorCandidate>,
    pub ties: Vec<TieCandidate>,
}

impl Ingested {
    pub fn excerpt_count(&self) -> usize {
        self.ties.iter().map(|t| t.excerpts.len()).sum()
    }

    /// How many candidates are actors already on the map.
    pub fn matched_count(&self) -> usize {
        self.actors.iter().filter(|a| a.existing.is_some()).count()
    }
}

/// Reads an article and proposes its actors and ties, matching them to the actors of `existing`
/// (by name and alias, as "Find possible duplicates" compares them).
pub fn ingest(article: &Article, existing: &Dataset) -> Ingested {
    let text = article.text.as_str();
    let found = dateline::find(text);
    let mut meta = article.meta.clone();
    if meta.published.is_none() {
        meta.published = found.date.clone();
    }
    if meta.title.is_empty() {
        meta.title = first_line(text);
    }
    let sentences = sentences::split(text);
    let scanned = actors::mentions(text, &sentences, found.span);
    let mut built = actors::build(text, &scanned);
    let links = roles::find(text, &sentences, &scanned, &built);
    let refs = coref::resolve(text, &sentences, &scanned, &mut built, &links);
    let ties = ties::find(text, &sentences, &scanned, &refs, &links, &built);
    let (mut actors, index) = actors::finish(built);
    let ties = ties::reindex(ties, &index);
    matching::match_existing(&mut actors, existing);
    Ingested {
        text: article.text.clone(),
        meta,
        dateline: found.place,
        actors,
        ties,
    }
}

/// The first line of a text, as a title when the article gives none.
fn first_line(text: &str) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let line = line.trim();
    if line.chars().count() > 120 {
        let cut: String = line.chars().take(117).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_owned()
    }
}
