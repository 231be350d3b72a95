//! "How is A connected to B?": two actors, the longest path and how many, the weight; then each
//! path found, step by step (A → X → B), each tie with its best excerpt, one click from the
//! reader. The paths are highlighted on the map, or shown alone.

use egui::{Id, RichText, Ui};

use crate::analysis::paths::{MAX_LENGTH, MAX_PATHS};
use crate::analysis::PathWeight;
use crate::app::explore::{ExploreAction, PathRequest};
use crate::app::{Action, AppState, Selection, SelectionAction};

/// The request being written, before Find.
fn draft(ui: &Ui, state: &AppState) -> PathRequest {
    let id = Id::new("path-draft");
    if let Some(d) = ui.data(|d| d.get_temp::<PathRequest>(id)) {
        return d;
    }
    if let Some(asked) = &state.explore.paths {
        return asked.clone();
    }
    let selected = state.selection.actor_ids();
    PathRequest {
        from: selected.first().cloned().unwrap_or_default(),
        to: selected.get(1).cloned().unwrap_or_default(),
        max_length: 4,
        count: MAX_PATHS,
        weight: PathWeight::Hops,
        only: false,
    }
}

pub fn path_panel_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let data = &state.doc.data;
    let mut request = draft(ui, state);
    ui.heading("How is A connected to B?");
    let recent = &state.recent_actors;
    for (label, which) in [("From", 0), ("To", 1)] {
        ui.horizontal(|ui| {
            ui.label(label);
            let current = if which == 0 {
                &request.from
            } else {
                &request.to
            };
            let shown = if current.is_empty() {
                "choose an actor".to_owned()
            } else {
                data.actor_name(current).to_owned()
            };
            let id = Id::new("path-actor").with(which);
            let picked = super::picker::picker_of_width(ui, id, &shown, 220.0, |_| {
                super::picker::actor_choices(data, recent)
            });
            if let Some(actor) = picked {
                if which == 0 {
                    request.from = actor;
                } else {
                    request.to = actor;
                }
            }
        });
    }
    ui.horizontal(|ui| {
        ui.add(egui::Slider::new(&mut request.max_length, 1..=MAX_LENGTH).text("ties at most"));
    });
    ui.horizontal(|ui| {
        ui.add(egui::Slider::new(&mut request.count, 1..=MAX_PATHS).text("paths"));
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Prefer");
        for weight in PathWeight::ALL {
            ui.selectable_value(&mut request.weight, weight, weight.label());
        }
    });
    ui.checkbox(&mut request.only, "Show only the paths on the map");
    let ready = !request.from.is_empty() && !request.to.is_empty() && request.from != request.to;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(ready, egui::Button::new("Find paths"))
            .clicked()
        {
            actions.push(Action::Explore(ExploreAction::FindPaths(request.clone())));
        }
        if state.explore.paths.is_some() && ui.button("Clear").clicked() {
            actions.push(Action::Explore(ExploreAction::ClearPaths));
        }
    });
    ui.data_mut(|d| d.insert_temp(Id::new("path-draft"), request));
    ui.separator();
    results_ui(ui, state, actions);
}

/// The paths found, each step with its best excerpt and a button to read it in its article.
fn results_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let data = &state.doc.data;
    let Some(asked) = &state.explore.paths else {
        return;
    };
    let paths = state
        .explore
        .found
        .as_ref()
        .map_or(&[][..], |f| f.paths.as_slice());
    if paths.is_empty() {
        ui.label(format!(
            "{} and {} are not connected within {} ties by what the map shows.",
            data.actor_name(&asked.from),
            data.actor_name(&asked.to),
            asked.max_length
        ));
        return;
    }
    for (n, path) in paths.iter().enumerate() {
        let names: Vec<&str> = path
            .actors()
            .iter()
            .map(|&a| data.actors[a].name.as_str())
            .collect();
        let ties = path.steps.len();
        ui.label(
            RichText::new(format!(
                "Path {} · {ties} ti{} · {}",
                n + 1,
                if ties == 1 { "e" } else { "es" },
                names.join(" → ")
            ))
            .strong(),
        );
        for step in &path.steps {
            let Some(tie) = data.ties.get(step.tie) else {
                continue;
            };
            ui.horizontal_wrapped(|ui| {
                let arrow = if !tie.directed {
                    "–"
                } else if step.along {
                    "→"
                } else {
                    "←"
                };
                let text = format!(
                    "{} {arrow} {}: {}",
                    data.actors[step.from].name,
                    data.actors[step.to].name,
                    if tie.label.is_empty() {
                        tie.kind.label()
                    } else {
                        &tie.label
                    }
                );
                if ui.link(text).on_hover_text("Select this tie").clicked() {
                    actions.push(Action::Selection(SelectionAction::Select(Selection::Tie(
                        tie.id.clone(),
                    ))));
                }
            });
            if let Some(x) = step
                .excerpt
                .and_then(|i| tie.excerpts.get(i).map(|x| (i, x)))
            {
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(12.0);
                    ui.label(RichText::new(format!("“{}”", x.1.quote)).italics());
                    if ui
                        .small_button("Read")
                        .on_hover_text("Open the article at this quote")
                        .clicked()
                    {
                        actions.push(Action::Selection(SelectionAction::ReadInArticle {
                            tie: tie.id.as_str().into(),
                            excerpt: x.0,
                        }));
                    }
                });
            } else {
                ui.label(RichText::new("   no excerpt").weak());
            }
        }
        ui.add_space(6.0);
    }
}
