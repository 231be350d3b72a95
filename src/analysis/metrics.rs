//! Measures of each actor's place in the map: degree (its ties), weighted degree (the
//! excerpts of its ties), PageRank (over ties followed their way, undirected ones both ways)
//! and betweenness (`betweenness.rs`), all over the whole map. The values follow networkx's
//! definitions, against which they are tested. No egui.
//!
//! petgraph has a PageRank (`petgraph::algo::page_rank`), but it compares every pair of
//! actors in each iteration (hours at 10,000 actors), and its random jump skips the actors a
//! tie leads to, so that its ranks differ from networkx's (by 0.07 on the test map with an actor
//! without ties). This one walks the ties, one pass over them per iteration. petgraph has no
//! betweenness and no community detection.

use super::graph::{LinkDir, MapGraph};

/// What actors can be sized by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Metric {
    #[default]
    Degree,
    WeightedDegree,
    Betweenness,
    PageRank,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::Degree,
        Metric::WeightedDegree,
        Metric::Betweenness,
        Metric::PageRank,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Metric::Degree => "degree",
            Metric::WeightedDegree => "weighted degree",
            Metric::Betweenness => "betweenness",
            Metric::PageRank => "PageRank",
        }
    }

    /// What the value says, for tooltips.
    pub fn description(self) -> &'static str {
        match self {
            Metric::Degree => "how many ties the actor has",
            Metric::WeightedDegree => "how many excerpts its ties have: the weight of evidence",
            Metric::Betweenness => {
                "the share of shortest connections between other actors that pass through it"
            }
            Metric::PageRank => "how much it is tied to by actors that are themselves tied to",
        }
    }
}

/// Each actor's number of ties (a loop counts once).
pub fn degree(graph: &MapGraph) -> Vec<f64> {
    (0..graph.actor_count())
        .map(|a| graph.links(a).len() as f64)
        .collect()
}

/// Each actor's number of excerpts over its ties.
pub fn weighted_degree(graph: &MapGraph) -> Vec<f64> {
    (0..graph.actor_count())
        .map(|a| {
            let excerpts: usize = graph
                .links(a)
                .iter()
                .map(|l| graph.excerpt_count(l.tie as usize))
                .sum();
            excerpts as f64
        })
        .collect()
}

/// The damping factor of [`page_rank`], as networkx's default.
pub const DAMPING: f64 = 0.85;

/// PageRank, as `networkx.pagerank(G, alpha=0.85)` on the map as a directed multigraph
/// (directed ties one way, undirected ties both ways): the rank of actors without outgoing
/// ties is spread evenly; iterates until the change is under `n * 1e-6`, at most 100 times.
pub fn page_rank(graph: &MapGraph) -> Vec<f64> {
    let n = graph.actor_count();
    if n == 0 {
        return Vec::new();
    }
    let out_degree: Vec<f64> = (0..n)
        .map(|a| {
            graph
                .links(a)
                .iter()
                .map(|l| match l.dir {
                    LinkDir::In => 0.0,
                    LinkDir::Out => 1.0,
                    // An undirected loop is two edges a → a in networkx's terms.
                    LinkDir::Undirected if l.other as usize == a => 2.0,
                    LinkDir::Undirected => 1.0,
                })
                .sum()
        })
        .collect();
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    for _ in 0..100 {
        let dangling: f64 = (0..n)
            .filter(|&a| out_degree[a] == 0.0)
            .map(|a| rank[a])
            .sum();
        let base = (DAMPING * dangling + 1.0 - DAMPING) * uniform;
        let mut next = vec![base; n];
        for (a, &out) in out_degree.iter().enumerate() {
            if out == 0.0 {
                continue;
            }
            let share = DAMPING * rank[a] / out;
            for l in graph.links(a) {
                let times = match l.dir {
                    LinkDir::In => 0.0,
                    LinkDir::Undirected if l.other as usize == a => 2.0,
                    _ => 1.0,
                };
                next[l.other as usize] += share * times;
            }
        }
        let change: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
        rank = next;
        if change < n as f64 * 1e-6 {
            break;
        }
    }
    rank
}

#[cfg(test)]
#[path = "metrics_tests.rs"]
mod tests;
