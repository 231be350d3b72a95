//! Map layout engine: the plain graph a layout works on, the ForceAtlas2-style force layout, quick
//! layouts and the force layout's loop that streams positions to whoever runs it in the
//! background. Pure Rust, knows nothing of egui or of the app.
//!
//! Node `i` of a [`LayoutGraph`] built by [`LayoutGraph::from_dataset`] is `data.actors[i]`.
//! Positions are `[x, y]` in canvas units, as `f32` for speed; [`to_point`] and [`from_point`]
//! convert to and from the model's [`Point`].

mod force;
mod force_layout;
mod overlap;
mod quadtree;
pub mod quick;
pub(crate) mod rng;
mod settings;
mod speed;
mod streamed;

pub use force_layout::ForceLayout;
pub use quadtree::{QuadTree, RepulsionParams};
pub use settings::{Settings, StepStats};
pub use streamed::{
    run_streamed, LayoutCommand, LayoutEnd, LayoutLink, Snapshot, SNAPSHOT_INTERVAL,
};

use foldhash::HashMap;

use crate::model::{Dataset, Point};

/// Node radius in canvas units used by [`LayoutGraph::from_dataset`]; the map draws nodes this size.
pub const DEFAULT_NODE_RADIUS: f32 = 13.0;

/// The plain input of every layout: positions, weighted undirected edges, radii and pins.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayoutGraph {
    /// Position of each node in canvas units.
    pub positions: Vec<[f32; 2]>,
    /// `(from, to, weight)` node indices; no self-loops; weight >= 1.
    pub edges: Vec<(u32, u32, f32)>,
    /// Radius of each node in canvas units.
    pub sizes: Vec<f32>,
    /// Pinned nodes never move.
    pub pinned: Vec<bool>,
}

impl LayoutGraph {
    /// Nodes in actor order; ties with an unknown endpoint and self-ties are skipped; the weight
    /// of a tie is its number of excerpts (at least 1). Actors without a position are placed
    /// deterministically: near their placed neighbours when they have some, else in a disc.
    pub fn from_dataset(data: &Dataset) -> Self {
        let n = data.actors.len();
        let index: HashMap<&str, u32> = data
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i as u32))
            .collect();
        let edges: Vec<(u32, u32, f32)> = data
            .ties
            .iter()
            .filter_map(|t| {
                let a = *index.get(t.from.as_str())?;
                let b = *index.get(t.to.as_str())?;
                (a != b).then_some((a, b, t.excerpts.len().max(1) as f32))
            })
            .collect();
        let placed: Vec<Option<[f32; 2]>> = data
            .actors
            .iter()
            .map(|a| a.position.filter(|p| p.is_finite()).map(from_point))
            .collect();
        let positions = seed_positions(&placed, &edges, DEFAULT_NODE_RADIUS);
        Self {
            positions,
            edges,
            sizes: vec![DEFAULT_NODE_RADIUS; n],
            pinned: data.actors.iter().map(|a| a.pinned).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.positions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// Degree of each node (parallel edges counted each time).
    pub fn degrees(&self) -> Vec<u32> {
        let mut deg = vec![0u32; self.len()];
        for &(a, b, _) in &self.edges {
            for v in [a, b] {
                if let Some(d) = deg.get_mut(v as usize) {
                    *d += 1;
                }
            }
        }
        deg
    }
}

/// A layout position as a model point.
pub fn to_point(p: [f32; 2]) -> Point {
    Point::new(f64::from(p[0]), f64::from(p[1]))
}

/// A model point as a layout position.
pub fn from_point(p: Point) -> [f32; 2] {
    [p.x as f32, p.y as f32]
}

/// Fills in the `None` positions: the mean of placed neighbours plus a small jitter, or a point in
/// a disc around the placed nodes' centre sized for all nodes. Deterministic.
fn seed_positions(
    placed: &[Option<[f32; 2]>],
    edges: &[(u32, u32, f32)],
    radius: f32,
) -> Vec<[f32; 2]> {
    let n = placed.len();
    let known: Vec<[f32; 2]> = placed.iter().flatten().copied().collect();
    let centre = if known.is_empty() {
        [0.0, 0.0]
    } else {
        let k = known.len() as f32;
        [
            known.iter().map(|p| p[0]).sum::<f32>() / k,
            known.iter().map(|p| p[1]).sum::<f32>() / k,
        ]
    };
    let disc = 3.0 * radius * (n as f32).sqrt() + radius;
    let mut sum = vec![[0.0f32; 3]; n];
    for &(a, b, _) in edges {
        for (u, v) in [(a, b), (b, a)] {
            if let (Some(Some(p)), Some(s)) = (placed.get(v as usize), sum.get_mut(u as usize)) {
                *s = [s[0] + p[0], s[1] + p[1], s[2] + 1.0];
            }
        }
    }
    let mut rng = rng::SplitMix::new(0x005e_ed0f_1a70);
    placed
        .iter()
        .zip(&sum)
        .map(|(p, s)| {
            let (u, v) = (rng.unit(), rng.unit());
            match p {
                Some(p) => *p,
                None if s[2] > 0.0 => {
                    let angle = u * std::f32::consts::TAU;
                    let r = radius * (2.0 + 2.0 * v);
                    [s[0] / s[2] + r * angle.cos(), s[1] / s[2] + r * angle.sin()]
                }
                None => {
                    let angle = u * std::f32::consts::TAU;
                    let r = disc * v.sqrt();
                    [centre[0] + r * angle.cos(), centre[1] + r * angle.sin()]
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Excerpt, Polarity, Tie, TieKind};

    fn actor(id: &str, position: Option<Point>) -> Actor {
        Actor {
            id: id.into(),
            name: id.into(),
            kind: ActorKind::Person,
            aliases: Vec::new(),
            description: String::new(),
            position,
            pinned: id == "b",
            ..Actor::default()
        }
    }

    fn tie(id: &str, from: &str, to: &str, excerpts: usize) -> Tie {
        let x = Excerpt {
            source: "s".into(),
            quote: "q".into(),
            start: 0,
            end: 1,
            certainty: None,
            attributed_to: None,
        };
        Tie {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            kind: TieKind::Meeting,
            directed: false,
            polarity: Polarity::Neutral,
            date: None,
            label: String::new(),
            excerpts: vec![x; excerpts],
            ..Tie::default()
        }
    }

    #[test]
    fn from_dataset_maps_actors_ties_and_positions() {
        let data = Dataset {
            actors: vec![
                actor("a", Some(Point::new(100.0, 50.0))),
                actor("b", None),
                actor("c", None),
            ],
            ties: vec![
                tie("t1", "a", "b", 3),
                tie("t2", "b", "b", 1),
                tie("t3", "a", "zz", 1),
                tie("t4", "c", "a", 0),
            ],
            ..Dataset::default()
        };
        let g = LayoutGraph::from_dataset(&data);
        assert_eq!(g.len(), 3);
        assert_eq!(g.edges, vec![(0, 1, 3.0), (2, 0, 1.0)]);
        assert_eq!(g.positions[0], [100.0, 50.0]);
        assert_eq!(g.pinned, vec![false, true, false]);
        assert!(g
            .positions
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite()));
        // Unplaced neighbours of a land near it.
        for p in &g.positions[1..] {
            let d = ((p[0] - 100.0).powi(2) + (p[1] - 50.0).powi(2)).sqrt();
            assert!(d <= 5.0 * DEFAULT_NODE_RADIUS, "{d}");
        }
        assert_eq!(g, LayoutGraph::from_dataset(&data));
        assert_eq!(g.degrees(), vec![2, 1, 1]);
    }
}
