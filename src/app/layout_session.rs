//! A force layout running in the background for the open document, as a streaming task of the
//! runner (`app::tasks`): its positions stream to the map as it runs; it can be paused,
//! resumed, stopped (keeping the result) or cancelled; and its result becomes the document's
//! positions as one undoable edit.

use std::sync::Arc;
use std::time::Duration;

use super::tasks::{Control, Outcome, Stream, StreamingTask, Waker};
use crate::edit::Edit;
use crate::layout::{
    self, LayoutCommand, LayoutEnd, LayoutGraph, LayoutLink, Settings, Snapshot, StepStats,
};
use crate::model::{Dataset, Point};

/// Repulsion used in the app: stronger than the engine's default, so that labels fit.
pub const MAP_SCALING: f32 = 5.0;

/// What the force layout's task is called in the status bar and in its errors.
pub const FORCE_LAYOUT_NAME: &str = "Force layout";

/// The force layout's task: snapshots out, commands in, where it ended as the result.
type ForceTask = StreamingTask<LayoutEnd, Snapshot, LayoutCommand>;

/// The layout running now, and where it has got to.
pub struct LayoutSession {
    task: ForceTask,
    /// Actor id of each layout node (the dataset's actor order when it started).
    ids: Vec<String>,
    /// Positions as of the newest snapshot.
    pub latest: Option<Vec<[f32; 2]>>,
    pub stats: Option<StepStats>,
    paused: bool,
    /// Set by "Stop": keep the positions reached so far.
    keep_on_finish: bool,
}

/// What a session says when polled.
pub enum LayoutEvent {
    /// New positions to show.
    Moved,
    /// The layout ended; apply this edit to keep its result (`None`: nothing to keep).
    Ended(Option<Edit>),
    /// The layout's worker failed; the message names the layout.
    Failed(String),
}

/// The force loop's link to the runner: snapshots go out through the task's stream, commands
/// come in from it, and the task's control says whether it was cancelled.
struct RunnerLink<'a> {
    control: &'a Control,
    stream: &'a Stream<Snapshot, LayoutCommand>,
}

impl LayoutLink for RunnerLink<'_> {
    fn offer(&mut self, snapshot: Snapshot) -> bool {
        self.stream.offer(snapshot)
    }

    fn next_command(&mut self) -> Option<LayoutCommand> {
        self.stream.next_command()
    }

    fn wait_command(&mut self) -> Option<LayoutCommand> {
        self.stream.wait_command()
    }

    fn is_cancelled(&self) -> bool {
        self.control.is_cancelled()
    }
}

impl LayoutSession {
    /// Starts a force layout of `data`'s actors that are `shown` (by index; `None`: all);
    /// `wake` is called whenever new positions arrive. The worker shares the dataset until it
    /// has built its graph from it.
    pub fn start(data: &Arc<Dataset>, shown: Option<Vec<bool>>, wake: Waker) -> Self {
        let shared = Arc::clone(data);
        let build = move || LayoutGraph::from_dataset(&shared);
        let settings = Settings {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get().min(4)),
            // Labels are wider than nodes: leave room for them between neighbours.
            scaling: MAP_SCALING,
            ..Settings::default()
        };
        let ids = data.actors.iter().map(|a| a.id.clone()).collect();
        Self::start_building(ids, build, shown, settings, wake)
    }

    /// Starts a force layout of the graph `build` makes on the worker, whose node `i` is the
    /// actor `ids[i]`.
    fn start_building(
        ids: Vec<String>,
        build: impl FnOnce() -> LayoutGraph + Send + 'static,
        shown: Option<Vec<bool>>,
        settings: Settings,
        wake: Waker,
    ) -> Self {
        let task = StreamingTask::start(FORCE_LAYOUT_NAME, wake, move |control, stream| {
            let graph = build();
            let mut link = RunnerLink { control, stream };
            layout::run_streamed(graph, settings, shown.as_deref(), &mut link)
        });
        Self {
            task,
            ids,
            latest: None,
            stats: None,
            paused: false,
            keep_on_finish: true,
        }
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    pub fn iteration(&self) -> u64 {
        self.stats.map_or(0, |s| s.iteration)
    }

    /// How long the layout has run.
    pub fn elapsed(&self) -> Duration {
        self.task.task().elapsed()
    }

    pub fn pause(&mut self) {
        self.paused = true;
        self.task.send(LayoutCommand::Pause);
    }

    pub fn resume(&mut self) {
        self.paused = false;
        self.task.send(LayoutCommand::Resume);
    }

    /// Stops and keeps the positions reached so far.
    pub fn stop(&mut self) {
        self.keep_on_finish = true;
        self.task.cancel();
    }

    /// Stops and throws the result away.
    pub fn cancel(&mut self) {
        self.keep_on_finish = false;
        self.task.cancel();
    }

    /// Holds an actor where the user drags it, or keeps it where it was dropped (`at` = `None`
    /// pins it for the rest of this run, so the layout never pulls it back).
    pub fn hold(&self, actor: &str, at: Option<Point>) {
        let Some(i) = self.ids.iter().position(|id| id == actor) else {
            return;
        };
        let node = i as u32;
        match at {
            Some(p) => self
                .task
                .send(LayoutCommand::Held(node, Some(layout::from_point(p)))),
            None => {
                self.task.send(LayoutCommand::Pinned(node, true));
                self.task.send(LayoutCommand::Held(node, None));
            }
        }
    }

    /// Takes what the worker reported since the last call; never blocks. After `Ended` or
    /// `Failed` the session is spent: drop it.
    pub fn poll(&mut self) -> Option<LayoutEvent> {
        let moved = match self.task.latest_update() {
            Some(snapshot) => {
                self.take(snapshot);
                true
            }
            None => false,
        };
        match self.task.poll() {
            Outcome::Running => moved.then_some(LayoutEvent::Moved),
            Outcome::Finished(end) => {
                self.take(end.last);
                let edit = if self.keep_on_finish {
                    self.result_edit()
                } else {
                    None
                };
                Some(LayoutEvent::Ended(edit))
            }
            Outcome::Failed(message) => Some(LayoutEvent::Failed(message)),
        }
    }

    fn take(&mut self, snapshot: Snapshot) {
        self.stats = Some(snapshot.stats);
        self.latest = Some(snapshot.positions);
    }

    /// The layout's positions as one edit, rounded to hundredths of a unit.
    fn result_edit(&self) -> Option<Edit> {
        let positions = self.latest.as_ref()?;
        let round = |v: f32| (f64::from(v) * 100.0).round() / 100.0;
        let moves = self
            .ids
            .iter()
            .zip(positions)
            .map(|(id, p)| (id.clone(), Some(Point::new(round(p[0]), round(p[1])))))
            .collect();
        Some(Edit::Batch {
            label: "force layout".into(),
            edits: vec![Edit::MoveActors { moves }],
        })
    }
}

/// Maps with more actors than this compute quick layouts on a worker thread.
pub const QUICK_IN_BACKGROUND_FROM: usize = 5_000;

/// What a quick layout needs, owned, so that it can run on another thread.
pub struct QuickInput {
    kind: QuickLayout,
    /// Shared with the worker until the layout is computed.
    data: Arc<Dataset>,
    /// Indices of the selected actors that are shown.
    chosen: Vec<usize>,
    /// Which actors are shown, by index; `None`: all. Hidden ones are not moved.
    shown: Option<Vec<bool>>,
}

impl QuickInput {
    /// `None` for "spread" with fewer than two shown actors selected.
    pub fn new(
        data: &Arc<Dataset>,
        kind: QuickLayout,
        selected: &[String],
        shown: Option<Vec<bool>>,
    ) -> Option<Self> {
        let shown_at = |i: usize| is_shown(shown.as_deref(), i);
        let selected: foldhash::HashSet<&str> = selected.iter().map(String::as_str).collect();
        let chosen: Vec<usize> = data
            .actors
            .iter()
            .enumerate()
            .filter(|(i, a)| shown_at(*i) && selected.contains(a.id.as_str()))
            .map(|(i, _)| i)
            .collect();
        if kind == QuickLayout::SpreadSelected && chosen.len() < 2 {
            return None;
        }
        Some(Self {
            kind,
            data: Arc::clone(data),
            chosen,
            shown,
        })
    }

    /// Computes the layout of the shown actors as one edit of every one that is not pinned.
    pub fn run(self) -> Edit {
        let size = layout::DEFAULT_NODE_RADIUS;
        let data = &self.data;
        let placed: Vec<usize> = (0..data.actors.len())
            .filter(|&i| is_shown(self.shown.as_deref(), i))
            .collect();
        let (positions, label) = match self.kind {
            QuickLayout::Circular => (
                layout::quick::circular(placed.len(), size),
                "circular layout",
            ),
            QuickLayout::GroupedByKind => {
                let kinds: Vec<u32> = placed.iter().map(|&i| data.actors[i].kind as u32).collect();
                (
                    layout::quick::grouped_by(&kinds, size),
                    "layout grouped by kind",
                )
            }
            QuickLayout::SpreadSelected => {
                let graph = LayoutGraph::from_dataset(data);
                let all = layout::quick::spread(&self.chosen, &graph.positions, &graph.sizes);
                (
                    placed.iter().filter_map(|&i| all.get(i).copied()).collect(),
                    "spread selected actors",
                )
            }
        };
        let round = |v: f32| (f64::from(v) * 100.0).round() / 100.0;
        let moves = placed
            .iter()
            .map(|&i| &data.actors[i])
            .zip(positions)
            .filter(|(actor, _)| !actor.pinned)
            .map(|(actor, p)| {
                let at = Point::new(round(p[0]), round(p[1]));
                (actor.id.clone(), Some(at))
            })
            .collect();
        Edit::Batch {
            label: label.into(),
            edits: vec![Edit::MoveActors { moves }],
        }
    }
}

/// Whether actor `i` is shown: `shown[i]`, or true when there is no list or it is too short.
fn is_shown(shown: Option<&[bool]>, i: usize) -> bool {
    shown.and_then(|s| s.get(i)).copied().unwrap_or(true)
}

/// A quick layout computed as a task, for large maps.
pub type QuickJob = super::tasks::Task<Edit>;

/// Starts computing a quick layout as a task.
pub fn start_quick(input: QuickInput, wake: super::tasks::Waker) -> QuickJob {
    super::tasks::Task::start("Laying out", wake, move |_| input.run())
}

/// The layouts that are computed at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuickLayout {
    Circular,
    GroupedByKind,
    SpreadSelected,
}

#[cfg(test)]
#[path = "layout_session_tests.rs"]
mod tests;
