//! Opening large files in the background: reading, parsing and validating run on a worker
//! thread while the window stays responsive, shows progress and can cancel. Small files open at
//! once.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::time::Instant;

use crate::io::json::{self, Loaded};
use crate::io::LoadError;

/// Files up to this size open on the spot; larger ones in the background.
pub const BACKGROUND_FROM_BYTES: u64 = 1024 * 1024;

/// A file being opened on a worker thread.
pub struct LoadJob {
    pub path: PathBuf,
    pub size: u64,
    pub started: Instant,
    receiver: Receiver<Result<Loaded, LoadError>>,
}

impl LoadJob {
    /// Starts opening `path`; `wake` is called when the result is ready.
    pub fn start(path: &Path, size: u64, wake: Box<dyn Fn() + Send>) -> Self {
        let (sender, receiver) = channel();
        let owned = path.to_owned();
        std::thread::spawn(move || {
            let result = json::load(&owned);
            // The job may have been cancelled; then nobody listens any more.
            let _ = sender.send(result);
            wake();
        });
        Self {
            path: path.to_owned(),
            size,
            started: Instant::now(),
            receiver,
        }
    }

    /// The result, once the worker is done; never blocks.
    pub fn poll(&self) -> Option<Result<Loaded, LoadError>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(LoadError::Read {
                path: self.path.clone(),
                source: std::io::Error::other("the reading thread stopped unexpectedly"),
            })),
        }
    }
}
