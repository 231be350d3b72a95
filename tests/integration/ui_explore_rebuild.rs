//! Explore on generated maps larger than the sample: the graph rebuilt on the task runner after
//! an edit (the filtered map stays as it was, carried to the new places, until the new graph
//! arrives), the timeline's histogram counted once, and every one of hundreds of sources
//! reachable in the filters.

use egui_kittest::kittest::Queryable;
use relmap::app::explore::ExploreAction;
use relmap::app::{Action, AppState, EditAction};
use relmap::model::{ActorId, Dataset, FilterSpec, Polarity};

use super::common::{wait_until, AppHarness};

/// The ids of the ties the map hides.
fn hidden_ties(state: &AppState) -> Vec<String> {
    let data = &state.doc.data;
    (0..data.ties.len())
        .filter(|&t| !state.visibility.tie(t))
        .map(|t| data.ties[t].id.clone())
        .collect()
}

/// The ids of the hostile ties of a dataset.
fn hostile_ties(data: &Dataset) -> Vec<String> {
    data.ties
        .iter()
        .filter(|t| t.polarity == Polarity::Hostile)
        .map(|t| t.id.clone())
        .collect()
}

fn graph_is_current(state: &AppState) -> bool {
    state
        .explore
        .graph_for(state.doc.id(), state.doc.structure_generation())
        .is_some()
}

/// A generated map of 4,000 ties, opened, with hostile ties filtered out.
fn large_map_filtered() -> (AppHarness, tempfile::TempDir) {
    let data = relmap::generate::generate(1_500, 4_000, 3);
    let (mut h, dir) = super::common::app_on(&data);
    let filters = FilterSpec {
        hide_polarities: vec![Polarity::Hostile],
        ..FilterSpec::default()
    };
    h.state_mut()
        .push_actions([Action::Explore(ExploreAction::SetFilters(filters))]);
    h.run_steps(1);
    wait_until(&mut h, |s| {
        graph_is_current(s) && !s.visibility.shows_everything()
    });
    (h, dir)
}

#[test]
fn an_edit_under_a_filter_rebuilds_the_graph_on_the_runner_and_keeps_the_map_filtered() {
    let (mut h, _dir) = large_map_filtered();
    let before = hidden_ties(&h.state().state);
    assert_eq!(before, hostile_ties(&h.state().state.doc.data));
    // Delete an actor with ties, some hostile.
    let data = Dataset::clone(&h.state().state.doc.data);
    let gone = data
        .actors
        .iter()
        .find(|a| {
            let ties: Vec<_> = data.ties_of(&a.id).collect();
            ties.len() > 3 && ties.iter().any(|t| t.polarity == Polarity::Hostile)
        })
        .unwrap()
        .id
        .clone();
    h.state_mut()
        .push_actions([Action::Edit(EditAction::DeleteActors(vec![ActorId::from(
            &gone,
        )]))]);
    h.run_steps(1);
    assert!(
        h.state().state.doc.data.actor(&gone).is_none(),
        "the edit applied at once"
    );
    h.run_steps(1);
    let state = &h.state().state;
    // The frame after the edit: the new graph is on its way, the old one still serves.
    let key = (state.doc.id(), state.doc.structure_generation());
    assert!(
        state.tasks.map_graph().is_some_and(|job| job.key == key),
        "the graph is rebuilt as a task"
    );
    assert!(
        !graph_is_current(state),
        "not rebuilt on the window's thread"
    );
    let (old_structure, _) = state.explore.latest_graph(key.0).unwrap();
    assert_ne!(old_structure, key.1);
    // Meanwhile the map stays filtered: every hostile tie left is still hidden.
    let expected = hostile_ties(&state.doc.data);
    assert!(expected.len() < before.len());
    assert_eq!(hidden_ties(state), expected);
    // Then the new graph arrives and the filters run on it.
    wait_until(&mut h, graph_is_current);
    let state = &h.state().state;
    assert!(state.tasks.map_graph().is_none());
    assert_eq!(hidden_ties(state), hostile_ties(&state.doc.data));
    assert_eq!(state.explore.found_at, state.doc.structure_generation());
}

#[test]
fn the_timeline_histogram_is_counted_once_not_every_frame() {
    let (mut h, _dir) = large_map_filtered();
    h.state_mut()
        .push_actions([Action::Explore(ExploreAction::TogglePanel)]);
    h.run_steps(3);
    h.get_by_label_contains("ties without a date");
    let counted = |h: &AppHarness| h.state().state.explore.histogram.as_ref().unwrap().count();
    let serial = h.state().state.explore.found_serial;
    let first = relmap::app::explore_time::histogram(&h.state().state)
        .unwrap()
        .clone();
    let at = counted(&h);
    h.run_steps(5);
    assert_eq!(h.state().state.explore.found_serial, serial);
    assert_eq!(counted(&h), at);
    // A timeline range leaves what the filters leave, and so the histogram, as it was.
    let mut timeline = h.state().state.explore.view.timeline.clone();
    timeline.from = Some("2019-01-01".into());
    h.state_mut()
        .push_actions([Action::Explore(ExploreAction::SetTimeline(timeline))]);
    h.run_steps(2);
    assert_ne!(h.state().state.explore.found_serial, serial);
    assert_eq!(counted(&h), at, "not counted again");
    let same = relmap::app::explore_time::histogram(&h.state().state).unwrap();
    assert_eq!(*same, first);
    // Filtering out cooperative ties too counts it again, with fewer ties.
    let filters = FilterSpec {
        hide_polarities: vec![Polarity::Hostile, Polarity::Cooperative],
        ..FilterSpec::default()
    };
    h.state_mut()
        .push_actions([Action::Explore(ExploreAction::SetFilters(filters))]);
    h.run_steps(2);
    assert_ne!(counted(&h), at, "counted again");
    let fewer = relmap::app::explore_time::histogram(&h.state().state).unwrap();
    let total = |h: &relmap::analysis::timeline::Histogram| -> usize {
        h.bins.iter().map(|b| b.count).sum()
    };
    assert!(
        total(fewer) < total(&first),
        "{} < {}",
        total(fewer),
        total(&first)
    );
}

#[test]
fn an_edit_asked_for_while_the_graph_is_built_stops_the_build_instead_of_waiting_for_it() {
    let data = relmap::generate::generate(6_000, 20_000, 4);
    let gone = data.actors[10].id.clone();
    let (mut h, _dir) = super::common::app_on(&data);
    h.state_mut()
        .push_actions([Action::Explore(ExploreAction::TogglePanel)]);
    h.run_steps(2);
    assert!(
        h.state().state.tasks.map_graph().is_some(),
        "the graph is built as a task"
    );
    h.state_mut()
        .push_actions([Action::Edit(EditAction::DeleteActors(vec![ActorId::from(
            &gone,
        )]))]);
    h.run_steps(1);
    // The worker reading the map as it was is told to stop rather than finish a graph the
    // edit would leave out of date while the edit waits.
    let asked_to_stop = h
        .state()
        .state
        .tasks
        .map_graph()
        .is_none_or(|job| job.task.is_cancelled());
    assert!(asked_to_stop, "the build gave way to the edit");
    wait_until(&mut h, |s| s.doc.data.actor(&gone).is_none());
    // The graph is built again for the map as it is now.
    wait_until(&mut h, graph_is_current);
    assert_eq!(
        h.state()
            .state
            .explore
            .latest_graph(h.state().state.doc.id())
            .unwrap()
            .1
            .actor_count(),
        data.actors.len() - 1
    );
}

#[test]
fn any_of_hundreds_of_sources_can_be_found_and_left_out() {
    let data = relmap::generate::generate(1_000, 15_000, 5);
    assert!(data.sources.len() > 250);
    let far = data.sources[250].clone();
    let (mut h, _dir) = super::common::app_on(&data);
    h.state_mut()
        .push_actions([Action::Explore(ExploreAction::TogglePanel)]);
    h.run_steps(2);
    h.get_by_label(&format!("Sources ({})", data.sources.len()))
        .click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .click();
    h.run_steps(1);
    h.event(egui::Event::Text(far.title.clone()));
    h.run_steps(2);
    let label = format!("{} ({})", far.title, far.published.as_deref().unwrap());
    h.get_by_label(&label).click();
    h.run_steps(3);
    let filters = &h.state().state.explore.view.filters;
    assert_eq!(filters.without_sources, std::slice::from_ref(&far.id));
    h.get_by_label(&format!("Sources ({}, 1 set)", data.sources.len()));
}
