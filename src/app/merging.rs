//! Merging actors: the batch is built on a worker thread from the shared dataset (on a large
//! map that reads every tie's ends, several milliseconds), then applied on the window's thread
//! when it comes back. Edits asked for meanwhile wait for it, in order, as they do for a
//! background save.

use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::sync::Arc;

use super::{dispatch_edit, AppState, Selection};
use crate::edit::{merge_actors, Edit, EditError};

/// One merge being built.
pub struct MergeJob {
    /// The document's structure generation the batch is built for: the result applies only
    /// to that state (another document opened meanwhile drops it).
    pub generation: u64,
    /// The actor that stays, selected once the merge is applied.
    pub survivor: String,
    receiver: Receiver<Result<Edit, EditError>>,
}

impl MergeJob {
    /// Starts building the batch that merges `others` into `survivor`.
    pub fn start(
        state: &AppState,
        survivor: String,
        others: Vec<String>,
        ctx: &egui::Context,
    ) -> Self {
        let (sender, receiver) = channel();
        let data = Arc::clone(&state.doc.data);
        let ctx = ctx.clone();
        let keep = survivor.clone();
        std::thread::spawn(move || {
            let batch = merge_actors(&data, &keep, &others);
            // The dataset is released before the result is seen, so that it applies at once.
            drop(data);
            let _ = sender.send(batch);
            ctx.request_repaint();
        });
        Self {
            generation: state.doc.structure_generation(),
            survivor,
            receiver,
        }
    }

    /// The batch once built (or why it could not be); `None` while the worker runs.
    pub fn poll(&self) -> Option<Result<Edit, EditError>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(EditError::Invalid(
                "the merge stopped before it was ready".into(),
            ))),
        }
    }
}

/// Applies a merge whose batch came back, to the state it was built for (a document opened
/// meanwhile drops it); edits asked for meanwhile were held and come after it. Called once per
/// frame, before this frame's actions.
pub fn finish(state: &mut AppState) {
    let Some(result) = state.merging.as_ref().and_then(MergeJob::poll) else {
        return;
    };
    let Some(job) = state.merging.take() else {
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
