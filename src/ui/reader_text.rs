//! The article reader's text as shown: paragraphs separated by a single newline get a blank
//! line between them, as those separated by blank lines already have. Offsets into the source
//! text (UTF-8 bytes) are mapped to the shown text and back. No egui.

/// A source text as the reader shows it.
pub struct ReaderText {
    /// The text as shown.
    pub shown: String,
    /// Where a newline was added, as byte offsets into the source (the start of the paragraph
    /// it comes before), ascending.
    in_source: Vec<usize>,
    /// The same newlines as byte offsets into the shown text.
    in_shown: Vec<usize>,
}

impl ReaderText {
    pub fn new(source: &str) -> Self {
        let mut in_source = Vec::new();
        let mut offset = 0;
        let mut previous_blank = true;
        for line in source.split('\n') {
            let blank = line.trim().is_empty();
            if offset > 0 && !blank && !previous_blank {
                in_source.push(offset);
            }
            previous_blank = blank;
            offset += line.len() + 1;
        }
        let mut shown = String::with_capacity(source.len() + in_source.len());
        let mut in_shown = Vec::with_capacity(in_source.len());
        let mut copied = 0;
        for &at in &in_source {
            shown.push_str(&source[copied..at]);
            in_shown.push(shown.len());
            shown.push('\n');
            copied = at;
        }
        shown.push_str(&source[copied..]);
        Self {
            shown,
            in_source,
            in_shown,
        }
    }

    /// Where a range of the source is in the shown text (the added blank lines around it are
    /// left out).
    pub fn shown_range(&self, start: usize, end: usize) -> (usize, usize) {
        let before = |at: usize, inclusive: bool| {
            self.in_source
                .partition_point(|&p| if inclusive { p <= at } else { p < at })
        };
        let shown_start = start + before(start, true);
        (shown_start, (end + before(end, false)).max(shown_start))
    }

    /// Where a byte offset of the shown text is in the source. An offset on an added newline
    /// maps to the start of the paragraph after it.
    pub fn source_byte(&self, shown: usize) -> usize {
        shown - self.in_shown.partition_point(|&q| q < shown)
    }

    /// The byte offset in the shown text of a character index (as a text cursor counts).
    pub fn shown_byte_of_char(&self, chars: usize) -> usize {
        self.shown
            .char_indices()
            .nth(chars)
            .map_or(self.shown.len(), |(i, _)| i)
    }
}

/// A selection of `chars` widened to whole words, as a word processor does at the end of a
/// drag: its start moves back to the start of the word it falls in, its end forward to the end
/// of its word; an end that falls on space between words moves onto the nearest word. Character
/// counts, both ways; `start <= end`.
pub fn snap_to_words(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let in_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '_');
    let len = chars.len();
    let (mut start, mut end) = (start.min(len), end.min(len));
    if start >= end {
        return (start, end);
    }
    // Space at the edges is left out, then the edges widen to whole words.
    while start < end && !in_word(chars[start]) && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && !in_word(chars[end - 1]) && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    while start > 0 && start < len && in_word(chars[start]) && in_word(chars[start - 1]) {
        start -= 1;
    }
    while end < len && end > 0 && in_word(chars[end - 1]) && in_word(chars[end]) {
        end += 1;
    }
    (start, end)
}

/// How a stretch of the reader's text is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// The quote of a candidate tie waiting for review.
    Candidate,
    /// The excerpt the reader was opened on; it wins where it overlaps a candidate's quote.
    Highlight,
}

/// Cuts `0..len` into stretches, each marked: the highlight over the candidates' quotes over
/// plain text. Ranges outside the text are clipped, and empty stretches left out.
pub fn marked_stretches(
    len: usize,
    highlight: Option<(usize, usize)>,
    candidates: &[(usize, usize)],
) -> Vec<(usize, usize, Mark)> {
    // Each byte's mark, taken at every place where a mark may change.
    let mut cuts: Vec<usize> = vec![0, len];
    for &(s, e) in candidates.iter().chain(&highlight) {
        cuts.extend([s.min(len), e.min(len)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let within = |at: usize, (s, e): (usize, usize)| s <= at && at < e;
    let mut stretches: Vec<(usize, usize, Mark)> = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let mark = if highlight.is_some_and(|h| within(start, h)) {
            Mark::Highlight
        } else if candidates.iter().any(|&c| within(start, c)) {
            Mark::Candidate
        } else {
            Mark::Plain
        };
        match stretches.last_mut() {
            Some(last) if last.2 == mark && last.1 == start => last.1 = end,
            _ => stretches.push((start, end, mark)),
        }
    }
    stretches
}

#[cfg(test)]
mod tests {
    use super::{marked_stretches, Mark, ReaderText};

    #[test]
    fn the_highlight_wins_over_candidate_quotes_and_plain_text_fills_the_rest() {
        use Mark::{Candidate, Highlight, Plain};
        // Two candidate quotes that overlap, the highlight inside the second, one quote past
        // the end of the text.
        let stretches = marked_stretches(100, Some((50, 60)), &[(10, 30), (20, 70), (95, 120)]);
        assert_eq!(
            stretches,
            vec![
                (0, 10, Plain),
                (10, 50, Candidate),
                (50, 60, Highlight),
                (60, 70, Candidate),
                (70, 95, Plain),
                (95, 100, Candidate),
            ]
        );
        assert_eq!(marked_stretches(5, None, &[]), vec![(0, 5, Plain)]);
    }

    #[test]
    fn single_newlines_become_blank_lines_and_blank_lines_stay() {
        let t = ReaderText::new("Title\nFirst para.\nSecond para.\n\nThird.\n");
        assert_eq!(t.shown, "Title\n\nFirst para.\n\nSecond para.\n\nThird.\n");
        let t = ReaderText::new("A\n\nB\n  \nC");
        assert_eq!(t.shown, "A\n\nB\n  \nC");
    }

    #[test]
    fn every_source_range_maps_to_the_same_text_and_back() {
        let source = "Kim’s visit\nTOKYO — Assad.\nMore “quotes”.\n\nEnd";
        let t = ReaderText::new(source);
        let bounds: Vec<usize> = (0..=source.len())
            .filter(|&i| source.is_char_boundary(i))
            .collect();
        for &s in &bounds {
            for &e in bounds.iter().filter(|&&e| e >= s) {
                let (ss, se) = t.shown_range(s, e);
                let part = &t.shown[ss..se];
                // The shown range holds the same text, give or take the added newlines.
                let without_added: String = {
                    let mut kept = String::new();
                    let mut at = ss;
                    for c in part.chars() {
                        if !t.in_shown.contains(&at) {
                            kept.push(c);
                        }
                        at += c.len_utf8();
                    }
                    kept
                };
                assert_eq!(without_added, &source[s..e], "{s}..{e}");
                assert_eq!((t.source_byte(ss), t.source_byte(se)), (s, e), "{s}..{e}");
            }
        }
    }
}
