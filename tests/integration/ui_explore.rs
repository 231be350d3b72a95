//! Explore in the real app on the sample: search, the legend's filters, paths with their
//! evidence, the timeline, and "without source X" on a map of two sources.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relmap::app::explore::{CameraTarget, ExploreAction, PathRequest};
use relmap::app::{Action, EditAction, Selection};
use relmap::model::ActorId;
use relmap::model::{Polarity, Source, TimeSpec};

use super::common::{app, click_at, tie_pos, AppHarness};

fn act(h: &mut AppHarness, action: ExploreAction) {
    h.state_mut().push_actions([Action::Explore(action)]);
    h.run_steps(3);
}

#[test]
fn searching_lavrov_and_choosing_him_selects_him_and_moves_the_camera() {
    let mut h = app(None);
    let before = h.state().map().camera;
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    assert!(h.state().state.explore.search_open, "Ctrl+F opens search");
    h.event(egui::Event::Text("Lavrov".into()));
    h.run_steps(2);
    assert!(h.get_all_by_label_contains("Sergey V. Lavrov").count() >= 1);
    assert!(h.get_all_by_label_contains("Quotes").count() >= 1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().state.selection, Selection::Actor("lavrov".into()));
    assert!(!h.state().state.explore.search_open);
    std::thread::sleep(std::time::Duration::from_millis(400));
    h.run_steps(3);
    let after = h.state().map().camera;
    assert_ne!(before, after, "the camera moved to him");
    let lavrov = h.state().state.doc.data.actor_place("lavrov").unwrap();
    let at = h.state().map().actor_screen_pos(lavrov).unwrap();
    let map = h.state().map().rect;
    assert!(
        (at - map.center()).length() < map.width() * 0.2,
        "{at:?} in {map:?}"
    );
}

#[test]
fn a_quote_found_by_search_opens_the_reader_at_it() {
    let mut h = app(None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("western bias".into()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert!(h.state().state.reader.is_some(), "the article opens");
}

#[test]
fn escape_closes_search_and_leaves_the_selection() {
    let mut h = app(None);
    act(&mut h, ExploreAction::ChooseActor(0));
    let selected = h.state().state.selection.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().state.explore.search_open);
    assert_eq!(h.state().state.selection, selected);
}

#[test]
fn with_hostile_ties_filtered_out_no_hostile_tie_can_be_clicked() {
    let mut h = app(None);
    h.get_by_label("hostile").click();
    h.run_steps(3);
    let filters = &h.state().state.explore.view.filters;
    assert_eq!(filters.hide_polarities, [Polarity::Hostile]);
    h.get_by_label_contains("no hostile ties");
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    let hostile: Vec<&str> = data
        .ties
        .iter()
        .filter(|t| t.polarity == Polarity::Hostile)
        .map(|t| t.id.as_str())
        .collect();
    assert!(hostile.len() > 10);
    assert_eq!(
        h.state().state.visibility.hidden_counts(),
        (0, hostile.len())
    );
    for id in hostile {
        let at = tie_pos(&h, id);
        click_at(&mut h, at);
        assert_ne!(h.state().state.selection, Selection::Tie(id.into()), "{id}");
    }
    // One click on the chip puts them back.
    h.get_by_label_contains("no hostile ties").click();
    h.run_steps(3);
    assert!(h.state().state.visibility.shows_everything());
}

#[test]
fn the_path_from_assad_to_trump_lists_its_excerpts() {
    let mut h = app(None);
    act(
        &mut h,
        ExploreAction::FindPaths(PathRequest {
            from: "assad".into(),
            to: "trump".into(),
            max_length: 3,
            count: 3,
            weight: relmap::analysis::PathWeight::Hops,
            only: false,
        }),
    );
    let found = h
        .state()
        .state
        .explore
        .found
        .clone()
        .expect("paths composed");
    assert_eq!(found.paths.len(), 3);
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    // The camera was asked to fit the paths' actors.
    let Some(CameraTarget::Actors(fitted)) = &h.state().state.explore.camera.1 else {
        panic!("the camera fits the paths");
    };
    let mut on_paths: Vec<usize> = found.paths.iter().flat_map(|p| p.actors()).collect();
    on_paths.sort_unstable();
    on_paths.dedup();
    assert_eq!(*fitted, on_paths);
    assert!(fitted.contains(&data.actor_place("assad").unwrap()));
    h.get_by_label_contains("Path 1 · 1 tie");
    for path in &found.paths {
        for step in &path.steps {
            let tie = &data.ties[step.tie];
            let quote = &tie.excerpts[step.excerpt.unwrap()].quote;
            let listed = h.query_all_by_label(&format!("“{quote}”")).count();
            assert!(listed >= 1, "{quote}");
        }
    }
    // The paths are highlighted on the map, the rest dimmed.
    let map = h.state().map();
    for step in found.paths.iter().flat_map(|p| &p.steps) {
        assert!(map.cache.ties[step.tie].is_highlighted());
        assert!(map.cache.actors[step.from].is_highlighted());
    }
    let on_paths: Vec<usize> = found
        .paths
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| s.tie))
        .collect();
    let off = (0..data.ties.len())
        .find(|t| !on_paths.contains(t))
        .unwrap();
    assert!(!map.cache.ties[off].is_highlighted());
    // Read opens the reader at the first step's excerpt.
    h.get_all_by_label("Read").next().unwrap().click();
    h.run_steps(3);
    let reader = h.state().state.reader.clone().expect("the reader opens");
    let first = found.paths[0].steps[0];
    assert_eq!(reader.highlight.unwrap().tie, data.ties[first.tie].id);
}

#[test]
fn a_timeline_that_ends_before_2018_hides_every_tie_dated_in_2018() {
    let mut h = app(None);
    act(
        &mut h,
        ExploreAction::SetTimeline(TimeSpec {
            to: Some("2017-12-31".into()),
            ..TimeSpec::default()
        }),
    );
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    let mask = h.state().state.visibility.clone();
    let mut in_2018 = 0;
    for (t, tie) in data.ties.iter().enumerate() {
        if tie.date.as_deref().is_some_and(|d| d.starts_with("2018")) {
            in_2018 += 1;
            assert!(!mask.tie(t), "{}", tie.id);
        }
    }
    assert_eq!(in_2018, 16);
    assert_eq!(h.state().map().stats.edges, data.ties.len() - in_2018);
    h.get_by_label_contains("dates … to 2017-12-31");
}

#[test]
fn without_a_source_the_ties_resting_only_on_it_are_hidden() {
    let mut data = relmap::sample::sample_dataset();
    let article = data.sources[0].clone();
    data.sources.push(Source {
        id: "wire".into(),
        title: "The wire copy".into(),
        published: Some("2018-06-05".into()),
        ..article
    });
    let first = data.tie_place("kim-hosts-lavrov").unwrap();
    for tie in &mut data.ties[first..first + 4] {
        for x in &mut tie.excerpts {
            x.source = "wire".into();
        }
    }
    data.ties[0].excerpts[0].source = "wire".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.relmap.json");
    relmap::io::json::save_file(&path, &data).unwrap();
    let mut h = app(Some(path));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run_steps(3);
    h.get_by_label_contains("The wire copy").click();
    h.run_steps(3);
    assert_eq!(
        h.state().state.explore.view.filters.without_sources,
        ["wire"]
    );
    let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
    let mask = h.state().state.visibility.clone();
    for (t, tie) in data.ties.iter().enumerate() {
        let only_wire = tie.excerpts.iter().all(|x| x.source == "wire");
        assert_eq!(mask.tie(t), !only_wire, "{}", tie.id);
    }
    assert_eq!(mask.hidden_counts(), (0, 4), "the first tie quotes both");
}

#[test]
fn focus_shows_the_selected_actors_neighbourhood_and_n_leaves_it() {
    let mut h = app(None);
    let bolton = super::common::actor_pos(&h, "bolton");
    click_at(&mut h, bolton);
    h.key_press(Key::N);
    h.run_steps(3);
    let focus = h.state().state.explore.view.focus.clone().expect("focused");
    assert_eq!((focus.actor.as_str(), focus.depth), ("bolton", 1));
    let shown =
        h.state().state.doc.data.actors.len() - h.state().state.visibility.hidden_counts().0;
    assert_eq!(shown, 4, "Bolton with Trump, North Korea and Libya");
    h.key_press(Key::CloseBracket);
    h.run_steps(3);
    assert_eq!(
        h.state().state.explore.view.focus.as_ref().unwrap().depth,
        2
    );
    h.key_press(Key::N);
    h.run_steps(3);
    assert!(h.state().state.visibility.shows_everything());
}

/// The app on a generated map large enough to be indexed in the background, with search just
/// opened (indexing running).
fn large_map_with_search_opened(data: &relmap::model::Dataset) -> (AppHarness, tempfile::TempDir) {
    let (mut h, dir) = super::common::app_on(data);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(1);
    assert!(
        h.state().state.tasks.search_index().is_some(),
        "indexing runs as a task"
    );
    (h, dir)
}

#[test]
fn a_large_map_is_indexed_in_the_background_then_searched() {
    let data = relmap::generate::generate(1_500, 3_500, 2);
    let name = data.actors[700].name.clone();
    let (mut h, _dir) = large_map_with_search_opened(&data);
    super::common::wait_until(&mut h, |s| s.explore.search_index.is_some());
    h.event(egui::Event::Text(name.clone()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
    let selected = h.state().state.selection.clone();
    let Selection::Actor(id) = selected else {
        panic!("an actor is chosen: {selected:?}");
    };
    assert_eq!(h.state().state.doc.data.actor(&id).unwrap().name, name);
}

#[test]
fn an_edit_asked_for_while_the_map_is_indexed_stops_the_indexing_instead_of_waiting_for_it() {
    let data = relmap::generate::generate(6_000, 20_000, 4);
    let gone = data.actors[10].id.clone();
    let (mut h, _dir) = large_map_with_search_opened(&data);
    h.state_mut()
        .push_actions([Action::Edit(EditAction::DeleteActors(vec![ActorId::from(
            &gone,
        )]))]);
    h.run_steps(1);
    // The worker reading the map as it was is told to stop, rather than finish an index that
    // the edit would leave out of date while the edit waits.
    let asked_to_stop = h
        .state()
        .state
        .tasks
        .search_index()
        .is_none_or(|job| job.task.is_cancelled());
    assert!(asked_to_stop, "the indexing gave way to the edit");
    super::common::wait_until(&mut h, |s| s.doc.data.actor(&gone).is_none());
    assert!(h.state().state.explore.search_index.is_none());
    // Indexing starts again for the map as it is now, and ends.
    super::common::wait_until(&mut h, |s| {
        let key = (s.doc.id(), s.doc.structure_generation());
        s.explore
            .search_index
            .as_ref()
            .is_some_and(|(d, g, _)| (*d, *g) == key)
    });
}

#[test]
fn after_choosing_a_search_result_the_focus_key_works_at_once() {
    let mut h = app(None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("Lavrov".into()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().state.selection, Selection::Actor("lavrov".into()));
    // The map has the keyboard back without a click (a click could change the selection).
    h.key_press(Key::N);
    h.run_steps(3);
    let focus = h.state().state.explore.view.focus.as_ref();
    assert_eq!(focus.map(|f| f.actor.as_str()), Some("lavrov"));
}
