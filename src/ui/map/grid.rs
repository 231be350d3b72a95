//! A uniform grid over actor positions, rebuilt in place (no allocation once warm) when positions
//! change. It answers "which actors are in this rectangle" for culling and labels, and "which
//! actor is nearest this point" for hover and clicks, without scanning every actor.

use egui::{Pos2, Rect, Vec2};

#[derive(Default)]
pub struct GridIndex {
    origin: Pos2,
    cell: f32,
    cols: usize,
    rows: usize,
    /// `starts[c]..starts[c + 1]` are the items of cell `c` in `items`.
    starts: Vec<u32>,
    items: Vec<u32>,
    /// Position of each item, copied at build time (by item index; those left out too).
    points: Vec<Pos2>,
    /// The items in the grid, in the order given.
    kept: Vec<u32>,
    /// The cell of each kept item.
    cell_of: Vec<u32>,
}

const MAX_SIDE: usize = 512;

impl GridIndex {
    /// Rebuilds the grid over the `entries` (item index and position) of items numbered below
    /// `len`, reusing the buffers; items left out are never found.
    pub fn rebuild(&mut self, len: usize, entries: impl Iterator<Item = (u32, Pos2)>) {
        self.points.clear();
        self.points.resize(len, Pos2::ZERO);
        self.kept.clear();
        for (i, p) in entries {
            if let Some(slot) = self.points.get_mut(i as usize) {
                *slot = p;
                self.kept.push(i);
            }
        }
        let n = self.kept.len();
        let mut bounds = Rect::NOTHING;
        for &i in &self.kept {
            let p = self.points[i as usize];
            if p.is_finite() {
                bounds.extend_with(p);
            }
        }
        if n == 0 || !bounds.is_finite() {
            bounds = Rect::from_min_size(Pos2::ZERO, Vec2::splat(1.0));
        }
        let size = bounds.size().max(Vec2::splat(1.0));
        // About two items per cell on average.
        let cell = (size.x * size.y / (n.max(1) as f32) * 2.0).sqrt().max(1.0);
        self.cols = ((size.x / cell).ceil() as usize).clamp(1, MAX_SIDE);
        self.rows = ((size.y / cell).ceil() as usize).clamp(1, MAX_SIDE);
        self.cell = (size.x / self.cols as f32)
            .max(size.y / self.rows as f32)
            .max(1.0);
        self.origin = bounds.min;

        let cells = self.cols * self.rows;
        self.starts.clear();
        self.starts.resize(cells + 1, 0);
        self.cell_of.clear();
        for k in 0..n {
            let c = self.cell_index(self.points[self.kept[k] as usize]) as u32;
            self.cell_of.push(c);
            self.starts[c as usize + 1] += 1;
        }
        for c in 0..cells {
            self.starts[c + 1] += self.starts[c];
        }
        self.items.clear();
        self.items.resize(n, 0);
        // Place each item at its cell's running end; afterwards `starts[c]` holds the end of
        // cell c, which is the start of cell c + 1, so the starts are shifted back by one.
        for (k, &c) in self.cell_of.iter().enumerate() {
            let slot = &mut self.starts[c as usize];
            self.items[*slot as usize] = self.kept[k];
            *slot += 1;
        }
        for c in (1..=cells).rev() {
            self.starts[c] = self.starts[c - 1];
        }
        self.starts[0] = 0;
    }

    fn col_row(&self, p: Pos2) -> (usize, usize) {
        let x = ((p.x - self.origin.x) / self.cell).floor();
        let y = ((p.y - self.origin.y) / self.cell).floor();
        let clamp = |v: f32, max: usize| {
            if v.is_finite() {
                (v.max(0.0) as usize).min(max - 1)
            } else {
                0
            }
        };
        (clamp(x, self.cols), clamp(y, self.rows))
    }

    fn cell_index(&self, p: Pos2) -> usize {
        let (c, r) = self.col_row(p);
        r * self.cols + c
    }

    /// Calls `f` for every item inside `rect`.
    pub fn for_each_in(&self, rect: Rect, mut f: impl FnMut(u32)) {
        if self.items.is_empty() {
            return;
        }
        let (c0, r0) = self.col_row(rect.min);
        let (c1, r1) = self.col_row(rect.max);
        for r in r0..=r1 {
            for c in c0..=c1 {
                let cell = r * self.cols + c;
                let (a, b) = (self.starts[cell] as usize, self.starts[cell + 1] as usize);
                for &i in &self.items[a..b] {
                    if rect.contains(self.points[i as usize]) {
                        f(i);
                    }
                }
            }
        }
    }

    /// The item nearest to `p` within `radius`, if any.
    pub fn nearest(&self, p: Pos2, radius: f32) -> Option<u32> {
        let mut best: Option<(u32, f32)> = None;
        self.for_each_in(Rect::from_center_size(p, Vec2::splat(2.0 * radius)), |i| {
            let d = (self.points[i as usize] - p).length();
            if d <= radius && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((i, d));
            }
        });
        best.map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(points: &[Pos2]) -> impl Iterator<Item = (u32, Pos2)> + '_ {
        points.iter().enumerate().map(|(i, p)| (i as u32, *p))
    }

    #[test]
    fn items_left_out_are_never_found() {
        let points = scattered(3_000);
        let mut grid = GridIndex::default();
        grid.rebuild(points.len(), numbered(&points).filter(|(i, _)| i % 3 != 0));
        let everywhere = Rect::from_min_max(Pos2::new(-1e9, -1e9), Pos2::new(1e9, 1e9));
        let mut found = Vec::new();
        grid.for_each_in(everywhere, |i| found.push(i));
        found.sort_unstable();
        let expected: Vec<u32> = (0..points.len() as u32).filter(|i| i % 3 != 0).collect();
        assert_eq!(found, expected);
        for (i, p) in numbered(&points).filter(|(i, _)| i % 3 == 0) {
            assert_ne!(grid.nearest(p, 0.001), Some(i));
        }
    }

    fn scattered(n: usize) -> Vec<Pos2> {
        let mut seed: u32 = 12345;
        (0..n)
            .map(|_| {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let x = (seed >> 8) as f32 / 65536.0;
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let y = (seed >> 8) as f32 / 65536.0;
                Pos2::new(x * 5000.0 - 2500.0, y * 3000.0)
            })
            .collect()
    }

    #[test]
    fn rect_queries_match_a_full_scan() {
        let points = scattered(10_000);
        let mut grid = GridIndex::default();
        grid.rebuild(points.len(), numbered(&points));
        let rect = Rect::from_min_max(Pos2::new(-300.0, 200.0), Pos2::new(900.0, 1400.0));
        let mut found = Vec::new();
        grid.for_each_in(rect, |i| found.push(i));
        found.sort_unstable();
        let expected: Vec<u32> = (0..points.len() as u32)
            .filter(|&i| rect.contains(points[i as usize]))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn nearest_matches_a_full_scan() {
        let points = scattered(2_000);
        let mut grid = GridIndex::default();
        grid.rebuild(points.len(), numbered(&points));
        for probe in scattered(200) {
            let expected = (0..points.len())
                .map(|i| (i as u32, (points[i] - probe).length()))
                .filter(|(_, d)| *d <= 60.0)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i);
            assert_eq!(grid.nearest(probe, 60.0), expected);
        }
    }

    #[test]
    fn empty_and_degenerate_inputs() {
        let mut grid = GridIndex::default();
        grid.rebuild(0, std::iter::empty());
        assert_eq!(grid.nearest(Pos2::ZERO, 10.0), None);
        grid.rebuild(5, numbered(&[Pos2::ZERO; 5]));
        assert!(grid.nearest(Pos2::new(1.0, 1.0), 5.0).is_some());
    }
}
