//! Search: a query's words against the index (`search_index.rs`), each word matched exactly,
//! as the start of a word (the one being typed), or with a typo or two in longer words; every
//! word of the query must match in the same field. Results come grouped as actors (names and
//! aliases), ties (their actors, label and kind) and quotes (excerpts, then sentences of the
//! articles that no excerpt quotes), each ranked, each quote with its words in context. No egui.

use super::search_index::{FieldOf, Hit, Postings, SearchIndex};
use super::text::{distance_within, fold, typos_allowed, word_ranges};
use crate::model::Dataset;

/// The most results kept in each group.
pub const LIMIT: usize = 50;

const EXACT: u8 = 3;
const PREFIX: u8 = 2;
const TYPO: u8 = 1;

/// An actor found by its name or one of its aliases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorHit {
    pub actor: usize,
    /// The alias that matched (its index), when the name did not match as well.
    pub alias: Option<usize>,
    pub score: i32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TieHit {
    pub tie: usize,
    pub score: i32,
}

/// Where a quote is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotePlace {
    Excerpt {
        tie: usize,
        excerpt: usize,
    },
    /// Text of a source that no excerpt quotes: bytes `start..end` of its text.
    Article {
        source: usize,
        start: usize,
        end: usize,
    },
}

/// Words in context: a piece of the text, and the byte ranges in it of the words that matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub marks: Vec<(usize, usize)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteHit {
    pub place: QuotePlace,
    pub score: i32,
    pub snippet: Snippet,
}

/// What a search found: the best [`LIMIT`] of each group, and how many there were in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub actors: Vec<ActorHit>,
    pub ties: Vec<TieHit>,
    pub quotes: Vec<QuoteHit>,
    /// Actors, ties and quotes found, before the limit.
    pub totals: [usize; 3],
}

impl SearchResults {
    pub fn is_empty(&self) -> bool {
        self.totals == [0; 3]
    }

    pub fn len(&self) -> usize {
        self.actors.len() + self.ties.len() + self.quotes.len()
    }
}

/// One word of the query: the index's words it matches, each with how well.
type Candidates = Vec<(u32, u8)>;

/// The words of the index that `token` matches, in short fields (`long` false: any start
/// of a word counts) or long ones (the start of a word counts from three letters).
fn candidates(index: &SearchIndex, token: &str, long: bool) -> Candidates {
    let mut found: Candidates = Vec::new();
    if !long || token.len() >= 3 {
        for w in index.with_prefix(token) {
            let exact = index.words[w as usize].len() == token.len();
            found.push((w, if exact { EXACT } else { PREFIX }));
        }
    } else if let Some(w) = index.word(token) {
        found.push((w, EXACT));
    }
    let typos = typos_allowed(token.len());
    if typos > 0 {
        let lengths = token.len() - typos..=token.len() + typos;
        for len in lengths {
            for &w in index.by_length.get(len).map_or(&[][..], Vec::as_slice) {
                let word = index.words[w as usize].as_bytes();
                // A typo in the first letter is rare; checking it first skips most words.
                if word.first() != token.as_bytes().first()
                    && word.get(1) != token.as_bytes().get(1)
                {
                    continue;
                }
                if !found.iter().any(|&(f, _)| f == w)
                    && distance_within(token.as_bytes(), word, typos).is_some()
                {
                    found.push((w, TYPO));
                }
            }
        }
    }
    found
}

/// A field where every word of the query matched: for each query word, its occurrence.
struct FieldMatch {
    field: u32,
    hits: Vec<(Hit, u8)>,
}

/// The fields of `postings` where every query word matches, each with the occurrence chosen
/// for each word: the best match, next to the previous word's where it can be.
fn match_fields(postings: &Postings, tokens: &[Candidates]) -> Vec<FieldMatch> {
    let mut fields: Vec<FieldMatch> = Vec::new();
    for (i, words) in tokens.iter().enumerate() {
        let mut occurrences: Vec<(Hit, u8)> = words
            .iter()
            .flat_map(|&(w, q)| postings.of(w).iter().map(move |&h| (h, q)))
            .collect();
        if occurrences.is_empty() {
            return Vec::new();
        }
        occurrences.sort_unstable_by_key(|(h, _)| (h.field, h.pos));
        if i == 0 {
            for run in occurrences.chunk_by(|a, b| a.0.field == b.0.field) {
                let best = run
                    .iter()
                    .max_by_key(|(h, q)| (*q, std::cmp::Reverse(h.pos)));
                if let Some(&best) = best {
                    fields.push(FieldMatch {
                        field: best.0.field,
                        hits: vec![best],
                    });
                }
            }
            continue;
        }
        let mut runs = occurrences
            .chunk_by(|a, b| a.0.field == b.0.field)
            .peekable();
        fields.retain_mut(|m| {
            while runs.next_if(|r| r[0].0.field < m.field).is_some() {}
            let Some(run) = runs.peek().filter(|r| r[0].0.field == m.field) else {
                return false;
            };
            let after = m.hits.last().map_or(0, |(h, _)| h.pos + 1);
            let best = run
                .iter()
                .max_by_key(|(h, q)| (*q, h.pos == after, std::cmp::Reverse(h.pos)));
            if let Some(&best) = best {
                m.hits.push(best);
            }
            true
        });
        if fields.is_empty() {
            break;
        }
    }
    fields
}

/// How well a field matched: 10 for each word matched exactly (less for a start or a typo),
/// 6 for each word right after the one before, 4 when the first word starts the field, 10 when
/// the query is the whole field.
fn score(index: &SearchIndex, m: &FieldMatch) -> i32 {
    let mut score: i32 = m.hits.iter().map(|(_, q)| i32::from(*q) * 10).sum();
    for pair in m.hits.windows(2) {
        if pair[1].0.pos == pair[0].0.pos + 1 {
            score += 6;
        }
    }
    if m.hits.first().is_some_and(|(h, _)| h.pos == 0) {
        score += 4;
    }
    let words = index.fields[m.field as usize].words as usize;
    if words == m.hits.len() && m.hits.iter().all(|(_, q)| *q == EXACT) {
        score += 10;
    }
    score
}

/// Searches the index (built from `data` as it is) for `query`.
pub fn search(index: &SearchIndex, data: &Dataset, query: &str) -> SearchResults {
    let tokens: Vec<String> = word_ranges(query)
        .map(|(a, b)| fold(&query[a..b]))
        .collect();
    let mut results = SearchResults::default();
    if tokens.is_empty() {
        return results;
    }
    let short: Vec<Candidates> = tokens.iter().map(|t| candidates(index, t, false)).collect();
    let mut actors: Vec<ActorHit> = Vec::new();
    for m in match_fields(&index.short, &short) {
        let s = score(index, &m);
        match index.fields[m.field as usize].of {
            FieldOf::ActorName { actor } => actors.push(ActorHit {
                actor: actor as usize,
                alias: None,
                score: s + 3,
            }),
            FieldOf::ActorAlias { actor, alias } => actors.push(ActorHit {
                actor: actor as usize,
                alias: Some(alias as usize),
                score: s,
            }),
            FieldOf::Tie { tie } => results.ties.push(TieHit {
                tie: tie as usize,
                score: s,
            }),
            FieldOf::Excerpt { .. } | FieldOf::Passage { .. } => {}
        }
    }
    // One hit per actor: its best field, the name before an alias at equal scores.
    actors.sort_by_key(|h| (h.actor, std::cmp::Reverse(h.score), h.alias.is_some()));
    actors.dedup_by_key(|h| h.actor);
    let degree = |a: usize| index.degree.get(a).copied().unwrap_or(0);
    actors.sort_by_key(|h| {
        (
            std::cmp::Reverse(h.score),
            std::cmp::Reverse(degree(h.actor)),
            h.actor,
        )
    });
    results.totals[0] = actors.len();
    actors.truncate(LIMIT);
    results.actors = actors;
    let excerpts = |t: usize| data.ties.get(t).map_or(0, |t| t.excerpts.len());
    results.ties.sort_by_key(|h| {
        (
            std::cmp::Reverse(h.score),
            std::cmp::Reverse(excerpts(h.tie)),
            h.tie,
        )
    });
    results.totals[1] = results.ties.len();
    results.ties.truncate(LIMIT);

    let long: Vec<Candidates> = tokens.iter().map(|t| candidates(index, t, true)).collect();
    let mut quotes: Vec<(i32, u8, u32, FieldMatch)> = Vec::new();
    for m in match_fields(&index.long, &long) {
        let s = score(index, &m);
        match index.fields[m.field as usize].of {
            FieldOf::Excerpt { .. } => quotes.push((s, 0, m.field, m)),
            FieldOf::Passage { source, start, .. } => {
                let at = start + m.hits[0].0.at;
                if !index.is_quoted(source as usize, at) {
                    quotes.push((s, 1, m.field, m));
                }
            }
            _ => {}
        }
    }
    quotes.sort_by_key(|(s, article, field, _)| (std::cmp::Reverse(*s), *article, *field));
    results.totals[2] = quotes.len();
    results.quotes = quotes
        .into_iter()
        .take(LIMIT)
        .filter_map(|(score, _, field, m)| quote_hit(index, data, field, &m, score))
        .collect();
    results
}

/// A quote result, with its words in context.
fn quote_hit(
    index: &SearchIndex,
    data: &Dataset,
    field: u32,
    m: &FieldMatch,
    score: i32,
) -> Option<QuoteHit> {
    let (place, text) = match index.fields[field as usize].of {
        FieldOf::Excerpt { tie, excerpt } => {
            let (tie, excerpt) = (tie as usize, excerpt as usize);
            let x = data.ties.get(tie)?.excerpts.get(excerpt)?;
            (QuotePlace::Excerpt { tie, excerpt }, x.quote.as_str())
        }
        FieldOf::Passage { source, start, end } => {
            let (source, start, end) = (source as usize, start as usize, end as usize);
            let text = data.sources.get(source)?.text.get(start..end)?;
            (QuotePlace::Article { source, start, end }, text)
        }
        _ => return None,
    };
    let marks: Vec<(usize, usize)> = m
        .hits
        .iter()
        .map(|(h, _)| (h.at as usize, (h.at + h.len) as usize))
        .collect();
    Some(QuoteHit {
        place,
        score,
        snippet: snippet(text, &marks),
    })
}

/// Bytes of context kept before the first matched word, and in all.
const BEFORE: usize = 50;
const WIDTH: usize = 180;

/// A piece of `text` around the matched words (`marks`, byte ranges), cut at words, with "…"
/// where it was cut, and the marks moved to the piece.
pub fn snippet(text: &str, marks: &[(usize, usize)]) -> Snippet {
    let first = marks.iter().map(|m| m.0).min().unwrap_or(0).min(text.len());
    let mut start = first.saturating_sub(BEFORE);
    if start > 0 {
        // To the start of a word.
        while start < first && !text.is_char_boundary(start) {
            start += 1;
        }
        if let Some(space) = text[start..first].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    let mut end = (start + WIDTH).max(first).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        if let Some(space) = text[first..end].rfind(char::is_whitespace) {
            end = first + space;
        }
    }
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < text.len() { "…" } else { "" };
    let piece = text[start..end].trim_end();
    let shift = lead.len() as isize - start as isize;
    let marks = marks
        .iter()
        .filter(|&&(a, b)| a >= start && b <= start + piece.len())
        .map(|&(a, b)| ((a as isize + shift) as usize, (b as isize + shift) as usize))
        .collect();
    Snippet {
        text: format!("{lead}{piece}{tail}"),
        marks,
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
