//! GraphML (<http://graphml.graphdrawing.org>), read and written with typed `<key>`
//! declarations.
//!
//! What is written: the map's title, description, articles (`sources`, as JSON) and pairs
//! marked as not duplicates (`not_duplicates`, JSON) as data of the graph; each actor a node
//! with `label`, `kind`, `aliases` (a JSON list), `description`, `x` and `y` (y pointing up, as
//! Gephi has it) and `pinned`; each tie an edge with its id and `kind`, `label`, `directed`,
//! `polarity`, `date`, `certainty` (the firmest, as drawn), `weight` (the number of excerpts)
//! and `excerpts` (JSON). A map whose ties are all undirected is an undirected graph; any
//! other is directed, and its undirected ties say so in their `directed` data (networkx
//! refuses an edge marked `directed="false"` in a directed graph).
//!
//! Reading accepts what yEd (labels, geometry), Cytoscape (`name`, `interaction`) and networkx
//! write; every key it does not keep is named in the warnings.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;

use super::formats::Format;
use super::gexf::{firmest_certainty, kind_name, polarity_name, tie_kind_name};
use super::interop::{self, Ids, Notes};
use super::json::Loaded;
use super::xml::{self, Element, Item, XmlReader};
use super::LoadError;
use crate::model::{Actor, Dataset, Point, Source, Tie, TieKind};

/// The registry's entry.
pub const FORMAT: Format = Format {
    name: "GraphML",
    key: "graphml",
    extensions: &["graphml"],
    read: Some(read_from),
    write: Some(write_to),
    parts: None,
};

const NS_GRAPHML: &str = "http://graphml.graphdrawing.org/xmlns";

// ---------------------------------------------------------------------------------------------
// Writing

const KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_title", "graph", "title", "string"),
    ("g_description", "graph", "description", "string"),
    ("g_sources", "graph", "sources", "string"),
    ("g_not_duplicates", "graph", "not_duplicates", "string"),
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_description", "node", "description", "string"),
    ("n_x", "node", "x", "double"),
    ("n_y", "node", "y", "double"),
    ("n_pinned", "node", "pinned", "boolean"),
    ("e_kind", "edge", "kind", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_directed", "edge", "directed", "boolean"),
    ("e_polarity", "edge", "polarity", "string"),
    ("e_date", "edge", "date", "string"),
    ("e_certainty", "edge", "certainty", "string"),
    ("e_weight", "edge", "weight", "double"),
    ("e_excerpts", "edge", "excerpts", "string"),
];

fn write_to(data: &Dataset, output: &mut dyn Write) -> std::io::Result<()> {
    let mut out = String::with_capacity(256 + data.ties.len() * 600 + data.actors.len() * 300);
    write_string(data, &mut out)?;
    output.write_all(out.as_bytes())
}

fn data(
    out: &mut String,
    indent: &str,
    key: &str,
    value: &str,
    what: &dyn Fn() -> String,
) -> std::io::Result<()> {
    out.push_str(indent);
    out.push_str("<data key=\"");
    out.push_str(key);
    out.push_str("\">");
    xml::text(out, value, what)?;
    out.push_str("</data>\n");
    Ok(())
}

fn write_string(d: &Dataset, out: &mut String) -> std::io::Result<()> {
    use std::fmt::Write as _;
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<graphml xmlns=\"{NS_GRAPHML}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NS_GRAPHML} {NS_GRAPHML}/1.0/graphml.xsd\">"
    );
    for (id, class, name, kind) in KEYS {
        if *id == "n_pinned" {
            let _ = writeln!(
                out,
                "  <key id=\"{id}\" for=\"{class}\" attr.name=\"{name}\" attr.type=\"{kind}\"><default>false</default></key>"
            );
        } else {
            let _ = writeln!(
                out,
                "  <key id=\"{id}\" for=\"{class}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
            );
        }
    }
    let directed = d.ties.is_empty() || d.ties.iter().any(|t| t.directed);
    let _ = writeln!(
        out,
        "  <graph id=\"G\" edgedefault=\"{}\">",
        if directed { "directed" } else { "undirected" }
    );
    let map = || "the map".to_owned();
    if !d.title.is_empty() {
        data(out, "    ", "g_title", &d.title, &map)?;
    }
    if !d.description.is_empty() {
        data(out, "    ", "g_description", &d.description, &map)?;
    }
    if !d.sources.is_empty() {
        let json = serde_json::to_string(&d.sources).map_err(std::io::Error::other)?;
        data(out, "    ", "g_sources", &json, &map)?;
    }
    if !d.not_duplicates.is_empty() {
        let json = serde_json::to_string(&d.not_duplicates).map_err(std::io::Error::other)?;
        data(out, "    ", "g_not_duplicates", &json, &map)?;
    }
    for a in &d.actors {
        let what = || format!("actor '{}'", a.id);
        out.push_str("    <node id=\"");
        xml::attr(out, &a.id, &what)?;
        out.push_str("\">\n");
        data(out, "      ", "n_label", &a.name, &what)?;
        data(out, "      ", "n_kind", kind_name(a.kind), &what)?;
        if !a.aliases.is_empty() {
            data(
                out,
                "      ",
                "n_aliases",
                &interop::json_list(&a.aliases),
                &what,
            )?;
        }
        if !a.description.is_empty() {
            data(out, "      ", "n_description", &a.description, &what)?;
        }
        if let Some(p) = a.position {
            data(out, "      ", "n_x", &p.x.to_string(), &what)?;
            data(out, "      ", "n_y", &(-p.y).to_string(), &what)?;
        }
        if a.pinned {
            data(out, "      ", "n_pinned", "true", &what)?;
        }
        out.push_str("    </node>\n");
    }
    for t in &d.ties {
        let what = || format!("tie '{}'", t.id);
        out.push_str("    <edge id=\"");
        xml::attr(out, &t.id, &what)?;
        out.push_str("\" source=\"");
        xml::attr(out, &t.from, &what)?;
        out.push_str("\" target=\"");
        xml::attr(out, &t.to, &what)?;
        out.push_str("\">\n");
        data(out, "      ", "e_kind", &tie_kind_name(t.kind), &what)?;
        if !t.label.is_empty() {
            data(out, "      ", "e_label", &t.label, &what)?;
        }
        data(
            out,
            "      ",
            "e_directed",
            if t.directed { "true" } else { "false" },
            &what,
        )?;
        data(
            out,
            "      ",
            "e_polarity",
            polarity_name(t.polarity),
            &what,
        )?;
        if let Some(date) = &t.date {
            data(out, "      ", "e_date", date, &what)?;
        }
        if let Some(c) = firmest_certainty(t) {
            data(out, "      ", "e_certainty", c, &what)?;
        }
        data(
            out,
            "      ",
            "e_weight",
            &t.excerpts.len().max(1).to_string(),
            &what,
        )?;
        data(
            out,
            "      ",
            "e_excerpts",
            &interop::excerpts_json(&t.excerpts),
            &what,
        )?;
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Reading

fn read_from(input: &mut dyn Read, path: &Path) -> Result<Loaded, LoadError> {
    let text = interop::read_input(input, path)?;
    read_str(&text, path)
}

/// A `<key>`: what it is for, its name and type, its default, and whether it is one of yEd's
/// graphics.
#[derive(Clone)]
struct Key {
    class: String,
    name: String,
    default: Option<String>,
    graphics: bool,
}

struct PendingEdge {
    offset: usize,
    source: String,
    target: String,
    tie: Tie,
}

/// Reads a GraphML document held in memory.
pub fn read_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let mut r = Reader {
        xml: XmlReader::new(text, path),
        ns: None,
        keys: HashMap::new(),
        data: Dataset::default(),
        notes: Notes::default(),
        actors: Ids::default(),
        ties: Ids::default(),
        edges: Vec::new(),
    };
    r.document()?;
    r.finish(path)
}

struct Reader<'a> {
    xml: XmlReader<'a>,
    ns: Option<String>,
    keys: HashMap<String, Key>,
    data: Dataset,
    notes: Notes,
    actors: Ids,
    ties: Ids,
    edges: Vec<PendingEdge>,
}

/// The values of one node's or edge's `<data>`, by key name, and what yEd's graphics say.
#[derive(Default)]
struct Values {
    by_name: Vec<(String, String)>,
    graphic_label: Option<String>,
    graphic_centre: Option<Point>,
    graphic_arrow: Option<bool>,
}

impl Values {
    fn get(&self, names: &[&str]) -> Option<&str> {
        names.iter().find_map(|n| {
            self.by_name
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(n))
                .map(|(_, v)| v.as_str())
        })
    }
}

impl Reader<'_> {
    fn is(&self, el: &Element, name: &str) -> bool {
        el.name == name && el.ns == self.ns
    }

    fn child(&mut self) -> Result<Option<Element>, LoadError> {
        loop {
            match self.xml.next()? {
                Item::Open(el) => return Ok(Some(el)),
                Item::Close | Item::Eof => return Ok(None),
                Item::Text(_) => {}
            }
        }
    }

    fn document(&mut self) -> Result<(), LoadError> {
        let root = loop {
            match self.xml.next()? {
                Item::Open(el) => break el,
                Item::Text(t) if t.trim().is_empty() => {}
                Item::Text(_) => {
                    return Err(self
                        .xml
                        .error(0, "this is not XML: text before the first element"))
                }
                Item::Close | Item::Eof => {
                    return Err(self
                        .xml
                        .error(0, "this is not GraphML: there is no <graphml> element"))
                }
            }
        };
        if root.name != "graphml" {
            return Err(self.xml.error(
                root.offset,
                format!(
                    "this is not GraphML: the document is <{}>, not <graphml>",
                    root.name
                ),
            ));
        }
        if let Some(ns) = &root.ns {
            if ns.trim_end_matches('/') != NS_GRAPHML {
                return Err(self.xml.error(
                    root.offset,
                    format!(
                        "<graphml> is in the namespace '{ns}', which is not GraphML's \
                         ({NS_GRAPHML})"
                    ),
                ));
            }
        }
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
        loop {
            match self.xml.next()? {
                Item::Eof => return Ok(()),
                Item::Open(el) => {
                    return Err(self
                        .xml
                        .error(el.offset, "an element after the end of <graphml>"))
                }
                _ => {}
            }
        }
    }

    fn key(&mut self, el: &Element) -> Result<(), LoadError> {
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
                default = Some(self.xml.text_content()?.0);
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

    fn graph(&mut self, graph: &Element) -> Result<(), LoadError> {
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
                self.graph_data(&key, value, el.offset)?;
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

    fn graph_data(&mut self, key: &str, value: String, offset: usize) -> Result<(), LoadError> {
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
    fn values(&mut self, directed: bool) -> Result<Values, LoadError> {
        let mut values = Values::default();
        while let Some(el) = self.child()? {
            if self.is(&el, "data") {
                let Some(key) = el.attr("key").map(str::to_owned) else {
                    return Err(self.xml.error(el.offset, "a <data> without a key"));
                };
                let graphics = self.keys.get(&key).is_some_and(|k| k.graphics);
                if graphics {
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
                let name = self.keys.get(&key).map_or(key.clone(), |k| k.name.clone());
                values.by_name.push((name, text));
            } else if self.is(&el, "graph") {
                // A group (yEd) or a nested graph: its nodes and edges are the map's too.
                self.notes
                    .add("nested graphs are read as part of the map", "graph");
                self.graph_nested(directed)?;
            } else if self.is(&el, "port") {
                self.notes.add("ports are not kept", "port");
                self.xml.skip()?;
            } else {
                self.xml.skip()?;
            }
        }
        Ok(values)
    }

    fn graph_nested(&mut self, directed: bool) -> Result<(), LoadError> {
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
    fn graphics(&mut self, values: &mut Values) -> Result<(), LoadError> {
        let mut depth = 0usize;
        loop {
            match self.xml.next()? {
                Item::Open(el) => {
                    match el.name.as_str() {
                        "NodeLabel" | "EdgeLabel" if values.graphic_label.is_none() => {
                            let (text, _) = self.xml.text_content()?;
                            let text = text.trim().to_owned();
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
    fn with_defaults(&self, values: &mut Values, class: &str) {
        for key in self.keys.values() {
            if (key.class == class || key.class == "all")
                && !key.graphics
                && key.default.is_some()
                && !values.by_name.iter().any(|(n, _)| *n == key.name)
            {
                values
                    .by_name
                    .push((key.name.clone(), key.default.clone().unwrap_or_default()));
            }
        }
    }

    fn node(&mut self, el: &Element, directed: bool) -> Result<(), LoadError> {
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
            match name.to_lowercase().as_str() {
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
                "description" => actor.description = value,
                "x" => x = interop::number(&value),
                "y" => y = interop::number(&value),
                "pinned" => actor.pinned = interop::boolean(&value).unwrap_or(false),
                other => self.notes.add(
                    format!("node data '{other}' is not kept: relmap has no field for it"),
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

    fn edge(&mut self, el: &Element, directed: bool) -> Result<(), LoadError> {
        let (Some(source), Some(target)) = (el.attr("source"), el.attr("target")) else {
            return Err(self
                .xml
                .error(el.offset, "an <edge> without a source and a target"));
        };
        let (source, target) = (source.to_owned(), target.to_owned());
        let id = match el.attr("id") {
            Some(foreign) => match self.ties.add(foreign, &mut self.notes) {
                Some(id) => id,
                None => {
                    return Err(self
                        .xml
                        .error(el.offset, format!("a second edge with the id '{foreign}'")))
                }
            },
            None => self.ties.unique(format!("edge-{}", self.edges.len() + 1)),
        };
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
            match name.to_lowercase().as_str() {
                "kind" | "type" | "interaction" | "relation" | "relationship" => {
                    kind_word = Some(value)
                }
                "label" => tie.label = value,
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
                other => self.notes.add(
                    format!("edge data '{other}' is not kept: relmap has no field for it"),
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
                        tie.label = word;
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
            tie.excerpts = interop::excerpts_from(&json).map_err(|message| {
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

    fn finish(mut self, path: &Path) -> Result<Loaded, LoadError> {
        for edge in std::mem::take(&mut self.edges) {
            let mut tie = edge.tie;
            for (end, foreign) in [(&mut tie.from, &edge.source), (&mut tie.to, &edge.target)] {
                match self.actors.get(foreign) {
                    Some(id) => *end = id.to_owned(),
                    None => {
                        return Err(self.xml.error(
                            edge.offset,
                            format!("edge '{}' ends at '{foreign}', which is not a node", tie.id),
                        ))
                    }
                }
            }
            self.data.ties.push(tie);
        }
        interop::finish(path, self.data, self.notes)
    }
}

#[cfg(test)]
#[path = "graphml_tests.rs"]
mod tests;
