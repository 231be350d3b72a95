//! Play on the timeline: the range of dates moves one calendar step at a time (the histogram's
//! unit) until it reaches the last tie's date.

use super::state::AppState;
use crate::analysis::days::{self, format_day};
use crate::analysis::timeline::{self, Histogram};

/// How long each step of Play shows.
pub const PLAY_STEP: std::time::Duration = std::time::Duration::from_millis(700);

/// The timeline's histogram, counted once for a graph and the ties the filters left, not
/// each frame: the timeline's own range and Play leave it as it is.
#[derive(Debug)]
pub struct CountedHistogram {
    /// The document and the structure generation of the graph it counts.
    key: (u64, u64),
    /// The ties counted (`None`: every tie).
    ties: Option<Vec<bool>>,
    /// The `found_serial` it was last checked against.
    found_serial: u64,
    /// `None` when no tie has a date.
    histogram: Option<Histogram>,
    /// Unique to each count.
    count: u64,
}

impl CountedHistogram {
    /// A number unique to each time a histogram is counted.
    pub fn count(&self) -> u64 {
        self.count
    }
}

/// The histogram of the ties the filters leave (what the timeline shows the dates of), as last
/// counted for the open document.
pub fn histogram(state: &AppState) -> Option<&Histogram> {
    let counted = state.explore.histogram.as_ref()?;
    if counted.key.0 != state.doc.id() {
        return None;
    }
    counted.histogram.as_ref()
}

/// Counts the histogram again when the graph or the ties the filters leave changed, while the
/// timeline is shown or plays. Until a new graph arrives the last count stays.
pub fn keep_histogram(state: &mut AppState) {
    let explore = &state.explore;
    if !explore.panel_open && explore.playing.is_none() {
        return;
    }
    let document = state.doc.id();
    let Some((structure, graph)) = explore.latest_graph(document) else {
        return;
    };
    let key = (document, structure);
    let serial = explore.found_serial;
    if let Some(c) = &explore.histogram {
        if c.key == key && c.found_serial == serial {
            return;
        }
    }
    let graph = std::sync::Arc::clone(graph);
    let ties: Option<Vec<bool>> = match &explore.found {
        // Carried over an edit while the graph is rebuilt: the last count stays.
        Some(_) if explore.found_at != structure => return,
        Some(found) if found.filtered_ties.len() == graph.tie_count() => {
            Some(found.filtered_ties.clone())
        }
        _ => None,
    };
    if let Some(c) = &mut state.explore.histogram {
        if c.key == key && c.ties == ties {
            c.found_serial = serial;
            return;
        }
    }
    let histogram = match &ties {
        Some(t) => Histogram::of(&graph, t),
        None => Histogram::of(&graph, &vec![true; graph.tie_count()]),
    };
    state.explore.histogram = Some(CountedHistogram {
        key,
        ties,
        found_serial: serial,
        histogram,
        count: next_count(),
    });
}

fn next_count() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Starts Play: from the first date a fifth of the span wide when no range is set, or from
/// the start again when the range has reached the end.
pub fn start_play(state: &mut AppState) {
    super::graph_building::build_now_if_none(state);
    keep_histogram(state);
    let Some(h) = histogram(state).cloned() else {
        state.explore.playing = None;
        return;
    };
    let spec = &state.explore.view.timeline;
    let first = spec.from.as_deref().and_then(days::first_day);
    let last = spec.to.as_deref().and_then(days::last_day);
    let (first, last) = match (first, last) {
        (Some(a), Some(b)) if b < h.last() => (a, b),
        (Some(a), Some(b)) => (h.first(), h.first() + (b - a)),
        _ => {
            let bins = (h.bins.len() / 5).max(1);
            (h.first(), h.bins[bins - 1].last)
        }
    };
    set_range(state, first, last);
}

/// Moves the range one step later; Play stops at the end.
pub fn play_step(state: &mut AppState) {
    let Some(h) = histogram(state).cloned() else {
        state.explore.playing = None;
        return;
    };
    let spec = &state.explore.view.timeline;
    let first = spec
        .from
        .as_deref()
        .and_then(days::first_day)
        .unwrap_or(h.first());
    let last = spec
        .to
        .as_deref()
        .and_then(days::last_day)
        .unwrap_or(h.last());
    match timeline::step(first, last, h.unit, h.last()) {
        Some((a, b)) => {
            set_range(state, a, b);
            state.explore.playing = Some(std::time::Instant::now());
        }
        None => state.explore.playing = None,
    }
}

fn set_range(state: &mut AppState, first: days::Day, last: days::Day) {
    let timeline = &mut state.explore.view.timeline;
    timeline.from = Some(format_day(first));
    timeline.to = Some(format_day(last));
    state.explore.revision += 1;
}
