//! The search index of the open document, kept up to date while search is open: built at once
//! on a small map, on the task runner on a large one (a third of a second at 30,000 ties),
//! while the search window says so. The worker shares the dataset only while it reads it, and
//! an edit asked for meanwhile stops it (the index would be out of date the moment the edit
//! applies): edits wait a frame, not the whole build.

use std::sync::Arc;

use super::running::Job;
use super::state::AppState;
use super::tasks::{self, Outcome, Task};
use crate::analysis::{IndexReading, SearchIndex};

/// Maps with fewer ties than this are indexed on the window's thread (a few milliseconds).
pub const IN_BACKGROUND_FROM: usize = 3_000;

/// An index being built, for the document and structure generation it is for.
pub struct IndexJob {
    /// `None` when it stopped for an edit.
    pub task: Task<Option<SearchIndex>>,
    pub key: (u64, u64),
}

/// Starts building the index when it is missing for the document as it is now, or takes the
/// one a finished task built.
pub fn keep_up(state: &mut AppState, ctx: &egui::Context) {
    let key = (state.doc.id(), state.doc.structure_generation());
    let current = state
        .explore
        .search_index
        .as_ref()
        .is_some_and(|(d, s, _)| (*d, *s) == key);
    if current {
        return;
    }
    if let Some(job) = state.tasks.search_index() {
        if job.key == key {
            match job.task.poll() {
                Outcome::Running => return,
                Outcome::Finished(Some(index)) => {
                    state.tasks.take_search_index();
                    state.explore.search_index = Some((key.0, key.1, Arc::new(index)));
                    return;
                }
                Outcome::Finished(None) => {
                    state.tasks.take_search_index();
                }
                Outcome::Failed(message) => {
                    state.tasks.take_search_index();
                    state.explore.search_open = false;
                    state.error("Could not index the map for search", vec![message]);
                    return;
                }
            }
        }
    }
    if state.explore.index_gave_way == Some(state.doc.generation()) {
        return; // an edit is waiting to apply; indexing starts again after it
    }
    if state.doc.data.ties.len() < IN_BACKGROUND_FROM {
        let index = Arc::new(SearchIndex::build(&state.doc.data));
        state.explore.search_index = Some((key.0, key.1, index));
        return;
    }
    let data = Arc::clone(&state.doc.data);
    let task = Task::start(
        "Indexing the map for search",
        tasks::waker(ctx),
        move |control| {
            let reading = IndexReading::read(&data, &|| control.is_cancelled());
            drop(data);
            reading.map(SearchIndex::from_reading)
        },
    );
    state.tasks.put(Job::SearchIndex(IndexJob { task, key }));
}

/// Whether the index of the document as it is now is being built.
pub fn is_indexing(state: &AppState) -> bool {
    let key = (state.doc.id(), state.doc.structure_generation());
    state.tasks.search_index().is_some_and(|job| job.key == key)
}

/// An edit is waiting while the index's worker reads the document: the worker stops (letting go
/// of the dataset within a thousand elements), and indexing starts again once the document has
/// changed.
pub fn give_way_to_edits(state: &mut AppState) {
    if let Some(job) = state.tasks.search_index() {
        job.task.cancel();
        state.explore.index_gave_way = Some(state.doc.generation());
    }
}
