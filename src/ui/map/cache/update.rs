//! Updating the map cache in place after actors and ties were added, removed or replaced, so
//! that an edit on a large map costs a pass over plain arrays instead of a rebuild.

use egui::Pos2;
use foldhash::HashSet;

use super::{fan_out, next_revision, pair_key, MapCache};
use crate::edit::replay::{replay, List, Slot};
use crate::edit::Change;
use crate::model::Dataset;
use crate::ui::map::looks::{ActorLook, TieLook};

/// Above this many changes at once, rebuilding is as cheap and simpler.
const MOST_CHANGES: usize = 1 << 20;

impl MapCache {
    /// Brings the cache from the dataset it was built for to `data`, given what changed in
    /// between; returns false (and changes nothing) when it cannot, and the caller rebuilds.
    /// Costs a pass over the cache's plain arrays plus work in proportion to what changed.
    pub fn apply_changes(&mut self, data: &Dataset, changes: &[Change]) -> bool {
        if changes.len() > MOST_CHANGES {
            return false;
        }
        let Some(actor_slots) = replay(self.positions.len(), changes, List::Actors) else {
            return false;
        };
        let Some(tie_slots) = replay(self.tie_ends.len(), changes, List::Ties) else {
            return false;
        };
        if actor_slots.len() != data.actors.len() || tie_slots.len() != data.ties.len() {
            return false;
        }
        self.update_actors(data, &actor_slots);
        self.update_ties(data, &tie_slots);
        self.revision = next_revision();
        self.grid_dirty = true;
        true
    }

    fn update_actors(&mut self, data: &Dataset, slots: &[Slot]) {
        const GONE: u32 = u32::MAX;
        // Only ties changed: the actors and their places stay as they are.
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
        let mut looks = Vec::with_capacity(slots.len());
        let mut positions = Vec::with_capacity(slots.len());
        for (slot, actor) in slots.iter().zip(&data.actors) {
            let position = match *slot {
                Slot::Kept(old) | Slot::Replaced(old) => self.positions[old as usize],
                Slot::Added => actor
                    .position
                    .map_or(centre, |p| Pos2::new(p.x as f32, p.y as f32)),
            };
            looks.push(ActorLook::of(actor));
            positions.push(position);
        }
        self.actors = looks;
        self.positions = positions;
        // Ties keep pointing at the same actors under their new indices.
        for ends in self.tie_ends.iter_mut().flatten() {
            *ends = (new_index[ends.0 as usize], new_index[ends.1 as usize]);
        }
    }

    fn update_ties(&mut self, data: &Dataset, slots: &[Slot]) {
        const GONE: u32 = u32::MAX;
        let mut looks = Vec::with_capacity(slots.len());
        let mut ends = Vec::with_capacity(slots.len());
        let mut fresh = Vec::new();
        for (i, slot) in slots.iter().enumerate() {
            match *slot {
                Slot::Kept(old) => {
                    looks.push(self.ties[old as usize]);
                    ends.push(self.tie_ends[old as usize]);
                }
                // Replaced ties may have new ends and a new look, like new ones.
                Slot::Replaced(_) | Slot::Added => {
                    let tie = &data.ties[i];
                    let a = data.actor_place(&tie.from);
                    let b = data.actor_place(&tie.to);
                    ends.push(a.zip(b).map(|(a, b)| (a as u32, b as u32)));
                    looks.push(TieLook::of(tie, 0.0));
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
        fan_out_pairs(&mut looks, &ends, &touched);
        self.ties = looks;
        self.tie_ends = ends;
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

/// Fans out again the ties of the `touched` pairs of actors.
fn fan_out_pairs(looks: &mut [TieLook], ends: &[Option<(u32, u32)>], touched: &HashSet<u64>) {
    if touched.is_empty() {
        return;
    }
    // Each touched pair's ties, in document order, as one run once sorted.
    let mut order: Vec<(u64, u32)> = ends
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((pair_key((*e)?), i as u32)))
        .filter(|(key, _)| touched.contains(key))
        .collect();
    order.sort_unstable();
    for run in order.chunk_by(|x, y| x.0 == y.0) {
        fan_out(looks, run[0].0, run.iter().map(|&(_, tie)| tie as usize));
    }
}
