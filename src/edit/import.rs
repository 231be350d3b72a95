//! Importing a map into the open one: actors matched to existing ones by name and alias (case,
//! accents, punctuation and titles ignored), the rest added with their ties, excerpts and
//! sources, all as one undoable [`Edit`]; and the [`ImportSummary`] that tells the user what was
//! mapped, matched and dropped. No egui here.

use std::collections::{HashMap, HashSet};

use super::{normalize_name, Edit};
use crate::model::{Dataset, Tie};

/// What an import did, for the summary dialog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// The file's name, as shown.
    pub file: String,
    /// The open map was replaced (else the file was merged into it).
    pub replaced: bool,
    pub actors_added: usize,
    pub ties_added: usize,
    pub sources_added: usize,
    pub excerpts_added: usize,
    /// Actors of the file taken as actors already on the map: (name in the file, name on the map).
    pub matched: Vec<(String, String)>,
    /// Ties of the file that the map already had (same ends, kind and quotes), not added twice.
    pub ties_already_there: usize,
    /// Sources of the file that the map already had (same id or address, same text).
    pub sources_already_there: usize,
    /// What the reader did not keep, or kept otherwise, and why: one line each.
    pub notes: Vec<String>,
}

impl ImportSummary {
    /// The summary of a file that replaced the open map: everything in it was added.
    pub fn replacing(file: &str, data: &Dataset, notes: Vec<String>) -> Self {
        Self {
            file: file.to_owned(),
            replaced: true,
            actors_added: data.actors.len(),
            ties_added: data.ties.len(),
            sources_added: data.sources.len(),
            excerpts_added: data.excerpt_count(),
            notes,
            ..Self::default()
        }
    }
}

/// A name reduced for matching: accents folded, then as the duplicate search compares names.
pub fn match_key(name: &str) -> String {
    normalize_name(&crate::analysis::text::fold(name))
}

/// The edit that merges `incoming` into `data` (none when there is nothing to add), and what it
/// does. Actors whose name or an alias matches a name or an alias of an actor on the map are
/// taken as that actor; ties, excerpts and sources point at the actors and sources they end up
/// as. Ids already used on the map get a suffix (`-2`, `-3`…).
pub fn merge_imported(
    data: &Dataset,
    incoming: &Dataset,
    file: &str,
    notes: Vec<String>,
) -> (Option<Edit>, ImportSummary) {
    let mut summary = ImportSummary {
        file: file.to_owned(),
        notes,
        ..ImportSummary::default()
    };
    let mut edits = Vec::new();

    // Sources: the same article is kept once.
    let mut source_ids = Taken::of(data.sources.iter().map(|s| s.id.as_str()));
    let mut source_map: HashMap<&str, String> = HashMap::new();
    for source in &incoming.sources {
        let same = data.sources.iter().find(|s| {
            s.text == source.text && (s.id == source.id || (s.url.is_some() && s.url == source.url))
        });
        if let Some(existing) = same {
            summary.sources_already_there += 1;
            source_map.insert(&source.id, existing.id.clone());
            continue;
        }
        let id = source_ids.fresh(&source.id);
        source_map.insert(&source.id, id.clone());
        let mut source = source.clone();
        source.id = id;
        edits.push(Edit::InsertSource {
            index: data.sources.len() + summary.sources_added,
            source,
        });
        summary.sources_added += 1;
    }

    // Actors: matched by any of their names, else added.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, actor) in data.actors.iter().enumerate() {
        for name in std::iter::once(&actor.name).chain(&actor.aliases) {
            let key = match_key(name);
            if !key.is_empty() {
                by_name.entry(key).or_insert(i);
            }
        }
    }
    let mut actor_ids = Taken::of(data.actors.iter().map(|a| a.id.as_str()));
    let mut actor_map: HashMap<&str, String> = HashMap::new();
    for actor in &incoming.actors {
        let found = std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .find_map(|name| by_name.get(&match_key(name)));
        if let Some(&i) = found {
            let existing = &data.actors[i];
            actor_map.insert(&actor.id, existing.id.clone());
            summary
                .matched
                .push((actor.name.clone(), existing.name.clone()));
            continue;
        }
        let id = actor_ids.fresh(&actor.id);
        actor_map.insert(&actor.id, id.clone());
        let mut actor = actor.clone();
        actor.id = id;
        edits.push(Edit::InsertActor {
            index: data.actors.len() + summary.actors_added,
            actor,
        });
        summary.actors_added += 1;
    }

    // Ties: their ends and evidence follow the actors and sources; one the map has is skipped.
    let existing: HashSet<TieKey> = data.ties.iter().map(TieKey::of).collect();
    let mut tie_ids = Taken::of(data.ties.iter().map(|t| t.id.as_str()));
    for tie in &incoming.ties {
        let mut tie = tie.clone();
        let follow = |id: &str| actor_map.get(id).cloned().unwrap_or_else(|| id.to_owned());
        tie.from = follow(&tie.from);
        tie.to = follow(&tie.to);
        for excerpt in &mut tie.excerpts {
            if let Some(id) = source_map.get(excerpt.source.as_str()) {
                excerpt.source = id.clone();
            }
            if let Some(by) = excerpt.attributed_to.as_deref() {
                if let Some(id) = actor_map.get(by) {
                    excerpt.attributed_to = Some(id.clone());
                }
            }
        }
        if existing.contains(&TieKey::of(&tie)) {
            summary.ties_already_there += 1;
            continue;
        }
        tie.id = tie_ids.fresh(&tie.id);
        summary.excerpts_added += tie.excerpts.len();
        edits.push(Edit::InsertTie {
            index: data.ties.len() + summary.ties_added,
            tie,
        });
        summary.ties_added += 1;
    }

    let edit = (!edits.is_empty()).then(|| Edit::Batch {
        label: format!("Import {file}"),
        edits,
    });
    (edit, summary)
}

/// What makes two ties the same for an import: their ends, kind and quotes.
#[derive(PartialEq, Eq, Hash)]
struct TieKey {
    from: String,
    to: String,
    kind: String,
    quotes: Vec<String>,
}

impl TieKey {
    fn of(tie: &Tie) -> Self {
        Self {
            from: tie.from.clone(),
            to: tie.to.clone(),
            kind: format!("{:?}", tie.kind),
            quotes: tie.excerpts.iter().map(|x| x.quote.clone()).collect(),
        }
    }
}

/// Ids in use, and new ones made unique by a numbered suffix.
struct Taken(HashSet<String>);

impl Taken {
    fn of<'a>(ids: impl Iterator<Item = &'a str>) -> Self {
        Self(ids.map(str::to_owned).collect())
    }

    /// `id` itself when it is free, else `id-2`, `id-3`…; taken from then on.
    fn fresh(&mut self, id: &str) -> String {
        let mut candidate = id.to_owned();
        let mut n = 2;
        while self.0.contains(&candidate) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        self.0.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
