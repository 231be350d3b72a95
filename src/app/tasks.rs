//! The one runner for background work: [`Task::start`] runs a named job on a worker thread and
//! gives it a [`Control`] to report progress and see a cancellation; its result comes back over
//! a channel, and the window is woken when it does. A job that panics, or whose thread could not
//! start or went away, is reported as a failure with the job's name, never as an empty result.
//! Jobs never touch the app's state: the frame loop polls them and applies what they return.
//!
//! A job that streams ([`StreamingTask::start`]) is the same task with two more channels: it
//! offers updates to the window through its [`Stream`] (a few at most wait, so a window that
//! is not drawing never piles them up), and takes the window's commands from it while it runs.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender, TryRecvError};
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

    /// Whether the job was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.control.is_cancelled()
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

/// Updates a streaming job may have waiting for the window before it drops new ones.
const UPDATES_WAITING: usize = 2;

/// What the window sends a streaming job: a command, or word that the job was cancelled (so
/// that a job waiting for a command wakes up).
enum Inbound<C> {
    Command(C),
    Cancelled,
}

/// A streaming job's ends of its channels: updates out to the window, commands in from it.
pub struct Stream<U, C> {
    updates: SyncSender<U>,
    commands: Receiver<Inbound<C>>,
    wake: Waker,
}

impl<U, C> Stream<U, C> {
    /// Offers an update to the window and wakes it. Returns false, dropping the update, while
    /// the window has not yet taken the ones before it, or once it has dropped the task.
    pub fn offer(&self, update: U) -> bool {
        let sent = self.updates.try_send(update).is_ok();
        if sent {
            (self.wake)();
        }
        sent
    }

    /// The next command that has arrived, without waiting; `None` when none has, or once the
    /// job is cancelled.
    pub fn next_command(&self) -> Option<C> {
        match self.commands.try_recv() {
            Ok(Inbound::Command(command)) => Some(command),
            Ok(Inbound::Cancelled) | Err(_) => None,
        }
    }

    /// Waits for the next command; `None` once the job is cancelled or the window dropped it.
    pub fn wait_command(&self) -> Option<C> {
        match self.commands.recv() {
            Ok(Inbound::Command(command)) => Some(command),
            Ok(Inbound::Cancelled) | Err(_) => None,
        }
    }
}

/// A task that streams updates `U` to the window and takes commands `C` while it runs, then
/// ends with a result `T` like any task. Dropping it cancels the job.
pub struct StreamingTask<T, U, C> {
    task: Task<T>,
    updates: Receiver<U>,
    commands: Sender<Inbound<C>>,
}

impl<T: Send + 'static, U: Send + 'static, C: Send + 'static> StreamingTask<T, U, C> {
    /// Runs `work` as a [`Task`] named `name`, with its [`Stream`]; `wake` is called for each
    /// update taken by the channel and when the job is done.
    pub fn start(
        name: impl Into<String>,
        wake: Waker,
        work: impl FnOnce(&Control, &Stream<U, C>) -> T + Send + 'static,
    ) -> Self {
        let (update_sender, updates) = sync_channel(UPDATES_WAITING);
        let (commands, command_receiver) = channel();
        let stream = Stream {
            updates: update_sender,
            commands: command_receiver,
            wake: Arc::clone(&wake),
        };
        let task = Task::start(name, wake, move |control| work(control, &stream));
        Self {
            task,
            updates,
            commands,
        }
    }
}

impl<T, U, C> StreamingTask<T, U, C> {
    /// The newest update that arrived since the last call (older ones are skipped); never
    /// blocks.
    pub fn latest_update(&self) -> Option<U> {
        self.updates.try_iter().last()
    }

    /// Sends the job a command; one sent after the job ended is dropped.
    pub fn send(&self, command: C) {
        let _ = self.commands.send(Inbound::Command(command));
    }

    /// Asks the job to stop, waking it if it waits for a command.
    pub fn cancel(&self) {
        self.task.cancel();
        let _ = self.commands.send(Inbound::Cancelled);
    }

    /// The job's result, as [`Task::poll`].
    pub fn poll(&self) -> Outcome<T> {
        self.task.poll()
    }

    /// The task itself: its name, time and progress.
    pub fn task(&self) -> &Task<T> {
        &self.task
    }
}

impl<T, U, C> Drop for StreamingTask<T, U, C> {
    fn drop(&mut self) {
        self.cancel();
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
