//! The map through egui_graphs: its `DisplayNode`/`DisplayEdge` traits implemented for the
//! map's actors and ties, drawing through the same functions as the map (`shapes`), and
//! [`egui_graph`], which builds an egui_graphs graph of what the cache shows, on demand, for
//! `GraphView` to draw. The map's widget does not use it: it draws from the cache (see
//! docs/architecture.md for why).

use egui::{Pos2, Shape, Vec2};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext, EdgeProps, Node, NodeProps};
use petgraph::stable_graph::{DefaultIx, StableGraph};
use petgraph::Directed;

use super::cache::MapCache;
use super::looks::{ActorLook, TieLook};
use super::shapes::{actor_shapes, screen_radius, tie_shapes, Look, NodeState, TieEnds};
use super::tie_geometry::tie_hit;

/// An actor as an egui_graphs node's payload: its index in the dataset and its look.
#[derive(Clone, Debug)]
pub struct ActorNode {
    pub actor: usize,
    pub look: ActorLook,
}

pub type MapGraph =
    egui_graphs::Graph<ActorNode, TieLook, Directed, DefaultIx, ActorShape, TieShape>;
pub type MapNode = Node<ActorNode, TieLook, Directed, DefaultIx, ActorShape>;

/// The shown actors and ties of the cache, where it draws them, as an egui_graphs graph.
pub fn egui_graph(cache: &MapCache) -> MapGraph {
    let mut graph = MapGraph::from(&StableGraph::default());
    let mut nodes = vec![None; cache.positions.len()];
    for (i, look) in cache.actors.iter().enumerate() {
        if cache.actor_shown(i) {
            let payload = ActorNode {
                actor: i,
                look: *look,
            };
            let node = graph.add_node_with_location(payload, cache.positions[i]);
            if let Some(n) = graph.node_mut(node) {
                n.set_selected(look.selected);
            }
            nodes[i] = Some(node);
        }
    }
    for (ti, (ends, look)) in cache.tie_ends.iter().zip(&cache.ties).enumerate() {
        let Some((a, b)) = *ends else { continue };
        if let (Some(a), Some(b), true) =
            (nodes[a as usize], nodes[b as usize], cache.shown.tie(ti))
        {
            let edge = graph.add_edge(a, b, *look);
            if let Some(e) = graph.edge_mut(edge) {
                e.set_selected(look.selected);
            }
        }
    }
    graph
}

/// An actor as egui_graphs draws it.
#[derive(Clone, Debug)]
pub struct ActorShape {
    pos: Pos2,
    node: ActorLook,
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
            node: props.payload.look,
            zoom: 1.0,
        }
    }
}

impl ActorShape {
    fn canvas_radius(&self) -> f32 {
        screen_radius(self.zoom) / self.zoom
    }
}

impl DisplayNode<ActorNode, TieLook, Directed, DefaultIx> for ActorShape {
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
        self.node = props.payload.look;
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        let tolerance = 3.0 / self.zoom;
        (pos - self.pos).length() <= self.canvas_radius() + tolerance
    }
}

/// A tie as egui_graphs draws it.
#[derive(Clone, Debug)]
pub struct TieShape {
    edge: TieLook,
    selected: bool,
    zoom: f32,
}

impl From<EdgeProps<TieLook>> for TieShape {
    fn from(props: EdgeProps<TieLook>) -> Self {
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

impl DisplayEdge<ActorNode, TieLook, Directed, DefaultIx, ActorShape> for TieShape {
    fn shapes(&mut self, start: &MapNode, end: &MapNode, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom.max(1e-4);
        let look = Look::from_visuals(&ctx.ctx.global_style().visuals);
        let ends = TieEnds {
            a: ctx.meta.canvas_to_screen_pos(start.location()),
            b: ctx.meta.canvas_to_screen_pos(end.location()),
            flip: flip(start, end),
            is_loop: start.id() == end.id(),
            radii: (screen_radius(self.zoom), screen_radius(self.zoom)),
            view: ctx.painter.clip_rect().expand(40.0),
        };
        let mut out = Vec::with_capacity(4);
        tie_shapes(&mut out, &self.edge, self.selected, &ends, &look);
        out
    }

    fn update(&mut self, props: &EdgeProps<TieLook>) {
        self.edge = props.payload;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::visibility::Visibility;

    #[test]
    fn the_egui_graph_holds_what_the_cache_shows() {
        let data = crate::sample::sample_dataset();
        let mut cache = MapCache::build(&data);
        let graph = egui_graph(&cache);
        assert_eq!(graph.node_count(), data.actors.len());
        assert_eq!(graph.edge_count(), data.ties.len());

        let kim = data.actors.iter().position(|a| a.id == "kim").unwrap();
        let mut shown = vec![true; data.actors.len()];
        shown[kim] = false;
        cache.set_visibility(&Visibility::from_flags(&data, shown, Vec::new()));
        let graph = egui_graph(&cache);
        let (hidden_actors, hidden_ties) = cache.shown.hidden_counts();
        assert_eq!(graph.node_count(), data.actors.len() - hidden_actors);
        assert_eq!(graph.edge_count(), data.ties.len() - hidden_ties);
        for node in graph.nodes_iter().map(|(_, n)| n) {
            let i = node.payload().actor;
            assert_ne!(i, kim);
            assert_eq!(node.location(), cache.positions[i]);
            assert_eq!(node.payload().look, cache.actors[i]);
        }
    }
}
