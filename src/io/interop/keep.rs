//! What readers of other formats share once a file is parsed: the notes on what they did not
//! keep, ids from other tools, the evidence kept when a file carries quotes without their
//! articles, the final check, and what a map loses in a format that cannot hold all of it.

use std::collections::BTreeMap;

use foldhash::HashMap;
use std::path::Path;

use super::Articles;
use crate::io::json::Loaded;
use crate::io::LoadError;
use crate::model::{validate, Dataset, Source};

/// What a reader did not keep, or kept otherwise than it was, counted by kind: one warning
/// line each ("node attribute 'modularity_class' is not kept: relmap has no field for it (77
/// nodes)").
#[derive(Debug, Default)]
pub struct Notes {
    counts: BTreeMap<String, (usize, &'static str)>,
    order: Vec<String>,
}

impl Notes {
    /// Counts one more `what` (a singular noun) for `note`.
    pub fn add(&mut self, note: impl Into<String>, what: &'static str) {
        let note = note.into();
        match self.counts.get_mut(&note) {
            Some((n, _)) => *n += 1,
            None => {
                self.order.push(note.clone());
                self.counts.insert(note, (1, what));
            }
        }
    }

    /// One line per note, in the order first seen.
    pub fn lines(&self) -> Vec<String> {
        self.order
            .iter()
            .map(|note| {
                let (n, what) = self.counts[note];
                if what.is_empty() {
                    note.clone()
                } else {
                    format!(
                        "{note} ({n} {})",
                        if n == 1 { what.into() } else { plural(what) }
                    )
                }
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// The plural of an English noun as the notes use them: `entity` → `entities`, `property` →
/// `properties`, `match` → `matches`, `edge` → `edges`.
fn plural(noun: &str) -> String {
    let vowel_before_y = |stem: &str| stem.ends_with(['a', 'e', 'i', 'o', 'u']);
    match noun.strip_suffix('y') {
        Some(stem) if !stem.is_empty() && !vowel_before_y(stem) => format!("{stem}ies"),
        _ if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") => {
            format!("{noun}es")
        }
        _ => format!("{noun}s"),
    }
}

/// Ids from another tool made into relmap ids: kept as they are when they can be (so that a
/// file relmap wrote comes back with its own ids), otherwise cleaned of invisible characters
/// and made unique.
#[derive(Default)]
pub struct Ids {
    taken: foldhash::HashSet<String>,
    /// Foreign id → relmap id, for ends of ties (`None`: the same as the foreign id).
    map: foldhash::HashMap<String, Option<String>>,
}

impl Ids {
    /// Takes `foreign` as a new id; `None` if it was taken already (a duplicate).
    pub fn add(&mut self, foreign: &str, notes: &mut Notes) -> Option<String> {
        if self.map.contains_key(foreign) {
            return None;
        }
        let cleaned = cleaned_id(foreign);
        if cleaned != foreign {
            notes.add(
                "ids with invisible characters or spaces around them were cleaned",
                "id",
            );
        }
        let base = if cleaned.is_empty() { "item" } else { &cleaned };
        let id = if self.taken.contains(base) {
            self.unique(base.to_owned())
        } else {
            self.taken.insert(base.to_owned());
            base.to_owned()
        };
        let relmap_id = (id != foreign).then(|| id.clone());
        self.map.insert(foreign.to_owned(), relmap_id);
        Some(id)
    }

    /// `base`, or `base-2`, `base-3`… whichever is free; taken from then on.
    pub fn unique(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 1;
        while self.taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.taken.insert(id.clone());
        id
    }

    /// Makes `foreign` another name of the relmap id `id` (an entity id with its prefix).
    pub fn alias(&mut self, foreign: &str, id: &str) {
        self.map
            .entry(foreign.to_owned())
            .or_insert_with(|| (id != foreign).then(|| id.to_owned()));
    }

    /// The relmap id of a foreign id that was added.
    pub fn get(&self, foreign: &str) -> Option<&str> {
        let (key, id) = self.map.get_key_value(foreign)?;
        Some(id.as_deref().unwrap_or(key))
    }
}

/// A foreign id without invisible characters and spaces around it (copied only when it had
/// some).
fn cleaned_id(foreign: &str) -> std::borrow::Cow<'_, str> {
    let invisible = foreign.chars().any(crate::model::invisible::is_invisible);
    if !invisible && foreign.trim() == foreign {
        return std::borrow::Cow::Borrowed(foreign);
    }
    let kept: String = foreign
        .chars()
        .filter(|c| !crate::model::invisible::is_invisible(*c))
        .collect();
    std::borrow::Cow::Owned(kept.trim().to_owned())
}

/// Checks a dataset read from another format, after keeping the evidence it carries (see
/// [`keep_evidence`]), and returns it with every note as a warning.
pub fn finish(
    path: &Path,
    mut data: Dataset,
    mut notes: Notes,
    articles: Articles,
) -> Result<Loaded, LoadError> {
    data.forget_index();
    keep_evidence(&mut data, &mut notes, articles);
    let problems = validate(&data);
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            problems,
        });
    }
    let mut warnings = notes.lines();
    warnings.extend(
        crate::model::warnings(&data)
            .iter()
            .map(ToString::to_string),
    );
    Ok(Loaded { data, warnings })
}

/// The id of the source that holds quotes whose article a file did not carry.
pub const LOOSE_QUOTES: &str = "imported-quotes";

/// A source whose text is made of quotes, one after the other, each once.
struct QuotesSource {
    source: Source,
    placed: HashMap<String, (usize, usize)>,
}

impl QuotesSource {
    fn new(source: Source) -> Self {
        Self {
            source,
            placed: HashMap::default(),
        }
    }

    /// Where `quote` is in the text, put at its end if it is not there yet.
    fn place(&mut self, quote: &str) -> (usize, usize) {
        if let Some(&at) = self.placed.get(quote) {
            return at;
        }
        let text = &mut self.source.text;
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let at = (text.len(), text.len() + quote.len());
        text.push_str(quote);
        self.placed.insert(quote.to_owned(), at);
        at
    }
}

/// Keeps every excerpt a file carries, even where its article is not in the file or its
/// offsets do not point at the quote: a quote found in its article gets the offsets of where
/// it is. An article that is not in the file but was written beside its quotes (`articles`)
/// is made again, with its quotes as its text; any other quote goes into one source of quotes
/// without their article ([`LOOSE_QUOTES`]). Notes say how many of each.
pub fn keep_evidence(data: &mut Dataset, notes: &mut Notes, mut articles: Articles) {
    let texts: HashMap<String, usize> = data
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let loose_id = {
        let mut id = LOOSE_QUOTES.to_owned();
        let mut n = 1;
        while texts.contains_key(&id) {
            n += 1;
            id = format!("{LOOSE_QUOTES}-{n}");
        }
        id
    };
    let mut rebuilt: Vec<QuotesSource> = Vec::new();
    let mut rebuilt_at: HashMap<String, usize> = HashMap::default();
    let mut loose = QuotesSource::new(Source {
        id: loose_id.clone(),
        title: "Quotes imported without their article".into(),
        outlet: String::new(),
        published: None,
        url: None,
        author: None,
        text: String::new(),
    });
    for tie in &mut data.ties {
        for x in &mut tie.excerpts {
            let source = texts.get(&x.source).map(|&i| data.sources[i].text.as_str());
            if let Some(text) = source {
                if text.get(x.start..x.end) == Some(x.quote.as_str()) {
                    continue;
                }
                if let Some(at) = text.find(&x.quote).filter(|_| !x.quote.is_empty()) {
                    x.start = at;
                    x.end = at + x.quote.len();
                    notes.add(
                        "excerpts whose offsets did not point at their quote were placed where \
                         the quote is in the article",
                        "excerpt",
                    );
                    continue;
                }
            }
            let known = rebuilt_at.get(&x.source).copied();
            let at = match known.or_else(|| {
                let article = articles.take(&x.source).filter(|_| source.is_none())?;
                rebuilt.push(QuotesSource::new(article));
                rebuilt_at.insert(x.source.clone(), rebuilt.len() - 1);
                Some(rebuilt.len() - 1)
            }) {
                Some(i) => rebuilt[i].place(&x.quote),
                None => {
                    x.source = loose_id.clone();
                    notes.add(
                        format!(
                            "quotes whose article is not in the file are kept in the source \
                             '{loose_id}', without their article"
                        ),
                        "quote",
                    );
                    loose.place(&x.quote)
                }
            };
            (x.start, x.end) = at;
        }
    }
    for article in rebuilt {
        notes.add(
            "articles not in the file were made again from what their quotes carry (title, \
             outlet, date, address); each holds only its quotes as its text",
            "article",
        );
        data.sources.push(article.source);
    }
    if !loose.source.text.is_empty() {
        data.sources.push(loose.source);
    }
}

/// What a map holds that a format does not keep, one line each (empty when it keeps all).
pub fn losses(data: &Dataset, format: &crate::io::formats::Format) -> Vec<String> {
    let mut lost = Vec::new();
    let has_title = !data.title.is_empty() || !data.description.is_empty();
    match format.key {
        "csv" => {
            if has_title {
                lost.push("the map's title and description".to_owned());
            }
            if !data.not_duplicates.is_empty() {
                lost.push(format!(
                    "{} pairs of actors marked as not duplicates",
                    data.not_duplicates.len()
                ));
            }
        }
        // Counted tie by tie from the writer's own choices.
        "ftm" => lost = crate::io::ftm::losses(data),
        _ => {}
    }
    lost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_count_in_the_plural_of_their_noun() {
        let mut notes = Notes::default();
        for _ in 0..81 {
            notes.add("Sanction entities are not kept", "entity");
        }
        notes.add("the property 'x' is not kept", "property");
        notes.add("the property 'y' is not kept", "property");
        notes.add("the property 'y' is not kept", "property");
        notes.add("weights are not kept", "edge");
        notes.add("weights are not kept", "edge");
        notes.add("a box", "box");
        notes.add("a box", "box");
        notes.add("a key", "key");
        notes.add("a key", "key");
        assert_eq!(
            notes.lines(),
            [
                "Sanction entities are not kept (81 entities)",
                "the property 'x' is not kept (1 property)",
                "the property 'y' is not kept (2 properties)",
                "weights are not kept (2 edges)",
                "a box (2 boxes)",
                "a key (2 keys)",
            ]
        );
    }
}
