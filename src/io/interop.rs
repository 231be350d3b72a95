//! What the interchange formats (GEXF, GraphML, CSV, FollowTheMoney) share: the input as
//! text with places for errors, the words other tools use for kinds, polarities and dates,
//! lists written as JSON or with `|`, ids from other tools, the evidence kept when a file
//! carries quotes without their articles, and the notes on what a reader did not keep.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use super::json::Loaded;
use super::read::LimitedReader;
use super::LoadError;
use crate::model::{
    validate, ActorKind, Certainty, Dataset, DateSpec, Excerpt, Polarity, Source, TieKind,
};

/// Reads the whole input as UTF-8 text, up to the size limit, without a byte order mark. An
/// empty input and bytes that are not UTF-8 are errors with their place.
pub fn read_input(input: &mut dyn Read, path: &Path) -> Result<String, LoadError> {
    let mut limited = LimitedReader::new(input);
    let mut bytes = Vec::new();
    if let Err(source) = limited.read_to_end(&mut bytes) {
        if limited.exceeded_flag().get() {
            return Err(super::read::grew_too_large(path));
        }
        return Err(LoadError::Read {
            path: path.to_owned(),
            source,
        });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line,
            column: String::from_utf8_lossy(&before[start..]).chars().count() + 1,
            offset,
        }
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(text)
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

/// The excerpts of a tie from the JSON that relmap writes into other formats.
pub fn excerpts_from(text: &str) -> Result<Vec<Excerpt>, String> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_json::from_str(text)
        .map_err(|e| format!("the excerpts are not a JSON list of excerpts: {e}"))
}

pub fn excerpts_json(excerpts: &[Excerpt]) -> String {
    serde_json::to_string(excerpts).unwrap_or_default()
}

/// What a reader did not keep, or kept otherwise than it was, counted by kind: one warning
/// line each ("node attribute 'modularity_class' is not kept: relmap has no field for it (77
/// nodes)").
#[derive(Debug, Default)]
pub struct Notes {
    counts: BTreeMap<String, (usize, &'static str)>,
    order: Vec<String>,
}

impl Notes {
    /// Counts one more `what` (a singular noun) for `note`.
    pub fn add(&mut self, note: impl Into<String>, what: &'static str) {
        let note = note.into();
        match self.counts.get_mut(&note) {
            Some((n, _)) => *n += 1,
            None => {
                self.order.push(note.clone());
                self.counts.insert(note, (1, what));
            }
        }
    }

    /// One line per note, in the order first seen.
    pub fn lines(&self) -> Vec<String> {
        self.order
            .iter()
            .map(|note| {
                let (n, what) = self.counts[note];
                if what.is_empty() {
                    note.clone()
                } else {
                    format!("{note} ({n} {what}{})", if n == 1 { "" } else { "s" })
                }
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// Ids from another tool made into relmap ids: kept as they are when they can be (so that a
/// file relmap wrote comes back with its own ids), otherwise cleaned of invisible characters
/// and made unique.
#[derive(Default)]
pub struct Ids {
    taken: HashSet<String>,
    /// Foreign id → relmap id, for ends of ties.
    map: HashMap<String, String>,
}

impl Ids {
    /// Takes `foreign` as a new id; `None` if it was taken already (a duplicate).
    pub fn add(&mut self, foreign: &str, notes: &mut Notes) -> Option<String> {
        if self.map.contains_key(foreign) {
            return None;
        }
        let mut id: String = foreign
            .chars()
            .filter(|c| !crate::model::invisible::is_invisible(*c))
            .collect::<String>()
            .trim()
            .to_owned();
        if id != foreign {
            notes.add(
                "ids with invisible characters or spaces around them were cleaned",
                "id",
            );
        }
        if id.is_empty() {
            id = "item".into();
        }
        let id = self.unique(id);
        self.map.insert(foreign.to_owned(), id.clone());
        Some(id)
    }

    /// `base`, or `base-2`, `base-3`… whichever is free; taken from then on.
    pub fn unique(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 1;
        while self.taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.taken.insert(id.clone());
        id
    }

    /// Makes `foreign` another name of the relmap id `id` (an entity id with its prefix).
    pub fn alias(&mut self, foreign: &str, id: &str) {
        self.map
            .entry(foreign.to_owned())
            .or_insert_with(|| id.to_owned());
    }

    /// The relmap id of a foreign id that was added.
    pub fn get(&self, foreign: &str) -> Option<&str> {
        self.map.get(foreign).map(String::as_str)
    }
}

/// Checks a dataset read from another format, after keeping the evidence it carries (see
/// [`keep_evidence`]), and returns it with every note as a warning.
pub fn finish(path: &Path, mut data: Dataset, mut notes: Notes) -> Result<Loaded, LoadError> {
    data.forget_index();
    keep_evidence(&mut data, &mut notes);
    let problems = validate(&data);
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            problems,
        });
    }
    let mut warnings = notes.lines();
    warnings.extend(
        crate::model::warnings(&data)
            .iter()
            .map(ToString::to_string),
    );
    Ok(Loaded { data, warnings })
}

/// The id of the source that holds quotes whose article a file did not carry.
pub const LOOSE_QUOTES: &str = "imported-quotes";

/// Keeps every excerpt a file carries, even where its article is not in the file or its
/// offsets do not point at the quote: a quote found in its article gets the offsets of where
/// it is; any other goes into one source of quotes without their article ([`LOOSE_QUOTES`]),
/// whose text is those quotes one after the other, with a note saying how many.
pub fn keep_evidence(data: &mut Dataset, notes: &mut Notes) {
    let texts: HashMap<String, usize> = data
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let mut loose = String::new();
    let loose_id = {
        let mut id = LOOSE_QUOTES.to_owned();
        let mut n = 1;
        while texts.contains_key(&id) {
            n += 1;
            id = format!("{LOOSE_QUOTES}-{n}");
        }
        id
    };
    let mut moved = 0usize;
    for tie in &mut data.ties {
        for x in &mut tie.excerpts {
            let source = texts.get(&x.source).map(|&i| data.sources[i].text.as_str());
            if let Some(text) = source {
                if text.get(x.start..x.end) == Some(x.quote.as_str()) {
                    continue;
                }
                if let Some(at) = text.find(&x.quote).filter(|_| !x.quote.is_empty()) {
                    x.start = at;
                    x.end = at + x.quote.len();
                    notes.add(
                        "excerpts whose offsets did not point at their quote were placed where \
                         the quote is in the article",
                        "excerpt",
                    );
                    continue;
                }
            }
            if !loose.is_empty() {
                loose.push_str("\n\n");
            }
            x.start = loose.len();
            loose.push_str(&x.quote);
            x.end = loose.len();
            x.source = loose_id.clone();
            moved += 1;
        }
    }
    if moved > 0 {
        notes.add(
            format!(
                "quotes whose article is not in the file are kept in the source '{loose_id}', \
                 without their article"
            ),
            "quote",
        );
        data.sources.push(Source {
            id: loose_id,
            title: "Quotes imported without their article".into(),
            outlet: String::new(),
            published: None,
            url: None,
            author: None,
            text: loose,
        });
    }
}

/// What a map holds that a format does not keep, one line each (empty when it keeps all).
pub fn losses(data: &Dataset, format: &super::formats::Format) -> Vec<String> {
    let mut lost = Vec::new();
    let has_title = !data.title.is_empty() || !data.description.is_empty();
    let pinned = data.actors.iter().filter(|a| a.pinned).count();
    let placed = data.actors.iter().filter(|a| a.position.is_some()).count();
    let ties = data.ties.len();
    match format.key {
        "csv" => {
            if has_title {
                lost.push("the map's title and description".to_owned());
            }
            if !data.not_duplicates.is_empty() {
                lost.push(format!(
                    "{} pairs of actors marked as not duplicates",
                    data.not_duplicates.len()
                ));
            }
        }
        "ftm" => {
            if has_title {
                lost.push("the map's title and description".to_owned());
            }
            if placed > 0 {
                lost.push(format!("the positions of {placed} actors"));
            }
            if pinned > 0 {
                lost.push(format!("the pins of {pinned} actors"));
            }
            if ties > 0 {
                lost.push(format!(
                    "the polarity of {ties} ties, and whether ties of people as family or                      associates are directed"
                ));
            }
            if !data.not_duplicates.is_empty() {
                lost.push(format!(
                    "{} pairs of actors marked as not duplicates",
                    data.not_duplicates.len()
                ));
            }
        }
        _ => {}
    }
    lost
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
