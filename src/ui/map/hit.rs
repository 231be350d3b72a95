//! What is under the pointer: the actor whose drawn shape holds a screen point (actors sized
//! by a measure are hit over their whole drawn size), else the tie whose line passes near it.

use egui::{Pos2, Rect, Vec2};

use super::shapes::screen_radius;
use super::tie_geometry::tie_hit;
use super::view::MapView;

/// How far outside an actor's drawn radius a click still hits it, in screen pixels.
const ACTOR_HIT_TOLERANCE: f32 = 3.0;

impl MapView {
    /// The actor under a screen point, if any: of the actors whose drawn radius (times their
    /// size from a measure) reaches the point, the one it is most inside of.
    pub fn actor_at(&self, screen: Pos2) -> Option<usize> {
        let zoom = self.camera.zoom.max(1e-4);
        let radius = screen_radius(zoom);
        let reach = |scale: f32| (radius * scale + ACTOR_HIT_TOLERANCE) / zoom;
        let canvas = self.camera.to_canvas(self.rect, screen);
        let around =
            Rect::from_center_size(canvas, Vec2::splat(2.0 * reach(self.cache.largest_scale)));
        let mut best: Option<(usize, f32)> = None;
        self.cache.grid.for_each_in(around, |i| {
            let i = i as usize;
            let (Some(p), Some(look)) = (self.cache.positions.get(i), self.cache.actors.get(i))
            else {
                return;
            };
            let inside = (*p - canvas).length() / reach(look.scale);
            if inside <= 1.0 && best.is_none_or(|(_, b)| inside < b) {
                best = Some((i, inside));
            }
        });
        best.map(|(i, _)| i)
    }

    /// The tie under a screen point among those in view, if any.
    pub(super) fn tie_at(&self, screen: Pos2) -> Option<usize> {
        let canvas = self.camera.to_canvas(self.rect, screen);
        self.scratch
            .visible_edges
            .iter()
            .map(|&t| t as usize)
            .find(|&ti| {
                let (Some((a, b)), Some(edge)) = (self.cache.tie_ends[ti], self.cache.ties.get(ti))
                else {
                    return false;
                };
                let (pa, pb) = (
                    self.cache.positions[a as usize],
                    self.cache.positions[b as usize],
                );
                tie_hit(edge, pa, pb, a > b, a == b, self.camera.zoom, canvas)
            })
    }
}
