//! GEXF, Gephi's format (<https://gexf.net>): written as GEXF 1.3, read from 1.1, 1.2draft and
//! 1.3 as Gephi and networkx write them.
//!
//! What is written: each actor a node (id, label, and attributes `kind`, `aliases` as a JSON
//! list, `description`, `pinned`; `viz:position` with y pointing up as in Gephi, `viz:color`,
//! `viz:size` and `viz:shape` as the map draws it); each tie an edge (id, source, target,
//! `kind` as GEXF's edge kind, so ties of one pair stay apart, `label`, `weight` the number of
//! excerpts, and attributes `polarity`, `date`, `certainty` (the firmest, as drawn), `directed`
//! and `excerpts`, every excerpt as JSON); a map of directed and undirected ties is a directed
//! graph whose undirected ties say so only in their `directed` attribute (networkx refuses an
//! `undirected` edge in a directed graph and reads a `mutual` one as two edges); a dated tie also gets GEXF's dynamic `start` and
//! `end` (whole days). The map's title and description are the `meta`'s; its articles and the
//! pairs marked as not duplicates are `relmap:article` and `relmap:distinct` elements in the
//! `meta`, in relmap's own namespace, which other readers skip.
//!
//! Reading takes what it can map (labels, kinds by name, aliases, descriptions, positions,
//! dates from dynamic times) and names, in the warnings, every attribute it does not keep.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;

use super::formats::Format;
use super::interop::{self, Ids, Notes};
use super::json::Loaded;
use super::xml::{self, Element, Item, XmlReader};
use super::LoadError;
use crate::model::{Actor, ActorKind, Dataset, Point, Polarity, Source, Tie, TieKind};
use crate::ui::theme::{rgb, LineStyle};

/// The registry's entry.
pub const FORMAT: Format = Format {
    name: "GEXF",
    key: "gexf",
    extensions: &["gexf"],
    read: Some(read_from),
    write: Some(write_to),
    parts: None,
};

const NS_GEXF: &str = "http://gexf.net/1.3";
const NS_VIZ: &str = "http://gexf.net/1.3/viz";
/// relmap's own elements: the articles and the pairs that are not duplicates.
pub const NS_RELMAP: &str = "urn:x-relmap:gexf";

// ---------------------------------------------------------------------------------------------
// Writing

fn write_to(data: &Dataset, output: &mut dyn Write) -> std::io::Result<()> {
    let mut out = String::with_capacity(256 + data.ties.len() * 600 + data.actors.len() * 300);
    write_string(data, &mut out)?;
    output.write_all(out.as_bytes())
}

fn write_string(data: &Dataset, out: &mut String) -> std::io::Result<()> {
    use std::fmt::Write as _;
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<gexf xmlns=\"{NS_GEXF}\" xmlns:viz=\"{NS_VIZ}\" xmlns:relmap=\"{NS_RELMAP}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">"
    );
    out.push_str("  <meta>\n");
    let _ = writeln!(
        out,
        "    <creator>relmap {}</creator>",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("    <title>");
    xml::text(out, &data.title, &|| "the map's title".into())?;
    out.push_str("</title>\n    <description>");
    xml::text(out, &data.description, &|| "the map's description".into())?;
    out.push_str("</description>\n");
    for s in &data.sources {
        let what = || format!("source '{}'", s.id);
        out.push_str("    <relmap:article id=\"");
        xml::attr(out, &s.id, &what)?;
        out.push_str("\" title=\"");
        xml::attr(out, &s.title, &what)?;
        out.push_str("\" outlet=\"");
        xml::attr(out, &s.outlet, &what)?;
        out.push('"');
        for (name, value) in [
            ("published", &s.published),
            ("url", &s.url),
            ("author", &s.author),
        ] {
            if let Some(value) = value {
                let _ = write!(out, " {name}=\"");
                xml::attr(out, value, &what)?;
                out.push('"');
            }
        }
        out.push('>');
        xml::text(out, &s.text, &what)?;
        out.push_str("</relmap:article>\n");
    }
    for [a, b] in &data.not_duplicates {
        let what = || "a pair marked as not duplicates".to_owned();
        out.push_str("    <relmap:distinct a=\"");
        xml::attr(out, a, &what)?;
        out.push_str("\" b=\"");
        xml::attr(out, b, &what)?;
        out.push_str("\"/>\n");
    }
    out.push_str("  </meta>\n");

    let directed = data.ties.iter().filter(|t| t.directed).count();
    let default_type = if directed == 0 && !data.ties.is_empty() {
        "undirected"
    } else {
        "directed"
    };
    let dated = data.ties.iter().any(|t| t.date.is_some());
    let _ = writeln!(
        out,
        "  <graph defaultedgetype=\"{default_type}\" mode=\"{}\"{}>",
        if dated { "dynamic" } else { "static" },
        if dated {
            " timeformat=\"date\" timerepresentation=\"interval\""
        } else {
            ""
        }
    );
    out.push_str(
        "    <attributes class=\"node\" mode=\"static\">\n\
         \x20     <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n\
         \x20     <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n\
         \x20     <attribute id=\"description\" title=\"description\" type=\"string\"/>\n\
         \x20     <attribute id=\"pinned\" title=\"pinned\" type=\"boolean\"><default>false</default></attribute>\n\
         \x20   </attributes>\n\
         \x20   <attributes class=\"edge\" mode=\"static\">\n\
         \x20     <attribute id=\"polarity\" title=\"polarity\" type=\"string\"/>\n\
         \x20     <attribute id=\"date\" title=\"date\" type=\"string\"/>\n\
         \x20     <attribute id=\"certainty\" title=\"certainty\" type=\"string\"/>\n\
         \x20     <attribute id=\"directed\" title=\"directed\" type=\"boolean\"/>\n\
         \x20     <attribute id=\"excerpts\" title=\"excerpts\" type=\"string\"/>\n\
         \x20   </attributes>\n",
    );
    out.push_str("    <nodes>\n");
    for a in &data.actors {
        write_node(out, a)?;
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for t in &data.ties {
        write_edge(out, t, default_type == "directed")?;
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    Ok(())
}

fn write_node(out: &mut String, a: &Actor) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let what = || format!("actor '{}'", a.id);
    out.push_str("      <node id=\"");
    xml::attr(out, &a.id, &what)?;
    out.push_str("\" label=\"");
    xml::attr(out, &a.name, &what)?;
    out.push_str("\">\n        <attvalues>\n");
    attvalue(out, "kind", kind_name(a.kind), &what)?;
    if !a.aliases.is_empty() {
        attvalue(out, "aliases", &interop::json_list(&a.aliases), &what)?;
    }
    if !a.description.is_empty() {
        attvalue(out, "description", &a.description, &what)?;
    }
    if a.pinned {
        attvalue(out, "pinned", "true", &what)?;
    }
    out.push_str("        </attvalues>\n");
    let [r, g, b] = rgb::actor(a.kind);
    let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
    if let Some(p) = a.position {
        // Gephi's y axis points up, the map's down.
        let _ = writeln!(
            out,
            "        <viz:position x=\"{}\" y=\"{}\" z=\"0\"/>",
            p.x, -p.y
        );
    }
    let size =
        crate::ui::map::shapes::NODE_RADIUS * if a.kind == ActorKind::Other { 0.7 } else { 1.0 };
    let shape = match a.kind {
        ActorKind::Person | ActorKind::Other => "disc",
        ActorKind::State => "square",
        ActorKind::Organization => "diamond",
        ActorKind::Place => "triangle",
    };
    let _ = writeln!(out, "        <viz:size value=\"{size}\"/>");
    let _ = writeln!(out, "        <viz:shape value=\"{shape}\"/>");
    out.push_str("      </node>\n");
    Ok(())
}

fn write_edge(out: &mut String, t: &Tie, default_directed: bool) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let what = || format!("tie '{}'", t.id);
    out.push_str("      <edge id=\"");
    xml::attr(out, &t.id, &what)?;
    out.push_str("\" source=\"");
    xml::attr(out, &t.from, &what)?;
    out.push_str("\" target=\"");
    xml::attr(out, &t.to, &what)?;
    let _ = write!(out, "\" kind=\"{}\"", tie_kind_name(t.kind));
    if !t.label.is_empty() {
        out.push_str(" label=\"");
        xml::attr(out, &t.label, &what)?;
        out.push('"');
    }
    let _ = write!(out, " weight=\"{}\"", t.excerpts.len().max(1));
    // An undirected tie in a graph of directed ones has no type of its own, and relmap's
    // `directed` attribute says what it is: networkx refuses an "undirected" edge in a directed
    // graph, and reads a "mutual" one as two edges.
    let _ = default_directed;
    if let Some((start, end)) = t.date.as_deref().and_then(interop::date_bounds) {
        let _ = write!(out, " start=\"{start}\" end=\"{end}\"");
    }
    out.push_str(">\n        <attvalues>\n");
    attvalue(out, "polarity", polarity_name(t.polarity), &what)?;
    if let Some(date) = &t.date {
        attvalue(out, "date", date, &what)?;
    }
    if let Some(c) = firmest_certainty(t) {
        attvalue(out, "certainty", c, &what)?;
    }
    attvalue(
        out,
        "directed",
        if t.directed { "true" } else { "false" },
        &what,
    )?;
    attvalue(out, "excerpts", &interop::excerpts_json(&t.excerpts), &what)?;
    out.push_str("        </attvalues>\n");
    let [r, g, b] = rgb::polarity(t.polarity);
    let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
    let _ = writeln!(
        out,
        "        <viz:thickness value=\"{}\"/>",
        crate::ui::theme::tie_width(t.excerpts.len())
    );
    let shape = match LineStyle::of_tie(t) {
        LineStyle::Solid => "solid",
        LineStyle::Dashed => "dashed",
        LineStyle::Dotted => "dotted",
    };
    let _ = writeln!(out, "        <viz:shape value=\"{shape}\"/>");
    out.push_str("      </edge>\n");
    Ok(())
}

fn attvalue(
    out: &mut String,
    key: &str,
    value: &str,
    what: &dyn Fn() -> String,
) -> std::io::Result<()> {
    out.push_str("          <attvalue for=\"");
    out.push_str(key);
    out.push_str("\" value=\"");
    xml::attr(out, value, what)?;
    out.push_str("\"/>\n");
    Ok(())
}

/// The names relmap writes for kinds and polarities: those of the native format.
pub fn kind_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::State => "state",
        ActorKind::Organization => "organization",
        ActorKind::Place => "place",
        ActorKind::Other => "other",
    }
}

pub fn tie_kind_name(kind: TieKind) -> String {
    kind.label().replace(' ', "_")
}

pub fn polarity_name(polarity: Polarity) -> &'static str {
    polarity.label()
}

/// The firmest certainty among a tie's excerpts, the one its line is drawn by.
pub fn firmest_certainty(t: &Tie) -> Option<&'static str> {
    use crate::model::Certainty::*;
    let rank = |c: crate::model::Certainty| match c {
        Stated => 6,
        Reported => 5,
        Alleged => 4,
        Planned => 3,
        Speculative => 2,
        Denied => 1,
    };
    t.excerpts
        .iter()
        .filter_map(|x| x.certainty)
        .max_by_key(|c| rank(*c))
        .map(|c| c.label())
}

// ---------------------------------------------------------------------------------------------
// Reading

fn read_from(input: &mut dyn Read, path: &Path) -> Result<Loaded, LoadError> {
    let text = interop::read_input(input, path)?;
    read_str(&text, path)
}

/// Reads a GEXF document held in memory.
pub fn read_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let mut reader = Reader {
        xml: XmlReader::new(text, path),
        ns: None,
        data: Dataset::default(),
        notes: Notes::default(),
        actors: Ids::default(),
        ties: Ids::default(),
        node_attrs: HashMap::new(),
        edge_attrs: HashMap::new(),
        default_directed: false,
        edges: Vec::new(),
    };
    reader.document()?;
    reader.finish(path)
}

/// Whether a namespace is one of GEXF's: 1.0 to 1.3, with or without "www.".
fn is_gexf_namespace(ns: &str) -> bool {
    let rest = ns
        .strip_prefix("http://")
        .or_else(|| ns.strip_prefix("https://"))
        .unwrap_or("");
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest == "gexf.net"
        || rest.starts_with("gexf.net/1.")
        || rest == "gephi.org/gexf"
        || rest.starts_with("gephi.org/gexf/1.")
}

/// A declared attribute (`<attribute id title type>`), with its default.
struct AttrDecl {
    title: String,
    default: Option<String>,
}

/// An edge as read, with its ends still foreign ids, resolved once every node is known.
struct PendingEdge {
    offset: usize,
    source: String,
    target: String,
    tie: Tie,
}

struct Reader<'a> {
    xml: XmlReader<'a>,
    /// The document's GEXF namespace (None when it declares none).
    ns: Option<String>,
    data: Dataset,
    notes: Notes,
    actors: Ids,
    ties: Ids,
    node_attrs: HashMap<String, AttrDecl>,
    edge_attrs: HashMap<String, AttrDecl>,
    default_directed: bool,
    edges: Vec<PendingEdge>,
}

impl Reader<'_> {
    fn is(&self, el: &Element, name: &str) -> bool {
        el.name == name && el.ns == self.ns
    }

    fn is_viz(&self, el: &Element) -> bool {
        el.ns.as_deref().is_some_and(|ns| ns.ends_with("/viz")) && el.ns != self.ns
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
                        .error(0, "this is not GEXF: there is no <gexf> element"))
                }
            }
        };
        if root.name != "gexf" {
            return Err(self.xml.error(
                root.offset,
                format!(
                    "this is not GEXF: the document is <{}>, not <gexf>",
                    root.name
                ),
            ));
        }
        if let Some(ns) = &root.ns {
            if !is_gexf_namespace(ns) {
                return Err(self.xml.error(
                    root.offset,
                    format!(
                        "<gexf> is in the namespace '{ns}', which is not GEXF's (relmap reads \
                         GEXF 1.1, 1.2draft and 1.3)"
                    ),
                ));
            }
        }
        self.ns = root.ns.clone();
        let mut graphs = 0;
        while let Some(el) = self.child()? {
            if self.is(&el, "meta") {
                self.meta()?;
            } else if self.is(&el, "graph") {
                graphs += 1;
                if graphs > 1 {
                    return Err(self
                        .xml
                        .error(el.offset, "a second <graph>: relmap reads one graph a file"));
                }
                self.graph(&el)?;
            } else {
                self.xml.skip()?;
            }
        }
        if graphs == 0 {
            return Err(self.xml.error(root.offset, "the file has no <graph>"));
        }
        // Anything after the root element is only whitespace, comments or the end.
        loop {
            match self.xml.next()? {
                Item::Eof => return Ok(()),
                Item::Text(t) if t.trim().is_empty() => {}
                Item::Open(el) => {
                    return Err(self
                        .xml
                        .error(el.offset, "an element after the end of <gexf>"))
                }
                _ => {}
            }
        }
    }

    /// The next child element of the element just opened, or `None` at its close (text
    /// between children is skipped).
    fn child(&mut self) -> Result<Option<Element>, LoadError> {
        loop {
            match self.xml.next()? {
                Item::Open(el) => return Ok(Some(el)),
                Item::Close | Item::Eof => return Ok(None),
                Item::Text(_) => {}
            }
        }
    }

    fn meta(&mut self) -> Result<(), LoadError> {
        while let Some(el) = self.child()? {
            if el.ns.as_deref() == Some(NS_RELMAP) && el.name == "article" {
                let (text, _) = self.xml.text_content()?;
                let Some(id) = el.attr("id").filter(|id| !id.is_empty()) else {
                    return Err(self.xml.error(el.offset, "a relmap:article without an id"));
                };
                let owned = |name: &str| el.attr(name).map(str::to_owned);
                self.data.sources.push(Source {
                    id: id.to_owned(),
                    title: el.attr("title").unwrap_or_default().to_owned(),
                    outlet: el.attr("outlet").unwrap_or_default().to_owned(),
                    published: owned("published"),
                    url: owned("url"),
                    author: owned("author"),
                    text,
                });
            } else if el.ns.as_deref() == Some(NS_RELMAP) && el.name == "distinct" {
                if let (Some(a), Some(b)) = (el.attr("a"), el.attr("b")) {
                    self.data.not_duplicates.push([a.to_owned(), b.to_owned()]);
                }
                self.xml.skip()?;
            } else if self.is(&el, "title") {
                self.data.title = self.xml.text_content()?.0.trim().to_owned();
            } else if self.is(&el, "description") {
                self.data.description = self.xml.text_content()?.0.trim().to_owned();
            } else {
                self.xml.skip()?;
            }
        }
        Ok(())
    }

    fn graph(&mut self, graph: &Element) -> Result<(), LoadError> {
        self.default_directed = graph.attr("defaultedgetype") == Some("directed");
        while let Some(el) = self.child()? {
            if self.is(&el, "attributes") {
                let class = el.attr("class").unwrap_or("node").to_lowercase();
                self.attribute_decls(class == "edge")?;
            } else if self.is(&el, "nodes") {
                self.nodes()?;
            } else if self.is(&el, "edges") {
                self.edges_list()?;
            } else {
                self.xml.skip()?;
            }
        }
        Ok(())
    }

    fn attribute_decls(&mut self, edge: bool) -> Result<(), LoadError> {
        while let Some(el) = self.child()? {
            if !self.is(&el, "attribute") {
                self.xml.skip()?;
                continue;
            }
            let Some(id) = el.attr("id") else {
                return Err(self.xml.error(el.offset, "an <attribute> without an id"));
            };
            let id = id.to_owned();
            let title = el.attr("title").unwrap_or(&id).to_owned();
            let mut default = None;
            while let Some(child) = self.child()? {
                if self.is(&child, "default") {
                    default = Some(self.xml.text_content()?.0);
                } else {
                    self.xml.skip()?;
                }
            }
            let decl = AttrDecl { title, default };
            if edge {
                self.edge_attrs.insert(id, decl);
            } else {
                self.node_attrs.insert(id, decl);
            }
        }
        Ok(())
    }

    fn nodes(&mut self) -> Result<(), LoadError> {
        while let Some(el) = self.child()? {
            if self.is(&el, "node") {
                self.node(&el)?;
            } else {
                self.xml.skip()?;
            }
        }
        Ok(())
    }

    fn node(&mut self, el: &Element) -> Result<(), LoadError> {
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
        let mut values: Vec<(String, String)> = Vec::new();
        let mut nested = false;
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
            } else {
                self.xml.skip()?;
            }
        }
        if nested {
            self.notes.add(
                "nodes inside nodes (a hierarchy) are read as plain nodes",
                "node",
            );
        }
        let mut seen: Vec<&str> = Vec::new();
        for (key, value) in &values {
            if seen.contains(&key.as_str()) {
                self.notes.add(
                    "attribute values that change over time: the first of each is kept",
                    "value",
                );
                continue;
            }
            seen.push(key);
            self.node_value(&mut actor, key, value);
        }
        let defaults: Vec<(String, String)> = self
            .node_attrs
            .iter()
            .filter(|(id, d)| d.default.is_some() && !seen.contains(&id.as_str()))
            .map(|(id, d)| (id.clone(), d.default.clone().unwrap_or_default()))
            .collect();
        for (key, value) in defaults {
            self.node_value(&mut actor, &key, &value);
        }
        if actor.name.is_empty() {
            actor.name = foreign.to_owned();
        }
        self.data.actors.push(actor);
        Ok(())
    }

    fn attvalues(&mut self, values: &mut Vec<(String, String)>) -> Result<(), LoadError> {
        while let Some(el) = self.child()? {
            if self.is(&el, "attvalue") {
                let key = el.attr("for").or_else(|| el.attr("id"));
                match (key, el.attr("value")) {
                    (Some(key), Some(value)) => values.push((key.to_owned(), value.to_owned())),
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

    fn node_value(&mut self, actor: &mut Actor, key: &str, value: &str) {
        let title = self
            .node_attrs
            .get(key)
            .map_or(key, |d| d.title.as_str())
            .to_lowercase();
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
                format!("node attribute '{title}' is not kept: relmap has no field for it"),
                "node",
            ),
        }
    }

    fn edges_list(&mut self) -> Result<(), LoadError> {
        while let Some(el) = self.child()? {
            if self.is(&el, "edge") {
                self.edge(&el)?;
            } else {
                self.xml.skip()?;
            }
        }
        Ok(())
    }

    fn edge(&mut self, el: &Element) -> Result<(), LoadError> {
        let (Some(source), Some(target)) = (el.attr("source"), el.attr("target")) else {
            return Err(self
                .xml
                .error(el.offset, "an <edge> without a source and a target"));
        };
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
        let mut values: Vec<(String, String)> = Vec::new();
        while let Some(child) = self.child()? {
            if self.is(&child, "attvalues") {
                self.attvalues(&mut values)?;
            } else if self.is(&child, "spells") {
                while let Some(spell) = self.child()? {
                    if start.is_none() && end.is_none() {
                        start = spell.attr("start").map(str::to_owned);
                        end = spell.attr("end").map(str::to_owned);
                    }
                    self.xml.skip()?;
                }
            } else {
                self.xml.skip()?;
            }
        }
        let mut has_date = false;
        let mut excerpts_at = None;
        let mut seen: Vec<String> = Vec::new();
        let defaults: Vec<(String, String)> = self
            .edge_attrs
            .iter()
            .filter(|(id, d)| d.default.is_some() && !values.iter().any(|(k, _)| k == *id))
            .map(|(id, d)| (id.clone(), d.default.clone().unwrap_or_default()))
            .collect();
        for (key, value) in values.iter().chain(&defaults) {
            if seen.contains(key) {
                self.notes.add(
                    "attribute values that change over time: the first of each is kept",
                    "value",
                );
                continue;
            }
            seen.push(key.clone());
            let title = self
                .edge_attrs
                .get(key)
                .map_or(key.as_str(), |d| d.title.as_str())
                .to_lowercase();
            match title.as_str() {
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
                    excerpts_at = Some(value.clone());
                }
                "kind" | "type" | "relation" if el.attr("kind").is_none() => {
                    self.set_tie_kind(&mut tie, value)
                }
                "label" if tie.label.is_empty() => tie.label = value.clone(),
                // Written by relmap from the excerpts, which say it in full.
                "certainty" => {}
                "weight" => {}
                _ => self.notes.add(
                    format!("edge attribute '{title}' is not kept: relmap has no field for it"),
                    "edge",
                ),
            }
        }
        if let Some(json) = excerpts_at {
            tie.excerpts = interop::excerpts_from(&json).map_err(|message| {
                self.xml
                    .error(el.offset, format!("edge '{}': {message}", tie.id))
            })?;
        }
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

    fn set_tie_kind(&mut self, tie: &mut Tie, word: &str) {
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
#[path = "gexf_tests.rs"]
mod tests;
