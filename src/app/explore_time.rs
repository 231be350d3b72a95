//! Play on the timeline: the range of dates moves one calendar step at a time (the histogram's
//! unit) until it reaches the last tie's date.

use super::state::AppState;
use crate::analysis::days::{self, format_day};
use crate::analysis::timeline::{self, Histogram};

/// How long each step of Play shows.
pub const PLAY_STEP: std::time::Duration = std::time::Duration::from_millis(700);

/// The histogram of the ties the filters leave (what the timeline shows the dates of).
pub fn histogram(state: &AppState) -> Option<Histogram> {
    let graph = state
        .explore
        .graph_for(state.doc.id(), state.doc.structure_generation())?;
    let ties = state
        .explore
        .found
        .as_ref()
        .map(|f| f.filtered_ties.as_slice())
        .filter(|t| t.len() == graph.tie_count());
    let all;
    let ties = match ties {
        Some(t) => t,
        None => {
            all = vec![true; graph.tie_count()];
            &all
        }
    };
    Histogram::of(graph, ties)
}

/// Starts Play: from the first date a fifth of the span wide when no range is set, or from
/// the start again when the range has reached the end.
pub fn start_play(state: &mut AppState) {
    super::explore::ensure_graph(state);
    let Some(h) = histogram(state) else {
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
    let Some(h) = histogram(state) else {
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
