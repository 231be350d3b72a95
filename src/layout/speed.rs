//! ForceAtlas2's adaptive speed: a global speed from how much the nodes swing (force changes
//! direction) against how much they travel (force keeps direction), and a per-node factor that
//! slows down nodes that swing. Lengths are in units of the layout's unit length.

/// The smallest speed efficiency, below which it is not lowered further.
const MIN_EFFICIENCY: f64 = 0.05;

/// The global speed and its efficiency, kept from step to step.
#[derive(Clone, Debug)]
pub struct AdaptiveSpeed {
    speed: f32,
    efficiency: f64,
}

impl Default for AdaptiveSpeed {
    fn default() -> Self {
        Self {
            speed: 1.0,
            efficiency: 1.0,
        }
    }
}

impl AdaptiveSpeed {
    pub fn speed(&self) -> f32 {
        self.speed
    }

    /// Updates the global speed from the mass-weighted swinging and traction of `free` nodes
    /// and the jitter tolerance; the speed rises by at most half per step.
    pub fn update(&mut self, swinging: f64, traction: f64, free: usize, tolerance: f32) {
        if free == 0 {
            return;
        }
        let tolerance = f64::from(tolerance);
        let nf = free as f64;
        let estimate = 0.05 * nf.sqrt();
        let mut jitter =
            tolerance * (estimate * traction / (nf * nf)).clamp(estimate.sqrt().min(10.0), 10.0);
        if traction > 0.0 && swinging / traction > 2.0 {
            if self.efficiency > MIN_EFFICIENCY {
                self.efficiency *= 0.5;
            }
            jitter = jitter.max(tolerance);
        }
        let speed = f64::from(self.speed);
        let target = if swinging > 0.0 {
            jitter * self.efficiency * traction / swinging
        } else {
            speed * 1.5
        };
        if swinging > jitter * traction {
            if self.efficiency > MIN_EFFICIENCY {
                self.efficiency *= 0.7;
            }
        } else if speed < 1000.0 {
            self.efficiency *= 1.3;
        }
        let next = speed + (target - speed).min(0.5 * speed);
        self.speed = if next.is_finite() && next > 0.0 {
            next as f32
        } else {
            1.0
        };
    }

    /// The factor from force to move for a node whose own (mass-weighted) swinging is `swing`.
    pub fn node_factor(&self, swing: f32) -> f32 {
        self.speed / (1.0 + (self.speed * swing).sqrt())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speeds_up_when_steady_and_slows_down_when_swinging() {
        let mut s = AdaptiveSpeed::default();
        for _ in 0..10 {
            s.update(0.01, 10.0, 100, 1.0);
        }
        let fast = s.speed();
        assert!(fast > 10.0, "{fast}");
        for _ in 0..10 {
            s.update(100.0, 1.0, 100, 1.0);
        }
        assert!(s.speed() < fast / 10.0, "{}", s.speed());
        assert!(s.node_factor(0.0) > s.node_factor(10.0));
        s.update(f64::NAN, 1.0, 100, 1.0);
        assert!(s.speed().is_finite());
    }
}
