//! Communities by the Louvain method: actors are moved, one at a time, to the neighbouring
//! community that raises the map's modularity most, then each community becomes one node and
//! the moves start again, until nothing improves. The map counts as an undirected graph whose
//! connections weigh as many ties as join the two actors. Deterministic: actors are visited in
//! their order. No egui.

use foldhash::HashMap;

use super::graph::MapGraph;

/// An undirected weighted graph: for each node, its neighbours with the weight between them
/// (a loop once, with twice its weight, as modularity counts it).
struct Weighted {
    adjacency: Vec<Vec<(usize, f64)>>,
    /// Each node's degree (the sum of its weights, loops twice).
    degree: Vec<f64>,
    /// Twice the total weight.
    two_m: f64,
}

impl Weighted {
    fn of(graph: &MapGraph) -> Self {
        let n = graph.actor_count();
        let mut adjacency: Vec<HashMap<usize, f64>> = vec![HashMap::default(); n];
        for &(a, b) in graph.ends.iter().flatten() {
            let (a, b) = (a as usize, b as usize);
            if a == b {
                *adjacency[a].entry(a).or_default() += 2.0;
            } else {
                *adjacency[a].entry(b).or_default() += 1.0;
                *adjacency[b].entry(a).or_default() += 1.0;
            }
        }
        Self::from_maps(adjacency)
    }

    fn from_maps(maps: Vec<HashMap<usize, f64>>) -> Self {
        let adjacency: Vec<Vec<(usize, f64)>> = maps
            .into_iter()
            .map(|m| {
                let mut list: Vec<(usize, f64)> = m.into_iter().collect();
                list.sort_unstable_by_key(|&(b, _)| b);
                list
            })
            .collect();
        let degree: Vec<f64> = adjacency
            .iter()
            .map(|list| list.iter().map(|&(_, w)| w).sum())
            .collect();
        let two_m = degree.iter().sum();
        Self {
            adjacency,
            degree,
            two_m,
        }
    }

    /// Moves nodes between communities while that raises modularity; says whether any moved.
    fn move_nodes(&self, community: &mut [usize]) -> bool {
        let n = self.adjacency.len();
        let mut total: Vec<f64> = vec![0.0; n];
        for (v, &c) in community.iter().enumerate() {
            total[c] += self.degree[v];
        }
        let mut moved_any = false;
        let mut weight_to: HashMap<usize, f64> = HashMap::default();
        for _ in 0..100 {
            let mut moved = false;
            for v in 0..n {
                let own = community[v];
                let k = self.degree[v];
                weight_to.clear();
                for &(u, w) in &self.adjacency[v] {
                    if u != v {
                        *weight_to.entry(community[u]).or_default() += w;
                    }
                }
                total[own] -= k;
                let gain = |c: usize, w: f64| w - total[c] * k / self.two_m;
                let mut best = (own, gain(own, weight_to.get(&own).copied().unwrap_or(0.0)));
                let mut options: Vec<(usize, f64)> =
                    weight_to.iter().map(|(&c, &w)| (c, w)).collect();
                options.sort_unstable_by_key(|&(c, _)| c);
                for (c, w) in options {
                    let g = gain(c, w);
                    if g > best.1 + 1e-12 {
                        best = (c, g);
                    }
                }
                total[best.0] += k;
                if best.0 != own {
                    community[v] = best.0;
                    moved = true;
                    moved_any = true;
                }
            }
            if !moved {
                break;
            }
        }
        moved_any
    }

    /// The graph of communities: one node per community (numbered densely, in order of first
    /// member), joined by the weights between them.
    fn aggregate(&self, community: &mut [usize]) -> Weighted {
        let mut renumber: HashMap<usize, usize> = HashMap::default();
        for c in community.iter_mut() {
            let next = renumber.len();
            *c = *renumber.entry(*c).or_insert(next);
        }
        let mut maps: Vec<HashMap<usize, f64>> = vec![HashMap::default(); renumber.len()];
        for (v, list) in self.adjacency.iter().enumerate() {
            for &(u, w) in list {
                *maps[community[v]].entry(community[u]).or_default() += w;
            }
        }
        Weighted::from_maps(maps)
    }
}

/// The Louvain communities of the map's actors: a community number per actor, the largest
/// community numbered 0, then by size (ties by first member). Actors without ties are each a
/// community of their own.
pub fn louvain(graph: &MapGraph) -> Vec<usize> {
    let n = graph.actor_count();
    let mut level = Weighted::of(graph);
    // Which node of the current level each actor is in.
    let mut of_actor: Vec<usize> = (0..n).collect();
    if level.two_m > 0.0 {
        loop {
            let mut community: Vec<usize> = (0..level.adjacency.len()).collect();
            if !level.move_nodes(&mut community) {
                break;
            }
            let next = level.aggregate(&mut community);
            for node in of_actor.iter_mut() {
                *node = community[*node];
            }
            level = next;
        }
    }
    by_size(&of_actor)
}

/// Community numbers renumbered by size, largest first (ties by first member).
fn by_size(community: &[usize]) -> Vec<usize> {
    let mut size: HashMap<usize, (usize, usize)> = HashMap::default();
    for (v, &c) in community.iter().enumerate() {
        size.entry(c).or_insert((0, v)).0 += 1;
    }
    let mut order: Vec<(usize, usize, usize)> =
        size.iter().map(|(&c, &(s, f))| (c, s, f)).collect();
    order.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let rank: HashMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(i, &(c, _, _))| (c, i))
        .collect();
    community.iter().map(|c| rank[c]).collect()
}

/// The modularity of a division of the map into communities (resolution 1), as
/// `networkx.community.modularity` on the map as an undirected multigraph.
pub fn modularity(graph: &MapGraph, community: &[usize]) -> f64 {
    let g = Weighted::of(graph);
    if g.two_m == 0.0 {
        return 0.0;
    }
    let mut inside: HashMap<usize, f64> = HashMap::default();
    let mut total: HashMap<usize, f64> = HashMap::default();
    for (v, list) in g.adjacency.iter().enumerate() {
        *total.entry(community[v]).or_default() += g.degree[v];
        for &(u, w) in list {
            if community[u] == community[v] {
                *inside.entry(community[v]).or_default() += w;
            }
        }
    }
    total
        .iter()
        .map(|(c, t)| inside.get(c).copied().unwrap_or(0.0) / g.two_m - (t / g.two_m).powi(2))
        .sum()
}
