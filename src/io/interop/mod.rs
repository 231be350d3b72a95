//! What the interchange formats (GEXF, GraphML, CSV, FollowTheMoney) share: the input as
//! text with places for errors, the words other tools use for kinds, polarities and dates,
//! lists written as JSON or with `|`, ids from other tools, the evidence kept when a file
//! carries quotes without their articles, and the notes on what a reader did not keep.

use std::io::Read;
use std::path::Path;

use crate::io::LoadError;
use crate::model::{ActorKind, Certainty, DateSpec, Polarity, TieKind};

mod articles;
mod edges;
mod encoding;
pub use encoding::utf8_text;
mod keep;
pub use articles::{excerpts_from, excerpts_json, Articles, ArticlesOf};
pub use edges::{edge_id, resolve, PendingEdge};
pub use keep::{finish, keep_evidence, losses, Ids, Notes, LOOSE_QUOTES};

/// Reads the whole input as text, up to the size limit, in the encoding the file names (a byte
/// order mark or an XML declaration; UTF-8 when it names none), without the byte order mark.
/// An empty input and bytes the encoding cannot decode are errors with their place.
pub fn read_input(input: &mut dyn Read, path: &Path) -> Result<String, LoadError> {
    let bytes = super::read::read_all_limited(input, path, 0)?;
    let text = encoding::decode(bytes, path)?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(text)
}

/// A name in lower case, copied only when it has capitals (names are matched without case
/// for every value of every element read).
pub fn lowercase(name: &str) -> std::borrow::Cow<'_, str> {
    if name.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(name.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// The line and column (from 1, the column in characters) of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// A syntax error at byte `offset` of `text`.
pub fn syntax_at(path: &Path, text: &str, offset: usize, message: String) -> LoadError {
    let (line, column) = line_col(text, offset);
    LoadError::Syntax {
        path: path.to_owned(),
        line,
        column,
        message,
    }
}

/// The actor kind another tool's word names: relmap's own names, and the usual words of
/// Kumu, Gephi, FollowTheMoney and others ("Company" is an organisation, "Country" a state).
pub fn actor_kind_from(word: &str) -> Option<ActorKind> {
    let w = word.trim().to_lowercase().replace(['_', '-'], " ");
    Some(match w.as_str() {
        "person" | "people" | "individual" | "human" | "politician" | "official" => {
            ActorKind::Person
        }
        "state" | "country" | "nation" | "government" | "publicbody" | "public body"
        | "jurisdiction" => ActorKind::State,
        "organization"
        | "organisation"
        | "company"
        | "party"
        | "group"
        | "agency"
        | "ngo"
        | "institution"
        | "business"
        | "firm"
        | "legalentity"
        | "legal entity"
        | "media"
        | "organization/company" => ActorKind::Organization,
        "place" | "location" | "city" | "region" | "address" | "site" | "area" => ActorKind::Place,
        "other" | "thing" | "" => ActorKind::Other,
        _ => return None,
    })
}

/// The tie kind a word names: relmap's names (`arms_transfer`) and labels (`arms transfer`).
pub fn tie_kind_from(word: &str) -> Option<TieKind> {
    let w = word.trim().to_lowercase().replace(['_', '-'], " ");
    TieKind::ALL.into_iter().find(|k| k.label() == w)
}

pub fn polarity_from(word: &str) -> Option<Polarity> {
    match word.trim().to_lowercase().as_str() {
        "cooperative" | "positive" | "+" | "friendly" => Some(Polarity::Cooperative),
        "hostile" | "negative" | "-" | "adversarial" => Some(Polarity::Hostile),
        "neutral" | "" => Some(Polarity::Neutral),
        _ => None,
    }
}

pub fn certainty_from(word: &str) -> Option<Certainty> {
    let w = word.trim().to_lowercase();
    Certainty::ALL.into_iter().find(|c| c.label() == w)
}

/// A date as relmap keeps it (`2018`, `2018-06`, `2018-06-03` or `start/end`), from a date
/// or a date and time; `None` for anything else (numbers of a timeline, free text).
pub fn date_from(text: &str) -> Option<String> {
    let text = text.trim();
    let one = |part: &str| -> Option<String> {
        let part = part.trim();
        // A date and time: the date part.
        let part = match part.find('T') {
            Some(t) if t >= 4 => &part[..t],
            _ => part,
        };
        DateSpec::parse(part).ok().map(|_| part.to_owned())
    };
    match text.split_once('/') {
        Some((a, b)) => {
            let joined = format!("{}/{}", one(a)?, one(b)?);
            DateSpec::parse(&joined).ok().map(|_| joined)
        }
        None => one(text),
    }
}

/// A date range from a start and an end that other tools give apart (GEXF, FollowTheMoney);
/// one of them alone is a single date. The same start and end make one date.
pub fn date_from_range(start: Option<&str>, end: Option<&str>) -> Option<String> {
    match (start.and_then(date_from), end.and_then(date_from)) {
        (Some(a), Some(b)) if a == b => Some(a),
        (Some(a), Some(b)) => date_from(&format!("{a}/{b}")).or(Some(a)),
        (Some(a), None) => Some(a),
        (None, Some(b)) => Some(b),
        (None, None) => None,
    }
}

/// The first and last day a relmap date covers, as full dates (`2018-06` runs from
/// `2018-06-01` to `2018-06-30`): what tools that want whole dates (GEXF) are given.
pub fn date_bounds(date: &str) -> Option<(String, String)> {
    use crate::model::DateSpec;
    let spec = DateSpec::parse(date).ok()?;
    let (a, b) = match spec {
        DateSpec::On(d) => (d, d),
        DateSpec::Range(a, b) => (a, b),
    };
    let first = format!(
        "{:04}-{:02}-{:02}",
        a.year,
        a.month.unwrap_or(1),
        a.day.unwrap_or(1)
    );
    let month = b.month.unwrap_or(12);
    let last_day = b.day.unwrap_or_else(|| days_in_month(b.year, month));
    let last = format!("{:04}-{:02}-{:02}", b.year, month, last_day);
    Some((first, last))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A list of strings as other tools write it: a JSON array (as relmap writes it), `[a, b]`
/// (GEXF 1.3's liststring), or `a|b` (Kumu, GEXF 1.2's liststring). Empty items are left out.
pub fn list_from(text: &str) -> Vec<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Vec::new();
    }
    if trimmed.starts_with('[') {
        if let Ok(list) = serde_json::from_str::<Vec<String>>(trimmed) {
            return list.into_iter().filter(|s| !s.is_empty()).collect();
        }
        if let Some(inner) = trimmed.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            return inner
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
        }
    }
    trimmed
        .split('|')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A list as a JSON array, which keeps every character of every item.
pub fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_default()
}

/// A sign that a number of a GEXF or GraphML attribute reads as `f64`.
pub fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A boolean as XML Schema and the usual tools write it.
pub fn boolean(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" | "" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_in_every_way_tools_write_them() {
        assert_eq!(list_from(r#"["a|b", "c"]"#), ["a|b", "c"]);
        assert_eq!(list_from("[a, b]"), ["a", "b"]);
        assert_eq!(list_from("a|b||c"), ["a", "b", "c"]);
        assert!(list_from("  ").is_empty());
    }

    #[test]
    fn dates_from_other_tools() {
        assert_eq!(
            date_from("2018-06-03T10:00:00Z").as_deref(),
            Some("2018-06-03")
        );
        assert_eq!(date_from("2012/2017").as_deref(), Some("2012/2017"));
        assert_eq!(date_from("2001.0"), None);
        assert_eq!(
            date_bounds("2018-06"),
            Some(("2018-06-01".into(), "2018-06-30".into()))
        );
        assert_eq!(
            date_bounds("2012/2016-02"),
            Some(("2012-01-01".into(), "2016-02-29".into()))
        );
        assert_eq!(
            date_from_range(Some("2018-06-01"), Some("2018-06-01")).as_deref(),
            Some("2018-06-01")
        );
    }

    #[test]
    fn places_are_counted_in_characters_from_one() {
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_col("", 0), (1, 1));
    }

    #[test]
    fn words_of_other_tools_name_kinds() {
        assert_eq!(actor_kind_from("Company"), Some(ActorKind::Organization));
        assert_eq!(actor_kind_from("Country"), Some(ActorKind::State));
        assert_eq!(tie_kind_from("arms_transfer"), Some(TieKind::ArmsTransfer));
        assert_eq!(tie_kind_from("Legal action"), Some(TieKind::LegalAction));
        assert_eq!(tie_kind_from("Personal"), None);
    }
}
