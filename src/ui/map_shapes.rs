//! How actors and ties are drawn on the map: egui_graphs display types with shapes by actor kind,
//! ties coloured by polarity and styled by certainty, parallel ties fanned out in screen pixels,
//! and hit-testing with a tolerance in screen pixels at every zoom.

use egui::{epaint::PathStroke, Color32, Pos2, Shape, Stroke, Vec2};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext, EdgeProps, Node, NodeProps};
use petgraph::{stable_graph::DefaultIx, Directed};

use super::theme::{self, LineStyle};
use crate::model::{ActorKind, Polarity};

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

/// What the map keeps per actor.
#[derive(Clone, Debug)]
pub struct ActorNode {
    /// Index into `Dataset::actors`.
    pub actor: usize,
    pub kind: ActorKind,
    pub pinned: bool,
    pub emphasis: Emphasis,
}

/// What the map keeps per tie.
#[derive(Clone, Debug)]
pub struct TieEdge {
    /// Index into `Dataset::ties`.
    pub tie: usize,
    pub polarity: Polarity,
    pub style: LineStyle,
    pub width: f32,
    pub directed: bool,
    /// Signed lane among the ties of the same pair; 0 is the straight middle line.
    pub lane: f32,
    pub emphasis: Emphasis,
}

pub type MapGraph =
    egui_graphs::Graph<ActorNode, TieEdge, Directed, DefaultIx, ActorShape, TieShape>;
pub type MapNode = Node<ActorNode, TieEdge, Directed, DefaultIx, ActorShape>;

/// Screen radius of a node at a zoom.
pub fn screen_radius(zoom: f32) -> f32 {
    (NODE_RADIUS * zoom).clamp(MIN_SCREEN_RADIUS, MAX_SCREEN_RADIUS)
}

#[derive(Clone, Debug)]
pub struct ActorShape {
    pos: Pos2,
    node: ActorNode,
    selected: bool,
    hovered: bool,
    dragged: bool,
    /// Zoom of the last frame drawn, so hit-tests can use screen pixels.
    zoom: f32,
}

impl From<NodeProps<ActorNode>> for ActorShape {
    fn from(props: NodeProps<ActorNode>) -> Self {
        Self {
            pos: props.location(),
            selected: props.selected,
            hovered: props.hovered,
            dragged: props.dragged,
            node: props.payload,
            zoom: 1.0,
        }
    }
}

impl ActorShape {
    fn canvas_radius(&self) -> f32 {
        screen_radius(self.zoom) / self.zoom
    }
}

impl DisplayNode<ActorNode, TieEdge, Directed, DefaultIx> for ActorShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        self.pos + dir.normalized() * self.canvas_radius()
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom.max(1e-4);
        let center = ctx.meta.canvas_to_screen_pos(self.pos);
        let r = screen_radius(self.zoom);
        let mut fill = theme::actor_color(self.node.kind);
        let mut outline = Color32::from_gray(30);
        if self.node.emphasis == Emphasis::Dim {
            fill = theme::dimmed(fill);
            outline = theme::dimmed(outline);
        }
        let stroke = Stroke::new(1.5, outline);
        let mut shapes = Vec::with_capacity(3);
        if self.selected || self.hovered || self.dragged {
            let ring = if self.selected { 4.0 } else { 2.5 };
            let ring_color = ctx.ctx.global_style().visuals.selection.stroke.color;
            shapes.push(kind_shape(
                self.node.kind,
                center,
                r + ring,
                ring_color,
                Stroke::NONE,
            ));
        }
        shapes.push(kind_shape(self.node.kind, center, r, fill, stroke));
        if self.node.pinned {
            let pin = center + Vec2::new(r * 0.75, -r * 0.75);
            shapes.push(Shape::circle_filled(pin, 3.0, outline));
        }
        shapes
    }

    fn update(&mut self, props: &NodeProps<ActorNode>) {
        self.pos = props.location();
        self.selected = props.selected;
        self.hovered = props.hovered;
        self.dragged = props.dragged;
        self.node = props.payload.clone();
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        let tolerance = 3.0 / self.zoom;
        (pos - self.pos).length() <= self.canvas_radius() + tolerance
    }
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

#[derive(Clone, Debug)]
pub struct TieShape {
    edge: TieEdge,
    selected: bool,
    zoom: f32,
}

impl From<EdgeProps<TieEdge>> for TieShape {
    fn from(props: EdgeProps<TieEdge>) -> Self {
        Self {
            edge: props.payload,
            selected: props.selected,
            zoom: 1.0,
        }
    }
}

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
fn loop_circle(center: Pos2, node_radius: f32, scale: f32, lane: f32) -> (Pos2, f32) {
    let radius = (10.0 + lane.abs() * 5.0) * scale;
    (center - Vec2::new(0.0, node_radius + radius * 0.8), radius)
}

impl TieShape {
    fn flip(start: &MapNode, end: &MapNode) -> bool {
        start.payload().actor > end.payload().actor
    }

    /// The tie's line in screen space, trimmed at the node outlines.
    fn screen_path(&self, start: &MapNode, end: &MapNode, ctx: &DrawContext) -> Vec<Pos2> {
        let a = ctx.meta.canvas_to_screen_pos(start.location());
        let b = ctx.meta.canvas_to_screen_pos(end.location());
        let path = tie_path(a, b, self.edge.lane * LANE_SPACING, Self::flip(start, end));
        let r = screen_radius(self.zoom) + 2.0;
        let trimmed: Vec<Pos2> = path
            .iter()
            .copied()
            .filter(|p| (*p - a).length() > r && (*p - b).length() > r)
            .collect();
        if trimmed.len() >= 2 {
            trimmed
        } else if (b - a).length() > 2.0 * r {
            let d = (b - a).normalized();
            vec![a + d * r, b - d * r]
        } else {
            Vec::new()
        }
    }
}

impl DisplayEdge<ActorNode, TieEdge, Directed, DefaultIx, ActorShape> for TieShape {
    fn shapes(&mut self, start: &MapNode, end: &MapNode, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom.max(1e-4);
        let mut color = theme::polarity_color(self.edge.polarity);
        if self.edge.emphasis == Emphasis::Dim {
            color = theme::dimmed(color);
        }
        let width = self.edge.width + if self.selected { 1.5 } else { 0.0 };
        let mut shapes = Vec::new();

        if start.id() == end.id() {
            let c = ctx.meta.canvas_to_screen_pos(start.location());
            let (lc, lr) = loop_circle(c, screen_radius(self.zoom), 1.0, self.edge.lane);
            shapes.push(Shape::circle_stroke(lc, lr, Stroke::new(width, color)));
            return shapes;
        }

        let points = self.screen_path(start, end, ctx);
        if points.len() < 2 {
            return shapes;
        }
        if self.selected || self.edge.emphasis == Emphasis::Focus {
            let halo = ctx
                .ctx
                .global_style()
                .visuals
                .selection
                .bg_fill
                .gamma_multiply(if self.selected { 0.9 } else { 0.45 });
            shapes.push(Shape::line(
                points.clone(),
                PathStroke::new(width + 6.0, halo),
            ));
        }
        let stroke = Stroke::new(width, color);
        match self.edge.style {
            LineStyle::Solid => shapes.push(Shape::line(points.clone(), stroke)),
            LineStyle::Dashed => shapes.extend(Shape::dashed_line(&points, stroke, 9.0, 5.0)),
            LineStyle::Dotted => shapes.extend(Shape::dotted_line(
                &points,
                color,
                width * 2.0 + 3.0,
                width * 0.6 + 0.4,
            )),
        }
        if self.edge.directed {
            let tip = points[points.len() - 1];
            let before = points[points.len() - 2];
            let dir = (tip - before).normalized();
            let normal = Vec2::new(-dir.y, dir.x);
            let size = 8.0 + width * 1.5;
            let base = tip - dir * size;
            shapes.push(Shape::convex_polygon(
                vec![tip, base + normal * size * 0.5, base - normal * size * 0.5],
                color,
                Stroke::NONE,
            ));
        }
        shapes
    }

    fn update(&mut self, props: &EdgeProps<TieEdge>) {
        self.edge = props.payload.clone();
        self.selected = props.selected;
    }

    fn is_inside(&self, start: &MapNode, end: &MapNode, pos: Pos2) -> bool {
        let tolerance = (TIE_HIT_TOLERANCE + self.edge.width * 0.5) / self.zoom;
        if start.id() == end.id() {
            let node_r = screen_radius(self.zoom) / self.zoom;
            let (c, r) = loop_circle(start.location(), node_r, 1.0 / self.zoom, self.edge.lane);
            return ((pos - c).length() - r).abs() <= tolerance;
        }
        let offset = self.edge.lane * LANE_SPACING / self.zoom;
        let path = tie_path(
            start.location(),
            end.location(),
            offset,
            Self::flip(start, end),
        );
        path.windows(2)
            .any(|w| distance_to_segment(pos, w[0], w[1]) <= tolerance)
    }
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
    fn segment_distance() {
        let d = distance_to_segment(Pos2::new(5.0, 3.0), Pos2::ZERO, Pos2::new(10.0, 0.0));
        assert!((d - 3.0).abs() < 1e-5);
        let d = distance_to_segment(Pos2::new(-4.0, 3.0), Pos2::ZERO, Pos2::new(10.0, 0.0));
        assert!((d - 5.0).abs() < 1e-5);
    }
}
