//! CSV files whose columns say neither Kumu's nor Gephi's layout: the tables read for an import
//! ([`Unmapped`]), a first guess of which column holds which field ([`ColumnMapping::guess`]),
//! and the table rewritten under the expected headers once the user has chosen
//! ([`ColumnMapping::apply`]), so that the usual reader builds the map. No egui here.

use std::path::Path;

use super::read::{parse_telling, read_tables, Table};
use crate::io::json::Loaded;
use crate::io::{interop, open_regular, read::read_opened, LoadError, Progress};

/// Tables read for an import, at least one of which has columns of no known layout.
#[derive(Debug)]
pub struct Unmapped {
    pub tables: Vec<Table>,
}

impl Unmapped {
    /// The first table whose columns say no known layout.
    pub fn first_unknown(&self) -> Option<usize> {
        self.tables.iter().position(|t| t.layout().is_none())
    }

    /// Builds the map once every table has a known layout; until then, the tables back.
    pub fn finish(self) -> Result<Result<Loaded, Unmapped>, LoadError> {
        if self.first_unknown().is_some() {
            return Ok(Err(self));
        }
        read_tables(self.tables).map(Ok)
    }
}

/// Reads the CSV files that `path` names (Kumu's three files side by side, or the one file),
/// and builds the map when their columns say their layout; else gives the tables back for the
/// user to map.
pub fn read_for_import(
    path: &Path,
    progress: &mut Progress,
) -> Result<Result<Loaded, Unmapped>, LoadError> {
    let files = super::files(path);
    let named_part = files.iter().any(|(_, p)| p == path);
    let mut paths: Vec<_> = if named_part || !path.exists() {
        files
            .into_iter()
            .map(|(_, p)| p)
            .filter(|p| p.exists())
            .collect()
    } else {
        Vec::new()
    };
    if paths.is_empty() {
        paths.push(path.to_owned());
    }
    let mut tables = Vec::new();
    let share = 1.0 / paths.len() as f32;
    for (n, file) in paths.iter().enumerate() {
        progress.stage(n as f32 * share, share);
        let bytes = read_opened(file, open_regular(file)?)?;
        let text = interop::read_input(&mut bytes.as_slice(), file)?;
        tables.push(parse_telling(&text, file, progress)?);
    }
    Unmapped { tables }.finish()
}

/// What a table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    /// Actors, one a row.
    Elements,
    /// Ties, one a row.
    Connections,
}

impl TableKind {
    pub fn label(self) -> &'static str {
        match self {
            TableKind::Elements => "Actors (one per row)",
            TableKind::Connections => "Ties (one per row)",
        }
    }

    /// The fields of such a table, by the header the reader expects, and whether each must be
    /// given a column.
    pub fn fields(self) -> &'static [(&'static str, bool)] {
        match self {
            TableKind::Elements => &[
                ("Label", true),
                ("ID", false),
                ("Type", false),
                ("Description", false),
                ("Aliases", false),
                ("Tags", false),
                ("X", false),
                ("Y", false),
            ],
            TableKind::Connections => &[
                ("From", true),
                ("To", true),
                ("Type", false),
                ("Direction", false),
                ("Label", false),
                ("Polarity", false),
                ("Date", false),
                ("Quotes", false),
            ],
        }
    }
}

/// Which column holds each field of a table: `columns[i]` for `kind.fields()[i]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMapping {
    pub kind: TableKind,
    pub columns: Vec<Option<usize>>,
}

/// Words in a header that suggest a field, beside the field's own name.
fn synonyms(field: &str) -> &'static [&'static str] {
    match field {
        "Label" => &["name", "title", "actor", "entity"],
        "ID" => &["key", "identifier"],
        "Type" => &["kind", "category", "class", "role", "relation"],
        "Description" => &["notes", "bio", "about", "summary"],
        "Aliases" => &["alias", "aka", "a.k.a", "also known", "other names"],
        "From" => &["source", "origin", "subject", "actor 1", "first"],
        "To" => &["target", "destination", "object", "actor 2", "second"],
        "Quotes" => &["quote", "excerpt", "evidence"],
        _ => &[],
    }
}

impl ColumnMapping {
    /// A first guess from the headers: ties when some column reads like an end of a tie.
    pub fn guess(table: &Table) -> Self {
        let lower: Vec<String> = table.header.iter().map(|h| h.to_lowercase()).collect();
        let like = |field: &str, h: &str| {
            h == field.to_lowercase() || synonyms(field).iter().any(|s| h.contains(s))
        };
        let ties = lower.iter().any(|h| like("From", h) || like("To", h));
        let kind = if ties {
            TableKind::Connections
        } else {
            TableKind::Elements
        };
        let mut used = vec![false; lower.len()];
        let columns = kind
            .fields()
            .iter()
            .map(|(field, _)| {
                let found = lower
                    .iter()
                    .enumerate()
                    .position(|(i, h)| !used[i] && like(field, h))?;
                used[found] = true;
                Some(found)
            })
            .collect();
        Self { kind, columns }
    }

    /// An empty mapping of a table of `kind`.
    pub fn empty(kind: TableKind) -> Self {
        Self {
            kind,
            columns: vec![None; kind.fields().len()],
        }
    }

    /// What is wrong with the mapping, if anything: a field that must have a column and has
    /// none, or one column given to two fields.
    pub fn problem(&self, table: &Table) -> Option<String> {
        let fields = self.kind.fields();
        for ((field, required), column) in fields.iter().zip(&self.columns) {
            if *required && column.is_none() {
                return Some(format!("choose the column that holds {field}"));
            }
        }
        for (i, a) in self.columns.iter().enumerate() {
            for (j, b) in self.columns.iter().enumerate().skip(i + 1) {
                if let (Some(a), Some(b)) = (a, b) {
                    if a == b {
                        let column = table.header.get(*a).map_or("", String::as_str);
                        return Some(format!(
                            "column '{column}' is chosen for both {} and {}",
                            fields[i].0, fields[j].0
                        ));
                    }
                }
            }
        }
        None
    }

    /// The table under the headers the reader expects, holding only the mapped columns.
    pub fn apply(&self, table: &Table) -> Result<Table, String> {
        if let Some(problem) = self.problem(table) {
            return Err(problem);
        }
        let chosen: Vec<(&str, usize)> = self
            .kind
            .fields()
            .iter()
            .zip(&self.columns)
            .filter_map(|((field, _), column)| Some((*field, (*column)?)))
            .filter(|(_, c)| *c < table.header.len())
            .collect();
        Ok(Table {
            path: table.path.clone(),
            header: chosen.iter().map(|(f, _)| (*f).to_owned()).collect(),
            rows: table
                .rows
                .iter()
                .map(|(line, cells)| {
                    (
                        *line,
                        chosen.iter().map(|(_, c)| cells[*c].clone()).collect(),
                    )
                })
                .collect(),
        })
    }
}

#[cfg(test)]
#[path = "mapping_tests.rs"]
mod tests;
