//! Merging actors into one: names become aliases, ties are rewired to the survivor, ties that
//! become duplicates are combined with their excerpts united. The result is one undoable batch.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::{Edit, EditError};
use crate::model::{Dataset, Tie};

/// The batch that merges `others` into `survivor`. Applying it once does the whole merge; its
/// inverse undoes it exactly.
pub fn merge_actors(data: &Dataset, survivor: &str, others: &[String]) -> Result<Edit, EditError> {
    let keep = data
        .actor(survivor)
        .ok_or_else(|| EditError::UnknownActor(survivor.to_owned()))?;
    let mut merged = keep.clone();
    for id in others {
        let other = data
            .actor(id)
            .ok_or_else(|| EditError::UnknownActor(id.clone()))?;
        if id == survivor {
            continue;
        }
        for name in std::iter::once(&other.name).chain(&other.aliases) {
            if name != &merged.name && !merged.aliases.contains(name) {
                merged.aliases.push(name.clone());
            }
        }
        if merged.description.trim().is_empty() {
            merged.description = other.description.clone();
        }
    }
    let merged_ids: HashSet<&str> = others.iter().map(String::as_str).collect();
    let rewire = |id: &str| -> String {
        if merged_ids.contains(id) {
            survivor.to_owned()
        } else {
            id.to_owned()
        }
    };

    // Rewire every tie, then combine those that now say the same thing between the same pair.
    // Only ties of the merged actors can change or come to say the same thing: after the
    // merge, the two have the survivor at one end. The others are neither copied nor keyed.
    let involved_ids = super::scan::IdSet::new(others.iter().map(String::as_str).chain([survivor]));
    let involved = |id: &str| involved_ids.contains(id);
    let mut result: Vec<Tie> = Vec::new();
    let mut deleted: Vec<(usize, String)> = Vec::new();
    let mut by_key: HashMap<(String, String, String, bool), usize> = HashMap::new();
    let mut changed: Vec<bool> = Vec::new();
    let mut result_places: Vec<usize> = Vec::new();
    let involved = super::scan::marks(&data.ties, |t| involved(&t.from) || involved(&t.to));
    let ties = data.ties.iter().enumerate().zip(involved);
    for ((place, tie), _) in ties.filter(|(_, involved)| *involved) {
        let mut t = tie.clone();
        t.from = rewire(&t.from);
        t.to = rewire(&t.to);
        let touched = t.from != tie.from || t.to != tie.to;
        let (a, b) = if t.directed || t.from <= t.to {
            (t.from.clone(), t.to.clone())
        } else {
            (t.to.clone(), t.from.clone())
        };
        let key = (a, b, format!("{:?}", t.kind), t.directed);
        match by_key.get(&key) {
            Some(&first) if touched || changed[first] => {
                for x in t.excerpts {
                    let same = |y: &crate::model::Excerpt| {
                        y.source == x.source && y.start == x.start && y.end == x.end
                    };
                    if !result[first].excerpts.iter().any(same) {
                        result[first].excerpts.push(x);
                    }
                }
                changed[first] = true;
                deleted.push((place, t.id));
            }
            _ => {
                by_key.entry(key).or_insert(result.len());
                result.push(t);
                result_places.push(place);
                changed.push(touched);
            }
        }
    }

    // The rewired ties are replaced where they are, without looking for them.
    let mut edits = Vec::new();
    let replaced: Vec<(usize, Tie)> = result_places
        .into_iter()
        .zip(result)
        .zip(changed)
        .filter(|(_, changed)| *changed)
        .map(|(placed, _)| placed)
        .collect();
    if !replaced.is_empty() {
        edits.push(Edit::ReplaceTies { ties: replaced });
    }
    // The combined ties go by place: one pass over the list, and back in one on undo.
    if !deleted.is_empty() {
        edits.push(Edit::Remove {
            label: "combine ties".into(),
            actors: Vec::new(),
            ties: deleted,
        });
    }
    edits.push(Edit::UpdateActor { actor: merged });
    // One pass over the ties checks that none is left on any of the merged actors.
    let merged_away: Vec<String> = others
        .iter()
        .filter(|id| id.as_str() != survivor)
        .cloned()
        .collect();
    if !merged_away.is_empty() {
        edits.push(Edit::DeleteActors { ids: merged_away });
    }
    let count = others.iter().filter(|id| id.as_str() != survivor).count();
    Ok(Edit::Batch {
        label: format!(
            "merge {count} actor{} into '{}'",
            if count == 1 { "" } else { "s" },
            keep.name
        ),
        edits,
    })
}
