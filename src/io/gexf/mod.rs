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

use std::io::Write;

use super::formats::Format;
use super::interop::{self};
use super::xml::{self};
use super::Progress;
use crate::model::{Actor, ActorKind, Dataset, Polarity, Tie, TieKind};
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

fn write_to(
    data: &Dataset,
    output: &mut dyn Write,
    progress: &mut Progress,
) -> std::io::Result<()> {
    xml::write_document(data, output, progress, write_string)
}

fn write_string(data: &Dataset, out: &mut String, progress: &mut Progress) -> std::io::Result<()> {
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
    let items = data.actors.len() + data.ties.len();
    for (i, a) in data.actors.iter().enumerate() {
        progress.item(i, items)?;
        write_node(out, a)?;
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let articles = interop::ArticlesOf::new(data);
    for (i, t) in data.ties.iter().enumerate() {
        progress.item(data.actors.len() + i, items)?;
        write_edge(out, t, default_type == "directed", &articles)?;
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

fn write_edge(
    out: &mut String,
    t: &Tie,
    default_directed: bool,
    articles: &interop::ArticlesOf,
) -> std::io::Result<()> {
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
    // Between single quotes, the JSON's double quotes need no escaping.
    out.push_str("          <attvalue for=\"excerpts\" value='");
    xml::attr_single_quoted(out, &interop::excerpts_json(&t.excerpts, articles), &what)?;
    out.push_str("'/>\n");
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

mod items;
mod read;
use read::read_from;
pub use read::read_str;

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
