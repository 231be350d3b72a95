//! The one validation function, used by open, by `relmap check` and after edits.

use foldhash::{HashMap, HashSet};
use std::fmt;

use super::invisible::id_problem;
use super::{Dataset, DateSpec, FORMAT_VERSION};

/// What a problem is about, so that messages can name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Dataset,
    Source(String),
    Actor(String),
    Tie(String),
    /// Excerpt number `index` (0-based) of a tie.
    Excerpt {
        tie: String,
        index: usize,
    },
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Dataset => write!(f, "dataset"),
            Subject::Source(id) => write!(f, "source '{id}'"),
            Subject::Actor(id) => write!(f, "actor '{id}'"),
            Subject::Tie(id) => write!(f, "tie '{id}'"),
            Subject::Excerpt { tie, index } => write!(f, "tie '{tie}': excerpt {}", index + 1),
        }
    }
}

/// One thing wrong with a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub subject: Subject,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.subject, self.message)
    }
}

/// Checks every rule of the format and returns every problem found, in document order.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |subject: Subject, message: String| problems.push(Problem { subject, message });

    if data.relmap != FORMAT_VERSION {
        push(
            Subject::Dataset,
            format!(
                "unsupported relmap version {} (this build reads version {FORMAT_VERSION})",
                data.relmap
            ),
        );
    }

    let mut sources: HashMap<&str, &str> = HashMap::default();
    for (i, s) in data.sources.iter().enumerate() {
        if s.id.trim().is_empty() {
            push(
                Subject::Dataset,
                format!("source {} has an empty id", i + 1),
            );
        } else if sources.insert(&s.id, &s.text).is_some() {
            push(Subject::Source(s.id.clone()), "duplicate source id".into());
        }
        source_problems(s, &mut push);
    }

    let mut actors: HashSet<&str> = HashSet::default();
    for (i, a) in data.actors.iter().enumerate() {
        if a.id.trim().is_empty() {
            push(Subject::Dataset, format!("actor {} has an empty id", i + 1));
        } else if !actors.insert(&a.id) {
            push(Subject::Actor(a.id.clone()), "duplicate actor id".into());
        }
        actor_problems(a, &mut push);
    }

    let mut ties: HashSet<&str> = HashSet::default();
    for (i, t) in data.ties.iter().enumerate() {
        if t.id.trim().is_empty() {
            push(Subject::Dataset, format!("tie {} has an empty id", i + 1));
        } else if !ties.insert(&t.id) {
            push(Subject::Tie(t.id.clone()), "duplicate tie id".into());
        }
        tie_problems(
            t,
            |id| actors.contains(id),
            |id| sources.get(id).copied(),
            &mut push,
        );
    }
    problems
}

/// Checks only the named items (those still in the dataset), for a change that touched only
/// them: the same rules as [`validate`] applied to those items, without scanning the rest.
/// Many items are looked up through an index of the dataset's ids, built once.
pub fn validate_items(
    data: &Dataset,
    actors: &[&str],
    ties: &[&str],
    sources: &[&str],
) -> Vec<Problem> {
    let index = (actors.len() + ties.len() + sources.len() > 1)
        .then(|| IdIndex::new(data, actors, ties, None, sources));
    check_items(data, actors, ties, sources, index.as_ref())
}

/// Like [`validate_items`], with the ties given by place, for an edit that knows where they
/// are: no pass over the ties' ids. The ids are not counted, since edits refuse an id that is
/// taken before they apply and so never make one come twice.
pub fn validate_items_at(
    data: &Dataset,
    actors: &[&str],
    tie_places: &[usize],
    sources: &[&str],
) -> Vec<Problem> {
    let places: Vec<usize> = tie_places
        .iter()
        .copied()
        .filter(|&i| i < data.ties.len())
        .collect();
    let ties: Vec<&str> = places.iter().map(|&i| data.ties[i].id.as_str()).collect();
    let index = IdIndex::new(data, actors, &ties, Some(&places), sources);
    check_items(data, actors, &ties, sources, Some(&index))
}

fn check_items(
    data: &Dataset,
    actors: &[&str],
    ties: &[&str],
    sources: &[&str],
    index: Option<&IdIndex>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |subject: Subject, message: String| problems.push(Problem { subject, message });
    let actor_known = |id: &str| match index {
        Some(ix) => ix.actors.contains_key(id),
        None => data.actor(id).is_some(),
    };
    let source_text = |id: &str| match index {
        Some(ix) => ix
            .sources
            .get(id)
            .map(|&(i, _)| data.sources[i].text.as_str()),
        None => data.source(id).map(|s| s.text.as_str()),
    };
    for &id in sources {
        let found = match index {
            Some(ix) => ix.sources.get(id).copied(),
            None => first_and_count(data.sources.iter().map(|s| s.id.as_str()), id),
        };
        let Some((i, count)) = found else { continue };
        let s = &data.sources[i];
        if s.id.trim().is_empty() {
            push(
                Subject::Dataset,
                format!("source {} has an empty id", i + 1),
            );
        } else if count > 1 {
            push(Subject::Source(s.id.clone()), "duplicate source id".into());
        }
        source_problems(s, &mut push);
    }
    for &id in actors {
        let found = match index {
            Some(ix) => ix.actors.get(id).copied(),
            None => first_and_count(data.actors.iter().map(|a| a.id.as_str()), id),
        };
        let Some((i, count)) = found else { continue };
        let a = &data.actors[i];
        if a.id.trim().is_empty() {
            push(Subject::Dataset, format!("actor {} has an empty id", i + 1));
        } else if count > 1 {
            push(Subject::Actor(a.id.clone()), "duplicate actor id".into());
        }
        actor_problems(a, &mut push);
    }
    for &id in ties {
        let found = match index {
            Some(ix) => ix.ties.get(id).copied(),
            None => first_and_count(data.ties.iter().map(|t| t.id.as_str()), id),
        };
        let Some((i, count)) = found else { continue };
        let t = &data.ties[i];
        if t.id.trim().is_empty() {
            push(Subject::Dataset, format!("tie {} has an empty id", i + 1));
        } else if count > 1 {
            push(Subject::Tie(t.id.clone()), "duplicate tie id".into());
        }
        tie_problems(t, actor_known, source_text, &mut push);
    }
    problems
}

/// The first place of `id` among `ids` and how many times it occurs.
fn first_and_count<'a>(ids: impl Iterator<Item = &'a str>, id: &str) -> Option<(usize, usize)> {
    let mut found: Option<(usize, usize)> = None;
    for (i, other) in ids.enumerate() {
        if other == id {
            found = Some(found.map_or((i, 1), |(first, n)| (first, n + 1)));
        }
    }
    found
}

/// The first place and number of occurrences of the ids that checking some items looks up: the
/// items themselves, and the actors and sources their ties name. One pass over each list.
struct IdIndex<'a> {
    actors: HashMap<&'a str, (usize, usize)>,
    ties: HashMap<&'a str, (usize, usize)>,
    sources: HashMap<&'a str, (usize, usize)>,
}

impl<'a> IdIndex<'a> {
    /// `tie_places`, when known, are the places of `ties`, each id counted once.
    fn new(
        data: &'a Dataset,
        actors: &[&'a str],
        ties: &[&'a str],
        tie_places: Option<&[usize]>,
        sources: &[&'a str],
    ) -> Self {
        fn index<'a>(
            wanted: HashSet<&str>,
            ids: impl Iterator<Item = &'a str>,
        ) -> HashMap<&'a str, (usize, usize)> {
            let mut map: HashMap<&str, (usize, usize)> = HashMap::default();
            for (i, id) in ids.enumerate() {
                if wanted.contains(id) {
                    map.entry(id).and_modify(|e| e.1 += 1).or_insert((i, 1));
                }
            }
            map
        }
        let ties = match tie_places {
            Some(places) => ties
                .iter()
                .copied()
                .zip(places.iter().map(|&i| (i, 1)))
                .collect(),
            None => index(
                ties.iter().copied().collect(),
                data.ties.iter().map(|t| t.id.as_str()),
            ),
        };
        let touched_ties = || ties.values().map(|&(i, _)| &data.ties[i]);
        let mut actor_ids: HashSet<&str> = actors.iter().copied().collect();
        actor_ids.extend(touched_ties().flat_map(|t| [t.from.as_str(), t.to.as_str()]));
        let mut source_ids: HashSet<&str> = sources.iter().copied().collect();
        source_ids
            .extend(touched_ties().flat_map(|t| t.excerpts.iter().map(|x| x.source.as_str())));
        Self {
            actors: index(actor_ids, data.actors.iter().map(|a| a.id.as_str())),
            sources: index(source_ids, data.sources.iter().map(|s| s.id.as_str())),
            ties,
        }
    }
}

fn source_problems(s: &super::Source, push: &mut impl FnMut(Subject, String)) {
    if let Some(message) = id_problem(&s.id) {
        push(Subject::Source(s.id.clone()), message);
    }
    if let Some(date) = &s.published {
        if let Err(e) = DateSpec::parse(date) {
            push(Subject::Source(s.id.clone()), format!("published: {e}"));
        }
    }
}

fn actor_problems(a: &super::Actor, push: &mut impl FnMut(Subject, String)) {
    if let Some(message) = id_problem(&a.id) {
        push(Subject::Actor(a.id.clone()), message);
    }
    if a.name.trim().is_empty() {
        push(Subject::Actor(a.id.clone()), "name is empty".into());
    }
    if let Some(p) = a.position {
        if !p.is_finite() {
            push(
                Subject::Actor(a.id.clone()),
                format!("position [{}, {}] is not a finite number", p.x, p.y),
            );
        }
    }
}

fn tie_problems<'a>(
    t: &super::Tie,
    actor_known: impl Fn(&str) -> bool,
    source_text: impl Fn(&str) -> Option<&'a str>,
    push: &mut impl FnMut(Subject, String),
) {
    let subject = || Subject::Tie(t.id.clone());
    if let Some(message) = id_problem(&t.id) {
        push(subject(), message);
    }
    for (end, id) in [("from", &t.from), ("to", &t.to)] {
        if !actor_known(id) {
            push(subject(), format!("'{end}' names unknown actor '{id}'"));
        }
    }
    if let Some(date) = &t.date {
        if let Err(e) = DateSpec::parse(date) {
            push(subject(), format!("date: {e}"));
        }
    }
    for (index, x) in t.excerpts.iter().enumerate() {
        let subject = Subject::Excerpt {
            tie: t.id.clone(),
            index,
        };
        match source_text(&x.source) {
            None => push(subject, format!("source '{}' is unknown", x.source)),
            Some(text) => {
                if let Some(message) = offset_problem(text, x.start, x.end, &x.quote) {
                    push(subject, message);
                }
            }
        }
    }
}

fn offset_problem(text: &str, start: usize, end: usize, quote: &str) -> Option<String> {
    if quote.is_empty() {
        return Some("quote is empty".into());
    }
    if start >= end {
        return Some(format!("start {start} is not before end {end}"));
    }
    if end > text.len() {
        return Some(format!(
            "end {end} is past the end of the source text ({} bytes)",
            text.len()
        ));
    }
    match text.get(start..end) {
        None => Some(format!(
            "offsets {start}..{end} split a UTF-8 character of the source text"
        )),
        Some(found) if found != quote => {
            let hint = match text.find(quote) {
                Some(at) => format!("; the quote is found at {}..{}", at, at + quote.len()),
                None => "; the quote does not occur in the source".into(),
            };
            Some(format!(
                "quote does not match the source text at {start}..{end}{hint}"
            ))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
