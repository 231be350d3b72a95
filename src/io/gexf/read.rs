//! Reading GEXF 1.1, 1.2draft and 1.3 as Gephi and networkx write them: static, dynamic and slice graphs, with or without viz, attributes with defaults, self loops, hierarchies, ids of any shape.

use crate::io::interop::{self, Ids, Notes, PendingEdge};
use crate::io::json::Loaded;
use crate::io::xml::{Element, XmlReader};
use crate::io::{LoadError, Progress};
use crate::model::{Dataset, Source};
use foldhash::HashMap;
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

/// Reads a GEXF document held in memory, telling `progress` how far it has got.
pub fn read_str(text: &str, path: &Path, progress: &mut Progress) -> Result<Loaded, LoadError> {
    let mut reader = Reader {
        xml: XmlReader::new(text, path, progress.reborrow()),
        ns: None,
        data: Dataset::default(),
        notes: Notes::default(),
        articles: interop::Articles::default(),
        actors: Ids::default(),
        ties: Ids::default(),
        node_attrs: HashMap::default(),
        edge_attrs: HashMap::default(),
        default_directed: false,
        numeric_times: false,
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
pub(super) struct AttrDecl {
    pub(super) title: String,
    pub(super) default: Option<String>,
}

pub(super) struct Reader<'a> {
    pub(super) xml: XmlReader<'a>,
    /// The document's GEXF namespace (None when it declares none).
    pub(super) ns: crate::io::xml::Ns,
    pub(super) data: Dataset,
    pub(super) notes: Notes,
    /// The articles written beside quotes.
    pub(super) articles: interop::Articles,
    pub(super) actors: Ids,
    pub(super) ties: Ids,
    pub(super) node_attrs: HashMap<String, AttrDecl>,
    pub(super) edge_attrs: HashMap<String, AttrDecl>,
    pub(super) default_directed: bool,
    /// The graph's times are numbers of a timeline (`timeformat` "double", "integer"…), not
    /// dates.
    pub(super) numeric_times: bool,
    pub(super) edges: Vec<PendingEdge>,
}

impl<'a> Reader<'a> {
    pub(super) fn is(&self, el: &Element, name: &str) -> bool {
        el.name == name && el.ns == self.ns
    }

    pub(super) fn is_viz(&self, el: &Element) -> bool {
        el.ns.as_deref().is_some_and(|ns| ns.ends_with("/viz")) && el.ns != self.ns
    }

    pub(super) fn document(&mut self) -> Result<(), LoadError> {
        let root = self.xml.root(
            "GEXF",
            "gexf",
            is_gexf_namespace,
            "relmap reads GEXF 1.1, 1.2draft and 1.3",
        )?;
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
        self.xml.end_after("gexf")
    }

    /// The next child element of the element just opened, or `None` at its close.
    pub(super) fn child(&mut self) -> Result<Option<Element<'a>>, LoadError> {
        self.xml.child()
    }

    pub(super) fn meta(&mut self) -> Result<(), LoadError> {
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
                    text: text.into_owned(),
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

    pub(super) fn graph(&mut self, graph: &Element) -> Result<(), LoadError> {
        self.default_directed = graph.attr("defaultedgetype") == Some("directed");
        let timeformat = graph.attr("timeformat").unwrap_or_default().to_lowercase();
        self.numeric_times = matches!(timeformat.as_str(), "double" | "float" | "integer" | "long");
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

    pub(super) fn attribute_decls(&mut self, edge: bool) -> Result<(), LoadError> {
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
                    default = Some(self.xml.text_content()?.0.into_owned());
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

    pub(super) fn finish(mut self, path: &Path) -> Result<Loaded, LoadError> {
        let edges = std::mem::take(&mut self.edges);
        let xml = &self.xml;
        interop::resolve(edges, &self.actors, &mut self.data, |at, message| {
            xml.error(at, message)
        })?;
        interop::finish(path, self.data, self.notes, self.articles)
    }
}
