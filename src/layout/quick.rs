//! Quick layouts that return new positions at once: a circle, clusters by group, and spreading a
//! selection apart. All are centred on the origin (except `spread`) and deterministic.

use std::collections::BTreeMap;
use std::f32::consts::TAU;

use super::overlap::OverlapGrid;

/// Space left between neighbouring nodes, as a fraction of the node radius.
const GAP: f32 = 0.5;

/// `n` nodes evenly on one circle around the origin, in index order, starting at the top and
/// going clockwise on screen; the circle is just large enough for nodes of radius `size`.
pub fn circular(n: usize, size: f32) -> Vec<[f32; 2]> {
    let r = ring_radius(n, size.max(0.0));
    (0..n)
        .map(|i| {
            let angle = i as f32 * TAU / n as f32 - TAU / 4.0;
            [r * angle.cos(), r * angle.sin()]
        })
        .collect()
}

/// Nodes clustered by `groups[i]`: each group's nodes on their own circle (filled in rings when
/// the group is large), the groups in ascending id order on a big circle, sized so nodes of
/// radius `size` overlap neither within a group nor across groups.
pub fn grouped_by(groups: &[u32], size: f32) -> Vec<[f32; 2]> {
    let size = size.max(0.0);
    let mut members: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, &g) in groups.iter().enumerate() {
        members.entry(g).or_default().push(i);
    }
    let clusters: Vec<(Vec<[f32; 2]>, f32)> = members
        .values()
        .map(|m| {
            let local = cluster(m.len(), size);
            let extent = local
                .iter()
                .map(|p| (p[0] * p[0] + p[1] * p[1]).sqrt())
                .fold(0.0f32, f32::max);
            (local, extent + size)
        })
        .collect();
    let radii: Vec<f32> = clusters.iter().map(|c| c.1).collect();
    let centres = arrange_on_circle(&radii, size * GAP);
    let mut out = vec![[0.0f32; 2]; groups.len()];
    for ((m, (local, _)), c) in members.values().zip(&clusters).zip(&centres) {
        for (&i, p) in m.iter().zip(local) {
            out[i] = [c[0] + p[0], c[1] + p[1]];
        }
    }
    out
}

/// Moves only the `selected` nodes until no two of them overlap (by their radii in `sizes`),
/// keeping the others where they are. Piles of overlapping nodes are first scaled up about their
/// centres, then remaining overlaps are pushed apart. Returns all positions.
pub fn spread(selected: &[usize], positions: &[[f32; 2]], sizes: &[f32]) -> Vec<[f32; 2]> {
    let mut out = positions.to_vec();
    let mut nodes: Vec<u32> = selected
        .iter()
        .filter(|&&i| i < positions.len())
        .map(|&i| i as u32)
        .collect();
    nodes.sort_unstable();
    nodes.dedup();
    if nodes.len() < 2 {
        return out;
    }
    let fixed = vec![false; positions.len()];
    let mut grid = OverlapGrid::new();
    for _ in 0..4 {
        grid.inflate_piles(&mut out, sizes, &nodes, &fixed);
    }
    grid.resolve(&mut out, sizes, &nodes, &fixed, 0x5bd1_e995, 10_000);
    out
}

/// Radius of a circle holding `n` nodes of radius `size` with a gap between neighbours.
fn ring_radius(n: usize, size: f32) -> f32 {
    if n < 2 {
        return 0.0;
    }
    let chord = size * (2.0 + GAP);
    (chord / (2.0 * (std::f32::consts::PI / n as f32).sin())).max(chord / 2.0)
}

/// Positions of `n` nodes of radius `size` around the origin: one ring when few, else rings
/// filled from the inside out.
fn cluster(n: usize, size: f32) -> Vec<[f32; 2]> {
    const ONE_RING: usize = 12;
    if n <= ONE_RING {
        return circular(n, size);
    }
    let step = size * (2.0 + GAP);
    let mut out = Vec::with_capacity(n);
    out.push([0.0, 0.0]);
    let mut ring = 1;
    while out.len() < n {
        let r = ring as f32 * step;
        // As many as fit with a chord of at least `step` between neighbours.
        let fit = (std::f32::consts::PI / (step / (2.0 * r)).min(1.0).asin()).floor() as usize;
        let count = fit.max(1).min(n - out.len());
        let offset = ring as f32 * 0.5;
        for k in 0..count {
            let angle = (k as f32 + offset) * TAU / count as f32;
            out.push([r * angle.cos(), r * angle.sin()]);
        }
        ring += 1;
    }
    out
}

/// Centres for discs of the given radii on one circle, in order, with at least `gap` between any
/// two discs. The circle's radius is found by bisection so neighbours just fit, then grown until
/// no two discs at all overlap.
fn arrange_on_circle(radii: &[f32], gap: f32) -> Vec<[f32; 2]> {
    let g = radii.len();
    if g < 2 {
        return vec![[0.0, 0.0]; g];
    }
    let need: Vec<f64> = (0..g)
        .map(|a| f64::from(radii[a] + radii[(a + 1) % g] + gap))
        .collect();
    let total_angle = |r: f64| -> f64 {
        need.iter()
            .map(|c| 2.0 * (c / (2.0 * r)).min(1.0).asin())
            .sum()
    };
    let mut lo = need.iter().copied().fold(0.0, f64::max) / 2.0;
    let mut hi = (need.iter().sum::<f64>() / 4.0).max(lo) + 1.0;
    if total_angle(lo) <= std::f64::consts::TAU {
        hi = lo;
    }
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if total_angle(mid) > std::f64::consts::TAU {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let mut r = hi;
    loop {
        let centres = place(&need, r);
        if r > 1e12 || no_overlap(&centres, radii, gap) {
            return centres
                .into_iter()
                .map(|c| [c[0] as f32, c[1] as f32])
                .collect();
        }
        r *= 1.05;
    }
}

/// Centres on a circle of radius `r`, neighbour `a` and `a + 1` at the angle their chord needs.
fn place(need: &[f64], r: f64) -> Vec<[f64; 2]> {
    let mut angle = -std::f64::consts::FRAC_PI_2;
    need.iter()
        .map(|c| {
            let here = [r * angle.cos(), r * angle.sin()];
            angle += 2.0 * (c / (2.0 * r)).min(1.0).asin();
            here
        })
        .collect()
}

/// True when no two discs overlap; a sweep over discs sorted by their left edge.
fn no_overlap(centres: &[[f64; 2]], radii: &[f32], gap: f32) -> bool {
    let mut order: Vec<usize> = (0..centres.len()).collect();
    let left = |i: usize| centres[i][0] - f64::from(radii[i]);
    order.sort_by(|&a, &b| left(a).total_cmp(&left(b)));
    for (k, &a) in order.iter().enumerate() {
        let right = centres[a][0] + f64::from(radii[a] + gap);
        for &b in order[k + 1..].iter().take_while(|&&b| left(b) < right) {
            let d = (centres[a][0] - centres[b][0]).hypot(centres[a][1] - centres[b][1]);
            // Half the gap of tolerance for rounding in the bisection.
            if d < f64::from(radii[a] + radii[b] + gap * 0.5) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(p: &[[f32; 2]], r: impl Fn(usize) -> f32, among: &[usize]) -> usize {
        let mut count = 0;
        for (x, &i) in among.iter().enumerate() {
            for &j in &among[x + 1..] {
                let d = ((p[i][0] - p[j][0]).powi(2) + (p[i][1] - p[j][1]).powi(2)).sqrt();
                if d < r(i) + r(j) - 1e-3 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn circular_fits_nodes() {
        assert!(circular(0, 10.0).is_empty());
        assert_eq!(circular(1, 10.0), vec![[0.0, 0.0]]);
        for n in [2, 3, 50, 500] {
            let p = circular(n, 10.0);
            let all: Vec<usize> = (0..n).collect();
            assert_eq!(overlaps(&p, |_| 10.0, &all), 0, "{n}");
        }
    }

    #[test]
    fn grouped_by_clusters_without_overlap() {
        let groups: Vec<u32> = (0..400u32)
            .map(|i| (i * 7919) % 13 + (i % 3) * 100)
            .collect();
        let mut groups = groups;
        groups.extend([999, 1000, 1000]);
        let p = grouped_by(&groups, 8.0);
        let all: Vec<usize> = (0..groups.len()).collect();
        assert_eq!(overlaps(&p, |_| 8.0, &all), 0);
        // Each group fits in a disc around its centroid, and those discs do not overlap.
        let mut discs: BTreeMap<u32, ([f32; 2], f32, f32)> = BTreeMap::new();
        for (i, &g) in groups.iter().enumerate() {
            let e = discs.entry(g).or_insert(([0.0; 2], 0.0, 0.0));
            e.0 = [e.0[0] + p[i][0], e.0[1] + p[i][1]];
            e.1 += 1.0;
        }
        for e in discs.values_mut() {
            e.0 = [e.0[0] / e.1, e.0[1] / e.1];
        }
        for (i, &g) in groups.iter().enumerate() {
            let e = discs.get_mut(&g).unwrap();
            e.2 = e.2.max((p[i][0] - e.0[0]).hypot(p[i][1] - e.0[1]) + 8.0);
        }
        let discs: Vec<_> = discs.into_values().collect();
        for (k, a) in discs.iter().enumerate() {
            for b in &discs[k + 1..] {
                assert!((a.0[0] - b.0[0]).hypot(a.0[1] - b.0[1]) >= a.2 + b.2 - 1e-2);
            }
        }
        assert_eq!(grouped_by(&[], 8.0), Vec::<[f32; 2]>::new());
        assert_eq!(grouped_by(&[5, 5], 8.0).len(), 2);
    }

    #[test]
    fn spread_moves_only_the_selection() {
        let n = 300;
        let mut p: Vec<[f32; 2]> = (0..n)
            .map(|i| [(i % 10) as f32, (i / 10 % 4) as f32])
            .collect();
        p[299] = [0.0, 0.0];
        let sizes: Vec<f32> = (0..n).map(|i| 5.0 + (i % 3) as f32).collect();
        let selected: Vec<usize> = (0..250).collect();
        let out = spread(&selected, &p, &sizes);
        assert_eq!(overlaps(&out, |i| sizes[i], &selected), 0);
        assert_eq!(&out[250..], &p[250..]);
        assert_eq!(out, spread(&selected, &p, &sizes));
        // Coincident pile.
        let pile = vec![[3.0, 3.0]; 100];
        let all: Vec<usize> = (0..100).collect();
        let out = spread(&all, &pile, &[4.0; 100]);
        assert_eq!(overlaps(&out, |_| 4.0, &all), 0);
    }
}
