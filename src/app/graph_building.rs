//! The explore graph (`MapGraph`) of the open document, kept up to date while explore uses it:
//! built at once on a small map, on the task runner on a large one (20 ms at 30,000 ties, 0.1 s
//! at 100,000), so that a structural edit never costs a frame the rebuild. Until the new graph
//! arrives, what the old one found stays shown, carried over the edit (`visibility::refresh`);
//! a graph that comes back for an older structure is dropped. The worker shares the dataset
//! only while it reads it, and an edit asked for meanwhile stops it: edits wait a frame, not
//! the build.

use std::sync::Arc;

use super::running::Job;
use super::state::AppState;
use super::tasks::{self, Outcome, Task};
use crate::analysis::MapGraph;

/// Maps with fewer ties than this get their graph on the window's thread (a millisecond or two).
pub const IN_BACKGROUND_FROM: usize = 3_000;

/// A graph being built, for the document and structure generation it is for.
pub struct GraphJob {
    /// `None` when it stopped for an edit.
    pub task: Task<Option<MapGraph>>,
    pub key: (u64, u64),
}

/// Starts building the graph when it is missing for the document as it is now, or takes the
/// one a finished task built.
pub fn keep_up(state: &mut AppState, ctx: &egui::Context) {
    let key = (state.doc.id(), state.doc.structure_generation());
    if state.explore.graph_for(key.0, key.1).is_some() || state.explore.graph_failed == Some(key) {
        return;
    }
    if let Some(job) = state.tasks.map_graph() {
        let outcome = if job.key == key {
            job.task.poll()
        } else {
            Outcome::Finished(None) // for an older structure: dropped below
        };
        match outcome {
            Outcome::Running => return,
            Outcome::Finished(Some(graph)) => {
                state.tasks.take_map_graph();
                state.explore.graph = Some((key.0, key.1, Arc::new(graph)));
                return;
            }
            Outcome::Finished(None) => {
                if let Some(job) = state.tasks.take_map_graph() {
                    job.task.cancel();
                }
            }
            Outcome::Failed(message) => {
                state.tasks.take_map_graph();
                state.explore.graph_failed = Some(key);
                state.error(
                    "Could not prepare the map for filters and paths",
                    vec![message],
                );
                return;
            }
        }
    }
    if state.explore.graph_gave_way == Some(state.doc.generation()) {
        return; // an edit is waiting to apply; the build starts again after it
    }
    if state.doc.data.ties.len() < IN_BACKGROUND_FROM {
        let graph = Arc::new(MapGraph::build(&state.doc.data));
        state.explore.graph = Some((key.0, key.1, graph));
        return;
    }
    let data = Arc::clone(&state.doc.data);
    let task = Task::start(
        "Preparing the map for explore",
        tasks::waker(ctx),
        move |control| {
            let read = MapGraph::read(&data, &|| control.is_cancelled());
            drop(data);
            read.map(MapGraph::linked)
        },
    );
    state.tasks.put(Job::MapGraph(GraphJob { task, key }));
}

/// Whether the graph of the document as it is now is being built.
pub fn is_building(state: &AppState) -> bool {
    let key = (state.doc.id(), state.doc.structure_generation());
    state.tasks.map_graph().is_some_and(|job| job.key == key)
}

/// An edit is waiting while the graph's worker reads the document: the worker stops (letting go
/// of the dataset within a thousand ties), and the build starts again once the document has
/// changed.
pub fn give_way_to_edits(state: &mut AppState) {
    if let Some(job) = state.tasks.map_graph() {
        job.task.cancel();
        state.explore.graph_gave_way = Some(state.doc.generation());
    }
}

/// Builds the graph on the window's thread when the document has none at all yet (Play asked
/// for before anything else in explore needed it).
pub fn build_now_if_none(state: &mut AppState) {
    let (document, structure) = (state.doc.id(), state.doc.structure_generation());
    if state.explore.latest_graph(document).is_none() {
        let graph = Arc::new(MapGraph::build(&state.doc.data));
        state.explore.graph = Some((document, structure, graph));
    }
}
