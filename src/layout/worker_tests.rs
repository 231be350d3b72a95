//! Tests of the layout worker thread: finishing by itself, cancelling, pausing, dragging.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::*;
use crate::generate::generate;

fn graph(actors: usize) -> LayoutGraph {
    LayoutGraph::from_dataset(&generate(actors, 3 * actors, 11))
}

#[test]
fn finishes_by_itself_when_converged() {
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = wakes.clone();
    let wake: Wake = Box::new(move || {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let mut job = LayoutJob::start_with_wake(graph(80), Settings::default(), Some(wake));
    let (last, finished) = job.wait();
    assert!(finished.converged && !finished.cancelled, "{finished:?}");
    let last = last.expect("a final snapshot");
    assert_eq!(last.iteration, finished.iterations);
    assert_eq!(last.positions.len(), 80);
    assert!(wakes.load(Ordering::Relaxed) >= 1);
    assert_eq!(job.finished(), Some(finished));
    assert!(!job.is_running());
    assert!(job.poll().is_none());
}

#[test]
fn cancel_is_prompt() {
    let settings = Settings {
        max_iterations: u64::MAX,
        cooling_after: u64::MAX,
        ..Settings::default()
    };
    let mut job = LayoutJob::start(graph(3000), settings);
    let started = Instant::now();
    while job.poll().is_none() {
        assert!(started.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(2));
    }
    let asked = Instant::now();
    job.cancel();
    let (_, finished) = job.wait();
    assert!(finished.cancelled && !finished.converged);
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "{:?}",
        asked.elapsed()
    );
}

#[test]
fn pause_holds_steps_and_held_node_is_kept() {
    let settings = Settings {
        max_iterations: 1_000_000,
        cooling_after: u64::MAX,
        ..Settings::default()
    };
    let mut job = LayoutJob::start(graph(200), settings);
    job.pause();
    assert!(job.is_paused());
    std::thread::sleep(Duration::from_millis(50));
    let first = job.poll().map_or(0, |s| s.iteration);
    std::thread::sleep(Duration::from_millis(150));
    // At most the snapshots sent before the pause arrived.
    let after = job.poll().map_or(first, |s| s.iteration);
    std::thread::sleep(Duration::from_millis(150));
    assert_eq!(job.poll().map_or(after, |s| s.iteration), after);
    job.set_held(7, Some([500.0, 400.0]));
    job.set_pinned(8, true);
    job.resume();
    let started = Instant::now();
    while job.poll().is_none_or(|s| s.iteration <= after) {
        assert!(started.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(2));
    }
    job.cancel();
    let (last, finished) = job.wait();
    assert!(finished.cancelled);
    let last = last.expect("a final snapshot");
    assert_eq!(last.positions[7], [500.0, 400.0]);
    assert!(last.iteration > after);
}

#[test]
fn dropping_the_job_stops_the_thread() {
    let settings = Settings {
        max_iterations: u64::MAX,
        cooling_after: u64::MAX,
        ..Settings::default()
    };
    let alive = Arc::new(AtomicUsize::new(0));
    let a = alive.clone();
    let wake: Wake = Box::new(move || {
        a.fetch_add(1, Ordering::Relaxed);
    });
    let job = LayoutJob::start_with_wake(graph(100), settings, Some(wake));
    std::thread::sleep(Duration::from_millis(50));
    drop(job);
    std::thread::sleep(Duration::from_millis(100));
    let before = alive.load(Ordering::Relaxed);
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(alive.load(Ordering::Relaxed), before);
}
