//! Reading CSV files: the delimiter found from the header, an unterminated quote and rows longer than the header refused with their row and column, each table's layout (Kumu's or Gephi's) found from its columns.

use crate::io::formats::PartInput;
use crate::io::interop::{self};
use crate::io::json::Loaded;
use crate::io::{LoadError, Progress};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::build::Builder;
use super::*;

/// A CSV file as read: its header and rows, each row with the line it starts on.
#[derive(Clone, Debug)]
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

    pub(super) fn error(&self, line: usize, column: usize, message: String) -> LoadError {
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
    parse_telling(text, path, &mut Progress::none())
}

/// How many rows are read between two reports of progress.
const TELL_EVERY_ROWS: usize = 2048;

/// As [`parse`], telling `progress` how far it has got.
pub fn parse_telling(text: &str, path: &Path, progress: &mut Progress) -> Result<Table, LoadError> {
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
    for n in 0usize.. {
        if n.is_multiple_of(TELL_EVERY_ROWS) {
            progress.tell(reader.position().byte(), text.len() as u64, path)?;
        }
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

pub(super) fn read_from(
    input: &mut dyn Read,
    path: &Path,
    progress: &mut Progress,
) -> Result<Loaded, LoadError> {
    let text = interop::read_input(input, path)?;
    let table = parse_telling(&text, path, progress)?;
    read_tables(vec![table])
}

pub(super) fn read_parts(parts: &mut [PartInput]) -> Result<Loaded, LoadError> {
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
    interop::finish(&path, b.data, b.notes, b.articles)
}
