//! Drawing the map at any scale: only what is in view (culling through the spatial index), in
//! full detail when few elements are visible, and as plain meshes of thin lines and small shapes
//! when many are (level of detail). The selection and its neighbourhood are in detail too, up
//! to the same counts; a larger one is drawn plain but bright.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Painter, Pos2, Rect, Shape, Vec2};

use super::cache::MapCache;
use super::camera::Camera;
use super::gpu::{kind_outline, GpuOverview, Part};
use super::looks::{ActorLook, TieLook};
use super::shapes::{
    actor_shapes, screen_radius, tie_shapes, Emphasis, Look, NodeState, TieEnds, LANE_SPACING,
};
use crate::model::ActorKind;
use crate::ui::theme;

/// Above these counts of visible elements, the map switches to its fast, plain drawing.
pub const DETAIL_EDGES: usize = 2_500;
pub const DETAIL_NODES: usize = 1_000;
/// Dashes and dots cost in proportion to their length on screen: above this total length of
/// ties in view (in screen points), ties other than the highlighted ones are drawn plain.
pub const DETAIL_EDGE_LENGTH: f32 = 150_000.0;

/// Buffers reused from frame to frame, so drawing allocates nothing in proportion to the map
/// except the meshes handed to egui.
#[derive(Default)]
pub struct DrawScratch {
    pub visible_nodes: Vec<u32>,
    pub visible_edges: Vec<u32>,
    shapes: Vec<Shape>,
}

/// What the pointer is doing to the map this frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct Pointer {
    pub hovered_actor: Option<usize>,
    pub hovered_tie: Option<usize>,
    pub dragged_actor: Option<usize>,
}

/// What was drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DrawStats {
    pub nodes: usize,
    pub edges: usize,
    /// Total on-screen length of the ties in view, in screen points.
    pub edge_length: f32,
    /// Whether every tie in view was drawn in full detail (else plain, but the highlighted ones).
    pub detailed_edges: bool,
    /// Whether every actor in view was drawn in full detail.
    pub detailed_nodes: bool,
    /// Whether the highlighted ties in view were too many for detail, and drawn plain.
    pub crowded_ties: bool,
    /// Whether the highlighted actors in view were too many for detail, and drawn plain.
    pub crowded_actors: bool,
}

/// Collects what is in view into `scratch`.
pub fn cull(cache: &MapCache, cam: &Camera, rect: Rect, scratch: &mut DrawScratch) {
    scratch.visible_nodes.clear();
    scratch.visible_edges.clear();
    let pad = (screen_radius(cam.zoom) + 4.0 * LANE_SPACING) / cam.zoom.max(1e-4);
    let view = cam.visible_canvas(rect).expand(pad);
    cache
        .grid
        .for_each_in(view, |i| scratch.visible_nodes.push(i));
    for (ti, ends) in cache.tie_ends.iter().enumerate() {
        if let (Some((a, b)), true) = (*ends, cache.shown.tie(ti)) {
            let (p, q) = (cache.positions[a as usize], cache.positions[b as usize]);
            let bounds = Rect::from_two_pos(p, q);
            if bounds.intersects(view) {
                scratch.visible_edges.push(ti as u32);
            }
        }
    }
}

fn ends_of(cache: &MapCache, cam: &Camera, rect: Rect, ti: usize) -> Option<TieEnds> {
    let (a, b) = cache.tie_ends.get(ti).copied().flatten()?;
    let radius = |i: u32| {
        let scale = cache.actors.get(i as usize).map_or(1.0, |look| look.scale);
        screen_radius(cam.zoom) * scale
    };
    Some(TieEnds {
        a: cam.to_screen(rect, cache.positions[a as usize]),
        b: cam.to_screen(rect, cache.positions[b as usize]),
        flip: a > b,
        is_loop: a == b,
        radii: (radius(a), radius(b)),
        view: rect.expand(40.0),
    })
}

/// Where the map is drawn and how: the painter, the map's rectangle, the camera, and the GPU
/// overview when the window has one.
pub struct Canvas<'a> {
    pub painter: &'a Painter,
    pub rect: Rect,
    pub cam: &'a Camera,
    pub gpu: Option<&'a GpuOverview>,
}

/// Draws the ties and actors in view. Call [`cull`] first.
pub fn draw_map(
    canvas: &Canvas<'_>,
    cache: &MapCache,
    pointer: Pointer,
    look: &Look,
    scratch: &mut DrawScratch,
) -> DrawStats {
    let (rect, cam) = (canvas.rect, canvas.cam);
    let r = screen_radius(cam.zoom);
    let diagonal = rect.size().length();
    let mut edge_length = 0.0;
    if scratch.visible_edges.len() <= DETAIL_EDGES {
        for &ti in &scratch.visible_edges {
            if let Some((a, b)) = cache.tie_ends[ti as usize] {
                let d = (cache.positions[a as usize] - cache.positions[b as usize]).length();
                edge_length += (d * cam.zoom).min(diagonal);
            }
        }
    }
    let detailed_edges =
        scratch.visible_edges.len() <= DETAIL_EDGES && edge_length <= DETAIL_EDGE_LENGTH;
    let detailed_nodes = scratch.visible_nodes.len() <= DETAIL_NODES;
    let pass = Pass {
        canvas,
        cache,
        pointer,
        look,
        r,
        // Many actors in view: they shrink with the zoom (down to 2 points) so the ties
        // between them stay visible.
        lod_r: (super::shapes::NODE_RADIUS * cam.zoom).clamp(2.0, r),
        // A large selection (a box around thousands of actors) highlights more than can be
        // drawn in detail in a frame: its ties and actors are then drawn plain, but bright.
        crowded: Crowded::count(cache, scratch),
    };
    pass.draw_ties(scratch, detailed_edges);
    pass.draw_actors(scratch, detailed_nodes);
    DrawStats {
        nodes: scratch.visible_nodes.len(),
        edges: scratch.visible_edges.len(),
        edge_length,
        detailed_edges,
        detailed_nodes,
        crowded_ties: pass.crowded.ties,
        crowded_actors: pass.crowded.actors,
    }
}

/// The colour of a tie drawn plain (a 1-pixel line of the overview), on the CPU or the GPU.
pub(super) fn plain_tie_color(edge: &TieLook) -> Color32 {
    let alpha = if edge.emphasis == Emphasis::Dim {
        0.12
    } else {
        0.45
    };
    let color = theme::polarity_color(edge.polarity).gamma_multiply(alpha);
    if edge.candidate {
        theme::candidate(color)
    } else {
        color
    }
}

/// The colour of an actor drawn plain (a small shape of the overview), on the CPU or the GPU.
pub(super) fn plain_actor_color(actor: &ActorLook) -> Color32 {
    let mut color = actor
        .community
        .map_or_else(|| theme::actor_color(actor.kind), theme::community_color);
    if actor.emphasis == Emphasis::Dim {
        color = theme::dimmed(color);
    }
    if actor.candidate {
        color = theme::candidate(color);
    }
    color
}

/// One frame's drawing of the map, once what is in view and how much detail it takes are known.
struct Pass<'a> {
    canvas: &'a Canvas<'a>,
    cache: &'a MapCache,
    pointer: Pointer,
    look: &'a Look,
    /// An actor's radius on screen, and the smaller one when many are in view.
    r: f32,
    lod_r: f32,
    crowded: Crowded,
}

impl Pass<'_> {
    /// Ties: plain lines in one mesh (or on the GPU) when there are many, then the highlighted
    /// ones in detail.
    fn draw_ties(&self, scratch: &mut DrawScratch, detailed: bool) {
        let (cache, painter, rect, cam) = (
            self.cache,
            self.canvas.painter,
            self.canvas.rect,
            self.canvas.cam,
        );
        let edge_of = |ti: u32| {
            cache
                .ties
                .get(ti as usize)
                .map(|look| (look, look.selected))
        };
        if let (false, Some(gpu)) = (detailed, self.canvas.gpu) {
            gpu.draw(Part::Ties, painter, rect, cam, cache, self.lod_r);
        } else if !detailed {
            let mut mesh = Mesh::default();
            mesh.reserve_vertices(scratch.visible_edges.len() * 4);
            mesh.reserve_triangles(scratch.visible_edges.len() * 2);
            for &ti in &scratch.visible_edges {
                let (Some((edge, selected)), Some(ends)) =
                    (edge_of(ti), ends_of(cache, cam, rect, ti as usize))
                else {
                    continue;
                };
                if selected || edge.emphasis == Emphasis::Focus || ends.is_loop {
                    continue;
                }
                add_line(&mut mesh, ends.a, ends.b, 1.0, plain_tie_color(edge));
            }
            painter.add(Shape::mesh(mesh));
        }
        if self.crowded.ties {
            let mut mesh = Mesh::default();
            for &ti in &scratch.visible_edges {
                let (Some((edge, false)), Some(ends)) =
                    (edge_of(ti), ends_of(cache, cam, rect, ti as usize))
                else {
                    continue;
                };
                let hovered = self.pointer.hovered_tie == Some(ti as usize);
                if edge.emphasis == Emphasis::Focus && !hovered {
                    let color = theme::polarity_color(edge.polarity).gamma_multiply(0.9);
                    add_line(&mut mesh, ends.a, ends.b, 1.0, color);
                }
            }
            painter.add(Shape::mesh(mesh));
        }
        for &ti in &scratch.visible_edges {
            let (Some((edge, selected)), Some(ends)) =
                (edge_of(ti), ends_of(cache, cam, rect, ti as usize))
            else {
                continue;
            };
            let highlighted = selected
                || (edge.emphasis == Emphasis::Focus && !self.crowded.ties)
                || self.pointer.hovered_tie == Some(ti as usize);
            if detailed || highlighted || ends.is_loop {
                tie_shapes(&mut scratch.shapes, edge, selected, &ends, self.look);
            }
        }
        painter.extend(scratch.shapes.drain(..));
    }

    /// Actors: small plain shapes in one mesh (or on the GPU) when there are many; the
    /// selection, hover and neighbours in detail on top.
    fn draw_actors(&self, scratch: &mut DrawScratch, detailed: bool) {
        let (cache, painter, rect, cam) = (
            self.cache,
            self.canvas.painter,
            self.canvas.rect,
            self.canvas.cam,
        );
        let (r, lod_r) = (self.r, self.lod_r);
        if let (false, Some(gpu)) = (detailed, self.canvas.gpu) {
            gpu.draw(Part::Actors, painter, rect, cam, cache, lod_r);
        } else if !detailed {
            let mut mesh = Mesh::default();
            mesh.reserve_vertices(scratch.visible_nodes.len() * 9);
            mesh.reserve_triangles(scratch.visible_nodes.len() * 8);
            for &i in &scratch.visible_nodes {
                let payload = &cache.actors[i as usize];
                let c = cam.to_screen(rect, cache.positions[i as usize]);
                let color = plain_actor_color(payload);
                add_kind(&mut mesh, payload.kind, c, lod_r * payload.scale, color);
            }
            painter.add(Shape::mesh(mesh));
        }
        if self.crowded.actors {
            // The selected ones stand out by size; their neighbours are drawn undimmed above.
            let mut mesh = Mesh::default();
            for &i in &scratch.visible_nodes {
                let payload = &cache.actors[i as usize];
                if payload.selected {
                    let c = cam.to_screen(rect, cache.positions[i as usize]);
                    let color = theme::actor_color(payload.kind);
                    add_kind(&mut mesh, payload.kind, c, lod_r * 1.8, color);
                }
            }
            painter.add(Shape::mesh(mesh));
        }
        let mut on_top: Option<(usize, NodeState)> = None;
        for &i in &scratch.visible_nodes {
            let i = i as usize;
            let node = &cache.actors[i];
            let state = NodeState {
                selected: node.selected,
                hovered: self.pointer.hovered_actor == Some(i),
                dragged: self.pointer.dragged_actor == Some(i),
            };
            if state.dragged || state.hovered {
                on_top = Some((i, state));
                continue;
            }
            if detailed || (node.is_highlighted() && !self.crowded.actors) {
                let c = cam.to_screen(rect, cache.positions[i]);
                actor_shapes(&mut scratch.shapes, node, c, r, state, self.look);
            }
        }
        if let Some((i, state)) = on_top {
            let c = cam.to_screen(rect, cache.positions[i]);
            actor_shapes(
                &mut scratch.shapes,
                &cache.actors[i],
                c,
                r,
                state,
                self.look,
            );
        }
        painter.extend(scratch.shapes.drain(..));
    }
}

/// Whether the highlighted ties, or actors, in view are too many to draw in detail.
#[derive(Clone, Copy)]
struct Crowded {
    ties: bool,
    actors: bool,
}

impl Crowded {
    fn count(cache: &MapCache, scratch: &DrawScratch) -> Self {
        let focus_tie = |&ti: &u32| cache.ties[ti as usize].is_highlighted();
        let focus_actor = |&i: &u32| cache.actors[i as usize].is_highlighted();
        let many = |mut items: std::slice::Iter<'_, u32>, test: &dyn Fn(&u32) -> bool, most| {
            items.by_ref().filter(|x| test(x)).nth(most).is_some()
        };
        let (ties, actors) = cache.highlighted;
        Self {
            ties: ties > DETAIL_EDGES
                && many(scratch.visible_edges.iter(), &focus_tie, DETAIL_EDGES),
            actors: actors > DETAIL_NODES
                && many(scratch.visible_nodes.iter(), &focus_actor, DETAIL_NODES),
        }
    }
}

fn add_line(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 0.5 || !len.is_finite() {
        return;
    }
    let n = Vec2::new(-d.y, d.x) / len * (width * 0.5);
    let base = mesh.vertices.len() as u32;
    for p in [a + n, a - n, b + n, b - n] {
        mesh.vertices.push(Vertex {
            pos: p,
            uv: WHITE_UV,
            color,
        });
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base + 2, base + 1, base + 3);
}

/// A small filled outline of an actor kind: the same shapes as in detail, fewer vertices.
fn add_kind(mesh: &mut Mesh, kind: ActorKind, c: Pos2, r: f32, color: Color32) {
    let (sides, factor, start) = kind_outline(kind);
    let radius = r * factor;
    let base = mesh.vertices.len() as u32;
    mesh.colored_vertex(c, color);
    for k in 0..sides {
        let a = start + k as f32 * std::f32::consts::TAU / sides as f32;
        mesh.colored_vertex(c + Vec2::new(a.cos(), a.sin()) * radius, color);
    }
    for k in 0..sides {
        mesh.add_triangle(base, base + 1 + k, base + 1 + (k + 1) % sides);
    }
}
