//! What the reader makes of cells that people edit by hand in a spreadsheet: quotes typed into
//! `Quotes` beside the excerpts relmap wrote.

use crate::io::interop;
use crate::model::Excerpt;

/// The note on quotes typed into a Quotes cell that its Excerpts cell lacks, one count a quote.
pub(super) const TYPED_QUOTES: &str = "quotes typed into the Quotes column that its Excerpts \
                                       lack were added as excerpts without their article";

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
}
