//! Reading GEXF nodes and edges: attributes by their titles (and defaults), positions, kinds, dates from dynamic times and spells, excerpts.

use super::read::*;
use crate::io::interop::PendingEdge;
use crate::io::interop::{self};
use crate::io::xml::Element;
use crate::io::LoadError;
use crate::model::{Actor, Point, Tie, TieKind};
use std::borrow::Cow;

impl<'a> Reader<'a> {
    pub(super) fn nodes(&mut self) -> Result<(), LoadError> {
        while let Some(el) = self.child()? {
            if self.is(&el, "node") {
                self.node(&el)?;
            } else {
                self.xml.skip()?;
            }
        }
        Ok(())
    }

    pub(super) fn node(&mut self, el: &Element) -> Result<(), LoadError> {
        let Some(foreign) = el.attr("id") else {
            return Err(self.xml.error(el.offset, "a <node> without an id"));
        };
        let Some(id) = self.actors.add(foreign, &mut self.notes) else {
            return Err(self
                .xml
                .error(el.offset, format!("a second node with the id '{foreign}'")));
        };
        let mut actor = Actor {
            id,
            name: el.attr("label").unwrap_or_default().to_owned(),
            ..Actor::default()
        };
        let mut values: Vec<(Cow<'a, str>, Cow<'a, str>)> = Vec::new();
        let mut nested = false;
        let mut timed = ["start", "end", "timestamps"]
            .iter()
            .any(|name| el.attr(name).is_some());
        while let Some(child) = self.child()? {
            if self.is(&child, "attvalues") {
                self.attvalues(&mut values)?;
            } else if self.is_viz(&child) && child.name == "position" {
                let x = child.attr("x").and_then(interop::number);
                let y = child.attr("y").and_then(interop::number);
                if let (Some(x), Some(y)) = (x, y) {
                    actor.position = Some(Point::new(x, -y));
                }
                self.xml.skip()?;
            } else if self.is(&child, "nodes") {
                // A hierarchy: the nodes inside are nodes of the map too.
                nested = true;
                self.nodes()?;
            } else if self.is(&child, "spells") {
                timed = true;
                self.xml.skip()?;
            } else {
                self.xml.skip()?;
            }
        }
        if timed {
            self.notes.add(
                "node times (start, end, spells, timestamps) are not kept: relmap's actors \
                 have no dates",
                "node",
            );
        }
        if nested {
            self.notes.add(
                "nodes inside nodes (a hierarchy) are read as plain nodes",
                "node",
            );
        }
        let mut seen: Vec<&str> = Vec::new();
        for (key, value) in &values {
            let (key, value) = (&**key, &**value);
            if seen.contains(&key) {
                self.notes.add(
                    "attribute values that change over time: the first of each is kept",
                    "value",
                );
                continue;
            }
            seen.push(key);
            self.node_value(&mut actor, key, value);
        }
        let defaults: Vec<(String, String)> = defaults_missing(&self.node_attrs, &seen);
        for (key, value) in defaults {
            self.node_value(&mut actor, &key, &value);
        }
        if actor.name.is_empty() {
            actor.name = foreign.to_owned();
        }
        self.data.actors.push(actor);
        Ok(())
    }

    pub(super) fn attvalues(
        &mut self,
        values: &mut Vec<(Cow<'a, str>, Cow<'a, str>)>,
    ) -> Result<(), LoadError> {
        while let Some(mut el) = self.child()? {
            if self.is(&el, "attvalue") {
                let key = el.take_attr("for").or_else(|| el.take_attr("id"));
                match (key, el.take_attr("value")) {
                    (Some(key), Some(value)) => values.push((key, value)),
                    _ => {
                        return Err(self
                            .xml
                            .error(el.offset, "an <attvalue> without 'for' and 'value'"))
                    }
                }
            }
            self.xml.skip()?;
        }
        Ok(())
    }

    pub(super) fn node_value(&mut self, actor: &mut Actor, key: &str, value: &str) {
        let original = self
            .node_attrs
            .get(key)
            .map_or(key, |d| d.title.as_str())
            .to_owned();
        let title = original.to_lowercase();
        match title.as_str() {
            "kind" | "type" | "category" => match interop::actor_kind_from(value) {
                Some(kind) => actor.kind = kind,
                None => self.notes.add(
                    format!("node kind '{value}' is not one of relmap's: read as 'other'"),
                    "node",
                ),
            },
            "aliases" | "alias" => actor.aliases = interop::list_from(value),
            "description" => actor.description = value.to_owned(),
            "pinned" => actor.pinned = interop::boolean(value).unwrap_or(false),
            "label" | "name" if actor.name.is_empty() => actor.name = value.trim().to_owned(),
            _ => self.notes.add(
                format!("node attribute '{original}' is not kept: relmap has no field for it"),
                "node",
            ),
        }
    }

    pub(super) fn edges_list(&mut self) -> Result<(), LoadError> {
        while let Some(el) = self.child()? {
            if self.is(&el, "edge") {
                self.edge(&el)?;
            } else {
                self.xml.skip()?;
            }
        }
        Ok(())
    }

    pub(super) fn edge(&mut self, el: &Element) -> Result<(), LoadError> {
        let (Some(source), Some(target)) = (el.attr("source"), el.attr("target")) else {
            return Err(self
                .xml
                .error(el.offset, "an <edge> without a source and a target"));
        };
        let read = self.edges.len();
        let id = interop::edge_id(&mut self.ties, el.attr("id"), read, &mut self.notes);
        let mut tie = Tie {
            id,
            directed: match el.attr("type").map(str::to_lowercase).as_deref() {
                Some("directed") => true,
                Some(_) => false,
                None => self.default_directed,
            },
            label: el.attr("label").unwrap_or_default().to_owned(),
            ..Tie::default()
        };
        if let Some(kind) = el.attr("kind").filter(|k| !k.is_empty()) {
            self.set_tie_kind(&mut tie, kind);
        }
        let mut start = el.attr("start").map(str::to_owned);
        let mut end = el.attr("end").map(str::to_owned);
        let mut values: Vec<(Cow<'a, str>, Cow<'a, str>)> = Vec::new();
        while let Some(child) = self.child()? {
            if self.is(&child, "attvalues") {
                self.attvalues(&mut values)?;
            } else if self.is(&child, "spells") {
                let mut spells = 0;
                while let Some(spell) = self.child()? {
                    spells += 1;
                    if start.is_none() && end.is_none() {
                        let at = spell.attr("timestamp");
                        start = spell.attr("start").or(at).map(str::to_owned);
                        end = spell.attr("end").or(at).map(str::to_owned);
                    }
                    self.xml.skip()?;
                }
                if spells > 1 {
                    self.notes.add(
                        "edges that hold at several times (spells): only the first is kept",
                        "edge",
                    );
                }
            } else {
                self.xml.skip()?;
            }
        }
        let mut has_date = false;
        let mut excerpts_at = None;
        let mut seen: Vec<&str> = Vec::new();
        let given: Vec<&str> = values.iter().map(|(k, _)| &**k).collect();
        let defaults = defaults_missing(&self.edge_attrs, &given);
        let defaults = defaults.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        for (key, value) in values.iter().map(|(k, v)| (&**k, &**v)).chain(defaults) {
            if seen.contains(&key) {
                self.notes.add(
                    "attribute values that change over time: the first of each is kept",
                    "value",
                );
                continue;
            }
            seen.push(key);
            let original = self.edge_attrs.get(key).map_or(key, |d| d.title.as_str());
            let title = interop::lowercase(original);
            match &*title {
                "polarity" => match interop::polarity_from(value) {
                    Some(p) => tie.polarity = p,
                    None => self.notes.add(
                        format!("polarity '{value}' is not one of relmap's: read as neutral"),
                        "edge",
                    ),
                },
                "date" => match interop::date_from(value) {
                    Some(date) => {
                        tie.date = Some(date);
                        has_date = true;
                    }
                    None if value.trim().is_empty() => {}
                    None => self
                        .notes
                        .add(format!("dates like '{value}' are not kept"), "edge"),
                },
                "directed" => {
                    if let Some(d) = interop::boolean(value) {
                        tie.directed = d;
                    }
                }
                "excerpts" => {
                    excerpts_at = Some(value);
                }
                "kind" | "type" | "relation" if el.attr("kind").is_none() => {
                    self.set_tie_kind(&mut tie, value)
                }
                "label" if tie.label.is_empty() => tie.label = value.to_owned(),
                // Written by relmap from the excerpts, which say it in full.
                "certainty" => {}
                "weight" => {}
                _ => self.notes.add(
                    format!("edge attribute '{original}' is not kept: relmap has no field for it"),
                    "edge",
                ),
            }
        }
        if let Some(json) = excerpts_at {
            tie.excerpts = interop::excerpts_from(json, &mut self.articles).map_err(|message| {
                self.xml
                    .error(el.offset, format!("edge '{}': {message}", tie.id))
            })?;
        }
        if el.attr("timestamps").is_some() {
            self.notes.add(
                "edge timestamps are not kept; an edge's date comes from 'date', 'start'/'end' \
                 or its first spell",
                "edge",
            );
        }
        let (start, end) = (self.as_date(start), self.as_date(end));
        if !has_date && (start.is_some() || end.is_some()) {
            match interop::date_from_range(start.as_deref(), end.as_deref()) {
                Some(date) => tie.date = Some(date),
                None => self.notes.add(
                    "times that are not dates (numbers of a timeline) are not kept",
                    "edge",
                ),
            }
        }
        if let Some(weight) = el.attr("weight").and_then(interop::number) {
            if weight != tie.excerpts.len().max(1) as f64 {
                self.notes.add(
                    "edge weights are not kept: relmap draws a tie as wide as its evidence",
                    "edge",
                );
            }
        }
        self.edges.push(PendingEdge {
            offset: el.offset,
            source: source.to_owned(),
            target: target.to_owned(),
            tie,
        });
        Ok(())
    }

    /// A time of the file as a date: itself where times are dates; where they are numbers of a
    /// timeline, a whole number from 1000 to 9999 read as a year (with a note), else nothing
    /// (a note says so).
    fn as_date(&mut self, time: Option<String>) -> Option<String> {
        let time = time?;
        if !self.numeric_times {
            return Some(time);
        }
        let year = time
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|y| y.fract() == 0.0 && (1000.0..=9999.0).contains(y));
        match year {
            Some(year) => {
                self.notes.add(
                    "times of a timeline of numbers that are whole years were read as years",
                    "time",
                );
                Some(format!("{year:.0}"))
            }
            None => {
                self.notes.add(
                    "times of a timeline of numbers that are not whole years are not kept",
                    "time",
                );
                None
            }
        }
    }

    pub(super) fn set_tie_kind(&mut self, tie: &mut Tie, word: &str) {
        match interop::tie_kind_from(word) {
            Some(kind) => tie.kind = kind,
            None => {
                tie.kind = TieKind::Other;
                if tie.label.is_empty() {
                    tie.label = word.to_owned();
                }
                self.notes.add(
                    "edge kinds that are not relmap's are read as 'other', with the kind as \
                     the label",
                    "edge",
                );
            }
        }
    }
}

/// The declared attributes with a default that `given` lacks, with their defaults (none is
/// looked for when no attribute declares a default).
fn defaults_missing(
    decls: &foldhash::HashMap<String, AttrDecl>,
    given: &[&str],
) -> Vec<(String, String)> {
    decls
        .iter()
        .filter_map(|(id, d)| Some((id, d.default.as_ref()?)))
        .filter(|(id, _)| !given.contains(&id.as_str()))
        .map(|(id, default)| (id.clone(), default.clone()))
        .collect()
}
