//! Saved views (saved in the map, undoable, opened again with their filters and camera) and
//! the measures computed on the task runner (values in the actor panel, actors sized).

use egui_kittest::kittest::Queryable;
use relmap::analysis::Metric;
use relmap::app::explore::ExploreAction;
use relmap::app::{Action, EditAction, Selection, SelectionAction};
use relmap::model::{FilterSpec, Polarity};

use super::common::{app, click_at, palette, wait_until, AppHarness};

fn act(h: &mut AppHarness, action: Action) {
    h.state_mut().push_actions([action]);
    h.run_steps(3);
}

#[test]
fn a_view_is_saved_in_the_map_undoably_and_opens_again() {
    let mut h = app(None);
    let no_hostile = FilterSpec {
        hide_polarities: vec![Polarity::Hostile],
        ..FilterSpec::default()
    };
    act(
        &mut h,
        Action::Explore(ExploreAction::SetFilters(no_hostile.clone())),
    );
    palette(&mut h, "save view");
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert!(
        h.state().state.explore.panel_open,
        "the panel asks for a name"
    );
    h.event(egui::Event::Text("Calm".into()));
    h.run_steps(2);
    h.get_by_label("Save view").click();
    h.run_steps(3);
    let views = &h.state().state.doc.data.views;
    assert_eq!(views.len(), 1);
    assert_eq!(views[0].name, "Calm");
    assert_eq!(views[0].view.filters, no_hostile);
    assert!(views[0].view.camera.is_some(), "with the camera");
    assert!(h.state().state.doc.is_modified());

    act(&mut h, Action::Explore(ExploreAction::ClearAll));
    assert!(h.state().state.visibility.shows_everything());
    h.get_by_label("Calm").click();
    h.run_steps(3);
    assert_eq!(h.state().state.explore.view.filters, no_hostile);
    assert!(!h.state().state.visibility.shows_everything());

    act(&mut h, Action::Edit(EditAction::Undo));
    assert!(
        h.state().state.doc.data.views.is_empty(),
        "saving is undone"
    );
}

#[test]
fn degree_is_computed_in_the_background_shown_in_the_actor_panel_and_sizes_actors() {
    let mut h = app(None);
    palette(&mut h, "measure: degree");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    wait_until(&mut h, |s| s.explore.measures.values.is_some());
    act(
        &mut h,
        Action::Selection(SelectionAction::Select(Selection::Actor("kim".into()))),
    );
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    let degrees: Vec<usize> = data
        .actors
        .iter()
        .map(|a| data.ties_of(&a.id).count())
        .collect();
    let kim = data.actor_place("kim").unwrap();
    let rank = degrees.iter().filter(|d| **d > degrees[kim]).count() + 1;
    let text = format!(
        "degree: {} (rank {rank} of {})",
        degrees[kim],
        data.actors.len()
    );
    assert!(h.query_all_by_value(&text).count() >= 1, "{text}");
    let most = (0..degrees.len()).max_by_key(|&a| degrees[a]).unwrap();
    let scales: Vec<f32> = h
        .state()
        .map()
        .cache
        .actors
        .iter()
        .map(|a| a.scale)
        .collect();
    assert!(
        (scales[most] - 2.0).abs() < 1e-5,
        "the most connected is largest"
    );
    assert!(scales[kim] < scales[most] || degrees[kim] == degrees[most]);
    assert!(scales.iter().all(|s| (0.6..=2.0).contains(s)));
}

#[test]
fn communities_colour_the_actors_and_show_in_the_panel() {
    let mut h = app(None);
    act(
        &mut h,
        Action::Explore(ExploreAction::ColourByCommunity(true)),
    );
    wait_until(&mut h, |s| s.explore.measures.communities.is_some());
    h.run_steps(2);
    let coloured = h
        .state()
        .map()
        .cache
        .actors
        .iter()
        .filter(|a| a.community.is_some())
        .count();
    assert_eq!(coloured, h.state().state.doc.data.actors.len());
    act(
        &mut h,
        Action::Selection(SelectionAction::Select(Selection::Actor("kim".into()))),
    );
    h.get_by_label_contains("Community ");
    h.get_by_label_contains("colours: communities");
}

#[test]
fn play_moves_the_timeline_one_step_at_a_time() {
    let mut h = app(None);
    palette(&mut h, "play timeline");
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    let explore = &h.state().state.explore;
    assert!(explore.playing.is_some() && explore.panel_open);
    let first = explore.view.timeline.clone();
    assert!(first.has_range(), "Play starts from a range: {first:?}");
    std::thread::sleep(relmap::app::explore_time::PLAY_STEP);
    h.run_steps(3);
    let next = h.state().state.explore.view.timeline.clone();
    assert_ne!(next.from, first.from, "one step later");
    assert!(next.from > first.from && next.to > first.to);
    assert_ne!(h.state().state.visibility.hidden_counts(), (0, 0));
    palette(&mut h, "play timeline");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(
        h.state().state.explore.playing.is_none(),
        "the same command pauses"
    );
}

#[test]
fn an_actor_sized_up_by_a_measure_is_hit_over_its_whole_drawn_size() {
    let mut h = app(None);
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    let most = (0..data.actors.len())
        .max_by_key(|&a| data.ties_of(&data.actors[a].id).count())
        .unwrap();
    let radius = relmap::ui::map::shapes::screen_radius(h.state().map().camera.zoom);
    // The usual reach is the radius and three pixels.
    assert!(radius * 1.5 > radius + 3.5, "radius {radius}");
    let centre = h.state().map().actor_screen_pos(most).unwrap();
    // A point one and a half usual radii from its centre: beyond the usual reach, inside its
    // drawn shape once it is twice the usual size, and away from every other actor.
    let others: Vec<egui::Pos2> = (0..data.actors.len())
        .filter(|&a| a != most)
        .filter_map(|a| h.state().map().actor_screen_pos(a))
        .collect();
    let point = (0..16)
        .map(|k| {
            let angle = k as f32 * std::f32::consts::TAU / 16.0;
            centre + egui::vec2(angle.cos(), angle.sin()) * radius * 1.5
        })
        .find(|p| others.iter().all(|o| (*o - *p).length() > radius * 3.0))
        .expect("a side of the actor away from the others");
    assert_eq!(
        h.state().map().actor_at(point),
        None,
        "off it at its usual size"
    );
    act(
        &mut h,
        Action::Explore(ExploreAction::SizeBy(Some(Metric::Degree))),
    );
    wait_until(&mut h, |s| s.explore.measures.values.is_some());
    h.run_steps(2);
    assert!((h.state().map().cache.actors[most].scale - 2.0).abs() < 1e-5);
    assert_eq!(h.state().map().actor_screen_pos(most), Some(centre));
    assert_eq!(h.state().map().actor_at(point), Some(most));
    click_at(&mut h, point);
    h.run_steps(2);
    let id = data.actors[most].id.clone();
    assert_eq!(h.state().state.selection, Selection::Actor(id));
}

#[test]
fn sizes_stay_on_their_actors_over_an_edit_while_they_are_computed_again() {
    let mut h = app(None);
    act(
        &mut h,
        Action::Explore(ExploreAction::SizeBy(Some(Metric::Degree))),
    );
    wait_until(&mut h, |s| s.explore.measures.values.is_some());
    h.run_steps(2);
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    let most = (0..data.actors.len())
        .max_by_key(|&a| data.ties_of(&data.actors[a].id).count())
        .unwrap();
    let most_id = data.actors[most].id.clone();
    // A new actor, without ties, comes first in the list.
    let new_actor = relmap::model::Actor {
        id: "lonely".into(),
        name: "Lonely".into(),
        ..data.actors[0].clone()
    };
    h.state_mut().push_actions([Action::Edit(EditAction::Apply(
        relmap::edit::Edit::InsertActor {
            index: 0,
            actor: new_actor,
        },
    ))]);
    h.run_steps(1);
    assert!(h.state().state.doc.data.actor("lonely").is_some());
    h.run_steps(1);
    let state = &h.state().state;
    let structure = state.doc.structure_generation();
    let (_, computed_for, _) = state.explore.measures.values.as_ref().unwrap();
    assert_ne!(*computed_for, structure, "computed again in the background");
    assert_eq!(
        state.explore.measures.values_at, structure,
        "carried meanwhile"
    );
    let now = state.doc.data.actor_place(&most_id).unwrap();
    assert_eq!(now, most + 1);
    let scales: Vec<f32> = h
        .state()
        .map()
        .cache
        .actors
        .iter()
        .map(|a| a.scale)
        .collect();
    assert!(
        (scales[now] - 2.0).abs() < 1e-5,
        "still the largest: {}",
        scales[now]
    );
    assert!(
        (scales[0] - 0.6).abs() < 1e-5,
        "the new actor is the smallest"
    );
}
