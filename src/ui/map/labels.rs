//! Map labels at a fixed pixel size on a halo, placed greedily so that none overlap each other or
//! other actors: the selection, hover and their neighbours first, then the most connected actors
//! in view, at most [`LABEL_CAP`] at once. Placement uses a coarse occupancy grid of the screen,
//! so its cost does not grow with the number of actors.

use egui::{Align2, FontId, Painter, Pos2, Rect, Ui, Vec2};

use super::shapes::{screen_radius, Emphasis};
use super::view::MapView;
use crate::app::{AppState, Selection};
use crate::ui::theme;

/// At most this many labels are drawn at once.
pub const LABEL_CAP: usize = 200;
/// At most this many actors are tried for a label each frame (the best placed first).
const MAX_TRIED: usize = 1_500;
/// Up to this many actors in view, labels also avoid other actors' shapes.
const OBSTACLE_LIMIT: usize = 2_000;
/// Names longer than this are shortened on the map; the full name shows on hover.
const MAX_LABEL_CHARS: usize = 26;
/// Side of an occupancy cell, in screen points.
const CELL: f32 = 4.0;

/// Buffers reused from frame to frame.
#[derive(Default)]
pub struct LabelScratch {
    order: Vec<usize>,
    queued: Vec<bool>,
    occupied: Vec<bool>,
    /// The size of each actor's label once measured, for the document generation `measured_for`.
    sizes: Vec<Option<Vec2>>,
    measured_for: u64,
    /// The actors labelled last frame, by index.
    pub labelled: Vec<usize>,
}

/// Shortens a long name with an ellipsis.
pub fn short_name(name: &str) -> String {
    if name.chars().count() <= MAX_LABEL_CHARS {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX_LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The screen cut into cells that are either free or taken by a label or an actor.
struct Occupancy<'a> {
    cells: &'a mut Vec<bool>,
    origin: egui::Pos2,
    cols: usize,
    rows: usize,
}

impl<'a> Occupancy<'a> {
    fn new(cells: &'a mut Vec<bool>, rect: Rect) -> Self {
        let cols = (rect.width() / CELL).ceil().max(1.0) as usize;
        let rows = (rect.height() / CELL).ceil().max(1.0) as usize;
        cells.clear();
        cells.resize(cols * rows, false);
        Self {
            cells,
            origin: rect.min,
            cols,
            rows,
        }
    }

    fn span(&self, r: Rect) -> (usize, usize, usize, usize) {
        let cell = |v: f32, max: usize| ((v / CELL).floor().max(0.0) as usize).min(max - 1);
        (
            cell(r.min.x - self.origin.x, self.cols),
            cell(r.min.y - self.origin.y, self.rows),
            cell(r.max.x - self.origin.x, self.cols),
            cell(r.max.y - self.origin.y, self.rows),
        )
    }

    fn is_free(&self, r: Rect) -> bool {
        let (c0, r0, c1, r1) = self.span(r);
        (r0..=r1).all(|row| (c0..=c1).all(|col| !self.cells[row * self.cols + col]))
    }

    fn take(&mut self, r: Rect) {
        let (c0, r0, c1, r1) = self.span(r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col] = true;
            }
        }
    }
}

pub fn draw_labels(
    ui: &Ui,
    view: &MapView,
    state: &AppState,
    rect: Rect,
    scratch: &mut LabelScratch,
) {
    let data = &state.doc.data;
    let cache = &view.cache;
    let painter = ui.painter_at(rect);
    let font = FontId::proportional(theme::LABEL_SIZE);
    let visuals = ui.visuals();
    let text_color = visuals.strong_text_color();
    let halo = theme::label_halo(visuals);
    let r = screen_radius(view.camera.zoom);
    let n = cache.positions.len();
    if scratch.measured_for != state.doc.generation() || scratch.sizes.len() != n {
        scratch.sizes.clear();
        scratch.sizes.resize(n, None);
        scratch.measured_for = state.doc.generation();
    }
    queue_by_priority(view, rect, scratch);

    let mut grid = Occupancy::new(&mut scratch.occupied, rect);
    // Actors in view, as counted when drawing this frame.
    let in_view = view.stats.nodes;
    if in_view <= OBSTACLE_LIMIT {
        for &i in &scratch.order {
            let c = view.camera.to_screen(rect, cache.positions[i]);
            grid.take(Rect::from_center_size(c, Vec2::splat(1.6 * r)));
        }
    }
    let mut placed = 0;
    scratch.labelled.clear();
    for &i in &scratch.order {
        if placed >= LABEL_CAP {
            break;
        }
        let node = &cache.actors[i];
        let center = view.camera.to_screen(rect, cache.positions[i]);
        let size = label_size(&painter, &font, &data.actors[i].name, &mut scratch.sizes[i]);
        let important = node.selected || view.hovered_actor == Some(i);
        let Some(label_rect) = label_place(center, r, size, &grid, important) else {
            continue;
        };
        grid.take(label_rect);
        placed += 1;
        scratch.labelled.push(i);
        let galley =
            painter.layout_no_wrap(short_name(&data.actors[i].name), font.clone(), text_color);
        let (bg, fg) = if node.emphasis == Emphasis::Dim {
            (halo.gamma_multiply(0.5), text_color.gamma_multiply(0.45))
        } else {
            (halo, text_color)
        };
        painter.rect_filled(label_rect, 4.0, bg);
        painter.galley(label_rect.min + Vec2::new(4.0, 1.0), galley, fg);
    }

    // The selected or hovered tie is named at its middle.
    let named_tie = match &state.selection {
        Selection::Tie(id) => data.tie_place(id),
        _ => None,
    }
    .into_iter()
    .chain(view.hovered_tie)
    .filter(|&ti| cache.shown.tie(ti));
    for ti in named_tie {
        draw_tie_label(&painter, view, state, ti, &mut grid);
    }
}

/// Queues the actors to label, most wanted first: the hovered one, then the selection's
/// neighbourhood, then the most connected in view. Hidden actors are never labelled.
fn queue_by_priority(view: &MapView, rect: Rect, scratch: &mut LabelScratch) {
    let cache = &view.cache;
    let n = cache.positions.len();
    let on_screen = |i: usize| {
        cache.shown.actor(i) && rect.contains(view.camera.to_screen(rect, cache.positions[i]))
    };
    scratch.order.clear();
    scratch.queued.clear();
    scratch.queued.resize(n, false);
    let queue = |i: usize, scratch: &mut LabelScratch| {
        if !scratch.queued[i] {
            scratch.queued[i] = true;
            scratch.order.push(i);
        }
    };
    if let Some(h) = view.hovered_actor.filter(|&h| cache.actor_shown(h)) {
        queue(h, scratch);
    }
    for &i in &cache.by_degree {
        if cache.actors[i].is_highlighted() && on_screen(i) {
            queue(i, scratch);
        }
    }
    for &i in &cache.by_degree {
        if scratch.order.len() >= MAX_TRIED {
            break;
        }
        if on_screen(i) {
            queue(i, scratch);
        }
    }
}

/// The size of an actor's label, measured once per actor from glyph widths (kept in
/// `measured`): laying out the text of every candidate would fill egui's text cache with a
/// thousand galleys on a large map's first frame.
fn label_size(painter: &Painter, font: &FontId, name: &str, measured: &mut Option<Vec2>) -> Vec2 {
    *measured.get_or_insert_with(|| {
        let name = short_name(name);
        painter.fonts_mut(|fonts| {
            let width: f32 = name.chars().map(|c| fonts.glyph_width(font, c)).sum();
            Vec2::new(width.ceil(), fonts.row_height(font))
        }) + Vec2::new(8.0, 2.0)
    })
}

/// Where an actor's label goes: below the node if there is room, else above, right or left of
/// it; an important one (selected or hovered) goes below whatever it covers, and others are
/// left out when there is no room.
fn label_place(
    center: Pos2,
    r: f32,
    size: Vec2,
    grid: &Occupancy,
    important: bool,
) -> Option<Rect> {
    let candidates = [
        Align2::CENTER_TOP.anchor_size(center + Vec2::new(0.0, r + 3.0), size),
        Align2::CENTER_BOTTOM.anchor_size(center - Vec2::new(0.0, r + 3.0), size),
        Align2::LEFT_CENTER.anchor_size(center + Vec2::new(r + 4.0, 0.0), size),
        Align2::RIGHT_CENTER.anchor_size(center - Vec2::new(r + 4.0, 0.0), size),
    ];
    match candidates.iter().find(|c| grid.is_free(**c)) {
        Some(free) => Some(*free),
        None => important.then_some(candidates[0]),
    }
}

/// Names a tie beside its middle: on the line where that is free, else just off it on either
/// side, so that on a short tie the name does not cover its ends' labels or shapes.
fn draw_tie_label(
    painter: &egui::Painter,
    view: &MapView,
    state: &AppState,
    ti: usize,
    grid: &mut Occupancy,
) {
    let Some(mid) = view.tie_screen_midpoint(ti) else {
        return;
    };
    let tie = &state.doc.data.ties[ti];
    let text = if tie.label.is_empty() {
        tie.kind.label().to_owned()
    } else {
        tie.label.clone()
    };
    let visuals = &painter.ctx().global_style().visuals;
    let color = theme::polarity_text(tie.polarity, visuals);
    let galley = painter.layout_no_wrap(text, FontId::proportional(theme::LABEL_SIZE - 1.0), color);
    let size = galley.size() + Vec2::new(8.0, 2.0);
    // Across the line: the normal of the line between the tie's ends on screen.
    let across = view
        .cache
        .tie_ends
        .get(ti)
        .copied()
        .flatten()
        .and_then(|(a, b)| {
            Some((
                view.actor_screen_pos(a as usize)?,
                view.actor_screen_pos(b as usize)?,
            ))
        })
        .map(|(a, b)| (b - a).normalized().rot90())
        .filter(|n| n.is_finite())
        .unwrap_or(Vec2::Y);
    let step = size.y.max(size.x * across.x.abs()) + 4.0;
    let candidates = [0.0, 1.0, -1.0, 2.0, -2.0]
        .map(|k| Align2::CENTER_CENTER.anchor_size(mid + across * (k * step), size));
    let label_rect = candidates
        .iter()
        .copied()
        .find(|c| grid.is_free(*c))
        .unwrap_or(candidates[1]);
    grid.take(label_rect);
    painter.rect_filled(label_rect, 4.0, theme::map_background(visuals));
    painter.rect_stroke(
        label_rect,
        4.0,
        egui::Stroke::new(1.0, color),
        egui::StrokeKind::Inside,
    );
    painter.galley(label_rect.min + Vec2::new(4.0, 1.0), galley, color);
}
