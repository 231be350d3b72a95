//! The measures of the selected actor, under its panel: the measure actors are sized by and
//! its community, once computed on the task runner; "computing…" meanwhile.

use egui::{RichText, Ui};

use crate::app::AppState;

pub fn actor_measures_ui(ui: &mut Ui, state: &AppState, actor: usize) {
    let explore = &state.explore;
    if explore.size_by.is_none() && !explore.colour_communities {
        return;
    }
    let structure = state.doc.structure_generation();
    ui.separator();
    ui.label(RichText::new("Measures").strong());
    if let Some(metric) = explore.size_by {
        match &explore.measures.values {
            Some((m, s, values)) if *m == metric && explore.measures.values_at == structure => {
                let value = values.get(actor).copied().unwrap_or(0.0);
                let rank = values.iter().filter(|v| **v > value).count() + 1;
                let text = if value.fract() == 0.0 {
                    format!("{value}")
                } else {
                    format!("{value:.4}")
                };
                let updating = if *s == structure {
                    ""
                } else {
                    " · updating…"
                };
                ui.label(format!(
                    "{}: {text} (rank {rank} of {}){updating}",
                    metric.label(),
                    values.len()
                ))
                .on_hover_text(metric.description());
            }
            _ => {
                ui.label(RichText::new(format!("{}: computing…", metric.label())).weak());
            }
        }
    }
    if explore.colour_communities {
        match &explore.measures.communities {
            Some((s, c))
                if explore.measures.communities_at == structure
                    && c.get(actor).is_some_and(|&x| x != usize::MAX) =>
            {
                let community = c[actor];
                let size = c.iter().filter(|x| **x == community).count();
                let updating = if *s == structure {
                    ""
                } else {
                    " · updating…"
                };
                ui.label(format!(
                    "Community {} ({size} actors){updating}",
                    community + 1
                ));
            }
            _ => {
                ui.label(RichText::new("Community: computing…").weak());
            }
        }
    }
}
