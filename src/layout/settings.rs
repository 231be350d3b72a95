//! Settings of the force layout and the statistics of one step.

/// How the force layout behaves; the defaults suit maps of up to 100k nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Repulsion strength k_r (ForceAtlas2's scaling ratio): larger spreads the map.
    pub scaling: f32,
    /// Pull towards the centre.
    pub gravity: f32,
    /// Gravity grows with distance from the centre instead of being constant.
    pub strong_gravity: bool,
    /// Attraction `log(1 + d)` instead of `d`: tighter clusters.
    pub linlog: bool,
    /// Divide a node's attraction by its mass, pushing hubs to the edge and leaves to the centre.
    pub dissuade_hubs: bool,
    /// Attraction is multiplied by `weight ^ edge_weight_influence`; `0` ignores weights.
    pub edge_weight_influence: f32,
    /// Keep nodes from overlapping, by their sizes.
    pub prevent_overlap: bool,
    /// Repulsion between overlapping nodes, relative to `scaling`.
    pub overlap_strength: f32,
    /// Barnes-Hut opening angle; `1.0` is fast, `0.5` more precise, `0` exact (slow).
    pub theta: f32,
    /// ForceAtlas2's jitter tolerance: larger is faster but less precise.
    pub jitter_tolerance: f32,
    /// Largest move of one node in one step, in units of the mean node radius.
    pub max_step: f32,
    /// Steps at full temperature before cooling may start; it starts once nodes move less than
    /// their radius per step, or after four times this many steps.
    pub cooling_after: u64,
    /// Factor by which the temperature (scaling every move) falls each step once cooling.
    pub cooling: f32,
    /// Temperature to start at, from 0 to 1: below 1 for a gentle restart from a finished
    /// layout (e.g. `0.3` with `cooling_after: 0` after the user moved a node).
    pub start_temperature: f32,
    /// The layout is still when the mean move per node stays below this (in units of the mean
    /// node radius) for `converge_patience` steps in a row.
    pub converge_threshold: f32,
    pub converge_patience: u32,
    /// The worker stops after this many steps even when not converged.
    pub max_iterations: u64,
    /// Centre of gravity; `None`: the centroid of the starting positions.
    pub center: Option<[f32; 2]>,
    /// Seed for every random choice, so a layout is reproducible.
    pub seed: u64,
    /// Threads for the repulsion; results do not depend on it. `0` or `1`: the calling thread.
    pub threads: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            scaling: 1.0,
            gravity: 0.2,
            strong_gravity: true,
            linlog: false,
            dissuade_hubs: false,
            edge_weight_influence: 1.0,
            prevent_overlap: true,
            overlap_strength: 100.0,
            theta: 1.0,
            jitter_tolerance: 1.0,
            max_step: 10.0,
            cooling_after: 300,
            cooling: 0.98,
            start_temperature: 1.0,
            converge_threshold: 0.002,
            converge_patience: 10,
            max_iterations: 10_000,
            center: None,
            seed: 1,
            threads: 1,
        }
    }
}

/// What one step did, in canvas units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StepStats {
    /// Steps done so far, this one included.
    pub iteration: u64,
    pub max_displacement: f32,
    /// Mean move of the nodes free to move.
    pub mean_displacement: f32,
    /// Overlapping node pairs seen by the repulsion (with `prevent_overlap`).
    pub overlaps: u64,
    /// ForceAtlas2's global speed.
    pub speed: f32,
    /// The cooling factor applied to every move, from 1 down to 0.
    pub temperature: f32,
    pub converged: bool,
}
