//! The dateline ("TOKYO —", "SEOUL, South Korea (Reuters) -") and the date an article gives in
//! its text ("June 3, 2018", "3 June 2018", "2018-06-03").

/// What the opening of an article says of where and when.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    /// The dateline's place, as written in the news ("Tokyo").
    pub place: Option<String>,
    /// Where the dateline is in the text (the place and its dash).
    pub span: Option<(usize, usize)>,
    /// The first full date in the text, ISO 8601.
    pub date: Option<String>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Looks for a dateline at the start of one of the first three paragraphs, and for a date.
pub fn find(text: &str) -> Found {
    let mut found = Found {
        date: first_date(text),
        ..Found::default()
    };
    let mut offset = 0;
    for line in text.split('\n').take(4) {
        if let Some((place, len)) = dateline(line) {
            found.place = Some(place);
            found.span = Some((offset, offset + len));
            break;
        }
        offset += line.len() + 1;
    }
    found
}

/// A dateline at the start of `line`: an upper-case place (perhaps with ", Country" and an
/// agency in brackets) and a dash. Returns the place in title case and the dateline's length.
fn dateline(line: &str) -> Option<(String, usize)> {
    let dash = ["—", "–", " -- ", " - "]
        .iter()
        .filter_map(|d| line.find(d).map(|at| (at, d.len())))
        .min()?;
    let head = &line[..dash.0];
    if head.chars().count() > 60 {
        return None;
    }
    let place_part = head.split(['(', ',']).next()?.trim();
    let letters: Vec<char> = place_part.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    if !upper {
        return None;
    }
    let place = place_part
        .split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_string() + &cs.as_str().to_lowercase())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some((place, dash.0 + dash.1))
}

/// The first full date in the text (with day, month and year), as ISO 8601.
pub fn first_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(iso) = iso_date(w) {
            return Some(iso);
        }
        let Some(month) = month_of(w) else {
            continue;
        };
        // "June 3, 2018"
        if let (Some(d), Some(y)) = (words.get(i + 1), words.get(i + 2)) {
            if let (Some(d), Some(y)) = (day(d), year(y)) {
                return Some(format!("{y:04}-{month:02}-{d:02}"));
            }
        }
        // "3 June 2018"
        if let (Some(d), Some(y)) = (
            i.checked_sub(1).and_then(|p| words.get(p)),
            words.get(i + 1),
        ) {
            if let (Some(d), Some(y)) = (day(d), year(y)) {
                return Some(format!("{y:04}-{month:02}-{d:02}"));
            }
        }
    }
    None
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic() || c == '.');
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    (w.len() == 4)
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

fn iso_date(word: &str) -> Option<String> {
    let w = word.trim_matches(|c: char| !c.is_ascii_digit());
    let w = if w.len() > 10 && w.is_char_boundary(10) {
        &w[..10]
    } else {
        w
    };
    let b = w.as_bytes();
    let shape = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let valid = shape && crate::model::DateSpec::parse(w).is_ok();
    valid.then(|| w.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_found_at_the_start_of_an_opening_paragraph() {
        let f = find("Headline Here\nTOKYO — President Bashar al-Assad of Syria plans to visit.");
        assert_eq!(f.place.as_deref(), Some("Tokyo"));
        let (s, e) = f.span.unwrap();
        assert_eq!(&"Headline Here\nTOKYO — President"[s..e], "TOKYO —");
        let f = find("SEOUL, South Korea (Reuters) - North Korea fired a missile.");
        assert_eq!(f.place.as_deref(), Some("Seoul"));
        let f = find("NEW YORK – Talks resumed.");
        assert_eq!(f.place.as_deref(), Some("New York"));
        assert_eq!(find("The minister — tired — left.").place, None);
        assert_eq!(find("").place, None);
    }

    #[test]
    fn dates_are_read_in_the_common_forms() {
        assert_eq!(
            first_date("On June 3, 2018, he left.").as_deref(),
            Some("2018-06-03")
        );
        assert_eq!(
            first_date("Published 3 June 2018.").as_deref(),
            Some("2018-06-03")
        );
        assert_eq!(
            first_date("Updated 2018-06-03T10:00.").as_deref(),
            Some("2018-06-03")
        );
        assert_eq!(
            first_date("Sept. 12, 2001 changed it.").as_deref(),
            Some("2001-09-12")
        );
        assert_eq!(first_date("On May 30 in Damascus."), None);
        assert_eq!(first_date("It may rain on 40 days."), None);
    }
}
