//! Editing gestures on the map: Shift-drag from one actor to another makes a tie, Shift-drag on
//! empty space selects the actors in a box, double-click on empty space or the A key adds an actor.

use crate::app::{EditAction, SelectionAction};
use egui::{Pos2, Rect, Stroke, Ui};

use super::view::MapView;
use crate::app::commands::{map_has_keys, Command};
use crate::app::{Action, AppState, Selection};
use crate::model::Point;
use crate::ui::theme;

/// A gesture in progress.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Gesture {
    #[default]
    None,
    /// Shift-drag that started on this actor: a new tie.
    Tie { from: usize },
    /// Shift-drag that started on empty space at this screen point: a selection box.
    Box { start: Pos2 },
}

/// Whether Shift is held, in which case the map's own dragging and panning step aside.
pub fn shift_held(ui: &Ui) -> bool {
    ui.input(|i| i.modifiers.shift)
}

fn to_point(view: &MapView, pos: Pos2) -> Point {
    let c = view.camera.to_canvas(view.rect, pos);
    let round = |v: f32| (f64::from(v) * 100.0).round() / 100.0;
    Point::new(round(c.x), round(c.y))
}

/// Runs the gestures for this frame, after the map was drawn.
pub fn gestures_ui(
    ui: &Ui,
    view: &mut MapView,
    state: &AppState,
    response: &egui::Response,
    actions: &mut Vec<Action>,
) {
    let rect = view.rect;
    let (pointer, pressed, down, released) = ui.input(|i| {
        (
            i.pointer.interact_pos(),
            i.pointer.primary_pressed(),
            i.pointer.primary_down(),
            i.pointer.primary_released(),
        )
    });
    let over_map = pointer.is_some_and(|p| rect.contains(p)) && response.hovered();

    if pressed && over_map && shift_held(ui) {
        if let Some(p) = pointer {
            view.gesture = match view.actor_at(p) {
                Some(from) => Gesture::Tie { from },
                None => Gesture::Box { start: p },
            };
        }
    }

    draw_gesture(ui, view, pointer, down);
    if released || !down {
        let gesture = std::mem::take(&mut view.gesture);
        finish_gesture(view, state, gesture, pointer, actions);
    }

    // Double-click on empty space adds an actor there.
    if response.double_clicked() {
        if let Some(p) = pointer {
            if view.actor_at(p).is_none() && view.hovered_tie.is_none() {
                actions.push(Action::Edit(EditAction::AddActor {
                    at: Some(to_point(view, p)),
                }));
            }
        }
    }
    // The A key adds an actor under the pointer, or in the middle of the view, when the map has
    // the keyboard. Not while the palette is open: its field may not have the focus yet in its
    // first frame.
    let live = map_has_keys(ui.ctx()) && !state.palette_open;
    let add_key = live && Command::AddActor.consume_keys(ui.ctx());
    if add_key {
        let at = pointer
            .filter(|p| rect.contains(*p))
            .unwrap_or(rect.center());
        actions.push(Action::Edit(EditAction::AddActor {
            at: Some(to_point(view, at)),
        }));
    }
}

/// Draws the gesture under way: the dashed line of a tie being drawn, or the box being dragged.
fn draw_gesture(ui: &Ui, view: &MapView, pointer: Option<Pos2>, down: bool) {
    let painter = ui.painter_at(view.rect);
    let accent = ui.visuals().selection.stroke.color;
    match (view.gesture, pointer) {
        (Gesture::Tie { from }, Some(p)) if down => {
            if let Some(a) = view.actor_screen_pos(from) {
                painter.extend(egui::Shape::dashed_line(
                    &[a, p],
                    Stroke::new(2.0, accent),
                    8.0,
                    4.0,
                ));
            }
        }
        (Gesture::Box { start }, Some(p)) if down => {
            let r = Rect::from_two_pos(start, p);
            painter.rect_filled(r, 0.0, theme::BOX_SELECTION_FILL);
            painter.rect_stroke(r, 0.0, Stroke::new(1.0, accent), egui::StrokeKind::Inside);
        }
        _ => {}
    }
}

/// A gesture that ended: a tie drawn onto another actor creates it; a box selects what it holds,
/// added to the selection.
fn finish_gesture(
    view: &MapView,
    state: &AppState,
    gesture: Gesture,
    pointer: Option<Pos2>,
    actions: &mut Vec<Action>,
) {
    let data = &state.doc.data;
    match (gesture, pointer) {
        (Gesture::Tie { from }, Some(p)) => {
            if let Some(to) = view.actor_at(p).filter(|&to| to != from) {
                actions.push(Action::Edit(EditAction::CreateTie {
                    from: data.actors[from].id.clone(),
                    to: data.actors[to].id.clone(),
                }));
            }
        }
        // A box too small to hold anything is a shift-click, which the click handles.
        (Gesture::Box { start }, Some(p)) if start.distance(p) >= 4.0 => {
            let r = Rect::from_two_pos(start, p);
            let mut ids = state.selection.actor_ids();
            let already: foldhash::HashSet<String> = ids.iter().cloned().collect();
            for (i, a) in data.actors.iter().enumerate() {
                let inside = view.actor_screen_pos(i).is_some_and(|s| r.contains(s));
                if inside && !already.contains(&a.id) {
                    ids.push(a.id.clone());
                }
            }
            actions.push(Action::Selection(SelectionAction::Select(
                Selection::of_actors(ids),
            )));
        }
        _ => {}
    }
}
