//! Updating the map cache in place after actors and ties were added, removed or replaced, so
//! that an edit on a large map costs a pass over plain arrays instead of a rebuild.

use egui::Pos2;
use foldhash::HashSet;

use super::{fan_out, next_revision, pair_key, tie_payload, MapCache};
use crate::edit::Change;
use crate::model::Dataset;
use crate::ui::map::display::ActorNode;
use crate::ui::map::shapes::Emphasis;

/// Above this many changes at once, rebuilding is as cheap and simpler.
const MOST_CHANGES: usize = 1 << 20;

/// Where an element of the updated list comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Unchanged, at this index before.
    Kept(u32),
    /// Replaced (same id), at this index before.
    Replaced(u32),
    /// New.
    Added,
}

/// What happened at a place of one list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Insert,
    Remove,
    Replace,
}

/// Replays the insertions and removals on a list of slots, as the dataset saw them. Runs of
/// removals at descending places and of insertions at ascending places (what bulk edits log)
/// are replayed in one pass each.
fn replay(len: usize, changes: &[Change], actors: bool) -> Option<Vec<Slot>> {
    let ops: Vec<(Op, usize)> = changes
        .iter()
        .filter_map(|c| match (*c, actors) {
            (Change::ActorInserted(i), true) | (Change::TieInserted(i), false) => {
                Some((Op::Insert, i))
            }
            (Change::ActorRemoved(i), true) | (Change::TieRemoved(i), false) => {
                Some((Op::Remove, i))
            }
            (Change::ActorReplaced(i), true) | (Change::TieReplaced(i), false) => {
                Some((Op::Replace, i))
            }
            _ => None,
        })
        .collect();
    let mut slots: Vec<Slot> = (0..len as u32).map(Slot::Kept).collect();
    let mut k = 0;
    while k < ops.len() {
        let (op, first) = ops[k];
        let run = 1 + ops[k + 1..]
            .iter()
            .zip(&ops[k..])
            .take_while(|((next_op, next), (_, prev))| {
                *next_op == op
                    && match op {
                        Op::Remove => next < prev,
                        Op::Insert => next > prev,
                        Op::Replace => false,
                    }
            })
            .count();
        let places = ops[k..k + run].iter().map(|&(_, i)| i);
        match op {
            Op::Remove => {
                // Descending places all refer to the list as the run found it.
                let mut gone = vec![false; slots.len()];
                for i in places {
                    *gone.get_mut(i)? = true;
                }
                let mut place = 0;
                slots.retain(|_| {
                    place += 1;
                    !gone[place - 1]
                });
            }
            Op::Insert => {
                // Ascending places are the new slots' places in the list after the run.
                let old = std::mem::take(&mut slots);
                let mut old = old.into_iter();
                for i in places {
                    // The list is `slots` and what is left of `old` long at this point.
                    if i > old.len() + slots.len() {
                        return None;
                    }
                    while slots.len() < i {
                        slots.push(old.next()?);
                    }
                    slots.push(Slot::Added);
                }
                slots.extend(old);
            }
            Op::Replace => {
                let slot = slots.get_mut(first)?;
                if let Slot::Kept(old) = *slot {
                    *slot = Slot::Replaced(old);
                }
            }
        }
        k += run;
    }
    Some(slots)
}

impl MapCache {
    /// Brings the cache from the dataset it was built for to `data`, given what changed in
    /// between; returns false (and changes nothing) when it cannot, and the caller rebuilds.
    /// Costs a pass over the cache's plain arrays plus work in proportion to what changed: the
    /// graph's nodes and edges are touched only where actors or ties came, went, or moved lane.
    pub fn apply_changes(&mut self, data: &Dataset, changes: &[Change]) -> bool {
        if changes.len() > MOST_CHANGES {
            return false;
        }
        let Some(actor_slots) = replay(self.positions.len(), changes, true) else {
            return false;
        };
        let Some(tie_slots) = replay(self.tie_ends.len(), changes, false) else {
            return false;
        };
        if actor_slots.len() != data.actors.len() || tie_slots.len() != data.ties.len() {
            return false;
        }
        self.remove_gone(&actor_slots, &tie_slots);
        self.update_actors(data, &actor_slots);
        self.update_ties(data, &tie_slots);
        self.revision = next_revision();
        self.grid_dirty = true;
        true
    }

    /// Takes the nodes of gone actors and the edges of gone or replaced ties out of the graph.
    /// Through petgraph directly: egui_graphs' own removals renumber the stacking order of
    /// every parallel edge, which the map does not use (it has its lanes), at a cost that grows
    /// with the square of a hub's degree.
    fn remove_gone(&mut self, actor_slots: &[Slot], tie_slots: &[Slot]) {
        let graph = self.graph.g_mut();
        let mut stays = vec![false; self.actor_nodes.len()];
        for slot in actor_slots {
            if let Slot::Kept(old) | Slot::Replaced(old) = *slot {
                stays[old as usize] = true;
            }
        }
        // A node goes with all its edges, each unlinked in constant time from its own list.
        for (old, _) in stays.iter().enumerate().filter(|(_, stays)| !**stays) {
            graph.remove_node(self.actor_nodes[old]);
        }
        let mut kept = vec![false; self.tie_edges.len()];
        for slot in tie_slots {
            if let Slot::Kept(old) = *slot {
                kept[old as usize] = true;
            }
        }
        for (old, edge) in self.tie_edges.iter().enumerate() {
            // An edge whose node went is gone already; nothing was added since, so its index
            // is still vacant and removing it again does nothing.
            if let (false, Some(edge)) = (kept[old], *edge) {
                graph.remove_edge(edge);
            }
        }
    }

    fn update_actors(&mut self, data: &Dataset, slots: &[Slot]) {
        const GONE: u32 = u32::MAX;
        // Only ties changed: the actors, their places and their nodes stay as they are.
        let unchanged = |(j, slot): (usize, &Slot)| *slot == Slot::Kept(j as u32);
        if slots.len() == self.positions.len() && slots.iter().enumerate().all(unchanged) {
            return;
        }
        let mut new_index = vec![GONE; self.positions.len()];
        for (j, slot) in slots.iter().enumerate() {
            if let Slot::Kept(old) | Slot::Replaced(old) = *slot {
                new_index[old as usize] = j as u32;
            }
        }
        let centre = self.centre();
        let mut nodes = Vec::with_capacity(slots.len());
        let mut positions = Vec::with_capacity(slots.len());
        for (j, (slot, actor)) in slots.iter().zip(&data.actors).enumerate() {
            let (node, position) = match *slot {
                Slot::Kept(old) | Slot::Replaced(old) => {
                    (self.actor_nodes[old as usize], self.positions[old as usize])
                }
                Slot::Added => {
                    let p = actor
                        .position
                        .map_or(centre, |p| Pos2::new(p.x as f32, p.y as f32));
                    let payload = ActorNode {
                        actor: j,
                        kind: actor.kind,
                        pinned: actor.pinned,
                        emphasis: Emphasis::Normal,
                    };
                    (self.graph.add_node_with_location(payload, p), p)
                }
            };
            if let Some(n) = self.graph.node_mut(node) {
                let payload = n.payload_mut();
                payload.actor = j;
                payload.kind = actor.kind;
                payload.pinned = actor.pinned;
            }
            nodes.push(node);
            positions.push(position);
        }
        self.actor_nodes = nodes;
        self.positions = positions;
        // Ties keep pointing at the same actors under their new indices.
        for ends in self.tie_ends.iter_mut().flatten() {
            *ends = (new_index[ends.0 as usize], new_index[ends.1 as usize]);
        }
        self.index_of.retain(|_, i| new_index[*i] != GONE);
        for i in self.index_of.values_mut() {
            *i = new_index[*i] as usize;
        }
        for (j, slot) in slots.iter().enumerate() {
            if *slot == Slot::Added {
                self.index_of.insert(data.actors[j].id.clone(), j);
            }
        }
    }

    fn update_ties(&mut self, data: &Dataset, slots: &[Slot]) {
        const GONE: u32 = u32::MAX;
        let mut edges = Vec::with_capacity(slots.len());
        let mut ends = Vec::with_capacity(slots.len());
        let mut lanes = Vec::with_capacity(slots.len());
        let mut fresh = Vec::new();
        for (i, slot) in slots.iter().enumerate() {
            match *slot {
                Slot::Kept(old) => {
                    edges.push(self.tie_edges[old as usize]);
                    ends.push(self.tie_ends[old as usize]);
                    lanes.push(self.lanes[old as usize]);
                }
                // Replaced ties may have new ends: they get a new edge like new ones.
                Slot::Replaced(_) | Slot::Added => {
                    let tie = &data.ties[i];
                    let a = self.index_of.get(&tie.from).copied();
                    let b = self.index_of.get(&tie.to).copied();
                    ends.push(a.zip(b).map(|(a, b)| (a as u32, b as u32)));
                    edges.push(None);
                    lanes.push(0.0);
                    fresh.push(i);
                }
            }
        }
        // The pairs of actors whose ties came or went are fanned out again.
        let mut touched: HashSet<u64> = HashSet::default();
        let mut kept = vec![false; self.tie_ends.len()];
        for slot in slots {
            if let Slot::Kept(old) = *slot {
                kept[old as usize] = true;
            }
        }
        for (old, old_ends) in self.tie_ends.iter().enumerate() {
            // Ends already renumbered; a gone actor takes its pairs along.
            if let (false, Some((a, b))) = (kept[old], *old_ends) {
                if a != GONE && b != GONE {
                    touched.insert(pair_key((a, b)));
                }
            }
        }
        touched.extend(fresh.iter().filter_map(|&i| ends[i].map(pair_key)));
        let relaned = fan_out_pairs(&mut lanes, &ends, &touched);
        for &i in &fresh {
            if let Some((a, b)) = ends[i] {
                let edge = egui_graphs::Edge::new(tie_payload(&data.ties[i], lanes[i]));
                let (na, nb) = (self.actor_nodes[a as usize], self.actor_nodes[b as usize]);
                // Through petgraph, like the removals: egui_graphs' `add_edge` walks both
                // ends' edge lists to pick a stacking order the map does not use, which costs
                // a hub's degree per added tie. Such edges carry no egui_graphs id; relmap
                // never runs egui_graphs' `GraphView` on this graph, the one reader of it.
                edges[i] = Some(self.graph.g_mut().add_edge(na, nb, edge));
            }
        }
        for i in relaned {
            if let Some(e) = edges[i].and_then(|e| self.graph.edge_mut(e)) {
                e.payload_mut().lane = lanes[i];
            }
        }
        self.tie_edges = edges;
        self.tie_ends = ends;
        self.lanes = lanes;
        self.rank_by_degree();
    }

    /// The middle of the actors' bounding box: where an added actor without a position goes.
    fn centre(&self) -> Pos2 {
        let mut bounds = egui::Rect::NOTHING;
        for p in &self.positions {
            bounds.extend_with(*p);
        }
        if bounds.is_positive() {
            bounds.center()
        } else {
            Pos2::ZERO
        }
    }
}

/// Fans out again the ties of the `touched` pairs of actors; returns the ties whose lane
/// changed.
fn fan_out_pairs(
    lanes: &mut [f32],
    ends: &[Option<(u32, u32)>],
    touched: &HashSet<u64>,
) -> Vec<usize> {
    if touched.is_empty() {
        return Vec::new();
    }
    // Each touched pair's ties, in document order, as one run once sorted.
    let mut order: Vec<(u64, u32)> = ends
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((pair_key((*e)?), i as u32)))
        .filter(|(key, _)| touched.contains(key))
        .collect();
    order.sort_unstable();
    let before: Vec<f32> = order.iter().map(|&(_, i)| lanes[i as usize]).collect();
    for run in order.chunk_by(|x, y| x.0 == y.0) {
        fan_out(lanes, run[0].0, run.iter().map(|&(_, tie)| tie as usize));
    }
    order
        .iter()
        .zip(before)
        .filter(|&(&(_, i), lane)| lanes[i as usize] != lane)
        .map(|(&(_, i), _)| i as usize)
        .collect()
}
