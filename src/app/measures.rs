//! The measures actors are sized and coloured by (degree, weighted degree, betweenness,
//! PageRank; Louvain communities), computed on the task runner from the map's graph (an owned
//! copy, so edits never wait for it), again after each change of the map's structure.

use std::sync::Arc;

use super::explore::Measures;
use super::running::Job;
use super::state::AppState;
use super::tasks::{self, Outcome, Task};
use crate::analysis::{betweenness, communities, metrics, MapGraph, Metric};

/// What a computation returns: the values of a measure, the communities, and the structure
/// generation they are for.
pub struct Computed {
    pub structure: u64,
    pub values: Option<(Metric, Vec<f64>)>,
    pub communities: Option<Vec<usize>>,
}

/// A running computation of measures.
pub struct MeasuresJob {
    pub task: Task<Option<Computed>>,
    /// What it computes: the measure, communities, for which structure generation.
    pub asked: (Option<Metric>, bool, u64),
}

/// The values of a measure over the map.
pub fn values(graph: &MapGraph, metric: Metric, control: &tasks::Control) -> Option<Vec<f64>> {
    match metric {
        Metric::Degree => Some(metrics::degree(graph)),
        Metric::WeightedDegree => Some(metrics::weighted_degree(graph)),
        Metric::PageRank => Some(metrics::page_rank(graph)),
        Metric::Betweenness => {
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
            let progress = |p: f32| control.set_progress(p);
            let cancelled = || control.is_cancelled();
            betweenness::betweenness(graph, threads, &progress, &cancelled)
        }
    }
}

/// Starts a computation when the measures asked for are missing for the map as it is now,
/// and none that would give them runs.
pub fn keep_up(state: &mut AppState, ctx: &egui::Context) {
    let structure = state.doc.structure_generation();
    let explore = &state.explore;
    let metric = explore.size_by.filter(
        |m| !matches!(&explore.measures.values, Some((have, s, _)) if have == m && *s == structure),
    );
    let communities = explore.colour_communities
        && !matches!(&explore.measures.communities, Some((s, _)) if *s == structure);
    if metric.is_none() && !communities {
        return;
    }
    let asked = (metric, communities, structure);
    if state.tasks.measures().is_some_and(|job| job.asked == asked) {
        return;
    }
    let Some(graph) = explore.graph_for(state.doc.id(), structure).cloned() else {
        return;
    };
    let name = match metric {
        Some(m) => format!("Computing {}", m.label()),
        None => "Finding communities".to_owned(),
    };
    let task = Task::start(name, tasks::waker(ctx), move |control| {
        let values = match metric {
            Some(m) => Some((m, values(&graph, m, control)?)),
            None => None,
        };
        let communities = communities.then(|| communities::louvain(&graph));
        Some(Computed {
            structure,
            values,
            communities,
        })
    });
    state.tasks.put(Job::Measures(MeasuresJob { task, asked }));
}

/// Takes the result of a finished computation; a failed one is reported.
pub fn poll(state: &mut AppState, ctx: &egui::Context) {
    carry_over_edits(state);
    let outcome = match state.tasks.measures() {
        Some(job) => job.task.poll(),
        None => {
            keep_up(state, ctx);
            return;
        }
    };
    match outcome {
        Outcome::Running => {}
        Outcome::Finished(computed) => {
            state.tasks.take_measures();
            if let Some(c) = computed {
                let measures: &mut Measures = &mut state.explore.measures;
                if let Some((m, v)) = c.values {
                    measures.values = Some((m, c.structure, Arc::new(v)));
                    measures.values_at = c.structure;
                }
                if let Some(v) = c.communities {
                    measures.communities = Some((c.structure, Arc::new(v)));
                    measures.communities_at = c.structure;
                }
            }
            keep_up(state, ctx);
        }
        Outcome::Failed(message) => {
            state.tasks.take_measures();
            state.explore.size_by = None;
            state.explore.colour_communities = false;
            state.error("Could not compute the measures", vec![message]);
        }
    }
}

/// Carries the last values and communities over the structural edits made since, to the
/// actors' places now (new actors get 0 and no community), so that the map keeps its sizes and
/// colours while they are computed again.
fn carry_over_edits(state: &mut AppState) {
    use crate::edit::replay::{carry, replay, List};
    let structure = state.doc.structure_generation();
    let actors = state.doc.data.actors.len();
    let slots_since = |at: u64, len: usize| {
        let changes = state.doc.changes_since(at)?;
        replay(len, &changes, List::Actors).filter(|slots| slots.len() == actors)
    };
    let measures = &state.explore.measures;
    let values = match &measures.values {
        Some((m, s, v)) if measures.values_at != structure => {
            slots_since(measures.values_at, v.len())
                .map(|slots| (*m, *s, Arc::new(carry(&slots, v, 0.0))))
        }
        _ => None,
    };
    let communities = match &measures.communities {
        Some((s, c)) if measures.communities_at != structure => {
            slots_since(measures.communities_at, c.len())
                .map(|slots| (*s, Arc::new(carry(&slots, c, usize::MAX))))
        }
        _ => None,
    };
    let measures = &mut state.explore.measures;
    if let Some(v) = values {
        measures.values = Some(v);
        measures.values_at = structure;
    }
    if let Some(c) = communities {
        measures.communities = Some(c);
        measures.communities_at = structure;
    }
}
