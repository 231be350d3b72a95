//! References within the article: every mention resolved to its entity, plus what is not a name
//! but names an actor all the same: "the Syrian leader" (the person the article ties to Syria as
//! its leader, or the one president it ties to no country), "the North Korean capital", "the
//! North" (the one country of the article whose name starts so), "the agency" (the organisation
//! named last with that word in its name), "he" starting a clause (the person the sentences
//! before are about), and a capital as the subject of a political verb ("Pyongyang rejected").

use super::actors::{Built, Entity, Scanned};
use super::countries::{self, Known};
use super::names::What;
use super::roles::Link;
use super::sentences::Sentence;
use super::tokens::capitalised;
use super::words::{bare, is, ORG_MARKERS, PERSON_ROLES};
use crate::model::ActorKind;

/// A reference to an entity in a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ref {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    /// Resolved from a reference that could name another actor too.
    pub ambiguous: bool,
    /// Resolved from a description or a pronoun rather than a name.
    pub indirect: bool,
    /// A complement of another name ("of Syria") or a possessive ("North Korea’s leader").
    pub modifier: bool,
}

/// Roles that head a state: "the Syrian leader" and "the Syrian president" are one person.
const HEADS: [&str; 9] = [
    "leader",
    "president",
    "dictator",
    "strongman",
    "ruler",
    "king",
    "premier",
    "chancellor",
    "queen",
];

/// Verbs that make a capital its government: "Pyongyang rejected", "Washington warned".
const POLITICAL: [&str; 20] = [
    "said",
    "says",
    "announced",
    "rejected",
    "accused",
    "warned",
    "condemned",
    "denied",
    "agreed",
    "signed",
    "sent",
    "demanded",
    "threatened",
    "responded",
    "insisted",
    "refused",
    "sanctioned",
    "supports",
    "supported",
    "protested",
];

/// The references of every sentence, in order of their place.
pub fn resolve(
    text: &str,
    sentences: &[Sentence],
    scanned: &Scanned,
    built: &mut Built,
    links: &[Link],
) -> Vec<Vec<Ref>> {
    let mut all: Vec<Vec<Ref>> = Vec::with_capacity(sentences.len());
    for s in 0..sentences.len() {
        let toks = &scanned.tokens[s];
        let mut refs: Vec<Ref> = Vec::new();
        for (i, m) in scanned.mentions[s].iter().enumerate() {
            let modifier = (m.first > 0 && bare(toks[m.first - 1].text(text)) == "of")
                || toks[m.last - 1].possessive;
            let mut r = Ref {
                start: m.start,
                end: m.end,
                entity: usize::MAX,
                ambiguous: false,
                indirect: false,
                modifier,
            };
            if m.what == What::Direction {
                let word = text[m.start..m.end].to_lowercase();
                if let Some(e) = direction(&built.entities, &word) {
                    r.entity = e;
                    add_alias(
                        &mut built.entities[e],
                        &format!("the {}", &text[m.start..m.end]),
                    );
                    refs.push(r);
                }
                continue;
            }
            let Some((e, ambiguous)) = built.of_mention[s][i] else {
                continue;
            };
            if !built.entities[e].alive {
                continue;
            }
            r.entity = e;
            r.ambiguous = ambiguous;
            // "the young North Korean leader", "the North Korean capital"
            if let What::Known(Known::Demonym(code)) = m.what {
                let role = toks
                    .get(m.last)
                    .filter(|t| t.word)
                    .map(|t| bare(t.text(text)));
                let the =
                    (m.first.saturating_sub(3)..m.first).any(|k| bare(toks[k].text(text)) == "the");
                if let (Some(role), true) = (role, the) {
                    let phrase_start = (m.first.saturating_sub(3)..m.first)
                        .find(|&k| bare(toks[k].text(text)) == "the")
                        .map_or(m.start, |k| toks[k].start);
                    let phrase = &text[phrase_start..toks[m.last].end];
                    if let Some(p) = role_holder(&built.entities, links, e, code, &role) {
                        add_alias(&mut built.entities[p], phrase);
                        refs.push(Ref {
                            entity: p,
                            indirect: true,
                            ..r
                        });
                        // "the North Korean capital" names the capital, and the country too.
                        if role == "capital" {
                            refs.push(Ref {
                                modifier: true,
                                ..r
                            });
                        }
                        continue;
                    }
                }
            }
            // "Pyongyang rejected the model": the capital as its government.
            if let What::Known(Known::Capital(code)) = m.what {
                let verb = toks
                    .get(m.last)
                    .filter(|t| t.word)
                    .map(|t| bare(t.text(text)));
                if verb.is_some_and(|v| POLITICAL.contains(&v.as_str())) {
                    r.entity = state(built, code);
                }
            }
            refs.push(r);
        }
        definites(text, s, scanned, &mut built.entities, &all, &mut refs);
        pronoun(text, s, scanned, &built.entities, &all, &mut refs);
        refs.sort_by_key(|r| (r.start, r.end));
        all.push(refs);
    }
    all
}

/// The one country of the article whose name starts with "north" (or "south", "east").
fn direction(entities: &[Entity], word: &str) -> Option<usize> {
    let mut found = entities.iter().enumerate().filter(|(_, e)| {
        e.alive
            && e.kind == ActorKind::State
            && e.name.to_lowercase().starts_with(&format!("{word} "))
    });
    let (first, _) = found.next()?;
    found.next().is_none().then_some(first)
}

/// Who "the <demonym> <role>" is: the person tied to that country in that role (a head of state
/// for "leader" or "president"), or the one person with that title tied to no country; the
/// capital for "capital".
fn role_holder(
    entities: &[Entity],
    links: &[Link],
    country: usize,
    code: &str,
    role: &str,
) -> Option<usize> {
    if role == "capital" {
        let capital = countries::capital_of(code)?;
        return entities
            .iter()
            .position(|e| e.alive && e.name.eq_ignore_ascii_case(capital));
    }
    if !PERSON_ROLES.contains(&role) {
        return None;
    }
    let same = |r: &str| r == role || (HEADS.contains(&r) && HEADS.contains(&role));
    let mut tied = links
        .iter()
        .filter(|l| l.to == country && l.role.as_deref().is_some_and(|r| r.split(' ').any(same)))
        .map(|l| l.from);
    if let Some(p) = tied.next() {
        return tied.all(|q| q == p).then_some(p);
    }
    let tied_to_a_state = |p: usize| {
        links
            .iter()
            .any(|l| l.from == p && entities[l.to].kind == ActorKind::State && l.role.is_some())
    };
    let mut titled = entities.iter().enumerate().filter(|&(i, e)| {
        e.alive
            && e.kind == ActorKind::Person
            && e.titles.iter().any(|t| t.split(' ').any(same))
            && !tied_to_a_state(i)
    });
    let (p, _) = titled.next()?;
    titled.next().is_none().then_some(p)
}

/// The entity of a state by its code, made when the article names only its capital.
fn state(built: &mut Built, code: &'static str) -> usize {
    let found = built
        .entities
        .iter()
        .position(|e| e.alive && e.kind == ActorKind::State && e.code == Some(code));
    found.unwrap_or_else(|| {
        built.entities.push(Entity {
            name: countries::country_name(code).to_owned(),
            kind: ActorKind::State,
            code: Some(code),
            what: What::Known(Known::Country(code)),
            aliases: Vec::new(),
            mentions: Vec::new(),
            strong: 1,
            titles: Vec::new(),
            ambiguous: false,
            alive: true,
            determiner: false,
        });
        built.entities.len() - 1
    })
}

fn add_alias(e: &mut Entity, alias: &str) {
    if !e.aliases.iter().any(|a| a == alias) && e.name != alias {
        e.aliases.push(alias.to_owned());
    }
}

/// "the agency", "the ministry": the organisation named last (in this sentence or the five
/// before) whose name holds that word.
fn definites(
    text: &str,
    s: usize,
    scanned: &Scanned,
    entities: &mut [Entity],
    before: &[Vec<Ref>],
    refs: &mut Vec<Ref>,
) {
    let toks = &scanned.tokens[s];
    for k in 0..toks.len().saturating_sub(1) {
        let (the, noun) = (&toks[k], &toks[k + 1]);
        if !(the.word && noun.word && bare(the.text(text)) == "the") {
            continue;
        }
        let word = bare(noun.text(text));
        let next = toks.get(k + 2).map(|t| t.text(text)).unwrap_or("");
        if !is(&ORG_MARKERS, &word)
            || capitalised(noun.text(text))
            || capitalised(next)
            || next == "of"
        {
            continue;
        }
        let recent = refs
            .iter()
            .rev()
            .chain(before.iter().rev().take(5).flat_map(|r| r.iter().rev()))
            .map(|r| r.entity)
            .find(|&e| {
                entities[e].kind == ActorKind::Organization
                    && entities[e]
                        .name
                        .to_lowercase()
                        .split(' ')
                        .any(|w| w == word)
            });
        if let Some(e) = recent {
            add_alias(&mut entities[e], &text[the.start..noun.end]);
            refs.push(Ref {
                start: the.start,
                end: noun.end,
                entity: e,
                ambiguous: false,
                indirect: true,
                modifier: false,
            });
        }
    }
}

/// "he" or "she" starting a clause before any person is named in the sentence: the person the
/// sentence before (or the one before it) names first.
fn pronoun(
    text: &str,
    s: usize,
    scanned: &Scanned,
    entities: &[Entity],
    before: &[Vec<Ref>],
    refs: &mut Vec<Ref>,
) {
    let toks = &scanned.tokens[s];
    let Some(k) = toks
        .iter()
        .position(|t| t.word && matches!(bare(t.text(text)).as_str(), "he" | "she"))
    else {
        return;
    };
    let clause_start = k == 0 || matches!(toks[k - 1].text(text), "," | "“" | "\"" | ";");
    let person_before = refs
        .iter()
        .any(|r| r.start < toks[k].start && entities[r.entity].kind == ActorKind::Person);
    if !clause_start || person_before {
        return;
    }
    let subject = before.iter().rev().take(2).find_map(|rs| {
        rs.iter()
            .find(|r| entities[r.entity].kind == ActorKind::Person && !r.modifier)
    });
    if let Some(r) = subject {
        refs.push(Ref {
            start: toks[k].start,
            end: toks[k].end,
            entity: r.entity,
            ambiguous: r.ambiguous,
            indirect: true,
            modifier: false,
        });
    }
}
