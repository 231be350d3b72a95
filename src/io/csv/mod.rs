//! CSV in Kumu's layout, in three files side by side: `NAME.elements.csv` (ID, Label, Type,
//! Description, Tags, and relmap's Aliases, X, Y), `NAME.connections.csv` (ID, From, To, Type,
//! Direction, Label, Strength, and relmap's Polarity, Date, Quotes and Excerpts) and
//! `NAME.sources.csv` (the articles: ID, Title, Outlet, Published, URL, Author, Text). Several
//! values in one cell are separated by `|`, as Kumu does; the excerpts are JSON, which keeps
//! every field of every excerpt. A tag `pinned` pins an actor.
//!
//! Reading also takes Gephi's spreadsheet layout (nodes: Id, Label; edges: Source, Target,
//! Type, Id, Label, Weight), one file alone (its columns say which table it is), connections
//! that name elements the elements file lacks (they are added, as Kumu does), several ends in
//! one `To` cell, and quotes without excerpts or typed into `Quotes` beside them (kept as
//! excerpts without their article, see `cells`).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::formats::{Format, PartOutput, Parts};
use super::gexf::{kind_name, polarity_name, tie_kind_name};
use super::interop::{self};
use super::Progress;
use crate::model::Dataset;

/// The registry's entry.
pub const FORMAT: Format = Format {
    name: "CSV (Kumu, Gephi)",
    key: "csv",
    extensions: &["csv"],
    read: Some(read_from),
    write: None,
    parts: Some(Parts {
        files,
        read: read_parts,
        write: write_parts,
    }),
};

/// The most columns a file may have.
pub const MAX_COLUMNS: usize = 1024;

const PARTS: [&str; 3] = ["elements", "connections", "sources"];

/// The three files of the map that `path` names: `map.csv` and `map.elements.csv` both name
/// `map.elements.csv`, `map.connections.csv` and `map.sources.csv`; Gephi's `map.nodes.csv`
/// names `map.nodes.csv`, `map.edges.csv` and `map.sources.csv`.
fn files(path: &Path) -> Vec<(&'static str, PathBuf)> {
    let dir = path.parent().unwrap_or(Path::new(""));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = match name.to_lowercase().strip_suffix(".csv") {
        Some(_) => name[..name.len() - 4].to_owned(),
        None => name.clone(),
    };
    let mut gephi = false;
    'parts: for part in PARTS.iter().chain(&["nodes", "edges"]) {
        let lower = stem.to_lowercase();
        for sep in ["", ".", "-", "_", " "] {
            let suffix = format!("{sep}{part}");
            if lower.ends_with(&suffix) && (sep.is_empty() == (lower == *part)) {
                stem.truncate(stem.len() - suffix.len());
                gephi = matches!(*part, "nodes" | "edges");
                break 'parts;
            }
        }
    }
    let names = if gephi {
        ["nodes", "edges", "sources"]
    } else {
        PARTS
    };
    PARTS
        .iter()
        .zip(names)
        .map(|(part, name)| {
            let file = if stem.is_empty() {
                format!("{name}.csv")
            } else {
                format!("{stem}.{name}.csv")
            };
            (*part, dir.join(file))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Writing

fn write_parts(
    data: &Dataset,
    parts: &mut [PartOutput],
    progress: &mut Progress,
) -> std::io::Result<()> {
    for part in parts.iter_mut() {
        match part.part {
            "elements" => write_elements(data, &mut part.output, progress)?,
            "connections" => write_connections(data, &mut part.output, progress)?,
            "sources" if !data.sources.is_empty() => write_sources(data, &mut part.output)?,
            _ => {}
        }
    }
    Ok(())
}

fn csv_writer(output: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(output)
}

fn io_error(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// The elements file: one row per actor.
pub fn write_elements(
    data: &Dataset,
    output: &mut dyn Write,
    progress: &mut Progress,
) -> std::io::Result<()> {
    let items = data.actors.len() + data.ties.len();
    let mut w = csv_writer(output);
    w.write_record([
        "ID",
        "Label",
        "Type",
        "Description",
        "Tags",
        "Aliases",
        "X",
        "Y",
    ])
    .map_err(io_error)?;
    for (i, a) in data.actors.iter().enumerate() {
        progress.item(i, items)?;
        let (x, y) = a.position.map_or((String::new(), String::new()), |p| {
            (p.x.to_string(), p.y.to_string())
        });
        w.write_record([
            a.id.as_str(),
            &a.name,
            kind_name(a.kind),
            &a.description,
            if a.pinned { "pinned" } else { "" },
            &join(&a.aliases),
            &x,
            &y,
        ])
        .map_err(io_error)?;
    }
    w.flush()
}

/// Several values in one cell, with `|` as Kumu has it; a value that itself holds a `|` makes
/// the cell a JSON list, which keeps it whole.
fn join(values: &[String]) -> String {
    if values.iter().any(|v| v.contains('|') || v.starts_with('[')) {
        interop::json_list(values)
    } else {
        values.join("|")
    }
}

/// The connections file: one row per tie.
pub fn write_connections(
    data: &Dataset,
    output: &mut dyn Write,
    progress: &mut Progress,
) -> std::io::Result<()> {
    let items = data.actors.len() + data.ties.len();
    let articles = interop::ArticlesOf::new(data);
    let mut w = csv_writer(output);
    w.write_record([
        "ID",
        "From",
        "To",
        "Type",
        "Direction",
        "Label",
        "Strength",
        "Polarity",
        "Date",
        "Quotes",
        "Excerpts",
    ])
    .map_err(io_error)?;
    for (i, t) in data.ties.iter().enumerate() {
        progress.item(data.actors.len() + i, items)?;
        let quotes: Vec<String> = t.excerpts.iter().map(|x| x.quote.clone()).collect();
        w.write_record([
            t.id.as_str(),
            &t.from,
            &t.to,
            &tie_kind_name(t.kind),
            if t.directed { "directed" } else { "undirected" },
            &t.label,
            &t.excerpts.len().max(1).to_string(),
            polarity_name(t.polarity),
            t.date.as_deref().unwrap_or_default(),
            &join(&quotes),
            &interop::excerpts_json(&t.excerpts, &articles),
        ])
        .map_err(io_error)?;
    }
    w.flush()
}

/// The sources file: one row per article, with its whole text.
pub fn write_sources(data: &Dataset, output: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv_writer(output);
    w.write_record([
        "ID",
        "Title",
        "Outlet",
        "Published",
        "URL",
        "Author",
        "Text",
    ])
    .map_err(io_error)?;
    for s in &data.sources {
        w.write_record([
            s.id.as_str(),
            &s.title,
            &s.outlet,
            s.published.as_deref().unwrap_or_default(),
            s.url.as_deref().unwrap_or_default(),
            s.author.as_deref().unwrap_or_default(),
            &s.text,
        ])
        .map_err(io_error)?;
    }
    w.flush()
}

mod build;
mod cells;
mod mapping;
mod read;
pub use mapping::{read_for_import, ColumnMapping, TableKind, Unmapped};
pub use read::{parse, read_tables, Layout, Table};
use read::{read_from, read_parts};

#[cfg(test)]
#[path = "hand_tests.rs"]
mod hand_tests;
#[cfg(test)]
#[path = "tests.rs"]
mod tests;
