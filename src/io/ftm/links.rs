//! Reading FollowTheMoney links (the interval entities between two actors) as ties: their ends,
//! kind, label and dates, their quotes as excerpts, and the article those quotes cite when the
//! link names it only by its `sourceUrl`, `publisher` and `publishedAt`. Every other property
//! of a link is named in a warning.

use std::collections::HashMap;

use super::{directed_by_default, has_status, schema_kind, Entity, LINKS, MUTUAL};
use crate::io::interop::{self, Ids, Notes};
use crate::io::LoadError;
use crate::model::{Dataset, Excerpt, Source, Tie};

/// The properties of every link that reading keeps (besides its two ends and its kind).
const KEPT: &[&str] = &[
    "description",
    "date",
    "startDate",
    "endDate",
    "summary",
    "proof",
    "sourceUrl",
    "publisher",
    "publishedAt",
];

/// The article a link's quotes come from, as the link itself says it (its `proof` is not an
/// article of the file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct Cited {
    url: Option<String>,
    outlet: String,
}

/// What reading the links found out beyond the ties it added.
#[derive(Default)]
pub(super) struct ReadLinks {
    /// Where each link's tie is in the dataset, by the link's entity id.
    pub places: HashMap<String, usize>,
    /// The ties whose quotes cite an article that is not in the file, with the article (and
    /// its date) as the link says it.
    cited: Vec<(usize, Cited, Option<String>)>,
}

/// Where the links' ties find their ends, their articles and their ids.
pub(super) struct Context<'a> {
    pub actors: &'a Ids,
    /// Article entity id → source id.
    pub source_ids: &'a HashMap<String, String>,
    /// The prefix relmap's tie ids have in this file, if they all have it.
    pub tie_prefix: Option<&'a str>,
    pub error: &'a dyn Fn(usize, String) -> LoadError,
}

/// The ties of the links among `entities` (a link's schema is one of [`LINKS`] or `Succession`).
pub(super) fn read_links<'e>(
    entities: impl Iterator<Item = &'e (usize, Entity)>,
    context: &Context,
    data: &mut Dataset,
    notes: &mut Notes,
) -> Result<ReadLinks, LoadError> {
    let mut ties = Ids::default();
    let mut read = ReadLinks::default();
    for (at, e) in entities {
        let (from_prop, to_prop, kind_prop) = LINKS
            .iter()
            .find(|(s, ..)| *s == e.schema)
            .map_or(("predecessor", "successor", "role"), |(_, f, t, k)| {
                (*f, *t, *k)
            });
        let end = |prop: &str| -> Result<String, LoadError> {
            let Some(target) = e.first(prop) else {
                return Err((context.error)(
                    *at,
                    format!("{} '{}' has no '{prop}'", e.schema, e.id),
                ));
            };
            context
                .actors
                .get(&target)
                .map(str::to_owned)
                .ok_or_else(|| {
                    (context.error)(
                        *at,
                        format!(
                            "{} '{}' points at '{target}', which is not an entity of the file",
                            e.schema, e.id
                        ),
                    )
                })
        };
        let (from, to) = (end(from_prop)?, end(to_prop)?);
        let bare = context
            .tie_prefix
            .and_then(|p| e.id.strip_prefix(p))
            .unwrap_or(&e.id);
        let Some(id) = ties.add(bare, notes) else {
            continue;
        };
        let mut tie = Tie {
            id,
            from,
            to,
            kind: schema_kind(&e.schema),
            directed: directed_by_default(&e.schema),
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
        let role = e.first(kind_prop).unwrap_or_default();
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
        read_status(e, &mut tie, notes);
        for property in e.properties.keys() {
            let property = property.as_str();
            let status = property == "status" && has_status(&e.schema);
            if ![from_prop, to_prop, kind_prop].contains(&property)
                && !KEPT.contains(&property)
                && !status
            {
                notes.add(
                    format!("the property '{property}' of {} is not kept", e.schema),
                    "link",
                );
            }
        }
        let place = data.ties.len();
        tie.excerpts = quotes(e, place, context, &mut read.cited);
        if tie.excerpts.iter().any(|x| x.source.is_empty()) && e.properties.contains_key("proof") {
            notes.add(
                format!("the 'proof' of {} is not an article of the file", e.schema),
                "link",
            );
        }
        read.places.insert(e.id.clone(), place);
        data.ties.push(tie);
    }
    Ok(read)
}

/// A tie's polarity and whether it is mutual, from the `status` of its link (as relmap
/// writes them); any other status is named in a warning.
fn read_status(e: &Entity, tie: &mut Tie, notes: &mut Notes) {
    if !has_status(&e.schema) {
        return;
    }
    for word in e.values("status") {
        let polarity = interop::polarity_from(&word).filter(|_| !word.trim().is_empty());
        match polarity {
            Some(polarity) => tie.polarity = polarity,
            None if word.trim().eq_ignore_ascii_case(MUTUAL) => tie.directed = false,
            None => notes.add(
                format!(
                    "a status of {} other than a polarity or '{MUTUAL}' is not kept",
                    e.schema
                ),
                "link",
            ),
        }
    }
}

/// The quotes of a link written by another tool as excerpts: its `summary` (or, without one,
/// its `description` when the link names where it comes from), of its `proof` article when the
/// file has it. Otherwise the excerpts have no source yet, and the link is added to `cited`
/// when it says which article it quotes.
fn quotes(
    e: &Entity,
    place: usize,
    context: &Context,
    cited: &mut Vec<(usize, Cited, Option<String>)>,
) -> Vec<Excerpt> {
    let article = Cited {
        url: e.first("sourceUrl").filter(|u| !u.is_empty()),
        outlet: e.first("publisher").unwrap_or_default(),
    };
    let published = e.first("publishedAt");
    let says_where = article != Cited::default() || published.is_some();
    let mut quotes = e.values("summary");
    if quotes.is_empty() && says_where {
        quotes = e.values("description");
    }
    let proof = e
        .values("proof")
        .into_iter()
        .find_map(|p| context.source_ids.get(&p).cloned());
    if proof.is_none() && says_where && !quotes.is_empty() {
        cited.push((place, article, published));
    }
    quotes
        .into_iter()
        .filter(|q| !q.is_empty())
        .map(|quote| Excerpt {
            source: proof.clone().unwrap_or_default(),
            end: quote.len(),
            quote,
            start: 0,
            certainty: None,
            attributed_to: None,
        })
        .collect()
}

/// Gives the quotes of the links that cite an article not in the file (and were not replaced
/// by relmap's Documentation: `documented`) one source per article, by its address and
/// outlet: its text is the quotes one after the other, with its address, outlet and date.
pub(super) fn cite_articles(
    read: &ReadLinks,
    documented: &dyn Fn(usize) -> bool,
    data: &mut Dataset,
    notes: &mut Notes,
) {
    let mut ids = Ids::default();
    for source in &data.sources {
        ids.unique(source.id.clone());
    }
    let mut articles: HashMap<&Cited, usize> = HashMap::new();
    for (place, cited, published) in &read.cited {
        if documented(*place) {
            continue;
        }
        let index = *articles.entry(cited).or_insert_with(|| {
            let name = cited.url.as_deref().unwrap_or(&cited.outlet);
            data.sources.push(Source {
                id: ids.unique(format!("cited-{}", slug(name))),
                title: format!("Quotes of {name}"),
                outlet: cited.outlet.clone(),
                published: None,
                url: cited.url.clone(),
                author: None,
                text: String::new(),
            });
            data.sources.len() - 1
        });
        let source = &mut data.sources[index];
        if source.published.is_none() {
            source.published = published.as_deref().and_then(interop::date_from);
            if published.is_some() && source.published.is_none() {
                notes.add("a publishedAt that is not a date is not kept", "link");
            }
        }
        for x in &mut data.ties[*place].excerpts {
            let at = match source.text.find(&x.quote) {
                Some(at) => at,
                None => {
                    if !source.text.is_empty() {
                        source.text.push_str("\n\n");
                    }
                    source.text.push_str(&x.quote);
                    source.text.len() - x.quote.len()
                }
            };
            x.source = source.id.clone();
            x.start = at;
            x.end = at + x.quote.len();
        }
    }
}

/// An id made of the letters and digits of an address or name (`nytimes-com-2018-kim`), at
/// most 48 characters.
fn slug(name: &str) -> String {
    let name = name
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 48 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "article".to_owned()
    } else {
        slug.to_owned()
    }
}
