//! A tiny seeded SplitMix64 generator, so layouts and generated data are deterministic per seed
//! without a global RNG or an external crate.

/// SplitMix64: fast, good enough for placement jitter and synthetic data; not cryptographic.
#[derive(Clone, Debug)]
pub struct SplitMix {
    state: u64,
}

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.state)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Uniform in `[0, 1)` with double precision.
    pub fn unit_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n`; `0` when `n == 0`.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit_f64() < p
    }
}

/// The SplitMix64 finaliser: a well-mixed hash of one word.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A deterministic unit vector for the pair `{a, b}`, pointing from `b` to `a` (so the pair's two
/// directions are opposite): used to separate nodes at exactly the same place.
pub fn pair_direction(seed: u64, a: u32, b: u32) -> [f32; 2] {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    let h = mix(seed ^ (u64::from(lo) << 32 | u64::from(hi)));
    let angle = (h >> 40) as f32 / (1u64 << 24) as f32 * std::f32::consts::TAU;
    let sign = if a < b { 1.0 } else { -1.0 };
    [sign * angle.cos(), sign * angle.sin()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_in_range() {
        let mut a = SplitMix::new(7);
        let mut b = SplitMix::new(7);
        for _ in 0..1000 {
            let x = a.unit();
            assert_eq!(x.to_bits(), b.unit().to_bits());
            assert!((0.0..1.0).contains(&x));
            assert!(a.below(10) < 10);
            b.below(10);
        }
        assert_eq!(a.below(0), 0);
    }

    #[test]
    fn pair_directions_are_opposite() {
        let u = pair_direction(3, 4, 9);
        let v = pair_direction(3, 9, 4);
        assert_eq!(u[0], -v[0]);
        assert_eq!(u[1], -v[1]);
        assert!(((u[0] * u[0] + u[1] * u[1]) - 1.0).abs() < 1e-5);
    }
}
