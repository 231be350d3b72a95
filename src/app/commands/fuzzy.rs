//! The palette's fuzzy match: the typed letters must appear in order in a label; runs of
//! consecutive letters and letters at the start of a word score higher. Commands whose label
//! does not match but whose description has words starting with each typed word ("unsaved"
//! finds Quit) come after those whose label does.

use super::Command;

const MATCH: i32 = 1;
const CONSECUTIVE: i32 = 8;
const WORD_START: i32 = 6;
const FIRST_LETTER: i32 = 2;

/// The best score of `query` as a subsequence of `text`, ignoring case and spaces in the
/// query; `None` when it is not one. An empty query matches everything with score 0.
pub fn fuzzy_score(query: &str, text: &str) -> Option<i32> {
    let query: Vec<char> = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let text: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    if query.is_empty() {
        return Some(0);
    }
    let bonus = |j: usize| -> i32 {
        let start = j == 0 || !text[j - 1].is_alphanumeric();
        MATCH + if start { WORD_START } else { 0 } + if j == 0 { FIRST_LETTER } else { 0 }
    };
    // best[j]: the best score with the query so far matched and its last letter at text[j].
    let mut best: Vec<Option<i32>> = text
        .iter()
        .enumerate()
        .map(|(j, &c)| (c == query[0]).then(|| bonus(j)))
        .collect();
    for &q in &query[1..] {
        let mut next = vec![None; text.len()];
        // The best score ending anywhere before j - 1 (a gap).
        let mut before: Option<i32> = None;
        for j in 1..text.len() {
            if j >= 2 {
                before = before.max(best[j - 2]);
            }
            if text[j] != q {
                continue;
            }
            let run = best[j - 1].map(|s| s + CONSECUTIVE);
            next[j] = run.max(before).map(|s| s + bonus(j));
        }
        best = next;
    }
    best.into_iter().flatten().max()
}

/// Whether every word of `query` (two letters or more) starts a word of `text`, ignoring case.
pub fn words_match(query: &str, text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut typed = query.split_whitespace().map(str::to_lowercase).peekable();
    typed.peek().is_some()
        && typed.all(|t| t.chars().count() >= 2 && words.iter().any(|w| w.starts_with(&t)))
}

/// The commands whose label matches `query`, best first, then those whose description does;
/// ties keep the palette's order.
pub fn matching(query: &str) -> Vec<Command> {
    let score = |c: Command| {
        fuzzy_score(query, c.label())
            .or_else(|| words_match(query, c.description()).then_some(i32::MIN))
    };
    let mut found: Vec<(i32, usize, Command)> = Command::ALL
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| score(c).map(|s| (s, i, c)))
        .collect();
    found.sort_by_key(|&(s, i, _)| (std::cmp::Reverse(s), i));
    found.into_iter().map(|(_, _, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_searched_by_word_after_labels() {
        assert!(words_match(
            "unsaved",
            "Close relmap, asking first about unsaved changes"
        ));
        assert!(words_match(
            "unsav chan",
            "asking first about unsaved changes"
        ));
        assert!(!words_match("nsaved", "unsaved changes"));
        assert!(
            !words_match("u", "unsaved changes"),
            "one letter is too little"
        );
        assert!(!words_match("  ", "unsaved changes"));
        assert_eq!(matching("unsaved"), [Command::Quit]);
        // "pin" is in no label: the layouts that keep pinned actors are found by description.
        assert!(matching("pinned").contains(&Command::ForceLayout));
        // A label match comes first.
        let theme = matching("dark");
        assert_eq!(theme.first(), Some(&Command::ThemeDark));
    }

    #[test]
    fn letters_must_come_in_order() {
        assert!(fuzzy_score("fit", "Fit to view").is_some());
        assert!(fuzzy_score("ftv", "Fit to view").is_some());
        assert!(fuzzy_score("tif", "Fit to view").is_none());
        assert!(fuzzy_score("fitx", "Fit to view").is_none());
        assert!(fuzzy_score("x", "").is_none());
    }

    #[test]
    fn case_and_spaces_in_the_query_do_not_matter() {
        assert_eq!(fuzzy_score("FIT", "fit"), fuzzy_score("fit", "Fit"));
        assert_eq!(
            fuzzy_score("zoom in", "Zoom in"),
            fuzzy_score("zoomin", "Zoom in")
        );
    }

    #[test]
    fn an_empty_query_matches_everything() {
        assert_eq!(fuzzy_score("", "Save"), Some(0));
        assert_eq!(fuzzy_score("  ", ""), Some(0));
        assert_eq!(matching("").len(), Command::ALL.len());
    }

    #[test]
    fn consecutive_letters_beat_scattered_ones() {
        let run = fuzzy_score("sav", "Save").unwrap_or(0);
        let scattered = fuzzy_score("sav", "Spread selected by vote").unwrap_or(0);
        assert!(run > scattered, "{run} <= {scattered}");
    }

    #[test]
    fn word_starts_beat_letters_inside_words() {
        // "ol" at the starts of "Open" and "layout" against inside "tool".
        let starts = fuzzy_score("ol", "open layout").unwrap_or(0);
        let inside = fuzzy_score("ol", "a tool").unwrap_or(0);
        assert!(starts > inside, "{starts} <= {inside}");
    }

    #[test]
    fn the_best_alignment_is_found_not_the_first() {
        // The first 'v' is inside "move"; the better one starts "view".
        let score = fuzzy_score("fv", "fmove view").unwrap_or(0);
        let greedy = MATCH + WORD_START + FIRST_LETTER + MATCH;
        assert!(score > greedy, "{score}");
    }

    #[test]
    fn commands_are_ranked_by_score() {
        assert_eq!(matching("undo").first(), Some(&Command::Undo));
        assert_eq!(matching("fit").first(), Some(&Command::FitView));
        assert_eq!(matching("zo").first(), Some(&Command::ZoomIn));
        assert_eq!(matching("zoom out").first(), Some(&Command::ZoomOut));
        assert_eq!(matching("sa").first(), Some(&Command::Save));
        assert_eq!(matching("save as").first(), Some(&Command::SaveAs));
        assert!(matching("qqq").is_empty());
    }
}
