//! The article reader: a source's full text with one excerpt highlighted and scrolled into view,
//! and the quotes of the ties that wait for review marked more faintly.
//! Text can be selected and cited as evidence for a tie, or used to start a new tie.

use crate::app::{EditAction, SelectionAction, ViewAction};
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, FontId, Id, RichText, Ui};

use super::reader_text::{marked_stretches, Mark, ReaderText};
use super::theme;
use crate::app::state::ReaderState;
use crate::app::{Action, Selection, Window};
use crate::model::{Dataset, ExcerptRef, Source, SourceId};

/// The id of the reader's text, whose selection is the text to cite.
pub fn reader_text_id() -> Id {
    Id::new("article-reader-text")
}

/// The selected bytes of the source text, if any (from the last frame).
pub fn selected_bytes(ctx: &egui::Context, text: &ReaderText) -> Option<(usize, usize)> {
    let state = egui::TextEdit::load_state(ctx, reader_text_id())?;
    let range = state.cursor.char_range()?.as_sorted_char_range();
    let byte = |chars: usize| text.source_byte(text.shown_byte_of_char(chars));
    let (start, end) = (byte(range.start.0), byte(range.end.0));
    (start < end).then_some((start, end))
}

/// Byte ranges of a source's text.
type Quotes = Arc<Vec<(usize, usize)>>;

/// The places in a source of the quotes of ties that wait for review, merged where they
/// overlap; kept in egui's memory until the document changes.
pub fn candidate_quotes(
    ctx: &egui::Context,
    data: &Dataset,
    generation: u64,
    source: &SourceId,
) -> Quotes {
    let key = Id::new(("reader-candidate-quotes", source.as_str()));
    let cached: Option<(u64, Quotes)> = ctx.data(|d| d.get_temp(key));
    if let Some((_, quotes)) = cached.filter(|(made_for, _)| *made_for == generation) {
        return quotes;
    }
    let mut quotes: Vec<(usize, usize)> = data
        .ties
        .iter()
        .filter(|t| !t.status.is_accepted())
        .flat_map(|t| &t.excerpts)
        .filter(|x| x.source == source.as_str())
        .map(|x| (x.start, x.end))
        .collect();
    quotes.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(quotes.len());
    for (s, e) in quotes {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let quotes = Arc::new(merged);
    ctx.data_mut(|d| d.insert_temp(key, (generation, Arc::clone(&quotes))));
    quotes
}

/// The reader. `candidate_quotes` are the places of the quotes waiting for review in this
/// source (see [`candidate_quotes`]), marked in a second, fainter colour.
pub fn article_reader_ui(
    ui: &mut Ui,
    data: &Dataset,
    reader: &ReaderState,
    selection: &Selection,
    candidate_quotes: &[(usize, usize)],
    actions: &mut Vec<Action>,
) {
    let Some(source) = data.source(&reader.source) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.heading("Article");
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Close the article reader")
                .clicked()
            {
                actions.push(Action::Selection(SelectionAction::CloseReader));
            }
        });
    });
    source_header_ui(ui, source);
    // Found again by its quote's place in the source, wherever it now is among the tie's.
    let highlight = reader.highlight.as_ref().and_then(|held| {
        let (tie, index, x) = held.resolve(data)?;
        source.text.get(x.start..x.end)?;
        Some((tie, index, x.start, x.end))
    });
    if let Some((tie, index, _, _)) = highlight {
        ui.label(
            RichText::new(format!(
                "Highlighted: excerpt {} of “{}”",
                index + 1,
                super::tie_panel::tie_heading(data, tie)
            ))
            .small(),
        );
    }
    // Paragraphs are shown apart; offsets are mapped to and from the source text.
    let shown = ReaderText::new(&source.text);
    cite_bar_ui(ui, data, source, &shown, selection, actions);
    ui.separator();

    let highlight_bytes = highlight.map(|(_, _, s, e)| shown.shown_range(s, e));
    let candidate_bytes: Vec<(usize, usize)> = candidate_quotes
        .iter()
        .map(|&(s, e)| shown.shown_range(s, e))
        .collect();
    let font = FontId::proportional(theme::QUOTE_SIZE);
    let text_color = ui.visuals().text_color();
    let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let text = buffer.as_str();
        let normal = TextFormat {
            font_id: font.clone(),
            color: text_color,
            ..Default::default()
        };
        let mut job = LayoutJob::default();
        job.wrap.max_width = wrap_width;
        let mut stretches = marked_stretches(text.len(), highlight_bytes, &candidate_bytes);
        if stretches.iter().any(|&(s, e, _)| text.get(s..e).is_none()) {
            // A quote that does not fall on characters (a text changed under it): plain text.
            stretches = vec![(0, text.len(), Mark::Plain)];
        }
        for (s, e, mark) in stretches {
            let part = text.get(s..e).unwrap_or_default();
            let format = match mark {
                Mark::Plain => normal.clone(),
                Mark::Candidate => TextFormat {
                    background: theme::CANDIDATE_QUOTE_BACKGROUND,
                    ..normal.clone()
                },
                Mark::Highlight => TextFormat {
                    color: theme::HIGHLIGHT_TEXT,
                    background: theme::HIGHLIGHT_BACKGROUND,
                    ..normal.clone()
                },
            };
            job.append(part, 0.0, format);
        }
        ui.fonts_mut(|f| f.layout_job(job))
    };

    let scroll_key = ui.id().with("reader-scrolled");
    let wanted = (reader.source.clone(), reader.highlight.clone());
    let already = ui.data(|d| d.get_temp::<(SourceId, Option<ExcerptRef>)>(scroll_key))
        == Some(wanted.clone());
    egui::ScrollArea::vertical()
        .id_salt("article-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut text = shown.shown.as_str();
            let output = egui::TextEdit::multiline(&mut text)
                .id(reader_text_id())
                .frame(egui::Frame::NONE)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter)
                .show(ui);
            if output.response.drag_stopped() {
                snap_selection_to_words(ui.ctx(), output.state.clone(), &shown.shown);
            }
            if !already {
                if let Some((start, _)) = highlight_bytes {
                    scroll_to_byte(ui, &output.galley, output.galley_pos, &shown.shown, start);
                }
                ui.data_mut(|d| d.insert_temp(scroll_key, wanted));
            }
        });
}

/// Widens the text box's selection to whole words once a drag ends.
fn snap_selection_to_words(
    ctx: &egui::Context,
    mut state: egui::text_edit::TextEditState,
    text: &str,
) {
    use egui::text::{CCursor, CCursorRange};
    let Some(range) = state.cursor.char_range() else {
        return;
    };
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = (range.primary.index.0, range.secondary.index.0);
    let (start, end) = super::reader_text::snap_to_words(&chars, a.min(b), a.max(b));
    let snapped = if a < b {
        CCursorRange::two(CCursor::new(end), CCursor::new(start))
    } else {
        CCursorRange::two(CCursor::new(start), CCursor::new(end))
    };
    state.cursor.set_char_range(Some(snapped));
    state.store(ctx, reader_text_id());
}

fn source_header_ui(ui: &mut Ui, source: &Source) {
    ui.label(RichText::new(&source.title).strong().size(16.0));
    let mut meta = source.outlet.clone();
    if let Some(d) = &source.published {
        meta.push_str(&format!(", {d}"));
    }
    if let Some(a) = &source.author {
        meta.push_str(&format!(" · {a}"));
    }
    ui.label(RichText::new(meta).weak());
    if let Some(url) = &source.url {
        ui.hyperlink(url);
    }
}

/// Buttons that turn the selected text into evidence.
fn cite_bar_ui(
    ui: &mut Ui,
    data: &Dataset,
    source: &Source,
    shown: &ReaderText,
    selection: &Selection,
    actions: &mut Vec<Action>,
) {
    let selected = selected_bytes(ui.ctx(), shown);
    ui.horizontal_wrapped(|ui| {
        let tie = match selection {
            Selection::Tie(id) => data.tie(id),
            _ => None,
        };
        let cite_label = match tie {
            Some(t) => format!("Cite for tie “{}”", super::tie_panel::tie_heading(data, t)),
            None => "Cite for tie…".to_owned(),
        };
        let cite = ui
            .add_enabled(
                selected.is_some() && tie.is_some(),
                egui::Button::new(cite_label),
            )
            .on_hover_text("Add the selected text as an excerpt of the selected tie")
            .on_disabled_hover_text("Select a tie on the map and some text here");
        if let (true, Some((start, end)), Some(t)) = (cite.clicked(), selected, tie) {
            actions.push(Action::Edit(EditAction::Cite {
                tie: t.id.as_str().into(),
                source: source.id.as_str().into(),
                start,
                end,
            }));
        }
        let new_tie = ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new("New tie from selection…"),
            )
            .on_hover_text("Create a tie between two actors with the selected text as evidence")
            .on_disabled_hover_text("Select some text of the article first");
        if let (true, Some((start, end))) = (new_tie.clicked(), selected) {
            actions.push(Action::View(ViewAction::OpenWindow(
                Window::NewTieFromSelection {
                    source: source.id.as_str().into(),
                    start,
                    end,
                },
            )));
        }
    });
}

fn scroll_to_byte(
    ui: &Ui,
    galley: &Arc<egui::Galley>,
    origin: egui::Pos2,
    text: &str,
    byte: usize,
) {
    let chars_before = text.get(..byte).map_or(0, |t| t.chars().count());
    let cursor_rect = galley.pos_from_cursor(CCursor::new(chars_before));
    let target = cursor_rect.translate(origin.to_vec2());
    ui.scroll_to_rect(target.expand2(egui::vec2(0.0, 60.0)), Some(Align::Center));
}
