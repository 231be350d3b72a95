//! The filters: by actor kind, tie kind and polarity, and by evidence. A tie rests on its
//! excerpts; the evidence rule ([`Evidence`]) says which excerpts count (their certainty, their
//! source, whether their source was published by the "as known on" day), and a tie that has
//! excerpts but none that counts is hidden. "Only ties that rest on one source" keeps the ties
//! whose counted excerpts all come from one source. Finally, the actors the filters leave
//! without a tie can be hidden too. No egui.

use super::days::{self, Day};
use super::graph::{MapGraph, NONE, UNSET};
use super::Shown;
use crate::model::{Certainty, Dataset, FilterSpec, TimeSpec};

/// Which excerpts count, resolved against one dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// By source index: whether excerpts from it count.
    sources: Vec<bool>,
    /// By certainty code (`graph::certainty_code`).
    certainties: [bool; Certainty::ALL.len() + 1],
    /// Excerpts from sources published after this day do not count.
    known_on: Option<Day>,
    /// Only ties whose counted excerpts come from one source.
    single_source: bool,
    /// Whether any excerpt can fail to count (else ties need no look at their excerpts).
    active: bool,
}

impl Evidence {
    /// The rule of these filters and this timeline's "as known on" day, for this dataset.
    /// Source ids that are not in the dataset are ignored.
    pub fn new(data: &Dataset, filters: &FilterSpec, timeline: &TimeSpec) -> Self {
        let mut sources = vec![filters.only_sources.is_empty(); data.sources.len()];
        for id in &filters.only_sources {
            if let Some(s) = data.source_place(id) {
                sources[s] = true;
            }
        }
        for id in &filters.without_sources {
            if let Some(s) = data.source_place(id) {
                sources[s] = false;
            }
        }
        let mut certainties = [true; Certainty::ALL.len() + 1];
        for (i, c) in Certainty::ALL.iter().enumerate() {
            certainties[i] = !filters.hide_certainties.contains(c);
        }
        certainties[UNSET as usize] = !filters.hide_unset_certainty;
        let known_on = timeline.known_on.as_deref().and_then(days::last_day);
        let active = known_on.is_some() || filters.filters_evidence();
        Self {
            sources,
            certainties,
            known_on,
            single_source: filters.single_source,
            active,
        }
    }

    /// Whether excerpt `x` (its place in the graph's excerpt arrays) counts.
    pub fn counts(&self, graph: &MapGraph, x: usize) -> bool {
        if !self.active {
            return true;
        }
        let certainty = graph.excerpt_certainty[x] as usize;
        if !self.certainties.get(certainty).copied().unwrap_or(true) {
            return false;
        }
        let source = graph.excerpt_source[x];
        if source == NONE {
            return true;
        }
        if !self.sources.get(source as usize).copied().unwrap_or(true) {
            return false;
        }
        match (self.known_on, graph.source_published.get(source as usize)) {
            (Some(day), Some(Some(published))) => *published <= day,
            _ => true,
        }
    }

    /// Whether a tie stands on the excerpts that count: it has none at all (and no single
    /// source is asked for), or at least one counts (from one source, when asked).
    pub fn holds(&self, graph: &MapGraph, tie: usize) -> bool {
        let range = graph.excerpts(tie);
        if range.is_empty() {
            return !self.single_source;
        }
        if !self.active && !self.single_source {
            return true;
        }
        let mut source = None;
        for x in range {
            if !self.counts(graph, x) {
                continue;
            }
            if !self.single_source {
                return true;
            }
            let s = graph.excerpt_source[x];
            match source {
                None => source = Some(s),
                Some(first) if first != s => return false,
                Some(_) => {}
            }
        }
        source.is_some()
    }
}

/// Hides what the filters hide, from what `shown` still shows: actors of hidden kinds, and
/// ties of hidden kinds or polarities, without evidence that counts, or with a hidden end.
/// (The timeline and the rule for actors left without ties come after: see `compose`.)
pub fn apply(graph: &MapGraph, filters: &FilterSpec, evidence: &Evidence, shown: &mut Shown) {
    if !filters.hide_actor_kinds.is_empty() {
        for (flag, kind) in shown.actors.iter_mut().zip(&graph.actor_kinds) {
            *flag = *flag && !filters.hide_actor_kinds.contains(kind);
        }
    }
    let kinds = !filters.hide_tie_kinds.is_empty();
    let polarities = !filters.hide_polarities.is_empty();
    for (t, flag) in shown.ties.iter_mut().enumerate() {
        if !*flag {
            continue;
        }
        let kind_hidden = kinds && filters.hide_tie_kinds.contains(&graph.tie_kinds[t]);
        let polarity_hidden = polarities && filters.hide_polarities.contains(&graph.polarities[t]);
        *flag = !kind_hidden && !polarity_hidden && evidence.holds(graph, t);
    }
    shown.hide_ties_of_hidden_actors(graph);
}

/// Hides the actors that had ties and have none shown now; actors that never had a tie stay.
pub fn hide_orphans(graph: &MapGraph, shown: &mut Shown) {
    for a in 0..shown.actors.len() {
        if !shown.actors[a] {
            continue;
        }
        let links = graph.links(a);
        if !links.is_empty() && !links.iter().any(|l| shown.ties[l.tie as usize]) {
            shown.actors[a] = false;
        }
    }
}

#[cfg(test)]
#[path = "filters_tests.rs"]
mod tests;
