//! UI tests of the map and the panels, driving the real app by label and pointer.

use egui_kittest::kittest::Queryable;
use relmap::app::Selection;

use crate::common::{actor_pos, app, click_at, drag, tie_pos};

#[test]
fn selecting_a_tie_shows_its_excerpts_with_their_source() {
    let mut h = app(None);
    let pos = tie_pos(&h, "terry-csis");
    click_at(&mut h, pos);
    assert_eq!(
        h.state().state.selection,
        Selection::Tie("terry-csis".into())
    );
    let data = &h.state().state.doc.data;
    let tie = data.tie("terry-csis").unwrap().clone();
    h.get_by_label("Sue Mi Terry → Center for Strategic and International Studies");
    for x in &tie.excerpts {
        h.get_by_label(&x.quote);
    }
    h.get_by_label_contains("The New York Times, 2018-06-03");
}

#[test]
fn read_in_article_shows_the_whole_article() {
    let mut h = app(None);
    let pos = tie_pos(&h, "terry-csis");
    click_at(&mut h, pos);
    assert!(h
        .query_by_label_contains("TOKYO — President Bashar al-Assad")
        .is_none());
    h.get_all_by_label("Read in article")
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    // The whole text is there, from the first paragraph to the last line.
    let article = crate::common::query_text(
        &h,
        "TOKYO — President Bashar al-Assad of Syria plans to visit",
    )
    .expect("the article text is shown");
    assert!(article.contains("they’ve got other options of one kind or another."));
    let reader = h.state().state.reader.clone().unwrap();
    let data = h.state().state.doc.data.clone();
    let highlighted = reader.highlight.as_ref().and_then(|x| x.resolve(&data));
    assert_eq!(
        highlighted.map(|(tie, index, _)| (tie.id.as_str(), index)),
        Some(("terry-csis", 0))
    );
    h.get_by_label("Close").click();
    h.run_steps(2);
    assert!(h.state().state.reader.is_none());
}

#[test]
fn selecting_an_actor_lists_its_ties_and_each_selects_its_tie() {
    let mut h = app(None);
    let pos = actor_pos(&h, "maxwell");
    click_at(&mut h, pos);
    assert_eq!(
        h.state().state.selection,
        Selection::Actor("maxwell".into())
    );
    let count = h.state().state.doc.data.ties_of("maxwell").count();
    assert!(count >= 3);
    h.get_by_label(&format!("Ties ({count})"));
    h.get_by_label("David Maxwell");
    h.get_by_label_contains("→ Mun Jong-nam").click();
    h.run_steps(3);
    assert_eq!(
        h.state().state.selection,
        Selection::Tie("maxwell-on-mun".into())
    );
}

#[test]
fn clicking_empty_canvas_clears_the_selection() {
    let mut h = app(None);
    let pos = actor_pos(&h, "maxwell");
    click_at(&mut h, pos);
    assert_ne!(h.state().state.selection, Selection::None);
    let map = h.state().map().rect;
    click_at(&mut h, map.left_top() + egui::vec2(5.0, 5.0));
    assert_eq!(h.state().state.selection, Selection::None);
}

#[test]
fn dragging_an_actor_moves_it_and_marks_the_document_modified() {
    let mut h = app(None);
    let before = h
        .state()
        .state
        .doc
        .data
        .actor("maxwell")
        .unwrap()
        .position
        .unwrap();
    assert!(!h.state().state.doc.is_modified());
    let from = actor_pos(&h, "maxwell");
    let to = from + egui::vec2(60.0, 45.0);
    drag(&mut h, from, to);
    let after = h
        .state()
        .state
        .doc
        .data
        .actor("maxwell")
        .unwrap()
        .position
        .unwrap();
    let zoom = h.state().map().camera.zoom;
    assert!(
        (after.x - before.x - 60.0 / f64::from(zoom)).abs() < 2.0,
        "{before:?} → {after:?}"
    );
    assert!(
        (after.y - before.y - 45.0 / f64::from(zoom)).abs() < 2.0,
        "{before:?} → {after:?}"
    );
    assert!(h.state().state.doc.is_modified());
    assert!(h.state().state.window_title().starts_with("● "));
    // The actor is drawn where it was dropped, and one undo puts it back.
    assert!((actor_pos(&h, "maxwell") - to).length() < 2.0);
    h.state_mut().state.doc.undo().unwrap();
    h.run_steps(2);
    assert_eq!(
        h.state().state.doc.data.actor("maxwell").unwrap().position,
        Some(before)
    );
    assert!(!h.state().state.doc.is_modified());
}

#[test]
fn the_map_cache_is_brought_up_to_date_once_a_frame() {
    let mut h = app(None);
    let syncs = h.state().map().syncs();
    let passes = h.ctx.cumulative_pass_nr();
    h.run_steps(5);
    let passes = h.ctx.cumulative_pass_nr() - passes;
    assert!(passes >= 5);
    assert_eq!(h.state().map().syncs() - syncs, passes);
}
