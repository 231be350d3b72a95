//! Tests of the force layout's loop, driven by a scripted link: finishing by itself, stopping,
//! pausing, holding and pinning nodes.

use std::collections::VecDeque;

use super::*;
use crate::generate::generate;

fn graph(actors: usize) -> LayoutGraph {
    LayoutGraph::from_dataset(&generate(actors, 3 * actors, 11))
}

/// A link that plays back commands and stops the layout after a number of offered snapshots.
#[derive(Default)]
struct Script {
    commands: VecDeque<LayoutCommand>,
    offered: Vec<u64>,
    stop_after_offers: Option<usize>,
    /// Commands asked for while paused.
    waits: usize,
}

impl LayoutLink for Script {
    fn offer(&mut self, snapshot: Snapshot) -> bool {
        self.offered.push(snapshot.iteration);
        true
    }

    fn next_command(&mut self) -> Option<LayoutCommand> {
        self.commands.pop_front()
    }

    fn wait_command(&mut self) -> Option<LayoutCommand> {
        self.waits += 1;
        self.commands.pop_front()
    }

    fn is_cancelled(&self) -> bool {
        self.stop_after_offers
            .is_some_and(|n| self.offered.len() >= n)
    }
}

fn endless() -> Settings {
    Settings {
        max_iterations: u64::MAX,
        cooling_after: u64::MAX,
        ..Settings::default()
    }
}

#[test]
fn finishes_by_itself_when_converged() {
    let mut link = Script::default();
    let end = run_streamed(graph(80), Settings::default(), None, &mut link);
    assert!(end.converged && !end.cancelled, "{end:?}");
    assert_eq!(end.last.positions.len(), 80);
    assert_eq!(end.last.iteration, end.last.stats.iteration);
    assert!(!link.offered.is_empty());
    assert!(link.offered.iter().all(|&i| i <= end.last.iteration));
}

#[test]
fn a_stopped_layout_ends_cancelled_with_where_it_got_to() {
    let mut link = Script {
        stop_after_offers: Some(1),
        ..Script::default()
    };
    let end = run_streamed(graph(300), endless(), None, &mut link);
    assert!(end.cancelled && !end.converged);
    assert_eq!(link.offered.len(), 1);
    assert_eq!(end.last.iteration, link.offered[0]);
}

#[test]
fn paused_it_takes_no_step_and_held_and_pinned_nodes_are_kept() {
    let g = graph(200);
    let pinned_at = g.positions[8];
    let mut link = Script {
        commands: VecDeque::from([
            LayoutCommand::Pause,
            LayoutCommand::Held(7, Some([500.0, 400.0])),
            LayoutCommand::Pinned(8, true),
            LayoutCommand::Resume,
        ]),
        stop_after_offers: Some(3),
        ..Script::default()
    };
    let end = run_streamed(g, endless(), None, &mut link);
    // Paused before the first step, the commands after the pause were waited for.
    assert_eq!(link.waits, 3);
    assert_eq!(link.offered[0], 1);
    assert!(end.cancelled);
    assert_eq!(end.last.positions[7], [500.0, 400.0]);
    assert_eq!(end.last.positions[8], pinned_at);
}

#[test]
fn a_watcher_that_goes_away_while_paused_stops_the_layout() {
    let mut link = Script {
        commands: VecDeque::from([LayoutCommand::Pause]),
        ..Script::default()
    };
    let end = run_streamed(graph(50), endless(), None, &mut link);
    assert!(end.cancelled && !end.converged);
    assert_eq!(end.last.iteration, 0);
    assert!(link.offered.is_empty());
}

#[test]
fn a_released_node_moves_again() {
    let mut link = Script {
        commands: VecDeque::from([
            LayoutCommand::Held(3, Some([900.0, 900.0])),
            LayoutCommand::Held(4, None),
        ]),
        stop_after_offers: Some(2),
        ..Script::default()
    };
    let end = run_streamed(graph(60), endless(), None, &mut link);
    // Letting go of a node that is not held leaves the held one held.
    assert_eq!(end.last.positions[3], [900.0, 900.0]);
    let mut link = Script {
        commands: VecDeque::from([
            LayoutCommand::Held(3, Some([900.0, 900.0])),
            LayoutCommand::Held(3, None),
        ]),
        stop_after_offers: Some(2),
        ..Script::default()
    };
    let end = run_streamed(graph(60), endless(), None, &mut link);
    assert_ne!(end.last.positions[3], [900.0, 900.0]);
}

#[test]
fn hidden_nodes_stay_where_they_are() {
    let g = graph(100);
    let before = g.positions.clone();
    let shown: Vec<bool> = (0..100).map(|i| i % 4 != 1).collect();
    let mut link = Script::default();
    let end = run_streamed(g, Settings::default(), Some(&shown), &mut link);
    assert!(end.converged);
    let moved = |i: &usize| end.last.positions[*i] != before[*i];
    assert!(!(0..100).filter(|&i| !shown[i]).any(|i| moved(&i)));
    assert!((0..100).filter(|&i| shown[i]).filter(moved).count() > 60);
}
