//! Tests of the Barnes-Hut tree against the exact O(n²) sum.

use super::*;
use crate::layout::rng::SplitMix;

fn cloud(n: usize, seed: u64) -> (Vec<[f32; 2]>, Vec<f32>, Vec<f32>) {
    let mut rng = SplitMix::new(seed);
    let mut p = Vec::with_capacity(n);
    for i in 0..n {
        // Clustered and spread points, plus some exact duplicates.
        let c = (i % 5) as f32 * 300.0;
        p.push([c + rng.unit() * 200.0, c * 0.5 + rng.unit() * 900.0]);
    }
    p[3] = p[2];
    let masses = (0..n).map(|i| 1.0 + (i % 7) as f32).collect();
    let radii = (0..n).map(|i| 2.0 + (i % 3) as f32).collect();
    (p, masses, radii)
}

fn exact_sum(p: &[[f32; 2]], m: &[f32], r: &[f32], params: &RepulsionParams) -> Vec<[f32; 2]> {
    let bodies: Vec<Body> = (0..p.len())
        .map(|i| Body {
            pos: p[i],
            mass: m[i],
            radius: r[i],
        })
        .collect();
    (0..p.len())
        .map(|i| {
            let mut f = [0.0f32; 2];
            for j in 0..p.len() {
                if i != j {
                    exact(
                        &bodies[i],
                        &bodies[j],
                        params,
                        || (i as u32, j as u32),
                        &mut f,
                    );
                }
            }
            f
        })
        .collect()
}

/// Relative error of the whole force field: |F - G| / |G| summed over nodes.
fn relative_error(a: &[[f32; 2]], b: &[[f32; 2]]) -> f64 {
    let (mut diff, mut norm) = (0.0f64, 0.0f64);
    for (x, y) in a.iter().zip(b) {
        diff += f64::from((x[0] - y[0]).hypot(x[1] - y[1]));
        norm += f64::from(y[0].hypot(y[1]));
    }
    diff / norm
}

fn params(theta: f32, prevent_overlap: bool) -> RepulsionParams {
    RepulsionParams {
        kr: 10.0,
        theta,
        prevent_overlap,
        overlap_kr: 100.0,
        seed: 3,
    }
}

#[test]
fn theta_zero_is_exact() {
    for overlap in [false, true] {
        let (p, m, r) = cloud(700, 1);
        let params = params(0.0, overlap);
        let mut tree = QuadTree::new();
        tree.build(&p, &m, &r);
        let mut f = vec![[0.0; 2]; p.len()];
        tree.repulsion(&params, &mut f, 1);
        let err = relative_error(&f, &exact_sum(&p, &m, &r, &params));
        assert!(err < 1e-5, "overlap {overlap}: {err}");
    }
}

#[test]
fn small_theta_is_close() {
    for (theta, bound) in [(0.2, 1e-3), (0.5, 5e-3), (1.0, 3e-2)] {
        for overlap in [false, true] {
            let (p, m, r) = cloud(2000, 2);
            let params = params(theta, overlap);
            let mut tree = QuadTree::new();
            tree.build(&p, &m, &r);
            let mut f = vec![[0.0; 2]; p.len()];
            tree.repulsion(&params, &mut f, 1);
            let err = relative_error(&f, &exact_sum(&p, &m, &r, &params));
            assert!(err < bound, "theta {theta} overlap {overlap}: {err}");
        }
    }
}

#[test]
fn threads_do_not_change_results_and_rebuilds_reuse_buffers() {
    let (p, m, r) = cloud(5000, 3);
    let params = params(1.0, true);
    let mut tree = QuadTree::new();
    let mut one = vec![[0.0; 2]; p.len()];
    let mut many = vec![[0.0; 2]; p.len()];
    tree.build(&p, &m, &r);
    let o1 = tree.repulsion(&params, &mut one, 1);
    let cells = tree.cell_count();
    let capacity = tree.cells.capacity();
    tree.build(&p, &m, &r);
    let o3 = tree.repulsion(&params, &mut many, 3);
    assert_eq!(tree.cell_count(), cells);
    assert_eq!(tree.cells.capacity(), capacity);
    assert_eq!(o1, o3);
    for (a, b) in one.iter().zip(&many) {
        assert_eq!(a[0].to_bits(), b[0].to_bits());
        assert_eq!(a[1].to_bits(), b[1].to_bits());
    }
}

#[test]
fn coincident_nodes_are_pushed_apart_and_masses_add_up() {
    let p = vec![[5.0, 5.0]; 40];
    let m = vec![2.0; 40];
    let r = vec![1.0; 40];
    let mut tree = QuadTree::new();
    tree.build(&p, &m, &r);
    assert_eq!(tree.cells[0].mass, 80.0);
    let mut f = vec![[0.0; 2]; 40];
    let overlaps = tree.repulsion(&params(1.0, true), &mut f, 1);
    assert_eq!(overlaps, 40 * 39);
    assert!(f
        .iter()
        .all(|v| v[0].is_finite() && v[1].is_finite() && v[0].hypot(v[1]) > 0.0));
    tree.build(&[], &[], &[]);
    assert_eq!(tree.cell_count(), 0);
    let mut none: Vec<[f32; 2]> = Vec::new();
    assert_eq!(tree.repulsion(&params(1.0, false), &mut none, 2), 0);
}

#[test]
fn radix_sort_orders_by_code_then_index() {
    let mut rng = SplitMix::new(9);
    let mut keys: Vec<u64> = (0..3000u64)
        .map(|i| (rng.next_u64() & 0xff_ffff_0000_0000) | i)
        .collect();
    let mut expected = keys.clone();
    expected.sort_unstable();
    radix_sort_high(&mut keys, &mut Vec::new());
    assert_eq!(keys, expected);
    assert_eq!(spread(0xffff), 0x5555_5555);
    assert_eq!(spread(0b101), 0b10001);
}
