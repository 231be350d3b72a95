//! Measuring ingestion against a hand-built map of the same article: actor recall and
//! precision (a proposed actor is right when one of its names or aliases is written like one of
//! an expected actor's, as [`normalize_name`] compares them; each expected actor is found at most
//! once), tie recall (an expected tie is found when some proposed tie joins the same two actors,
//! either way round), and whether every excerpt is verbatim at its offsets.

use foldhash::{HashMap, HashSet};

use super::Ingested;
use crate::edit::normalize_name;

/// An expected actor: its name and aliases.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectedActor {
    pub name: String,
    pub aliases: Vec<String>,
}

/// What an article should give: actors, and ties as pairs of actor indices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expected {
    pub actors: Vec<ExpectedActor>,
    pub ties: Vec<(usize, usize)>,
}

impl Expected {
    /// From a relmap dataset: its actors and its ties.
    pub fn from_dataset(data: &crate::model::Dataset) -> Expected {
        let place: HashMap<&str, usize> = data
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        Expected {
            actors: data
                .actors
                .iter()
                .map(|a| ExpectedActor {
                    name: a.name.clone(),
                    aliases: a.aliases.clone(),
                })
                .collect(),
            ties: data
                .ties
                .iter()
                .filter_map(|t| Some((*place.get(t.from.as_str())?, *place.get(t.to.as_str())?)))
                .collect(),
        }
    }

    /// From the text format of the fixtures: `actor: Name | alias | alias` and `tie: A -- B`
    /// lines (naming actors by name), `#` comments and blank lines.
    pub fn parse(text: &str) -> Result<Expected, String> {
        let mut expected = Expected::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("actor:") {
                let mut forms = rest.split('|').map(|f| f.trim().to_owned());
                let name = forms.next().unwrap_or_default();
                expected.actors.push(ExpectedActor {
                    name,
                    aliases: forms.filter(|f| !f.is_empty()).collect(),
                });
            } else if let Some(rest) = line.strip_prefix("tie:") {
                let (a, b) = rest
                    .split_once("--")
                    .ok_or(format!("line {}: a tie is `tie: A -- B`", n + 1))?;
                let find = |name: &str| {
                    expected
                        .actors
                        .iter()
                        .position(|x| x.name == name.trim())
                        .ok_or(format!("line {}: no actor `{}`", n + 1, name.trim()))
                };
                let pair = (find(a)?, find(b)?);
                expected.ties.push(pair);
            } else if !line.is_empty() && !line.starts_with('#') {
                return Err(format!("line {}: not understood: {line}", n + 1));
            }
        }
        Ok(expected)
    }
}

/// The figures of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub expected_actors: usize,
    pub proposed_actors: usize,
    pub found_actors: usize,
    pub right_actors: usize,
    pub expected_ties: usize,
    pub found_ties: usize,
    pub excerpts: usize,
    pub verbatim: bool,
    /// Expected actors not found, proposed actors not expected, expected ties not found.
    pub missed_actors: Vec<String>,
    pub extra_actors: Vec<String>,
    pub missed_ties: Vec<String>,
}

impl Score {
    pub fn actor_recall(&self) -> f64 {
        ratio(self.found_actors, self.expected_actors)
    }
    pub fn actor_precision(&self) -> f64 {
        ratio(self.right_actors, self.proposed_actors)
    }
    pub fn tie_recall(&self) -> f64 {
        ratio(self.found_ties, self.expected_ties)
    }

    /// "actors: recall 95% (37/39), precision 90% (37/41); ties: recall 80% (50/62); 120
    /// excerpts, all verbatim".
    pub fn line(&self) -> String {
        format!(
            "actors: recall {:.0}% ({}/{}), precision {:.0}% ({}/{}); ties: recall {:.0}% ({}/{}); \
             {} excerpts, {}",
            self.actor_recall() * 100.0,
            self.found_actors,
            self.expected_actors,
            self.actor_precision() * 100.0,
            self.right_actors,
            self.proposed_actors,
            self.tie_recall() * 100.0,
            self.found_ties,
            self.expected_ties,
            self.excerpts,
            if self.verbatim { "all verbatim" } else { "NOT all verbatim" }
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores what ingesting gave against what was expected.
pub fn score(expected: &Expected, got: &Ingested) -> Score {
    let forms = |name: &str, aliases: &[String]| -> HashSet<String> {
        std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .map(normalize_name)
            .filter(|f| !f.is_empty())
            .collect()
    };
    let expected_forms: Vec<HashSet<String>> = expected
        .actors
        .iter()
        .map(|a| forms(&a.name, &a.aliases))
        .collect();
    // Proposed actor → expected actor, by the name first, then any alias; one to one.
    let mut taken = vec![false; expected.actors.len()];
    let mut matched: Vec<Option<usize>> = vec![None; got.actors.len()];
    for pass in 0..2 {
        for (p, a) in got.actors.iter().enumerate() {
            if matched[p].is_some() {
                continue;
            }
            let own: HashSet<String> = if pass == 0 {
                std::iter::once(normalize_name(&a.name)).collect()
            } else {
                forms(&a.name, &a.aliases)
            };
            let hit = (0..expected.actors.len())
                .find(|&e| !taken[e] && expected_forms[e].iter().any(|f| own.contains(f)));
            if let Some(e) = hit {
                taken[e] = true;
                matched[p] = Some(e);
            }
        }
    }
    let pairs: HashSet<(usize, usize)> = got
        .ties
        .iter()
        .filter_map(|t| {
            let (a, b) = (matched[t.from]?, matched[t.to]?);
            Some((a.min(b), a.max(b)))
        })
        .collect();
    let found_ties: Vec<bool> = expected
        .ties
        .iter()
        .map(|&(a, b)| pairs.contains(&(a.min(b), a.max(b))))
        .collect();
    let verbatim = got.ties.iter().flat_map(|t| &t.excerpts).all(|e| {
        e.start < e.end
            && got
                .text
                .get(e.start..e.end)
                .is_some_and(|q| q.trim() == q && !q.is_empty())
    });
    Score {
        expected_actors: expected.actors.len(),
        proposed_actors: got.actors.len(),
        found_actors: taken.iter().filter(|t| **t).count(),
        right_actors: matched.iter().filter(|m| m.is_some()).count(),
        expected_ties: expected.ties.len(),
        found_ties: found_ties.iter().filter(|f| **f).count(),
        excerpts: got.excerpt_count(),
        verbatim,
        missed_actors: (0..expected.actors.len())
            .filter(|&e| !taken[e])
            .map(|e| expected.actors[e].name.clone())
            .collect(),
        extra_actors: (0..got.actors.len())
            .filter(|&p| matched[p].is_none())
            .map(|p| got.actors[p].name.clone())
            .collect(),
        missed_ties: expected
            .ties
            .iter()
            .zip(&found_ties)
            .filter(|(_, f)| !**f)
            .map(|(&(a, b), _)| {
                format!("{} -- {}", expected.actors[a].name, expected.actors[b].name)
            })
            .collect(),
    }
}
