//! The map's view cache, the one source of truth for what the map draws: where each actor is
//! (by actor index), the actors at the ends of each tie and its lane (by tie index), each
//! actor's and tie's look, and the visibility mask it was last given. Built when a document
//! opens, updated in place when actors or ties are added, removed or replaced (`update`);
//! never saved.

use egui::Pos2;

use super::grid::GridIndex;
use super::looks::{ActorLook, TieLook};
use super::shapes::Emphasis;
use crate::app::visibility::Visibility;
use crate::app::Selection;
use crate::model::{Dataset, Point};

mod update;

/// What the map draws, by actor and tie index.
pub struct MapCache {
    /// How each actor is drawn.
    pub actors: Vec<ActorLook>,
    /// How each tie is drawn, lane included.
    pub ties: Vec<TieLook>,
    /// Number of ties of each actor, by actor index.
    pub degree: Vec<usize>,
    /// Actor indices, most connected first: the order in which labels claim space.
    pub by_degree: Vec<usize>,
    /// Where each actor is drawn, in canvas units, by actor index: what the map shows now
    /// (a running layout or a drag moves it before the document changes).
    pub positions: Vec<Pos2>,
    /// The actor indices at the ends of each tie, by tie index (`None` for ties whose actors
    /// are missing).
    pub tie_ends: Vec<Option<(u32, u32)>>,
    /// How many ties and actors the selection highlights (selected or in focus), all over
    /// the map: a drawing need count those in view only when these are large.
    pub highlighted: (usize, usize),
    /// What is shown: a copy of the state's mask, taken by [`Self::set_visibility`].
    pub shown: Visibility,
    /// A spatial index over the positions of the shown actors, for culling and hit-tests.
    pub grid: GridIndex,
    grid_dirty: bool,
    /// The largest of the actors' `scale` (1 unless a measure sizes them): how far from an
    /// actor's centre a hit-test must look.
    pub largest_scale: f32,
    /// Changes whenever positions, highlighting or the mask change: drawings kept between
    /// frames compare it. Unique across caches, so a rebuilt cache never looks unchanged.
    pub revision: u64,
}

impl Default for MapCache {
    fn default() -> Self {
        Self::build(&Dataset::default())
    }
}

impl MapCache {
    pub fn build(data: &Dataset) -> Self {
        let positions: Vec<Pos2> = fallback_positions(data)
            .iter()
            .map(|p| Pos2::new(p.x as f32, p.y as f32))
            .collect();
        let tie_ends: Vec<Option<(u32, u32)>> = data
            .ties
            .iter()
            .map(|t| {
                let a = data.actor_place(&t.from)?;
                let b = data.actor_place(&t.to)?;
                Some((a as u32, b as u32))
            })
            .collect();
        let mut ties: Vec<TieLook> = data.ties.iter().map(|t| TieLook::of(t, 0.0)).collect();
        fan_out_all(&mut ties, &tie_ends);
        let mut cache = Self {
            actors: data.actors.iter().map(ActorLook::of).collect(),
            ties,
            degree: Vec::new(),
            by_degree: Vec::new(),
            positions,
            tie_ends,
            highlighted: (0, 0),
            shown: Visibility::everything(),
            grid: GridIndex::default(),
            grid_dirty: true,
            largest_scale: 1.0,
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
            self.actors[i].pinned = actor.pinned;
        }
    }

    /// Takes the state's visibility mask, when it differs from the one the cache has; says
    /// whether it did.
    pub fn set_visibility(&mut self, mask: &Visibility) -> bool {
        if self.shown.is_same(mask) {
            return false;
        }
        self.shown = mask.clone();
        self.grid_dirty = true;
        self.revision = next_revision();
        true
    }

    /// Whether the actor at this index is drawn.
    pub fn actor_shown(&self, actor: usize) -> bool {
        actor < self.positions.len() && self.shown.actor(actor)
    }

    /// Rebuilds the spatial index if positions or the mask changed since it was built. Hidden
    /// actors are left out of it, so culling, hover and clicks never find them.
    pub fn reindex(&mut self) {
        if self.grid_dirty {
            let shown = &self.shown;
            self.grid.rebuild(
                self.positions.len(),
                self.positions
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| shown.actor(*i))
                    .map(|(i, p)| (i as u32, *p)),
            );
            self.grid_dirty = false;
        }
    }

    /// The positions of the shown actors: what Fit frames.
    pub fn shown_positions(&self) -> Vec<Pos2> {
        self.positions
            .iter()
            .enumerate()
            .filter(|(i, _)| self.shown.actor(*i))
            .map(|(_, p)| *p)
            .collect()
    }

    /// Marks the selection and its neighbourhood, and dims the rest.
    pub fn apply_selection(
        &mut self,
        data: &Dataset,
        selection: &Selection,
        second_tie: Option<&str>,
        hovered_tie: Option<usize>,
    ) {
        let n = data.actors.len();
        let mut selected = vec![false; n];
        let mut focus = vec![false; n];
        let selected_tie = match selection {
            Selection::Tie(id) => data.tie_place(id),
            _ => None,
        };
        let second_tie = second_tie.and_then(|id| data.tie_place(id));
        for id in selection.actor_ids() {
            if let Some(i) = data.actor_place(&id) {
                selected[i] = true;
                focus[i] = true;
            }
        }
        let ends = &self.tie_ends;
        let touches_selected =
            |ti: usize| ends[ti].is_some_and(|(a, b)| selected[a as usize] || selected[b as usize]);
        let picked = |ti: usize| selected_tie == Some(ti) || second_tie == Some(ti);
        let highlights = |ti: usize| (touches_selected(ti) || picked(ti)) && self.shown.tie(ti);
        for (ti, tie_ends) in ends.iter().enumerate() {
            if let (true, Some((a, b))) = (highlights(ti), *tie_ends) {
                focus[a as usize] = true;
                focus[b as usize] = true;
            }
        }
        self.revision = next_revision();
        let dimming = !matches!(selection, Selection::None);
        let ties = (0..ends.len()).filter(|&ti| highlights(ti)).count();
        let actors = (0..n).filter(|&i| focus[i] && self.shown.actor(i)).count();
        self.highlighted = (ties, actors);
        for (i, look) in self.actors.iter_mut().enumerate() {
            look.selected = selected[i];
            look.emphasis = match (dimming, focus[i]) {
                (false, _) => Emphasis::Normal,
                (true, true) => Emphasis::Focus,
                (true, false) => Emphasis::Dim,
            };
        }
        for (i, look) in self.ties.iter_mut().enumerate() {
            look.selected = selected_tie == Some(i) || second_tie == Some(i);
            let focused = look.selected || touches_selected(i) || hovered_tie == Some(i);
            look.emphasis = if focused {
                Emphasis::Focus
            } else if dimming {
                Emphasis::Dim
            } else {
                Emphasis::Normal
            };
        }
    }

    /// Sizes the actors by a measure's values (from 0.6 to 2 times the usual, by the square
    /// root of the value against the largest) and colours them by community; `None` puts the
    /// usual size or colour back.
    pub fn set_measures(&mut self, sizes: Option<&[f64]>, communities: Option<&[usize]>) {
        let largest = sizes.map_or(0.0, |v| v.iter().copied().fold(0.0, f64::max));
        for (i, look) in self.actors.iter_mut().enumerate() {
            look.scale = match sizes.and_then(|v| v.get(i)) {
                Some(&v) if largest > 0.0 => (0.6 + 1.4 * (v / largest).max(0.0).sqrt()) as f32,
                _ => 1.0,
            };
            // Actors added since the communities were found have none (`usize::MAX`).
            look.community = communities
                .and_then(|c| c.get(i))
                .filter(|&&c| c != usize::MAX)
                .map(|&c| c.min(u16::MAX as usize - 1) as u16);
        }
        self.largest_scale = self.actors.iter().map(|a| a.scale).fold(1.0, f32::max);
        self.revision = next_revision();
    }

    /// Highlights the ties of paths found (by tie index) and their actors, over the selection's
    /// highlighting, and dims the rest.
    pub fn highlight_paths(&mut self, ties: &[usize]) {
        if ties.is_empty() {
            return;
        }
        let mut on_path = vec![false; self.actors.len()];
        let mut tie_on_path = vec![false; self.ties.len()];
        for &t in ties {
            if let (Some(Some((a, b))), Some(flag)) = (self.tie_ends.get(t), tie_on_path.get_mut(t))
            {
                *flag = true;
                on_path[*a as usize] = true;
                on_path[*b as usize] = true;
            }
        }
        for (look, on) in self.ties.iter_mut().zip(&tie_on_path) {
            look.emphasis = if *on {
                Emphasis::Focus
            } else if look.selected {
                look.emphasis
            } else {
                Emphasis::Dim
            };
            look.selected |= *on;
        }
        for (look, on) in self.actors.iter_mut().zip(&on_path) {
            if *on {
                look.emphasis = Emphasis::Focus;
            } else if !look.selected {
                look.emphasis = Emphasis::Dim;
            }
        }
        self.highlighted.0 += ties.len();
        self.highlighted.1 += on_path.iter().filter(|x| **x).count();
        self.revision = next_revision();
    }

    /// How many ties touch any of these actors, each tie counted once: from the cache's
    /// indices, so that a panel can say it every frame on a large map.
    pub fn ties_touching(&self, data: &Dataset, ids: &[String]) -> usize {
        let degree = |i: usize| self.degree.get(i).copied().unwrap_or(0);
        if let [id] = ids {
            return data.actor_place(id).map_or(0, degree);
        }
        let mut chosen = vec![false; self.positions.len()];
        for i in ids.iter().filter_map(|id| data.actor_place(id)) {
            if let Some(slot) = chosen.get_mut(i) {
                *slot = true;
            }
        }
        self.tie_ends
            .iter()
            .flatten()
            .filter(|(a, b)| chosen[*a as usize] || chosen[*b as usize])
            .count()
    }
}

/// Gives every tie its lane (see [`fan_out`]).
fn fan_out_all(ties: &mut [TieLook], tie_ends: &[Option<(u32, u32)>]) {
    // Ties sorted by their unordered pair, then by index: each pair's ties are one run.
    let mut order: Vec<(u64, u32)> = tie_ends
        .iter()
        .enumerate()
        .filter_map(|(i, ends)| Some((pair_key((*ends)?), i as u32)))
        .collect();
    order.sort_unstable();
    for run in order.chunk_by(|x, y| x.0 == y.0) {
        fan_out(ties, run[0].0, run.iter().map(|&(_, tie)| tie as usize));
    }
}

/// The unordered pair of actors at the ends of a tie, as one number.
fn pair_key((a, b): (u32, u32)) -> u64 {
    (u64::from(a.min(b)) << 32) | u64::from(a.max(b))
}

/// Gives the ties of one pair (in document order) their lanes: fanned out symmetrically around
/// the straight line, or stacked outwards for loops.
fn fan_out(looks: &mut [TieLook], pair: u64, ties: impl ExactSizeIterator<Item = usize>) {
    let is_loop = (pair >> 32) == (pair & 0xffff_ffff);
    let centre = if is_loop {
        0.0
    } else {
        (ties.len() as f32 - 1.0) / 2.0
    };
    for (k, tie) in ties.enumerate() {
        looks[tie].lane = k as f32 - centre;
    }
}

fn next_revision() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Positions for actors that have none yet: a ring around the placed ones, in document order.
pub fn fallback_positions(data: &Dataset) -> Vec<Point> {
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
