//! Actors' names and aliases reduced for comparison ("Mr. Kim Jong-un" and "Kim Jong Un" alike),
//! all normalised into one buffer with their words in one list, for the duplicate search.

use crate::model::{ActorKind, Dataset};

/// A name reduced for comparison: lower case, no punctuation, hyphens as spaces, titles dropped.
/// "Mr. Kim Jong-un" and "Kim Jong Un" both become "kim jong un".
pub fn normalize_name(name: &str) -> String {
    let mut normalized = String::with_capacity(name.len());
    push_normalized(name, &mut normalized);
    normalized
}

/// Appends `name` reduced for comparison (see [`normalize_name`]) to `out`, its words joined by
/// single spaces.
fn push_normalized(name: &str, out: &mut String) {
    const TITLES: [&str; 7] = ["mr", "mrs", "ms", "dr", "president", "the", "prof"];
    let start = out.len();
    // Where the word being written began, with the space before it; none between words.
    let mut word_from = None;
    let end_word = |out: &mut String, word_from: usize| {
        if TITLES.contains(&out[word_from..].trim_start()) {
            out.truncate(word_from);
        }
    };
    for c in name.chars() {
        let letter = if c.is_ascii() {
            c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
        } else {
            c.is_alphanumeric()
                .then(|| c.to_lowercase().next().unwrap_or(c))
        };
        if let Some(letter) = letter {
            if word_from.is_none() {
                word_from = Some(out.len());
                if out.len() > start {
                    out.push(' ');
                }
            }
            out.push(letter);
        } else if c == '-' || c.is_whitespace() {
            if let Some(from) = word_from.take() {
                end_word(out, from);
            }
        }
    }
    if let Some(from) = word_from {
        end_word(out, from);
    }
}

/// One name or alias of an actor, normalised.
pub(super) struct Form<'a> {
    pub actor: usize,
    /// A person, or of unknown kind.
    pub personal: bool,
    /// As written, for the reason shown.
    pub written: &'a str,
    pub words: &'a [&'a str],
    pub is_name: bool,
}

/// Every actor's names and aliases, normalised into one buffer: a map of tens of thousands of
/// actors is read with a handful of allocations, not several per name.
pub(super) struct Normalized<'a> {
    text: String,
    /// Each form's actor, whether it is the name, as written, where it is in `text`, and its
    /// number of words.
    forms: Vec<(usize, bool, &'a str, std::ops::Range<usize>, usize)>,
}

impl<'a> Normalized<'a> {
    pub fn of(data: &'a Dataset) -> Self {
        let mut text = String::new();
        let mut forms = Vec::with_capacity(data.actors.len());
        for (i, actor) in data.actors.iter().enumerate() {
            let names = std::iter::once((actor.name.as_str(), true))
                .chain(actor.aliases.iter().map(|a| (a.as_str(), false)));
            for (written, is_name) in names {
                let start = text.len();
                push_normalized(written, &mut text);
                if text.len() > start {
                    let words = text[start..].bytes().filter(|&b| b == b' ').count() + 1;
                    forms.push((i, is_name, written, start..text.len(), words));
                }
            }
        }
        Self { text, forms }
    }

    /// Each form's words, all in one list.
    pub fn words(&self) -> Vec<&str> {
        self.forms
            .iter()
            .flat_map(|(_, _, _, range, _)| self.text[range.clone()].split(' '))
            .collect()
    }

    pub fn forms<'w>(&self, data: &Dataset, words: &'w [&'w str]) -> Vec<Form<'w>>
    where
        'a: 'w,
    {
        let mut next = 0;
        self.forms
            .iter()
            .map(|&(actor, is_name, written, _, count)| {
                let form = Form {
                    actor,
                    personal: matches!(
                        data.actors[actor].kind,
                        ActorKind::Person | ActorKind::Other
                    ),
                    written,
                    words: &words[next..next + count],
                    is_name,
                };
                next += count;
                form
            })
            .collect()
    }
}
