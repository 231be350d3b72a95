//! Combining ties and moving evidence between them: two ties between the same two actors
//! become one with their excerpts united, and an excerpt moves from one tie to another. Each is
//! one undoable batch built from plain updates and deletions; which ties are the same for
//! combining (same pair of actors, same kind, whatever their direction) is decided here too.

use super::Edit;
use crate::model::{Dataset, Excerpt, Tie};

/// Why ties could not be combined or an excerpt moved.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TieEditError {
    #[error("no tie has the id '{0}'")]
    UnknownTie(String),
    #[error("a tie cannot be combined with itself")]
    SameTie,
    #[error("'{0}' and '{1}' do not join the same two actors; only such ties can be combined")]
    DifferentActors(String, String),
    #[error("the tie '{0}' has no excerpt {1}")]
    NoExcerpt(String, usize),
}

/// The unordered pair of actors a tie joins.
fn pair(tie: &Tie) -> (&str, &str) {
    if tie.from <= tie.to {
        (&tie.from, &tie.to)
    } else {
        (&tie.to, &tie.from)
    }
}

fn same_excerpt(a: &Excerpt, b: &Excerpt) -> bool {
    a.source == b.source && a.start == b.start && a.end == b.end
}

fn find<'a>(data: &'a Dataset, id: &str) -> Result<&'a Tie, TieEditError> {
    data.tie(id)
        .ok_or_else(|| TieEditError::UnknownTie(id.to_owned()))
}

/// Combines `other` into `keep`, two ties between the same two actors: `keep` keeps its kind,
/// direction and polarity, takes `other`'s date and label where it has none, and gains the
/// excerpts it does not have already; `other` goes.
pub fn combine_ties(data: &Dataset, keep: &str, other: &str) -> Result<Edit, TieEditError> {
    if keep == other {
        return Err(TieEditError::SameTie);
    }
    let (kept, gone) = (find(data, keep)?, find(data, other)?);
    if pair(kept) != pair(gone) {
        return Err(TieEditError::DifferentActors(keep.into(), other.into()));
    }
    let mut combined = kept.clone();
    if combined.date.is_none() {
        combined.date = gone.date.clone();
    }
    if combined.label.is_empty() {
        combined.label = gone.label.clone();
    }
    for x in &gone.excerpts {
        if !combined.excerpts.iter().any(|y| same_excerpt(x, y)) {
            combined.excerpts.push(x.clone());
        }
    }
    Ok(Edit::Batch {
        label: format!(
            "combine ties '{} — {}'",
            data.actor_name(&kept.from),
            data.actor_name(&kept.to)
        ),
        edits: vec![
            Edit::UpdateTie { tie: combined },
            Edit::DeleteTie {
                id: other.to_owned(),
            },
        ],
    })
}

/// Moves excerpt `index` of tie `from` to the end of tie `to`'s excerpts (where it is not
/// already). A tie may be left with none.
pub fn move_excerpt(
    data: &Dataset,
    from: &str,
    index: usize,
    to: &str,
) -> Result<Edit, TieEditError> {
    if from == to {
        return Err(TieEditError::SameTie);
    }
    let (source, target) = (find(data, from)?, find(data, to)?);
    let excerpt = source
        .excerpts
        .get(index)
        .ok_or_else(|| TieEditError::NoExcerpt(from.to_owned(), index))?;
    let mut emptied = source.clone();
    emptied.excerpts.remove(index);
    let mut filled = target.clone();
    if !filled.excerpts.iter().any(|y| same_excerpt(excerpt, y)) {
        filled.excerpts.push(excerpt.clone());
    }
    Ok(Edit::Batch {
        label: format!(
            "move an excerpt to '{} — {}'",
            data.actor_name(&target.from),
            data.actor_name(&target.to)
        ),
        edits: vec![
            Edit::UpdateTie { tie: emptied },
            Edit::UpdateTie { tie: filled },
        ],
    })
}

/// The ties that join the same two actors as `id` with the same kind, whatever their
/// direction: what a merge of actors can leave side by side, to be offered for combining.
pub fn same_ties(data: &Dataset, id: &str) -> Vec<String> {
    let Some(tie) = data.tie(id) else {
        return Vec::new();
    };
    data.ties_of(&tie.from)
        .filter(|t| t.id != tie.id && t.kind == tie.kind && pair(t) == pair(tie))
        .map(|t| t.id.clone())
        .collect()
}

/// Every group of two or more ties of `actor` that join the same two actors with the same
/// kind, as tie ids in document order; one pass over the ties.
pub fn ties_to_combine(data: &Dataset, actor: &str) -> Vec<Vec<String>> {
    let mut place: foldhash::HashMap<(&str, &str, crate::model::TieKind), usize> =
        foldhash::HashMap::default();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for tie in data.ties_of(actor) {
        let (a, b) = pair(tie);
        let group = *place.entry((a, b, tie.kind)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(tie.id.clone());
    }
    groups.retain(|ids| ids.len() > 1);
    groups
}

#[cfg(test)]
#[path = "ties_tests.rs"]
mod tests;
