//! Merging actors: the batch is built on a worker thread from the shared dataset (on a large
//! map that reads every tie's ends, several milliseconds), then applied on the window's thread
//! when it comes back. Edits asked for meanwhile wait for it, in order, as they do for a
//! background save.

use std::sync::Arc;

use super::tasks::{self, Outcome, Task};
use super::{dispatch_edit, AppState, Selection};
use crate::edit::{merge_actors, Edit, EditError};

/// One merge being built.
pub struct MergeJob {
    /// The document's structure generation the batch is built for: the result applies only
    /// to that state (another document opened meanwhile drops it).
    pub generation: u64,
    /// The actor that stays, selected once the merge is applied.
    pub survivor: String,
    pub task: Task<Result<Edit, EditError>>,
}

impl MergeJob {
    /// Starts building the batch that merges `others` into `survivor`.
    pub fn start(
        state: &AppState,
        survivor: String,
        others: Vec<String>,
        ctx: &egui::Context,
    ) -> Self {
        let data = Arc::clone(&state.doc.data);
        let keep = survivor.clone();
        let task = Task::start("Merging", tasks::waker(ctx), move |_| {
            let batch = merge_actors(&data, &keep, &others);
            // The dataset is released before the result is seen, so that it applies at once.
            drop(data);
            batch
        });
        Self {
            generation: state.doc.structure_generation(),
            survivor,
            task,
        }
    }
}

/// Applies a merge whose batch came back, to the state it was built for (a document opened
/// meanwhile drops it); edits asked for meanwhile were held and come after it. Called once per
/// frame, before this frame's actions.
pub fn finish(state: &mut AppState) {
    let result = match state.tasks.merging().map(|job| job.task.poll()) {
        None | Some(Outcome::Running) => return,
        Some(Outcome::Finished(result)) => result,
        Some(Outcome::Failed(message)) => Err(EditError::Invalid(message)),
    };
    let Some(job) = state.tasks.take_merging() else {
        return;
    };
    if state.doc.structure_generation() != job.generation {
        return;
    }
    match result {
        Ok(edit) => {
            if dispatch_edit::apply(state, edit) {
                state.selection = Selection::Actor(job.survivor);
            }
        }
        Err(e) => state.error("Could not merge", vec![e.to_string()]),
    }
}
