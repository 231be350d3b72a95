//! Sorting a capitalised run of words into a mention: a known country, demonym, capital or
//! abbreviation, an organisation or a place by its markers, a group ("United Nations experts"),
//! "the West" and "the North", or a name; events, dates, adjectives ("Western bias") and unknown
//! short abbreviations are left out, and a name that qualifies a noun ("the Korea chair") is weak.

use super::countries::{self, Known};
use super::names::{mention, Context, Mention, What};
use super::tokens::{acronym, adjacent, capitalised, Token};
use super::words::*;

/// Whether a single capitalised word qualifies the noun after it ("the Korea chair", "a Korea
/// specialist"), rather than naming an actor there.
pub fn qualifier(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    if last - first != 1 || first == 0 {
        return false;
    }
    let before = tokens[first - 1];
    let after = tokens.get(last);
    let determiner = before.word && is(&["a", "an", "the"], before.text(text));
    let noun_after = after.is_some_and(|a| {
        a.word && !capitalised(a.text(text)) && adjacent(text, &tokens[last - 1], a)
    });
    determiner && noun_after
}

/// Sorts a capitalised run into a mention: known forms first, then markers, groups, events.
/// A capitalised run found: its tokens, where its title starts, its title, and whether weak.
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub outer_start: usize,
    pub title: Option<String>,
    pub weak: bool,
}

pub fn classify(
    ctx: &Context,
    tokens: &[Token],
    found: Found,
    sentence: usize,
    out: &mut Vec<Mention>,
) {
    let Found {
        first,
        last,
        outer_start,
        title,
        weak,
    } = found;
    let text = ctx.text;
    let start = tokens[first].start;
    let end = tokens[last - 1].end;
    let surface = &text[start..end];
    let words: Vec<&str> = tokens[first..last].iter().map(|t| t.text(text)).collect();
    let last_word = words.last().copied().unwrap_or("");
    let mut m = mention(start, end, outer_start, What::Name, sentence, (first, last));
    m.weak = weak;
    m.determiner = follows_the(text, tokens, first);
    m.title = title;
    if words.iter().any(|w| is(&EVENT_WORDS, w)) && !is(&ORG_MARKERS, last_word) {
        return;
    }
    if words.len() == 1 && is(&CALENDAR, last_word) {
        return;
    }
    if let Some(known) = countries::lookup(surface) {
        m.what = What::Known(known);
        m.weak = weak && !matches!(known, Known::Country(_) | Known::Organisation(_));
    } else if is(&ORG_MARKERS, last_word)
        || words.iter().skip(1).any(|w| is(&["of", "for"], w))
        || (words.iter().any(|w| is(&ORG_MARKERS, w)) && words.len() > 1)
    {
        m.what = What::Organisation;
    } else if words.len() > 1 && (is(&PLACE_MARKERS, last_word) || is(&PLACE_HEADS, words[0])) {
        m.what = What::Place;
    } else if words.len() == 1 && acronym(last_word) {
        if last_word.contains('.') && last_word.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return; // "P.R.": an unknown short dotted abbreviation says nothing
        }
        m.what = What::Organisation;
    } else if words.len() == 1 && bare(last_word) == "west" && follows_the(text, tokens, first) {
        m.what = What::Collective;
        m.weak = false;
    } else if words.len() == 1
        && is(&["north", "south", "east"], last_word)
        && follows_the(text, tokens, first)
    {
        m.what = What::Direction;
        m.weak = false;
    } else if words.len() == 1 && m.title.is_none() && adjective(last_word, tokens.get(last), text)
    {
        return; // "Western bias": an adjective, not a name
    }
    let group_noun = tokens.get(last).filter(|n| {
        n.word && adjacent(text, &tokens[last - 1], n) && is(&GROUP_NOUNS, n.text(text))
    });
    let groupable = matches!(
        m.what,
        What::Known(Known::Country(_) | Known::Demonym(_) | Known::Organisation(_))
            | What::Organisation
    );
    out.push(m);
    if let (Some(noun), true) = (group_noun, groupable) {
        let base = out.len() - 1;
        let mut g = mention(
            start,
            noun.end,
            start,
            What::Group,
            sentence,
            (first, last + 1),
        );
        g.base = Some(base);
        out.push(g);
    }
}

/// Whether "the" comes right before token `i`.
fn follows_the(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i - 1].word && bare(tokens[i - 1].text(text)) == "the"
}

/// Whether an unknown capitalised word reads as an adjective before a lower-case noun
/// ("Western bias", "Arab states").
fn adjective(word: &str, next: Option<&Token>, text: &str) -> bool {
    let lower = word.to_lowercase();
    let suffix = ["ern", "an", "ic", "ish", "ese", "ian", "ist"]
        .iter()
        .any(|s| lower.ends_with(s));
    let noun_next = next.is_some_and(|n| n.word && !capitalised(n.text(text)));
    suffix && noun_next
}
