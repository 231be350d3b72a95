//! Map labels at a fixed pixel size on a halo, placed greedily so that none overlap:
//! the selection, hover and their neighbours first, then the most connected actors.

use egui::{Align2, Color32, FontId, Rect, Ui, Vec2};
use egui_graphs::MetadataFrame;

use super::map_shapes::{screen_radius, Emphasis};
use super::map_view::MapView;
use super::theme;
use crate::app::{AppState, Selection};

/// At most this many labels are drawn at once.
pub const LABEL_CAP: usize = 200;
/// Up to this many actors, labels also avoid other actors' shapes.
const OBSTACLE_LIMIT: usize = 2000;
/// Names longer than this are shortened on the map; the full name shows on hover.
const MAX_LABEL_CHARS: usize = 26;

/// Shortens a long name with an ellipsis.
pub fn short_name(name: &str) -> String {
    if name.chars().count() <= MAX_LABEL_CHARS {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX_LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

pub fn draw_labels(ui: &Ui, view: &MapView, state: &AppState, meta: &MetadataFrame, rect: Rect) {
    let data = &state.doc.data;
    let cache = &view.cache;
    let painter = ui.painter_at(rect);
    let font = FontId::proportional(theme::LABEL_SIZE);
    let visuals = ui.visuals();
    let text_color = visuals.strong_text_color();
    let halo = visuals.extreme_bg_color.gamma_multiply(0.82);
    let r = screen_radius(meta.zoom);

    // Priority: selection and hover and their neighbours, then by degree.
    let mut order: Vec<usize> = Vec::with_capacity(cache.by_degree.len());
    let first = |i: usize, order: &mut Vec<usize>| {
        if !order.contains(&i) {
            order.push(i);
        }
    };
    if let Some(h) = view.hovered_actor {
        first(h, &mut order);
    }
    for &i in &cache.by_degree {
        let focused = cache
            .graph
            .node(cache.actor_nodes[i])
            .is_some_and(|n| n.payload().emphasis == Emphasis::Focus || n.selected());
        if focused {
            first(i, &mut order);
        }
    }
    for &i in &cache.by_degree {
        first(i, &mut order);
    }

    let mut placed: Vec<Rect> = Vec::with_capacity(LABEL_CAP);
    // Labels also keep off other actors' shapes, on maps small enough for that to be cheap.
    let mut obstacles: Vec<(usize, Rect)> = Vec::new();
    if cache.actor_nodes.len() <= OBSTACLE_LIMIT {
        for (i, &n) in cache.actor_nodes.iter().enumerate() {
            if let Some(node) = cache.graph.node(n) {
                let c = rect.min + meta.canvas_to_screen_pos(node.location()).to_vec2();
                if rect.contains(c) {
                    obstacles.push((i, Rect::from_center_size(c, Vec2::splat(2.0 * r))));
                }
            }
        }
    }
    for i in order {
        if placed.len() >= LABEL_CAP {
            break;
        }
        let Some(node) = cache.graph.node(cache.actor_nodes[i]) else {
            continue;
        };
        let center = rect.min + meta.canvas_to_screen_pos(node.location()).to_vec2();
        if !rect.expand(100.0).contains(center) {
            continue;
        }
        let dim = node.payload().emphasis == Emphasis::Dim;
        let galley =
            painter.layout_no_wrap(short_name(&data.actors[i].name), font.clone(), text_color);
        let size = galley.size() + Vec2::new(8.0, 2.0);
        // Below the node if there is room, else above, right or left of it.
        let candidates = [
            Align2::CENTER_TOP.anchor_size(center + Vec2::new(0.0, r + 3.0), size),
            Align2::CENTER_BOTTOM.anchor_size(center - Vec2::new(0.0, r + 3.0), size),
            Align2::LEFT_CENTER.anchor_size(center + Vec2::new(r + 4.0, 0.0), size),
            Align2::RIGHT_CENTER.anchor_size(center - Vec2::new(r + 4.0, 0.0), size),
        ];
        let important = node.selected() || view.hovered_actor == Some(i);
        let free = candidates.iter().find(|c| {
            !placed.iter().any(|p| p.intersects(**c))
                && !obstacles.iter().any(|(j, o)| *j != i && o.intersects(**c))
        });
        let label_rect = match (free, important) {
            (Some(rect), _) => *rect,
            (None, true) => candidates[0],
            (None, false) => continue,
        };
        placed.push(label_rect);
        let (bg, fg) = if dim {
            (halo.gamma_multiply(0.5), text_color.gamma_multiply(0.45))
        } else {
            (halo, text_color)
        };
        painter.rect_filled(label_rect, 4.0, bg);
        painter.galley(label_rect.min + Vec2::new(4.0, 1.0), galley, fg);
    }

    // The selected or hovered tie is named at its middle.
    let named_tie = match &state.selection {
        Selection::Tie(id) => data.ties.iter().position(|t| &t.id == id),
        _ => None,
    }
    .into_iter()
    .chain(view.hovered_tie);
    for ti in named_tie {
        draw_tie_label(&painter, view, state, ti);
    }
}

fn draw_tie_label(painter: &egui::Painter, view: &MapView, state: &AppState, ti: usize) {
    let Some(mid) = view.tie_screen_midpoint(painter.ctx(), ti) else {
        return;
    };
    let tie = &state.doc.data.ties[ti];
    let text = if tie.label.is_empty() {
        tie.kind.label().to_owned()
    } else {
        tie.label.clone()
    };
    let visuals = painter.ctx().global_style().visuals.clone();
    let galley = painter.layout_no_wrap(
        text,
        FontId::proportional(theme::LABEL_SIZE - 1.0),
        theme::polarity_color(tie.polarity),
    );
    let label_rect = Align2::CENTER_CENTER.anchor_size(mid, galley.size() + Vec2::new(8.0, 2.0));
    painter.rect_filled(label_rect, 4.0, visuals.extreme_bg_color);
    painter.rect_stroke(
        label_rect,
        4.0,
        egui::Stroke::new(1.0, theme::polarity_color(tie.polarity)),
        egui::StrokeKind::Inside,
    );
    painter.galley(label_rect.min + Vec2::new(4.0, 1.0), galley, Color32::WHITE);
}
