//! The map's overview drawn by the GPU when the window renders through wgpu: the plain ties
//! (1-pixel lines) and plain actors (small shapes) live in GPU buffers, written again only when
//! positions or highlighting change; a frame sends nothing but the camera. Without wgpu (tests,
//! benchmarks, `RELMAP_CPU_OVERVIEW=1`) `draw` builds the same picture as egui meshes.

use std::sync::{Arc, Mutex, PoisonError};

use eframe::egui_wgpu::{self, wgpu};
use egui::{Color32, Painter, Rect};

use super::cache::MapCache;
use super::camera::Camera;
use crate::model::ActorKind;

/// Bytes per tie vertex: x, y (f32) and a colour (4 bytes); two vertices per tie.
const TIE_VERTEX_BYTES: u64 = 12;
/// Bytes per actor: x, y (f32), a colour, and the outline: sides, radius factor, start angle, 0.
const ACTOR_BYTES: u64 = 28;
/// Vertices per actor: one triangle, the outline cut out of it by the fragment shader.
const ACTOR_VERTICES: u32 = 3;

/// The overview's vertex data, written by the map and uploaded by the paint callback.
#[derive(Default)]
struct Geometry {
    /// The map cache revision the bytes were made from.
    revision: u64,
    ties: Vec<u8>,
    actors: Vec<u8>,
}

/// The map's handle on the GPU overview.
pub struct GpuOverview {
    geometry: Arc<Mutex<Geometry>>,
}

/// Which half of the overview a callback draws: the ties go under the detailed ties, the actors
/// over them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Ties,
    Actors,
}

impl GpuOverview {
    /// Creates the pipelines in the window's renderer and returns the map's handle on them.
    pub fn install(render_state: &egui_wgpu::RenderState) -> Self {
        let resources = Resources::new(&render_state.device, render_state.target_format);
        render_state
            .renderer
            .write()
            .callback_resources
            .insert(resources);
        Self {
            geometry: Arc::default(),
        }
    }

    /// The map's side alone, with no device behind it: callbacks are recorded and never
    /// painted. For measuring the CPU half of a frame that the GPU finishes (`benches/frame.rs`).
    pub fn without_device() -> Self {
        Self {
            geometry: Arc::default(),
        }
    }

    /// How many ties and actors the vertex data holds, as last written (hidden ones are left
    /// out; highlighted ties are there, transparent).
    pub fn buffered(&self) -> (usize, usize) {
        let g = self.geometry.lock().unwrap_or_else(PoisonError::into_inner);
        (
            g.ties.len() / (2 * TIE_VERTEX_BYTES as usize),
            g.actors.len() / ACTOR_BYTES as usize,
        )
    }

    /// Draws a part of the overview: every plain tie (the highlighted ones and loops are left
    /// to the detailed drawing), or every actor as a small plain shape of radius `radius`
    /// (screen points; ties and actors share one camera per frame, so both pass it).
    pub fn draw(
        &self,
        part: Part,
        painter: &Painter,
        rect: Rect,
        cam: &Camera,
        cache: &MapCache,
        radius: f32,
    ) {
        self.refresh(cache);
        self.add_callback(painter, rect, cam, radius, part);
    }

    fn add_callback(&self, painter: &Painter, rect: Rect, cam: &Camera, radius: f32, part: Part) {
        let camera = [
            cam.pan.x,
            cam.pan.y,
            rect.width(),
            rect.height(),
            cam.zoom,
            radius,
            0.0,
            0.0,
        ];
        painter.add(egui_wgpu::Callback::new_paint_callback(
            rect,
            OverviewCallback {
                part,
                camera,
                geometry: Arc::clone(&self.geometry),
            },
        ));
    }

    /// Rewrites the vertex data when the map changed since it was last written.
    fn refresh(&self, cache: &MapCache) {
        let mut g = self.geometry.lock().unwrap_or_else(PoisonError::into_inner);
        if g.revision == cache.revision {
            return;
        }
        g.revision = cache.revision;
        write_ties(cache, &mut g.ties);
        write_actors(cache, &mut g.actors);
    }
}

fn write_ties(cache: &MapCache, out: &mut Vec<u8>) {
    out.clear();
    for ((ti, ends), payload) in cache.tie_ends.iter().enumerate().zip(&cache.ties) {
        let (Some((a, b)), true) = (*ends, cache.shown.tie(ti)) else {
            continue;
        };
        let detailed = payload.is_highlighted() || a == b;
        let color = if detailed {
            Color32::TRANSPARENT
        } else {
            super::draw::plain_tie_color(payload)
        };
        for end in [a, b] {
            let p = cache.positions[end as usize];
            push_f32s(out, &[p.x, p.y]);
            out.extend_from_slice(&color.to_array());
        }
    }
}

fn write_actors(cache: &MapCache, out: &mut Vec<u8>) {
    out.clear();
    for (i, payload) in cache.actors.iter().enumerate() {
        if !cache.shown.actor(i) {
            continue;
        }
        let color = super::draw::plain_actor_color(payload);
        let p = cache.positions[i];
        let (sides, factor, start) = kind_outline(payload.kind);
        push_f32s(out, &[p.x, p.y]);
        out.extend_from_slice(&color.to_array());
        push_f32s(out, &[sides as f32, factor * payload.scale, start, 0.0]);
    }
}

/// The plain outline of an actor kind: number of sides, radius factor, angle of the first corner.
/// The same outlines as `draw`'s meshes.
pub fn kind_outline(kind: ActorKind) -> (u32, f32, f32) {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_4};
    match kind {
        ActorKind::Person => (8, 1.0, 0.0),
        ActorKind::Other => (8, 0.7, 0.0),
        ActorKind::State => (4, 1.2, FRAC_PI_4),
        ActorKind::Organization => (6, 1.05, 0.0),
        ActorKind::Place => (3, 1.2, -FRAC_PI_2),
    }
}

fn push_f32s(out: &mut Vec<u8>, values: &[f32]) {
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
}

/// The paint callback of one part, with this frame's camera.
struct OverviewCallback {
    part: Part,
    /// pan (2), map size (2), zoom, actor radius, padding (2): the shader's `Camera`.
    camera: [f32; 8],
    geometry: Arc<Mutex<Geometry>>,
}

impl egui_wgpu::CallbackTrait for OverviewCallback {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        _screen: &egui_wgpu::ScreenDescriptor,
        _encoder: &mut wgpu::CommandEncoder,
        resources: &mut egui_wgpu::CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        if let Some(r) = resources.get_mut::<Resources>() {
            let g = self.geometry.lock().unwrap_or_else(PoisonError::into_inner);
            r.upload(device, queue, &g);
            let mut bytes = Vec::with_capacity(32);
            push_f32s(&mut bytes, &self.camera);
            queue.write_buffer(&r.camera, 0, &bytes);
        }
        Vec::new()
    }

    fn paint(
        &self,
        _info: egui::PaintCallbackInfo,
        pass: &mut wgpu::RenderPass<'static>,
        resources: &egui_wgpu::CallbackResources,
    ) {
        let Some(r) = resources.get::<Resources>() else {
            return;
        };
        pass.set_bind_group(0, &r.bind_group, &[]);
        match self.part {
            Part::Ties if r.tie_vertices > 0 => {
                pass.set_pipeline(&r.tie_pipeline);
                pass.set_vertex_buffer(0, r.ties.slice(..));
                pass.draw(0..r.tie_vertices, 0..1);
            }
            Part::Actors if r.actor_count > 0 => {
                pass.set_pipeline(&r.actor_pipeline);
                pass.set_vertex_buffer(0, r.actors.slice(..));
                pass.draw(0..ACTOR_VERTICES, 0..r.actor_count);
            }
            _ => {}
        }
    }
}

mod resources;
use resources::Resources;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Dataset, Status, Tie};
    use crate::ui::theme;

    /// The colour bytes of each actor and tie in the overview's vertex data.
    fn colours(cache: &MapCache) -> (Vec<[u8; 4]>, Vec<[u8; 4]>) {
        let (mut actors, mut ties) = (Vec::new(), Vec::new());
        write_actors(cache, &mut actors);
        write_ties(cache, &mut ties);
        let colour = |bytes: &[u8], at: usize| -> [u8; 4] {
            [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]
        };
        (
            actors
                .chunks(ACTOR_BYTES as usize)
                .map(|a| colour(a, 8))
                .collect(),
            ties.chunks(2 * TIE_VERTEX_BYTES as usize)
                .map(|t| colour(t, 8))
                .collect(),
        )
    }

    #[test]
    fn candidates_take_the_preview_colours_on_the_gpu_path_too() {
        let actor = |id: &str, status| Actor {
            id: id.into(),
            name: id.into(),
            kind: ActorKind::Person,
            status,
            ..Actor::default()
        };
        let tie = |id: &str, to: &str, status| Tie {
            id: id.into(),
            from: "a".into(),
            to: to.into(),
            status,
            ..Tie::default()
        };
        let data = Dataset {
            actors: vec![
                actor("a", Status::Accepted),
                actor("b", Status::Accepted),
                actor("c", Status::Candidate),
            ],
            ties: vec![
                tie("ab", "b", Status::Accepted),
                tie("ac", "c", Status::Candidate),
            ],
            ..Dataset::default()
        };
        let cache = MapCache::build(&data);
        let (actors, ties) = colours(&cache);
        assert_eq!(actors[0], actors[1], "two accepted people look alike");
        assert_eq!(
            Color32::from_rgba_premultiplied(
                actors[2][0],
                actors[2][1],
                actors[2][2],
                actors[2][3]
            ),
            theme::candidate(theme::actor_color(ActorKind::Person))
        );
        assert!(ties[1][3] < ties[0][3], "the candidate tie is fainter");
    }
}
