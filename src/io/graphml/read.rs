//! Reading GraphML as yEd, Cytoscape and networkx write it: typed keys with defaults, yEd's labels, geometry and arrows, nested graphs, with every key not kept named in the warnings.

use crate::io::interop::{self, Ids, Notes, PendingEdge};
use crate::io::json::Loaded;
use crate::io::xml::{Element, Item, XmlReader};
use crate::io::{LoadError, Progress};
use crate::model::{Dataset, Point, Source};
use foldhash::HashMap;
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use super::*;

pub(super) fn read_from(
    input: &mut dyn Read,
    path: &Path,
    progress: &mut Progress,
) -> Result<Loaded, LoadError> {
    let text = interop::read_input(input, path)?;
    read_str(&text, path, progress)
}

/// A `<key>`: what it is for, its name and type, its default, and whether it is one of yEd's
/// graphics.
#[derive(Clone)]
pub(super) struct Key {
    pub(super) class: String,
    pub(super) name: String,
    pub(super) default: Option<String>,
    pub(super) graphics: bool,
}

/// Reads a GraphML document held in memory, telling `progress` how far it has got.
pub fn read_str(text: &str, path: &Path, progress: &mut Progress) -> Result<Loaded, LoadError> {
    let mut r = Reader {
        xml: XmlReader::new(text, path, progress.reborrow()),
        ns: None,
        keys: HashMap::default(),
        data: Dataset::default(),
        notes: Notes::default(),
        articles: interop::Articles::default(),
        actors: Ids::default(),
        ties: Ids::default(),
        edges: Vec::new(),
    };
    r.document()?;
    r.finish(path)
}

pub(super) struct Reader<'a> {
    pub(super) xml: XmlReader<'a>,
    pub(super) ns: crate::io::xml::Ns,
    pub(super) keys: HashMap<String, Key>,
    pub(super) data: Dataset,
    pub(super) notes: Notes,
    /// The articles written beside quotes.
    pub(super) articles: interop::Articles,
    pub(super) actors: Ids,
    pub(super) ties: Ids,
    pub(super) edges: Vec<PendingEdge>,
}

/// The values of one node's or edge's `<data>`, by key name, and what yEd's graphics say.
#[derive(Default)]
pub(super) struct Values<'a> {
    pub(super) by_name: Vec<(String, Cow<'a, str>)>,
    pub(super) graphic_label: Option<String>,
    pub(super) graphic_centre: Option<Point>,
    pub(super) graphic_arrow: Option<bool>,
}

impl Values<'_> {
    pub(super) fn get(&self, names: &[&str]) -> Option<&str> {
        names.iter().find_map(|n| {
            self.by_name
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(n))
                .map(|(_, v)| &**v)
        })
    }
}

impl<'a> Reader<'a> {
    pub(super) fn is(&self, el: &Element, name: &str) -> bool {
        el.name == name && el.ns == self.ns
    }

    /// The next child element of the element just opened, or `None` at its close.
    pub(super) fn child(&mut self) -> Result<Option<Element<'a>>, LoadError> {
        self.xml.child()
    }

    pub(super) fn document(&mut self) -> Result<(), LoadError> {
        let root = self.xml.root(
            "GraphML",
            "graphml",
            |ns| ns.trim_end_matches('/') == NS_GRAPHML,
            NS_GRAPHML,
        )?;
        self.ns = root.ns.clone();
        let mut graphs = 0;
        while let Some(el) = self.child()? {
            if self.is(&el, "key") {
                self.key(&el)?;
            } else if self.is(&el, "graph") {
                graphs += 1;
                if graphs > 1 {
                    return Err(self
                        .xml
                        .error(el.offset, "a second <graph>: relmap reads one graph a file"));
                }
                self.graph(&el)?;
            } else if el.name == "data" {
                // Data of the whole file (yEd's shared resources): presentation only.
                self.xml.skip()?;
            } else {
                self.xml.skip()?;
            }
        }
        if graphs == 0 {
            return Err(self.xml.error(root.offset, "the file has no <graph>"));
        }
        self.xml.end_after("graphml")
    }

    pub(super) fn key(&mut self, el: &Element) -> Result<(), LoadError> {
        let Some(id) = el.attr("id") else {
            return Err(self.xml.error(el.offset, "a <key> without an id"));
        };
        let id = id.to_owned();
        let graphics = el.attr_any("yfiles.type").is_some();
        let name = el
            .attr("attr.name")
            .or_else(|| el.attr_any("yfiles.type"))
            .unwrap_or(&id)
            .to_owned();
        let class = el.attr("for").unwrap_or("all").to_lowercase();
        let mut default = None;
        while let Some(child) = self.child()? {
            if self.is(&child, "default") {
                default = Some(self.xml.text_content()?.0.into_owned());
            } else {
                self.xml.skip()?;
            }
        }
        self.keys.insert(
            id,
            Key {
                class,
                name,
                default,
                graphics,
            },
        );
        Ok(())
    }

    pub(super) fn graph(&mut self, graph: &Element) -> Result<(), LoadError> {
        let directed = graph.attr("edgedefault") != Some("undirected");
        let top = self.xml.depth() <= 2;
        while let Some(el) = self.child()? {
            if self.is(&el, "node") {
                self.node(&el, directed)?;
            } else if self.is(&el, "edge") {
                self.edge(&el, directed)?;
            } else if self.is(&el, "data") && top {
                let key = el.attr("key").unwrap_or_default().to_owned();
                let (value, _) = self.xml.text_content()?;
                self.graph_data(&key, value.into_owned(), el.offset)?;
            } else if self.is(&el, "desc") && top {
                let (text, _) = self.xml.text_content()?;
                if self.data.description.is_empty() {
                    self.data.description = text.trim().to_owned();
                }
            } else if self.is(&el, "hyperedge") {
                self.notes.add(
                    "hyperedges (ties of more than two nodes) are not kept",
                    "hyperedge",
                );
                self.xml.skip()?;
            } else {
                self.xml.skip()?;
            }
        }
        Ok(())
    }

    pub(super) fn graph_data(
        &mut self,
        key: &str,
        value: String,
        offset: usize,
    ) -> Result<(), LoadError> {
        let name = self
            .keys
            .get(key)
            .map_or(key.to_owned(), |k| k.name.clone());
        match name.to_lowercase().as_str() {
            "title" | "name" | "label" => self.data.title = value,
            "description" => self.data.description = value,
            "sources" => {
                self.data.sources = serde_json::from_str::<Vec<Source>>(&value).map_err(|e| {
                    self.xml.error(
                        offset,
                        format!("the map's sources are not a JSON list of sources: {e}"),
                    )
                })?
            }
            "not_duplicates" => {
                self.data.not_duplicates = serde_json::from_str(&value).map_err(|e| {
                    self.xml.error(
                        offset,
                        format!("not_duplicates is not a JSON list of pairs of ids: {e}"),
                    )
                })?
            }
            _ => self.notes.add(
                format!("graph data '{name}' is not kept: relmap has no field for it"),
                "",
            ),
        }
        Ok(())
    }

    /// The `<data>` children of a node or an edge (and nested graphs of a node, read as part
    /// of the map).
    pub(super) fn values(&mut self, directed: bool) -> Result<Values<'a>, LoadError> {
        let mut values = Values::default();
        while let Some(el) = self.child()? {
            if self.is(&el, "data") {
                let Some(key) = el.attr("key") else {
                    return Err(self.xml.error(el.offset, "a <data> without a key"));
                };
                let declared = self.keys.get(key);
                if declared.is_some_and(|k| k.graphics) {
                    self.graphics(&mut values)?;
                    continue;
                }
                let (text, nested) = self.xml.text_content()?;
                if nested {
                    self.notes.add(
                        "data that holds XML instead of a value is not kept",
                        "value",
                    );
                    continue;
                }
                let name = declared.map_or_else(|| key.to_owned(), |k| k.name.clone());
                values.by_name.push((name, text));
            } else if self.is(&el, "graph") {
                // A group (yEd) or a nested graph: its nodes and edges are the map's too.
                self.notes
                    .add("nested graphs are read as part of the map", "graph");
                self.graph_nested(directed)?;
            } else if self.is(&el, "desc") {
                // GraphML's own description of a node or an edge, read as its data would be.
                let (text, _) = self.xml.text_content()?;
                values
                    .by_name
                    .push(("description".into(), text.trim().to_owned().into()));
            } else if self.is(&el, "port") {
                self.notes.add("ports are not kept", "port");
                self.xml.skip()?;
            } else {
                self.xml.skip()?;
            }
        }
        Ok(values)
    }

    pub(super) fn graph_nested(&mut self, directed: bool) -> Result<(), LoadError> {
        while let Some(el) = self.child()? {
            if self.is(&el, "node") {
                self.node(&el, directed)?;
            } else if self.is(&el, "edge") {
                self.edge(&el, directed)?;
            } else {
                self.xml.skip()?;
            }
        }
        Ok(())
    }

    /// yEd's graphics: the first label, the geometry's centre, the arrows.
    pub(super) fn graphics(&mut self, values: &mut Values<'a>) -> Result<(), LoadError> {
        let mut depth = 0usize;
        loop {
            match self.xml.step()? {
                Item::Open(el) => {
                    match el.name {
                        "NodeLabel" | "EdgeLabel" if values.graphic_label.is_none() => {
                            let (text, _) = self.xml.text_content()?;
                            // A label yEd wraps over several lines is one name.
                            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                            if !text.is_empty() {
                                values.graphic_label = Some(text);
                            }
                            continue;
                        }
                        "Geometry" if values.graphic_centre.is_none() => {
                            let n = |name| el.attr(name).and_then(interop::number);
                            if let (Some(x), Some(y)) = (n("x"), n("y")) {
                                let (w, h) =
                                    (n("width").unwrap_or(0.0), n("height").unwrap_or(0.0));
                                values.graphic_centre = Some(Point::new(x + w / 2.0, y + h / 2.0));
                            }
                        }
                        "Arrows" => {
                            let target = el.attr("target").unwrap_or("none");
                            let source = el.attr("source").unwrap_or("none");
                            values.graphic_arrow = Some(target != "none" || source != "none");
                        }
                        _ => {}
                    }
                    depth += 1;
                }
                Item::Close if depth == 0 => return Ok(()),
                Item::Close => depth -= 1,
                Item::Text(_) => {}
                Item::Eof => return Ok(()),
            }
        }
    }

    /// The defaults of the keys for `class` that `values` lacks.
    pub(super) fn with_defaults(&self, values: &mut Values<'a>, class: &str) {
        for key in self.keys.values() {
            if (key.class == class || key.class == "all")
                && !key.graphics
                && key.default.is_some()
                && !values.by_name.iter().any(|(n, _)| *n == key.name)
            {
                values.by_name.push((
                    key.name.clone(),
                    key.default.clone().unwrap_or_default().into(),
                ));
            }
        }
    }

    pub(super) fn finish(mut self, path: &Path) -> Result<Loaded, LoadError> {
        let edges = std::mem::take(&mut self.edges);
        let xml = &self.xml;
        interop::resolve(edges, &self.actors, &mut self.data, |at, message| {
            xml.error(at, message)
        })?;
        interop::finish(path, self.data, self.notes, self.articles)
    }
}
