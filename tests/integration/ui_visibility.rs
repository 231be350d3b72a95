//! The map's visibility mask, set by hand as the filters to come will set it: hidden actors and
//! ties are not drawn, cannot be clicked or hovered, have no labels, and Fit frames only what is
//! shown. Also "Hide selected" and "Show all", which fill the mask from the selection.

use egui::{Key, Modifiers, Rect};
use egui_kittest::kittest::Queryable;
use relmap::app::visibility::{set_by_hand, Visibility};
use relmap::app::{Action, Selection, SelectionAction, ViewAction};

use super::common::{actor_pos, app, click_at, AppHarness};

fn index_of(h: &AppHarness, id: &str) -> usize {
    let data = &h.state().state.doc.data;
    data.actors.iter().position(|a| a.id == id).unwrap()
}

/// Hides these actors (and so their ties) by hand, and draws a frame.
fn hide_actors(h: &mut AppHarness, ids: &[&str]) {
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    let actors = data
        .actors
        .iter()
        .map(|a| !ids.contains(&a.id.as_str()))
        .collect();
    let mask = Visibility::from_flags(&data, actors, Vec::new());
    set_by_hand(&mut h.state_mut().state, mask);
    h.run_steps(3);
}

#[test]
fn hidden_actors_and_their_ties_are_not_drawn() {
    let mut h = app(None);
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    let drawn = h.state().map().stats;
    assert_eq!(drawn.nodes, data.actors.len(), "the sample fits in view");
    assert_eq!(drawn.edges, data.ties.len());

    hide_actors(&mut h, &["kim", "trump"]);
    let kim_or_trump = |id: &str| id == "kim" || id == "trump";
    let hidden_ties = data
        .ties
        .iter()
        .filter(|t| kim_or_trump(&t.from) || kim_or_trump(&t.to))
        .count();
    assert!(hidden_ties > 3);
    let drawn = h.state().map().stats;
    assert_eq!(drawn.nodes, data.actors.len() - 2);
    assert_eq!(drawn.edges, data.ties.len() - hidden_ties);
    assert_eq!(h.state().state.visibility.hidden_counts(), (2, hidden_ties));
    // The status bar says so, with one click to undo it; a hand-set mask is not the user's
    // own hiding, so only the count shows.
    h.get_by_label_contains("2 actors and");
}

#[test]
fn hidden_actors_cannot_be_clicked_or_hovered_and_have_no_labels() {
    let mut h = app(None);
    let kim = index_of(&h, "kim");
    let at = actor_pos(&h, "kim");
    assert!(
        h.state().map().labelled().contains(&kim),
        "labelled when shown"
    );
    hide_actors(&mut h, &["kim"]);
    h.hover_at(at);
    h.run_steps(2);
    assert_ne!(h.state().map().hovered_actor, Some(kim));
    click_at(&mut h, at);
    assert_ne!(h.state().state.selection, Selection::Actor("kim".into()));
    assert!(!h.state().map().labelled().contains(&kim));

    // Its ties cannot be picked either, nor named when selected from elsewhere.
    let map = h.state().map();
    let data = &h.state().state.doc.data;
    let tie = data
        .ties
        .iter()
        .position(|t| t.from == "kim" || t.to == "kim")
        .unwrap();
    assert!(!map.cache.shown.tie(tie));
    let middle = map.tie_screen_midpoint(tie).unwrap();
    click_at(&mut h, middle);
    let picked = h.state().state.selection.clone();
    let tie_id = h.state().state.doc.data.ties[tie].id.clone();
    assert_ne!(picked, Selection::Tie(tie_id));
}

#[test]
fn fit_frames_only_what_is_shown() {
    let mut h = app(None);
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    // Keep the actors of the left half of the map.
    let positions = h.state().map().cache.positions.clone();
    let mut xs: Vec<f32> = positions.iter().map(|p| p.x).collect();
    xs.sort_by(f32::total_cmp);
    let middle = xs[xs.len() / 2];
    let kept: Vec<usize> = (0..positions.len())
        .filter(|&i| positions[i].x < middle)
        .collect();
    let screen_span = |h: &AppHarness, actors: &[usize]| {
        let map = h.state().map();
        let mut span = Rect::NOTHING;
        for &i in actors {
            span.extend_with(map.actor_screen_pos(i).unwrap());
        }
        span
    };
    let before = screen_span(&h, &kept);
    let hide: Vec<&str> = (0..positions.len())
        .filter(|i| !kept.contains(i))
        .map(|i| data.actors[i].id.as_str())
        .collect();
    hide_actors(&mut h, &hide);
    h.state_mut()
        .push_actions([Action::View(ViewAction::FitView)]);
    h.run_steps(3);
    let after = screen_span(&h, &kept);
    let map = h.state().map();
    assert!(map.rect.contains_rect(after), "{after:?} in {:?}", map.rect);
    // Framed alone, the shown half is larger on screen and centred across the map.
    assert!(
        after.width() > before.width() * 1.15 && after.height() > before.height() * 1.15,
        "{before:?} then {after:?}"
    );
    assert!(
        (after.center().x - map.rect.center().x).abs() < map.rect.width() * 0.1,
        "{after:?} in {:?}",
        map.rect
    );
    // The hidden half no longer fits: some of its places are now off screen.
    let hidden_in_view = (0..positions.len())
        .filter(|i| !kept.contains(i))
        .filter(|&i| map.rect.contains(map.actor_screen_pos(i).unwrap()))
        .count();
    assert!(
        hidden_in_view < hide.len(),
        "{hidden_in_view} of {}",
        hide.len()
    );
}

#[test]
fn hide_selected_and_show_all() {
    let mut h = app(None);
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    h.state_mut()
        .push_actions([Action::Selection(SelectionAction::Select(
            Selection::Actor("kim".into()),
        ))]);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::NONE, Key::H);
    h.run_steps(3);
    let kim = index_of(&h, "kim");
    assert!(!h.state().state.visibility.actor(kim));
    assert_eq!(h.state().state.selection, Selection::None);
    let of_kim = data.ties_of("kim").count();
    h.get_by_label(&format!("1 actor and {of_kim} ties hidden"));
    assert_eq!(h.state().map().stats.nodes, data.actors.len() - 1);

    // A hidden actor stays hidden through edits that move the others around it.
    h.state_mut()
        .push_actions([Action::Edit(relmap::app::EditAction::Apply(
            relmap::edit::Edit::DeleteActors {
                ids: vec!["trump".into()],
            },
        ))]);
    h.run_steps(3);
    let kim = index_of(&h, "kim");
    assert!(
        !h.state().state.visibility.actor(kim),
        "still hidden after an edit"
    );
    h.get_by_label("Show all").click();
    h.run_steps(3);
    assert!(h.state().state.visibility.shows_everything());
    assert!(h.query_by_label_contains("hidden").is_none());
    assert_eq!(h.state().map().stats.nodes, data.actors.len() - 1);
}

#[test]
fn the_force_layout_leaves_hidden_actors_where_they_are() {
    let mut h = app(None);
    let before = relmap::model::Dataset::clone(&h.state().state.doc.data);
    hide_actors(&mut h, &["kim", "trump"]);
    h.get_by_label("Layout").click();
    h.run_steps(2);
    h.get_by_label("Force layout").click();
    h.run_steps(2);
    crate::common::wait_until(&mut h, |s| s.tasks.layout().is_none());
    let after = &h.state().state.doc.data;
    for id in ["kim", "trump"] {
        assert_eq!(
            after.actor(id).unwrap().position,
            before.actor(id).unwrap().position,
            "{id} is hidden and stays"
        );
    }
    let moved = after
        .actors
        .iter()
        .zip(&before.actors)
        .filter(|(a, b)| a.position != b.position)
        .count();
    assert!(
        moved > before.actors.len() / 2,
        "the shown actors were laid out: {moved}"
    );
}
