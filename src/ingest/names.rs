//! Finding the names in a sentence: capitalised runs of words with their titles ("President
//! Bashar al-Assad", "Mr. Kim"), organisations by their markers ("Center for Strategic and
//! International Studies") and countries, demonyms, capitals and abbreviations by the country
//! data. A name that only starts a sentence, stands in a headline or qualifies a noun ("the Korea
//! chair") is weak: it counts only where a strong mention elsewhere names the same actor.

use super::classify::{classify, qualifier, Found};
use super::countries::{self, Known};
use super::tokens::{adjacent, Token};
use super::words::*;

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// A name of unknown kind (a person when it has a title).
    Name,
    Organisation,
    Place,
    /// A known country, demonym, capital or abbreviated organisation.
    Known(Known),
    /// A group of a country or organisation ("United Nations experts"): an organisation that
    /// belongs to the mention `base` tokens before it.
    Group,
    /// Something backed or led by another ("NATO-backed coalition"): an organisation.
    Backed,
    /// "the West": a collective of states.
    Collective,
    /// "the North", "the South": the one country of the article whose name starts so.
    Direction,
}

/// A name standing in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The name without title or possessive: `text[start..end]`.
    pub start: usize,
    pub end: usize,
    /// Where the whole mention, title included, starts.
    pub outer_start: usize,
    pub what: What,
    /// The title or honorific before the name, lower case ("president", "mr").
    pub title: Option<String>,
    /// Counts only where a strong mention names the same actor.
    pub weak: bool,
    pub sentence: usize,
    /// Index of the first token of the name in the sentence's tokens, and one past the last.
    pub first: usize,
    pub last: usize,
    /// Follows "the" (not starting the sentence): people are named without an article.
    pub determiner: bool,
    /// For groups and backed things: the mention of the country or organisation they belong
    /// to or are backed by, by its place in the sentence's mentions.
    pub base: Option<usize>,
}

/// What the sentence finder needs to know of the whole article.
pub struct Context<'a> {
    pub text: &'a str,
    /// Lower-case words of the article that appear in lower case somewhere: "Analysts" at the
    /// start of a sentence is an ordinary word when "analysts" appears too.
    pub lower_words: &'a foldhash::HashSet<String>,
}

/// The mentions of one sentence, in order. `tokens` are the sentence's; `headline` says the
/// sentence is in title case, so none of its names is strong.
pub fn scan(ctx: &Context, tokens: &[Token], sentence: usize, headline: bool) -> Vec<Mention> {
    let text = ctx.text;
    let mut mentions: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let word = t.text(text);
        if !t.word || !(capitalised(word) || backed_word(word).is_some()) {
            i += 1;
            continue;
        }
        if let Some(base) = backed_word(word) {
            i = backed(ctx, tokens, i, base, sentence, &mut mentions);
            continue;
        }
        let at_start = sentence_start(text, tokens, i);
        // A sentence-starting ordinary word ("If", "Analysts") before a name is not part of it.
        if at_start && is(&NOT_NAMES, word) {
            i += 1;
            continue;
        }
        // "the two Koreas": a plural after a number is a common noun.
        if i > 0
            && is(
                &["two", "three", "both", "several", "many"],
                tokens[i - 1].text(text),
            )
        {
            i += 1;
            continue;
        }
        let (mut title, mut name_at) = title_run(text, tokens, i);
        let mut end = name_end(text, tokens, name_at);
        // "State Department", "Supreme Court": a title word inside an organisation's name.
        if title.is_some() && run_marked(text, &tokens[name_at..end]) {
            (title, name_at) = (None, i);
            end = name_end(text, tokens, i);
        }
        let mut first = name_at;
        // A sentence-starting ordinary word ("Analysts", "The") is not part of the name.
        while first < end && first == i && at_start && title.is_none() {
            let w = tokens[first].text(text);
            let ordinary = ctx.lower_words.contains(&bare(w))
                || (bare(w).ends_with("ing") && countries::lookup(w).is_none());
            if is(&NOT_NAMES, w) || (end - first > 1 && ordinary) {
                first += 1;
            } else {
                break;
            }
        }
        if first < end && is(&["the"], tokens[first].text(text)) {
            first += 1;
        }
        if first >= end {
            i = end.max(i + 1);
            continue;
        }
        let mut last = end;
        while last > first && is(&CALENDAR, tokens[last - 1].text(text)) {
            last -= 1;
        }
        if last > first {
            let weak = headline
                || (last - first == 1 && title.is_none() && at_start && first == i)
                || qualifier(text, tokens, first, last);
            let outer_start = if title.is_some() {
                tokens[i].start
            } else {
                tokens[first].start
            };
            let found = Found {
                first,
                last,
                outer_start,
                title,
                weak,
            };
            classify(ctx, tokens, found, sentence, &mut mentions);
        }
        i = end;
    }
    mentions
}

/// Whether a word can be part of a name: capitalised, or a particle joined to a capitalised
/// name by a hyphen ("al-Assad", "bin-Salman").
fn capitalised(word: &str) -> bool {
    super::tokens::capitalised(word)
        || word
            .split_once('-')
            .is_some_and(|(p, rest)| PARTICLES.contains(&p) && super::tokens::capitalised(rest))
}

/// The name `X` of an "X-backed" word, if it is one.
fn backed_word(word: &str) -> Option<&str> {
    let (base, suffix) = word.rsplit_once('-')?;
    (BACKING.contains(&suffix) && capitalised(base)).then_some(base)
}

/// "NATO-backed coalition": a mention of NATO and one of the coalition it backs.
fn backed(
    ctx: &Context,
    tokens: &[Token],
    i: usize,
    base: &str,
    sentence: usize,
    out: &mut Vec<Mention>,
) -> usize {
    let t = tokens[i];
    let base_end = t.start + base.len();
    let what = countries::lookup(base).map_or(What::Organisation, What::Known);
    out.push(mention(
        t.start,
        base_end,
        t.start,
        what,
        sentence,
        (i, i + 1),
    ));
    let base_index = out.len() - 1;
    let mut j = i + 1;
    while j < tokens.len()
        && tokens[j].word
        && adjacent(ctx.text, &tokens[j - 1], &tokens[j])
        && !capitalised(tokens[j].text(ctx.text))
        && j - i <= 2
    {
        j += 1;
        if !tokens[j - 1].text(ctx.text).ends_with('s') || j - i == 2 {
            break;
        }
    }
    if j > i + 1 {
        let mut m = mention(
            t.start,
            tokens[j - 1].end,
            t.start,
            What::Backed,
            sentence,
            (i, j),
        );
        m.base = Some(base_index);
        out.push(m);
    }
    j
}

pub(super) fn mention(
    start: usize,
    end: usize,
    outer_start: usize,
    what: What,
    sentence: usize,
    (first, last): (usize, usize),
) -> Mention {
    Mention {
        start,
        end,
        outer_start,
        what,
        title: None,
        weak: false,
        sentence,
        first,
        last,
        base: None,
        determiner: false,
    }
}

/// Whether token `i` starts its sentence (after any opening quote marks or dashes).
fn sentence_start(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens[..i]
        .iter()
        .all(|t| !t.word && !t.text(text).starts_with(char::is_alphanumeric))
}

/// The title run starting at `i` ("President", "Mr.", "Foreign Minister", "Secretary of
/// State"), and where the name after it starts. No title when no capitalised name follows.
fn title_run(text: &str, tokens: &[Token], i: usize) -> (Option<String>, usize) {
    let mut j = i;
    let mut words: Vec<String> = Vec::new();
    while j < tokens.len() && tokens[j].word {
        let w = tokens[j].text(text);
        let titled = capitalised(w) && (is(&HONORIFICS, w) || is(&TITLES, w));
        let of = bare(w) == "of" && !words.is_empty() && j + 1 < tokens.len();
        if !(titled || of) || (j > i && !adjacent(text, &tokens[j - 1], &tokens[j])) {
            break;
        }
        words.push(bare(w));
        j += 1;
    }
    while words.last().is_some_and(|w| w == "of") {
        words.pop();
        j -= 1;
    }
    let name_follows = j < tokens.len()
        && j > i
        && tokens[j].word
        && adjacent(text, &tokens[j - 1], &tokens[j])
        && capitalised(tokens[j].text(text))
        && !tokens[j - 1].possessive;
    if name_follows {
        (Some(words.join(" ")), j)
    } else {
        (None, i)
    }
}

/// One past the last token of the capitalised run from `i`: capitalised words, initials and
/// name particles, joined by single spaces, and connectors ("of", "for", "and") inside an
/// organisation's or a state's name. A possessive ends the run.
fn name_end(text: &str, tokens: &[Token], i: usize) -> usize {
    let mut j = i + 1;
    let mut marked = run_marked(text, &tokens[i..j]);
    while j < tokens.len() {
        let (prev, t) = (&tokens[j - 1], &tokens[j]);
        // A possessive ends the run, except inside a state's name ("People’s Republic").
        let joined_possessive = prev.possessive
            && t.word
            && text[prev.end..t.start].trim_start_matches(['’', '\'', 's']) == " "
            && run_marked(text, std::slice::from_ref(t));
        if !t.word || (prev.possessive && !joined_possessive) {
            break;
        }
        if !prev.possessive && !adjacent(text, prev, t) {
            break;
        }
        let w = t.text(text);
        if capitalised(w) {
            j += 1;
            marked |= run_marked(text, &tokens[j - 1..j]);
            continue;
        }
        let particle = is(&PARTICLES, w)
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.word && capitalised(n.text(text)) && adjacent(text, t, n));
        // A connector, then more connectors ("of the"), then a capitalised word.
        let mut k = j;
        while k < tokens.len() && tokens[k].word && is(&CONNECTORS, tokens[k].text(text)) {
            k += 1;
        }
        let joined = marked
            && k > j
            && k - j <= 2
            && tokens.get(k).is_some_and(|n| {
                n.word && capitalised(n.text(text)) && adjacent(text, &tokens[k - 1], n)
            });
        if particle {
            j += 1;
        } else if joined {
            j = k;
        } else {
            break;
        }
    }
    // A known country starting inside the run, after a name, is a name of its own: "a visit
    // from Mr. Assad North Korea could be ...".
    for k in i + 1..j {
        let rest: Vec<&str> = tokens[k..j].iter().map(|t| t.text(text)).collect();
        for n in (1..=rest.len()).rev() {
            let joined = rest[..n].join(" ");
            let country = matches!(countries::lookup(&joined), Some(Known::Country(_)));
            let connector_before = is(&CONNECTORS, tokens[k - 1].text(text));
            let joined = tokens[k - 1].possessive;
            if country && n >= 2 && !connector_before && !joined && !run_marked(text, &tokens[i..k])
            {
                return k;
            }
        }
    }
    j
}

/// Whether a run of tokens holds an organisation's or a state's marker, which lets
/// connectors join it ("Ministry of Foreign Affairs", "Republic of Korea").
fn run_marked(text: &str, run: &[Token]) -> bool {
    run.iter().any(|t| {
        let w = t.text(text);
        is(&ORG_MARKERS, w)
            || is(
                &["republic", "kingdom", "federation", "emirates", "states"],
                w,
            )
    })
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
