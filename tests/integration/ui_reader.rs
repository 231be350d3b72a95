//! UI tests of the article reader: paragraphs shown apart, and an excerpt still scrolled into
//! view.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use relmap::app::Action;
use relmap::app::SelectionAction;

use crate::common::{app, AppHarness};

/// The reader's laid-out rows, top to bottom: (top, bottom, text with its newline, if any).
fn rows(h: &AppHarness) -> Vec<(f32, f32, String)> {
    let reader = h.get_by(|n| {
        n.role() == Role::MultilineTextInput && n.value().is_some_and(|v| v.contains("TOKYO"))
    });
    let mut rows: Vec<(f32, f32, String)> = reader
        .query_all_by_role(Role::TextRun)
        .map(|n| {
            let r = n.rect();
            (r.min.y, r.max.y, n.value().unwrap_or_default())
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows
}

fn read(h: &mut AppHarness, tie: &str) {
    let ctx = h.ctx.clone();
    h.state_mut().act(
        Action::Selection(SelectionAction::ReadInArticle {
            tie: tie.into(),
            excerpt: 0,
        }),
        &ctx,
    );
    h.run_steps(4);
}

#[test]
fn paragraphs_separated_by_single_newlines_are_shown_apart() {
    let mut h = app(None);
    read(&mut h, "terry-csis");
    let rows = rows(&h);
    let next = rows
        .iter()
        .position(|(_, _, text)| text.starts_with("The report, which was not confirmed"))
        .expect("the second paragraph starts a row");
    assert_eq!(rows[next - 1].2, "\n", "a blank row before the paragraph");
    assert!(rows[next - 2].2.ends_with("courts President Trump.\n"));
    // Wrapped rows of one paragraph follow each other without a blank row.
    assert!(!rows[next].2.ends_with('\n'), "the paragraph wraps");
    assert!(rows[next + 1].2 != "\n");
}

#[test]
fn an_excerpt_late_in_the_article_is_scrolled_into_view() {
    let mut h = app(None);
    read(&mut h, "trump-north-korea-smoothed");
    let data = h.state().state.doc.data.clone();
    let x = &data.tie("trump-north-korea-smoothed").unwrap().excerpts[0];
    let text = &data.sources[0].text;
    assert!(x.start > text.len() * 3 / 4, "late in the article");
    assert_eq!(&text[x.start..x.end], x.quote);
    // The row holding the excerpt's first words is in the window.
    let first_words: String = x.quote.chars().take(20).collect();
    let (top, bottom, _) = rows(&h)
        .into_iter()
        .find(|(_, _, row)| row.contains(&first_words))
        .expect("a row with the excerpt");
    assert!(top > 0.0 && bottom < 900.0, "{top}..{bottom}");
}

#[test]
fn the_highlight_stays_on_its_quote_when_an_earlier_excerpt_is_removed_and_put_back() {
    use relmap::app::EditAction;
    use relmap::edit::Edit;
    let mut h = app(None);
    let data = h.state().state.doc.data.clone();
    let tie = data
        .ties
        .iter()
        .find(|t| t.excerpts.len() >= 2 && t.excerpts[0].source == t.excerpts[1].source)
        .expect("the sample has a tie with two excerpts of one source")
        .clone();
    let ctx = h.ctx.clone();
    h.state_mut().act(
        Action::Selection(SelectionAction::ReadInArticle {
            tie: tie.id.as_str().into(),
            excerpt: 1,
        }),
        &ctx,
    );
    h.run_steps(4);
    let quote = tie.excerpts[1].quote.clone();
    let highlighted = |h: &AppHarness| {
        let state = &h.state().state;
        let held = state.reader.as_ref()?.highlight.as_ref()?;
        let (_, index, x) = held.resolve(&state.doc.data)?;
        Some((index, x.quote.clone()))
    };
    assert_eq!(highlighted(&h), Some((1, quote.clone())));
    assert!(h
        .query_by_label_contains("Highlighted: excerpt 2 of")
        .is_some());

    let mut fewer = tie.clone();
    fewer.excerpts.remove(0);
    h.state_mut().act(
        Action::Edit(EditAction::Apply(Edit::UpdateTie { tie: fewer })),
        &ctx,
    );
    h.run_steps(4);
    assert_eq!(highlighted(&h), Some((0, quote.clone())), "the same quote");
    assert!(h
        .query_by_label_contains("Highlighted: excerpt 1 of")
        .is_some());

    h.state_mut().act(Action::Edit(EditAction::Undo), &ctx);
    h.run_steps(4);
    assert_eq!(
        highlighted(&h),
        Some((1, quote)),
        "the same quote after undo"
    );
    assert!(h
        .query_by_label_contains("Highlighted: excerpt 2 of")
        .is_some());
}
