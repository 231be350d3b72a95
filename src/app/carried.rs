//! What explore found (which actors and ties show, the ties the filters left, the paths),
//! carried over structural edits to the new places of the actors and ties while the explore
//! graph is rebuilt in the background: new actors and ties show, removed ones drop out, and a
//! path that lost a step is dropped. The next compose, on the new graph, replaces it.

use crate::analysis::{Composed, Path, Shown, Step};
use crate::edit::replay::{carry as carry_by_place, new_places, replay, List};
use crate::edit::Change;
use crate::model::Dataset;

/// Above this many changes, carrying costs more than waiting for the new graph (each run of
/// changes is a pass over the lists).
const MOST_CHANGES: usize = 4_096;

/// `found` carried over `changes` to the places of `data`'s actors and ties; `None` when the
/// changes are too many or do not lead to `data`'s lists.
pub fn carry(found: &Composed, changes: &[Change], data: &Dataset) -> Option<Composed> {
    if changes.is_empty() {
        return Some(found.clone());
    }
    if changes.len() > MOST_CHANGES {
        return None;
    }
    let (old_actors, old_ties) = (found.shown.actors.len(), found.shown.ties.len());
    let actors = replay(old_actors, changes, List::Actors)?;
    let ties = replay(old_ties, changes, List::Ties)?;
    if actors.len() != data.actors.len() || ties.len() != data.ties.len() {
        return None;
    }
    let actor_now = new_places(&actors, old_actors);
    let tie_now = new_places(&ties, old_ties);
    let now = |places: &[Option<usize>], i: usize| places.get(i).copied().flatten();
    let paths = found
        .paths
        .iter()
        .filter_map(|path| {
            let steps = path
                .steps
                .iter()
                .map(|s| {
                    Some(Step {
                        tie: now(&tie_now, s.tie)?,
                        from: now(&actor_now, s.from)?,
                        to: now(&actor_now, s.to)?,
                        ..*s
                    })
                })
                .collect::<Option<Vec<Step>>>()?;
            Some(Path {
                steps,
                cost: path.cost,
            })
        })
        .collect();
    Some(Composed {
        shown: Shown {
            actors: carry_by_place(&actors, &found.shown.actors, true),
            ties: carry_by_place(&ties, &found.shown.ties, true),
        },
        filtered_ties: carry_by_place(&ties, &found.filtered_ties, true),
        paths,
        evidence: found.evidence.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{compose, MapGraph, PathQuery, PathWeight, PathsAsked};
    use crate::model::{Polarity, ViewState};
    use crate::sample::sample_dataset;

    #[test]
    fn hidden_ties_and_paths_follow_their_places_over_an_edit() {
        let mut data = sample_dataset();
        let graph = MapGraph::build(&data);
        let mut view = ViewState::default();
        view.filters.hide_polarities = vec![Polarity::Hostile];
        let place = |data: &Dataset, id: &str| data.actor_place(id).unwrap();
        let asked = PathsAsked {
            query: PathQuery {
                from: place(&data, "assad"),
                to: place(&data, "trump"),
                max_length: 4,
                count: 2,
                weight: PathWeight::Hops,
            },
            only: false,
        };
        let found = compose(&data, &graph, Shown::all(&graph), &view, Some(asked));
        assert!(!found.paths.is_empty());
        assert!(found.shown.ties.contains(&false));
        // The first tie goes, and a new one comes at the end.
        let gone = data.ties.remove(0);
        let mut new = data.ties[0].clone();
        new.id = "new".into();
        data.ties.push(new);
        data.forget_index();
        let last = data.ties.len() - 1;
        let changes = [Change::TieRemoved(0), Change::TieInserted(last)];
        let carried = carry(&found, &changes, &data).unwrap();
        let fresh_graph = MapGraph::build(&data);
        for (t, tie) in data.ties.iter().enumerate().take(last) {
            let before = graph_place(&sample_dataset(), &tie.id);
            assert_eq!(
                carried.shown.ties[t], found.shown.ties[before],
                "{}",
                tie.id
            );
        }
        assert!(carried.shown.ties[last], "a new tie shows");
        assert_eq!(carried.shown.ties.len(), fresh_graph.tie_count());
        for (path, old) in carried.paths.iter().zip(&found.paths) {
            for (step, old_step) in path.steps.iter().zip(&old.steps) {
                assert_eq!(
                    data.ties[step.tie].id,
                    sample_dataset().ties[old_step.tie].id
                );
            }
        }
        let used_gone = found
            .paths
            .iter()
            .filter(|p| p.steps.iter().any(|s| s.tie == 0))
            .count();
        assert_eq!(carried.paths.len(), found.paths.len() - used_gone);
        assert_eq!(gone.id, sample_dataset().ties[0].id);
    }

    fn graph_place(data: &Dataset, tie: &str) -> usize {
        data.tie_place(tie).unwrap()
    }

    #[test]
    fn changes_that_do_not_lead_to_the_dataset_are_not_carried() {
        let data = sample_dataset();
        let graph = MapGraph::build(&data);
        let found = compose(
            &data,
            &graph,
            Shown::all(&graph),
            &ViewState::default(),
            None,
        );
        assert!(carry(&found, &[Change::TieRemoved(0)], &data).is_none());
        assert_eq!(carry(&found, &[], &data).unwrap().shown, found.shown);
    }
}
