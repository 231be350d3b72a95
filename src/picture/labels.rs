//! Labels placed as the screen places them (`ui::map::labels`): the most connected actors
//! first, below the actor where there is room, else above, right or left, never over another
//! label or actor, at most 200.

use super::scene::{ActorShape, Label, Pt};
use super::text;
use crate::model::Dataset;
use crate::ui::map::labels::{short_name, LABEL_CAP};
use crate::ui::theme;

/// A coarse grid of the picture's cells, free or taken (`ui::map::labels::Occupancy`).
struct Occupancy {
    cells: Vec<bool>,
    cols: usize,
    rows: usize,
}

const CELL: f32 = 4.0;

impl Occupancy {
    fn new(w: f32, h: f32) -> Self {
        let cols = (w / CELL).ceil().max(1.0) as usize;
        let rows = (h / CELL).ceil().max(1.0) as usize;
        Self {
            cells: vec![false; cols * rows],
            cols,
            rows,
        }
    }

    fn span(&self, (x, y, w, h): (f32, f32, f32, f32)) -> (usize, usize, usize, usize) {
        let cell = |v: f32, max: usize| ((v / CELL).floor().max(0.0) as usize).min(max - 1);
        (
            cell(x, self.cols),
            cell(y, self.rows),
            cell(x + w, self.cols),
            cell(y + h, self.rows),
        )
    }

    fn is_free(&self, r: (f32, f32, f32, f32)) -> bool {
        let (c0, r0, c1, r1) = self.span(r);
        (r0..=r1).all(|row| (c0..=c1).all(|col| !self.cells[row * self.cols + col]))
    }

    fn take(&mut self, r: (f32, f32, f32, f32)) {
        let (c0, r0, c1, r1) = self.span(r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col] = true;
            }
        }
    }
}

pub(super) fn place_labels(
    data: &Dataset,
    actors: &[ActorShape],
    degree: &[usize],
    r: f32,
    width: f32,
    height: f32,
    in_map: &dyn Fn(Pt) -> bool,
) -> Vec<Label> {
    let mut order: Vec<usize> = (0..actors.len())
        .filter(|&i| in_map(actors[i].centre))
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(degree[i]), i));
    order.truncate(1_500);
    let mut grid = Occupancy::new(width, height);
    if order.len() <= 2_000 {
        for &i in &order {
            let (x, y) = actors[i].centre;
            grid.take((x - 0.8 * r, y - 0.8 * r, 1.6 * r, 1.6 * r));
        }
    }
    let size = theme::LABEL_SIZE;
    let mut labels = Vec::new();
    for &i in &order {
        if labels.len() >= LABEL_CAP {
            break;
        }
        let name = short_name(&data.actors[i].name);
        let (w, h) = (
            text::width(&name, size).ceil() + 8.0,
            text::row_height(size) + 2.0,
        );
        let (cx, cy) = actors[i].centre;
        let candidates = [
            (cx - w / 2.0, cy + r + 3.0),
            (cx - w / 2.0, cy - r - 3.0 - h),
            (cx + r + 4.0, cy - h / 2.0),
            (cx - r - 4.0 - w, cy - h / 2.0),
        ];
        let Some(&(x, y)) = candidates.iter().find(|(x, y)| {
            *x >= 0.0
                && x + w <= width
                && *y >= 0.0
                && y + h <= height
                && grid.is_free((*x, *y, w, h))
        }) else {
            continue;
        };
        grid.take((x, y, w, h));
        labels.push(Label {
            x,
            y,
            w,
            h,
            text: name,
        });
    }
    labels
}
