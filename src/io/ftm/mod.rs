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
//!   `description`, its date `date` or `startDate`/`endDate`, its polarity (when not neutral)
//!   and `mutual` (when it has no direction) the `status` of the schemata that have one (all
//!   but `Family` and `Payment`); `summary` holds its quotes,
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
use std::io::Write;

use serde::{Deserialize, Serialize};

use super::formats::Format;
use super::gexf::tie_kind_name;
use super::Progress;
use crate::model::{ActorKind, Certainty, Dataset, Polarity, Source, TieKind};

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

/// The link schemata with a `status`, where a tie keeps its polarity (`cooperative`,
/// `hostile`) and, when it has no direction, [`MUTUAL`].
fn has_status(schema: &str) -> bool {
    matches!(
        schema,
        "UnknownLink"
            | "Membership"
            | "Directorship"
            | "Employment"
            | "Representation"
            | "Ownership"
    )
}

/// The word of a link's `status` for a tie without a direction (Kumu's word for it).
const MUTUAL: &str = "mutual";

/// Whether a tie read from a link of this schema has a direction when its status does not
/// say: family and associates are ties between equals, as FollowTheMoney draws them.
fn directed_by_default(schema: &str) -> bool {
    !matches!(schema, "Family" | "Associate")
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

fn write_to(
    data: &Dataset,
    output: &mut dyn Write,
    progress: &mut Progress,
) -> std::io::Result<()> {
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
    let items = data.actors.len() + data.ties.len();
    for (i, a) in data.actors.iter().enumerate() {
        progress.item(i, items)?;
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
    for (i, t) in data.ties.iter().enumerate() {
        progress.item(data.actors.len() + i, items)?;
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
        if has_status(schema) {
            if t.polarity != Polarity::Neutral {
                e.set("status", t.polarity.label());
            }
            if !t.directed {
                e.set("status", MUTUAL);
            }
        }
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

mod lines;
mod links;
mod losses;
pub use losses::losses;
mod read;
use read::read_from;
pub use read::read_str;

#[cfg(test)]
#[path = "tests.rs"]
mod tests;

#[cfg(test)]
#[path = "losses_tests.rs"]
mod losses_tests;
