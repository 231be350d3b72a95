//! Saving large maps in the background: the dataset is copied, then serialised, written and
//! synced on a worker thread, so the window never waits for the disk. Small maps save at once.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, TryRecvError};

use crate::io::{json, SaveError};
use crate::model::Dataset;

/// Maps with at least this many actors and ties together save in the background.
pub const BACKGROUND_FROM_ELEMENTS: usize = 20_000;

/// A save running on a worker thread.
pub struct SaveJob {
    pub path: PathBuf,
    /// The document's revision when it was copied: the saved state.
    pub revision: u64,
    receiver: Receiver<Result<(), SaveError>>,
}

impl SaveJob {
    pub fn start(data: Dataset, path: &Path, revision: u64, wake: Box<dyn Fn() + Send>) -> Self {
        let (sender, receiver) = channel();
        let target = path.to_owned();
        std::thread::spawn(move || {
            let _ = sender.send(json::save_file(&target, &data));
            wake();
        });
        Self {
            path: path.to_owned(),
            revision,
            receiver,
        }
    }

    /// The result once the worker is done; never blocks.
    pub fn poll(&self) -> Option<Result<(), SaveError>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(SaveError::Write {
                path: self.path.clone(),
                source: std::io::Error::other("the saving thread stopped unexpectedly"),
            })),
        }
    }
}
