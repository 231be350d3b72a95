//! What kind of tie a sentence suggests, from its cue words: "met" a meeting, "accused" an
//! accusation, "funded" funding, and so on, with the polarity the cue carries. A suggestion
//! only, shown pre-filled where a tie is made from a quote; the user can change it.

use super::{Polarity, TieKind};

/// Cue word stems and what they suggest, the more specific first: a sentence takes the kind
/// of the cue that comes earliest in it. A stem matches the start of a word ("accus" in
/// "accused", "accusation").
const CUES: &[(&str, TieKind, Polarity)] = &[
    ("summit", TieKind::Summit, Polarity::Cooperative),
    ("visit", TieKind::Visit, Polarity::Cooperative),
    ("met", TieKind::Meeting, Polarity::Cooperative),
    ("meet", TieKind::Meeting, Polarity::Cooperative),
    ("talks", TieKind::Negotiation, Polarity::Neutral),
    ("negotiat", TieKind::Negotiation, Polarity::Neutral),
    ("accus", TieKind::Accusation, Polarity::Hostile),
    ("blam", TieKind::Accusation, Polarity::Hostile),
    ("critici", TieKind::Criticism, Polarity::Hostile),
    ("condemn", TieKind::Criticism, Polarity::Hostile),
    ("denounc", TieKind::Criticism, Polarity::Hostile),
    ("sanction", TieKind::Sanction, Polarity::Hostile),
    ("sued", TieKind::LegalAction, Polarity::Hostile),
    ("sue", TieKind::LegalAction, Polarity::Hostile),
    ("lawsuit", TieKind::LegalAction, Polarity::Hostile),
    ("attack", TieKind::MilitaryAction, Polarity::Hostile),
    ("airstrike", TieKind::MilitaryAction, Polarity::Hostile),
    ("struck", TieKind::MilitaryAction, Polarity::Hostile),
    ("weapon", TieKind::ArmsTransfer, Polarity::Cooperative),
    ("arms", TieKind::ArmsTransfer, Polarity::Cooperative),
    ("contract", TieKind::Contract, Polarity::Cooperative),
    ("fund", TieKind::Funding, Polarity::Cooperative),
    ("financ", TieKind::Funding, Polarity::Cooperative),
    ("invest", TieKind::Investment, Polarity::Cooperative),
    ("owns", TieKind::Ownership, Polarity::Neutral),
    ("owner", TieKind::Ownership, Polarity::Neutral),
    ("stake", TieKind::Ownership, Polarity::Neutral),
    ("employ", TieKind::Employment, Polarity::Neutral),
    ("hired", TieKind::Employment, Polarity::Neutral),
    ("works for", TieKind::Employment, Polarity::Neutral),
    ("lobb", TieKind::Lobbying, Polarity::Neutral),
    ("endors", TieKind::Endorsement, Polarity::Cooperative),
    ("ally", TieKind::Alliance, Polarity::Cooperative),
    ("allies", TieKind::Alliance, Polarity::Cooperative),
    ("alliance", TieKind::Alliance, Polarity::Cooperative),
    ("support", TieKind::Support, Polarity::Cooperative),
    ("backed", TieKind::Support, Polarity::Cooperative),
    ("leads", TieKind::Leadership, Polarity::Neutral),
    ("leader", TieKind::Leadership, Polarity::Neutral),
    ("chair", TieKind::Leadership, Polarity::Neutral),
    ("member", TieKind::Membership, Polarity::Neutral),
    ("advis", TieKind::Advisory, Polarity::Cooperative),
    ("diplomat", TieKind::Diplomatic, Polarity::Neutral),
    ("ambassador", TieKind::Diplomatic, Polarity::Neutral),
    ("brother", TieKind::Family, Polarity::Neutral),
    ("sister", TieKind::Family, Polarity::Neutral),
    ("father", TieKind::Family, Polarity::Neutral),
    ("mother", TieKind::Family, Polarity::Neutral),
    ("uncle", TieKind::Family, Polarity::Neutral),
    ("said", TieKind::Commentary, Polarity::Neutral),
];

/// The kind and polarity a sentence's earliest cue word suggests, if it has one.
pub fn suggest_kind(sentence: &str) -> Option<(TieKind, Polarity)> {
    let lower = sentence.to_lowercase();
    let starts_word = |at: usize| {
        lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    // Where each cue first starts a word; the earliest wins, the longer stem on a tie.
    let mut best: Option<(usize, usize, TieKind, Polarity)> = None;
    for &(stem, kind, polarity) in CUES {
        let found = lower
            .match_indices(stem)
            .map(|(at, _)| at)
            .find(|&at| starts_word(at) && whole_enough(&lower, at, stem));
        if let Some(at) = found {
            let better = best.is_none_or(|(b_at, b_len, _, _)| {
                (at, usize::MAX - stem.len()) < (b_at, usize::MAX - b_len)
            });
            if better {
                best = Some((at, stem.len(), kind, polarity));
            }
        }
    }
    best.map(|(_, _, kind, polarity)| (kind, polarity))
}

/// Short stems must be whole words ("met", not "metal"; "sue", not "issue" or "suez"); longer
/// ones may start a longer word ("accus" in "accused").
fn whole_enough(text: &str, at: usize, stem: &str) -> bool {
    if stem.len() > 4 {
        return true;
    }
    let after = text[at + stem.len()..].chars().next();
    let ending = text[at + stem.len()..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    after.is_none_or(|c| !c.is_alphanumeric()) || matches!(ending, "s" | "d" | "ing" | "ed")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<TieKind> {
        suggest_kind(s).map(|(k, _)| k)
    }

    #[test]
    fn cue_words_suggest_a_kind_and_a_polarity() {
        assert_eq!(
            suggest_kind("Teodor Ansel met Lucia Brandt on Monday."),
            Some((TieKind::Meeting, Polarity::Cooperative))
        );
        assert_eq!(
            suggest_kind("Ansel accused the Orlen Shipping Company of delays."),
            Some((TieKind::Accusation, Polarity::Hostile))
        );
        assert_eq!(
            kind("The authority will fund a new terminal."),
            Some(TieKind::Funding)
        );
        assert_eq!(
            kind("Orlen signed a contract with the port."),
            Some(TieKind::Contract)
        );
        assert_eq!(
            kind("Mr. Assad plans to visit North Korea."),
            Some(TieKind::Visit)
        );
        assert_eq!(
            kind("The city sued the company."),
            Some(TieKind::LegalAction)
        );
    }

    #[test]
    fn the_earliest_cue_wins_and_parts_of_words_do_not_count() {
        assert_eq!(
            kind("Brandt criticised Ansel after they met."),
            Some(TieKind::Criticism)
        );
        assert_eq!(kind("The metal issue in Suez."), None);
        assert_eq!(kind(""), None);
        assert_eq!(kind("Nothing here."), None);
    }
}
