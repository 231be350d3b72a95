//! "How is A connected to B?": up to five shortest simple paths between two actors over what
//! is shown (Yen's algorithm over a shortest path limited in hops), each step with the best
//! excerpt of its tie, the evidence chain. Ties are walked either way. Paths can prefer
//! well-evidenced ties: weighted by their number of excerpts or by their firmest certainty.
//! Between two actors with several ties, a path takes the cheapest one. No egui.

use foldhash::HashSet;

use super::filters::Evidence;
use super::graph::{firmness, MapGraph};
use super::Shown;

/// The most alternatives asked for.
pub const MAX_PATHS: usize = 5;
/// The longest path asked for, in ties.
pub const MAX_LENGTH: usize = 8;

/// What a path's cost counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PathWeight {
    /// Each tie costs 1: the fewest ties.
    #[default]
    Hops,
    /// A tie costs 2 / (excerpts + 1): ties with more evidence are cheaper.
    Excerpts,
    /// A tie costs 1 / its firmest excerpt's firmness (stated 3, reported or alleged 2,
    /// planned, speculative or denied 1; no excerpt costs 2).
    Certainty,
}

impl PathWeight {
    pub const ALL: [PathWeight; 3] = [
        PathWeight::Hops,
        PathWeight::Excerpts,
        PathWeight::Certainty,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PathWeight::Hops => "fewest ties",
            PathWeight::Excerpts => "most excerpts",
            PathWeight::Certainty => "firmest certainty",
        }
    }
}

/// Paths from one actor to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PathQuery {
    pub from: usize,
    pub to: usize,
    /// The most ties a path may have (1 to [`MAX_LENGTH`]).
    pub max_length: usize,
    /// How many alternatives (1 to [`MAX_PATHS`]).
    pub count: usize,
    pub weight: PathWeight,
}

/// One step of a path: a tie walked from one actor to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub tie: usize,
    pub from: usize,
    pub to: usize,
    /// The walk goes the tie's own way (from its `from` to its `to`).
    pub along: bool,
    /// The best excerpt of the tie (its index in the tie's excerpts): one that counts under
    /// the filters, of the firmest certainty, the first such.
    pub excerpt: Option<usize>,
}

/// A path and its cost under the weight asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub steps: Vec<Step>,
    pub cost: f64,
}

impl Path {
    /// The actors along the path, from the first to the last.
    pub fn actors(&self) -> Vec<usize> {
        let mut actors: Vec<usize> = self.steps.iter().map(|s| s.from).collect();
        actors.extend(self.steps.last().map(|s| s.to));
        actors
    }
}

/// What the search reads: the graph, what is shown, which excerpts count, and the weight.
struct Walk<'a> {
    graph: &'a MapGraph,
    shown: &'a Shown,
    evidence: &'a Evidence,
    weight: PathWeight,
}

impl Walk<'_> {
    /// What walking tie `t` costs.
    fn cost(&self, t: usize) -> f64 {
        let counted = || {
            self.graph
                .excerpts(t)
                .filter(|&x| self.evidence.counts(self.graph, x))
        };
        match self.weight {
            PathWeight::Hops => 1.0,
            PathWeight::Excerpts => 2.0 / (counted().count() as f64 + 1.0),
            PathWeight::Certainty => {
                let firmest = counted()
                    .map(|x| firmness(self.graph.excerpt_certainty[x]))
                    .max();
                firmest.map_or(2.0, |f| 1.0 / f64::from(f))
            }
        }
    }

    /// The cheapest shown tie between two actors, with its cost.
    fn best_tie(&self, a: usize, b: usize) -> Option<(usize, f64)> {
        self.graph
            .links(a)
            .iter()
            .filter(|l| l.other as usize == b && self.shown.ties[l.tie as usize])
            .map(|l| (l.tie as usize, self.cost(l.tie as usize)))
            .min_by(|x, y| x.1.total_cmp(&y.1).then(x.0.cmp(&y.0)))
    }

    /// The cheapest path of at most `hops` ties from `from` to `to` that avoids the banned
    /// actors and pairs: a shortest path by number of ties, one layer per tie. Positive costs
    /// make the cheapest walk a simple path.
    fn cheapest(
        &self,
        from: usize,
        to: usize,
        hops: usize,
        banned: &[bool],
        banned_pairs: &HashSet<(usize, usize)>,
    ) -> Option<(Vec<usize>, f64)> {
        let n = self.graph.actor_count();
        let mut best = vec![f64::INFINITY; n];
        best[from] = 0.0;
        // parents[h][v]: where the cheapest walk of h ties to v came from.
        let mut parents: Vec<Vec<(usize, usize)>> = Vec::with_capacity(hops);
        let mut frontier = vec![from];
        let mut layers: Vec<Vec<f64>> = vec![best.clone()];
        for _ in 0..hops {
            let previous = layers.last().cloned().unwrap_or_default();
            let mut current = previous.clone();
            let mut came = Vec::new();
            let mut next = Vec::new();
            for &a in &frontier {
                if a == to {
                    continue;
                }
                for link in self.graph.links(a) {
                    let (b, t) = (link.other as usize, link.tie as usize);
                    if b == a || banned[b] || !self.shown.ties[t] || !self.shown.actors[b] {
                        continue;
                    }
                    if banned_pairs.contains(&(a, b)) {
                        continue;
                    }
                    let cost = previous[a] + self.cost(t);
                    if cost < current[b] - 1e-12 {
                        if current[b] == previous[b] {
                            next.push(b);
                        }
                        current[b] = cost;
                        came.push((b, a));
                    }
                }
            }
            next.sort_unstable();
            next.dedup();
            parents.push(came);
            layers.push(current);
            frontier = next;
            if frontier.is_empty() {
                break;
            }
        }
        // The layer with the cheapest cost at `to`, fewest ties first among equals.
        let (mut h, cost) = layers
            .iter()
            .enumerate()
            .map(|(h, layer)| (h, layer[to]))
            .filter(|(_, c)| c.is_finite())
            .min_by(|x, y| x.1.total_cmp(&y.1).then(x.0.cmp(&y.0)))?;
        let mut nodes = vec![to];
        let mut v = to;
        while h > 0 {
            // The last parent recorded for v in layer h gave its cost there; if v's cost did
            // not change in this layer, it came from the layer before.
            if layers[h][v] < layers[h - 1][v] {
                let parent = parents[h - 1]
                    .iter()
                    .rev()
                    .find(|(b, _)| *b == v)
                    .map(|(_, a)| *a)?;
                nodes.push(parent);
                v = parent;
            }
            h -= 1;
        }
        nodes.reverse();
        (nodes.first() == Some(&from)).then_some((nodes, cost))
    }

    /// The cost of walking these actors in order, each pair by its cheapest tie.
    fn cost_of(&self, actors: &[usize]) -> Option<f64> {
        actors
            .windows(2)
            .map(|w| self.best_tie(w[0], w[1]).map(|(_, c)| c))
            .sum()
    }

    /// The steps of a walk through these actors.
    fn steps(&self, data_ties_from: &dyn Fn(usize) -> usize, actors: &[usize]) -> Vec<Step> {
        actors
            .windows(2)
            .filter_map(|w| {
                let (tie, _) = self.best_tie(w[0], w[1])?;
                Some(Step {
                    tie,
                    from: w[0],
                    to: w[1],
                    along: data_ties_from(tie) == w[0],
                    excerpt: best_excerpt(self.graph, self.evidence, tie),
                })
            })
            .collect()
    }
}

/// The best excerpt of a tie, by its index among the tie's excerpts: one that counts under
/// the filters before one that does not, then the firmest certainty, then the first.
pub fn best_excerpt(graph: &MapGraph, evidence: &Evidence, tie: usize) -> Option<usize> {
    let range = graph.excerpts(tie);
    let first = range.start;
    range
        .map(|x| {
            let counts = evidence.counts(graph, x);
            let firm = firmness(graph.excerpt_certainty[x]);
            (x - first, (counts, firm))
        })
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

/// Up to `query.count` cheapest simple paths from `query.from` to `query.to` of at most
/// `query.max_length` ties, over the shown actors and ties, cheapest first (fewer ties first
/// among equals). Empty when the two are the same actor or not connected within the limit.
pub fn shortest_paths(
    graph: &MapGraph,
    shown: &Shown,
    evidence: &Evidence,
    query: PathQuery,
) -> Vec<Path> {
    let n = graph.actor_count();
    let (from, to) = (query.from, query.to);
    if from == to || from >= n || to >= n || !shown.actors[from] || !shown.actors[to] {
        return Vec::new();
    }
    let walk = Walk {
        graph,
        shown,
        evidence,
        weight: query.weight,
    };
    let max_length = query.max_length.clamp(1, MAX_LENGTH);
    let count = query.count.clamp(1, MAX_PATHS);
    let none_banned = vec![false; n];
    let Some(first) = walk.cheapest(from, to, max_length, &none_banned, &HashSet::default()) else {
        return Vec::new();
    };
    let mut found: Vec<(Vec<usize>, f64)> = vec![first];
    let mut candidates: Vec<(Vec<usize>, f64)> = Vec::new();
    while found.len() < count {
        let previous = found.last().map(|(p, _)| p.clone()).unwrap_or_default();
        for i in 0..previous.len() - 1 {
            let spur = previous[i];
            let root = &previous[..=i];
            let mut banned_pairs = HashSet::default();
            for (path, _) in &found {
                if path.len() > i + 1 && path[..=i] == *root {
                    banned_pairs.insert((path[i], path[i + 1]));
                }
            }
            let mut banned = none_banned.clone();
            for &a in &root[..i] {
                banned[a] = true;
            }
            let Some((tail, _)) = walk.cheapest(spur, to, max_length - i, &banned, &banned_pairs)
            else {
                continue;
            };
            let mut whole = root[..i].to_vec();
            whole.extend(tail);
            let known = found.iter().chain(&candidates).any(|(p, _)| *p == whole);
            if !known {
                if let Some(cost) = walk.cost_of(&whole) {
                    candidates.push((whole, cost));
                }
            }
        }
        let Some(next) = candidates
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| {
                a.1.total_cmp(&b.1)
                    .then(a.0.len().cmp(&b.0.len()))
                    .then(a.0.cmp(&b.0))
            })
            .map(|(i, _)| i)
        else {
            break;
        };
        found.push(candidates.swap_remove(next));
    }
    let tie_from = |t: usize| graph.ends[t].map_or(usize::MAX, |(a, _)| a as usize);
    found
        .into_iter()
        .map(|(actors, cost)| Path {
            steps: walk.steps(&tie_from, &actors),
            cost,
        })
        .collect()
}

#[cfg(test)]
#[path = "paths_tests.rs"]
mod tests;
