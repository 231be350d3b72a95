//! The force layout's loop as it runs in the background: it offers position snapshots to
//! whoever watches (at most about 30 a second) and takes their commands (pause, resume, hold a
//! node where it is dragged, pin one) between steps. Whoever runs it supplies a
//! [`LayoutLink`]; the loop itself knows no thread, channel or window.

use std::time::{Duration, Instant};

use super::{ForceLayout, LayoutGraph, Settings, StepStats};

/// Least time between two snapshots.
pub const SNAPSHOT_INTERVAL: Duration = Duration::from_millis(33);

/// Where the layout is: every node's position and the last step's statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub positions: Vec<[f32; 2]>,
    pub iteration: u64,
    pub stats: StepStats,
}

/// What the watcher may ask of a running layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LayoutCommand {
    /// Take no steps until [`LayoutCommand::Resume`].
    Pause,
    Resume,
    /// Hold a node at a position while the user drags it (`Some`), or let it go (`None`).
    Held(u32, Option<[f32; 2]>),
    Pinned(u32, bool),
}

/// How the loop talks to whoever runs it.
pub trait LayoutLink {
    /// Offers a snapshot; false when it was not taken (the watcher has not taken the last ones).
    fn offer(&mut self, snapshot: Snapshot) -> bool;
    /// The next command that has arrived, without waiting.
    fn next_command(&mut self) -> Option<LayoutCommand>;
    /// Waits for the next command (while paused); `None` once the watcher stopped the layout
    /// or went away.
    fn wait_command(&mut self) -> Option<LayoutCommand>;
    /// Whether the watcher stopped the layout.
    fn is_cancelled(&self) -> bool;
}

/// How a layout ended, with where it got to.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutEnd {
    pub last: Snapshot,
    /// The layout became still; false when stopped or when it reached `max_iterations`.
    pub converged: bool,
    /// Stopped by the watcher.
    pub cancelled: bool,
}

/// Lays out `graph` until it is still, reaches `settings.max_iterations` or `link` stops it.
/// Only the nodes `shown` take part (see [`ForceLayout::with_shown`]; `None`: all of them).
pub fn run_streamed(
    graph: LayoutGraph,
    settings: Settings,
    shown: Option<&[bool]>,
    link: &mut impl LayoutLink,
) -> LayoutEnd {
    let max_iterations = settings.max_iterations;
    let mut layout = ForceLayout::with_shown(graph, settings, shown);
    let mut last_sent: Option<Instant> = None;
    let mut stats = StepStats {
        converged: layout.is_converged(),
        temperature: 1.0,
        ..StepStats::default()
    };
    let mut paused = false;
    let mut gone = false;
    loop {
        gone = gone || !take_commands(&mut layout, &mut paused, link);
        let cancelled = gone || link.is_cancelled();
        if cancelled || layout.is_converged() || layout.iteration() >= max_iterations {
            break;
        }
        stats = layout.step();
        if last_sent.is_none_or(|t| t.elapsed() >= SNAPSHOT_INTERVAL)
            && link.offer(snapshot(&layout, stats))
        {
            last_sent = Some(Instant::now());
        }
    }
    let cancelled = gone || link.is_cancelled();
    LayoutEnd {
        last: snapshot(&layout, stats),
        converged: layout.is_converged() && !cancelled,
        cancelled,
    }
}

fn snapshot(layout: &ForceLayout, stats: StepStats) -> Snapshot {
    Snapshot {
        positions: layout.positions().to_vec(),
        iteration: layout.iteration(),
        stats,
    }
}

/// Applies every command that has arrived; while paused, waits for the next one. False when
/// the watcher went away while the layout was paused.
fn take_commands(layout: &mut ForceLayout, paused: &mut bool, link: &mut impl LayoutLink) -> bool {
    loop {
        if link.is_cancelled() {
            return true;
        }
        let command = if *paused {
            match link.wait_command() {
                Some(command) => command,
                None => return link.is_cancelled(),
            }
        } else {
            match link.next_command() {
                Some(command) => command,
                None => return true,
            }
        };
        match command {
            LayoutCommand::Pause => *paused = true,
            LayoutCommand::Resume => *paused = false,
            LayoutCommand::Held(node, Some(at)) => layout.set_held(Some((node, at))),
            LayoutCommand::Held(node, None) => {
                if layout.held() == Some(node) {
                    layout.set_held(None);
                }
            }
            LayoutCommand::Pinned(node, pinned) => layout.set_pinned(node, pinned),
        }
    }
}

#[cfg(test)]
#[path = "streamed_tests.rs"]
mod tests;
