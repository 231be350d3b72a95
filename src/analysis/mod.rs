//! Questions asked of a map: search, filters, the timeline, focus on one actor's
//! neighbourhood, the paths between two actors with their evidence, and measures of each
//! actor's place (degree, betweenness, PageRank, communities). No egui: the app turns what
//! these return into the map's visibility mask and its panels.
//!
//! Everything works by actor and tie index over a [`MapGraph`], built once per state of the
//! map's structure. [`compose`] runs the filters, the timeline, the focus and the paths in that
//! order, each on what the ones before left, and says what the map shows.

pub mod betweenness;
pub mod communities;
pub mod days;
pub mod filters;
pub mod focus;
pub mod graph;
pub mod metrics;
pub mod paths;
pub mod search;
pub mod search_index;
#[cfg(test)]
mod test_maps;
pub mod text;
pub mod timeline;

pub use filters::Evidence;
pub use graph::MapGraph;
pub use metrics::Metric;
pub use paths::{Path, PathQuery, PathWeight, Step};
pub use search::{search, SearchResults};
pub use search_index::{IndexReading, SearchIndex};

use crate::model::{Dataset, ViewState};

/// What the map shows: a flag by actor index and one by tie index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub actors: Vec<bool>,
    pub ties: Vec<bool>,
}

impl Shown {
    /// Everything.
    pub fn all(graph: &MapGraph) -> Self {
        Self {
            actors: vec![true; graph.actor_count()],
            ties: vec![true; graph.tie_count()],
        }
    }

    /// Hides the ties whose ends are hidden (or missing).
    pub fn hide_ties_of_hidden_actors(&mut self, graph: &MapGraph) {
        for (flag, ends) in self.ties.iter_mut().zip(&graph.ends) {
            *flag = *flag
                && ends.is_some_and(|(a, b)| {
                    self.actors.get(a as usize).copied().unwrap_or(false)
                        && self.actors.get(b as usize).copied().unwrap_or(false)
                });
        }
    }

    /// How many actors and ties are hidden.
    pub fn hidden(&self) -> (usize, usize) {
        let count = |flags: &[bool]| flags.iter().filter(|s| !**s).count();
        (count(&self.actors), count(&self.ties))
    }

    /// Keeps only the actors and ties of these paths.
    fn only(&mut self, paths: &[Path]) {
        let mut actors = vec![false; self.actors.len()];
        let mut ties = vec![false; self.ties.len()];
        for step in paths.iter().flat_map(|p| &p.steps) {
            actors[step.from] = true;
            actors[step.to] = true;
            ties[step.tie] = true;
        }
        self.actors = actors;
        self.ties = ties;
    }
}

/// Paths asked for, and whether the map shows only them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathsAsked {
    pub query: PathQuery,
    pub only: bool,
}

/// What [`compose`] found.
#[derive(Clone, Debug)]
pub struct Composed {
    pub shown: Shown,
    /// The ties left by the filters, before the timeline (what its histogram counts).
    pub filtered_ties: Vec<bool>,
    /// The paths asked for, over what the filters, the timeline and the focus left.
    pub paths: Vec<Path>,
    /// Which excerpts count under the filters (for the best excerpt of a tie).
    pub evidence: Evidence,
}

/// Runs the view's filters, its timeline, its focus and the paths asked for, in that order,
/// each on what the ones before left, starting from `base` (what the user hid by hand).
pub fn compose(
    data: &Dataset,
    graph: &MapGraph,
    base: Shown,
    view: &ViewState,
    paths: Option<PathsAsked>,
) -> Composed {
    let mut shown = base;
    let evidence = Evidence::new(data, &view.filters, &view.timeline);
    shown.hide_ties_of_hidden_actors(graph);
    filters::apply(graph, &view.filters, &evidence, &mut shown);
    let filtered_ties = shown.ties.clone();
    if let Some(range) = timeline::DayRange::of(&view.timeline) {
        timeline::apply(graph, range, &mut shown);
    }
    if view.filters.hide_orphans {
        filters::hide_orphans(graph, &mut shown);
    }
    if let Some(focus) = &view.focus {
        if let Some(anchor) = data.actor_place(&focus.actor) {
            focus::apply(graph, anchor, focus.depth, focus.direction, &mut shown);
        }
    }
    let mut found = Vec::new();
    if let Some(asked) = paths {
        found = paths::shortest_paths(graph, &shown, &evidence, asked.query);
        if asked.only && !found.is_empty() {
            shown.only(&found);
        }
    }
    Composed {
        shown,
        filtered_ties,
        paths: found,
        evidence,
    }
}

#[cfg(test)]
#[path = "compose_tests.rs"]
mod tests;
