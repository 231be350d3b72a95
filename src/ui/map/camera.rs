//! Zoom and pan of the map: canvas units to screen points and back, zooming around a point,
//! and fitting a set of points into view.

use egui::{Pos2, Rect, Vec2};

pub const MIN_ZOOM: f32 = 0.005;
pub const MAX_ZOOM: f32 = 8.0;

/// `screen = rect.min + pan + canvas * zoom`, where `rect` is the map's rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub zoom: f32,
    /// Offset of the canvas origin from the map's top-left corner, in screen points.
    pub pan: Vec2,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: Vec2::ZERO,
        }
    }
}

impl Camera {
    pub fn to_screen(&self, rect: Rect, canvas: Pos2) -> Pos2 {
        rect.min + self.pan + canvas.to_vec2() * self.zoom
    }

    pub fn to_canvas(&self, rect: Rect, screen: Pos2) -> Pos2 {
        ((screen - rect.min - self.pan) / self.zoom).to_pos2()
    }

    /// The part of the canvas that is on screen, in canvas units.
    pub fn visible_canvas(&self, rect: Rect) -> Rect {
        Rect::from_two_pos(
            self.to_canvas(rect, rect.min),
            self.to_canvas(rect, rect.max),
        )
    }

    /// Zooms by `factor`, keeping the canvas point under `screen` where it is.
    pub fn zoom_around(&mut self, rect: Rect, factor: f32, screen: Pos2) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor = self.to_canvas(rect, screen);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        self.pan = screen - rect.min - anchor.to_vec2() * self.zoom;
    }

    /// Fits `points` into `rect`, leaving `margin` (left/right, top, bottom) free.
    pub fn fit(&mut self, rect: Rect, points: &[Pos2], node_radius: f32, margin: (f32, f32, f32)) {
        let mut bounds = Rect::NOTHING;
        for p in points {
            if p.is_finite() {
                bounds.extend_with(*p);
            }
        }
        let size = rect.size();
        if !bounds.is_finite() || size.x <= 1.0 || size.y <= 1.0 {
            self.zoom = 1.0;
            self.pan = size * 0.5;
            return;
        }
        let bounds = bounds.expand(node_radius);
        let (side, top, bottom) = margin;
        let avail = Vec2::new(size.x - 2.0 * side, size.y - top - bottom).max(Vec2::splat(10.0));
        self.zoom = (avail.x / bounds.width().max(1.0))
            .min(avail.y / bounds.height().max(1.0))
            .clamp(MIN_ZOOM, 1.5);
        let center = Vec2::new(size.x * 0.5, top + avail.y * 0.5);
        self.pan = center - bounds.center().to_vec2() * self.zoom;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_and_canvas_round_trip_and_zoom_keeps_the_anchor() {
        let rect = Rect::from_min_size(Pos2::new(10.0, 20.0), Vec2::new(800.0, 600.0));
        let mut cam = Camera {
            zoom: 0.5,
            pan: Vec2::new(100.0, 50.0),
        };
        let p = Pos2::new(123.0, -45.0);
        let s = cam.to_screen(rect, p);
        assert!((cam.to_canvas(rect, s) - p).length() < 1e-3);
        cam.zoom_around(rect, 2.0, s);
        assert!((cam.to_screen(rect, p) - s).length() < 1e-3);
        assert_eq!(cam.zoom, 1.0);
    }

    #[test]
    fn fit_puts_every_point_on_screen() {
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let points = [
            Pos2::new(-5000.0, 0.0),
            Pos2::new(5000.0, 300.0),
            Pos2::new(0.0, 2000.0),
        ];
        let mut cam = Camera::default();
        cam.fit(rect, &points, 13.0, (20.0, 20.0, 20.0));
        for p in points {
            assert!(rect.contains(cam.to_screen(rect, p)), "{p:?}");
        }
    }
}
