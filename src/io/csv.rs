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
//! one `To` cell, and quotes without excerpts (kept as excerpts without their article).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::formats::{Format, PartInput, PartOutput, Parts};
use super::gexf::{kind_name, polarity_name, tie_kind_name};
use super::interop::{self, Ids, Notes};
use super::json::Loaded;
use super::LoadError;
use crate::model::{Actor, Dataset, Excerpt, Point, Source, Tie, TieKind};

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

fn write_parts(data: &Dataset, parts: &mut [PartOutput]) -> std::io::Result<()> {
    for part in parts.iter_mut() {
        match part.part {
            "elements" => write_elements(data, &mut part.output)?,
            "connections" => write_connections(data, &mut part.output)?,
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
pub fn write_elements(data: &Dataset, output: &mut dyn Write) -> std::io::Result<()> {
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
    for a in &data.actors {
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
pub fn write_connections(data: &Dataset, output: &mut dyn Write) -> std::io::Result<()> {
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
    for t in &data.ties {
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
            &interop::excerpts_json(&t.excerpts),
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

// ---------------------------------------------------------------------------------------------
// Reading

/// A CSV file as read: its header and rows, each row with the line it starts on.
pub struct Table {
    pub path: PathBuf,
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Which table a file is, from its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    KumuElements,
    KumuConnections,
    GephiNodes,
    GephiEdges,
    Sources,
}

impl Table {
    /// The index of the first column named any of `names`, ignoring case.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| {
            self.header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(n))
        })
    }

    /// Which table this is, if its columns say.
    pub fn layout(&self) -> Option<Layout> {
        let has = |n: &str| self.column(&[n]).is_some();
        if has("From") && has("To") {
            Some(Layout::KumuConnections)
        } else if has("Source") && has("Target") {
            Some(Layout::GephiEdges)
        } else if has("Text") && has("ID") && has("Title") {
            Some(Layout::Sources)
        } else if has("Label") && !has("Id") {
            Some(Layout::KumuElements)
        } else if has("Id") || has("Label") {
            Some(if has("Type") && !has("Id") {
                Layout::KumuElements
            } else {
                Layout::GephiNodes
            })
        } else {
            None
        }
    }

    fn error(&self, line: usize, column: usize, message: String) -> LoadError {
        LoadError::Syntax {
            path: self.path.clone(),
            line,
            column,
            message,
        }
    }
}

/// Parses a CSV file: the delimiter found from the header line (comma, semicolon or tab), an
/// unterminated quote and rows longer than the header refused with their place.
pub fn parse(text: &str, path: &Path) -> Result<Table, LoadError> {
    let at = |line: usize, column: usize, message: String| LoadError::Syntax {
        path: path.to_owned(),
        line,
        column,
        message,
    };
    if let Some((line, column)) = unterminated_quote(text) {
        return Err(at(
            line,
            column,
            "this quote is never closed: the rest of the file would be one cell".into(),
        ));
    }
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .filter(|d| first_line.as_bytes().contains(d))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header = Vec::new();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line() as usize);
                return Err(at(line, 1, format!("the CSV cannot be read: {e}")));
            }
        }
        if header.is_empty() {
            if record.len() > MAX_COLUMNS {
                return Err(at(
                    line,
                    MAX_COLUMNS + 1,
                    format!(
                        "the header has {} columns; relmap reads at most {MAX_COLUMNS}",
                        record.len()
                    ),
                ));
            }
            header = record.iter().map(|h| h.trim().to_owned()).collect();
            if header.iter().all(String::is_empty) {
                return Err(at(line, 1, "the first row, the header, is empty".into()));
            }
            continue;
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > header.len() {
            return Err(at(
                line,
                header.len() + 1,
                format!(
                    "this row has {} cells, more than the {} columns of the header",
                    record.len(),
                    header.len()
                ),
            ));
        }
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        cells.resize(header.len(), String::new());
        rows.push((line, cells));
    }
    if header.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(Table {
        path: path.to_owned(),
        header,
        rows,
    })
}

/// Where a quoted cell opens that is never closed, if one is.
fn unterminated_quote(text: &str) -> Option<(usize, usize)> {
    let mut inside: Option<usize> = None;
    let mut at_cell_start = true;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match inside {
            Some(_) => {
                if c == '"' {
                    if chars.peek().map(|(_, n)| *n) == Some('"') {
                        chars.next();
                    } else {
                        inside = None;
                        at_cell_start = false;
                    }
                }
            }
            None => match c {
                '"' if at_cell_start => inside = Some(i),
                ',' | ';' | '\t' | '\n' | '\r' => at_cell_start = true,
                _ => at_cell_start = false,
            },
        }
    }
    inside.map(|offset| interop::line_col(text, offset))
}

fn read_from(input: &mut dyn Read, path: &Path) -> Result<Loaded, LoadError> {
    let text = interop::read_input(input, path)?;
    let table = parse(&text, path)?;
    read_tables(vec![table])
}

fn read_parts(parts: &mut [PartInput]) -> Result<Loaded, LoadError> {
    let mut tables = Vec::new();
    for part in parts.iter_mut() {
        let text = interop::read_input(part.input, part.path)?;
        tables.push(parse(&text, part.path)?);
    }
    read_tables(tables)
}

/// Builds a map from tables of any layout, each found by its columns.
pub fn read_tables(tables: Vec<Table>) -> Result<Loaded, LoadError> {
    let path = tables.first().map(|t| t.path.clone()).unwrap_or_default();
    let mut b = Builder::default();
    let mut laid: Vec<(Layout, Table)> = Vec::new();
    for table in tables {
        match table.layout() {
            Some(layout) => laid.push((layout, table)),
            None => {
                let columns = table.header.join(", ");
                return Err(table.error(
                    1,
                    1,
                    format!(
                        "these columns are neither Kumu's (Label; From, To) nor Gephi's (Id, \
                         Label; Source, Target): {columns}"
                    ),
                ));
            }
        }
    }
    // Sources first (excerpts point into them), then elements, then connections.
    laid.sort_by_key(|(layout, _)| match layout {
        Layout::Sources => 0,
        Layout::KumuElements | Layout::GephiNodes => 1,
        Layout::KumuConnections | Layout::GephiEdges => 2,
    });
    for (layout, table) in &laid {
        match layout {
            Layout::Sources => b.sources(table)?,
            Layout::KumuElements | Layout::GephiNodes => b.elements(table)?,
            Layout::KumuConnections | Layout::GephiEdges => b.connections(table)?,
        }
    }
    interop::finish(&path, b.data, b.notes)
}

#[derive(Default)]
struct Builder {
    data: Dataset,
    notes: Notes,
    actors: Ids,
    ties: Ids,
    /// Labels (as written, then lowercased) of the actors, for connections that name them.
    by_label: HashMap<String, String>,
}

impl Builder {
    fn sources(&mut self, t: &Table) -> Result<(), LoadError> {
        let col = |names: &[&str]| t.column(names);
        let (id, title, outlet, published, url, author, text) = (
            col(&["ID"]),
            col(&["Title"]),
            col(&["Outlet", "Publisher"]),
            col(&["Published", "Date"]),
            col(&["URL"]),
            col(&["Author"]),
            col(&["Text"]),
        );
        for (line, row) in &t.rows {
            let cell = |c: Option<usize>| c.map(|c| row[c].clone()).unwrap_or_default();
            let optional = |c: Option<usize>| Some(cell(c)).filter(|v| !v.is_empty());
            let source_id = cell(id);
            if source_id.trim().is_empty() {
                return Err(t.error(
                    *line,
                    id.map_or(1, |c| c + 1),
                    "a source without an ID".into(),
                ));
            }
            self.data.sources.push(Source {
                id: source_id,
                title: cell(title),
                outlet: cell(outlet),
                published: optional(published),
                url: optional(url),
                author: optional(author),
                text: cell(text),
            });
        }
        Ok(())
    }

    fn elements(&mut self, t: &Table) -> Result<(), LoadError> {
        let label = t.column(&["Label", "Name"]);
        let id = t.column(&["ID", "Id"]);
        let kind = t.column(&["Type", "Kind", "Category"]);
        let description = t.column(&["Description"]);
        let tags = t.column(&["Tags"]);
        let aliases = t.column(&["Aliases", "Alias"]);
        let x = t.column(&["X"]);
        let y = t.column(&["Y"]);
        let known: Vec<usize> = [label, id, kind, description, tags, aliases, x, y]
            .into_iter()
            .flatten()
            .collect();
        for (line, row) in &t.rows {
            let cell = |c: Option<usize>| c.map_or("", |c| row[c].as_str());
            let name = cell(label).trim().to_owned();
            let foreign = match cell(id).trim() {
                "" => name.clone(),
                id => id.to_owned(),
            };
            if foreign.is_empty() {
                return Err(t.error(
                    *line,
                    label.map_or(1, |c| c + 1),
                    "an element without a label or an ID".into(),
                ));
            }
            let Some(actor_id) = self.actors.add(&foreign, &mut self.notes) else {
                return Err(t.error(
                    *line,
                    id.or(label).map_or(1, |c| c + 1),
                    format!("a second element with the ID '{foreign}'"),
                ));
            };
            let mut actor = Actor {
                id: actor_id.clone(),
                name: if name.is_empty() {
                    foreign.clone()
                } else {
                    name
                },
                ..Actor::default()
            };
            let kind_word = cell(kind);
            if !kind_word.trim().is_empty() {
                match interop::actor_kind_from(kind_word) {
                    Some(k) => actor.kind = k,
                    None => self.notes.add(
                        format!(
                            "element type '{kind_word}' is not one of relmap's: read as 'other'"
                        ),
                        "element",
                    ),
                }
            }
            actor.description = cell(description).to_owned();
            actor.aliases = interop::list_from(cell(aliases));
            for tag in interop::list_from(cell(tags)) {
                if tag.eq_ignore_ascii_case("pinned") {
                    actor.pinned = true;
                } else {
                    self.notes
                        .add("tags other than 'pinned' are not kept", "tag");
                }
            }
            let number = |c: Option<usize>| -> Result<Option<f64>, LoadError> {
                let v = cell(c).trim();
                if v.is_empty() {
                    return Ok(None);
                }
                interop::number(v).map(Some).ok_or_else(|| {
                    t.error(
                        *line,
                        c.map_or(1, |c| c + 1),
                        format!("'{v}' is not a number"),
                    )
                })
            };
            if let (Some(x), Some(y)) = (number(x)?, number(y)?) {
                actor.position = Some(Point::new(x, y));
            }
            for (c, value) in row.iter().enumerate() {
                if !known.contains(&c) && !value.trim().is_empty() {
                    self.notes.add(
                        format!(
                            "element column '{}' is not kept: relmap has no field for it",
                            t.header[c]
                        ),
                        "element",
                    );
                }
            }
            self.by_label.insert(actor.name.clone(), actor_id.clone());
            self.by_label
                .entry(actor.name.to_lowercase())
                .or_insert_with(|| actor_id.clone());
            self.data.actors.push(actor);
        }
        Ok(())
    }

    /// The actor a connection's end names: by ID, by label, or a new one.
    fn end(&mut self, name: &str) -> String {
        let name = name.trim();
        if let Some(id) = self.actors.get(name) {
            return id.to_owned();
        }
        if let Some(id) = self
            .by_label
            .get(name)
            .or_else(|| self.by_label.get(&name.to_lowercase()))
        {
            return id.clone();
        }
        self.notes.add(
            "connections name elements that the elements file does not have: they were added",
            "element",
        );
        let id = self
            .actors
            .add(name, &mut self.notes)
            .unwrap_or_else(|| name.to_owned());
        self.by_label.insert(name.to_owned(), id.clone());
        self.data.actors.push(Actor {
            id: id.clone(),
            name: name.to_owned(),
            ..Actor::default()
        });
        id
    }

    fn connections(&mut self, t: &Table) -> Result<(), LoadError> {
        let from = t.column(&["From", "Source"]);
        let to = t.column(&["To", "Target"]);
        let id = t.column(&["ID", "Id"]);
        let kind = t.column(&["Type", "Kind"]);
        let direction = t.column(&["Direction"]);
        let label = t.column(&["Label"]);
        let strength = t.column(&["Strength", "Weight"]);
        let polarity = t.column(&["Polarity"]);
        let date = t.column(&["Date"]);
        let quotes = t.column(&["Quotes", "Quote"]);
        let excerpts = t.column(&["Excerpts"]);
        let known: Vec<usize> = [
            from, to, id, kind, direction, label, strength, polarity, date, quotes, excerpts,
        ]
        .into_iter()
        .flatten()
        .collect();
        let gephi = t.column(&["Source"]).is_some();
        for (line, row) in &t.rows {
            let cell = |c: Option<usize>| c.map_or("", |c| row[c].as_str());
            let column = |c: Option<usize>| c.map_or(1, |c| c + 1);
            let source = cell(from).trim();
            if source.is_empty() {
                return Err(t.error(*line, column(from), "a connection without a From".into()));
            }
            let targets: Vec<String> = if gephi {
                vec![cell(to).trim().to_owned()]
            } else {
                cell(to).split('|').map(|s| s.trim().to_owned()).collect()
            };
            if targets.iter().all(String::is_empty) {
                return Err(t.error(*line, column(to), "a connection without a To".into()));
            }
            let mut template = Tie::default();
            // Gephi's Type is the direction; Kumu's is the kind.
            let direction_word = if gephi { cell(kind) } else { cell(direction) };
            template.directed = match direction_word.trim().to_lowercase().as_str() {
                "undirected" | "mutual" => false,
                "directed" => true,
                "" => true,
                other => {
                    return Err(t.error(
                        *line,
                        column(if gephi { kind } else { direction }),
                        format!("the direction '{other}' is not directed, undirected or mutual"),
                    ))
                }
            };
            let kind_word = if gephi { "" } else { cell(kind).trim() };
            template.label = cell(label).to_owned();
            if !kind_word.is_empty() {
                match interop::tie_kind_from(kind_word) {
                    Some(k) => template.kind = k,
                    None => {
                        template.kind = TieKind::Other;
                        if template.label.is_empty() {
                            template.label = kind_word.to_owned();
                        }
                        self.notes.add(
                            "connection types that are not relmap's are read as 'other', with \
                             the type as the label",
                            "connection",
                        );
                    }
                }
            }
            let polarity_word = cell(polarity);
            match interop::polarity_from(polarity_word) {
                Some(p) => template.polarity = p,
                None => {
                    return Err(t.error(
                        *line,
                        column(polarity),
                        format!(
                            "the polarity '{polarity_word}' is not cooperative, hostile or neutral"
                        ),
                    ))
                }
            }
            let date_word = cell(date).trim();
            if !date_word.is_empty() {
                match interop::date_from(date_word) {
                    Some(d) => template.date = Some(d),
                    None => return Err(t.error(
                        *line,
                        column(date),
                        format!(
                            "'{date_word}' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or START/END)"
                        ),
                    )),
                }
            }
            let json = cell(excerpts);
            if !json.trim().is_empty() {
                template.excerpts = interop::excerpts_from(json)
                    .map_err(|m| t.error(*line, column(excerpts), m))?;
            } else {
                // Quotes alone: excerpts without their article.
                template.excerpts = interop::list_from(cell(quotes))
                    .into_iter()
                    .map(|quote| Excerpt {
                        source: String::new(),
                        end: quote.len(),
                        quote,
                        start: 0,
                        certainty: None,
                        attributed_to: None,
                    })
                    .collect();
            }
            for (c, value) in row.iter().enumerate() {
                if !known.contains(&c) && !value.trim().is_empty() {
                    self.notes.add(
                        format!(
                            "connection column '{}' is not kept: relmap has no field for it",
                            t.header[c]
                        ),
                        "connection",
                    );
                }
            }
            let from_id = self.end(source);
            let several = targets.len() > 1;
            for (k, target) in targets.iter().filter(|t| !t.is_empty()).enumerate() {
                let mut tie = template.clone();
                tie.from = from_id.clone();
                tie.to = self.end(target);
                let foreign = cell(id).trim();
                tie.id = if foreign.is_empty() {
                    self.ties
                        .unique(format!("{}-{}", tie.from, tie_kind_name(tie.kind)))
                } else if several {
                    self.ties.unique(format!("{foreign}-{}", k + 1))
                } else {
                    match self.ties.add(foreign, &mut self.notes) {
                        Some(id) => id,
                        None => {
                            return Err(t.error(
                                *line,
                                column(id),
                                format!("a second connection with the ID '{foreign}'"),
                            ))
                        }
                    }
                };
                self.data.ties.push(tie);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
