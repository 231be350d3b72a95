//! Which actors a piece of text names: an actor is mentioned where its name or one of its
//! aliases stands in the text as whole words, ignoring case, punctuation, hyphens and titles
//! ("Mr. Kim Jong Un" names Kim Jong-un). Where two names overlap, the longer one wins, so
//! "Kim Il Sung" is not also a mention of the Kim whose alias is "Kim".

use super::Dataset;

/// Words of a name or a text, as compared: lower case, letters and digits only.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !TITLES.contains(&w.as_str()))
        .collect()
}

/// Words that are not part of a name when matching.
const TITLES: [&str; 7] = ["mr", "mrs", "ms", "dr", "president", "the", "prof"];

/// A name with fewer letters than this is too likely to be an ordinary word.
const SHORTEST_NAME: usize = 3;

/// The actors named in `text` (by index), in the order of their first mention.
pub fn actors_mentioned(data: &Dataset, text: &str) -> Vec<usize> {
    let text_words = words(text);
    if text_words.is_empty() {
        return Vec::new();
    }
    // (first word, length in words, actor) of every place a name or alias stands.
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (i, actor) in data.actors.iter().enumerate() {
        let names = std::iter::once(&actor.name).chain(&actor.aliases);
        for name in names {
            let name_words = words(name);
            let letters: usize = name_words.iter().map(|w| w.chars().count()).sum();
            if name_words.is_empty() || letters < SHORTEST_NAME {
                continue;
            }
            let first = text_words
                .windows(name_words.len())
                .position(|run| run == name_words.as_slice());
            if let Some(at) = first {
                found.push((at, name_words.len(), i));
            }
        }
    }
    // Earliest first, and at one place the longest; a mention inside a longer one is dropped.
    found.sort_by_key(|&(at, len, actor)| (at, std::cmp::Reverse(len), actor));
    let mut covered_to = 0;
    let mut actors = Vec::new();
    for (at, len, actor) in found {
        let inside_longer = at < covered_to && at + len <= covered_to;
        if inside_longer {
            continue;
        }
        covered_to = covered_to.max(at + len);
        if !actors.contains(&actor) {
            actors.push(actor);
        }
    }
    actors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Actor;

    fn map(actors: &[(&str, &[&str])]) -> Dataset {
        Dataset {
            actors: actors
                .iter()
                .map(|(name, aliases)| Actor {
                    id: name.to_lowercase(),
                    name: name.to_string(),
                    aliases: aliases.iter().map(|a| a.to_string()).collect(),
                    ..Actor::default()
                })
                .collect(),
            ..Dataset::default()
        }
    }

    #[test]
    fn actors_are_found_by_name_or_alias_in_order_of_mention() {
        let data = map(&[
            ("Kim Jong-un", &["Mr. Kim"]),
            ("Bashar al-Assad", &["Assad"]),
            ("Xi Jinping", &[]),
        ]);
        let text = "Mr. Assad would be the first head of state Mr. Kim hosted in Pyongyang.";
        assert_eq!(actors_mentioned(&data, text), [1, 0]);
        assert_eq!(
            actors_mentioned(&data, "KIM JONG UN met XI JINPING."),
            [0, 2]
        );
        assert!(actors_mentioned(&data, "Nobody here.").is_empty());
        assert!(actors_mentioned(&data, "").is_empty());
    }

    #[test]
    fn names_match_whole_words_and_the_longer_name_wins() {
        let data = map(&[
            ("Kim Jong-un", &["Kim"]),
            ("Kim Il Sung", &[]),
            ("Ansel", &[]),
        ]);
        assert_eq!(actors_mentioned(&data, "Kim Il Sung founded it."), [1]);
        assert_eq!(actors_mentioned(&data, "Kim met the Anselm family."), [0]);
    }
}
