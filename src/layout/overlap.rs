//! Overlap removal by projection (a uniform grid finds overlapping pairs, and each pair is pushed
//! apart just enough), used by the force layout and `quick::spread`; and separating coincident nodes.

use super::rng::{pair_direction, SplitMix};

/// Pairs are pushed this fraction of their radii sum beyond touching, so float error does not
/// leave them overlapping.
const MARGIN: f32 = 1e-3;

/// Reusable buffers for overlap sweeps: a grid of cells one node diameter wide, nodes listed
/// by cell (as slots, indices into the `nodes` list being worked on).
#[derive(Clone, Debug, Default)]
pub struct OverlapGrid {
    cell_start: Vec<u32>,
    items: Vec<u32>,
    cell_of: Vec<u32>,
    fill: Vec<u32>,
    gx: usize,
    gy: usize,
}

impl OverlapGrid {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sweeps up to `rounds` times over the pairs of `nodes` that overlap, moving nodes that are
    /// not `fixed`, until a sweep finds none. Returns the overlapping pairs the last sweep found
    /// that can move (pairs of two fixed nodes are ignored), so `0` means no overlaps are left
    /// when `rounds` was not exhausted.
    pub fn resolve(
        &mut self,
        positions: &mut [[f32; 2]],
        sizes: &[f32],
        nodes: &[u32],
        fixed: &[bool],
        seed: u64,
        rounds: usize,
    ) -> usize {
        let mut found = 0;
        for _ in 0..rounds {
            if !self.build(positions, sizes, nodes) {
                return 0;
            }
            // One Gauss-Seidel sweep.
            found = 0;
            self.each_pair(|k, l| {
                if separate(positions, sizes, fixed, nodes[k], nodes[l], seed) {
                    found += 1;
                }
            });
            if found == 0 {
                break;
            }
        }
        found
    }

    /// Scales each pile (nodes linked by overlaps, none fixed) about its centre until its nodes
    /// have room, so a dense pile does not take thousands of sweeps. Allocates; for one-off use.
    pub fn inflate_piles(
        &mut self,
        positions: &mut [[f32; 2]],
        sizes: &[f32],
        nodes: &[u32],
        fixed: &[bool],
    ) {
        if !self.build(positions, sizes, nodes) {
            return;
        }
        let m = nodes.len();
        let mut parent: Vec<usize> = (0..m).collect();
        let radius = |i: u32| sizes.get(i as usize).copied().unwrap_or(0.0).max(0.0);
        self.each_pair(|k, l| {
            let (a, b) = (positions[nodes[k] as usize], positions[nodes[l] as usize]);
            if (a[0] - b[0]).hypot(a[1] - b[1]) < radius(nodes[k]) + radius(nodes[l]) {
                let (rk, rl) = (root(&mut parent, k), root(&mut parent, l));
                parent[rk.max(rl)] = rk.min(rl);
            }
        });
        // Per pile: count, centre sums, room needed, a fixed member, spread, rank so far.
        let mut pile = vec![(0usize, [0.0f64; 2], 0.0f64, false, 0.0f64, 0usize); m];
        let roots: Vec<usize> = (0..m).map(|k| root(&mut parent, k)).collect();
        for (k, &r) in roots.iter().enumerate() {
            let (i, e) = (nodes[k], &mut pile[r]);
            let p = positions[i as usize];
            e.0 += 1;
            e.1 = [e.1[0] + f64::from(p[0]), e.1[1] + f64::from(p[1])];
            e.2 += 4.0 * f64::from(radius(i)).powi(2) * 1.3;
            e.3 |= fixed.get(i as usize).copied().unwrap_or(false);
        }
        for (k, &r) in roots.iter().enumerate() {
            let e = &mut pile[r];
            let p = positions[nodes[k] as usize];
            let c = [e.1[0] / e.0 as f64, e.1[1] / e.0 as f64];
            // Area of a uniform disc with this mean squared distance from its centre.
            e.4 += 2.0 * std::f64::consts::PI / e.0 as f64
                * ((f64::from(p[0]) - c[0]).powi(2) + (f64::from(p[1]) - c[1]).powi(2));
        }
        for (k, &r) in roots.iter().enumerate() {
            let i = nodes[k] as usize;
            let e = &mut pile[r];
            if e.0 < 2 || e.3 || e.4 >= e.2 {
                continue;
            }
            let c = [e.1[0] / e.0 as f64, e.1[1] / e.0 as f64];
            let p = positions[i];
            positions[i] = if e.4 > e.2 * 1e-6 {
                let s = (e.2 / e.4).sqrt();
                [
                    (c[0] + (f64::from(p[0]) - c[0]) * s) as f32,
                    (c[1] + (f64::from(p[1]) - c[1]) * s) as f32,
                ]
            } else {
                // All at one place: a sunflower spiral around it.
                let step = (e.2 / e.0 as f64 / std::f64::consts::PI).sqrt();
                let (d, angle) = (step * (e.5 as f64).sqrt(), e.5 as f64 * 2.399_963);
                [
                    (c[0] + d * angle.cos()) as f32,
                    (c[1] + d * angle.sin()) as f32,
                ]
            };
            e.5 += 1;
        }
    }

    /// Lists `nodes` by grid cell; false when there is nothing to do.
    fn build(&mut self, positions: &[[f32; 2]], sizes: &[f32], nodes: &[u32]) -> bool {
        let at = |i: u32| positions.get(i as usize).copied();
        let (mut min, mut max, mut r_max) = ([f32::MAX; 2], [f32::MIN; 2], 0.0f32);
        for &i in nodes {
            let Some(p) = at(i) else { continue };
            for a in 0..2 {
                min[a] = min[a].min(p[a]);
                max[a] = max[a].max(p[a]);
            }
            r_max = r_max.max(sizes.get(i as usize).copied().unwrap_or(0.0));
        }
        if nodes.len() < 2 || r_max.is_nan() || r_max <= 0.0 || min[0] > max[0] {
            return false;
        }
        let extent = [(max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0)];
        // Cells one diameter wide, so overlapping pairs are in neighbouring cells; wider only
        // when that would make far more cells than nodes.
        let most = (4 * nodes.len()).max(1024) as f32;
        let area_cell = (extent[0] * extent[1] / most).sqrt();
        let cell = (2.0 * r_max).max(area_cell) * (1.0 + MARGIN);
        let (gx, gy) = (
            ((extent[0] / cell) as usize + 1).min(1 << 12),
            ((extent[1] / cell) as usize + 1).min(1 << 12),
        );
        (self.gx, self.gy) = (gx, gy);
        self.cell_start.clear();
        self.cell_start.resize(gx * gy + 1, 0);
        self.cell_of.clear();
        for &i in nodes {
            let (cx, cy) = at(i).map_or((0, 0), |p| {
                let cx = (((p[0] - min[0]) / cell) as usize).min(gx - 1);
                (cx, (((p[1] - min[1]) / cell) as usize).min(gy - 1))
            });
            let c = cy * gx + cx;
            self.cell_of.push(c as u32);
            self.cell_start[c + 1] += 1;
        }
        for c in 1..self.cell_start.len() {
            self.cell_start[c] += self.cell_start[c - 1];
        }
        self.items.clear();
        self.items.resize(nodes.len(), 0);
        self.fill.clear();
        self.fill.extend_from_slice(&self.cell_start);
        for (k, &c) in self.cell_of.iter().enumerate() {
            let slot = &mut self.fill[c as usize];
            self.items[*slot as usize] = k as u32;
            *slot += 1;
        }
        true
    }

    /// Calls `f(k, l)` for every pair of slots `k < l` in the same or neighbouring cells.
    fn each_pair(&self, mut f: impl FnMut(usize, usize)) {
        let (gx, gy) = (self.gx, self.gy);
        for (k, &c) in self.cell_of.iter().enumerate() {
            let (cx, cy) = (c as usize % gx, c as usize / gx);
            for ny in cy.saturating_sub(1)..(cy + 2).min(gy) {
                for nx in cx.saturating_sub(1)..(cx + 2).min(gx) {
                    let n = ny * gx + nx;
                    let range = self.cell_start[n] as usize..self.cell_start[n + 1] as usize;
                    for &l in &self.items[range] {
                        if l as usize > k {
                            f(k, l as usize);
                        }
                    }
                }
            }
        }
    }
}

/// The root of `k` in a union-find forest, halving paths on the way.
fn root(parent: &mut [usize], mut k: usize) -> usize {
    while parent[k] != k {
        parent[k] = parent[parent[k]];
        k = parent[k];
    }
    k
}

/// Pushes `i` and `j` apart if they overlap and one can move; true when it did.
fn separate(
    positions: &mut [[f32; 2]],
    sizes: &[f32],
    fixed: &[bool],
    i: u32,
    j: u32,
    seed: u64,
) -> bool {
    let (iu, ju) = (i as usize, j as usize);
    let (Some(&a), Some(&b)) = (positions.get(iu), positions.get(ju)) else {
        return false;
    };
    let fi = fixed.get(iu).copied().unwrap_or(false);
    let fj = fixed.get(ju).copied().unwrap_or(false);
    if fi && fj {
        return false;
    }
    let want = sizes.get(iu).copied().unwrap_or(0.0) + sizes.get(ju).copied().unwrap_or(0.0);
    let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
    let d = (dx * dx + dy * dy).sqrt();
    if d >= want {
        return false;
    }
    let push = want * (1.0 + MARGIN) - d;
    let u = if d > want * 1e-4 {
        [dx / d, dy / d]
    } else {
        pair_direction(seed, i, j)
    };
    let (si, sj) = match (fi, fj) {
        (false, false) => (0.5, 0.5),
        (true, _) => (0.0, 1.0),
        (_, true) => (1.0, 0.0),
    };
    positions[iu] = [a[0] + u[0] * push * si, a[1] + u[1] * push * si];
    positions[ju] = [b[0] - u[0] * push * sj, b[1] - u[1] * push * sj];
    true
}

/// Moves every free node that shares its exact position with an earlier node by a seeded small
/// offset, so piles of nodes at one place do not end in one deep leaf of the tree.
pub fn separate_duplicates(positions: &mut [[f32; 2]], pinned: &[bool], unit: f32, seed: u64) {
    let mut order: Vec<u32> = (0..positions.len() as u32).collect();
    let key = |p: [f32; 2]| (p[0].to_bits(), p[1].to_bits());
    order.sort_unstable_by_key(|&i| (key(positions[i as usize]), i));
    let mut rng = SplitMix::new(seed ^ 0xd1b5_4a32_d192_ed03);
    let mut run = 0usize;
    let mut run_key = None;
    for &i in &order {
        let i = i as usize;
        let k = key(positions[i]);
        if run_key != Some(k) {
            run_key = Some(k);
            run = 0;
            continue;
        }
        run += 1;
        if pinned[i] {
            continue;
        }
        let angle = rng.unit() * std::f32::consts::TAU;
        let r = unit * (run as f32).sqrt();
        let p = &mut positions[i];
        *p = [p[0] + r * angle.cos(), p[1] + r * angle.sin()];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlapping_pairs(p: &[[f32; 2]], r: &[f32]) -> usize {
        let mut count = 0;
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                let d = ((p[i][0] - p[j][0]).powi(2) + (p[i][1] - p[j][1]).powi(2)).sqrt();
                if d < r[i] + r[j] - 1e-3 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn resolves_a_pile_and_keeps_fixed_nodes() {
        let n = 60;
        let mut p: Vec<[f32; 2]> = (0..n).map(|i| [(i % 3) as f32, (i % 5) as f32]).collect();
        let r: Vec<f32> = (0..n).map(|i| 5.0 + (i % 4) as f32).collect();
        let fixed: Vec<bool> = (0..n).map(|i| i == 7).collect();
        let nodes: Vec<u32> = (0..n as u32).collect();
        let before = p[7];
        let left = OverlapGrid::new().resolve(&mut p, &r, &nodes, &fixed, 1, 10_000);
        assert_eq!(left, 0);
        assert_eq!(overlapping_pairs(&p, &r), 0);
        assert_eq!(p[7], before);
    }

    #[test]
    fn ignores_nodes_not_listed_and_fixed_pairs() {
        let mut p = vec![[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]];
        let r = vec![10.0; 3];
        let left = OverlapGrid::new().resolve(&mut p, &r, &[0, 1], &[true, true, false], 1, 10);
        assert_eq!(left, 0);
        assert_eq!(p, vec![[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]]);
    }
}
