//! Runs a force layout on a worker thread: position snapshots stream to the UI over a channel (at
//! most about 30 a second), commands (pause, resume, cancel, drag, pin) go back over another.
//! The UI never blocks: [`LayoutJob::poll`] only drains what has arrived.

use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TryRecvError, TrySendError};
use std::time::{Duration, Instant};

use super::{ForceLayout, LayoutGraph, Settings, StepStats};

/// Least time between two snapshots.
const SNAPSHOT_INTERVAL: Duration = Duration::from_millis(33);

/// Called after each snapshot is sent, e.g. egui's `request_repaint`.
pub type Wake = Box<dyn Fn() + Send>;

/// Where the layout is: every node's position and the last step's statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub positions: Vec<[f32; 2]>,
    pub iteration: u64,
    pub stats: StepStats,
}

/// How a job ended. A final [`Snapshot`] always comes before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finished {
    /// The layout became still; false when cancelled or stopped at `max_iterations`.
    pub converged: bool,
    /// Stopped by [`LayoutJob::cancel`] or by dropping the job.
    pub cancelled: bool,
    pub iterations: u64,
}

enum Command {
    Pause,
    Resume,
    Cancel,
    Held(u32, Option<[f32; 2]>),
    Pinned(u32, bool),
}

enum Event {
    Snapshot(Snapshot),
    Finished(Finished),
}

/// A force layout running on its own thread. Dropping the job cancels it without waiting.
pub struct LayoutJob {
    commands: Sender<Command>,
    events: Receiver<Event>,
    finished: Option<Finished>,
    paused: bool,
    last_iteration: u64,
}

impl LayoutJob {
    /// Starts laying out `graph` on a new thread.
    pub fn start(graph: LayoutGraph, settings: Settings) -> Self {
        Self::start_with_wake(graph, settings, None)
    }

    /// Like [`LayoutJob::start`], calling `wake` after each snapshot and after finishing.
    pub fn start_with_wake(graph: LayoutGraph, settings: Settings, wake: Option<Wake>) -> Self {
        Self::start_building(move || graph, settings, wake)
    }

    /// Like [`LayoutJob::start_with_wake`], building the graph first on the worker thread
    /// (building it from a large dataset takes longer than a frame).
    pub fn start_building(
        build: impl FnOnce() -> LayoutGraph + Send + 'static,
        settings: Settings,
        wake: Option<Wake>,
    ) -> Self {
        let (commands, command_rx) = mpsc::channel();
        // Room for two snapshots: the worker skips one rather than queue up while the UI is idle.
        let (event_tx, events) = mpsc::sync_channel(2);
        let spawned = std::thread::Builder::new()
            .name("relmap-layout".into())
            .spawn(move || run(build(), settings, &command_rx, &event_tx, wake.as_deref()));
        let finished = spawned.is_err().then_some(Finished {
            converged: false,
            cancelled: true,
            iterations: 0,
        });
        Self {
            commands,
            events,
            finished,
            paused: false,
            last_iteration: 0,
        }
    }

    /// The newest snapshot that arrived since the last call, if any; never blocks.
    pub fn poll(&mut self) -> Option<Snapshot> {
        let mut latest = None;
        loop {
            match self.events.try_recv() {
                Ok(event) => self.take(event, &mut latest),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.lost();
                    break;
                }
            }
        }
        latest
    }

    /// Blocks until the job ends; returns the newest snapshot not yet polled and how it ended.
    pub fn wait(&mut self) -> (Option<Snapshot>, Finished) {
        let mut latest = None;
        while self.finished.is_none() {
            match self.events.recv() {
                Ok(event) => self.take(event, &mut latest),
                Err(_) => self.lost(),
            }
        }
        let finished = self.finished.unwrap_or(Finished {
            converged: false,
            cancelled: true,
            iterations: self.last_iteration,
        });
        (latest, finished)
    }

    fn take(&mut self, event: Event, latest: &mut Option<Snapshot>) {
        match event {
            Event::Snapshot(s) => {
                self.last_iteration = s.iteration;
                *latest = Some(s);
            }
            Event::Finished(f) => self.finished = Some(f),
        }
    }

    /// The worker went away without saying it finished (it panicked).
    fn lost(&mut self) {
        self.finished.get_or_insert(Finished {
            converged: false,
            cancelled: true,
            iterations: self.last_iteration,
        });
    }

    /// How the job ended, once [`LayoutJob::poll`] or [`LayoutJob::wait`] has seen it end.
    pub fn finished(&self) -> Option<Finished> {
        self.finished
    }

    pub fn is_running(&self) -> bool {
        self.finished.is_none()
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    pub fn pause(&mut self) {
        self.paused = true;
        self.send(Command::Pause);
    }

    pub fn resume(&mut self) {
        self.paused = false;
        self.send(Command::Resume);
    }

    /// Stops the layout before its next step; a final snapshot and `Finished` follow.
    pub fn cancel(&self) {
        self.send(Command::Cancel);
    }

    /// Holds `node` at `at` while the user drags it (`Some`), or lets it go (`None`).
    pub fn set_held(&self, node: u32, at: Option<[f32; 2]>) {
        self.send(Command::Held(node, at));
    }

    pub fn set_pinned(&self, node: u32, pinned: bool) {
        self.send(Command::Pinned(node, pinned));
    }

    fn send(&self, command: Command) {
        // The worker may have finished already; a command to it is then moot.
        let _ = self.commands.send(command);
    }
}

impl Drop for LayoutJob {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The worker thread's body.
fn run(
    graph: LayoutGraph,
    settings: Settings,
    commands: &Receiver<Command>,
    events: &SyncSender<Event>,
    wake: Option<&(dyn Fn() + Send)>,
) {
    let max_iterations = settings.max_iterations;
    let mut layout = ForceLayout::new(graph, settings);
    let mut paused = false;
    let mut cancelled = false;
    let mut last_sent: Option<Instant> = None;
    let mut stats = StepStats {
        converged: layout.is_converged(),
        temperature: 1.0,
        ..StepStats::default()
    };
    let wake = || {
        if let Some(w) = wake {
            w();
        }
    };
    loop {
        // Every command that has arrived; while paused, wait for the next one.
        loop {
            let command = if paused {
                commands.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                commands.try_recv()
            };
            match command {
                Ok(Command::Pause) => paused = true,
                Ok(Command::Resume) => paused = false,
                Ok(Command::Cancel) | Err(TryRecvError::Disconnected) => {
                    cancelled = true;
                    break;
                }
                Ok(Command::Held(node, Some(at))) => layout.set_held(Some((node, at))),
                Ok(Command::Held(node, None)) => {
                    if layout.held() == Some(node) {
                        layout.set_held(None);
                    }
                }
                Ok(Command::Pinned(node, pinned)) => layout.set_pinned(node, pinned),
                Err(TryRecvError::Empty) => break,
            }
        }
        let done = cancelled || layout.is_converged() || layout.iteration() >= max_iterations;
        if done {
            break;
        }
        stats = layout.step();
        if last_sent.is_none_or(|t| t.elapsed() >= SNAPSHOT_INTERVAL) {
            let snapshot = Snapshot {
                positions: layout.positions().to_vec(),
                iteration: layout.iteration(),
                stats,
            };
            match events.try_send(Event::Snapshot(snapshot)) {
                Ok(()) => {
                    last_sent = Some(Instant::now());
                    wake();
                }
                Err(TrySendError::Full(_)) => {}
                Err(TrySendError::Disconnected(_)) => return,
            }
        }
    }
    let last = Snapshot {
        positions: layout.positions().to_vec(),
        iteration: layout.iteration(),
        stats,
    };
    let finished = Finished {
        converged: layout.is_converged() && !cancelled,
        cancelled,
        iterations: layout.iteration(),
    };
    // Blocking sends: the UI must see the end. They fail only when the job was dropped.
    if events.send(Event::Snapshot(last)).is_ok() && events.send(Event::Finished(finished)).is_ok()
    {
        wake();
    }
}

#[cfg(test)]
#[path = "worker_tests.rs"]
mod tests;
