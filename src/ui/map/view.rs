//! The map widget: the view cache drawn through `draw`, and the pointer turned into actions:
//! selection (Shift adds), dragging (`dragging.rs`), zooming around the cursor, fit to view,
//! hover tooltips. It asks for a repaint only while something moves, so an idle map costs no
//! CPU.

use crate::app::SelectionAction;
use egui::{CursorIcon, PointerButton, Pos2, Rect, Sense, Ui};

use super::cache::MapCache;
use super::camera::Camera;
use super::dragging::Drag;
use super::draw::{cull, draw_map, Canvas, DrawScratch, DrawStats, Pointer};
use super::gestures::Gesture;
use super::gpu::GpuOverview;
use super::shapes::{Look, LANE_SPACING, NODE_RADIUS};
use super::tie_geometry::{path_midpoint, tie_path};
use crate::app::commands::map_focus_id;
use crate::app::{Action, AppState, Selection};

/// Height the legend takes along the bottom of the map, kept free when fitting.
pub const LEGEND_HEIGHT: f32 = 80.0;

/// What the highlighting was computed for: the structure generation, the selection, the
/// second tie, the hovered tie, and the explore revision (paths).
type Highlighted = (u64, Selection, Option<String>, Option<usize>, u64, u64);

/// The map's UI-side state: the view cache, the camera and what the pointer is doing.
pub struct MapView {
    pub cache: MapCache,
    pub camera: Camera,
    generation: u64,
    structure_generation: u64,
    fit_serial: u64,
    zoom_serial: u64,
    pub(super) drag: Option<Drag>,
    pub(super) panning: bool,
    pub hovered_tie: Option<usize>,
    pub hovered_actor: Option<usize>,
    /// The map's rectangle on screen last frame.
    pub rect: Rect,
    /// The Shift-drag gesture in progress.
    pub gesture: Gesture,
    /// The layout iteration shown last.
    layout_iteration: u64,
    /// The selection and hover the highlighting was computed for.
    highlighted_for: Option<Highlighted>,
    /// How many ties touch the selected actors, for the structure and selection it was
    /// counted for: counted once per change, not every frame.
    selection_ties: Option<(u64, Selection, usize)>,
    pub(super) scratch: DrawScratch,
    labels: super::labels::LabelScratch,
    /// What the last frame drew.
    pub stats: DrawStats,
    /// The overview drawn by the GPU, when the window renders through wgpu.
    pub gpu: Option<GpuOverview>,
    /// How many times [`Self::sync`] ran.
    syncs: u64,
    /// The map took the keyboard once, at the start.
    focus_given: bool,
    /// The search window or the palette was open in the last frame.
    asked: bool,
    /// For this many more frames, the map takes the keyboard if nothing has it.
    give_back: u8,
    /// The explore camera request last followed (its serial number).
    pub(super) camera_serial: u64,
    /// The camera moving to where explore asked: from, to, and when it started.
    pub(super) animation: Option<(Camera, Camera, std::time::Instant)>,
    /// The measures the actors' sizes and colours were set from (their values' addresses).
    pub(super) measured: (usize, usize),
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            cache: MapCache::default(),
            camera: Camera::default(),
            generation: 0,
            structure_generation: 0,
            fit_serial: 0,
            zoom_serial: 0,
            drag: None,
            panning: false,
            hovered_tie: None,
            hovered_actor: None,
            rect: Rect::NOTHING,
            gesture: Gesture::None,
            layout_iteration: 0,
            highlighted_for: None,
            selection_ties: None,
            scratch: DrawScratch::default(),
            labels: Default::default(),
            stats: DrawStats::default(),
            gpu: None,
            syncs: 0,
            focus_given: false,
            asked: false,
            give_back: 0,
            camera_serial: 0,
            animation: None,
            measured: (0, 0),
        }
    }
}

impl MapView {
    /// Where an actor is drawn on screen, as of the last frame.
    pub fn actor_screen_pos(&self, actor: usize) -> Option<Pos2> {
        let p = *self.cache.positions.get(actor)?;
        Some(self.camera.to_screen(self.rect, p))
    }

    /// The middle of a tie's line on screen, as of the last frame: a point that selects it.
    pub fn tie_screen_midpoint(&self, tie: usize) -> Option<Pos2> {
        let (a, b) = self.cache.tie_ends.get(tie).copied().flatten()?;
        let lane = self.cache.ties.get(tie)?.lane;
        let path = tie_path(
            self.actor_screen_pos(a as usize)?,
            self.actor_screen_pos(b as usize)?,
            lane * LANE_SPACING,
            a > b,
        );
        path_midpoint(&path)
    }

    /// Brings the cache up to date with the document: updated in place from the journal of
    /// changes when it can be, else rebuilt. The frame does this once, before any panel reads
    /// it and before [`Self::ui`].
    pub fn sync(&mut self, state: &AppState) {
        self.syncs += 1;
        let data = &state.doc.data;
        let rebuilt = state.doc.structure_generation() != self.structure_generation;
        if rebuilt {
            // Actors or ties were added, removed or replaced: update the cache from what
            // changed when that is known, else rebuild it.
            let updated = state
                .doc
                .changes_since(self.structure_generation)
                .is_some_and(|changes| self.cache.apply_changes(data, &changes));
            if updated {
                self.cache.refresh_positions(data);
            } else {
                self.cache = MapCache::build(data);
            }
            self.structure_generation = state.doc.structure_generation();
            self.drag = None;
            self.highlighted_for = None;
            self.measured = (usize::MAX, usize::MAX);
        } else if state.doc.generation() != self.generation {
            // Only positions or pins changed: update them, no rebuild.
            self.cache.refresh_positions(data);
        }
        self.generation = state.doc.generation();
        if self.cache.set_visibility(&state.visibility) {
            // What the selection highlights depends on what is shown.
            self.highlighted_for = None;
        }
        self.follow_layout(state, rebuilt);
        self.follow_measures(state);
        let counted = self
            .selection_ties
            .as_ref()
            .is_some_and(|(generation, selection, _)| {
                *generation == self.structure_generation && *selection == state.selection
            });
        if !counted {
            let ties = self.cache.ties_touching(data, &state.selection.actor_ids());
            self.selection_ties = Some((self.structure_generation, state.selection.clone(), ties));
        }
    }

    /// The actors labelled in the last frame, by index.
    pub fn labelled(&self) -> &[usize] {
        &self.labels.labelled
    }

    /// How many times the cache was brought up to date: once a frame (for tests).
    pub fn syncs(&self) -> u64 {
        self.syncs
    }

    /// How many ties touch the selected actors (see [`Self::sync`]).
    pub fn selection_ties(&self) -> usize {
        self.selection_ties.as_ref().map_or(0, |(_, _, ties)| *ties)
    }

    /// Draws the map and handles the pointer; [`Self::sync`] must have run earlier in the frame.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let data = &state.doc.data;

        let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
        let response = ui.interact(rect, map_focus_id(), Sense::click_and_drag());
        self.keep_focus(ui, state, &response);
        self.rect = rect;
        self.navigate(ui, state, &response);
        self.report_area(state, actions);
        self.handle_drag(ui, state, &response, actions);
        self.cache.reindex();

        let key = (
            self.structure_generation,
            state.selection.clone(),
            state.second_tie.clone(),
            self.hovered_tie,
            state.explore.revision,
            state.explore.found_serial,
        );
        if self.highlighted_for.as_ref() != Some(&key) {
            let second = state.second_tie.as_deref();
            self.cache
                .apply_selection(data, &state.selection, second, self.hovered_tie);
            if let Some(found) = &state.explore.found {
                let ties: Vec<usize> = found
                    .paths
                    .iter()
                    .flat_map(|p| p.steps.iter().map(|s| s.tie))
                    .collect();
                self.cache.highlight_paths(&ties);
            }
            self.highlighted_for = Some(key);
        }

        let painter = ui.painter_at(rect);
        cull(&self.cache, &self.camera, rect, &mut self.scratch);
        self.update_hover(&response);
        let pointer = Pointer {
            hovered_actor: self.hovered_actor,
            hovered_tie: self.hovered_tie,
            dragged_actor: self.drag.as_ref().map(|d| d.actor),
        };
        let look = Look::from_visuals(ui.visuals());
        let canvas = Canvas {
            painter: &painter,
            rect,
            cam: &self.camera,
            gpu: self.gpu.as_ref(),
        };
        self.stats = draw_map(&canvas, &self.cache, pointer, &look, &mut self.scratch);
        let mut labels = std::mem::take(&mut self.labels);
        super::labels::draw_labels(ui, self, state, rect, &mut labels);
        self.labels = labels;

        if response.clicked_by(PointerButton::Primary) {
            self.click(ui, state, actions);
        }
        super::gestures::gestures_ui(ui, self, state, &response, actions);
        if self.drag.is_some() {
            ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        } else if self.hovered_actor.is_some() || self.hovered_tie.is_some() {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        }
        self.tooltip(response, state);
    }

    fn click(&self, ui: &Ui, state: &AppState, actions: &mut Vec<Action>) {
        let data = &state.doc.data;
        let shift = ui.input(|i| i.modifiers.shift);
        if let Some(i) = self.hovered_actor {
            let id = data.actors[i].id.clone();
            actions.push(if shift {
                Action::Selection(SelectionAction::ToggleSelected(id))
            } else {
                Action::Selection(SelectionAction::Select(Selection::Actor(id)))
            });
        } else if let Some(t) = self.hovered_tie {
            let id = data.ties[t].id.clone();
            actions.push(Action::Selection(if shift {
                SelectionAction::AddTie(id.into())
            } else {
                SelectionAction::Select(Selection::Tie(id))
            }));
        } else if !shift {
            actions.push(Action::Selection(SelectionAction::Select(Selection::None)));
        }
    }

    /// Applies fit and zoom requests, and zooms with the mouse wheel (or pinch) around the cursor.
    fn navigate(&mut self, ui: &Ui, state: &AppState, response: &egui::Response) {
        let rect = self.rect;
        if state.view.fit_serial != self.fit_serial {
            self.fit_serial = state.view.fit_serial;
            let margin = (80.0, 30.0, 40.0 + LEGEND_HEIGHT);
            self.camera
                .fit(rect, &self.cache.shown_positions(), NODE_RADIUS, margin);
        }
        self.follow_explore_camera(ui, state);
        if state.view.zoom_serial != self.zoom_serial {
            self.zoom_serial = state.view.zoom_serial;
            self.camera
                .zoom_around(rect, state.view.zoom_factor, rect.center());
        }
        if let Some(p) = response.hover_pos() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = (scroll / 200.0).exp() * pinch;
            if factor != 1.0 && self.gesture == Gesture::None {
                self.camera.zoom_around(rect, factor, p);
            }
        }
    }

    /// Shows the running layout's newest positions, except for actors being dragged.
    fn follow_layout(&mut self, state: &AppState, rebuilt: bool) {
        let Some(positions) = state.tasks.layout().and_then(|l| l.latest.as_ref()) else {
            return;
        };
        let iteration = state.tasks.layout().map_or(0, |l| l.iteration());
        if (!rebuilt && iteration == self.layout_iteration)
            || positions.len() != self.cache.positions.len()
        {
            return;
        }
        self.layout_iteration = iteration;
        for (i, p) in positions.iter().enumerate() {
            if self.drag.as_ref().is_some_and(|d| d.together.contains(&i)) {
                continue;
            }
            self.cache.set_position(i, Pos2::new(p[0], p[1]));
        }
    }

    /// Tells the state which part of the map is in view, when that changed.
    fn report_area(&self, state: &AppState, actions: &mut Vec<Action>) {
        let mut rect = self.rect;
        rect.max.y -= LEGEND_HEIGHT;
        let area = self.camera.visible_canvas(rect.shrink(NODE_RADIUS * 2.0));
        let round = |v: f32| f64::from(v.round());
        let min = crate::model::Point::new(round(area.min.x), round(area.min.y));
        let max = crate::model::Point::new(round(area.max.x), round(area.max.y));
        if area.is_positive() && state.view.map_area != Some((min, max)) {
            actions.push(Action::View(crate::app::ViewAction::MapArea(min, max)));
        }
    }

    /// The map takes the keyboard when it is pressed, and when nothing else has it at the start
    /// or just after the search window or the palette closed (so that a key works on what was
    /// chosen there, with no click that could change the selection); keeps Escape and the
    /// arrows while it has it, and shows that it has it. A click elsewhere that takes the
    /// keyboard from it leaves it there.
    fn keep_focus(&mut self, ui: &Ui, state: &AppState, response: &egui::Response) {
        let pressed =
            response.is_pointer_button_down_on() || response.clicked_by(PointerButton::Secondary);
        let asking = state.explore.search_open || state.palette_open;
        if !std::mem::replace(&mut self.focus_given, true) || self.asked && !asking {
            // The closed window's field lets the keyboard go at the end of this frame.
            self.give_back = 2;
        }
        self.asked = asking;
        let unclaimed = ui.memory(|m| m.focused().is_none());
        let give_back = self.give_back > 0 && unclaimed;
        self.give_back = self.give_back.saturating_sub(1);
        if pressed || give_back {
            response.request_focus();
        }
        if response.has_focus() {
            let keep = egui::EventFilter {
                tab: false,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(response.id, keep));
            let ring = egui::Stroke::new(1.0, crate::ui::theme::map_focus_ring(ui.visuals()));
            ui.painter().rect_stroke(
                response.rect.shrink(0.5),
                0.0,
                ring,
                egui::StrokeKind::Inside,
            );
        }
    }

    fn update_hover(&mut self, response: &egui::Response) {
        let pos = response.hover_pos().filter(|_| self.drag.is_none());
        self.hovered_actor = pos.and_then(|p| self.actor_at(p));
        self.hovered_tie = match (pos, self.hovered_actor) {
            (Some(p), None) => self.tie_at(p),
            _ => None,
        };
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
                ui.strong(crate::ui::tie_panel::tie_heading(data, tie));
                ui.label(format!("{} · {}", tie.kind.label(), tie.polarity.label()));
                if let Some(x) = tie.excerpts.first() {
                    ui.label(egui::RichText::new(format!("“{}”", x.quote)).italics());
                }
            });
        }
    }
}
