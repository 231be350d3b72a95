//! Reading GraphML nodes and edges: data by the names of their keys (and defaults), yEd's labels, geometry and arrows, excerpts.

use super::read::*;
use crate::io::interop::PendingEdge;
use crate::io::interop::{self};
use crate::io::xml::Element;
use crate::io::LoadError;
use crate::model::{Actor, Point, Tie, TieKind};

impl<'a> Reader<'a> {
    pub(super) fn node(&mut self, el: &Element, directed: bool) -> Result<(), LoadError> {
        let Some(foreign) = el.attr("id") else {
            return Err(self.xml.error(el.offset, "a <node> without an id"));
        };
        let foreign = foreign.to_owned();
        let Some(id) = self.actors.add(&foreign, &mut self.notes) else {
            return Err(self
                .xml
                .error(el.offset, format!("a second node with the id '{foreign}'")));
        };
        let mut values = self.values(directed)?;
        self.with_defaults(&mut values, "node");
        let mut actor = Actor {
            id,
            ..Actor::default()
        };
        actor.name = values
            .get(&["label"])
            .map(str::to_owned)
            .or(values.graphic_label.clone())
            .or_else(|| {
                values
                    .get(&["name", "shared name", "title"])
                    .map(str::to_owned)
            })
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| foreign.clone());
        let (mut x, mut y) = (None, None);
        for (name, value) in std::mem::take(&mut values.by_name) {
            match interop::lowercase(&name).as_ref() {
                "label" | "name" | "shared name" | "title" => {
                    if value.trim() != actor.name && !value.trim().is_empty() {
                        actor.aliases.push(value.trim().to_owned());
                        self.notes
                            .add("other names of a node are kept as aliases", "node");
                    }
                }
                "kind" | "type" | "category" => match interop::actor_kind_from(&value) {
                    Some(kind) => actor.kind = kind,
                    None => self.notes.add(
                        format!("node kind '{value}' is not one of relmap's: read as 'other'"),
                        "node",
                    ),
                },
                "aliases" | "alias" => {
                    for alias in interop::list_from(&value) {
                        if !actor.aliases.contains(&alias) {
                            actor.aliases.push(alias);
                        }
                    }
                }
                "description" => actor.description = value.into_owned(),
                "x" => x = interop::number(&value),
                "y" => y = interop::number(&value),
                "pinned" => actor.pinned = interop::boolean(&value).unwrap_or(false),
                _ => self.notes.add(
                    format!("node data '{name}' is not kept: relmap has no field for it"),
                    "node",
                ),
            }
        }
        actor.position = match (x, y) {
            (Some(x), Some(y)) => Some(Point::new(x, -y)),
            _ => values.graphic_centre,
        };
        self.data.actors.push(actor);
        Ok(())
    }

    pub(super) fn edge(&mut self, el: &Element, directed: bool) -> Result<(), LoadError> {
        let (Some(source), Some(target)) = (el.attr("source"), el.attr("target")) else {
            return Err(self
                .xml
                .error(el.offset, "an <edge> without a source and a target"));
        };
        let (source, target) = (source.to_owned(), target.to_owned());
        let read = self.edges.len();
        let id = interop::edge_id(&mut self.ties, el.attr("id"), read, &mut self.notes);
        let mut tie = Tie {
            id,
            directed: match el.attr("directed") {
                Some(d) => interop::boolean(d).unwrap_or(directed),
                None => directed,
            },
            ..Tie::default()
        };
        let mut values = self.values(directed)?;
        self.with_defaults(&mut values, "edge");
        if let Some(arrow) = values.graphic_arrow {
            tie.directed = arrow;
        }
        if let Some(label) = &values.graphic_label {
            tie.label = label.clone();
        }
        let mut excerpts = None;
        let mut weight = None;
        let mut kind_word = None;
        for (name, value) in std::mem::take(&mut values.by_name) {
            match interop::lowercase(&name).as_ref() {
                "kind" | "type" | "interaction" | "relation" | "relationship" => {
                    kind_word = Some(value)
                }
                "label" => tie.label = value.into_owned(),
                "directed" => {
                    if let Some(d) = interop::boolean(&value) {
                        tie.directed = d;
                    }
                }
                "polarity" => match interop::polarity_from(&value) {
                    Some(p) => tie.polarity = p,
                    None => self.notes.add(
                        format!("polarity '{value}' is not one of relmap's: read as neutral"),
                        "edge",
                    ),
                },
                "date" => match interop::date_from(&value) {
                    Some(date) => tie.date = Some(date),
                    None if value.trim().is_empty() => {}
                    None => self
                        .notes
                        .add(format!("dates like '{value}' are not kept"), "edge"),
                },
                "excerpts" => excerpts = Some(value),
                "weight" => weight = interop::number(&value),
                "certainty" => {}
                _ => self.notes.add(
                    format!("edge data '{name}' is not kept: relmap has no field for it"),
                    "edge",
                ),
            }
        }
        if let Some(word) = kind_word.filter(|w| !w.trim().is_empty()) {
            match interop::tie_kind_from(&word) {
                Some(kind) => tie.kind = kind,
                None => {
                    tie.kind = TieKind::Other;
                    if tie.label.is_empty() {
                        tie.label = word.into_owned();
                    }
                    self.notes.add(
                        "edge kinds that are not relmap's are read as 'other', with the kind \
                         as the label",
                        "edge",
                    );
                }
            }
        }
        if let Some(json) = excerpts {
            tie.excerpts =
                interop::excerpts_from(&json, &mut self.articles).map_err(|message| {
                    self.xml
                        .error(el.offset, format!("edge '{}': {message}", tie.id))
                })?;
        }
        if weight.is_some_and(|w| w != tie.excerpts.len().max(1) as f64) {
            self.notes.add(
                "edge weights are not kept: relmap draws a tie as wide as its evidence",
                "edge",
            );
        }
        self.edges.push(PendingEdge {
            offset: el.offset,
            source,
            target,
            tie,
        });
        Ok(())
    }
}
