//! Finding actors that may be one actor under two names, the way newsroom duplicates look:
//! the same name written differently ("Kim Jong-un", "Kim Jong Un"), a name that is another's
//! alias, a surname or short form inside a full name ("Ansel" and "Teodor Ansel", when no
//! other actor's name contains it), and initials ("J. Bolton" and "John R. Bolton"). Each pair
//! says why it was proposed; pairs come strongest first.

use foldhash::{HashMap, HashMapExt};

use super::name_forms::{Form, Normalized};
use crate::model::Dataset;

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

/// Up to this many forms written alike, aliases are compared with aliases too.
const FEW_SHARING: usize = 8;

/// Names that are this short once normalised (without spaces) are too common to compare.
const SHORTEST_KEY: usize = 3;
/// A word this short is too common to stand for an actor on its own ("al", "de", "un").
const SHORTEST_WORD: usize = 3;

/// Every pair of actors that may be one, strongest reason first, then by place.
pub fn possible_duplicates(data: &Dataset) -> Vec<PossibleDuplicate> {
    let normalized = Normalized::of(data);
    let words = normalized.words();
    let forms = normalized.forms(data, &words);
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

/// A hash of a form's words run together (spaces ignored), for grouping without building
/// strings.
fn joined_key(words: &[&str]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = foldhash::fast::FixedState::with_seed(0x6a6f_696e).build_hasher();
    for word in words {
        hasher.write(word.as_bytes());
    }
    hasher.finish()
}

/// Whether two forms' words run together are the same text.
fn same_joined(x: &[&str], y: &[&str]) -> bool {
    x.iter()
        .flat_map(|w| w.bytes())
        .eq(y.iter().flat_map(|w| w.bytes()))
}

/// `(key, form)` pairs sorted, so that the forms of one key stand together (in form order).
fn sorted_by_key(mut keyed: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    keyed.sort_unstable();
    keyed.dedup();
    keyed
}

/// The forms listed under `key` in a list sorted by [`sorted_by_key`].
fn under_key(keyed: &[(u64, u32)], key: u64) -> impl Iterator<Item = usize> + '_ {
    let start = keyed.partition_point(|&(k, _)| k < key);
    keyed[start..]
        .iter()
        .take_while(move |&&(k, _)| k == key)
        .map(|&(_, f)| f as usize)
}

/// Forms written alike once normalised (spaces ignored): same names, or a name and an alias.
fn same_forms(forms: &[Form], propose: &mut impl FnMut(usize, usize, Reason)) {
    let keyed = sorted_by_key(
        forms
            .iter()
            .enumerate()
            .filter(|(_, form)| {
                form.words.iter().map(|w| w.chars().count()).sum::<usize>() >= SHORTEST_KEY
            })
            .map(|(f, form)| (joined_key(form.words), f as u32))
            .collect(),
    );
    for run in keyed
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|run| run.len() > 1)
    {
        // Forms of one hash are nearly always written alike; split off any that are not.
        let mut rest: Vec<usize> = run.iter().map(|&(_, f)| f as usize).collect();
        while let Some(&first) = rest.first() {
            let (group, others): (Vec<usize>, Vec<usize>) = rest
                .iter()
                .partition(|&&f| same_joined(forms[f].words, forms[first].words));
            if group.len() > 1 {
                propose_alike(forms, &group, propose);
            }
            rest = others;
        }
    }
}

/// Proposes the actors of forms written alike: a name against every other form, and two
/// aliases when few actors share them (an alias that many actors have, "the minister", says
/// nothing, and pairing every two of them would cost the square of the group).
fn propose_alike(forms: &[Form], group: &[usize], propose: &mut impl FnMut(usize, usize, Reason)) {
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

/// A run of words as one number, for looking runs up without building strings.
fn run_key(words: &[&str]) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut hasher = foldhash::fast::FixedState::with_seed(0x6475_7073).build_hasher();
    for word in words {
        word.hash(&mut hasher);
    }
    hasher.finish()
}

/// Longer forms than this many words are not searched for shorter ones inside them.
const LONGEST_CONTAINER: usize = 8;

/// A person's form whose words stand in exactly one other person's (longer) form: "Ansel" and
/// "Teodor Ansel". Two or more actors containing it ("Kim" with Kim Jong-un and Kim Il Sung)
/// say nothing. Organisations, states and places are left out: "United Nations experts" is not
/// the United Nations. Actors of kind "other" count as people, their kind being unknown.
///
/// The forms that could stand inside others are looked up by a hash of their words; then every
/// run of whole words of every longer form is one lookup: the cost grows with the number of
/// names, not with how many share a word.
fn contained_forms(forms: &[Form], propose: &mut impl FnMut(usize, usize, Reason)) {
    let could_stand_inside = |form: &Form| {
        form.personal
            && form
                .words
                .iter()
                .any(|w| w.chars().count() >= SHORTEST_WORD)
    };
    // Each such form's words, by their hash, to the first form written with them.
    let mut wanted: HashMap<u64, u32> = HashMap::with_capacity(forms.len());
    for (f, form) in forms
        .iter()
        .enumerate()
        .filter(|(_, f)| could_stand_inside(f))
    {
        wanted.entry(run_key(form.words)).or_insert(f as u32);
    }
    // (first form of those words, a longer form holding them), checked word by word.
    let mut held = Vec::new();
    for (f, long) in forms.iter().enumerate() {
        let n = long.words.len();
        if !long.personal || !(2..=LONGEST_CONTAINER).contains(&n) {
            continue;
        }
        for len in 1..n {
            for run in long.words.windows(len) {
                if let Some(&short) = wanted.get(&run_key(run)) {
                    if forms[short as usize].words == run {
                        held.push((short, f as u32));
                    }
                }
            }
        }
    }
    held.sort_unstable();
    held.dedup();
    for short in forms.iter().filter(|f| could_stand_inside(f)) {
        let Some(&first_alike) = wanted.get(&run_key(short.words)) else {
            continue;
        };
        if forms[first_alike as usize].words != short.words {
            continue; // two different names with one hash: left out rather than mistaken
        }
        let start = held.partition_point(|&(s, _)| s < first_alike);
        let mut holders = held[start..]
            .iter()
            .take_while(|&&(s, _)| s == first_alike)
            .map(|&(_, g)| g as usize);
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
fn gives_initials(short: &[&str], long: &[&str]) -> bool {
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
    firsts.iter().all(|w: &&str| {
        rest.by_ref().any(|candidate| {
            if is_initial(w) {
                candidate.starts_with(*w)
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
fn initials_key<'w>(words: &[&'w str]) -> Option<(&'w str, char)> {
    let last = words.last()?;
    let first = words.first()?.chars().next()?;
    (words.len() > 1 && !is_initial(last)).then_some((*last, first))
}

/// Forms that give initials for one other actor's form; several such actors are ambiguous.
fn initials(forms: &[Form], propose: &mut impl FnMut(usize, usize, Reason)) {
    // Keyed by a hash of the last word and the first letter; a hit is checked in full.
    let initials_hash = |key: (&str, char)| {
        use std::hash::BuildHasher;
        foldhash::fast::FixedState::with_seed(0x696e_6974).hash_one(key)
    };
    let by_key = sorted_by_key(
        forms
            .iter()
            .enumerate()
            .filter_map(|(f, form)| Some((initials_hash(initials_key(form.words)?), f as u32)))
            .collect(),
    );
    let gives = |f: &&Form| f.words.iter().any(|w| is_initial(w));
    for short in forms.iter().filter(gives) {
        let Some(key) = initials_key(short.words) else {
            continue;
        };
        let mut matches = under_key(&by_key, initials_hash(key)).filter(|&g| {
            forms[g].actor != short.actor
                && initials_key(forms[g].words) == Some(key)
                && gives_initials(short.words, forms[g].words)
        });
        let Some(g) = matches.next() else {
            continue;
        };
        if matches.any(|h| forms[h].actor != forms[g].actor) {
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
