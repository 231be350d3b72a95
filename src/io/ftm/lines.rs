//! The text of a FollowTheMoney file as entities: one JSON object a line (blank lines
//! skipped), each refused with its line, column and what is wrong when it is not an entity.

use std::path::Path;

use super::Entity;
use crate::io::{LoadError, Progress};

/// How many lines are read between two reports of progress.
const TELL_EVERY_LINES: usize = 2048;

/// The entities of `text`, each with the byte offset of its line, telling `progress` how far
/// it has got.
pub(super) fn entities(
    text: &str,
    path: &Path,
    progress: &mut Progress,
) -> Result<Vec<(usize, Entity)>, LoadError> {
    let mut entities = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split('\n').enumerate() {
        if n.is_multiple_of(TELL_EVERY_LINES) {
            progress.tell(offset as u64, text.len() as u64, path)?;
        }
        let here = offset;
        offset += line.len() + 1;
        if line.trim().is_empty() {
            continue;
        }
        entities.push((here, entity(line, n + 1, path)?));
    }
    Ok(entities)
}

/// One line as an entity, or an error that says what the line is instead.
fn entity(line: &str, number: usize, path: &Path) -> Result<Entity, LoadError> {
    let error = |column: usize, message: String| LoadError::Syntax {
        path: path.to_owned(),
        line: number,
        column,
        message: format!("not a FollowTheMoney entity: {message}"),
    };
    let start = line.len() - line.trim_start().len();
    let first = line[start..].chars().next().unwrap_or_default();
    if first != '{' {
        let found = match first {
            '[' => "a JSON array",
            '"' => "a JSON string",
            '-' | '0'..='9' => "a number",
            't' | 'f' => "true or false",
            'n' => "null",
            _ => "text that is not JSON",
        };
        return Err(error(
            line[..start].chars().count() + 1,
            format!("expected a JSON object with 'id' and 'schema', found {found}"),
        ));
    }
    serde_json::from_str(line).map_err(|e| {
        if e.is_eof() {
            return error(
                e.column(),
                "the line ends before its JSON object is closed".to_owned(),
            );
        }
        // serde_json says where, which the error's line and column already do.
        let said = e.to_string();
        let what = said
            .rsplit_once(" at line ")
            .map_or(said.as_str(), |(what, _)| what);
        error(e.column(), what.to_owned())
    })
}
