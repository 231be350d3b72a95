//! Sentences with their UTF-8 byte offsets, by the Punkt tokenizer with its trained English data
//! (NLTK's parameters), run paragraph by paragraph. Punkt knows "Mr.", "U.S." and initials from
//! its training; two fix-ups after it keep together what it splits before a lower-case word
//! ("a good P.R. move", "the D.P.R.K. leadership") and after "No." before a number.

use std::sync::LazyLock;

use punkt::params::Standard;
use punkt::{SentenceTokenizer, TrainingData};

/// The trained English data, parsed once (it is 300 KiB of JSON).
static ENGLISH: LazyLock<TrainingData> = LazyLock::new(TrainingData::english);

/// A sentence: `text[start..end]`, trimmed, inside paragraph `paragraph` (counted from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

impl Sentence {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A paragraph: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
}

/// The sentences of `text`, in order.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (p, para) in paragraphs(text).into_iter().enumerate() {
        let body = &text[para.start..para.end];
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut spans: Vec<(usize, usize)> = SentenceTokenizer::<Standard>::new(body, &ENGLISH)
            .flat_map(|s| {
                // Punkt gives slices of `body`: their place is their distance from its start.
                let start = s.as_ptr() as usize - body.as_ptr() as usize;
                after_quotes(body, start, start + s.len())
            })
            .collect();
        // Punkt leaves out a last sentence that ends in a quote mark: it is what remains.
        let covered = spans.last().map_or(0, |&(_, e)| e);
        if !body[covered..].trim().is_empty() {
            spans.extend(after_quotes(body, covered, body.len()));
        }
        for (start, end) in spans {
            let (start, end) = trim(body, start, start + (end - start));
            if start >= end {
                continue;
            }
            match pieces.last_mut() {
                Some(last) if continues(&body[last.0..last.1], &body[start..end]) => {
                    last.1 = end;
                }
                _ => pieces.push((start, end)),
            }
        }
        sentences.extend(pieces.into_iter().map(|(s, e)| Sentence {
            start: para.start + s,
            end: para.start + e,
            paragraph: p,
        }));
    }
    sentences
}

/// `text[start..end]` without the whitespace around it.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}

/// Whether `next` carries on the sentence `prev` that Punkt ended too early: it starts with a
/// lower-case letter or a digit after "No.", or `prev` ends with a single initial after a name.
fn continues(prev: &str, next: &str) -> bool {
    let first = next
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next();
    let Some(first) = first else {
        return true; // only punctuation: it belongs to the sentence before
    };
    if first.is_lowercase() {
        return true;
    }
    let last_word = prev.split_whitespace().next_back().unwrap_or("");
    let number_sign = matches!(last_word, "No." | "no." | "Nos." | "nos.");
    // "Mr." and the like never end a sentence.
    let bare = last_word
        .trim_start_matches(['“', '"', '('])
        .trim_end_matches('.')
        .to_lowercase();
    if last_word.ends_with('.') && HONORIFIC_DOTS.contains(&bare.as_str()) {
        return true;
    }
    if number_sign && first.is_ascii_digit() {
        return true;
    }
    // "Jonathan D." then "Pollack, a senior fellow": an initial after a capitalised word.
    let mut words = prev.split_whitespace().rev();
    let (last, before) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let initial = last.len() == 2 && last.ends_with('.') && last.starts_with(char::is_uppercase);
    initial && before.starts_with(char::is_uppercase) && first.is_uppercase()
}

/// Abbreviations that are always followed by a name.
const HONORIFIC_DOTS: [&str; 16] = [
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm",
    "st", "rev",
];

/// Splits `text[start..end]` after a sentence that ends inside quote marks and is followed by a
/// capital ("… a good P.R. move.” Mr. Kim agreed."), which Punkt keeps together.
fn after_quotes(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut from = start;
    let piece = &text[start..end];
    for (i, _) in piece.match_indices(['”', '"']) {
        let at = start + i;
        let before = text[..at].chars().next_back();
        let close = if text[at..].starts_with('”') {
            '”'.len_utf8()
        } else {
            1
        };
        let rest = &text[at + close..end];
        let next = rest.trim_start().chars().next();
        let spaced = rest.starts_with(' ');
        if before.is_some_and(|c| matches!(c, '.' | '?' | '!'))
            && spaced
            && next.is_some_and(|c| c.is_uppercase() || c == '“')
        {
            pieces.push((from, at + close));
            from = at + close;
        }
    }
    pieces.push((from, end));
    pieces
}

/// The paragraphs of `text`. Blank lines always separate paragraphs. A single line break does
/// too when the text's lines are long (one paragraph a line, as in most pasted articles), or
/// when the line before it is short and ends without a comma (a headline, a dateline), or ends
/// a sentence; in hard-wrapped text the other line breaks only wrap.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines: Vec<(usize, usize)> = line_spans(text);
    let longest = lines.iter().map(|&(s, e)| e - s).max().unwrap_or(0);
    // Hard-wrapped text has most lines close to one width, under 100 characters.
    let wrapped = longest <= 100 && lines.len() >= 4;
    let mut paragraphs = Vec::new();
    let mut current: Option<Paragraph> = None;
    for &(start, end) in &lines {
        let line = &text[start..end];
        if line.trim().is_empty() {
            paragraphs.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some(p) if wrapped && !ends_paragraph(&text[p.start..p.end], longest) => p.end = end,
            _ => {
                paragraphs.extend(current.take());
                let (s, e) = trim(text, start, end);
                current = Some(Paragraph { start: s, end: e });
            }
        }
        if let Some(p) = current.as_mut() {
            p.end = trim(text, p.start, end).1;
        }
    }
    paragraphs.extend(current);
    paragraphs
}

/// The spans of the lines of `text`, without their line ends.
fn line_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            spans.push((start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        spans.push((start, text.len()));
    }
    spans
}

/// In hard-wrapped text, whether the paragraph so far ends at its last line: that line is much
/// shorter than the wrapping width and ends a sentence or is a heading.
fn ends_paragraph(paragraph: &str, width: usize) -> bool {
    let last_line = paragraph
        .rsplit('\n')
        .next()
        .unwrap_or(paragraph)
        .trim_end();
    let short = last_line.chars().count() * 10 < width * 7;
    let ends_sentence = last_line.ends_with(['.', '?', '!', '”', '"', ':']);
    short && (ends_sentence || !last_line.ends_with([',', ';']))
}

#[cfg(test)]
#[path = "sentences_tests.rs"]
mod tests;
