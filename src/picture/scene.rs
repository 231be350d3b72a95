//! A picture laid out in picture points, as the screen draws the map at the zoom that fits it
//! into the picture's width (`ui::map::camera::Camera::fit`): actor shapes and sizes
//! (`ui::map::shapes`), ties in their lanes with the same curves, trimming, dashes and
//! arrowheads, labels at the screen's size on a halo, placed as the screen places them (below,
//! above, right or left, never over one another, the most connected first, at most 200).

use crate::model::{ActorKind, Dataset};
use crate::ui::map::shapes::{screen_radius, LANE_SPACING};
use crate::ui::theme::{self, rgb, rgb::Rgb, LineStyle};

use super::footnotes::footnotes;
use super::labels::place_labels;
use super::{Options, Theme};

pub type Pt = (f32, f32);

/// Everything a picture draws, in the order drawn.
#[derive(Debug)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    /// The height of the map; the footnotes are below it.
    pub map_height: f32,
    pub background: Rgb,
    pub text: Rgb,
    pub ties: Vec<TieShape>,
    pub actors: Vec<ActorShape>,
    pub labels: Vec<Label>,
    pub citations: Vec<Citation>,
    pub footnotes: Vec<FootLine>,
}

#[derive(Debug)]
pub enum TiePath {
    /// A polyline: straight, or the screen's 24 steps of a quadratic curve, trimmed at the
    /// actors' outlines.
    Line(Vec<Pt>),
    /// A tie from an actor to itself.
    Loop { centre: Pt, radius: f32 },
}

#[derive(Debug)]
pub struct TieShape {
    pub path: TiePath,
    pub color: Rgb,
    pub width: f32,
    pub style: LineStyle,
    pub arrow: Option<[Pt; 3]>,
    /// "A → B: kind", shown as the element's title.
    pub title: String,
}

#[derive(Debug)]
pub struct ActorShape {
    pub kind: ActorKind,
    pub centre: Pt,
    pub radius: f32,
    pub fill: Rgb,
    pub pinned: bool,
    pub name: String,
}

#[derive(Debug)]
pub struct Label {
    /// The halo's top-left corner and size.
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub text: String,
}

#[derive(Debug)]
pub struct Citation {
    pub centre: Pt,
    pub number: usize,
    pub color: Rgb,
}

#[derive(Debug)]
pub struct FootLine {
    pub x: f32,
    /// The baseline.
    pub y: f32,
    pub text: String,
    pub size: f32,
    pub strong: bool,
}

/// The outline width of actors, their screen value.
pub const OUTLINE_WIDTH: f32 = 1.5;
/// The radius of the pin's dot.
pub const PIN_RADIUS: f32 = 3.0;
/// The radius of a citation's number marker.
pub const CITATION_RADIUS: f32 = 7.5;
pub(super) const SIDE: f32 = 40.0;
/// Room left and right of the outermost actors for their labels.
const LABEL_ROOM: f32 = 90.0;
const TOP: f32 = 30.0;
const BOTTOM: f32 = 50.0;

/// Lays out the picture of `data`.
pub fn build(data: &Dataset, options: &Options) -> Scene {
    let positions = crate::ui::map::cache::fallback_positions(data);
    let width = options.width;
    // The part of the map in the picture, and the zoom that fits it.
    let (min_x, min_y, max_x, max_y) = match options.view {
        Some(v) => (v.min_x, v.min_y, v.max_x, v.max_y),
        None => positions.iter().filter(|p| p.is_finite()).fold(
            (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
            |(a, b, c, d), p| (a.min(p.x), b.min(p.y), c.max(p.x), d.max(p.y)),
        ),
    };
    let empty = min_x > max_x;
    let (bw, bh) = if empty {
        (1.0, 1.0)
    } else {
        ((max_x - min_x) as f32, (max_y - min_y) as f32)
    };
    let (zoom, top, bottom) = match options.view {
        Some(_) => (width / bw, 0.0, 0.0),
        None => {
            let zoom = if bw < 1.0 && bh < 1.0 {
                1.0
            } else {
                ((width - 2.0 * LABEL_ROOM.min(width / 4.0)) / bw.max(1.0))
                    .clamp(crate::ui::map::camera::MIN_ZOOM, 1.5)
            };
            (zoom, TOP, BOTTOM)
        }
    };
    let map_height = (bh * zoom + top + bottom).max(1.0);
    let offset_x = if options.view.is_some() {
        0.0
    } else {
        (width - bw * zoom) / 2.0
    };
    let (ox, oy) = if empty { (0.0, 0.0) } else { (min_x, min_y) };
    let to_pic = |i: usize| -> Pt {
        let p = positions[i];
        (
            (p.x - ox) as f32 * zoom + offset_x,
            (p.y - oy) as f32 * zoom + top,
        )
    };
    let in_map = |p: Pt| p.0 >= 0.0 && p.0 <= width && p.1 >= 0.0 && p.1 <= map_height;
    let node_r = screen_radius(zoom);
    let (background, text_color) = match options.theme {
        Theme::Light => (rgb::LIGHT_BACKGROUND, rgb::LIGHT_TEXT),
        Theme::Dark => (rgb::DARK_BACKGROUND, rgb::DARK_TEXT),
    };

    // The ends of each tie by actor index, and its lane among the ties of its pair.
    let ends: Vec<Option<(usize, usize)>> = data
        .ties
        .iter()
        .map(|t| Some((data.actor_place(&t.from)?, data.actor_place(&t.to)?)))
        .collect();
    let lanes = lanes(&ends);
    let mut degree = vec![0usize; data.actors.len()];
    for (a, b) in ends.iter().flatten() {
        degree[*a] += 1;
        degree[*b] += 1;
    }

    let mut ties = Vec::with_capacity(data.ties.len());
    let mut citations = Vec::new();
    let mut cited: Vec<usize> = Vec::new();
    for (ti, tie) in data.ties.iter().enumerate() {
        let Some((ia, ib)) = ends[ti] else { continue };
        let (a, b) = (to_pic(ia), to_pic(ib));
        let color = rgb::polarity(tie.polarity);
        let width = theme::tie_width(tie.excerpts.len());
        let title = format!(
            "{} → {}: {}",
            data.actors[ia].name,
            data.actors[ib].name,
            if tie.label.is_empty() {
                tie.kind.label()
            } else {
                &tie.label
            }
        );
        let (path, middle) = if ia == ib {
            let radius = 10.0 + lanes[ti].abs() * 5.0;
            let centre = (a.0, a.1 - (node_r + radius * 0.8));
            (
                TiePath::Loop { centre, radius },
                (centre.0, centre.1 - radius),
            )
        } else {
            let full = tie_path(a, b, lanes[ti] * LANE_SPACING, ia > ib);
            let middle = if full.len() == 2 {
                ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
            } else {
                full[full.len() / 2]
            };
            let trimmed = trim(&full, a, b, node_r + 2.0);
            if trimmed.len() < 2 {
                continue;
            }
            (TiePath::Line(trimmed), middle)
        };
        let arrow = match (&path, tie.directed) {
            (TiePath::Line(points), true) => Some(arrowhead(points, width)),
            _ => None,
        };
        if options.citations && !tie.excerpts.is_empty() && in_map(middle) {
            cited.push(ti);
            citations.push(Citation {
                centre: middle,
                number: cited.len(),
                color,
            });
        }
        ties.push(TieShape {
            path,
            color,
            width,
            style: LineStyle::of_tie(tie),
            arrow,
            title,
        });
    }

    let actors: Vec<ActorShape> = data
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| ActorShape {
            kind: a.kind,
            centre: to_pic(i),
            radius: node_r,
            fill: rgb::actor(a.kind),
            pinned: a.pinned,
            name: a.name.clone(),
        })
        .collect();

    let labels = place_labels(data, &actors, &degree, node_r, width, map_height, &in_map);
    let mut scene = Scene {
        width,
        height: map_height,
        map_height,
        background,
        text: text_color,
        ties,
        actors,
        labels,
        citations,
        footnotes: Vec::new(),
    };
    if options.citations {
        footnotes(&mut scene, data, &cited, &ends);
    }
    scene
}

/// The lanes of the ties: the ties of one pair fanned out around the straight line in
/// document order, a self-tie's stacked outwards (`ui::map::cache::fan_out`).
fn lanes(ends: &[Option<(usize, usize)>]) -> Vec<f32> {
    let mut lanes = vec![0.0; ends.len()];
    let mut order: Vec<((usize, usize), usize)> = ends
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.map(|(a, b)| ((a.min(b), a.max(b)), i)))
        .collect();
    order.sort_unstable();
    for run in order.chunk_by(|x, y| x.0 == y.0) {
        let is_loop = run[0].0 .0 == run[0].0 .1;
        let centre = if is_loop {
            0.0
        } else {
            (run.len() as f32 - 1.0) / 2.0
        };
        for (k, (_, tie)) in run.iter().enumerate() {
            lanes[*tie] = k as f32 - centre;
        }
    }
    lanes
}

/// The screen's path of a tie (`ui::map::tie_geometry::tie_path`).
pub fn tie_path(a: Pt, b: Pt, lane_offset: f32, flip: bool) -> Vec<Pt> {
    if lane_offset == 0.0 || a == b {
        return vec![a, b];
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(f32::EPSILON);
    let (mut nx, mut ny) = (-dy / len, dx / len);
    if flip {
        nx = -nx;
        ny = -ny;
    }
    let control = (
        a.0 + dx * 0.5 + nx * lane_offset * 2.0,
        a.1 + dy * 0.5 + ny * lane_offset * 2.0,
    );
    const STEPS: usize = 24;
    (0..=STEPS)
        .map(|i| {
            let t = i as f32 / STEPS as f32;
            let u = 1.0 - t;
            (
                u * u * a.0 + 2.0 * u * t * control.0 + t * t * b.0,
                u * u * a.1 + 2.0 * u * t * control.1 + t * t * b.1,
            )
        })
        .collect()
}

fn distance(p: Pt, q: Pt) -> f32 {
    ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()
}

/// The path without what lies within `r` of either end (`tie_screen_path`).
fn trim(path: &[Pt], a: Pt, b: Pt, r: f32) -> Vec<Pt> {
    let kept: Vec<Pt> = path
        .iter()
        .copied()
        .filter(|p| distance(*p, a) > r && distance(*p, b) > r)
        .collect();
    if kept.len() >= 2 {
        kept
    } else if distance(a, b) > 2.0 * r {
        let d = distance(a, b);
        let (ux, uy) = ((b.0 - a.0) / d, (b.1 - a.1) / d);
        vec![(a.0 + ux * r, a.1 + uy * r), (b.0 - ux * r, b.1 - uy * r)]
    } else {
        Vec::new()
    }
}

/// The arrowhead at the end of a path, as the screen draws it.
fn arrowhead(points: &[Pt], width: f32) -> [Pt; 3] {
    let tip = points[points.len() - 1];
    let before = points[points.len() - 2];
    let d = distance(tip, before).max(f32::EPSILON);
    let dir = ((tip.0 - before.0) / d, (tip.1 - before.1) / d);
    let normal = (-dir.1, dir.0);
    let size = 8.0 + width * 1.5;
    let base = (tip.0 - dir.0 * size, tip.1 - dir.1 * size);
    [
        tip,
        (
            base.0 + normal.0 * size * 0.5,
            base.1 + normal.1 * size * 0.5,
        ),
        (
            base.0 - normal.0 * size * 0.5,
            base.1 - normal.1 * size * 0.5,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_ties_get_the_screens_lanes() {
        let ends = vec![
            Some((0, 1)),
            Some((1, 0)),
            Some((0, 1)),
            Some((2, 2)),
            Some((2, 2)),
        ];
        assert_eq!(lanes(&ends), [-1.0, 0.0, 1.0, 0.0, 1.0]);
    }

    #[test]
    fn the_path_agrees_with_the_screens() {
        use egui::Pos2;
        let (a, b) = ((10.0, 20.0), (200.0, 90.0));
        let ours = tie_path(a, b, 16.0, true);
        let screen = crate::ui::map::tie_geometry::tie_path(
            Pos2::new(a.0, a.1),
            Pos2::new(b.0, b.1),
            16.0,
            true,
        );
        assert_eq!(ours.len(), screen.len());
        for (p, q) in ours.iter().zip(&screen) {
            assert!((p.0 - q.x).abs() < 1e-3 && (p.1 - q.y).abs() < 1e-3);
        }
    }
}
