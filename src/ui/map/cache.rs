//! The map's view cache: an egui_graphs graph built from the dataset and keyed by actor index.
//! Built when a document opens, updated in place when actors or ties are added, removed or
//! replaced (`update`); never saved and never the source of truth.

use foldhash::HashMap;

use egui::Pos2;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};

use super::display::{ActorNode, MapGraph, TieEdge};
use super::grid::GridIndex;
use super::shapes::Emphasis;
use crate::app::Selection;
use crate::model::{Dataset, Point};
use crate::ui::theme::{self, LineStyle};

mod update;

/// The graph drawn on the map and the links between it and the dataset.
pub struct MapCache {
    pub graph: MapGraph,
    /// Node of each actor, by actor index.
    pub actor_nodes: Vec<NodeIndex>,
    /// Edge of each tie, by tie index (`None` for ties whose actors are missing).
    pub tie_edges: Vec<Option<EdgeIndex>>,
    /// Number of ties of each actor, by actor index.
    pub degree: Vec<usize>,
    /// Actor indices, most connected first: the order in which labels claim space.
    pub by_degree: Vec<usize>,
    /// Actor index by id.
    pub index_of: HashMap<String, usize>,
    /// Where each actor is drawn, in canvas units, by actor index: what the map shows now
    /// (a running layout or a drag moves it before the document changes).
    pub positions: Vec<Pos2>,
    /// The actor indices at the ends of each tie, by tie index.
    pub tie_ends: Vec<Option<(u32, u32)>>,
    /// The lane of each tie, by tie index (also in the edge's payload, which the drawing reads).
    pub lanes: Vec<f32>,
    /// How many ties and actors the selection highlights (selected or in focus), all over
    /// the map: a drawing need count those in view only when these are large.
    pub highlighted: (usize, usize),
    /// A spatial index over `positions`, for culling and hit-tests.
    pub grid: GridIndex,
    grid_dirty: bool,
    /// Changes whenever positions or highlighting change: drawings kept between frames compare
    /// it. Unique across caches, so a rebuilt cache never looks unchanged.
    pub revision: u64,
}

impl Default for MapCache {
    fn default() -> Self {
        Self::build(&Dataset::default())
    }
}

impl MapCache {
    pub fn build(data: &Dataset) -> Self {
        let mut graph = MapGraph::from(&StableGraph::default());
        // Exact room: growing by doubling would hold both copies at once on large maps.
        graph.g_mut().reserve_exact_nodes(data.actors.len());
        graph.g_mut().reserve_exact_edges(data.ties.len());
        let fallback = fallback_positions(data);
        let index_of: HashMap<String, usize> = data
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut actor_nodes = Vec::with_capacity(data.actors.len());
        for (i, actor) in data.actors.iter().enumerate() {
            let p = actor.position.unwrap_or(fallback[i]);
            let node = graph.add_node_with_location(
                ActorNode {
                    actor: i,
                    kind: actor.kind,
                    pinned: actor.pinned,
                    emphasis: Emphasis::Normal,
                },
                Pos2::new(p.x as f32, p.y as f32),
            );
            actor_nodes.push(node);
        }
        let tie_ends: Vec<Option<(u32, u32)>> = data
            .ties
            .iter()
            .map(|t| {
                let a = *index_of.get(t.from.as_str())?;
                let b = *index_of.get(t.to.as_str())?;
                Some((a as u32, b as u32))
            })
            .collect();
        let lanes = lanes(&tie_ends);
        let mut tie_edges = Vec::with_capacity(data.ties.len());
        for (i, t) in data.ties.iter().enumerate() {
            let edge = tie_ends[i].map(|(a, b)| {
                let ends = (actor_nodes[a as usize], actor_nodes[b as usize]);
                graph.add_edge(ends.0, ends.1, tie_payload(t, lanes[i]))
            });
            tie_edges.push(edge);
        }
        let positions = fallback
            .iter()
            .map(|p| Pos2::new(p.x as f32, p.y as f32))
            .collect();
        let mut cache = Self {
            graph,
            actor_nodes,
            tie_edges,
            degree: Vec::new(),
            by_degree: Vec::new(),
            index_of,
            positions,
            tie_ends,
            lanes,
            highlighted: (0, 0),
            grid: GridIndex::default(),
            grid_dirty: true,
            revision: next_revision(),
        };
        cache.rank_by_degree();
        cache.reindex();
        cache
    }

    /// Counts each actor's ties and orders the actors by that count, most first (ties broken
    /// by place): the order in which labels claim space.
    fn rank_by_degree(&mut self) {
        self.degree = vec![0; self.positions.len()];
        for &(a, b) in self.tie_ends.iter().flatten() {
            self.degree[a as usize] += 1;
            if a != b {
                self.degree[b as usize] += 1;
            }
        }
        let degree = &self.degree;
        let mut order: Vec<usize> = (0..degree.len()).collect();
        order.sort_unstable_by(|&x, &y| degree[y].cmp(&degree[x]).then(x.cmp(&y)));
        self.by_degree = order;
    }

    /// Moves an actor on the map (not in the document).
    pub fn set_position(&mut self, actor: usize, p: Pos2) {
        if let Some(slot) = self.positions.get_mut(actor) {
            *slot = p;
            if let Some(n) = self.graph.node_mut(self.actor_nodes[actor]) {
                n.set_location(p);
            }
            self.grid_dirty = true;
            self.revision = next_revision();
        }
    }

    /// Takes the actors' positions and pins from the dataset, which has the same actors as when
    /// this cache was built.
    pub fn refresh_positions(&mut self, data: &Dataset) {
        if data.actors.len() != self.positions.len() {
            *self = Self::build(data);
            return;
        }
        for (i, actor) in data.actors.iter().enumerate() {
            if let Some(p) = actor.position {
                self.set_position(i, Pos2::new(p.x as f32, p.y as f32));
            }
            if let Some(n) = self.graph.node_mut(self.actor_nodes[i]) {
                n.payload_mut().pinned = actor.pinned;
            }
        }
    }

    /// Rebuilds the spatial index if positions changed since it was built.
    pub fn reindex(&mut self) {
        if self.grid_dirty {
            self.grid.rebuild(self.positions.iter().copied());
            self.grid_dirty = false;
        }
    }

    /// Marks the selection and its neighbourhood, and dims the rest.
    pub fn apply_selection(
        &mut self,
        data: &Dataset,
        selection: &Selection,
        hovered_tie: Option<usize>,
    ) {
        let n = data.actors.len();
        let index = |id: &str| self.index_of.get(id).copied();
        let mut selected = vec![false; n];
        let mut focus = vec![false; n];
        let selected_tie = match selection {
            Selection::Tie(id) => data.ties.iter().position(|t| &t.id == id),
            _ => None,
        };
        for id in selection.actor_ids() {
            if let Some(i) = index(&id) {
                selected[i] = true;
                focus[i] = true;
            }
        }
        let ends = &self.tie_ends;
        let touches_selected =
            |ti: usize| ends[ti].is_some_and(|(a, b)| selected[a as usize] || selected[b as usize]);
        for (ti, tie_ends) in ends.iter().enumerate() {
            if touches_selected(ti) || selected_tie == Some(ti) {
                if let Some((a, b)) = *tie_ends {
                    focus[a as usize] = true;
                    focus[b as usize] = true;
                }
            }
        }
        self.revision = next_revision();
        let dimming = !matches!(selection, Selection::None);
        let ties = (0..ends.len())
            .filter(|&ti| touches_selected(ti) || selected_tie == Some(ti))
            .count();
        self.highlighted = (ties, focus.iter().filter(|f| **f).count());
        for (i, &node) in self.actor_nodes.iter().enumerate() {
            if let Some(n) = self.graph.node_mut(node) {
                n.set_selected(selected[i]);
                n.payload_mut().emphasis = match (dimming, focus[i]) {
                    (false, _) => Emphasis::Normal,
                    (true, true) => Emphasis::Focus,
                    (true, false) => Emphasis::Dim,
                };
            }
        }
        for (i, edge) in self.tie_edges.iter().enumerate() {
            let Some(edge) = *edge else { continue };
            let is_selected = selected_tie == Some(i);
            let focused = is_selected || touches_selected(i) || hovered_tie == Some(i);
            if let Some(e) = self.graph.edge_mut(edge) {
                e.set_selected(is_selected);
                e.payload_mut().emphasis = if focused {
                    Emphasis::Focus
                } else if dimming {
                    Emphasis::Dim
                } else {
                    Emphasis::Normal
                };
            }
        }
    }

    /// How many ties touch any of these actors, each tie counted once: from the cache's
    /// indices, so that a panel can say it every frame on a large map.
    pub fn ties_touching(&self, ids: &[String]) -> usize {
        if let [id] = ids {
            return self.index_of.get(id).map_or(0, |&i| self.degree[i]);
        }
        let mut chosen = vec![false; self.positions.len()];
        for i in ids.iter().filter_map(|id| self.index_of.get(id)) {
            chosen[*i] = true;
        }
        self.tie_ends
            .iter()
            .flatten()
            .filter(|(a, b)| chosen[*a as usize] || chosen[*b as usize])
            .count()
    }

    /// The actor index of a node.
    pub fn actor_of(&self, node: NodeIndex) -> Option<usize> {
        self.graph.node(node).map(|n| n.payload().actor)
    }
}

/// What the map draws of a tie.
fn tie_payload(t: &crate::model::Tie, lane: f32) -> TieEdge {
    TieEdge {
        polarity: t.polarity,
        style: LineStyle::of_tie(t),
        width: theme::tie_width(t.excerpts.len()),
        directed: t.directed,
        lane,
        emphasis: Emphasis::Normal,
    }
}

/// The lane of each tie: the ties of one pair of actors are fanned out symmetrically around
/// the straight line, in document order; loops are stacked outwards.
fn lanes(tie_ends: &[Option<(u32, u32)>]) -> Vec<f32> {
    // Ties sorted by their unordered pair, then by index: each pair's ties are one run.
    let mut order: Vec<(u64, u32)> = tie_ends
        .iter()
        .enumerate()
        .filter_map(|(i, ends)| Some((pair_key((*ends)?), i as u32)))
        .collect();
    order.sort_unstable();
    let mut lanes = vec![0.0; tie_ends.len()];
    for run in order.chunk_by(|x, y| x.0 == y.0) {
        fan_out(
            &mut lanes,
            run[0].0,
            run.iter().map(|&(_, tie)| tie as usize),
        );
    }
    lanes
}

/// The unordered pair of actors at the ends of a tie, as one number.
fn pair_key((a, b): (u32, u32)) -> u64 {
    (u64::from(a.min(b)) << 32) | u64::from(a.max(b))
}

/// Gives the ties of one pair (in document order) their lanes: fanned out symmetrically around
/// the straight line, or stacked outwards for loops.
fn fan_out(lanes: &mut [f32], pair: u64, ties: impl ExactSizeIterator<Item = usize>) {
    let is_loop = (pair >> 32) == (pair & 0xffff_ffff);
    let centre = if is_loop {
        0.0
    } else {
        (ties.len() as f32 - 1.0) / 2.0
    };
    for (k, tie) in ties.enumerate() {
        lanes[tie] = k as f32 - centre;
    }
}

fn next_revision() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Positions for actors that have none yet: a ring around the placed ones, in document order.
fn fallback_positions(data: &Dataset) -> Vec<Point> {
    let placed: Vec<Point> = data.actors.iter().filter_map(|a| a.position).collect();
    let (cx, cy, radius) = if placed.is_empty() {
        (0.0, 0.0, 60.0 + 25.0 * data.actors.len() as f64)
    } else {
        let n = placed.len() as f64;
        let cx = placed.iter().map(|p| p.x).sum::<f64>() / n;
        let cy = placed.iter().map(|p| p.y).sum::<f64>() / n;
        let r = placed
            .iter()
            .map(|p| p.distance(Point::new(cx, cy)))
            .fold(0.0, f64::max);
        (cx, cy, r + 120.0)
    };
    let unplaced = data
        .actors
        .iter()
        .filter(|a| a.position.is_none())
        .count()
        .max(1);
    let mut k = 0;
    data.actors
        .iter()
        .map(|a| match a.position {
            Some(p) => p,
            None => {
                let angle = k as f64 * std::f64::consts::TAU / unplaced as f64;
                k += 1;
                Point::new(cx + radius * angle.cos(), cy + radius * angle.sin())
            }
        })
        .collect()
}
