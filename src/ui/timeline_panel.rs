//! The timeline: a histogram of the tie dates the filters leave, a range slider under it (its
//! two ends as dates), Play, ties without a date, and "as known on" a day.

use egui::{Color32, Id, Rect, RichText, Sense, Ui, Vec2};

use crate::analysis::days::{self, format_day, Day};
use crate::app::explore::ExploreAction;
use crate::app::{Action, AppState};
use crate::model::TimeSpec;

pub fn timeline_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let spec = &state.explore.view.timeline;
    let set = |actions: &mut Vec<Action>, t: TimeSpec| {
        actions.push(Action::Explore(ExploreAction::SetTimeline(t)));
    };
    let Some(h) = crate::app::explore_time::histogram(state) else {
        ui.label(RichText::new("No tie has a date.").weak());
        known_on_ui(ui, spec, actions);
        return;
    };
    let first = spec
        .from
        .as_deref()
        .and_then(days::first_day)
        .unwrap_or(h.first());
    let last = spec
        .to
        .as_deref()
        .and_then(days::last_day)
        .unwrap_or(h.last());
    // The histogram: one bar per bin, the bins in the range drawn strong.
    let width = ui.available_width().max(120.0);
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, 48.0), Sense::hover());
    let most = h.max_count().max(1) as f32;
    let bar = rect.width() / h.bins.len().max(1) as f32;
    let strong = ui.visuals().selection.bg_fill;
    let weak = ui.visuals().weak_text_color().gamma_multiply(0.5);
    for (i, bin) in h.bins.iter().enumerate() {
        let height = rect.height() * bin.count as f32 / most;
        let x = rect.left() + i as f32 * bar;
        let r = Rect::from_min_max(
            egui::pos2(x + 0.5, rect.bottom() - height),
            egui::pos2(x + bar - 0.5, rect.bottom()),
        );
        let inside = bin.last >= first && bin.first <= last;
        ui.painter()
            .rect_filled(r, 0.0, if inside { strong } else { weak });
    }
    ui.painter().line_segment(
        [rect.left_bottom(), rect.right_bottom()],
        egui::Stroke::new(1.0, Color32::GRAY),
    );
    // The range's two ends, as sliders over the days of the histogram.
    let mut a = first.clamp(h.first(), h.last());
    let mut b = last.clamp(h.first(), h.last());
    let format = |d: f64, _| format_day(d as Day);
    let from = ui.add(
        egui::Slider::new(&mut a, h.first()..=h.last())
            .custom_formatter(format)
            .text("from"),
    );
    let to = ui.add(
        egui::Slider::new(&mut b, h.first()..=h.last())
            .custom_formatter(format)
            .text("to"),
    );
    if from.changed() || to.changed() {
        let (a, b) = (a.min(b), a.max(b));
        set(
            actions,
            TimeSpec {
                from: Some(format_day(a)),
                to: Some(format_day(b)),
                ..spec.clone()
            },
        );
    }
    ui.horizontal(|ui| {
        let playing = state.explore.playing;
        let label = if playing.is_some() {
            "⏸ Pause"
        } else {
            "▶ Play"
        };
        if ui
            .button(label)
            .on_hover_text("Move the range through time")
            .clicked()
        {
            actions.push(Action::Explore(ExploreAction::TogglePlay));
        }
        if let Some(since) = playing {
            let wait = crate::app::explore_time::PLAY_STEP.saturating_sub(since.elapsed());
            if wait.is_zero() {
                actions.push(Action::Explore(ExploreAction::PlayStep));
            } else {
                ui.ctx().request_repaint_after(wait);
            }
        }
        if spec.has_range() && ui.button("All dates").clicked() {
            set(
                actions,
                TimeSpec {
                    from: None,
                    to: None,
                    ..spec.clone()
                },
            );
        }
    });
    let mut hide_undated = spec.hide_undated;
    let text = format!("Hide the {} ties without a date", h.undated);
    if ui.checkbox(&mut hide_undated, text).changed() {
        set(
            actions,
            TimeSpec {
                hide_undated,
                ..spec.clone()
            },
        );
    }
    known_on_ui(ui, spec, actions);
}

/// "As known on": a date typed in a field (applied when it reads as a date), and Clear.
fn known_on_ui(ui: &mut Ui, spec: &TimeSpec, actions: &mut Vec<Action>) {
    let id = Id::new("known-on");
    // The text typed, and the day it was typed against: another day set elsewhere (a saved
    // view, Clear all) replaces the text.
    let remembered: Option<(String, Option<String>)> = ui.data(|d| d.get_temp(id));
    let mut text = match remembered {
        Some((text, seen)) if seen == spec.known_on => text,
        _ => spec.known_on.clone().unwrap_or_default(),
    };
    ui.horizontal(|ui| {
        ui.label("As known on");
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("YYYY-MM-DD")
                .desired_width(100.0),
        );
        let valid = days::last_day(&text).is_some();
        if field.changed() && valid && spec.known_on.as_deref() != Some(text.trim()) {
            actions.push(Action::Explore(ExploreAction::SetTimeline(TimeSpec {
                known_on: Some(text.trim().to_owned()),
                ..spec.clone()
            })));
        }
        if spec.known_on.is_some() && ui.small_button("Clear").clicked() {
            text.clear();
            actions.push(Action::Explore(ExploreAction::SetTimeline(TimeSpec {
                known_on: None,
                ..spec.clone()
            })));
        }
        if !text.trim().is_empty() && !valid {
            ui.label(RichText::new("not a date").color(ui.visuals().warn_fg_color));
        }
    });
    ui.label(
        RichText::new("Only excerpts from sources published by then count.")
            .small()
            .weak(),
    );
    ui.data_mut(|d| d.insert_temp(id, (text, spec.known_on.clone())));
}
