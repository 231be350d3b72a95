//! The egui_graphs side of the map: the payloads kept per actor and tie, and the
//! `DisplayNode`/`DisplayEdge` types, which draw through the functions in `shapes`.

use egui::{Pos2, Shape, Vec2};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext, EdgeProps, Node, NodeProps};
use petgraph::{stable_graph::DefaultIx, Directed};

use super::shapes::{
    actor_shapes, screen_radius, tie_hit, tie_shapes, Emphasis, Look, NodeState, TieEnds,
};
use crate::model::{ActorKind, Polarity};
use crate::ui::theme::LineStyle;

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

/// An actor as egui_graphs draws it.
#[derive(Clone, Debug)]
pub struct ActorShape {
    pos: Pos2,
    node: ActorNode,
    state: NodeState,
    /// Zoom of the last frame drawn, so hit-tests can use screen pixels.
    zoom: f32,
}

impl From<NodeProps<ActorNode>> for ActorShape {
    fn from(props: NodeProps<ActorNode>) -> Self {
        Self {
            pos: props.location(),
            state: NodeState {
                selected: props.selected,
                hovered: props.hovered,
                dragged: props.dragged,
            },
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
        let look = Look::from_visuals(&ctx.ctx.global_style().visuals);
        let mut out = Vec::with_capacity(3);
        let center = ctx.meta.canvas_to_screen_pos(self.pos);
        actor_shapes(
            &mut out,
            &self.node,
            center,
            screen_radius(self.zoom),
            self.state,
            &look,
        );
        out
    }

    fn update(&mut self, props: &NodeProps<ActorNode>) {
        self.pos = props.location();
        self.state = NodeState {
            selected: props.selected,
            hovered: props.hovered,
            dragged: props.dragged,
        };
        self.node = props.payload.clone();
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        let tolerance = 3.0 / self.zoom;
        (pos - self.pos).length() <= self.canvas_radius() + tolerance
    }
}

/// A tie as egui_graphs draws it.
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

fn flip(start: &MapNode, end: &MapNode) -> bool {
    start.payload().actor > end.payload().actor
}

impl DisplayEdge<ActorNode, TieEdge, Directed, DefaultIx, ActorShape> for TieShape {
    fn shapes(&mut self, start: &MapNode, end: &MapNode, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom.max(1e-4);
        let look = Look::from_visuals(&ctx.ctx.global_style().visuals);
        let ends = TieEnds {
            a: ctx.meta.canvas_to_screen_pos(start.location()),
            b: ctx.meta.canvas_to_screen_pos(end.location()),
            flip: flip(start, end),
            is_loop: start.id() == end.id(),
            node_r: screen_radius(self.zoom),
            view: ctx.painter.clip_rect().expand(40.0),
        };
        let mut out = Vec::with_capacity(4);
        tie_shapes(&mut out, &self.edge, self.selected, &ends, &look);
        out
    }

    fn update(&mut self, props: &EdgeProps<TieEdge>) {
        self.edge = props.payload.clone();
        self.selected = props.selected;
    }

    fn is_inside(&self, start: &MapNode, end: &MapNode, pos: Pos2) -> bool {
        tie_hit(
            &self.edge,
            start.location(),
            end.location(),
            flip(start, end),
            start.id() == end.id(),
            self.zoom,
            pos,
        )
    }
}
