//! Dragging on the map: an actor (with the other selected ones, one edit when dropped, held in
//! place while a layout runs) or, from empty space, the view itself.

use egui::{PointerButton, Ui, Vec2};

use super::view::MapView;
use crate::app::{Action, AppState, EditAction, LayoutAction};
use crate::edit::Edit;
use crate::model::Point;

/// An actor being dragged: which, where it was, and the others moving with it.
pub(super) struct Drag {
    pub(super) actor: usize,
    pub(super) together: Vec<usize>,
    pub(super) origin: Option<Point>,
}

impl MapView {
    /// Drags an actor (with the other selected ones) or pans the map.
    pub(super) fn handle_drag(
        &mut self,
        ui: &Ui,
        state: &AppState,
        response: &egui::Response,
        actions: &mut Vec<Action>,
    ) {
        let data = &state.doc.data;
        let shift = ui.input(|i| i.modifiers.shift);
        if response.drag_started_by(PointerButton::Primary) && !shift {
            let origin = ui.input(|i| i.pointer.press_origin());
            match origin.and_then(|p| self.actor_at(p)) {
                Some(actor) => {
                    let selected = state.selection.actor_ids();
                    let together =
                        if selected.len() > 1 && selected.contains(&data.actors[actor].id) {
                            selected
                                .iter()
                                .filter_map(|id| data.actor_place(id))
                                .collect()
                        } else {
                            vec![actor]
                        };
                    self.drag = Some(Drag {
                        actor,
                        together,
                        origin: data.actors[actor].position,
                    });
                }
                None => self.panning = true,
            }
        }
        if response.drag_started_by(PointerButton::Middle) {
            self.panning = true;
        }
        let delta = response.drag_delta();
        if let Some(drag) = &self.drag {
            if delta != Vec2::ZERO {
                let step = delta / self.camera.zoom.max(1e-4);
                for &i in &drag.together {
                    let p = self.cache.positions[i] + step;
                    self.cache.set_position(i, p);
                }
                if state.tasks.layout().is_some() {
                    let p = self.cache.positions[drag.actor];
                    actions.push(Action::Layout(LayoutAction::LayoutHold {
                        actor: data.actors[drag.actor].id.clone(),
                        at: Some(Point::new(f64::from(p.x), f64::from(p.y))),
                    }));
                }
            }
        } else if self.panning {
            self.camera.pan += delta;
        }
        if response.drag_stopped() || (!response.dragged() && (self.drag.is_some() || self.panning))
        {
            self.panning = false;
            if let Some(drag) = self.drag.take() {
                self.finish_drag(drag, state, actions);
            }
        }
    }

    fn finish_drag(&mut self, drag: Drag, state: &AppState, actions: &mut Vec<Action>) {
        let data = &state.doc.data;
        // Hundredths of a unit are finer than any screen; rounding keeps saved files tidy.
        let round = |v: f32| (f64::from(v) * 100.0).round() / 100.0;
        let at = |i: usize| {
            let p = self.cache.positions[i];
            Point::new(round(p.x), round(p.y))
        };
        if state.tasks.layout().is_some() {
            actions.push(Action::Layout(LayoutAction::LayoutHold {
                actor: data.actors[drag.actor].id.clone(),
                at: None,
            }));
        }
        let moved = drag
            .origin
            .is_none_or(|o| o.distance(at(drag.actor)) > 1e-3);
        if moved {
            let moves = drag
                .together
                .iter()
                .map(|&i| (data.actors[i].id.clone(), Some(at(i))))
                .collect();
            actions.push(Action::Edit(EditAction::Apply(Edit::MoveActors { moves })));
        }
    }
}
