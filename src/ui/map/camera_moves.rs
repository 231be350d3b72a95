//! What explore asks of the map: the camera moved to a search result, a focus or a saved view,
//! in a short animation (and where the map looks, remembered for saving a view); actors sized
//! and coloured by the measures.

use egui::{Pos2, Ui};

use super::camera::Camera;
use super::shapes::NODE_RADIUS;
use super::view::{MapView, LEGEND_HEIGHT};
use crate::app::AppState;

impl MapView {
    /// Sizes and colours the actors by the measures asked for, once they are computed for the
    /// map as it is.
    pub(super) fn follow_measures(&mut self, state: &AppState) {
        let explore = &state.explore;
        let structure = state.doc.structure_generation();
        let sizes = explore
            .size_by
            .and_then(|metric| match &explore.measures.values {
                Some((m, _, v)) if *m == metric && explore.measures.values_at == structure => {
                    Some(v)
                }
                _ => None,
            });
        let communities = match &explore.measures.communities {
            Some((_, c))
                if explore.colour_communities && explore.measures.communities_at == structure =>
            {
                Some(c)
            }
            _ => None,
        };
        let key = (
            sizes.map_or(0, |v| std::sync::Arc::as_ptr(v) as usize),
            communities.map_or(0, |c| std::sync::Arc::as_ptr(c) as usize),
        );
        if key != self.measured {
            self.measured = key;
            self.cache.set_measures(
                sizes.map(|v| v.as_slice()),
                communities.map(|c| c.as_slice()),
            );
        }
    }

    /// Moves the camera where explore asked (fitting actors, what is shown, or a saved
    /// camera), in a short animation; and remembers where it looks, for saving a view.
    pub(super) fn follow_explore_camera(&mut self, ui: &Ui, state: &AppState) {
        use crate::app::explore::CameraTarget;
        let rect = self.rect;
        let (serial, target) = &state.explore.camera;
        if *serial != self.camera_serial {
            self.camera_serial = *serial;
            let margin = (80.0, 30.0, 40.0 + LEGEND_HEIGHT);
            let mut to = self.camera;
            match target {
                Some(CameraTarget::Actors(actors)) => {
                    let points: Vec<Pos2> = actors
                        .iter()
                        .filter_map(|&a| self.cache.positions.get(a).copied())
                        .collect();
                    if !points.is_empty() {
                        to.fit(rect, &points, NODE_RADIUS * 4.0, margin);
                    }
                }
                Some(CameraTarget::Shown) => {
                    to.fit(rect, &self.cache.shown_positions(), NODE_RADIUS, margin);
                }
                Some(CameraTarget::Spec(spec)) => {
                    to.zoom =
                        (spec.zoom as f32).clamp(super::camera::MIN_ZOOM, super::camera::MAX_ZOOM);
                    let center = egui::vec2(spec.center.x as f32, spec.center.y as f32);
                    to.pan = rect.size() * 0.5 - center * to.zoom;
                }
                None => {}
            }
            if to != self.camera {
                self.animation = Some((self.camera, to, std::time::Instant::now()));
            }
        }
        if let Some((from, to, start)) = self.animation {
            let t = start.elapsed().as_secs_f32() / 0.35;
            if t >= 1.0 || !rect.is_positive() {
                self.camera = to;
                self.animation = None;
            } else {
                let eased = t * t * (3.0 - 2.0 * t);
                let middle = |c: &Camera| c.to_canvas(rect, rect.center()).to_vec2();
                let (a, b) = (middle(&from), middle(&to));
                let zoom = from.zoom * (to.zoom / from.zoom).powf(eased);
                let center = a + (b - a) * eased;
                self.camera = Camera {
                    zoom,
                    pan: rect.size() * 0.5 - center * zoom,
                };
                ui.ctx().request_repaint();
            }
        }
        let center = self.camera.to_canvas(rect, rect.center());
        let spec = crate::model::CameraSpec {
            center: crate::model::Point::new(f64::from(center.x), f64::from(center.y)),
            zoom: f64::from(self.camera.zoom),
        };
        ui.data_mut(|d| d.insert_temp(egui::Id::new("map-camera"), spec));
    }
}
