//! Ties that the grammar of a sentence states outright: a title and a country ("President Xi
//! Jinping of China"), an apposition ("Bruce Klingner, a Korea specialist at the Heritage
//! Foundation"; "North Korea’s leader, Kim Jong-un"; "the new North Korean ambassador, Mun
//! Jong-nam"; "John R. Bolton, Mr. Trump’s national security adviser"), an organisation inside
//! another ("Center for Security Studies at Georgetown University") or in a place, a group of a
//! country or organisation ("United Nations experts") and a backer ("NATO-backed coalition").

use super::actors::{Built, Scanned};
use super::countries::Known;
use super::names::{Mention, What};
use super::sentences::Sentence;
use super::tokens::{capitalised, Token};
use super::words::{bare, is, LEADING_ROLES, PERSON_ROLES};
use crate::model::{ActorKind, Polarity, TieKind};

/// A tie stated by grammar, between two entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    pub kind: TieKind,
    pub polarity: Polarity,
    pub sentence: usize,
    /// The role word that states it ("leader", "ambassador"), if any.
    pub role: Option<String>,
    pub confidence: f32,
}

/// Every stated tie of the article.
pub fn find(text: &str, sentences: &[Sentence], scanned: &Scanned, built: &Built) -> Vec<Link> {
    let mut links = Vec::new();
    for s in 0..sentences.len() {
        let (toks, ms) = (&scanned.tokens[s], &scanned.mentions[s]);
        let entity = |i: usize| built.of_mention[s][i].map(|(e, _)| e);
        let kind_of = |i: usize| entity(i).map(|e| built.entities[e].kind);
        for (i, m) in ms.iter().enumerate() {
            let Some(a) = entity(i) else { continue };
            let push = |links: &mut Vec<Link>,
                        to: usize,
                        kind: TieKind,
                        role: Option<String>,
                        confidence: f32| {
                if to != a {
                    links.push(Link {
                        from: a,
                        to,
                        kind,
                        polarity: polarity_of(kind),
                        sentence: s,
                        role,
                        confidence,
                    });
                }
            };
            // A group of its base; a backer of what it backs (the link runs from the backer).
            if let Some(b) = m.base.and_then(entity) {
                match m.what {
                    What::Group => push(&mut links, b, TieKind::Membership, None, 0.85),
                    What::Backed => {
                        links.push(Link {
                            from: b,
                            to: a,
                            kind: TieKind::Support,
                            polarity: Polarity::Cooperative,
                            sentence: s,
                            role: None,
                            confidence: 0.85,
                        });
                    }
                    _ => {}
                }
            }
            let person = kind_of(i) == Some(ActorKind::Person) || m.title.is_some();
            let next = |j: usize| ms.iter().position(|n| n.first == j);
            // "President Xi Jinping of China"
            if person && m.title.is_some() && word_at(text, toks, m.last) == Some("of".into()) {
                if let Some(n) = next(m.last + 1).filter(|&n| kind_of(n) == Some(ActorKind::State))
                {
                    let title = m.title.clone().unwrap_or_default();
                    let leading = title.split(' ').any(|w| LEADING_ROLES.contains(&w));
                    let kind = if leading {
                        TieKind::Leadership
                    } else {
                        TieKind::Affiliation
                    };
                    if let Some(b) = entity(n) {
                        push(&mut links, b, kind, Some(title), 0.9);
                    }
                }
            }
            // "X, a senior fellow at the Brookings Institution", "X, Mr. Trump’s adviser"
            if person && punct_at(text, toks, m.last) == Some(",") {
                if let Some((n, role)) = apposition(text, toks, ms, m.last + 1) {
                    if let (Some(b), Some(kind)) = (entity(n), kind_of(n)) {
                        push(&mut links, b, role_kind(&role, kind), Some(role), 0.9);
                    }
                }
            }
            // "North Korea’s leader, Kim Jong-un", "the North Korean ambassador, Mun Jong-nam"
            let country = kind_of(i) == Some(ActorKind::State);
            let demonym = matches!(m.what, What::Known(Known::Demonym(_)));
            if country && (demonym || toks[m.last - 1].possessive) {
                if let Some((role, after)) = role_words(text, toks, m.last) {
                    let named = (punct_at(text, toks, after) == Some(","))
                        .then(|| next(after + 1))
                        .flatten()
                        .filter(|&n| {
                            kind_of(n) == Some(ActorKind::Person) || ms[n].what == What::Name
                        });
                    if let Some(p) = named.and_then(entity) {
                        let kind = role_kind(&role, ActorKind::State);
                        links.push(Link {
                            from: p,
                            to: a,
                            kind,
                            polarity: polarity_of(kind),
                            sentence: s,
                            role: Some(role),
                            confidence: 0.9,
                        });
                    }
                }
            }
            // "Center for Security Studies at Georgetown University", "... Foundation in Washington"
            let organisation = kind_of(i) == Some(ActorKind::Organization);
            if organisation {
                let prep = word_at(text, toks, m.last);
                if let Some(n) = next(m.last + 1).or_else(|| {
                    (word_at(text, toks, m.last + 1).as_deref() == Some("the"))
                        .then(|| next(m.last + 2))
                        .flatten()
                }) {
                    match (prep.as_deref(), kind_of(n), entity(n)) {
                        (Some("at" | "of"), Some(ActorKind::Organization), Some(b)) => {
                            push(&mut links, b, TieKind::Membership, None, 0.8)
                        }
                        (Some("in"), Some(ActorKind::Place), Some(b)) => {
                            push(&mut links, b, TieKind::Other, None, 0.7)
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    links
}

/// After an apposition's comma at token `j`: a role, a preposition and the mention it leads to
/// ("a senior fellow at the Brookings Institution"), or a possessive mention and a role ("Mr.
/// Trump’s national security adviser"). Returns the mention and the role word.
fn apposition(text: &str, toks: &[Token], ms: &[Mention], j: usize) -> Option<(usize, String)> {
    let at = toks.get(j)?.start;
    let start = ms.iter().position(|n| n.first == j || n.outer_start == at);
    if let Some(n) = start.filter(|&n| toks[ms[n].last - 1].possessive) {
        let (role, _) = role_words(text, toks, ms[n].last)?;
        return Some((n, role));
    }
    let mut k = j;
    let determiner = matches!(word_at(text, toks, k).as_deref(), Some("a" | "an" | "the"));
    if determiner {
        k += 1;
    }
    // Up to ten words of description; the first preposition that leads to a name ends it.
    let mut role = None;
    for _ in 0..10 {
        let w = word_at(text, toks, k)?;
        if PERSON_ROLES.contains(&w.as_str()) && role.is_none() {
            role = Some(w.clone());
        }
        if matches!(w.as_str(), "at" | "of" | "for" | "with" | "to" | "in") {
            let skip = usize::from(word_at(text, toks, k + 1).as_deref() == Some("the"));
            if let Some(n) = ms.iter().position(|n| n.first == k + 1 + skip) {
                let role = role.or_else(|| determiner.then(|| "member".to_owned()))?;
                return Some((n, role));
            }
        }
        k += 1;
    }
    None
}

/// Lower-case role words from token `j` ("leader", "foreign minister", "national security
/// adviser", "young ... leader"): the role word and the token after the run.
fn role_words(text: &str, toks: &[Token], j: usize) -> Option<(String, usize)> {
    let mut k = j;
    let mut role = None;
    while k < toks.len() && k - j < 4 && toks[k].word && !capitalised(toks[k].text(text)) {
        let w = bare(toks[k].text(text));
        if PERSON_ROLES.contains(&w.as_str()) {
            role = Some(w);
            k += 1;
            break;
        }
        k += 1;
    }
    role.map(|r| (r, k))
}

/// The kind of tie a role states, towards an actor of kind `to`.
pub fn role_kind(role: &str, to: ActorKind) -> TieKind {
    if matches!(role, "adviser" | "advisor") {
        TieKind::Advisory
    } else if (to == ActorKind::State && is(&LEADING_ROLES, role))
        || matches!(
            role,
            "chairman" | "chairwoman" | "president" | "head" | "founder" | "leader"
        )
    {
        TieKind::Leadership
    } else {
        TieKind::Affiliation
    }
}

fn polarity_of(kind: TieKind) -> Polarity {
    match kind {
        TieKind::Support | TieKind::Advisory => Polarity::Cooperative,
        _ => Polarity::Neutral,
    }
}

/// The lower-case word at token `j`, if it is a word.
fn word_at(text: &str, toks: &[Token], j: usize) -> Option<String> {
    toks.get(j).filter(|t| t.word).map(|t| bare(t.text(text)))
}

/// The punctuation mark at token `j`, if it is one.
fn punct_at<'a>(text: &'a str, toks: &[Token], j: usize) -> Option<&'a str> {
    toks.get(j).filter(|t| !t.word).map(|t| t.text(text))
}
