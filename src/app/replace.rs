//! The one way the open document is replaced: New, Open, Open sample, Restore and the imports to
//! come all go through [`replace_document`]. Work that reads the old document is cancelled, or
//! (a save of it) left to finish without touching the new one; selection, reader, prompts,
//! windows and view are reset the same way every time.

use super::action::{Selection, Window};
use super::document::Document;
use super::state::AppState;

/// Makes `doc` the open document.
pub fn replace_document(state: &mut AppState, doc: Document) {
    // Each task says whether it works for the open document (`Job::works_for_open_document`):
    // a layout, a merge, the duplicates search, a file still opening (it would replace this
    // one when it arrives). A save of the old document goes on.
    state.tasks.stop_work_for_open_document();
    state.doc = doc;
    state.selection = Selection::None;
    state.fresh_actor = None;
    state.placeholder_ids.clear();
    state.recent_actors.clear();
    state.second_tie = None;
    state.reader = None;
    state.hidden = Default::default();
    state.overwrite_prompt = None;
    state
        .windows
        .retain(|w| !matches!(w, Window::NewTieFromSelection { .. }));
    state.view.request_fit();
}
