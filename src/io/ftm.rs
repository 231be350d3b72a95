//! FollowTheMoney entities, one JSON object a line, as Aleph and OpenSanctions exchange them
//! (`{"id": …, "schema": …, "properties": {name: [values]}}`).
//!
//! What maps to what (the docs' "FollowTheMoney" section says the same, with what is lost):
//! - an actor is a `Person`, an `Organization`, a `PublicBody` (a state), an `Address` (a
//!   place) or a `LegalEntity` (other), with `name`, `alias` and `description`;
//! - a tie is an interval entity between its two actors: `Family` and `Associate` between two
//!   people, `Membership` and `Directorship` of an organisation, `Employment` of a person by
//!   an organisation, `Payment` for funding and investment, `Representation` for lobbying and
//!   advisory, and `UnknownLink` for every other kind (and wherever the ends do not fit the
//!   schema); its kind is the `role` (or `relationship`, `purpose`), its label the
//!   `description`, its date `date` or `startDate`/`endDate`; `summary` holds its quotes,
//!   `proof` its articles, `sourceUrl` and `publisher` the first article's;
//! - an article is an `Article` with `title`, `author`, `publisher`, `publishedAt`,
//!   `sourceUrl` and its whole text in `bodyText`;
//! - an excerpt is a `Documentation` of its article (`document`) for the actor the tie starts
//!   at (`entity`), with the quote as `summary`, the certainty as `role`, who it is attributed
//!   to as `description`, and the tie it is evidence for as `recordId`.
//!
//! Ids are written with a prefix per kind (`a-`, `t-`, `s-`, `x-`), which reading takes off
//! again when every entity of that kind has it.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::formats::Format;
use super::gexf::tie_kind_name;
use super::interop::{self, Ids, Notes};
use super::json::Loaded;
use super::LoadError;
use crate::model::{Actor, ActorKind, Certainty, Dataset, Excerpt, Source, Tie, TieKind};

/// The registry's entry.
pub const FORMAT: Format = Format {
    name: "FollowTheMoney entities",
    key: "ftm",
    extensions: &["ftm.json", "ftm.jsonl", "ftm"],
    read: Some(read_from),
    write: Some(write_to),
    parts: None,
};

/// One entity.
#[derive(Debug, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub schema: String,
    #[serde(default)]
    pub properties: std::collections::BTreeMap<String, Vec<serde_json::Value>>,
}

impl Entity {
    fn new(id: String, schema: &str) -> Self {
        Self {
            id,
            schema: schema.to_owned(),
            properties: Default::default(),
        }
    }

    fn set(&mut self, property: &str, value: &str) {
        if !value.is_empty() {
            self.properties
                .entry(property.to_owned())
                .or_default()
                .push(serde_json::Value::String(value.to_owned()));
        }
    }

    /// The string values of a property.
    fn values(&self, property: &str) -> Vec<String> {
        self.properties
            .get(property)
            .map(|vs| {
                vs.iter()
                    .filter_map(|v| match v {
                        serde_json::Value::String(s) => Some(s.clone()),
                        serde_json::Value::Number(n) => Some(n.to_string()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn first(&self, property: &str) -> Option<String> {
        self.values(property).into_iter().next()
    }
}

/// The interval schemata relmap writes and reads, with the properties of their two ends.
const LINKS: &[(&str, &str, &str, &str)] = &[
    // (schema, from property, to property, kind property)
    ("Family", "person", "relative", "relationship"),
    ("Associate", "person", "associate", "relationship"),
    ("Membership", "member", "organization", "role"),
    ("Directorship", "director", "organization", "role"),
    ("Employment", "employee", "employer", "role"),
    ("Payment", "payer", "beneficiary", "purpose"),
    ("Representation", "agent", "client", "role"),
    ("Ownership", "owner", "asset", "role"),
    ("UnknownLink", "subject", "object", "role"),
];

fn actor_schema(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "Person",
        ActorKind::Organization => "Organization",
        ActorKind::State => "PublicBody",
        ActorKind::Place => "Address",
        ActorKind::Other => "LegalEntity",
    }
}

/// The schema of a tie between actors of these kinds.
fn link_schema(kind: TieKind, from: ActorKind, to: ActorKind) -> &'static str {
    use ActorKind::*;
    let legal = |k: ActorKind| k != Place;
    let organisation = |k: ActorKind| matches!(k, Organization | State);
    match kind {
        TieKind::Family if from == Person && to == Person => "Family",
        TieKind::Membership | TieKind::Affiliation if legal(from) && organisation(to) => {
            "Membership"
        }
        TieKind::Leadership if legal(from) && organisation(to) => "Directorship",
        TieKind::Employment if from == Person && organisation(to) => "Employment",
        TieKind::Funding | TieKind::Investment if legal(from) && legal(to) => "Payment",
        TieKind::Lobbying | TieKind::Advisory if legal(from) && legal(to) => "Representation",
        _ => "UnknownLink",
    }
}

/// The kind a schema stands for when its role names none of relmap's.
fn schema_kind(schema: &str) -> TieKind {
    match schema {
        "Family" => TieKind::Family,
        "Associate" => TieKind::Affiliation,
        "Membership" => TieKind::Membership,
        "Directorship" => TieKind::Leadership,
        "Employment" => TieKind::Employment,
        "Payment" => TieKind::Funding,
        "Representation" => TieKind::Lobbying,
        "Ownership" => TieKind::Ownership,
        _ => TieKind::Other,
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

fn write_to(data: &Dataset, output: &mut dyn Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(output);
    let mut line = |entity: &Entity| -> std::io::Result<()> {
        serde_json::to_writer(&mut out, entity).map_err(std::io::Error::other)?;
        out.write_all(b"\n")
    };
    for s in &data.sources {
        let mut e = Entity::new(format!("s-{}", s.id), "Article");
        e.set("title", &s.title);
        e.set("publisher", &s.outlet);
        e.set("publishedAt", s.published.as_deref().unwrap_or_default());
        e.set("sourceUrl", s.url.as_deref().unwrap_or_default());
        e.set("author", s.author.as_deref().unwrap_or_default());
        e.set("bodyText", &s.text);
        line(&e)?;
    }
    let kinds: HashMap<&str, ActorKind> = data
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.kind))
        .collect();
    for a in &data.actors {
        let mut e = Entity::new(format!("a-{}", a.id), actor_schema(a.kind));
        e.set("name", &a.name);
        if a.kind == ActorKind::Place {
            e.set("full", &a.name);
        }
        for alias in &a.aliases {
            e.set("alias", alias);
        }
        e.set("description", &a.description);
        line(&e)?;
    }
    let sources: HashMap<&str, &Source> = data.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    for t in &data.ties {
        let kind_of = |id: &str| kinds.get(id).copied().unwrap_or_default();
        let schema = link_schema(t.kind, kind_of(&t.from), kind_of(&t.to));
        let (_, from_prop, to_prop, kind_prop) = LINKS
            .iter()
            .find(|(s, ..)| *s == schema)
            .copied()
            .unwrap_or(("UnknownLink", "subject", "object", "role"));
        let mut e = Entity::new(format!("t-{}", t.id), schema);
        e.set(from_prop, &format!("a-{}", t.from));
        e.set(to_prop, &format!("a-{}", t.to));
        e.set(kind_prop, &tie_kind_name(t.kind));
        e.set("description", &t.label);
        match t.date.as_deref().map(|d| d.split_once('/')) {
            Some(Some((start, end))) => {
                e.set("startDate", start);
                e.set("endDate", end);
            }
            Some(None) => e.set("date", t.date.as_deref().unwrap_or_default()),
            None => {}
        }
        let mut seen = HashSet::new();
        for x in &t.excerpts {
            e.set("summary", &x.quote);
            if seen.insert(x.source.as_str()) {
                e.set("proof", &format!("s-{}", x.source));
                if let Some(s) = sources.get(x.source.as_str()) {
                    if !e.properties.contains_key("sourceUrl") {
                        e.set("sourceUrl", s.url.as_deref().unwrap_or_default());
                    }
                    if !e.properties.contains_key("publisher") {
                        e.set("publisher", &s.outlet);
                    }
                }
            }
        }
        line(&e)?;
        for (n, x) in t.excerpts.iter().enumerate() {
            let mut d = Entity::new(format!("x-{}-{}", t.id, n + 1), "Documentation");
            d.set("document", &format!("s-{}", x.source));
            d.set("entity", &format!("a-{}", t.from));
            d.set("summary", &x.quote);
            d.set(
                "role",
                x.certainty.map(Certainty::label).unwrap_or_default(),
            );
            d.set(
                "description",
                x.attributed_to.as_deref().unwrap_or_default(),
            );
            d.set("recordId", &format!("t-{}", t.id));
            line(&d)?;
        }
    }
    out.flush()
}

// ---------------------------------------------------------------------------------------------
// Reading

fn read_from(input: &mut dyn Read, path: &Path) -> Result<Loaded, LoadError> {
    let text = interop::read_input(input, path)?;
    read_str(&text, path)
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

/// Reads entities from text, one JSON object a line (blank lines skipped).
pub fn read_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let mut entities: Vec<(usize, Entity)> = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split('\n').enumerate() {
        let here = offset;
        offset += line.len() + 1;
        if line.trim().is_empty() {
            continue;
        }
        let entity: Entity = serde_json::from_str(line).map_err(|e| LoadError::Syntax {
            path: path.to_owned(),
            line: n + 1,
            column: e.column(),
            message: format!("not a FollowTheMoney entity: {e}"),
        })?;
        entities.push((here, entity));
    }
    let error = |at: usize, message: String| interop::syntax_at(path, text, at, message);
    let mut notes = Notes::default();
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
    let mut ties = Ids::default();
    let mut tie_places: HashMap<String, usize> = HashMap::new();
    for (at, e) in entities.iter().filter(|(_, e)| is_link(&e.schema)) {
        let (from_prop, to_prop, kind_prop) = LINKS
            .iter()
            .find(|(s, ..)| *s == e.schema)
            .map_or(("predecessor", "successor", "role"), |(_, f, t, k)| {
                (*f, *t, *k)
            });
        let end = |prop: &str| -> Result<String, LoadError> {
            let Some(target) = e.first(prop) else {
                return Err(error(
                    *at,
                    format!("{} '{}' has no '{prop}'", e.schema, e.id),
                ));
            };
            actors.get(&target).map(str::to_owned).ok_or_else(|| {
                error(
                    *at,
                    format!(
                        "{} '{}' points at '{target}', which is not an entity of the file",
                        e.schema, e.id
                    ),
                )
            })
        };
        let (from, to) = (end(from_prop)?, end(to_prop)?);
        let Some(id) = ties.add(&bare(&e.id, tie_prefix), &mut notes) else {
            continue;
        };
        let role = e.first(kind_prop).unwrap_or_default();
        let mut tie = Tie {
            id: id.clone(),
            from,
            to,
            kind: schema_kind(&e.schema),
            directed: !matches!(e.schema.as_str(), "Family" | "Associate"),
            label: e.first("description").unwrap_or_default(),
            date: e
                .first("date")
                .and_then(|d| interop::date_from(&d))
                .or_else(|| {
                    interop::date_from_range(
                        e.first("startDate").as_deref(),
                        e.first("endDate").as_deref(),
                    )
                }),
            ..Tie::default()
        };
        match interop::tie_kind_from(&role) {
            Some(kind) => tie.kind = kind,
            None if role.is_empty() => {}
            None if tie.label.is_empty() => tie.label = role,
            None => notes.add(
                format!(
                    "the {kind_prop} of a {} beside its description is not kept",
                    e.schema
                ),
                "link",
            ),
        }
        // Quotes of ties written by other tools: excerpts without their article.
        tie.excerpts = e
            .values("summary")
            .into_iter()
            .map(|quote| Excerpt {
                source: e
                    .first("proof")
                    .and_then(|p| source_ids.get(&p).cloned())
                    .unwrap_or_default(),
                end: quote.len(),
                quote,
                start: 0,
                certainty: None,
                attributed_to: None,
            })
            .collect();
        tie_places.insert(e.id.clone(), data.ties.len());
        data.ties.push(tie);
    }

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
    // Excerpts come with offsets 0: they are placed where their quote is in the article.
    quiet_offsets(&mut data);
    interop::finish(path, data, notes)
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

#[cfg(test)]
#[path = "ftm_tests.rs"]
mod tests;
