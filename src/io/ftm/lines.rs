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

/// The shortest namespace signature taken for one (Aleph's are 40 hex digits).
const SIGNATURE_MIN_DIGITS: usize = 6;

/// Takes off the namespace signature that Aleph adds to every id of a collection (`id.` and
/// hex digits, a signature per id) when every entity's id has one of the same length and the
/// ids stay distinct without them: from the ids, and from every value that names an entity of
/// the file (references, and the `recordId` of relmap's Documentation). Returns how many ids
/// lost theirs and the signatures' length, or `None` when the file is not namespaced.
pub(super) fn strip_namespace(entities: &mut [(usize, Entity)]) -> Option<(usize, usize)> {
    let signature_of = |id: &str| -> Option<usize> {
        let (plain, signature) = id.rsplit_once('.')?;
        let hex = signature.len() >= SIGNATURE_MIN_DIGITS
            && signature.bytes().all(|b| b.is_ascii_hexdigit());
        (hex && !plain.is_empty()).then_some(signature.len())
    };
    let (_, first) = entities.first()?;
    let digits = signature_of(&first.id)?;
    if !entities
        .iter()
        .all(|(_, e)| signature_of(&e.id) == Some(digits))
    {
        return None;
    }
    let plain = |id: &str| id[..id.len() - digits - 1].to_owned();
    let mut signed = std::collections::HashSet::with_capacity(entities.len());
    let mut plain_ids = std::collections::HashSet::with_capacity(entities.len());
    for (_, e) in entities.iter() {
        if !plain_ids.insert(plain(&e.id)) {
            return None;
        }
        signed.insert(e.id.clone());
    }
    for (_, e) in entities.iter_mut() {
        e.id = plain(&e.id);
        for value in e.properties.values_mut().flatten() {
            if let serde_json::Value::String(s) = value {
                if signed.contains(s.as_str()) {
                    *s = plain(s);
                }
            }
        }
    }
    Some((entities.len(), digits))
}
