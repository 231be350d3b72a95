//! The first, quick pass over a file, before the full parse: it reads the version (so that a
//! newer file is reported as such, not as a type error) and notes every field the format does not
//! know, walking only the objects of the schema and skipping every value without building it.
//! It never fails on a value of the wrong type: the full parse reports those, with their place.

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

use super::unknown_fields::{Step, UnknownFields};

/// The visitor methods that accept a JSON scalar (and skip it) where an object or a list belongs.
macro_rules! accept_scalars {
    () => {
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
    };
}

/// What the first pass found.
#[derive(Default)]
pub struct Probe {
    /// The `relmap` field, if there is one.
    pub version: Option<serde_json::Value>,
    pub unknown: UnknownFields,
}

/// Runs the first pass over a whole file.
pub fn probe<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Probe, D::Error> {
    let mut walk = Walk::default();
    deserializer.deserialize_map(ObjectVisitor {
        kind: Kind::Dataset,
        walk: &mut walk,
    })?;
    Ok(walk.found)
}

/// The objects of the schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Dataset,
    Source,
    Actor,
    Tie,
    Excerpt,
}

impl Kind {
    /// Every field of the object, as the model names them.
    pub(super) fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Dataset => &[
                "relmap",
                "title",
                "description",
                "sources",
                "actors",
                "ties",
                "not_duplicates",
                "views",
            ],
            Kind::Source => &[
                "id",
                "title",
                "outlet",
                "published",
                "url",
                "author",
                "text",
            ],
            Kind::Actor => &[
                "id",
                "name",
                "kind",
                "aliases",
                "description",
                "position",
                "pinned",
                "status",
                "confidence",
            ],
            Kind::Tie => &[
                "id",
                "from",
                "to",
                "kind",
                "directed",
                "polarity",
                "date",
                "label",
                "excerpts",
                "status",
                "confidence",
            ],
            Kind::Excerpt => &[
                "source",
                "quote",
                "start",
                "end",
                "certainty",
                "attributed_to",
            ],
        }
    }

    /// The kind of the objects listed under `field`, for the fields that hold such lists.
    fn list_of(self, field: &str) -> Option<Kind> {
        match (self, field) {
            (Kind::Dataset, "sources") => Some(Kind::Source),
            (Kind::Dataset, "actors") => Some(Kind::Actor),
            (Kind::Dataset, "ties") => Some(Kind::Tie),
            (Kind::Tie, "excerpts") => Some(Kind::Excerpt),
            _ => None,
        }
    }
}

/// Where the pass is, and what it found.
#[derive(Default)]
struct Walk {
    steps: Vec<Step>,
    found: Probe,
}

/// What a key of an object means to the pass.
enum Key {
    Version,
    /// A list of objects of the kind, under the field of this name.
    List(Kind, &'static str),
    Known,
    Unknown(String),
}

struct KeySeed(Kind);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key, E> {
        // Only unknown names are copied.
        Ok(if self.0 == Kind::Dataset && key == "relmap" {
            Key::Version
        } else if let Some(&name) = self.0.fields().iter().find(|&&f| f == key) {
            match self.0.list_of(name) {
                Some(kind) => Key::List(kind, name),
                None => Key::Known,
            }
        } else {
            Key::Unknown(key.to_owned())
        })
    }
}

/// An object of the schema: its keys are checked, its values skipped or walked into.
struct ObjectVisitor<'a> {
    kind: Kind,
    walk: &'a mut Walk,
}

impl<'de> DeserializeSeed<'de> for ObjectVisitor<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a relmap dataset (a JSON object)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(KeySeed(self.kind))? {
            match key {
                Key::Version => self.walk.found.version = Some(map.next_value()?),
                Key::Known => {
                    map.next_value::<IgnoredAny>()?;
                }
                Key::Unknown(name) => {
                    self.walk.steps.push(Step::Key(name));
                    self.walk.found.unknown.add(&self.walk.steps);
                    self.walk.steps.pop();
                    map.next_value::<IgnoredAny>()?;
                }
                Key::List(kind, name) => {
                    self.walk.steps.push(Step::Key(name.to_owned()));
                    map.next_value_seed(ListVisitor {
                        kind,
                        walk: &mut *self.walk,
                    })?;
                    self.walk.steps.pop();
                }
            }
        }
        Ok(())
    }
    // Anything else where an object belongs is left for the full parse to report.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        skip_seq(seq)
    }
    accept_scalars!();
}

/// A list of objects of the schema.
struct ListVisitor<'a> {
    kind: Kind,
    walk: &'a mut Walk,
}

impl<'de> DeserializeSeed<'de> for ListVisitor<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ListVisitor<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        for index in 0.. {
            self.walk.steps.push(Step::Index(index));
            let element = seq.next_element_seed(ObjectVisitor {
                kind: self.kind,
                walk: &mut *self.walk,
            })?;
            self.walk.steps.pop();
            if element.is_none() {
                break;
            }
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
    accept_scalars!();
}

fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

#[cfg(test)]
#[path = "probe_tests.rs"]
mod tests;
