//! The map: egui_graphs' GraphView over the view cache, turned into actions. Handles selection,
//! dragging (one edit per drag), wheel zoom around the cursor, fit to view, and tooltips.

use egui::{Pos2, Rect, Ui, Vec2};
use egui_graphs::{
    GraphChange, GraphView, Layout, LayoutState, MetadataFrame, SettingsInteraction,
    SettingsNavigation, SettingsStyle,
};

use super::map_gestures::Gesture;
use super::map_graph::MapCache;
use super::map_shapes::NODE_RADIUS;
use crate::app::{Action, AppState, Selection};
use crate::edit::Edit;
use crate::model::Point;

/// The egui_graphs id under which the map's zoom and pan are kept.
const MAP_ID: &str = "relmap-map";
const MIN_ZOOM: f32 = 0.02;
const MAX_ZOOM: f32 = 8.0;
/// Height the legend takes along the bottom of the map, kept free when fitting.
pub const LEGEND_HEIGHT: f32 = 80.0;

/// A layout that never moves anything: positions come from the document.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct FixedState;
impl LayoutState for FixedState {}

#[derive(Debug, Default)]
pub struct FixedLayout;
impl Layout<FixedState> for FixedLayout {
    fn from_state(_: FixedState) -> impl Layout<FixedState> {
        FixedLayout
    }
    fn next<N, E, Ty, Ix, Dn, De>(
        &mut self,
        _: &mut egui_graphs::Graph<N, E, Ty, Ix, Dn, De>,
        _: &Ui,
    ) where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: petgraph::graph::IndexType,
        Dn: egui_graphs::DisplayNode<N, E, Ty, Ix>,
        De: egui_graphs::DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }
    fn state(&self) -> FixedState {
        FixedState
    }
}

/// The map's UI-side state: the view cache and what the map saw last frame.
pub struct MapView {
    pub cache: MapCache,
    generation: u64,
    fit_serial: u64,
    zoom_serial: u64,
    /// Actor being dragged, with where it was before the drag.
    drag_origin: Option<(usize, Option<Point>)>,
    pub hovered_tie: Option<usize>,
    pub hovered_actor: Option<usize>,
    /// The map's rectangle on screen last frame.
    pub rect: Rect,
    frames_shown: u64,
    /// The Shift-drag gesture in progress.
    pub gesture: Gesture,
    /// The layout iteration shown last.
    layout_iteration: u64,
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            cache: MapCache::default(),
            generation: 0,
            fit_serial: 0,
            zoom_serial: 0,
            drag_origin: None,
            hovered_tie: None,
            hovered_actor: None,
            rect: Rect::NOTHING,
            frames_shown: 0,
            gesture: Gesture::None,
            layout_iteration: 0,
        }
    }
}

fn load_meta(ui: &Ui) -> MetadataFrame {
    load_meta_ctx(ui.ctx())
}

/// The map's zoom and pan as egui_graphs keeps them in egui's memory.
fn load_meta_ctx(ctx: &egui::Context) -> MetadataFrame {
    let fresh = MetadataFrame::new(Some(MAP_ID.into()));
    ctx.data_mut(|d| d.get_persisted::<MetadataFrame>(egui::Id::new(fresh.get_id())))
        .unwrap_or(fresh)
}

impl MapView {
    /// Current zoom and pan (pan in map-local pixels).
    pub fn zoom_and_pan(ctx: &egui::Context) -> (f32, Vec2) {
        let m = load_meta_ctx(ctx);
        (m.zoom, m.pan)
    }

    /// Where an actor is drawn on screen, as of the last frame.
    pub fn actor_screen_pos(&self, ctx: &egui::Context, actor: usize) -> Option<Pos2> {
        let node = self.cache.graph.node(*self.cache.actor_nodes.get(actor)?)?;
        let meta = load_meta_ctx(ctx);
        Some(self.rect.min + meta.canvas_to_screen_pos(node.location()).to_vec2())
    }

    /// The middle of a tie's line on screen, as of the last frame: a point that selects it.
    pub fn tie_screen_midpoint(&self, ctx: &egui::Context, tie: usize) -> Option<Pos2> {
        let edge = (*self.cache.tie_edges.get(tie)?)?;
        let (a, b) = self.cache.graph.edge_endpoints(edge)?;
        let (na, nb) = (self.cache.graph.node(a)?, self.cache.graph.node(b)?);
        let lane = self.cache.graph.edge(edge)?.payload().lane;
        let meta = load_meta_ctx(ctx);
        let screen = |p: Pos2| self.rect.min + meta.canvas_to_screen_pos(p).to_vec2();
        let path = super::map_shapes::tie_path(
            screen(na.location()),
            screen(nb.location()),
            lane * super::map_shapes::LANE_SPACING,
            na.payload().actor > nb.payload().actor,
        );
        super::map_shapes::path_midpoint(&path)
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let data = &state.doc.data;
        let rebuilt = state.doc.generation() != self.generation;
        if rebuilt {
            self.cache = MapCache::build(data);
            self.generation = state.doc.generation();
            self.drag_origin = None;
        }
        self.follow_layout(state, rebuilt);
        self.cache
            .apply_selection(data, &state.selection, self.hovered_tie);

        let rect = ui.available_rect_before_wrap();
        self.rect = rect;
        self.navigate(ui, state, rect);

        // While Shift is held, dragging makes ties and selection boxes instead of moving.
        let shift = super::map_gestures::shift_held(ui) || self.gesture != Gesture::None;
        let interaction = SettingsInteraction::new()
            .with_dragging_enabled(!shift)
            .with_hover_enabled(true)
            .with_node_clicking_enabled(true)
            .with_edge_clicking_enabled(true);
        let navigation = SettingsNavigation::new()
            .with_fit_to_screen_enabled(false)
            .with_zoom_and_pan_enabled(!shift)
            .with_zoom_speed(0.1);
        let response = GraphView::<FixedState, FixedLayout>::new()
            .with_id(Some(MAP_ID.into()))
            .with_interactions(&interaction)
            .with_navigations(&navigation)
            .with_styles(&SettingsStyle::new())
            .show(ui, &mut self.cache.graph);

        self.frames_shown += 1;
        let mut clicked_something = false;
        for change in &response.changes {
            match *change {
                GraphChange::NodeClicked { node } => {
                    if let Some(i) = self.cache.actor_of(node) {
                        clicked_something = true;
                        let id = data.actors[i].id.clone();
                        actions.push(if ui.input(|i| i.modifiers.shift) {
                            Action::ToggleSelected(id)
                        } else {
                            Action::Select(Selection::Actor(id))
                        });
                    }
                }
                GraphChange::NodeMoved {
                    node,
                    delta,
                    new_position,
                } => {
                    self.move_selected_along(node, delta, state);
                    if let (Some(_), Some(i)) = (&state.layout, self.cache.actor_of(node)) {
                        actions.push(Action::LayoutHold {
                            actor: data.actors[i].id.clone(),
                            at: Some(Point::new(
                                f64::from(new_position.x),
                                f64::from(new_position.y),
                            )),
                        });
                    }
                }
                GraphChange::EdgeClicked { edge } => {
                    if let Some(i) = self.cache.tie_of(edge) {
                        clicked_something = true;
                        actions.push(Action::Select(Selection::Tie(data.ties[i].id.clone())));
                    }
                }
                GraphChange::NodeDragStarted { node } => {
                    if let Some(i) = self.cache.actor_of(node) {
                        self.drag_origin = Some((i, data.actors[i].position));
                    }
                }
                GraphChange::NodeDragEnded { node } => {
                    if let (Some(_), Some(i)) = (&state.layout, self.cache.actor_of(node)) {
                        actions.push(Action::LayoutHold {
                            actor: data.actors[i].id.clone(),
                            at: None,
                        });
                    }
                    self.finish_drag(node, state, actions);
                }
                _ => {}
            }
        }
        if response.response.clicked() && !clicked_something && !ui.input(|i| i.modifiers.shift) {
            actions.push(Action::Select(Selection::None));
        }
        self.update_hover(ui, &response.response);
        let meta = load_meta(ui);
        super::map_gestures::gestures_ui(ui, self, state, &meta, &response.response, actions);
        super::map_labels::draw_labels(ui, self, state, &meta, rect);
        self.tooltip(response.response, state);
    }

    fn finish_drag(
        &mut self,
        node: petgraph::stable_graph::NodeIndex,
        state: &AppState,
        actions: &mut Vec<Action>,
    ) {
        let Some((i, origin)) = self.drag_origin.take() else {
            return;
        };
        // Dragging one of several selected actors moves them all, as one edit.
        let together = state.selection.actor_ids();
        if together.len() > 1 && together.contains(&state.doc.data.actors[i].id) {
            let round = |v: f32| (f64::from(v) * 100.0).round() / 100.0;
            let moves = together
                .iter()
                .filter_map(|id| {
                    let &j = self.cache.index_of.get(id)?;
                    let loc = self.cache.graph.node(self.cache.actor_nodes[j])?.location();
                    Some((id.clone(), Some(Point::new(round(loc.x), round(loc.y)))))
                })
                .collect();
            actions.push(Action::Apply(Edit::MoveActors { moves }));
            return;
        }
        let Some(n) = self.cache.graph.node(node) else {
            return;
        };
        let loc = n.location();
        // Hundredths of a unit are finer than any screen; rounding keeps saved files tidy.
        let round = |v: f32| (f64::from(v) * 100.0).round() / 100.0;
        let new = Point::new(round(loc.x), round(loc.y));
        let moved = match origin {
            Some(o) => o.distance(new) > 1e-3,
            None => true,
        };
        if moved && new.is_finite() {
            let id = state.doc.data.actors[i].id.clone();
            actions.push(Action::Apply(Edit::MoveActors {
                moves: vec![(id, Some(new))],
            }));
        }
    }

    /// Applies fit and zoom requests, and zooms with the plain mouse wheel around the cursor.
    fn navigate(&mut self, ui: &mut Ui, state: &AppState, rect: Rect) {
        let mut meta = load_meta(ui);
        let mut changed = false;
        // egui_graphs fits the graph its own way on a view's first frame; fit after that.
        if state.view.fit_serial != self.fit_serial && self.frames_shown > 0 {
            self.fit_serial = state.view.fit_serial;
            fit(&self.cache, rect.size(), &mut meta);
            changed = true;
        }
        if state.view.zoom_serial != self.zoom_serial {
            self.zoom_serial = state.view.zoom_serial;
            zoom_around(
                &mut meta,
                state.view.zoom_factor,
                rect.size().to_pos2() * 0.5,
            );
            changed = true;
        }
        let pointer = ui.input(|i| i.pointer.hover_pos());
        if let Some(p) = pointer.filter(|p| rect.contains(*p)) {
            let over_ui =
                ui.ctx().is_pointer_over_egui() && ui.ctx().layer_id_at(p) != Some(ui.layer_id());
            let scroll = ui.input(|i| i.smooth_scroll_delta.y);
            if scroll != 0.0 && !over_ui {
                let factor = (scroll / 200.0).exp();
                zoom_around(&mut meta, factor, (p - rect.min).to_pos2());
                changed = true;
            }
        }
        if changed {
            meta.save(ui);
        }
    }

    /// Shows the running layout's newest positions, except for the actor being dragged.
    fn follow_layout(&mut self, state: &AppState, rebuilt: bool) {
        let Some(session) = &state.layout else {
            return;
        };
        let Some(positions) = &session.latest else {
            return;
        };
        if !rebuilt && session.iteration() == self.layout_iteration {
            return;
        }
        self.layout_iteration = session.iteration();
        if positions.len() != self.cache.actor_nodes.len() {
            return;
        }
        for (&node, p) in self.cache.actor_nodes.iter().zip(positions) {
            if let Some(n) = self.cache.graph.node_mut(node) {
                if !n.dragged() {
                    n.set_location(egui::pos2(p[0], p[1]));
                }
            }
        }
    }

    /// Moves the other selected actors with the one being dragged.
    fn move_selected_along(
        &mut self,
        node: petgraph::stable_graph::NodeIndex,
        delta: Vec2,
        state: &AppState,
    ) {
        let together = state.selection.actor_ids();
        let Some(dragged) = self.cache.actor_of(node) else {
            return;
        };
        if together.len() < 2 || !together.contains(&state.doc.data.actors[dragged].id) {
            return;
        }
        for id in &together {
            let Some(&j) = self.cache.index_of.get(id) else {
                continue;
            };
            if j == dragged {
                continue;
            }
            if let Some(n) = self.cache.graph.node_mut(self.cache.actor_nodes[j]) {
                let loc = n.location() + delta;
                n.set_location(loc);
            }
        }
    }

    fn update_hover(&mut self, ui: &Ui, response: &egui::Response) {
        self.hovered_actor = self
            .cache
            .graph
            .hovered_node()
            .and_then(|n| self.cache.actor_of(n));
        self.hovered_tie = None;
        if self.hovered_actor.is_some() {
            return;
        }
        if let Some(pos) = response.hover_pos() {
            let meta = load_meta(ui);
            let local = (pos - response.rect.min).to_pos2();
            self.hovered_tie = self
                .cache
                .graph
                .edge_by_screen_pos(&meta, local)
                .and_then(|e| self.cache.tie_of(e));
        }
    }

    fn tooltip(&self, response: egui::Response, state: &AppState) {
        let data = &state.doc.data;
        if let Some(i) = self.hovered_actor {
            let actor = &data.actors[i];
            response.on_hover_ui_at_pointer(|ui| {
                ui.strong(&actor.name);
                ui.label(format!(
                    "{} · {} ties",
                    actor.kind.label(),
                    self.cache.degree[i]
                ));
            });
        } else if let Some(i) = self.hovered_tie {
            let tie = &data.ties[i];
            response.on_hover_ui_at_pointer(|ui| {
                ui.set_max_width(360.0);
                ui.strong(super::tie_panel::tie_heading(data, tie));
                ui.label(format!("{} · {}", tie.kind.label(), tie.polarity.label()));
                if let Some(x) = tie.excerpts.first() {
                    ui.label(egui::RichText::new(format!("“{}”", x.quote)).italics());
                }
            });
        }
    }
}

/// Zooms by `factor`, keeping the map point under `center` (map-local pixels) in place.
fn zoom_around(meta: &mut MetadataFrame, factor: f32, center: Pos2) {
    let new_zoom = (meta.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    let canvas = (center.to_vec2() - meta.pan) / meta.zoom;
    meta.pan = center.to_vec2() - canvas * new_zoom;
    meta.zoom = new_zoom;
}

/// Fits every actor into a view of `size` pixels, with a margin for labels.
fn fit(cache: &MapCache, size: Vec2, meta: &mut MetadataFrame) {
    let mut bounds = Rect::NOTHING;
    for (_, n) in cache.graph.nodes_iter() {
        bounds.extend_with(n.location());
    }
    if !bounds.is_finite() || size.x <= 1.0 || size.y <= 1.0 {
        meta.zoom = 1.0;
        meta.pan = size * 0.5;
        return;
    }
    let bounds = bounds.expand(NODE_RADIUS);
    // Room for labels at the sides and below, and for the legend along the bottom.
    let (side, top, bottom) = (80.0, 30.0, 40.0 + LEGEND_HEIGHT);
    let avail = Vec2::new(size.x - 2.0 * side, size.y - top - bottom).max(Vec2::splat(10.0));
    let zoom = (avail.x / bounds.width().max(1.0))
        .min(avail.y / bounds.height().max(1.0))
        .clamp(MIN_ZOOM, 1.5);
    meta.zoom = zoom;
    let view_center = Vec2::new(size.x * 0.5, top + avail.y * 0.5);
    meta.pan = view_center - bounds.center().to_vec2() * zoom;
}
