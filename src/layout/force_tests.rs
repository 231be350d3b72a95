//! Tests of the force layout: fixed nodes, convergence, determinism, overlap removal, and
//! hidden nodes that take no part.

use super::*;
use crate::generate::generate;
use crate::layout::ForceLayout;

fn graph(actors: usize, ties: usize, seed: u64) -> LayoutGraph {
    LayoutGraph::from_dataset(&generate(actors, ties, seed))
}

fn bits(p: &[[f32; 2]]) -> Vec<(u32, u32)> {
    p.iter().map(|q| (q[0].to_bits(), q[1].to_bits())).collect()
}

fn overlaps(p: &[[f32; 2]], r: &[f32], eps: f32) -> usize {
    let mut count = 0;
    for i in 0..p.len() {
        for j in i + 1..p.len() {
            if (p[i][0] - p[j][0]).hypot(p[i][1] - p[j][1]) < r[i] + r[j] - eps {
                count += 1;
            }
        }
    }
    count
}

#[test]
fn pinned_and_held_nodes_do_not_move() {
    let mut g = graph(120, 360, 1);
    g.pinned[5] = true;
    g.pinned[17] = true;
    let (p5, p17) = (g.positions[5], g.positions[17]);
    let mut layout = ForceLayout::new(g, Settings::default());
    layout.set_held(Some((40, [123.0, -45.0])));
    assert_eq!(layout.held(), Some(40));
    for _ in 0..300 {
        layout.step();
        let p = layout.positions();
        assert_eq!(
            bits(&[p[5], p[17], p[40]]),
            bits(&[p5, p17, [123.0, -45.0]])
        );
    }
    // Released, the held node moves again; unpinned, so does a pinned one.
    layout.set_held(None);
    layout.set_pinned(5, false);
    layout.set_pinned(9999, true);
    for _ in 0..20 {
        layout.step();
    }
    assert_ne!(layout.positions()[40], [123.0, -45.0]);
    assert_ne!(layout.positions()[5], p5);
    assert_eq!(layout.positions()[17], p17);
}

#[test]
fn small_graph_converges_and_stays_converged_until_woken() {
    let mut layout = ForceLayout::new(graph(60, 150, 2), Settings::default());
    let stats = layout.run(5000);
    assert!(layout.is_converged(), "{stats:?}");
    assert!(stats.converged && stats.iteration < 2000, "{stats:?}");
    assert!(stats.mean_displacement < 0.1);
    layout.set_held(Some((3, [1000.0, 1000.0])));
    assert!(!layout.is_converged());
    layout.run(5000);
    assert!(layout.is_converged());
    assert_eq!(layout.positions()[3], [1000.0, 1000.0]);
}

#[test]
fn a_warm_restart_converges_sooner_and_moves_little() {
    let mut first = ForceLayout::new(graph(150, 450, 5), Settings::default());
    first.run(5000);
    assert!(first.is_converged());
    let mut g = graph(150, 450, 5);
    g.positions = first.positions().to_vec();
    g.positions[0] = [g.positions[0][0] + 40.0, g.positions[0][1]];
    let settings = Settings {
        start_temperature: 0.3,
        cooling_after: 0,
        ..Settings::default()
    };
    let mut again = ForceLayout::new(g, settings);
    let stats = again.run(5000);
    assert!(again.is_converged() && stats.iteration < 400, "{stats:?}");
    let moved = first
        .positions()
        .iter()
        .zip(again.positions())
        .map(|(a, b)| (a[0] - b[0]).hypot(a[1] - b[1]))
        .sum::<f32>()
        / 150.0;
    assert!(moved < 10.0 * DEFAULT_NODE_RADIUS, "{moved}");
}

#[test]
fn same_seed_gives_identical_positions() {
    let run = |threads: usize, seed: u64| {
        let settings = Settings {
            threads,
            seed,
            ..Settings::default()
        };
        let mut layout = ForceLayout::new(graph(1500, 4500, 3), settings);
        for _ in 0..40 {
            layout.step();
        }
        bits(layout.positions())
    };
    let one = run(1, 7);
    assert_eq!(one, run(1, 7));
    // Each thread writes its own slice, so the thread count does not change anything either.
    assert_eq!(one, run(3, 7));
}

#[test]
fn converged_layout_has_no_overlaps() {
    for (n, linlog) in [(400, false), (700, true)] {
        let mut g = graph(n, 3 * n, 4);
        for (i, s) in g.sizes.iter_mut().enumerate() {
            *s = 8.0 + (i % 5) as f32 * 4.0;
        }
        // A pile of coincident nodes to start with.
        for p in &mut g.positions[..50] {
            *p = [0.0, 0.0];
        }
        let sizes = g.sizes.clone();
        let settings = Settings {
            linlog,
            ..Settings::default()
        };
        let mut layout = ForceLayout::new(g, settings);
        let stats = layout.run(5000);
        assert!(layout.is_converged(), "{stats:?}");
        assert_eq!(overlaps(layout.positions(), &sizes, 1e-2), 0, "n {n}");
    }
}

#[test]
fn odd_inputs_stay_finite() {
    let empty = ForceLayout::new(LayoutGraph::default(), Settings::default());
    assert!(empty.is_converged());
    let mut one = ForceLayout::new(
        LayoutGraph {
            positions: vec![[f32::NAN, 1.0], [2.0, 2.0], [2.0, 2.0]],
            edges: vec![(0, 1, f32::NAN), (1, 1, 1.0), (0, 9, 1.0), (1, 2, -3.0)],
            sizes: vec![0.0],
            pinned: Vec::new(),
        },
        Settings {
            strong_gravity: false,
            dissuade_hubs: true,
            edge_weight_influence: 0.5,
            ..Settings::default()
        },
    );
    one.run(3000);
    assert!(one.is_converged());
    let p = one.positions();
    assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    assert!((p[1][0] - p[2][0]).hypot(p[1][1] - p[2][1]) >= 2.0 * DEFAULT_NODE_RADIUS - 1e-2);
}

/// The graph without the nodes not `shown` and their edges, as the layout should see it.
fn shown_part(g: &LayoutGraph, shown: &[bool]) -> LayoutGraph {
    let kept: Vec<usize> = (0..g.len()).filter(|&i| shown[i]).collect();
    let new_index = |old: u32| {
        kept.iter()
            .position(|&k| k == old as usize)
            .map(|k| k as u32)
    };
    LayoutGraph {
        positions: kept.iter().map(|&i| g.positions[i]).collect(),
        edges: g
            .edges
            .iter()
            .filter_map(|&(a, b, w)| Some((new_index(a)?, new_index(b)?, w)))
            .collect(),
        sizes: kept.iter().map(|&i| g.sizes[i]).collect(),
        pinned: kept.iter().map(|&i| g.pinned[i]).collect(),
    }
}

#[test]
fn hidden_nodes_stay_put_and_shown_ones_converge_without_them() {
    let g = graph(120, 360, 6);
    let shown: Vec<bool> = (0..120).map(|i| i % 3 != 0).collect();
    let before = g.positions.clone();
    let part = shown_part(&g, &shown);
    let mut layout = ForceLayout::with_shown(g, Settings::default(), Some(&shown));
    let stats = layout.run(5000);
    assert!(layout.is_converged(), "{stats:?}");
    let after = layout.positions();
    assert_eq!(after.len(), 120);
    let hidden = |p: &[[f32; 2]]| {
        let kept: Vec<[f32; 2]> = (0..120).filter(|&i| !shown[i]).map(|i| p[i]).collect();
        bits(&kept)
    };
    assert_eq!(hidden(after), hidden(&before));
    let moved = (0..120)
        .filter(|&i| shown[i] && after[i] != before[i])
        .count();
    assert!(moved > 70, "{moved} of 80 shown nodes moved");
    // Hidden nodes neither push nor pull: the shown ones end where a layout of the graph
    // without the hidden ones and their ties puts them.
    let mut alone = ForceLayout::new(part, Settings::default());
    alone.run(5000);
    let shown_after: Vec<[f32; 2]> = (0..120).filter(|&i| shown[i]).map(|i| after[i]).collect();
    assert_eq!(bits(&shown_after), bits(alone.positions()));
}

#[test]
fn hidden_nodes_cannot_be_held_or_pinned_and_a_short_list_shows_the_rest() {
    let g = graph(30, 60, 8);
    let before = g.positions.clone();
    // Node 1 is hidden; nodes past the list's end are shown.
    let mut layout = ForceLayout::with_shown(g, Settings::default(), Some(&[true, false]));
    layout.set_held(Some((1, [500.0, 500.0])));
    layout.set_pinned(1, true);
    assert_eq!(layout.held(), None);
    layout.set_held(Some((20, [-300.0, 40.0])));
    assert_eq!(layout.held(), Some(20));
    for _ in 0..50 {
        layout.step();
    }
    let p = layout.positions();
    assert_eq!(bits(&[p[1], p[20]]), bits(&[before[1], [-300.0, 40.0]]));
    assert_ne!(p[25], before[25]);
    // Nothing shown: nothing moves.
    let mut none =
        ForceLayout::with_shown(graph(10, 20, 8), Settings::default(), Some(&[false; 10]));
    none.run(100);
    assert!(none.is_converged());
    assert_eq!(bits(none.positions()), bits(&graph(10, 20, 8).positions));
}
