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

use std::io::Write;

use super::formats::Format;
use super::gexf::{firmest_certainty, kind_name, polarity_name, tie_kind_name};
use super::interop::{self};
use super::xml::{self};
use super::Progress;
use crate::model::Dataset;

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

fn write_to(
    data: &Dataset,
    output: &mut dyn Write,
    progress: &mut Progress,
) -> std::io::Result<()> {
    xml::write_document(data, output, progress, write_string)
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

fn write_string(d: &Dataset, out: &mut String, progress: &mut Progress) -> std::io::Result<()> {
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
    let items = d.actors.len() + d.ties.len();
    for (i, a) in d.actors.iter().enumerate() {
        progress.item(i, items)?;
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
    let articles = interop::ArticlesOf::new(d);
    for (i, t) in d.ties.iter().enumerate() {
        progress.item(d.actors.len() + i, items)?;
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
            &interop::excerpts_json(&t.excerpts, &articles),
            &what,
        )?;
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    Ok(())
}

mod items;
mod read;
use read::read_from;
pub use read::read_str;

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
