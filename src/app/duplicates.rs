//! The search for possible duplicates, run on a worker thread while its window is open (tens of
//! milliseconds on a map of tens of thousands of actors), again whenever the map's actors or
//! ties change. The worker shares the dataset; edits wait the moment it takes.

use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::sync::Arc;

use super::{AppState, Window};
use crate::edit::possible_duplicates;

/// Pairs of actor indices that look like the same actor, with the name that matched.
pub type Pairs = Vec<(usize, usize, String)>;

/// One search, for one state of the document.
pub struct DuplicateSearch {
    /// The document's structure generation that was searched.
    pub generation: u64,
    /// The pairs, once found.
    pub found: Option<Pairs>,
    receiver: Option<Receiver<Pairs>>,
}

/// Starts a search when the window is open and none covers the document as it is now, and
/// takes the result of a finished one. Called once per frame.
pub fn keep_up(state: &mut AppState, ctx: &egui::Context) {
    if !state.windows.contains(&Window::Duplicates) {
        state.duplicates = None;
        return;
    }
    let generation = state.doc.structure_generation();
    if state
        .duplicates
        .as_ref()
        .is_none_or(|s| s.generation != generation)
    {
        let (sender, receiver) = channel();
        let data = Arc::clone(&state.doc.data);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let pairs = possible_duplicates(&data);
            drop(data);
            let _ = sender.send(pairs);
            ctx.request_repaint();
        });
        state.duplicates = Some(DuplicateSearch {
            generation,
            found: None,
            receiver: Some(receiver),
        });
    }
    if let Some(search) = &mut state.duplicates {
        let received = search.receiver.as_ref().map(Receiver::try_recv);
        match received {
            Some(Ok(pairs)) => {
                search.found = Some(pairs);
                search.receiver = None;
            }
            Some(Err(TryRecvError::Disconnected)) => {
                search.found = Some(Vec::new());
                search.receiver = None;
            }
            Some(Err(TryRecvError::Empty)) | None => {}
        }
    }
}
