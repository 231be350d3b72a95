//! Keys reach the map only while it has the keyboard: never while a text field has it, nor in
//! the frame in which a text field lets it go, nor after a click that missed a field. A new
//! actor's name field takes the keyboard with its text selected.

use egui::{Event, Key};
use relmap::app::commands::map_focus_id;

use super::common::{app, click_at, empty_spot, press};

#[test]
fn a_name_typed_into_a_new_actor_and_entered_adds_nothing_else() {
    let mut h = app(None);
    let before = h.state().state.doc.data.actors.len();
    let spot = empty_spot(&h);
    click_at(&mut h, spot);
    assert!(
        h.ctx.memory(|m| m.has_focus(map_focus_id())),
        "the map took the keyboard"
    );
    press(&mut h, Key::A, Some("a"));
    h.run_steps(3);
    assert_eq!(h.state().state.doc.data.actors.len(), before + 1);

    // The name field has the keyboard with "New actor" selected: typing replaces it.
    for c in "University of Valmor".chars() {
        h.event(Event::Text(c.to_string()));
    }
    h.run_steps(1);
    // The last letter and Enter in one frame, as a fast typist sends them.
    press(&mut h, Key::A, Some("a"));
    press(&mut h, Key::Enter, None);
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    assert_eq!(data.actors.len(), before + 1, "no second actor");
    assert_eq!(data.actors.last().unwrap().name, "University of Valmora");
    assert_eq!(
        data.actors.last().unwrap().id,
        "university-of-valmora",
        "the id comes from the first name"
    );
    assert_eq!(
        h.state().state.selection,
        relmap::app::Selection::Actor("university-of-valmora".into()),
        "the actor stays selected under its new id"
    );

    // The field let the keyboard go; A does nothing until the map is clicked.
    press(&mut h, Key::A, Some("a"));
    h.run_steps(3);
    assert_eq!(h.state().state.doc.data.actors.len(), before + 1);
    // Beside the new actor (not under the legend, which sits over the map's lower left).
    click_at(&mut h, spot + egui::vec2(40.0, -30.0));
    press(&mut h, Key::A, Some("a"));
    h.run_steps(3);
    assert_eq!(h.state().state.doc.data.actors.len(), before + 2);
}

#[test]
fn typing_after_a_click_that_missed_a_field_changes_nothing() {
    let mut h = app(None);
    let revision = h.state().state.doc.history.undo_label().map(str::to_owned);
    // The selection panel's empty lower part: not a field, not the map.
    let panel = egui::pos2(1300.0, 820.0);
    assert!(!h.state().map().rect.contains(panel));
    click_at(&mut h, panel);
    assert!(!h.ctx.memory(|m| m.has_focus(map_focus_id())));
    let zoom = h.state().map().camera.zoom;
    for c in "a fact, hid".chars() {
        let key = Key::from_name(&c.to_uppercase().to_string());
        match key {
            Some(key) => press(&mut h, key, Some(&c.to_string())),
            None => h.event(Event::Text(c.to_string())),
        }
        h.run_steps(1);
    }
    press(&mut h, Key::Delete, None);
    press(&mut h, Key::Plus, Some("+"));
    h.run_steps(3);
    let state = &h.state().state;
    assert!(!state.doc.is_modified(), "the map was not changed");
    assert_eq!(state.doc.history.undo_label().map(str::to_owned), revision);
    assert!(state.visibility.shows_everything(), "nothing hidden");
    assert_eq!(h.state().map().camera.zoom, zoom, "no zoom");
}

#[test]
fn add_actor_from_the_toolbar_places_the_actor_in_view() {
    let mut h = app(None);
    // Zoomed in on one corner of the map: the middle of the map is far out of view.
    let corner = h.state().map().rect.min + egui::vec2(150.0, 150.0);
    h.hover_at(corner);
    for _ in 0..6 {
        h.state_mut()
            .push_actions([relmap::app::Action::View(relmap::app::ViewAction::ZoomBy(
                1.6,
            ))]);
        h.run_steps(1);
    }
    h.run_steps(2);
    let before = h.state().state.doc.data.actors.len();
    use egui_kittest::kittest::Queryable;
    h.get_by_label("Add actor").click();
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    assert_eq!(data.actors.len(), before + 1);
    let map = h.state().map();
    let at = map.actor_screen_pos(data.actors.len() - 1).unwrap();
    assert!(map.rect.contains(at), "{at:?} in {:?}", map.rect);
    let legend_top = map.rect.max.y - relmap::ui::map::view::LEGEND_HEIGHT;
    assert!(at.y < legend_top, "not under the legend");
}
