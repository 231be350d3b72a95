//! Where a tie runs: its curved path between two actors in its lane, its middle, a self-tie's
//! loop, clipping a path to the view, and whether a point is on it (hit-tests). Pure geometry,
//! in whatever space the points are given.

use egui::{Pos2, Vec2};

use super::looks::TieLook;
use super::shapes::{screen_radius, LANE_SPACING, TIE_HIT_TOLERANCE};

/// The points of a tie's line between two node centres, in whatever space `a` and `b` are given,
/// with `lane_offset` the sideways offset of its apex in that same space. `flip` makes the lane
/// side independent of the tie's direction, so ties A→B and B→A of one pair never overlap.
pub fn tie_path(a: Pos2, b: Pos2, lane_offset: f32, flip: bool) -> Vec<Pos2> {
    if lane_offset == 0.0 || a == b {
        return vec![a, b];
    }
    let dir = (b - a).normalized();
    let mut normal = Vec2::new(-dir.y, dir.x);
    if flip {
        normal = -normal;
    }
    // A quadratic Bézier reaches half its control point's offset at the middle.
    let control = a + (b - a) * 0.5 + normal * lane_offset * 2.0;
    const STEPS: usize = 24;
    (0..=STEPS)
        .map(|i| {
            let t = i as f32 / STEPS as f32;
            let u = 1.0 - t;
            Pos2::new(
                u * u * a.x + 2.0 * u * t * control.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * control.y + t * t * b.y,
            )
        })
        .collect()
}

/// The point halfway along a path from `tie_path`.
pub fn path_midpoint(path: &[Pos2]) -> Option<Pos2> {
    match path {
        [] => None,
        [a, b] => Some(a.lerp(*b, 0.5)),
        _ => path.get(path.len() / 2).copied(),
    }
}

/// A self-tie's loop: centre and radius, above the node.
pub fn loop_circle(center: Pos2, node_radius: f32, scale: f32, lane: f32) -> (Pos2, f32) {
    let radius = (10.0 + lane.abs() * 5.0) * scale;
    (center - Vec2::new(0.0, node_radius + radius * 0.8), radius)
}

/// The runs of a polyline that lie inside `rect`, each segment clipped to it (Liang–Barsky).
pub fn clip_polyline(points: &[Pos2], rect: egui::Rect) -> Vec<Vec<Pos2>> {
    let mut pieces: Vec<Vec<Pos2>> = Vec::new();
    let mut current: Vec<Pos2> = Vec::new();
    for w in points.windows(2) {
        match clip_segment(w[0], w[1], rect) {
            Some((a, b)) => {
                if current.last() != Some(&a) {
                    if current.len() >= 2 {
                        pieces.push(std::mem::take(&mut current));
                    }
                    current.clear();
                    current.push(a);
                }
                current.push(b);
            }
            None => {
                if current.len() >= 2 {
                    pieces.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() >= 2 {
        pieces.push(current);
    }
    pieces
}

fn clip_segment(a: Pos2, b: Pos2, rect: egui::Rect) -> Option<(Pos2, Pos2)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - rect.min.x),
        (d.x, rect.max.x - a.x),
        (-d.y, a.y - rect.min.y),
        (d.y, rect.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then(|| (a + d * t0, a + d * t1))
}

/// Whether `pos` (canvas units) is on the tie between canvas points `a` and `b` at `zoom`,
/// within a tolerance in screen pixels.
pub fn tie_hit(
    edge: &TieLook,
    a: Pos2,
    b: Pos2,
    flip: bool,
    is_loop: bool,
    zoom: f32,
    pos: Pos2,
) -> bool {
    let zoom = zoom.max(1e-4);
    let tolerance = (TIE_HIT_TOLERANCE + edge.width * 0.5) / zoom;
    if is_loop {
        let node_r = screen_radius(zoom) / zoom;
        let (c, r) = loop_circle(a, node_r, 1.0 / zoom, edge.lane);
        return ((pos - c).length() - r).abs() <= tolerance;
    }
    let offset = edge.lane * LANE_SPACING / zoom;
    tie_path(a, b, offset, flip)
        .windows(2)
        .any(|w| distance_to_segment(pos, w[0], w[1]) <= tolerance)
}

pub fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 <= f32::EPSILON {
        return (p - a).length();
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    (p - (a + ab * t)).length()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_lanes_are_apart_and_opposite_directions_agree() {
        let a = Pos2::new(0.0, 0.0);
        let b = Pos2::new(100.0, 0.0);
        let mid = |p: &[Pos2]| p[p.len() / 2];
        let lane1 = tie_path(a, b, 16.0, false);
        let lane_minus1 = tie_path(a, b, -16.0, false);
        assert!((mid(&lane1).y - 16.0).abs() < 0.5, "{:?}", mid(&lane1));
        assert!((mid(&lane_minus1).y + 16.0).abs() < 0.5);
        // The same lane drawn from the other end, flipped, lies on the same side.
        let reversed = tie_path(b, a, 16.0, true);
        assert!(
            (mid(&reversed).y - 16.0).abs() < 0.5,
            "{:?}",
            mid(&reversed)
        );
    }

    #[test]
    fn polylines_are_clipped_to_the_view() {
        let view = egui::Rect::from_min_max(Pos2::ZERO, Pos2::new(100.0, 100.0));
        let pieces = clip_polyline(&[Pos2::new(-50.0, 50.0), Pos2::new(150.0, 50.0)], view);
        assert_eq!(
            pieces,
            vec![vec![Pos2::new(0.0, 50.0), Pos2::new(100.0, 50.0)]]
        );
        let outside = clip_polyline(&[Pos2::new(-50.0, -5.0), Pos2::new(150.0, -5.0)], view);
        assert!(outside.is_empty());
        // In, out and in again gives two pieces.
        let zigzag = [
            Pos2::new(10.0, 10.0),
            Pos2::new(10.0, 200.0),
            Pos2::new(20.0, 200.0),
            Pos2::new(20.0, 10.0),
        ];
        assert_eq!(clip_polyline(&zigzag, view).len(), 2);
    }

    #[test]
    fn segment_distance() {
        let d = distance_to_segment(Pos2::new(5.0, 3.0), Pos2::ZERO, Pos2::new(10.0, 0.0));
        assert!((d - 3.0).abs() < 1e-5);
        let d = distance_to_segment(Pos2::new(-4.0, 3.0), Pos2::ZERO, Pos2::new(10.0, 0.0));
        assert!((d - 5.0).abs() < 1e-5);
    }
}
