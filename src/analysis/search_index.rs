//! The search index: every word of the map's text, folded (`text.rs`), with where it occurs.
//! Fields are actor names and aliases, ties (their actors' names, label and kind), excerpts,
//! and the sentences of each source's text. A word joined to the next by a hyphen is also
//! indexed joined ("Jong-un" as "jongun"). Built once per state of the map's structure; about
//! 0.1 s at 30,000 ties. No egui.

use foldhash::HashMap;

use super::text::{fold, word_ranges};
use crate::model::Dataset;

/// What a field of the index is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldOf {
    ActorName {
        actor: u32,
    },
    ActorAlias {
        actor: u32,
        alias: u32,
    },
    Tie {
        tie: u32,
    },
    Excerpt {
        tie: u32,
        excerpt: u32,
    },
    /// A sentence of a source: bytes `start..end` of its text.
    Passage {
        source: u32,
        start: u32,
        end: u32,
    },
}

/// A field and how many words it has.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub of: FieldOf,
    pub words: u32,
}

/// One occurrence of a word: its field, its place among the field's words, and its bytes in
/// the field's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub field: u32,
    pub pos: u32,
    pub at: u32,
    pub len: u32,
}

/// For each word, its occurrences (by field, then place).
#[derive(Default)]
pub struct Postings {
    start: Vec<u32>,
    hits: Vec<Hit>,
}

impl Postings {
    fn build(words: usize, mut pairs: Vec<(u32, Hit)>, order: &[u32]) -> Self {
        for (word, _) in &mut pairs {
            *word = order[*word as usize];
        }
        pairs.sort_unstable_by_key(|&(w, h)| (w, h.field, h.pos));
        let mut start = vec![0u32; words + 1];
        for &(w, _) in &pairs {
            start[w as usize + 1] += 1;
        }
        for i in 0..words {
            start[i + 1] += start[i];
        }
        let hits = pairs.into_iter().map(|(_, h)| h).collect();
        Self { start, hits }
    }

    /// The occurrences of one word.
    pub fn of(&self, word: u32) -> &[Hit] {
        let w = word as usize;
        &self.hits[self.start[w] as usize..self.start[w + 1] as usize]
    }
}

/// The whole index.
pub struct SearchIndex {
    /// Every word, folded, sorted.
    pub words: Vec<String>,
    /// Word numbers by byte length, for looking up typos.
    pub by_length: Vec<Vec<u32>>,
    /// Occurrences in names, aliases and ties.
    pub short: Postings,
    /// Occurrences in excerpts and sources.
    pub long: Postings,
    pub fields: Vec<Field>,
    /// For each source, the byte ranges its excerpts quote, sorted.
    pub quoted: Vec<Vec<(u32, u32)>>,
    /// Each actor's number of ties, to rank equal matches.
    pub degree: Vec<u32>,
}

/// Collects words and occurrences while the index is built.
#[derive(Default)]
struct Builder {
    ids: HashMap<String, u32>,
    short: Vec<(u32, Hit)>,
    long: Vec<(u32, Hit)>,
    fields: Vec<Field>,
}

impl Builder {
    fn word_id(&mut self, word: String) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word).or_insert(next)
    }

    /// Adds a field and the words of its text.
    fn add(&mut self, of: FieldOf, text: &str, long: bool) {
        let field = self.fields.len() as u32;
        let mut pos = 0u32;
        let mut previous: Option<(usize, usize, String)> = None;
        for (a, b) in word_ranges(text) {
            let word = fold(&text[a..b]);
            // "Jong-un" is also "jongun".
            let joined = previous.take().and_then(|(pa, pb, pw)| {
                matches!(&text[pb..a], "-" | "‐" | "‑").then(|| (pa, pw + &word))
            });
            if let Some((pa, joined)) = joined {
                let id = self.word_id(joined);
                self.push(long, id, field, pos - 1, pa, b);
            }
            let id = self.word_id(word.clone());
            self.push(long, id, field, pos, a, b);
            previous = Some((a, b, word));
            pos += 1;
        }
        self.fields.push(Field { of, words: pos });
    }

    fn push(&mut self, long: bool, word: u32, field: u32, pos: u32, a: usize, b: usize) {
        let hit = Hit {
            field,
            pos,
            at: a as u32,
            len: (b - a) as u32,
        };
        if long {
            self.long.push((word, hit));
        } else {
            self.short.push((word, hit));
        }
    }
}

/// The sentences of a text: byte ranges ending after `.`, `?` or `!` followed by a space, or
/// at a line break, surrounding spaces left out.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        let stop = matches!(c, '.' | '?' | '!') && next_is_space && !after_title(&text[..i]);
        let ends = c == '\n' || stop;
        if ends || chars.peek().is_none() {
            let end = i + c.len_utf8();
            let piece = &text[start..end];
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                out.push((start + lead, start + lead + trimmed.len()));
            }
            start = end;
        }
    }
    out
}

/// Whether `before` ends with a short capitalised word ("Mr", "Dr", "U.S"), after which a
/// full stop does not end the sentence.
fn after_title(before: &str) -> bool {
    let word: Vec<char> = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    !word.is_empty() && word.len() <= 3 && word.last().is_some_and(|c| c.is_uppercase())
}

/// What an index is built from, as read from a dataset: once it is read, building the index
/// needs the dataset no more (a worker lets go of it, and edits wait no longer).
#[derive(Default)]
pub struct IndexReading {
    builder: Builder,
    quoted: Vec<Vec<(u32, u32)>>,
    degree: Vec<u32>,
}

/// Elements read between two looks at whether to stop.
const READ_BETWEEN_CHECKS: usize = 1024;

impl IndexReading {
    /// Reads `data`; `None` when `stop` says so before the end (asked every thousand or so
    /// elements).
    pub fn read(data: &Dataset, stop: &dyn Fn() -> bool) -> Option<Self> {
        let stopped = |n: usize| n.is_multiple_of(READ_BETWEEN_CHECKS) && stop();
        let mut b = Builder::default();
        let mut degree = vec![0u32; data.actors.len()];
        for (i, actor) in data.actors.iter().enumerate() {
            if stopped(i) {
                return None;
            }
            b.add(FieldOf::ActorName { actor: i as u32 }, &actor.name, false);
            for (k, alias) in actor.aliases.iter().enumerate() {
                let of = FieldOf::ActorAlias {
                    actor: i as u32,
                    alias: k as u32,
                };
                b.add(of, alias, false);
            }
        }
        let mut quoted = vec![Vec::new(); data.sources.len()];
        let mut text = String::new();
        for (t, tie) in data.ties.iter().enumerate() {
            if stopped(t) {
                return None;
            }
            for id in [&tie.from, &tie.to] {
                if let Some(a) = data.actor_place(id) {
                    degree[a] += 1;
                }
            }
            text.clear();
            text.push_str(data.actor_name(&tie.from));
            text.push(' ');
            text.push_str(data.actor_name(&tie.to));
            text.push(' ');
            text.push_str(&tie.label);
            text.push(' ');
            text.push_str(tie.kind.label());
            b.add(FieldOf::Tie { tie: t as u32 }, &text, false);
            for (k, x) in tie.excerpts.iter().enumerate() {
                let of = FieldOf::Excerpt {
                    tie: t as u32,
                    excerpt: k as u32,
                };
                b.add(of, &x.quote, true);
                if let Some(s) = data.source_place(&x.source) {
                    quoted[s].push((x.start as u32, x.end as u32));
                }
            }
        }
        for (s, source) in data.sources.iter().enumerate() {
            if stop() {
                return None;
            }
            quoted[s].sort_unstable();
            for (start, end) in sentences(&source.text) {
                let of = FieldOf::Passage {
                    source: s as u32,
                    start: start as u32,
                    end: end as u32,
                };
                b.add(of, &source.text[start..end], true);
            }
        }
        Some(Self {
            builder: b,
            quoted,
            degree,
        })
    }
}

impl SearchIndex {
    pub fn build(data: &Dataset) -> Self {
        // A read that is never asked to stop always ends with `Some`.
        Self::from_reading(IndexReading::read(data, &|| false).unwrap_or_default())
    }

    /// The index of what was read.
    pub fn from_reading(reading: IndexReading) -> Self {
        let IndexReading {
            builder: b,
            quoted,
            degree,
        } = reading;
        // Number the words in sorted order.
        let mut words: Vec<(String, u32)> = b.ids.into_iter().collect();
        words.sort_unstable();
        let mut order = vec![0u32; words.len()];
        for (new, (_, old)) in words.iter().enumerate() {
            order[*old as usize] = new as u32;
        }
        let words: Vec<String> = words.into_iter().map(|(w, _)| w).collect();
        let mut by_length: Vec<Vec<u32>> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if by_length.len() <= w.len() {
                by_length.resize(w.len() + 1, Vec::new());
            }
            by_length[w.len()].push(i as u32);
        }
        Self {
            short: Postings::build(words.len(), b.short, &order),
            long: Postings::build(words.len(), b.long, &order),
            words,
            by_length,
            fields: b.fields,
            quoted,
            degree,
        }
    }

    /// The words that start with `prefix`, as a range of word numbers.
    pub fn with_prefix(&self, prefix: &str) -> std::ops::Range<u32> {
        let first = self.words.partition_point(|w| w.as_str() < prefix);
        let len = self.words[first..].partition_point(|w| w.starts_with(prefix));
        first as u32..(first + len) as u32
    }

    /// The number of a word, if the index has it.
    pub fn word(&self, word: &str) -> Option<u32> {
        self.words
            .binary_search_by(|w| w.as_str().cmp(word))
            .ok()
            .map(|i| i as u32)
    }

    /// Whether byte `at` of source `s` lies inside text that an excerpt quotes.
    pub fn is_quoted(&self, s: usize, at: u32) -> bool {
        let Some(ranges) = self.quoted.get(s) else {
            return false;
        };
        let after = ranges.partition_point(|&(start, _)| start <= at);
        ranges[..after].iter().rev().any(|&(_, end)| at < end)
    }

    /// The bytes the index holds (words, occurrences, fields), for measuring.
    pub fn heap_bytes(&self) -> usize {
        let words: usize = self.words.iter().map(|w| w.capacity() + 24).sum();
        let hits = (self.short.hits.len() + self.long.hits.len()) * std::mem::size_of::<Hit>();
        words + hits + self.fields.len() * std::mem::size_of::<Field>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_and_line_breaks() {
        let text = "Mr. Kim met him. Then? Yes!\n\nA new line.  Last";
        let found: Vec<&str> = sentences(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            found,
            ["Mr. Kim met him.", "Then?", "Yes!", "A new line.", "Last"]
        );
    }

    #[test]
    fn the_sample_index_has_names_joined_words_and_quoted_ranges() {
        let data = crate::sample::sample_dataset();
        let index = SearchIndex::build(&data);
        assert!(index.word("lavrov").is_some());
        assert!(index.word("jongun").is_some(), "Kim Jong-un joined");
        assert!(index.word("Lavrov").is_none(), "words are folded");
        let prefix = index.with_prefix("lav");
        assert_eq!(index.words[prefix.start as usize], "lavrov");
        let x = &data.ties[0].excerpts[0];
        let s = data.source_place(&x.source).unwrap();
        assert!(index.is_quoted(s, x.start as u32));
        assert!(index.is_quoted(s, x.end as u32 - 1));
        assert!(
            !index.is_quoted(s, 0)
                || data
                    .ties
                    .iter()
                    .any(|t| t.excerpts.iter().any(|x| x.start == 0))
        );
    }

    #[test]
    fn a_reading_asked_to_stop_stops_and_one_never_asked_gives_the_whole_index() {
        let data = crate::generate::generate(300, 3_000, 5);
        let asked = std::cell::Cell::new(0);
        let stop_at_third = || {
            asked.set(asked.get() + 1);
            asked.get() >= 3
        };
        assert!(IndexReading::read(&data, &stop_at_third).is_none());
        assert_eq!(asked.get(), 3, "it stops as soon as it is told");
        let read = IndexReading::read(&data, &|| false).expect("never asked to stop");
        let (whole, built) = (SearchIndex::from_reading(read), SearchIndex::build(&data));
        assert_eq!(whole.words, built.words);
        assert!(!whole.words.is_empty());
    }
}
