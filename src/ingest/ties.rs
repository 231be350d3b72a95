//! Tie candidates: every pair of actors in one sentence, and a speaker with what their quote
//! (or, in the next sentences of the paragraph, their continued quote) talks about. The kind and
//! polarity come from the cue words between the two (or, failing that, anywhere in the sentence;
//! see [`crate::model::cues`]), the direction from which comes first (the other way in the
//! passive, "condemned by the West"), the certainty and claimant from [`super::certainty`].
//! Each candidate carries its sentences as excerpts and a confidence; ties of the same pair and
//! kind are one candidate with several excerpts.

use foldhash::{HashMap, HashMapExt};

use super::actors::{Built, Scanned};
use super::certainty::{certainty, has_phrase, SOURCE_BEFORE, SPEECH};
use super::coref::Ref;
use super::roles::Link;
use super::sentences::Sentence;
use super::tokens::Token;
use super::words::bare;
use super::{Attribution, ExcerptCandidate, TieCandidate};
use crate::model::cues::suggest_kind;
use crate::model::{ActorKind, Polarity, TieKind};

/// Words in a quote that make a speaker's comment hostile.
const HOSTILE: [&str; 14] = [
    "horrend", "worst", "butcher", "dictator", "monster", "disdain", "disgrace", "shameful",
    "threat", "reckless", "brutal", "condemn", "criminal", "attacked",
];

/// The speaker of each sentence, if it quotes or reports someone, and the spans it quotes.
struct Speech {
    speaker: Option<Ref>,
    quoted: Vec<(usize, usize)>,
}

/// The tie candidates of an article, between entities.
pub fn find(
    text: &str,
    sentences: &[Sentence],
    scanned: &Scanned,
    refs: &[Vec<Ref>],
    links: &[Link],
    built: &Built,
) -> Vec<TieCandidate> {
    let mut ties: HashMap<(usize, usize, TieKind), TieCandidate> = HashMap::new();
    let mut order: Vec<(usize, usize, TieKind)> = Vec::new();
    let mut add = |t: TieCandidate| {
        let key = (t.from.min(t.to), t.from.max(t.to), t.kind);
        match ties.get_mut(&key) {
            Some(old) => merge(old, t),
            None => {
                order.push(key);
                ties.insert(key, t);
            }
        }
    };
    let excerpt = |s: usize, attributed: Option<usize>| {
        let sentence = sentences[s];
        ExcerptCandidate {
            start: sentence.start,
            end: sentence.end,
            certainty: certainty(sentence.text(text)),
            attributed_to: attributed.map(Attribution::Actor),
        }
    };
    for l in links {
        add(TieCandidate {
            from: l.from,
            to: l.to,
            kind: l.kind,
            polarity: l.polarity,
            directed: true,
            confidence: l.confidence,
            ambiguous: false,
            excerpts: vec![excerpt(l.sentence, None)],
        });
    }
    let mut last_speaker: Option<(usize, Ref)> = None;
    for (s, sentence) in sentences.iter().enumerate() {
        let rs = &refs[s];
        let speech = speech(text, sentence, &scanned.tokens[s], rs, built);
        // A quote that goes on without attribution is the last speaker's, in the same paragraph.
        let opens_quote = sentence.text(text).starts_with(['“', '"']);
        let speaker = speech.speaker.or_else(|| {
            last_speaker
                .filter(|(p, _)| *p == sentence.paragraph && opens_quote)
                .map(|(_, r)| r)
        });
        if let Some(sp) = speaker {
            last_speaker = Some((sentence.paragraph, sp));
        }
        let claimant = speaker
            .map(|r| r.entity)
            .or_else(|| source(text, sentence, rs));
        let lower = sentence.text(text).to_lowercase();
        let hostile = HOSTILE.iter().any(|w| lower.contains(w));
        if let Some(sp) = speaker {
            let quoted: Vec<&Ref> = rs
                .iter()
                .filter(|r| r.entity != sp.entity)
                .filter(|r| {
                    let inside = speech
                        .quoted
                        .iter()
                        .any(|&(a, b)| r.start >= a && r.end <= b);
                    let after = r.start > sp.end && past_apposition(text, sp.end, r.start);
                    inside || after || opens_quote && speech.speaker.is_none()
                })
                .collect();
            let first_person = has_phrase(&lower, "“i ") || has_phrase(&lower, "“we ");
            let own =
                cue(sentence.text(text)).filter(|(k, _)| first_person && *k != TieKind::Commentary);
            for r in quoted {
                let (kind, polarity) = own.unwrap_or((
                    TieKind::Commentary,
                    if hostile {
                        Polarity::Hostile
                    } else {
                        Polarity::Neutral
                    },
                ));
                add(TieCandidate {
                    from: sp.entity,
                    to: r.entity,
                    kind,
                    polarity,
                    directed: true,
                    confidence: 0.75 - penalty(&sp) - penalty(r),
                    ambiguous: sp.ambiguous || r.ambiguous,
                    excerpts: vec![excerpt(s, Some(sp.entity))],
                });
            }
        }
        for (i, a) in rs.iter().enumerate() {
            for b in &rs[i + 1..] {
                let overlap = a.start < b.end && b.start < a.end;
                let speaker_pair =
                    speaker.is_some_and(|sp| a.entity == sp.entity || b.entity == sp.entity);
                if a.entity == b.entity || overlap || (speaker_pair && speech.speaker.is_none()) {
                    continue;
                }
                let others_between = rs.iter().any(|r| {
                    r.start >= a.end
                        && r.end <= b.start
                        && !r.modifier
                        && r.entity != a.entity
                        && r.entity != b.entity
                });
                let mut tie = pair(text, sentence, a, b, others_between);
                tie.excerpts = vec![excerpt(
                    s,
                    claimant.filter(|&c| c != a.entity && c != b.entity),
                )];
                if speaker_pair && tie.kind == TieKind::Other {
                    continue; // the speaker with what they talk about: a commentary above
                }
                add(tie);
            }
        }
    }
    let _ = built;
    order.into_iter().filter_map(|k| ties.remove(&k)).collect()
}

/// Whether `at` lies past the apposition after a speaker ("said X, a fellow at Y, the North
/// is ..."): no apposition, or both its commas before `at`.
fn past_apposition(text: &str, speaker_end: usize, at: usize) -> bool {
    let gap = &text[speaker_end..at];
    !gap.trim_start().starts_with(',') || gap.matches(',').count() >= 2
}

/// How much an indirect, ambiguous or modifying reference lowers a tie's confidence.
fn penalty(r: &Ref) -> f32 {
    let mut p = 0.0;
    if r.ambiguous {
        p += 0.15;
    }
    if r.indirect {
        p += 0.05;
    }
    if r.modifier {
        p += 0.2;
    }
    p
}

/// The tie two references in one sentence suggest (`a` before `b`).
fn pair(text: &str, sentence: &Sentence, a: &Ref, b: &Ref, others_between: bool) -> TieCandidate {
    let between = &text[a.end.min(b.start)..b.start];
    let words = between.split_whitespace().count();
    let (kind, polarity, confidence) = match cue(between) {
        Some((k, p)) if words <= 12 && !others_between => (k, p, 0.8),
        Some((k, p)) => (k, p, 0.6),
        None => match suggest_kind(sentence.text(text)) {
            Some((k, p)) if k != TieKind::Commentary => (k, p, 0.45),
            _ => (TieKind::Other, Polarity::Neutral, 0.3),
        },
    };
    let symmetric = matches!(
        kind,
        TieKind::Meeting
            | TieKind::Summit
            | TieKind::Negotiation
            | TieKind::Alliance
            | TieKind::Family
            | TieKind::Other
    );
    // "condemned by the West": the doer comes after "by".
    let passive = between.trim_end().ends_with(" by") || between.trim() == "by";
    let (from, to) = if passive { (b, a) } else { (a, b) };
    TieCandidate {
        from: from.entity,
        to: to.entity,
        kind,
        polarity,
        directed: !symmetric,
        confidence: (confidence - penalty(a) - penalty(b)).max(0.05),
        ambiguous: a.ambiguous || b.ambiguous,
        excerpts: Vec::new(),
    }
}

/// The kind the cue words of `text` suggest, looking past a verb of speech ("said he intended
/// to visit" is a visit).
fn cue(text: &str) -> Option<(TieKind, Polarity)> {
    let found = suggest_kind(text);
    if found.is_some_and(|(k, _)| k == TieKind::Commentary) {
        let lower = text.to_lowercase();
        let after = SPEECH
            .iter()
            .filter_map(|v| lower.find(v).map(|at| at + v.len()))
            .min()
            .unwrap_or(0);
        if let Some(later) = suggest_kind(&text[after..]).filter(|(k, _)| *k != TieKind::Commentary)
        {
            return Some(later);
        }
    }
    found
}

/// The speaker a sentence quotes or reports ("said X", "X said", "X reported that"), and the
/// spans inside its quote marks.
fn speech(text: &str, sentence: &Sentence, toks: &[Token], refs: &[Ref], built: &Built) -> Speech {
    let quoted = quotes(text, sentence);
    let speaking = |r: &Ref| {
        let kind = built.entities[r.entity].kind;
        matches!(
            kind,
            ActorKind::Person | ActorKind::Organization | ActorKind::Other
        )
    };
    let mut speaker = None;
    for (k, t) in toks.iter().enumerate() {
        if !t.word || !SPEECH.contains(&bare(t.text(text)).as_str()) {
            continue;
        }
        let inside = quoted.iter().any(|&(a, b)| t.start >= a && t.end <= b);
        if inside {
            continue;
        }
        // "said X": the reference right after; "X said": the one right before; "X, a fellow
        // at Y, said": the one before the apposition.
        let after = refs
            .iter()
            .find(|r| r.start >= t.end && text[t.end..r.start].trim_matches([' ', ',']).is_empty());
        let before = refs.iter().rev().find(|r| {
            r.end <= t.start
                && text[r.end..t.start]
                    .split_whitespace()
                    .all(|w| matches!(w, "has" | "had" | "also" | "then" | "later"))
        });
        let before = before.or_else(|| {
            let gap_comma = text[..t.start].trim_end().ends_with(',');
            refs.iter().find(|r| {
                gap_comma
                    && r.end < t.start
                    && built.entities[r.entity].kind == ActorKind::Person
                    && text[r.end..t.start].trim_start().starts_with(',')
                    && text[r.end..t.start].matches(',').count() == 2
            })
        });
        let _ = k;
        speaker = after.or(before).filter(|r| speaking(r)).copied();
        if speaker.is_some() {
            break;
        }
    }
    Speech { speaker, quoted }
}

/// The spans of a sentence between quote marks (curly, or straight in pairs). A sentence that
/// ends inside an open quote is quoted to its end.
fn quotes(text: &str, sentence: &Sentence) -> Vec<(usize, usize)> {
    let body = sentence.text(text);
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in body.char_indices() {
        let at = sentence.start + i;
        match c {
            '“' => open = Some(at),
            '”' => {
                spans.push((open.take().unwrap_or(sentence.start), at));
            }
            '"' => match open.take() {
                Some(o) => spans.push((o, at)),
                None => open = Some(at),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        spans.push((o, sentence.end));
    }
    spans
}

/// The claimant a sentence names without quoting them: "according to X", "X reported",
/// "quoted by X".
fn source(text: &str, sentence: &Sentence, refs: &[Ref]) -> Option<usize> {
    let lower = sentence.text(text).to_lowercase();
    for phrase in SOURCE_BEFORE {
        if let Some(at) = lower.find(phrase).filter(|_| has_phrase(&lower, phrase)) {
            let after = sentence.start + at + phrase.len();
            if let Some(r) = refs
                .iter()
                .find(|r| r.start >= after && r.start - after <= 5)
            {
                return Some(r.entity);
            }
        }
    }
    refs.iter()
        .find(|r| {
            let rest = text[r.end..sentence.end].trim_start().to_lowercase();
            rest.starts_with("reported") || rest.starts_with("said") || rest.starts_with("says")
        })
        .map(|r| r.entity)
}

/// Adds `new`'s excerpts to `old` (one per sentence), keeping the surer direction.
fn merge(old: &mut TieCandidate, new: TieCandidate) {
    if new.confidence > old.confidence {
        old.from = new.from;
        old.to = new.to;
        old.directed = new.directed;
        old.polarity = new.polarity;
    }
    let before = old.excerpts.len();
    for e in new.excerpts {
        if !old.excerpts.iter().any(|o| o.start == e.start) {
            old.excerpts.push(e);
        }
    }
    let added = old.excerpts.len() - before;
    old.confidence = (old.confidence.max(new.confidence) + 0.05 * added as f32).min(0.95);
    old.ambiguous &= new.ambiguous;
}

/// Points ties at actor candidates instead of entities (`index[entity]`), dropping any whose
/// end is not an actor.
pub fn reindex(ties: Vec<TieCandidate>, index: &[Option<usize>]) -> Vec<TieCandidate> {
    let at = |e: usize| index.get(e).copied().flatten();
    ties.into_iter()
        .filter_map(|mut t| {
            t.from = at(t.from)?;
            t.to = at(t.to)?;
            for e in t.excerpts.iter_mut() {
                if let Some(Attribution::Actor(a)) = e.attributed_to {
                    e.attributed_to = at(a).map(Attribution::Actor);
                }
            }
            (t.from != t.to).then_some(t)
        })
        .collect()
}
