//! The one runner for background work: [`Task::start`] runs a named job on a worker thread and
//! gives it a [`Control`] to report progress and see a cancellation; its result comes back over
//! a channel, and the window is woken when it does. A job that panics, or whose thread could not
//! start or went away, is reported as a failure with the job's name, never as an empty result.
//! Jobs never touch the app's state: the frame loop polls them and applies what they return.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Wakes the window (asks for a repaint) when a job reports.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A waker that repaints `ctx`.
pub fn waker(ctx: &egui::Context) -> Waker {
    let ctx = ctx.clone();
    Arc::new(move || ctx.request_repaint())
}

/// What a running job shares with the window: a cancellation flag and its progress.
#[derive(Default)]
pub struct Control {
    cancelled: AtomicBool,
    /// The fraction done, as `f32` bits; [`NO_PROGRESS`] while none was reported.
    progress: AtomicU32,
}

/// `progress` before any report (not a valid fraction's bits as written by `set_progress`).
const NO_PROGRESS: u32 = u32::MAX;

impl Control {
    fn new() -> Self {
        Self {
            cancelled: AtomicBool::new(false),
            progress: AtomicU32::new(NO_PROGRESS),
        }
    }

    /// Whether the user cancelled the job: a job that can stop early checks this.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Reports the fraction of the job done, from 0 to 1.
    pub fn set_progress(&self, done: f32) {
        let done = if done.is_finite() {
            done.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.progress.store(done.to_bits(), Ordering::Relaxed);
    }
}

/// How a task stands.
#[derive(Debug, PartialEq)]
pub enum Outcome<T> {
    Running,
    Finished(T),
    /// The job panicked, or its thread could not start or went away; the message says so.
    Failed(String),
}

/// A named job running on a worker thread.
pub struct Task<T> {
    name: String,
    started: Instant,
    control: Arc<Control>,
    receiver: Receiver<Result<T, String>>,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a worker thread named after the job; `wake` is called once it is done.
    pub fn start(
        name: impl Into<String>,
        wake: Waker,
        work: impl FnOnce(&Control) -> T + Send + 'static,
    ) -> Self {
        let name = name.into();
        let control = Arc::new(Control::new());
        let (sender, receiver) = channel();
        let job = {
            let (control, sender, name) = (Arc::clone(&control), sender.clone(), name.clone());
            move || {
                let result = catch_unwind(AssertUnwindSafe(|| work(&control))).map_err(|panic| {
                    format!(
                        "{name} stopped on an internal error: {}",
                        panic_text(&*panic)
                    )
                });
                let _ = sender.send(result);
                wake();
            }
        };
        let spawned = std::thread::Builder::new()
            .name(format!("relmap: {name}"))
            .spawn(job);
        if let Err(e) = spawned {
            let _ = sender.send(Err(format!("{name} could not start: {e}")));
        }
        Self {
            name,
            started: Instant::now(),
            control,
            receiver,
        }
    }
}

#[cfg(test)]
impl<T> Task<T> {
    /// A task that has already finished with `value`, for tests.
    pub fn finished(name: &str, value: T) -> Self {
        let (sender, receiver) = channel();
        let _ = sender.send(Ok(value));
        Self {
            name: name.to_owned(),
            started: Instant::now(),
            control: Arc::new(Control::new()),
            receiver,
        }
    }
}

impl<T> Task<T> {
    /// The result once the job is done; never blocks. After anything but `Running` the task is
    /// spent: drop it.
    pub fn poll(&self) -> Outcome<T> {
        match self.receiver.try_recv() {
            Ok(Ok(value)) => Outcome::Finished(value),
            Ok(Err(message)) => Outcome::Failed(message),
            Err(TryRecvError::Empty) => Outcome::Running,
            Err(TryRecvError::Disconnected) => {
                Outcome::Failed(format!("{} stopped unexpectedly", self.name))
            }
        }
    }

    /// Asks the job to stop; its result, if it still sends one, should be dropped.
    pub fn cancel(&self) {
        self.control.cancelled.store(true, Ordering::Relaxed);
    }

    /// What the job is doing, for the status bar ("Opening big.relmap.json").
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The fraction done, once the job has reported any.
    pub fn progress(&self) -> Option<f32> {
        let bits = self.control.progress.load(Ordering::Relaxed);
        (bits != NO_PROGRESS).then(|| f32::from_bits(bits))
    }

    /// How long the job has run.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// The message of a panic, when it has one.
fn panic_text(panic: &(dyn Any + Send)) -> String {
    if let Some(text) = panic.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = panic.downcast_ref::<String>() {
        text.clone()
    } else {
        "no message".to_owned()
    }
}

#[cfg(test)]
#[path = "tasks_tests.rs"]
mod tests;
