//! Selecting text in the article reader by dragging ends on whole words, as in a word processor.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use relmap::app::{Action, SelectionAction};

use crate::common::{app, drag};

#[test]
fn a_drag_over_the_article_selects_whole_words() {
    let mut h = app(None);
    let ctx = h.ctx.clone();
    h.state_mut().act(
        Action::Selection(SelectionAction::ReadInArticle {
            tie: "assad-visit-kim".into(),
            excerpt: 0,
        }),
        &ctx,
    );
    h.run_steps(4);
    let reader = h.get_by(|n| {
        n.role() == Role::MultilineTextInput && n.value().is_some_and(|v| v.contains("TOKYO"))
    });
    // A long row of the text, and two points inside it, between no particular letters.
    let row = reader
        .query_all_by_role(Role::TextRun)
        .map(|n| n.rect())
        .max_by(|a, b| a.width().total_cmp(&b.width()))
        .expect("rows of text");
    let text = reader.value().unwrap_or_default();
    let y = row.center().y;
    let (from, to) = (
        row.min.x + row.width() * 0.23,
        row.min.x + row.width() * 0.71,
    );
    drag(&mut h, egui::pos2(from, y), egui::pos2(to, y));
    let id = relmap::ui::article_reader::reader_text_id();
    let state = egui::TextEdit::load_state(&h.ctx, id).expect("the reader's text box");
    let range = state.cursor.char_range().expect("a selection");
    let (a, b) = (range.primary.index.0, range.secondary.index.0);
    let (start, end) = (a.min(b), a.max(b));
    let chars: Vec<char> = text.chars().collect();
    assert!(end > start + 3, "something was selected: {start}..{end}");
    let word = |c: char| c.is_alphanumeric();
    assert!(
        start == 0 || !word(chars[start - 1]),
        "starts inside a word: {:?}",
        &chars[start.saturating_sub(5)..start + 5]
    );
    assert!(
        end == chars.len() || !word(chars[end]),
        "ends inside a word: {:?}",
        &chars[end - 5..(end + 5).min(chars.len())]
    );
    assert!(word(chars[start]) && word(chars[end - 1]));
}
