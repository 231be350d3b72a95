//! ForceAtlas2-style force layout: Barnes-Hut repulsion `k_r (deg_i+1)(deg_j+1) / d`, linear or
//! lin-log attraction along edges, normal or strong gravity, ForceAtlas2's adaptive global and
//! per-node speed, overlap prevention by node size, then cooling until the layout is still.
//!
//! All strengths are ForceAtlas2's dimensionless ones; lengths are measured in a unit `L`, the mean
//! node radius, so the same settings suit any node size. Pinned nodes and the held node never move.

use super::overlap::{separate_duplicates, OverlapGrid};
use super::quadtree::{QuadTree, RepulsionParams};
use super::settings::{Settings, StepStats};
use super::speed::AdaptiveSpeed;
use super::{LayoutGraph, DEFAULT_NODE_RADIUS};

/// Once the temperature falls below this, overlaps (with `prevent_overlap`) are also removed by
/// projection each step, so a converged layout has none.
const PROJECTION_BELOW: f32 = 0.5;
/// The temperature a change by the user (moving the held node, pinning) raises the layout to.
const REHEAT: f32 = 0.3;
/// Mean move per step, in units of the mean node radius, below which the layout counts as
/// settled enough to start cooling.
const SETTLED: f32 = 1.0;

/// The simulation behind [`super::ForceLayout`]: every node of its graph takes part.
#[derive(Clone, Debug)]
pub(super) struct Simulation {
    settings: Settings,
    positions: Vec<[f32; 2]>,
    previous: Vec<[f32; 2]>,
    /// `(from, to, weight ^ influence)`, endpoints in range, no self-loops.
    edges: Vec<(u32, u32, f32)>,
    sizes: Vec<f32>,
    masses: Vec<f32>,
    pinned: Vec<bool>,
    /// Pinned or held: never moved.
    fixed: Vec<bool>,
    held: Option<u32>,
    forces: Vec<[f32; 2]>,
    old_forces: Vec<[f32; 2]>,
    tree: QuadTree,
    grid: OverlapGrid,
    all_nodes: Vec<u32>,
    unit: f32,
    center: [f32; 2],
    mean_mass: f32,
    speed: AdaptiveSpeed,
    temperature: f32,
    cooling: bool,
    iteration: u64,
    calm: u32,
    converged: bool,
}

impl Simulation {
    /// A layout starting from the graph's positions. Missing sizes and pins are filled in,
    /// edges with an unknown end and self-loops are dropped, and nodes sharing a place are
    /// moved apart a little so the tree can tell them apart.
    pub fn new(graph: LayoutGraph, settings: Settings) -> Self {
        let LayoutGraph {
            mut positions,
            edges,
            mut sizes,
            mut pinned,
        } = graph;
        let n = positions.len();
        sizes.resize(n, DEFAULT_NODE_RADIUS);
        pinned.resize(n, false);
        for s in &mut sizes {
            *s = if s.is_finite() { s.max(0.0) } else { 0.0 };
        }
        let edges: Vec<(u32, u32, f32)> = edges
            .into_iter()
            .filter(|&(a, b, _)| a != b && (a as usize) < n && (b as usize) < n)
            .map(|(a, b, w)| {
                let w = if w.is_finite() && w > 0.0 { w } else { 1.0 };
                (a, b, w.powf(settings.edge_weight_influence))
            })
            .collect();
        let mut masses = vec![1.0f32; n];
        for &(a, b, _) in &edges {
            masses[a as usize] += 1.0;
            masses[b as usize] += 1.0;
        }
        let unit = if n > 0 {
            sizes.iter().sum::<f32>() / n as f32
        } else {
            0.0
        };
        let unit = if unit > 1e-3 { unit } else { 1.0 };
        let finite: Vec<&[f32; 2]> = positions
            .iter()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .collect();
        let k = finite.len().max(1) as f32;
        let centroid = [
            finite.iter().map(|p| p[0]).sum::<f32>() / k,
            finite.iter().map(|p| p[1]).sum::<f32>() / k,
        ];
        let center = settings.center.unwrap_or(centroid);
        for p in &mut positions {
            if !(p[0].is_finite() && p[1].is_finite()) {
                *p = center;
            }
        }
        separate_duplicates(&mut positions, &pinned, unit, settings.seed);
        let mean_mass = if n > 0 {
            masses.iter().sum::<f32>() / n as f32
        } else {
            1.0
        };
        Self {
            previous: positions.clone(),
            positions,
            edges,
            sizes,
            masses,
            fixed: pinned.clone(),
            pinned,
            held: None,
            forces: vec![[0.0; 2]; n],
            old_forces: vec![[0.0; 2]; n],
            tree: QuadTree::new(),
            grid: OverlapGrid::new(),
            all_nodes: (0..n as u32).collect(),
            unit,
            center,
            mean_mass,
            speed: AdaptiveSpeed::default(),
            temperature: settings.start_temperature.clamp(0.0, 1.0),
            cooling: false,
            iteration: 0,
            calm: 0,
            converged: n == 0,
            settings,
        }
    }

    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    /// The layout has been still long enough; further steps change little.
    pub fn is_converged(&self) -> bool {
        self.converged
    }

    pub fn held(&self) -> Option<u32> {
        self.held
    }

    /// Holds `node` at a position (the user drags it) or releases the held node (`None`).
    /// Moving the held node wakes the layout up so its neighbours follow.
    pub fn set_held(&mut self, held: Option<(u32, [f32; 2])>) {
        if let Some(old) = self.held.take() {
            self.fixed[old as usize] = self.pinned[old as usize];
        }
        let Some((node, at)) = held else { return };
        let Some(p) = self.positions.get_mut(node as usize) else {
            return;
        };
        if !(at[0].is_finite() && at[1].is_finite()) {
            return;
        }
        if *p != at {
            *p = at;
            self.wake();
        }
        self.fixed[node as usize] = true;
        self.held = Some(node);
    }

    /// Pins or unpins a node; an unknown node is ignored.
    pub fn set_pinned(&mut self, node: u32, pinned: bool) {
        let i = node as usize;
        if i < self.pinned.len() && self.pinned[i] != pinned {
            self.pinned[i] = pinned;
            self.fixed[i] = pinned || self.held == Some(node);
            self.wake();
        }
    }

    fn wake(&mut self) {
        self.temperature = self.temperature.max(REHEAT);
        self.calm = 0;
        self.converged = false;
    }

    /// One iteration: forces, speeds, moves, cooling and the convergence test.
    pub fn step(&mut self) -> StepStats {
        let s = &self.settings;
        let unit = self.unit;
        let params = RepulsionParams {
            kr: s.scaling * unit * unit,
            theta: s.theta.max(0.0),
            prevent_overlap: s.prevent_overlap,
            overlap_kr: s.overlap_strength * s.scaling * unit,
            seed: s.seed,
        };
        self.tree.build(&self.positions, &self.masses, &self.sizes);
        let overlaps = self.tree.repulsion(&params, &mut self.forces, s.threads);
        self.attract();
        self.gravitate();
        self.previous.copy_from_slice(&self.positions);
        self.advance();
        if self.settings.prevent_overlap && self.temperature < PROJECTION_BELOW {
            let left = self.grid.resolve(
                &mut self.positions,
                &self.sizes,
                &self.all_nodes,
                &self.fixed,
                self.settings.seed,
                4,
            );
            if left > 0 {
                self.calm = 0;
            }
        }
        std::mem::swap(&mut self.forces, &mut self.old_forces);
        self.iteration += 1;
        self.finish_step(overlaps)
    }

    fn attract(&mut self) {
        let s = &self.settings;
        let unit = self.unit;
        let overlap = s.prevent_overlap;
        for &(a, b, w) in &self.edges {
            let (ia, ib) = (a as usize, b as usize);
            let (pa, pb) = (self.positions[ia], self.positions[ib]);
            let (dx, dy) = (pa[0] - pb[0], pa[1] - pb[1]);
            let d = (dx * dx + dy * dy).sqrt();
            if d <= 0.0 {
                continue;
            }
            let reach = if overlap {
                d - self.sizes[ia] - self.sizes[ib]
            } else {
                d
            };
            if reach <= 0.0 {
                continue;
            }
            let pull = if s.linlog {
                unit * (reach / unit).ln_1p()
            } else {
                reach
            };
            let mut fa = w * pull / d;
            let mut fb = fa;
            if s.dissuade_hubs {
                fa *= self.mean_mass / self.masses[ia];
                fb *= self.mean_mass / self.masses[ib];
            }
            let f = &mut self.forces;
            f[ia] = [f[ia][0] - fa * dx, f[ia][1] - fa * dy];
            f[ib] = [f[ib][0] + fb * dx, f[ib][1] + fb * dy];
        }
    }

    fn gravitate(&mut self) {
        let s = &self.settings;
        let kg = if s.strong_gravity {
            s.gravity
        } else {
            s.gravity * self.unit
        };
        for ((f, p), m) in self
            .forces
            .iter_mut()
            .zip(&self.positions)
            .zip(&self.masses)
        {
            let (dx, dy) = (self.center[0] - p[0], self.center[1] - p[1]);
            let g = if s.strong_gravity {
                kg * m
            } else {
                let d = (dx * dx + dy * dy).sqrt();
                if d > 0.0 {
                    kg * m / d
                } else {
                    0.0
                }
            };
            *f = [f[0] + g * dx, f[1] + g * dy];
        }
    }

    /// ForceAtlas2's adaptive speed, then moves every free node.
    fn advance(&mut self) {
        let s = &self.settings;
        let unit = self.unit;
        let (mut swinging, mut traction, mut free) = (0.0f64, 0.0f64, 0usize);
        for i in 0..self.positions.len() {
            if self.fixed[i] {
                continue;
            }
            let (f, o) = (self.forces[i], self.old_forces[i]);
            let m = f64::from(self.masses[i]);
            swinging += m * f64::from(((f[0] - o[0]).powi(2) + (f[1] - o[1]).powi(2)).sqrt());
            traction += m * 0.5 * f64::from(((f[0] + o[0]).powi(2) + (f[1] + o[1]).powi(2)).sqrt());
            free += 1;
        }
        if free == 0 {
            return;
        }
        let (swinging, traction) = (swinging / f64::from(unit), traction / f64::from(unit));
        self.speed
            .update(swinging, traction, free, s.jitter_tolerance);

        let size_factor = if s.prevent_overlap { 0.1 } else { 1.0 };
        let cap = s.max_step * unit;
        for i in 0..self.positions.len() {
            if self.fixed[i] {
                continue;
            }
            let (f, o) = (self.forces[i], self.old_forces[i]);
            let swing =
                self.masses[i] * ((f[0] - o[0]).powi(2) + (f[1] - o[1]).powi(2)).sqrt() / unit;
            let factor = size_factor * self.speed.node_factor(swing);
            let (mut dx, mut dy) = (f[0] * factor, f[1] * factor);
            let len = (dx * dx + dy * dy).sqrt();
            if !len.is_finite() {
                continue;
            }
            if len > cap {
                dx *= cap / len;
                dy *= cap / len;
            }
            let p = &mut self.positions[i];
            *p = [p[0] + dx * self.temperature, p[1] + dy * self.temperature];
        }
    }

    /// Displacement statistics, cooling and the convergence test.
    fn finish_step(&mut self, overlaps: u64) -> StepStats {
        let (mut max, mut sum, mut free) = (0.0f32, 0.0f64, 0usize);
        for ((p, q), fixed) in self.positions.iter().zip(&self.previous).zip(&self.fixed) {
            if !fixed {
                let d = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt();
                max = max.max(d);
                sum += f64::from(d);
                free += 1;
            }
        }
        let mean = if free > 0 {
            (sum / free as f64) as f32
        } else {
            0.0
        };
        let s = &self.settings;
        // Cooling starts once the layout has settled (nodes move less than their radius per
        // step), but no sooner than `cooling_after` and no later than four times that.
        let settled = mean < SETTLED * self.unit;
        if self.iteration >= s.cooling_after
            && (settled || self.cooling || self.iteration >= s.cooling_after.saturating_mul(4))
        {
            self.cooling = true;
            self.temperature *= s.cooling.clamp(0.0, 1.0);
        }
        if mean < s.converge_threshold * self.unit {
            self.calm += 1;
        } else {
            self.calm = 0;
        }
        if self.calm >= s.converge_patience {
            self.converged = true;
        }
        StepStats {
            iteration: self.iteration,
            max_displacement: max,
            mean_displacement: mean,
            overlaps,
            speed: self.speed.speed(),
            temperature: self.temperature,
            converged: self.converged,
        }
    }

    /// Steps until converged or `max_steps` more steps were done; returns the last step's stats.
    pub fn run(&mut self, max_steps: u64) -> StepStats {
        let mut last = StepStats::default();
        for _ in 0..max_steps {
            last = self.step();
            if self.converged {
                break;
            }
        }
        last
    }
}

#[cfg(test)]
#[path = "force_tests.rs"]
mod tests;
