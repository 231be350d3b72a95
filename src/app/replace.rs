//! The one way the open document is replaced: New, Open, Open sample, Restore and the imports to
//! come all go through [`replace_document`]. Work that reads the old document is cancelled, or
//! (a save of it) left to finish without touching the new one; selection, reader, prompts,
//! windows and view are reset the same way every time.

use super::action::{Selection, Window};
use super::document::Document;
use super::state::AppState;

/// Makes `doc` the open document.
pub fn replace_document(state: &mut AppState, doc: Document) {
    // Work whose result would change the new document.
    if let Some(layout) = &mut state.layout {
        layout.cancel();
    }
    state.layout = None;
    state.quick_layout = None;
    state.merging = None;
    state.duplicates = None;
    // A file still opening in the background would replace this one when it arrives.
    state.loading = None;
    // A save of the old document (`state.saving`) goes on: it writes what the user asked to
    // save, and is known by the old document's id when it reports.
    state.doc = doc;
    state.selection = Selection::None;
    state.fresh_actor = None;
    state.placeholder_ids.clear();
    state.reader = None;
    state.hidden = Default::default();
    state.overwrite_prompt = None;
    state
        .windows
        .retain(|w| !matches!(w, Window::NewTieFromSelection { .. }));
    state.view.request_fit();
}
