//! Finding actors that may be one actor under two names, the way newsroom duplicates look:
//! the same name written differently ("Kim Jong-un", "Kim Jong Un"), a name that is another's
//! alias, a surname or short form inside a full name ("Ansel" and "Teodor Ansel", when no
//! other actor's name contains it), and initials ("J. Bolton" and "John R. Bolton"). Each pair
//! says why it was proposed; pairs come strongest first.

use foldhash::{HashMap, HashMapExt};

use crate::model::{ActorKind, Dataset};

/// Why two actors were proposed as one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Their names are the same once case, punctuation, hyphens and titles are ignored.
    SameName { a: String, b: String },
    /// A name or alias of one is an alias of the other, written alike.
    SameAlias { a: String, b: String },
    /// The shorter name's words stand, as whole words, in the longer name, and in no other
    /// actor's name (people only).
    Contained { short: String, long: String },
    /// The shorter name gives initials for the longer name's first names.
    Initials { short: String, long: String },
}

impl Reason {
    /// How strongly the reason suggests one actor: higher first.
    pub fn strength(&self) -> u8 {
        match self {
            Reason::SameName { .. } => 4,
            Reason::SameAlias { .. } => 3,
            Reason::Initials { .. } => 2,
            Reason::Contained { .. } => 1,
        }
    }

    /// A sentence for the duplicates window.
    pub fn explain(&self) -> String {
        match self {
            Reason::SameName { a, b } => {
                format!("“{a}” and “{b}” are the same name written differently")
            }
            Reason::SameAlias { a, b } => format!("“{a}” and “{b}” match as names or aliases"),
            Reason::Contained { short, long } => {
                format!("“{short}” is part of “{long}”, and of no other actor's name")
            }
            Reason::Initials { short, long } => {
                format!("“{short}” gives the initials of “{long}”")
            }
        }
    }
}

/// Two actors that may be one (by index, lower first), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PossibleDuplicate {
    pub a: usize,
    pub b: usize,
    pub reason: Reason,
}

/// A name reduced for comparison: lower case, no punctuation, hyphens as spaces, titles dropped.
/// "Mr. Kim Jong-un" and "Kim Jong Un" both become "kim jong un".
pub fn normalize_name(name: &str) -> String {
    const TITLES: [&str; 7] = ["mr", "mrs", "ms", "dr", "president", "the", "prof"];
    let cleaned: String = name
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() {
                Some(c.to_lowercase().next().unwrap_or(c))
            } else if c == '-' || c.is_whitespace() {
                Some(' ')
            } else {
                None
            }
        })
        .collect();
    cleaned
        .split_whitespace()
        .filter(|w| !TITLES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Up to this many forms written alike, aliases are compared with aliases too.
const FEW_SHARING: usize = 8;

/// Names that are this short once normalised (without spaces) are too common to compare.
const SHORTEST_KEY: usize = 3;
/// A word this short is too common to stand for an actor on its own ("al", "de", "un").
const SHORTEST_WORD: usize = 3;

/// One name or alias of an actor, normalised.
struct Form<'a> {
    actor: usize,
    /// A person, or of unknown kind.
    personal: bool,
    /// As written, for the reason shown.
    written: &'a str,
    words: Vec<String>,
    is_name: bool,
}

/// Every pair of actors that may be one, strongest reason first, then by place.
pub fn possible_duplicates(data: &Dataset) -> Vec<PossibleDuplicate> {
    let mut forms: Vec<Form> = Vec::new();
    for (i, actor) in data.actors.iter().enumerate() {
        let names = std::iter::once((actor.name.as_str(), true))
            .chain(actor.aliases.iter().map(|a| (a.as_str(), false)));
        for (written, is_name) in names {
            let words: Vec<String> = normalize_name(written)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            if !words.is_empty() {
                forms.push(Form {
                    actor: i,
                    personal: matches!(actor.kind, ActorKind::Person | ActorKind::Other),
                    written,
                    words,
                    is_name,
                });
            }
        }
    }
    let mut found: HashMap<(usize, usize), Reason> = HashMap::new();
    let mut propose = |x: usize, y: usize, reason: Reason| {
        if x == y {
            return;
        }
        let pair = (x.min(y), x.max(y));
        let stronger = found
            .get(&pair)
            .is_none_or(|r| r.strength() < reason.strength());
        if stronger {
            found.insert(pair, reason);
        }
    };
    same_forms(&forms, &mut propose);
    contained_forms(&forms, &mut propose);
    initials(&forms, &mut propose);
    // Pairs the user said are two actors stay out.
    let dismissed = |a: usize, b: usize| {
        let (a, b) = (&data.actors[a].id, &data.actors[b].id);
        data.not_duplicates
            .iter()
            .any(|[x, y]| (x == a && y == b) || (x == b && y == a))
    };
    let mut pairs: Vec<PossibleDuplicate> = found
        .into_iter()
        .filter(|((a, b), _)| !dismissed(*a, *b))
        .map(|((a, b), reason)| PossibleDuplicate { a, b, reason })
        .collect();
    pairs.sort_by(|x, y| (y.reason.strength(), x.a, x.b).cmp(&(x.reason.strength(), y.a, y.b)));
    pairs
}

/// Forms written alike once normalised (spaces ignored): same names, or a name and an alias.
fn same_forms(forms: &[Form], propose: &mut impl FnMut(usize, usize, Reason)) {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (f, form) in forms.iter().enumerate() {
        let key = form.words.concat();
        if key.chars().count() >= SHORTEST_KEY {
            by_key.entry(key).or_default().push(f);
        }
    }
    // A name against every other form alike, and two aliases alike when few actors share them:
    // an alias that many actors have ("the minister") says nothing, and pairing every two of
    // them would cost the square of the group.
    for group in by_key.values().filter(|g| g.len() > 1) {
        let few = group.len() <= FEW_SHARING;
        for &f in group.iter().filter(|&&f| few || forms[f].is_name) {
            for &g in group.iter().filter(|&&g| g != f) {
                let (x, y) = (&forms[f], &forms[g]);
                if !x.is_name && y.is_name {
                    continue; // seen from the name's side
                }
                let (a, b) = (x.written.to_owned(), y.written.to_owned());
                let reason = if x.is_name && y.is_name {
                    Reason::SameName { a, b }
                } else {
                    Reason::SameAlias { a, b }
                };
                propose(x.actor, y.actor, reason);
            }
        }
    }
}

/// A run of words as one number, for looking runs up without building strings.
fn run_key(words: &[String]) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut hasher = foldhash::fast::FixedState::with_seed(0x6475_7073).build_hasher();
    for word in words {
        word.hash(&mut hasher);
    }
    hasher.finish()
}

/// Whether `short`'s words stand in `long` as a run of whole words.
fn contains_words(long: &[String], short: &[String]) -> bool {
    short.len() < long.len() && long.windows(short.len()).any(|run| run == short)
}

/// Longer forms than this many words are not searched for shorter ones inside them.
const LONGEST_CONTAINER: usize = 8;

/// A person's form whose words stand in exactly one other person's (longer) form: "Ansel" and
/// "Teodor Ansel". Two or more actors containing it ("Kim" with Kim Jong-un and Kim Il Sung)
/// say nothing. Organisations, states and places are left out: "United Nations experts" is not
/// the United Nations. Actors of kind "other" count as people, their kind being unknown.
///
/// Every run of whole words shorter than its form is indexed once, so that each short form is
/// one lookup: the cost grows with the number of names, not with how many share a word.
fn contained_forms(forms: &[Form], propose: &mut impl FnMut(usize, usize, Reason)) {
    // Keyed by a hash of the run's words (no string is built); a hit is checked word by word.
    let mut inside: HashMap<u64, Vec<usize>> = HashMap::new();
    for (f, long) in forms.iter().enumerate() {
        let n = long.words.len();
        if !long.personal || !(2..=LONGEST_CONTAINER).contains(&n) {
            continue;
        }
        for len in 1..n {
            for start in 0..=n - len {
                let holders = inside
                    .entry(run_key(&long.words[start..start + len]))
                    .or_default();
                if holders.last() != Some(&f) {
                    holders.push(f);
                }
            }
        }
    }
    for short in forms.iter().filter(|f| f.personal) {
        if short
            .words
            .iter()
            .all(|w| w.chars().count() < SHORTEST_WORD)
        {
            continue;
        }
        let Some(found) = inside.get(&run_key(&short.words)) else {
            continue;
        };
        let mut holders = found
            .iter()
            .copied()
            .filter(|&g| contains_words(&forms[g].words, &short.words));
        // The actors whose forms hold this one; more than one is ambiguous. The short form's
        // own actor counts ("Kim", an alias of Kim Jong-un, says nothing of Kim Il Sung), but is
        // never proposed.
        let Some(first) = holders.next() else {
            continue;
        };
        let one_actor = holders.all(|g| forms[g].actor == forms[first].actor);
        if one_actor && forms[first].actor != short.actor {
            let reason = Reason::Contained {
                short: short.written.to_owned(),
                long: forms[first].written.to_owned(),
            };
            propose(short.actor, forms[first].actor, reason);
        }
    }
}

/// Whether `short` gives initials for `long`: the same last word (not an initial), and each
/// earlier word of `short` an initial or a whole word matching `long`'s earlier words in order,
/// with at least one initial ("J. Bolton" and "John R. Bolton", "J. R. Bolton").
fn gives_initials(short: &[String], long: &[String]) -> bool {
    let (Some((last, firsts)), Some((long_last, long_firsts))) =
        (short.split_last(), long.split_last())
    else {
        return false;
    };
    if last != long_last
        || is_initial(last)
        || firsts.is_empty()
        || !firsts.iter().any(|w| is_initial(w))
    {
        return false;
    }
    let mut rest = long_firsts.iter();
    firsts.iter().all(|w: &String| {
        rest.by_ref().any(|candidate| {
            if is_initial(w) {
                candidate.starts_with(w.as_str())
            } else {
                candidate == w
            }
        })
    })
}

/// A word that is one letter: an initial ("J" of "J. Bolton"), not a number.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// The last word of a form and the first letter of its first word: where initials can match.
fn initials_key(words: &[String]) -> Option<(&str, char)> {
    let last = words.last()?;
    let first = words.first()?.chars().next()?;
    (words.len() > 1 && !is_initial(last)).then_some((last.as_str(), first))
}

/// Forms that give initials for one other actor's form; several such actors are ambiguous.
fn initials(forms: &[Form], propose: &mut impl FnMut(usize, usize, Reason)) {
    let mut by_key: HashMap<(&str, char), Vec<usize>> = HashMap::new();
    for (f, form) in forms.iter().enumerate() {
        if let Some(key) = initials_key(&form.words) {
            by_key.entry(key).or_default().push(f);
        }
    }
    let gives = |f: &&Form| f.words.iter().any(|w| is_initial(w));
    for short in forms.iter().filter(gives) {
        let Some(same_last) = initials_key(&short.words).and_then(|k| by_key.get(&k)) else {
            continue;
        };
        let mut matches = same_last.iter().filter(|&&g| {
            forms[g].actor != short.actor && gives_initials(&short.words, &forms[g].words)
        });
        let Some(&g) = matches.next() else {
            continue;
        };
        if matches.any(|&h| forms[h].actor != forms[g].actor) {
            continue;
        }
        let reason = Reason::Initials {
            short: short.written.to_owned(),
            long: forms[g].written.to_owned(),
        };
        propose(short.actor, forms[g].actor, reason);
    }
}

#[cfg(test)]
#[path = "duplicates_tests.rs"]
mod tests;
