//! The chips of what explore hides, along the top of the map: one per active filter, the
//! timeline, the focus and the paths, each removed with one click, and "Clear all".

use egui::{RichText, Ui};

use crate::app::explore::ExploreAction;
use crate::app::{Action, AppState};
use crate::model::{Certainty, FilterSpec, TimeSpec};

/// One chip: its text, and the action that removes it.
struct Chip {
    text: String,
    remove: ExploreAction,
}

fn filter_chips(state: &AppState) -> Vec<Chip> {
    let explore = &state.explore;
    let data = &state.doc.data;
    let f = &explore.view.filters;
    let mut chips = Vec::new();
    let mut without = |text: String, change: &dyn Fn(&mut FilterSpec)| {
        let mut filters = f.clone();
        change(&mut filters);
        chips.push(Chip {
            text,
            remove: ExploreAction::SetFilters(filters),
        });
    };
    for &k in &f.hide_actor_kinds {
        without(format!("no {}", k.label()), &|x| {
            x.hide_actor_kinds.retain(|y| *y != k)
        });
    }
    for &k in &f.hide_tie_kinds {
        without(format!("no {} ties", k.label()), &|x| {
            x.hide_tie_kinds.retain(|y| *y != k)
        });
    }
    for &p in &f.hide_polarities {
        without(format!("no {} ties", p.label()), &|x| {
            x.hide_polarities.retain(|y| *y != p)
        });
    }
    for &c in &f.hide_certainties {
        without(format!("not {}", c.label()), &|x| {
            x.hide_certainties.retain(|y| *y != c)
        });
    }
    if f.hide_unset_certainty {
        without("not without certainty".into(), &|x| {
            x.hide_unset_certainty = false
        });
    }
    let title = |id: &str| data.source(id).map_or(id.to_owned(), |s| s.title.clone());
    for id in &f.only_sources {
        let id = id.clone();
        without(format!("only “{}”", title(&id)), &|x| {
            x.only_sources.retain(|y| *y != id)
        });
    }
    for id in &f.without_sources {
        let id = id.clone();
        without(format!("without “{}”", title(&id)), &|x| {
            x.without_sources.retain(|y| *y != id)
        });
    }
    if f.single_source {
        without("one source only".into(), &|x| x.single_source = false);
    }
    if f.hide_orphans {
        without("actors left without ties hidden".into(), &|x| {
            x.hide_orphans = false
        });
    }
    let t = &explore.view.timeline;
    if t.has_range() {
        let from = t.from.clone().unwrap_or_else(|| "…".into());
        let to = t.to.clone().unwrap_or_else(|| "…".into());
        chips.push(Chip {
            text: format!("dates {from} to {to}"),
            remove: ExploreAction::SetTimeline(TimeSpec {
                from: None,
                to: None,
                hide_undated: false,
                ..t.clone()
            }),
        });
    }
    if let Some(day) = &t.known_on {
        chips.push(Chip {
            text: format!("as known on {day}"),
            remove: ExploreAction::SetTimeline(TimeSpec {
                known_on: None,
                ..t.clone()
            }),
        });
    }
    if let Some(focus) = &explore.view.focus {
        chips.push(Chip {
            text: format!(
                "focus: {} ties from {} ({})",
                focus.depth,
                data.actor_name(&focus.actor),
                focus.direction.label()
            ),
            remove: ExploreAction::SetFocus(None),
        });
    }
    if let Some(p) = &explore.paths {
        chips.push(Chip {
            text: format!(
                "paths {} → {}",
                data.actor_name(&p.from),
                data.actor_name(&p.to)
            ),
            remove: ExploreAction::ClearPaths,
        });
    }
    chips
}

/// The chips in a row, and "Clear all"; nothing while nothing is active.
pub fn filter_chips_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let chips = filter_chips(state);
    if chips.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for chip in chips {
            let button = egui::Button::new(RichText::new(format!("{}  ✕", chip.text)).small())
                .corner_radius(8.0);
            if ui.add(button).on_hover_text("Remove this filter").clicked() {
                actions.push(Action::Explore(chip.remove));
            }
        }
        if ui.small_button("Clear all").clicked() {
            actions.push(Action::Explore(ExploreAction::ClearAll));
        }
    });
}

/// The certainties a line style of the legend stands for.
pub fn certainties_of_style(style: crate::ui::theme::LineStyle) -> &'static [Certainty] {
    use crate::ui::theme::LineStyle;
    match style {
        LineStyle::Solid => &[Certainty::Stated],
        LineStyle::Dashed => &[Certainty::Reported, Certainty::Alleged],
        LineStyle::Dotted => &[
            Certainty::Planned,
            Certainty::Speculative,
            Certainty::Denied,
        ],
    }
}
