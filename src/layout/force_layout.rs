//! The force layout as callers use it: node `i` is the graph's node `i`. Given which nodes are
//! shown, the hidden ones stay exactly where they are and take no part: the simulation
//! (`force.rs`) runs over the shown nodes and the edges between them only.

use super::force::Simulation;
use super::{LayoutGraph, Settings, StepStats, DEFAULT_NODE_RADIUS};

/// A running force layout over one graph, or over the shown part of it.
#[derive(Clone, Debug)]
pub struct ForceLayout {
    simulation: Simulation,
    shown: Option<ShownNodes>,
}

/// Where the simulated nodes sit among the graph's nodes.
#[derive(Clone, Debug)]
struct ShownNodes {
    /// The graph's index of each simulated node.
    graph_index: Vec<u32>,
    /// The simulated index of each of the graph's nodes; `None` for a hidden one.
    simulated: Vec<Option<u32>>,
    /// Every node's position: hidden ones as they came, shown ones as of the last step.
    positions: Vec<[f32; 2]>,
}

impl ForceLayout {
    /// A layout of every node, starting from the graph's positions.
    pub fn new(graph: LayoutGraph, settings: Settings) -> Self {
        Self {
            simulation: Simulation::new(graph, settings),
            shown: None,
        }
    }

    /// A layout of the nodes with `shown[i]` true (a node past the end of `shown` counts as
    /// shown; `None` shows all). Hidden nodes never move, and neither push nor pull: edges
    /// with a hidden end are left out.
    pub fn with_shown(graph: LayoutGraph, settings: Settings, shown: Option<&[bool]>) -> Self {
        let Some(shown) = shown else {
            return Self::new(graph, settings);
        };
        let is_shown = |i: usize| shown.get(i).copied().unwrap_or(true);
        let n = graph.positions.len();
        let mut graph_index = Vec::new();
        let mut simulated = vec![None; n];
        for (i, slot) in simulated.iter_mut().enumerate() {
            if is_shown(i) {
                *slot = Some(graph_index.len() as u32);
                graph_index.push(i as u32);
            }
        }
        let part = LayoutGraph {
            positions: graph_index
                .iter()
                .map(|&i| graph.positions[i as usize])
                .collect(),
            edges: graph
                .edges
                .iter()
                .filter_map(|&(a, b, w)| {
                    let a = (*simulated.get(a as usize)?)?;
                    let b = (*simulated.get(b as usize)?)?;
                    Some((a, b, w))
                })
                .collect(),
            sizes: graph_index
                .iter()
                .map(|&i| {
                    let size = graph.sizes.get(i as usize);
                    size.copied().unwrap_or(DEFAULT_NODE_RADIUS)
                })
                .collect(),
            pinned: graph_index
                .iter()
                .map(|&i| graph.pinned.get(i as usize).copied().unwrap_or(false))
                .collect(),
        };
        let mut layout = Self {
            simulation: Simulation::new(part, settings),
            shown: Some(ShownNodes {
                graph_index,
                simulated,
                positions: graph.positions,
            }),
        };
        layout.copy_positions_back();
        layout
    }

    /// Every node's position, in the graph's order.
    pub fn positions(&self) -> &[[f32; 2]] {
        match &self.shown {
            Some(shown) => &shown.positions,
            None => self.simulation.positions(),
        }
    }

    pub fn settings(&self) -> &Settings {
        self.simulation.settings()
    }

    pub fn iteration(&self) -> u64 {
        self.simulation.iteration()
    }

    /// The layout has been still long enough; further steps change little.
    pub fn is_converged(&self) -> bool {
        self.simulation.is_converged()
    }

    pub fn held(&self) -> Option<u32> {
        let held = self.simulation.held()?;
        match &self.shown {
            Some(shown) => shown.graph_index.get(held as usize).copied(),
            None => Some(held),
        }
    }

    /// Holds `node` at a position (the user drags it) or releases the held node (`None`).
    /// Moving the held node wakes the layout up so its neighbours follow. A hidden node is
    /// never held.
    pub fn set_held(&mut self, held: Option<(u32, [f32; 2])>) {
        let held = match held {
            Some((node, at)) => match self.simulated(node) {
                Some(node) => Some((node, at)),
                None => return,
            },
            None => None,
        };
        self.simulation.set_held(held);
        self.copy_positions_back();
    }

    /// Pins or unpins a node; an unknown or hidden node is ignored.
    pub fn set_pinned(&mut self, node: u32, pinned: bool) {
        if let Some(node) = self.simulated(node) {
            self.simulation.set_pinned(node, pinned);
        }
    }

    /// One iteration: forces, speeds, moves, cooling and the convergence test.
    pub fn step(&mut self) -> StepStats {
        let stats = self.simulation.step();
        self.copy_positions_back();
        stats
    }

    /// Steps until converged or `max_steps` more steps were done; returns the last step's stats.
    pub fn run(&mut self, max_steps: u64) -> StepStats {
        let stats = self.simulation.run(max_steps);
        self.copy_positions_back();
        stats
    }

    /// The simulated index of the graph's `node`; `None` when it is hidden.
    fn simulated(&self, node: u32) -> Option<u32> {
        match &self.shown {
            Some(shown) => shown.simulated.get(node as usize).copied().flatten(),
            None => Some(node),
        }
    }

    /// Copies the simulated nodes' positions to their places among all nodes.
    fn copy_positions_back(&mut self) {
        if let Some(shown) = &mut self.shown {
            for (&i, p) in shown.graph_index.iter().zip(self.simulation.positions()) {
                shown.positions[i as usize] = *p;
            }
        }
    }
}
