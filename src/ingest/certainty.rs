//! How sure a sentence is of what it says, and who says it, from cue words: "plans to" is
//! planned, "may have" speculative, "accused" alleged, "reported" and "said" reported, "denied"
//! denied; "the agency reported", "said Bruce Klingner" and "according to" name the claimant.

use crate::model::Certainty;

/// Cue phrases of each certainty, the strongest family first: a sentence takes the first family
/// with a cue in it. Each phrase matches at word starts.
const FAMILIES: [(Certainty, &[&str]); 5] = [
    (
        Certainty::Denied,
        &[
            "denied",
            "denies",
            "deny",
            "rejected the report",
            "dismissed the report",
            "refuted",
        ],
    ),
    (
        Certainty::Alleged,
        &[
            "accused",
            "accuses",
            "allegedly",
            "alleged",
            "suspected",
            "believed",
            "claimed",
        ],
    ),
    (
        Certainty::Planned,
        &[
            "plans to",
            "planned to",
            "planning to",
            "intends to",
            "intended to",
            "going to",
            "is expected to",
            "are expected to",
            "will visit",
            "will meet",
            "is to ",
            "agreed to",
            "promised to",
            "scheduled to",
        ],
    ),
    (
        Certainty::Speculative,
        &[
            "may have",
            "might",
            "could",
            "perhaps",
            "possibly",
            "possible",
            "if ",
            "whether",
            "unclear",
            "would",
            "may ",
            "speculat",
            "likely",
            "appears to",
            "apparently",
        ],
    ),
    (
        Certainty::Reported,
        &[
            "reported",
            "reports",
            "according to",
            "quoted",
            "said",
            "says",
            "told",
            "announced",
        ],
    ),
];

/// The certainty a sentence's cue words give; stated when it has none.
pub fn certainty(sentence: &str) -> Certainty {
    let lower = sentence.to_lowercase();
    for (certainty, cues) in FAMILIES {
        if cues.iter().any(|cue| has_phrase(&lower, cue)) {
            return certainty;
        }
    }
    Certainty::Stated
}

/// Whether `phrase` starts a word in `lower`.
pub fn has_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(at, _)| {
        lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Verbs of speech: the subject or object next to one is the claimant.
pub const SPEECH: [&str; 14] = [
    "said",
    "says",
    "say",
    "told",
    "added",
    "noted",
    "wrote",
    "argued",
    "warned",
    "reported",
    "reports",
    "explained",
    "stated",
    "insisted",
];

/// Phrases after which the claimant follows: "according to X", "quoted by X".
pub const SOURCE_BEFORE: [&str; 4] = ["according to", "quoted by", "reported by", "cited by"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_family_of_certainty_cues() {
        assert_eq!(
            certainty("Assad plans to visit North Korea."),
            Certainty::Planned
        );
        assert_eq!(
            certainty("He said he intended to visit."),
            Certainty::Planned
        );
        assert_eq!(
            certainty("Mun may have misunderstood Assad."),
            Certainty::Speculative
        );
        assert_eq!(
            certainty("It was unclear if he had promised it."),
            Certainty::Speculative
        );
        assert_eq!(
            certainty("Experts accused North Korea of shipping materials that could be used."),
            Certainty::Alleged
        );
        assert_eq!(
            certainty("The agency reported the visit."),
            Certainty::Reported
        );
        assert_eq!(
            certainty("The ministry denied any visit."),
            Certainty::Denied
        );
        assert_eq!(certainty("Kim met Moon in April."), Certainty::Stated);
        assert_eq!(certainty("The mayor was furious."), Certainty::Stated);
    }
}
