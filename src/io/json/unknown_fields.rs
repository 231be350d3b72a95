//! Fields of a file that the format does not know: counted by the first pass over the file
//! (`probe`), so that opening it can say that they will not be kept when the map is saved.

use std::collections::BTreeMap;

/// Distinct unknown fields listed one by one; any more are only counted.
const MAX_LISTED: usize = 100;

/// The unknown fields of one file, grouped by where they sit (`ties[].excerpts[].page`).
#[derive(Default)]
pub struct UnknownFields {
    /// Per place: how often, and the first occurrence with its indices (`ties[12].excerpts[0]`).
    seen: BTreeMap<String, (usize, String)>,
    /// Occurrences of places beyond the ones listed.
    unlisted: usize,
}

impl UnknownFields {
    /// Counts one unknown field, at the place `steps` lead to.
    pub fn add(&mut self, steps: &[Step]) {
        let shape = render(steps, false);
        if let Some((count, _)) = self.seen.get_mut(&shape) {
            *count += 1;
        } else if self.seen.len() < MAX_LISTED {
            let first = render(steps, true);
            self.seen.insert(shape, (1, first));
        } else {
            self.unlisted += 1;
        }
    }

    /// One line per unknown field, saying that it is dropped on saving.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .seen
            .iter()
            .map(|(shape, (count, first))| {
                let times = if *count == 1 {
                    String::new()
                } else {
                    format!(" ({count} times, the first at {first})")
                };
                format!(
                    "unknown field '{shape}'{times}: relmap does not keep it, so it will be \
                     dropped when the map is saved"
                )
            })
            .collect();
        if self.unlisted > 0 {
            lines.push(format!(
                "{} more unknown fields: they will be dropped when the map is saved",
                self.unlisted
            ));
        }
        lines
    }
}

/// One step on the way from the top of a file to a field.
pub enum Step {
    Key(String),
    Index(usize),
}

/// `actors[].color`, or with `indices`, `actors[3].color`.
fn render(steps: &[Step], indices: bool) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Index(i) if indices => text.push_str(&format!("[{i}]")),
            Step::Index(_) => text.push_str("[]"),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::load_bytes_with_warnings;
    use std::path::Path;

    #[test]
    fn unknown_fields_are_grouped_by_place_and_counted() {
        let text = r#"{"relmap": 1, "colour_scheme": "dark",
            "actors": [
              {"id": "a", "name": "A", "kind": "person", "color": "red"},
              {"id": "b", "name": "B", "kind": "person"},
              {"id": "c", "name": "C", "kind": "person", "color": "blue", "x": {"deep": 1}}
            ]}"#;
        let loaded = load_bytes_with_warnings(Path::new("f.json"), text.as_bytes()).unwrap();
        assert_eq!(loaded.data.actors.len(), 3);
        assert_eq!(
            loaded.warnings,
            [
                "unknown field 'actors[].color' (2 times, the first at actors[0].color): relmap \
                 does not keep it, so it will be dropped when the map is saved",
                "unknown field 'actors[].x': relmap does not keep it, so it will be dropped \
                 when the map is saved",
                "unknown field 'colour_scheme': relmap does not keep it, so it will be dropped \
                 when the map is saved",
            ]
        );
    }

    #[test]
    fn a_file_with_only_known_fields_has_no_warnings() {
        let loaded =
            load_bytes_with_warnings(Path::new("s.json"), crate::sample::SAMPLE_JSON.as_bytes())
                .unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }

    #[test]
    fn beyond_the_listed_places_fields_are_counted() {
        let fields: Vec<String> = (0..MAX_LISTED + 5)
            .map(|i| format!("\"f{i}\": 0"))
            .collect();
        let text = format!("{{\"relmap\": 1, {}}}", fields.join(", "));
        let loaded = load_bytes_with_warnings(Path::new("f.json"), text.as_bytes()).unwrap();
        assert_eq!(loaded.warnings.len(), MAX_LISTED + 1);
        assert_eq!(
            loaded.warnings.last().unwrap(),
            "5 more unknown fields: they will be dropped when the map is saved"
        );
    }
}
