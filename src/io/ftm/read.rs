//! Reading FollowTheMoney entities: relmap's own (prefixes taken off, excerpts from
//! Documentation) and other tools' (articles, actors, and the links read in links.rs).

use crate::io::interop::{self, Ids, Notes};
use crate::io::json::Loaded;
use crate::io::{LoadError, Progress};
use crate::model::{Actor, ActorKind, Dataset, Excerpt, Source};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use super::*;

pub(super) fn read_from(
    input: &mut dyn Read,
    path: &Path,
    progress: &mut Progress,
) -> Result<Loaded, LoadError> {
    let text = interop::read_input(input, path)?;
    read_str(&text, path, progress)
}

/// Whether every id in `ids` starts with `prefix` (and there is one).
fn all_prefixed<'a>(mut ids: impl Iterator<Item = &'a str>, prefix: &str) -> bool {
    let mut any = false;
    let all = ids.all(|id| {
        any = true;
        id.starts_with(prefix)
    });
    any && all
}

/// Reads entities from text, one JSON object a line (blank lines skipped), telling
/// `progress` how far it has got.
pub fn read_str(text: &str, path: &Path, progress: &mut Progress) -> Result<Loaded, LoadError> {
    let mut entities = super::lines::entities(text, path, progress)?;
    let error = |at: usize, message: String| interop::syntax_at(path, text, at, message);
    let mut notes = Notes::default();
    if let Some((count, digits)) = super::lines::strip_namespace(&mut entities) {
        notes.add(
            format!(
                "the ids carried a collection's namespace signature ('.' and {digits} hex \
                 digits), which was taken off ({count} ids)"
            ),
            "",
        );
    }
    let mut data = Dataset::default();

    let is_actor = |schema: &str| {
        matches!(
            schema,
            "Person"
                | "Organization"
                | "Company"
                | "PublicBody"
                | "LegalEntity"
                | "Address"
                | "Vessel"
                | "Airplane"
                | "Asset"
                | "Thing"
        )
    };
    let is_link = |schema: &str| LINKS.iter().any(|(s, ..)| *s == schema) || schema == "Succession";
    // relmap's own prefixes come off where every entity of the kind has them.
    let strip = |prefix: &'static str, pick: &dyn Fn(&str) -> bool| {
        all_prefixed(
            entities
                .iter()
                .filter(|(_, e)| pick(&e.schema))
                .map(|(_, e)| e.id.as_str()),
            prefix,
        )
        .then_some(prefix)
    };
    let actor_prefix = strip("a-", &is_actor);
    let tie_prefix = strip("t-", &is_link);
    let source_prefix = strip("s-", &|s| s == "Article" || s == "Document");
    let bare = |id: &str, prefix: Option<&str>| -> String {
        prefix
            .and_then(|p| id.strip_prefix(p))
            .unwrap_or(id)
            .to_owned()
    };

    let mut seen = HashSet::new();
    for (at, e) in &entities {
        if !seen.insert(e.id.as_str()) {
            return Err(error(
                *at,
                format!("a second entity with the id '{}'", e.id),
            ));
        }
    }

    // Articles.
    let mut source_ids: HashMap<String, String> = HashMap::new();
    for (_, e) in entities.iter().filter(|(_, e)| {
        matches!(
            e.schema.as_str(),
            "Article" | "Document" | "PlainText" | "HyperText"
        )
    }) {
        let id = bare(&e.id, source_prefix);
        source_ids.insert(e.id.clone(), id.clone());
        data.sources.push(Source {
            id,
            title: e.first("title").unwrap_or_default(),
            outlet: e.first("publisher").unwrap_or_default(),
            published: e.first("publishedAt").or_else(|| e.first("date")),
            url: e.first("sourceUrl"),
            author: e.first("author"),
            text: e.first("bodyText").unwrap_or_default(),
        });
    }

    // Actors.
    let mut actors = Ids::default();
    for (_, e) in entities.iter().filter(|(_, e)| is_actor(&e.schema)) {
        let Some(id) = actors.add(&bare(&e.id, actor_prefix), &mut notes) else {
            continue;
        };
        actors_map_insert(&mut actors, &e.id, &id);
        let names = e.values("name");
        let mut aliases: Vec<String> = names.iter().skip(1).cloned().collect();
        aliases.extend(e.values("alias"));
        aliases.extend(e.values("weakAlias"));
        aliases.extend(e.values("previousName"));
        let kind = match e.schema.as_str() {
            "Person" => ActorKind::Person,
            "Organization" | "Company" => ActorKind::Organization,
            "PublicBody" => ActorKind::State,
            "Address" => ActorKind::Place,
            _ => ActorKind::Other,
        };
        let name = names
            .first()
            .cloned()
            .or_else(|| e.first("full"))
            .unwrap_or_else(|| id.clone());
        data.actors.push(Actor {
            id,
            name,
            kind,
            aliases,
            description: e.first("description").unwrap_or_default(),
            ..Actor::default()
        });
        for property in e.properties.keys() {
            if !matches!(
                property.as_str(),
                "name" | "alias" | "weakAlias" | "previousName" | "description" | "full"
            ) {
                notes.add(
                    format!("the property '{property}' of {} is not kept", e.schema),
                    "entity",
                );
            }
        }
    }

    // Ties.
    let links = super::links::read_links(
        entities.iter().filter(|(_, e)| is_link(&e.schema)),
        &super::links::Context {
            actors: &actors,
            source_ids: &source_ids,
            tie_prefix,
            error: &error,
        },
        &mut data,
        &mut notes,
    )?;
    let tie_places = &links.places;

    // Excerpts written by relmap, which say more than a tie's summary: they replace it.
    let mut documented: HashSet<usize> = HashSet::new();
    for (at, e) in entities.iter().filter(|(_, e)| e.schema == "Documentation") {
        let Some(place) = e
            .first("recordId")
            .and_then(|r| tie_places.get(&r).copied())
        else {
            notes.add(
                "Documentation that is not evidence for a tie of the file is not kept",
                "entity",
            );
            continue;
        };
        let document = e.first("document").unwrap_or_default();
        let Some(source) = source_ids.get(&document).cloned() else {
            return Err(error(
                *at,
                format!("Documentation '{}' points at '{document}', which is not an article of the file", e.id),
            ));
        };
        if documented.insert(place) {
            data.ties[place].excerpts.clear();
        }
        let quote = e.first("summary").unwrap_or_default();
        let role = e.first("role").unwrap_or_default();
        let attributed = e.first("description").filter(|d| !d.is_empty());
        let attributed_to = attributed.map(|a| actors.get(&a).map_or(a.clone(), str::to_owned));
        data.ties[place].excerpts.push(Excerpt {
            source,
            end: quote.len(),
            quote,
            start: 0,
            certainty: interop::certainty_from(&role),
            attributed_to,
        });
    }
    for (_, e) in &entities {
        if !is_actor(&e.schema)
            && !is_link(&e.schema)
            && !matches!(
                e.schema.as_str(),
                "Article" | "Document" | "PlainText" | "HyperText" | "Documentation"
            )
        {
            notes.add(format!("{} entities are not kept", e.schema), "entity");
        }
    }
    super::links::cite_articles(
        &links,
        &|place| documented.contains(&place),
        &mut data,
        &mut notes,
    );
    // Excerpts come with offsets 0: they are placed where their quote is in the article.
    quiet_offsets(&mut data);
    interop::finish(path, data, notes, interop::Articles::default())
}

/// Each excerpt placed at its quote in its article (the first place the quote is), without a
/// note: FollowTheMoney has no offsets, so this is how every excerpt is read.
fn quiet_offsets(data: &mut Dataset) {
    let texts: HashMap<&str, &str> = data
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.text.as_str()))
        .collect();
    for tie in &mut data.ties {
        for x in &mut tie.excerpts {
            if let Some(at) = texts
                .get(x.source.as_str())
                .and_then(|t| t.find(&x.quote))
                .filter(|_| !x.quote.is_empty())
            {
                x.start = at;
                x.end = at + x.quote.len();
            }
        }
    }
}

/// Attributions written by relmap name an actor by its relmap id; other tools' entity ids are
/// looked up too.
fn actors_map_insert(actors: &mut Ids, entity_id: &str, id: &str) {
    actors.alias(entity_id, id);
}
