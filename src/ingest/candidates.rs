//! An ingested article into a dataset: the article as a source with its full text, new actors
//! and all ties as candidates (`"status": "candidate"`), actors already on the map reused, never
//! duplicated. Candidates at or above a confidence threshold can be accepted on the way in
//! (accepting a tie accepts its two ends).

use foldhash::HashSet;

use super::{Attribution, Ingested};
use crate::model::{Actor, Dataset, Excerpt, Source, Status, Tie};

/// What adding one article did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Actor candidates the article gave, new and matched.
    pub actors: usize,
    /// Of them, actors already on the map.
    pub matched: usize,
    pub ties: usize,
    pub excerpts: usize,
    /// Actors and ties accepted by the threshold.
    pub accepted_actors: usize,
    pub accepted_ties: usize,
}

impl Summary {
    pub fn plus(self, o: Summary) -> Summary {
        Summary {
            actors: self.actors + o.actors,
            matched: self.matched + o.matched,
            ties: self.ties + o.ties,
            excerpts: self.excerpts + o.excerpts,
            accepted_actors: self.accepted_actors + o.accepted_actors,
            accepted_ties: self.accepted_ties + o.accepted_ties,
        }
    }

    /// "12 actors (3 already on the map), 30 ties, 41 excerpts".
    pub fn line(&self) -> String {
        let mut line = format!(
            "{} actors ({} already on the map), {} ties, {} excerpts",
            self.actors, self.matched, self.ties, self.excerpts
        );
        if self.accepted_actors + self.accepted_ties > 0 {
            line.push_str(&format!(
                "; accepted {} actors and {} ties",
                self.accepted_actors, self.accepted_ties
            ));
        }
        line
    }
}

/// A slug of `base` that `taken` does not hold yet (`base`, `base-2`, …), then taken.
fn fresh_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut slug = String::with_capacity(base.len());
    for c in base.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && c.is_ascii() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let slug: String = slug.chars().take(48).collect();
    let slug = if slug.is_empty() {
        "item".to_owned()
    } else {
        slug
    };
    let mut id = slug.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{slug}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// Adds an ingested article to `data`. With `accept_above`, candidates whose confidence is at
/// least that are accepted at once.
pub fn add(data: &mut Dataset, ingested: &Ingested, accept_above: Option<f32>) -> Summary {
    let accepts = |c: f32| accept_above.is_some_and(|x| c >= x);
    let mut summary = Summary {
        actors: ingested.actors.len(),
        matched: ingested.matched_count(),
        ties: ingested.ties.len(),
        excerpts: ingested.excerpt_count(),
        ..Summary::default()
    };
    let mut source_ids: HashSet<String> = data.sources.iter().map(|s| s.id.clone()).collect();
    let mut actor_ids: HashSet<String> = data.actors.iter().map(|a| a.id.clone()).collect();
    let mut tie_ids: HashSet<String> = data.ties.iter().map(|t| t.id.clone()).collect();
    let meta = &ingested.meta;
    let base = match &meta.published {
        Some(date) => format!(
            "{} {date}",
            if meta.outlet.is_empty() {
                "article"
            } else {
                &meta.outlet
            }
        ),
        None => meta.title.clone(),
    };
    let source_id = fresh_id(&base, &mut source_ids);
    data.sources.push(Source {
        id: source_id.clone(),
        title: meta.title.clone(),
        outlet: meta.outlet.clone(),
        published: meta.published.clone(),
        url: meta.url.clone(),
        author: meta.author.clone(),
        text: ingested.text.clone(),
    });
    // Which actors accepted ties need.
    let mut needed = vec![false; ingested.actors.len()];
    for t in ingested.ties.iter().filter(|t| accepts(t.confidence)) {
        needed[t.from] = true;
        needed[t.to] = true;
    }
    let mut ids: Vec<String> = Vec::with_capacity(ingested.actors.len());
    for (i, c) in ingested.actors.iter().enumerate() {
        let accept = accepts(c.confidence) || needed[i];
        if let Some(existing) = c.existing.filter(|&e| e < data.actors.len()) {
            let actor = &mut data.actors[existing];
            if accept && actor.status == Status::Candidate {
                actor.status = Status::Accepted;
                summary.accepted_actors += 1;
            }
            ids.push(actor.id.clone());
            continue;
        }
        let id = fresh_id(&c.name, &mut actor_ids);
        summary.accepted_actors += usize::from(accept);
        data.actors.push(Actor {
            id: id.clone(),
            name: c.name.clone(),
            kind: c.kind,
            aliases: c.aliases.clone(),
            description: if c.ambiguous {
                "Ingested; some mentions could name another actor".to_owned()
            } else {
                String::new()
            },
            status: if accept {
                Status::Accepted
            } else {
                Status::Candidate
            },
            confidence: Some(c.confidence),
            ..Actor::default()
        });
        ids.push(id);
    }
    for t in &ingested.ties {
        let accept = accepts(t.confidence);
        let (from, to) = (ids[t.from].clone(), ids[t.to].clone());
        let excerpts: Vec<Excerpt> = t
            .excerpts
            .iter()
            .map(|e| Excerpt {
                source: source_id.clone(),
                quote: ingested.text[e.start..e.end].to_owned(),
                start: e.start,
                end: e.end,
                certainty: Some(e.certainty),
                attributed_to: e.attributed_to.as_ref().map(|a| match a {
                    Attribution::Actor(i) => ids[*i].clone(),
                    Attribution::Text(text) => text.clone(),
                }),
            })
            .collect();
        let id = fresh_id(&format!("{from} {} {to}", t.kind.label()), &mut tie_ids);
        summary.accepted_ties += usize::from(accept);
        data.ties.push(Tie {
            id,
            from,
            to,
            kind: t.kind,
            directed: t.directed,
            polarity: t.polarity,
            date: None,
            label: String::new(),
            excerpts,
            status: if accept {
                Status::Accepted
            } else {
                Status::Candidate
            },
            confidence: Some(t.confidence),
        });
    }
    summary
}
