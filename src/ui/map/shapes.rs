//! How actors and ties look on the map, as plain drawing functions: shapes by actor kind, ties
//! coloured by polarity and styled by certainty, parallel ties fanned out in screen pixels, and
//! hit-testing with a tolerance in screen pixels at every zoom.

use egui::{epaint::PathStroke, Color32, Pos2, Shape, Stroke, Vec2};

use super::looks::{ActorLook, TieLook};
use super::tie_geometry::{clip_polyline, loop_circle, tie_path};
use crate::model::ActorKind;
use crate::ui::theme::{self, LineStyle};

/// Node radius in canvas units at zoom 1.
pub const NODE_RADIUS: f32 = 13.0;
/// Smallest and largest node radius on screen, so nodes stay visible and never swamp the map.
const MIN_SCREEN_RADIUS: f32 = 5.0;
const MAX_SCREEN_RADIUS: f32 = 24.0;
/// How far from a line a click still selects it, in screen pixels.
pub const TIE_HIT_TOLERANCE: f32 = 6.0;
/// Distance between parallel ties of one pair, in screen pixels.
pub const LANE_SPACING: f32 = 16.0;

/// How strongly an element is drawn, from the current selection and hover.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Emphasis {
    #[default]
    Normal,
    /// Part of the selection's neighbourhood.
    Focus,
    /// Outside the selection's neighbourhood: faded, not hidden.
    Dim,
}

/// Screen radius of a node at a zoom.
pub fn screen_radius(zoom: f32) -> f32 {
    (NODE_RADIUS * zoom).clamp(MIN_SCREEN_RADIUS, MAX_SCREEN_RADIUS)
}

/// The outline of an actor kind: person circle, state rounded square, organisation hexagon,
/// place triangle, other small circle.
pub fn kind_shape(kind: ActorKind, c: Pos2, r: f32, fill: Color32, stroke: Stroke) -> Shape {
    match kind {
        ActorKind::Person => Shape::Circle(egui::epaint::CircleShape {
            center: c,
            radius: r,
            fill,
            stroke,
        }),
        ActorKind::Other => Shape::Circle(egui::epaint::CircleShape {
            center: c,
            radius: r * 0.7,
            fill,
            stroke,
        }),
        ActorKind::State => {
            let rect = egui::Rect::from_center_size(c, Vec2::splat(r * 1.7));
            Shape::rect_filled(rect, r * 0.35, fill).with_stroke(stroke)
        }
        ActorKind::Organization => polygon(c, r * 1.05, 6, 0.0, fill, stroke),
        ActorKind::Place => polygon(
            c + Vec2::new(0.0, r * 0.15),
            r * 1.2,
            3,
            -std::f32::consts::FRAC_PI_2,
            fill,
            stroke,
        ),
    }
}

fn polygon(c: Pos2, r: f32, sides: usize, start: f32, fill: Color32, stroke: Stroke) -> Shape {
    let points = (0..sides)
        .map(|i| {
            let a = start + i as f32 * std::f32::consts::TAU / sides as f32;
            c + Vec2::new(a.cos(), a.sin()) * r
        })
        .collect();
    Shape::convex_polygon(points, fill, stroke)
}

trait WithStroke {
    fn with_stroke(self, stroke: Stroke) -> Shape;
}

impl WithStroke for Shape {
    fn with_stroke(self, stroke: Stroke) -> Shape {
        match self {
            Shape::Rect(mut r) => {
                r.stroke = stroke;
                r.stroke_kind = egui::StrokeKind::Middle;
                Shape::Rect(r)
            }
            other => other,
        }
    }
}

/// Colours taken from the theme once per frame.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// Ring around selected and hovered actors.
    pub ring: Color32,
    /// Halo under selected and highlighted ties.
    pub halo: Color32,
}

impl Look {
    pub fn from_visuals(visuals: &egui::Visuals) -> Self {
        Self {
            ring: visuals.selection.stroke.color,
            halo: visuals.selection.bg_fill,
        }
    }
}

/// How an actor is being interacted with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NodeState {
    pub selected: bool,
    pub hovered: bool,
    pub dragged: bool,
}

/// The shapes of an actor centred at `center` with screen radius `r`.
pub fn actor_shapes(
    out: &mut Vec<Shape>,
    node: &ActorLook,
    center: Pos2,
    r: f32,
    state: NodeState,
    look: &Look,
) {
    let r = r * node.scale;
    let mut fill = node
        .community
        .map_or_else(|| theme::actor_color(node.kind), theme::community_color);
    let mut outline = theme::SHAPE_OUTLINE;
    if node.emphasis == Emphasis::Dim {
        fill = theme::dimmed(fill);
        outline = theme::dimmed(outline);
    }
    if node.candidate {
        fill = theme::candidate(fill);
        outline = theme::candidate(outline);
    }
    if state.selected || state.hovered || state.dragged {
        let ring = if state.selected { 4.0 } else { 2.5 };
        out.push(kind_shape(
            node.kind,
            center,
            r + ring,
            look.ring,
            Stroke::NONE,
        ));
    }
    out.push(kind_shape(
        node.kind,
        center,
        r,
        fill,
        Stroke::new(1.5, outline),
    ));
    if node.candidate {
        // A dashed ring around the translucent shape: a proposal, not yet on the map.
        let ring: Vec<Pos2> = (0..=32)
            .map(|i| {
                let a = i as f32 / 32.0 * std::f32::consts::TAU;
                center + Vec2::new(a.cos(), a.sin()) * (r + 3.0)
            })
            .collect();
        out.extend(Shape::dashed_line(
            &ring,
            Stroke::new(1.5, look.ring),
            4.0,
            3.0,
        ));
    }
    if node.pinned {
        let pin = center + Vec2::new(r * 0.75, -r * 0.75);
        out.push(Shape::circle_filled(pin, 3.0, outline));
    }
}

/// Where a tie runs on screen: the centres of its ends, and how its lane bends.
#[derive(Clone, Copy, Debug)]
pub struct TieEnds {
    pub a: Pos2,
    pub b: Pos2,
    /// Whether the lane side is flipped (the tie runs from the higher actor index to the lower).
    pub flip: bool,
    /// A tie from an actor to itself.
    pub is_loop: bool,
    /// Screen radius of the nodes at `a` and at `b`, as drawn (sized by a measure or not): the
    /// line stops at their outlines, so an arrowhead never hides under a large actor.
    pub radii: (f32, f32),
    /// The part of the screen worth drawing; lines are clipped to it, so a zoomed-in view never
    /// dashes miles of line off screen.
    pub view: egui::Rect,
}

/// The tie's line in screen space, trimmed at the node outlines.
pub fn tie_screen_path(edge: &TieLook, ends: &TieEnds) -> Vec<Pos2> {
    let (a, b) = (ends.a, ends.b);
    let path = tie_path(a, b, edge.lane * LANE_SPACING, ends.flip);
    let (ra, rb) = (ends.radii.0 + 2.0, ends.radii.1 + 2.0);
    let trimmed: Vec<Pos2> = path
        .iter()
        .copied()
        .filter(|p| (*p - a).length() > ra && (*p - b).length() > rb)
        .collect();
    if trimmed.len() >= 2 {
        trimmed
    } else if (b - a).length() > ra + rb {
        let d = (b - a).normalized();
        vec![a + d * ra, b - d * rb]
    } else {
        Vec::new()
    }
}

/// The shapes of a tie in full detail: curve, dashes or dots, arrowhead, and halo when highlighted.
pub fn tie_shapes(
    out: &mut Vec<Shape>,
    edge: &TieLook,
    selected: bool,
    ends: &TieEnds,
    look: &Look,
) {
    let mut color = theme::polarity_color(edge.polarity);
    if edge.emphasis == Emphasis::Dim {
        color = theme::dimmed(color);
    }
    if edge.candidate {
        color = theme::candidate(color);
    }
    let width = edge.width + if selected { 1.5 } else { 0.0 };
    if ends.is_loop {
        let (lc, lr) = loop_circle(ends.a, ends.radii.0, 1.0, edge.lane);
        out.push(Shape::circle_stroke(lc, lr, Stroke::new(width, color)));
        return;
    }
    let points = tie_screen_path(edge, ends);
    if points.len() < 2 {
        return;
    }
    if selected || edge.emphasis == Emphasis::Focus {
        let halo = look.halo.gamma_multiply(if selected { 0.9 } else { 0.45 });
        out.push(Shape::line(
            points.clone(),
            PathStroke::new(width + 6.0, halo),
        ));
    }
    let stroke = Stroke::new(width, color);
    if edge.directed {
        let tip = points[points.len() - 1];
        let before = points[points.len() - 2];
        let dir = (tip - before).normalized();
        let normal = Vec2::new(-dir.y, dir.x);
        let size = 8.0 + width * 1.5;
        let base = tip - dir * size;
        out.push(Shape::convex_polygon(
            vec![tip, base + normal * size * 0.5, base - normal * size * 0.5],
            color,
            Stroke::NONE,
        ));
    }
    for piece in clip_polyline(&points, ends.view) {
        if selected || edge.emphasis == Emphasis::Focus {
            let halo = look.halo.gamma_multiply(if selected { 0.9 } else { 0.45 });
            out.push(Shape::line(
                piece.clone(),
                PathStroke::new(width + 6.0, halo),
            ));
        }
        match edge.style {
            LineStyle::Solid => out.push(Shape::line(piece, stroke)),
            LineStyle::Dashed => out.extend(Shape::dashed_line(&piece, stroke, 9.0, 5.0)),
            // Dots as very short dashes: they look the same and cost a fraction of circles.
            LineStyle::Dotted => out.extend(Shape::dashed_line(
                &piece,
                Stroke::new(width * 1.2, color),
                width.max(1.5),
                width * 1.5 + 3.0,
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tie_line_stops_at_the_outline_of_each_end_as_drawn() {
        let ends = TieEnds {
            a: Pos2::new(0.0, 0.0),
            b: Pos2::new(200.0, 0.0),
            flip: false,
            is_loop: false,
            radii: (10.0, 30.0),
            view: egui::Rect::from_min_max(Pos2::new(-50.0, -50.0), Pos2::new(250.0, 50.0)),
        };
        let data = crate::sample::sample_dataset();
        let edge = TieLook::of(&data.ties[0], 0.0);
        let path = tie_screen_path(&edge, &ends);
        let (first, last) = (path[0], path[path.len() - 1]);
        assert!((first - ends.a).length() >= 11.9 && (first - ends.a).length() < 20.0);
        assert!((last - ends.b).length() >= 31.9 && (last - ends.b).length() < 40.0);
    }
}
