//! Barnes-Hut quadtree over a flat position array, for the force layout's repulsion.
//!
//! Built each iteration in Morton order: bodies are radix-sorted by a 2×16-bit Morton code, then
//! cells are laid out in pre-order in one `Vec`, each with the range of sorted bodies it holds and
//! the index just past its subtree (`next`), so traversal needs neither pointers nor a stack.
//! Every buffer is kept between builds, so a rebuild does not allocate once sizes are stable.

use super::rng::pair_direction;

/// At most this many bodies in a leaf (more only at the deepest level, for coincident nodes).
const LEAF_CAP: usize = 6;
/// Morton bits per axis, so the tree is at most this deep.
const LEVELS: u32 = 16;
/// Distances below this count as this, so coincident nodes get a finite push.
const MIN_DIST: f32 = 0.01;

/// Repulsion settings: ForceAtlas2's `k_r (m_i m_j) / d`, with masses `degree + 1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RepulsionParams {
    /// k_r, the scaling ratio.
    pub kr: f32,
    /// Barnes-Hut opening angle: a cell of width `w` at distance `d` is taken as one body when
    /// `w / d < theta`. `0` is exact.
    pub theta: f32,
    /// Repel by the gap between node edges (distance minus both radii), strongly when overlapping.
    pub prevent_overlap: bool,
    /// Force between overlapping nodes per unit of `m_i m_j`, used when `prevent_overlap`.
    pub overlap_kr: f32,
    /// Seed for the direction that separates nodes at the very same place.
    pub seed: u64,
}

#[derive(Clone, Copy, Debug, Default)]
struct Cell {
    com: [f32; 2],
    mass: f32,
    width: f32,
    r_max: f32,
    r_mean: f32,
    /// Range of bodies (in sorted order) inside this cell.
    start: u32,
    end: u32,
    /// The cell after this one's subtree, in pre-order.
    next: u32,
    leaf: bool,
}

#[derive(Clone, Copy, Debug, Default)]
struct Body {
    pos: [f32; 2],
    mass: f32,
    radius: f32,
}

/// A reusable Barnes-Hut tree; see the module docs.
#[derive(Clone, Debug, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    /// Bodies in Morton order.
    bodies: Vec<Body>,
    /// `keys[k] = code << 32 | node`, sorted by code then node.
    keys: Vec<u64>,
    scratch: Vec<u64>,
    sorted_force: Vec<[f32; 2]>,
}

impl QuadTree {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of cells of the last build.
    pub fn cell_count(&self) -> usize {
        self.cells.len()
    }

    /// Rebuilds the tree over `positions`, with per-node `masses` and `radii` (same length).
    pub fn build(&mut self, positions: &[[f32; 2]], masses: &[f32], radii: &[f32]) {
        let n = positions.len().min(masses.len()).min(radii.len());
        self.cells.clear();
        self.keys.clear();
        self.bodies.clear();
        if n == 0 {
            return;
        }
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in &positions[..n] {
            for a in 0..2 {
                min[a] = min[a].min(p[a]);
                max[a] = max[a].max(p[a]);
            }
        }
        let side = (max[0] - min[0]).max(max[1] - min[1]).max(MIN_DIST);
        let side = if side.is_finite() { side } else { f32::MAX };
        let scale = (1u32 << LEVELS) as f32 / side;
        let top = (1u32 << LEVELS) - 1;
        self.keys
            .extend(positions[..n].iter().enumerate().map(|(i, p)| {
                // `as` saturates and maps NaN to 0, so the code is always in range.
                let qx = (((p[0] - min[0]) * scale) as u32).min(top);
                let qy = (((p[1] - min[1]) * scale) as u32).min(top);
                u64::from(spread(qx) | spread(qy) << 1) << 32 | i as u64
            }));
        radix_sort_high(&mut self.keys, &mut self.scratch);
        self.bodies.extend(self.keys.iter().map(|&key| {
            let i = (key & 0xffff_ffff) as usize;
            Body {
                pos: positions[i],
                mass: masses[i],
                radius: radii[i],
            }
        }));
        self.build_cell(0, n, 0, side);
    }

    /// Appends the cell for sorted bodies `start..end` at `level` and its subtree; returns it.
    fn build_cell(&mut self, start: usize, end: usize, level: u32, width: f32) -> Cell {
        let at = self.cells.len();
        self.cells.push(Cell::default());
        let mut cell = Cell {
            width,
            start: start as u32,
            end: end as u32,
            ..Cell::default()
        };
        let (mut mx, mut my, mut r_sum) = (0.0f32, 0.0f32, 0.0f32);
        if end - start <= LEAF_CAP || level == LEVELS {
            cell.leaf = true;
            for b in &self.bodies[start..end] {
                cell.mass += b.mass;
                mx += b.mass * b.pos[0];
                my += b.mass * b.pos[1];
                cell.r_max = cell.r_max.max(b.radius);
                r_sum += b.radius;
            }
        } else {
            let shift = 32 + 2 * (LEVELS - 1 - level);
            let digit = |key: u64| (key >> shift) & 3;
            let mut lo = start;
            for d in 0..4u64 {
                let hi = if d == 3 {
                    end
                } else {
                    lo + self.keys[lo..end].partition_point(|&k| digit(k) <= d)
                };
                if hi > lo {
                    let child = self.build_cell(lo, hi, level + 1, width * 0.5);
                    cell.mass += child.mass;
                    mx += child.mass * child.com[0];
                    my += child.mass * child.com[1];
                    cell.r_max = cell.r_max.max(child.r_max);
                    r_sum += child.r_mean * (child.end - child.start) as f32;
                }
                lo = hi;
            }
        }
        if cell.mass > 0.0 {
            cell.com = [mx / cell.mass, my / cell.mass];
        } else if let Some(b) = self.bodies.get(start) {
            cell.com = b.pos;
        }
        cell.r_mean = r_sum / (end - start) as f32;
        cell.next = self.cells.len() as u32;
        self.cells[at] = cell;
        cell
    }

    /// Writes the repulsion on every node into `out` (indexed like the built positions) and returns
    /// the number of overlapping ordered pairs seen (each overlapping pair counts twice). Work is
    /// split into `threads` contiguous chunks; the result does not depend on `threads`.
    pub fn repulsion(
        &mut self,
        params: &RepulsionParams,
        out: &mut [[f32; 2]],
        threads: usize,
    ) -> u64 {
        let n = self.bodies.len();
        self.sorted_force.clear();
        self.sorted_force.resize(n, [0.0; 2]);
        let Self {
            cells,
            bodies,
            keys,
            sorted_force,
            ..
        } = self;
        let (cells, bodies, keys) = (&cells[..], &bodies[..], &keys[..]);
        let threads = threads.clamp(1, 64).min(n.div_ceil(512).max(1));
        let overlaps = if threads == 1 {
            forces_for(cells, bodies, keys, params, 0, sorted_force)
        } else {
            let chunk = n.div_ceil(threads);
            std::thread::scope(|scope| {
                let handles: Vec<_> = sorted_force
                    .chunks_mut(chunk)
                    .enumerate()
                    .map(|(c, slice)| {
                        scope.spawn(move || {
                            forces_for(cells, bodies, keys, params, c * chunk, slice)
                        })
                    })
                    .collect();
                // A panicking worker has a bug, not bad data; count its chunk as without overlaps.
                handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
            })
        };
        for (key, f) in keys.iter().zip(sorted_force.iter()) {
            if let Some(o) = out.get_mut((key & 0xffff_ffff) as usize) {
                *o = *f;
            }
        }
        overlaps
    }
}

/// Forces on sorted bodies `first..first + out.len()`; returns the overlaps seen.
fn forces_for(
    cells: &[Cell],
    bodies: &[Body],
    keys: &[u64],
    p: &RepulsionParams,
    first: usize,
    out: &mut [[f32; 2]],
) -> u64 {
    let theta2 = p.theta * p.theta;
    let mut overlaps = 0;
    for (o, k) in out.iter_mut().zip(first..) {
        let b = bodies[k];
        let mut f = [0.0f32; 2];
        let mut i = 0;
        while let Some(c) = cells.get(i) {
            if c.leaf {
                let range = c.start as usize..c.end as usize;
                for (j, other) in range.clone().zip(&bodies[range]) {
                    if j != k {
                        let pair = || (node(keys, k), node(keys, j));
                        overlaps += u64::from(exact(&b, other, p, pair, &mut f));
                    }
                }
                i = c.next as usize;
                continue;
            }
            let dx = b.pos[0] - c.com[0];
            let dy = b.pos[1] - c.com[1];
            let d2 = dx * dx + dy * dy;
            let inside = (c.start as usize..c.end as usize).contains(&k);
            if inside || c.width * c.width >= theta2 * d2 {
                i += 1;
                continue;
            }
            if p.prevent_overlap {
                let d = d2.sqrt();
                if d <= b.radius + c.r_max + 0.5 * c.width {
                    i += 1;
                    continue;
                }
                let s = p.kr * b.mass * c.mass / ((d - b.radius - c.r_mean).max(MIN_DIST) * d);
                f[0] += s * dx;
                f[1] += s * dy;
            } else {
                let s = p.kr * b.mass * c.mass / d2;
                f[0] += s * dx;
                f[1] += s * dy;
            }
            i = c.next as usize;
        }
        *o = f;
    }
    overlaps
}

fn node(keys: &[u64], k: usize) -> u32 {
    (keys[k] & 0xffff_ffff) as u32
}

/// Adds the exact repulsion of `other` on `b` to `f`; true when the two overlap.
#[inline(always)]
fn exact(
    b: &Body,
    other: &Body,
    p: &RepulsionParams,
    pair: impl Fn() -> (u32, u32),
    f: &mut [f32; 2],
) -> bool {
    let mut dx = b.pos[0] - other.pos[0];
    let mut dy = b.pos[1] - other.pos[1];
    let mut d2 = dx * dx + dy * dy;
    if d2 < MIN_DIST * MIN_DIST {
        let (a, c) = pair();
        let u = pair_direction(p.seed, a, c);
        dx = u[0] * MIN_DIST;
        dy = u[1] * MIN_DIST;
        d2 = MIN_DIST * MIN_DIST;
    }
    let mm = b.mass * other.mass;
    if !p.prevent_overlap {
        let s = p.kr * mm / d2;
        f[0] += s * dx;
        f[1] += s * dy;
        return false;
    }
    let d = d2.sqrt();
    let gap = d - b.radius - other.radius;
    let s = if gap > 0.0 {
        p.kr * mm / (gap.max(MIN_DIST) * d)
    } else {
        p.overlap_kr * mm / d
    };
    f[0] += s * dx;
    f[1] += s * dy;
    gap < 0.0
}

/// Spreads the 16 low bits of `v` to the even bits of the result.
fn spread(v: u32) -> u32 {
    let mut x = v & 0xffff;
    x = (x | (x << 8)) & 0x00ff_00ff;
    x = (x | (x << 4)) & 0x0f0f_0f0f;
    x = (x | (x << 2)) & 0x3333_3333;
    (x | (x << 1)) & 0x5555_5555
}

/// Stable LSD radix sort of `keys` by their high 32 bits, using `scratch` as the second buffer.
fn radix_sort_high(keys: &mut Vec<u64>, scratch: &mut Vec<u64>) {
    scratch.clear();
    scratch.resize(keys.len(), 0);
    for byte in 4..8 {
        let shift = byte * 8;
        let mut counts = [0usize; 256];
        for &k in keys.iter() {
            counts[((k >> shift) & 0xff) as usize] += 1;
        }
        if counts.contains(&keys.len()) {
            continue;
        }
        let mut sum = 0;
        for c in counts.iter_mut() {
            let here = *c;
            *c = sum;
            sum += here;
        }
        for &k in keys.iter() {
            let slot = &mut counts[((k >> shift) & 0xff) as usize];
            scratch[*slot] = k;
            *slot += 1;
        }
        std::mem::swap(keys, scratch);
    }
}

#[cfg(test)]
#[path = "quadtree_tests.rs"]
mod tests;
