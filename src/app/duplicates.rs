//! The search for possible duplicates, run as a task while its window is open (tens of
//! milliseconds on a map of tens of thousands of actors), again whenever the map's actors or
//! ties change, or the pairs marked as two actors do. The worker shares the dataset; edits wait the moment it takes.

use std::sync::Arc;

use super::running::Job;
use super::tasks::{self, Outcome, Task};
use super::{AppState, Window};
use crate::edit::{possible_duplicates, PossibleDuplicate};

/// Pairs of actors that look like the same actor, with why, strongest first.
pub type Pairs = Vec<PossibleDuplicate>;

/// What a search depends on: the document's structure generation, and a hash of the pairs
/// marked as two actors.
pub type SearchKey = (u64, u64);

/// The key of a search of the document as it is now.
pub fn search_key(doc: &super::Document) -> SearchKey {
    use std::hash::BuildHasher;
    let dismissed = foldhash::fast::FixedState::with_seed(7).hash_one(&doc.data.not_duplicates);
    (doc.structure_generation(), dismissed)
}

/// One search, for one state of the document.
pub struct DuplicateSearch {
    /// What was searched (see [`search_key`]).
    pub generation: SearchKey,
    /// The pairs once found, or why the search failed.
    pub found: Option<Result<Pairs, String>>,
    task: Option<Task<Pairs>>,
}

impl DuplicateSearch {
    /// Stops the search, if it is still running.
    pub fn cancel(&self) {
        if let Some(task) = &self.task {
            task.cancel();
        }
    }
}

/// Starts a search when the window is open and none covers the document as it is now, and
/// takes the result of a finished one. Called once per frame.
pub fn keep_up(state: &mut AppState, ctx: &egui::Context) {
    if !state.windows.contains(&Window::Duplicates) {
        if let Some(search) = state.tasks.take_duplicates() {
            search.cancel();
        }
        return;
    }
    let generation = search_key(&state.doc);
    if state
        .tasks
        .duplicates()
        .is_none_or(|s| s.generation != generation)
    {
        let data = Arc::clone(&state.doc.data);
        let task = Task::start(
            "Looking for possible duplicates",
            tasks::waker(ctx),
            move |_| possible_duplicates(&data),
        );
        state.tasks.put(Job::Duplicates(DuplicateSearch {
            generation,
            found: None,
            task: Some(task),
        }));
    }
    if let Some(search) = state.tasks.duplicates_mut() {
        let outcome = search.task.as_ref().map(Task::poll);
        match outcome {
            Some(Outcome::Finished(pairs)) => search.found = Some(Ok(pairs)),
            Some(Outcome::Failed(message)) => search.found = Some(Err(message)),
            Some(Outcome::Running) | None => return,
        }
        search.task = None;
    }
}
