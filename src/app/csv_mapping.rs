//! An import of CSV files whose columns say no known layout: the tables read, the one being
//! mapped and its mapping (first guessed from the headers), until every table is mapped and
//! the map is built; then the import goes on as any other (Replace or Merge).

use std::path::PathBuf;

use super::importing::PendingImport;
use super::state::AppState;
use crate::io::csv::{ColumnMapping, Table, Unmapped};

/// The column mapping window's state.
#[derive(Debug)]
pub struct MappingState {
    /// The file the user asked to import.
    pub path: PathBuf,
    pub unmapped: Unmapped,
    /// The table being mapped (by place in `unmapped.tables`).
    pub table: usize,
    pub mapping: ColumnMapping,
    /// Why the last Import did not go ahead.
    pub problem: Option<String>,
}

impl MappingState {
    pub fn new(path: PathBuf, unmapped: Unmapped) -> Self {
        let table = unmapped.first_unknown().unwrap_or(0);
        let mapping = ColumnMapping::guess(&unmapped.tables[table]);
        Self {
            path,
            unmapped,
            table,
            mapping,
            problem: None,
        }
    }

    /// The table being mapped.
    pub fn current(&self) -> &Table {
        &self.unmapped.tables[self.table]
    }
}

/// Takes the user's change of the mapping; a change of table kind starts that kind's guess.
pub fn set(state: &mut AppState, mapping: ColumnMapping) {
    if let Some(m) = &mut state.csv_mapping {
        m.mapping = if mapping.kind != m.mapping.kind {
            let guess = ColumnMapping::guess(m.current());
            if guess.kind == mapping.kind {
                guess
            } else {
                ColumnMapping::empty(mapping.kind)
            }
        } else {
            mapping
        };
        m.problem = None;
    }
}

/// Maps the table as chosen; the next unknown table is mapped next, and once none is left the
/// map is built and offered for Replace or Merge. A mapping with a problem stays open and says
/// what is wrong; a map that cannot be built is reported with its place.
pub fn apply(state: &mut AppState) {
    let Some(mut m) = state.csv_mapping.take() else {
        return;
    };
    match m.mapping.apply(m.current()) {
        Err(problem) => {
            m.problem = Some(problem);
            state.csv_mapping = Some(m);
        }
        Ok(mapped) => {
            m.unmapped.tables[m.table] = mapped;
            let path = m.path;
            match m.unmapped.finish() {
                Ok(Ok(loaded)) => state.pending_import = Some(PendingImport { path, loaded }),
                Ok(Err(unmapped)) => state.csv_mapping = Some(MappingState::new(path, unmapped)),
                Err(e) => super::importing::report_failure(state, &path, &e),
            }
        }
    }
}
