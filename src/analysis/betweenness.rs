//! Betweenness centrality (Brandes' algorithm) over the map as an undirected simple graph (two
//! actors with several ties are one connection), normalised as `networkx.betweenness_centrality`
//! does: divided by (n − 1)(n − 2). One breadth-first search per actor, O(actors × ties), split
//! among the cores, with progress and a way to stop. No egui.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::graph::MapGraph;

/// The map's actors and their distinct neighbours, as a compressed adjacency list.
pub struct Neighbours {
    start: Vec<u32>,
    list: Vec<u32>,
}

impl Neighbours {
    /// Each actor's distinct neighbours, itself left out.
    pub fn of(graph: &MapGraph) -> Self {
        let n = graph.actor_count();
        let mut start = Vec::with_capacity(n + 1);
        let mut list = Vec::new();
        start.push(0);
        for a in 0..n {
            let from = list.len();
            list.extend(
                graph
                    .links(a)
                    .iter()
                    .map(|l| l.other)
                    .filter(|&b| b as usize != a),
            );
            list[from..].sort_unstable();
            let mut kept = from;
            for i in from..list.len() {
                if i == from || list[i] != list[kept - 1] {
                    list[kept] = list[i];
                    kept += 1;
                }
            }
            list.truncate(kept);
            start.push(list.len() as u32);
        }
        Self { start, list }
    }

    pub fn len(&self) -> usize {
        self.start.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn of_actor(&self, a: usize) -> &[u32] {
        &self.list[self.start[a] as usize..self.start[a + 1] as usize]
    }
}

/// The work of one thread: its own buffers, reused from one source to the next.
struct Scratch {
    sigma: Vec<f64>,
    distance: Vec<i32>,
    delta: Vec<f64>,
    order: Vec<u32>,
    queue_head: usize,
    centrality: Vec<f64>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Self {
            sigma: vec![0.0; n],
            distance: vec![-1; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
            queue_head: 0,
            centrality: vec![0.0; n],
        }
    }

    /// Adds the dependencies of every actor on the shortest paths from `s`.
    fn accumulate(&mut self, g: &Neighbours, s: usize) {
        self.order.clear();
        self.queue_head = 0;
        self.sigma[s] = 1.0;
        self.distance[s] = 0;
        self.order.push(s as u32);
        while self.queue_head < self.order.len() {
            let v = self.order[self.queue_head] as usize;
            self.queue_head += 1;
            let next = self.distance[v] + 1;
            for &w in g.of_actor(v) {
                let w = w as usize;
                if self.distance[w] < 0 {
                    self.distance[w] = next;
                    self.order.push(w as u32);
                }
                if self.distance[w] == next {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
        for &w in self.order.iter().rev() {
            let w = w as usize;
            let coefficient = (1.0 + self.delta[w]) / self.sigma[w];
            let before = self.distance[w] - 1;
            for &v in g.of_actor(w) {
                let v = v as usize;
                if self.distance[v] == before {
                    self.delta[v] += self.sigma[v] * coefficient;
                }
            }
            if w != s {
                self.centrality[w] += self.delta[w];
            }
        }
        for &w in &self.order {
            let w = w as usize;
            self.sigma[w] = 0.0;
            self.distance[w] = -1;
            self.delta[w] = 0.0;
        }
    }
}

/// Normalised betweenness of every actor, computed on `threads` threads. `progress` is told
/// the fraction done now and then; `None` when `cancelled` said to stop.
pub fn betweenness(
    graph: &MapGraph,
    threads: usize,
    progress: &(dyn Fn(f32) + Sync),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<f64>> {
    let g = Neighbours::of(graph);
    let n = g.len();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let threads = threads.clamp(1, 64).min(n.max(1));
    let parts: Vec<Option<Vec<f64>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut scratch = Scratch::new(n);
                    loop {
                        // Sources are taken in small batches, so that threads finish together.
                        let first = next.fetch_add(64, Ordering::Relaxed);
                        if first >= n {
                            break;
                        }
                        if cancelled() {
                            return None;
                        }
                        for s in first..(first + 64).min(n) {
                            scratch.accumulate(&g, s);
                        }
                        let finished =
                            done.fetch_add((first + 64).min(n) - first, Ordering::Relaxed);
                        progress((finished + 64).min(n) as f32 / n as f32);
                    }
                    Some(scratch.centrality)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or(None))
            .collect()
    });
    let mut total = vec![0.0; n];
    for part in parts {
        for (t, x) in total.iter_mut().zip(part?) {
            *t += x;
        }
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        for x in &mut total {
            *x *= scale;
        }
    }
    Some(total)
}
