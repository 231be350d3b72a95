//! Search (Ctrl+F): a field that finds actors, ties and quotes as the user types, the results
//! grouped, each quote with its words in context, chosen with the keyboard (Up, Down, Enter)
//! or a click. Choosing selects the result and moves the camera to it; a quote opens the
//! reader at it. The query and the results live in egui's memory while the window is open.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Align2, Button, Id, Key, Modifiers, RichText, ScrollArea, TextEdit, TextFormat, Ui};

use crate::analysis::search::{QuotePlace, Snippet};
use crate::analysis::{search, SearchResults};
use crate::app::explore::ExploreAction;
use crate::app::{Action, AppState};
use crate::model::Dataset;

#[derive(Clone, Default)]
struct SearchMemory {
    query: String,
    /// The query and index the results are for.
    searched: Option<(String, usize)>,
    results: Arc<SearchResults>,
    highlight: usize,
}

/// One row of the results, in the order they are listed.
fn choices(results: &SearchResults) -> Vec<ExploreAction> {
    let mut all: Vec<ExploreAction> = Vec::with_capacity(results.len());
    all.extend(
        results
            .actors
            .iter()
            .map(|h| ExploreAction::ChooseActor(h.actor)),
    );
    all.extend(results.ties.iter().map(|h| ExploreAction::ChooseTie(h.tie)));
    all.extend(results.quotes.iter().map(|h| match h.place {
        QuotePlace::Excerpt { tie, excerpt } => ExploreAction::ChooseExcerpt { tie, excerpt },
        QuotePlace::Article { source, .. } => ExploreAction::ChooseArticle { source },
    }));
    all
}

pub fn search_window_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let ctx = ui.ctx().clone();
    let id = Id::new("explore-search");
    if !state.explore.search_open {
        ctx.data_mut(|d| d.remove_temp::<SearchMemory>(id));
        return;
    }
    let mut memory: SearchMemory = ctx.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let (up, down, enter, close) = ctx.input_mut(|i| {
        (
            i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
            i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::Enter),
            i.consume_key(Modifiers::NONE, Key::Escape),
        )
    });
    let data = &state.doc.data;
    // Only an index of the map as it is now: one of an earlier state names other places.
    let now = (state.doc.id(), state.doc.structure_generation());
    let index = state
        .explore
        .search_index
        .as_ref()
        .filter(|(d, s, _)| (*d, *s) == now)
        .map(|(_, _, i)| i);
    let mut chosen = None;
    let area = egui::Modal::default_area(id).anchor(Align2::CENTER_TOP, egui::vec2(0.0, 60.0));
    let modal = egui::Modal::new(id).area(area).show(&ctx, |ui| {
        ui.set_width(620.0);
        let field = TextEdit::singleline(&mut memory.query)
            .hint_text("Search actors, ties and quotes…")
            .desired_width(f32::INFINITY);
        let response = ui.add(field);
        response.request_focus();
        match index {
            Some(index) => {
                let key = (memory.query.clone(), Arc::as_ptr(index) as usize);
                if memory.searched.as_ref() != Some(&key) {
                    memory.results = Arc::new(search(index, data, &memory.query));
                    memory.searched = Some(key);
                    memory.highlight = 0;
                }
            }
            None => {
                memory.results = Arc::default();
                memory.searched = None;
            }
        }
        let results = Arc::clone(&memory.results);
        let all = choices(&results);
        let last = all.len().saturating_sub(1);
        memory.highlight = (memory.highlight + down).saturating_sub(up).min(last);
        if enter {
            chosen = all.get(memory.highlight).cloned();
        }
        ui.separator();
        if crate::app::search_indexing::is_indexing(state) {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Indexing the map for search…");
            });
        } else if memory.query.trim().is_empty() {
            ui.label(
                RichText::new("Type a name, an alias, a tie's words or words of a quote.").weak(),
            );
        } else if results.is_empty() {
            ui.label(RichText::new("Nothing matches.").weak());
        }
        let moved = up + down > 0;
        let height = (ui.ctx().content_rect().height() - 200.0).clamp(120.0, 560.0);
        ScrollArea::vertical()
            .max_height(height)
            .min_scrolled_height(height)
            .show(ui, |ui| {
                let mut row = 0;
                let group = |ui: &mut Ui, title: &str, total: usize, shown: usize| {
                    if total > 0 {
                        let more = if total > shown {
                            format!(" (best {shown} of {total})")
                        } else {
                            String::new()
                        };
                        ui.label(RichText::new(format!("{title}{more}")).strong());
                    }
                };
                group(ui, "Actors", results.totals[0], results.actors.len());
                for hit in &results.actors {
                    let actor = &data.actors[hit.actor];
                    let mut text = format!("{}  · {}", actor.name, actor.kind.label());
                    if let Some(alias) = hit.alias.and_then(|a| actor.aliases.get(a)) {
                        text.push_str(&format!(" · also “{alias}”"));
                    }
                    if result_row(ui, &text, row == memory.highlight, moved).clicked() {
                        chosen = all.get(row).cloned();
                    }
                    row += 1;
                }
                group(ui, "Ties", results.totals[1], results.ties.len());
                for hit in &results.ties {
                    let tie = &data.ties[hit.tie];
                    let text = format!(
                        "{} · {}",
                        super::tie_panel::tie_heading(data, tie),
                        tie.kind.label()
                    );
                    if result_row(ui, &text, row == memory.highlight, moved).clicked() {
                        chosen = all.get(row).cloned();
                    }
                    row += 1;
                }
                group(ui, "Quotes", results.totals[2], results.quotes.len());
                for hit in &results.quotes {
                    let job = quote_job(ui, data, hit.place, &hit.snippet);
                    let highlighted = row == memory.highlight;
                    let response = ui.add(
                        Button::selectable(highlighted, job)
                            .min_size(egui::vec2(ui.available_width(), 24.0)),
                    );
                    if highlighted && moved {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        chosen = all.get(row).cloned();
                    }
                    row += 1;
                }
            });
    });
    if close || chosen.is_some() || modal.backdrop_response.clicked() {
        actions.push(Action::Explore(ExploreAction::CloseSearch));
        ctx.data_mut(|d| d.remove_temp::<SearchMemory>(id));
    } else {
        ctx.data_mut(|d| d.insert_temp(id, memory));
    }
    if let Some(choice) = chosen {
        actions.push(Action::Explore(choice));
    }
}

fn result_row(ui: &mut Ui, text: &str, highlighted: bool, moved: bool) -> egui::Response {
    let button = Button::selectable(highlighted, text)
        .truncate()
        .min_size(egui::vec2(ui.available_width(), 22.0));
    let response = ui.add(button);
    if highlighted && moved {
        response.scroll_to_me(None);
    }
    response
}

/// A quote: where it is ("A → B" or the article's title), then the words in context with the
/// matched words strong.
fn quote_job(ui: &Ui, data: &Dataset, place: QuotePlace, snippet: &Snippet) -> LayoutJob {
    let visuals = ui.visuals();
    let plain = TextFormat {
        color: visuals.text_color(),
        ..TextFormat::default()
    };
    let weak = TextFormat {
        color: visuals.weak_text_color(),
        ..TextFormat::default()
    };
    let strong = TextFormat {
        color: visuals.strong_text_color(),
        background: visuals.selection.bg_fill.gamma_multiply(0.5),
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    let place = match place {
        QuotePlace::Excerpt { tie, .. } => data
            .ties
            .get(tie)
            .map(|t| super::tie_panel::tie_heading(data, t))
            .unwrap_or_default(),
        QuotePlace::Article { source, .. } => data
            .sources
            .get(source)
            .map(|s| format!("in the article “{}”", s.title))
            .unwrap_or_default(),
    };
    job.append(&format!("{place}\n"), 0.0, weak);
    let mut marks = snippet.marks.clone();
    marks.sort_unstable();
    let mut at = 0;
    for (a, b) in marks {
        if a < at || b > snippet.text.len() {
            continue;
        }
        job.append(&snippet.text[at..a], 0.0, plain.clone());
        job.append(&snippet.text[a..b], 0.0, strong.clone());
        at = b;
    }
    job.append(&snippet.text[at..], 0.0, plain);
    job.wrap.max_width = ui.available_width();
    job
}
