//! What the reader makes of cells that people edit by hand in a spreadsheet: quotes typed into
//! `Quotes` beside the excerpts relmap wrote, a Kumu `Strength` or a Gephi `Weight`, and the
//! columns it does not read.

use crate::io::interop;
use crate::model::Excerpt;

use super::read::Table;

/// The note on quotes typed into a Quotes cell that its Excerpts cell lacks, one count a quote.
pub(super) const TYPED_QUOTES: &str = "quotes typed into the Quotes column that its Excerpts \
                                       lack were added as excerpts without their article";

/// The note on a number in a Strength or Weight cell other than the tie's evidence, as the
/// GEXF and GraphML readers say it.
pub(super) const WEIGHTS: &str =
    "edge weights are not kept: relmap draws a tie as wide as its evidence";

/// The note on a Strength or Weight cell that is a word (Kumu's "Strong").
pub(super) const WORDED_STRENGTHS: &str =
    "connection strengths that are words are not kept: relmap draws a tie as wide as its \
     evidence";

/// The quotes of a Quotes cell: separated by `|`, or a JSON list as relmap writes it when a
/// quote holds a `|`, which may be followed by quotes typed after it (`["a|b"]|typed`).
pub(super) fn typed_quotes(cell: &str) -> Vec<String> {
    let trimmed = cell.trim();
    if trimmed.starts_with('[') {
        let mut lists = serde_json::Deserializer::from_str(trimmed).into_iter::<Vec<String>>();
        if let Some(Ok(list)) = lists.next() {
            let rest = trimmed[lists.byte_offset()..].trim_start();
            if rest.is_empty() || rest.starts_with('|') {
                let mut quotes: Vec<String> = list.into_iter().filter(|q| !q.is_empty()).collect();
                quotes.extend(interop::list_from(rest.trim_start_matches('|')));
                return quotes;
            }
        }
    }
    interop::list_from(cell)
}

/// An excerpt of a quote whose article the file does not give; the reader keeps it with the
/// other such quotes.
pub(super) fn loose_excerpt(quote: String) -> Excerpt {
    Excerpt {
        source: String::new(),
        end: quote.len(),
        quote,
        start: 0,
        certainty: None,
        attributed_to: None,
    }
}

/// Adds to `excerpts` each quote of a Quotes cell that is not already the quote of one of
/// them, as an excerpt without its article; returns how many it added. The excerpts there are
/// kept as they are, so a quote edited in the cell is added beside the one it was.
pub(super) fn add_typed_quotes(excerpts: &mut Vec<Excerpt>, cell: &str) -> usize {
    let mut known: Vec<String> = excerpts.iter().map(|x| x.quote.trim().to_owned()).collect();
    let mut added = 0;
    for quote in typed_quotes(cell) {
        if known.iter().any(|k| *k == quote.trim()) {
            continue;
        }
        known.push(quote.trim().to_owned());
        excerpts.push(loose_excerpt(quote));
        added += 1;
    }
    added
}

/// What to say of a Strength or Weight cell, if anything: nothing when it is empty or the
/// width relmap gives the tie (its number of excerpts, at least 1, from any of `evidence`).
pub(super) fn strength_note(cell: &str, evidence: &[usize]) -> Option<&'static str> {
    let value = cell.trim();
    if value.is_empty() {
        return None;
    }
    match interop::number(value) {
        Some(weight) => {
            let drawn = |n: &usize| weight == (*n).max(1) as f64;
            (!evidence.iter().any(drawn)).then_some(WEIGHTS)
        }
        None => Some(WORDED_STRENGTHS),
    }
}

/// The note on column `c`, which holds a value that the reader does not read: a column that
/// repeats the name of one it reads says which one that is; any other has no field in relmap.
/// `what` is the kind of row ("element"), `read` the columns the reader reads.
pub(super) fn unread_column_note(t: &Table, c: usize, read: &[usize], what: &str) -> String {
    let name = &t.header[c];
    match t.column(&[name.as_str()]) {
        Some(first) if first != c && read.contains(&first) => format!(
            "{what} column '{name}' is repeated (row 1, column {}): only column {} is read",
            c + 1,
            first + 1
        ),
        _ => format!("{what} column '{name}' is not kept: relmap has no field for it"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_split_after_a_json_list_too() {
        assert_eq!(typed_quotes("a| b |"), ["a", "b"]);
        assert_eq!(typed_quotes(r#"["a|b", "c"]"#), ["a|b", "c"]);
        assert_eq!(typed_quotes(r#"["a|b"] | d|e"#), ["a|b", "d", "e"]);
        // Not a JSON list after all: split at every bar, as Kumu does.
        assert_eq!(typed_quotes("[note] a|b"), ["[note] a", "b"]);
    }

    #[test]
    fn typed_quotes_already_there_are_not_added_twice() {
        let mut excerpts = vec![loose_excerpt("He said so".into())];
        assert_eq!(add_typed_quotes(&mut excerpts, " He said so |New|New"), 1);
        assert_eq!(excerpts[1].quote, "New");
    }

    #[test]
    fn strengths_are_said_only_when_they_are_not_the_evidence() {
        assert_eq!(strength_note("", &[3]), None);
        assert_eq!(strength_note("1", &[0]), None);
        assert_eq!(strength_note("2.0", &[1, 2]), None);
        assert_eq!(strength_note("2", &[1]), Some(WEIGHTS));
        assert_eq!(strength_note("Strong", &[1]), Some(WORDED_STRENGTHS));
    }
}
