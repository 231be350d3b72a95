//! Pictures of explore for the documentation, rendered through wgpu (Mesa here) from the real
//! app on the sample: search, filters with their chips, the timeline, a focus, and a path with
//! its evidence chain. Not a check: run on purpose with
//! `cargo test --test integration explore_screenshots -- --ignored`, which writes
//! `docs/explore-*.png`.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use relmap::app::explore::{ExploreAction, PathRequest};
use relmap::app::{Action, AppOptions, RelmapApp, Selection, SelectionAction};
use relmap::model::{FilterSpec, Polarity, TimeSpec};

use super::common::AppHarness;

fn rendered_sample() -> AppHarness {
    let options = AppOptions {
        native_dialogs: false,
        recovery_dir: None,
        ..AppOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .wgpu()
        .build_eframe(move |cc| RelmapApp::new(Some(cc), None, options));
    harness.run_steps(4);
    harness
}

fn save(h: &mut AppHarness, name: &str) {
    // Let the camera's animation end.
    std::thread::sleep(std::time::Duration::from_millis(400));
    h.run_steps(4);
    let image = h.render().expect("the harness renders through wgpu");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/{name}.png"));
    image.save(&path).expect("the picture is written");
}

fn act(h: &mut AppHarness, action: Action) {
    h.state_mut().push_actions([action]);
    h.run_steps(3);
}

#[test]
#[ignore = "writes the documentation's pictures; run on purpose"]
fn explore_screenshots() {
    let mut h = rendered_sample();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("assad visit".into()));
    h.run_steps(3);
    save(&mut h, "explore-search");
    h.key_press(Key::Escape);
    h.run_steps(2);

    let filters = FilterSpec {
        hide_polarities: vec![Polarity::Neutral],
        hide_orphans: true,
        ..FilterSpec::default()
    };
    act(&mut h, Action::Explore(ExploreAction::SetFilters(filters)));
    act(&mut h, Action::Explore(ExploreAction::TogglePanel));
    save(&mut h, "explore-filters");

    act(&mut h, Action::Explore(ExploreAction::ClearAll));
    let timeline = TimeSpec {
        from: Some("2018-05-01".into()),
        to: Some("2018-06-30".into()),
        hide_undated: true,
        ..TimeSpec::default()
    };
    act(
        &mut h,
        Action::Explore(ExploreAction::SetTimeline(timeline)),
    );
    save(&mut h, "explore-timeline");

    act(&mut h, Action::Explore(ExploreAction::ClearAll));
    act(&mut h, Action::Explore(ExploreAction::TogglePanel));
    let kim = Selection::Actor("kim".into());
    act(&mut h, Action::Selection(SelectionAction::Select(kim)));
    act(&mut h, Action::Explore(ExploreAction::FocusSelected));
    save(&mut h, "explore-focus");

    act(&mut h, Action::Explore(ExploreAction::ClearAll));
    act(
        &mut h,
        Action::Selection(SelectionAction::Select(Selection::None)),
    );
    let request = PathRequest {
        from: "syria".into(),
        to: "united-states".into(),
        max_length: 3,
        count: 3,
        weight: relmap::analysis::PathWeight::Excerpts,
        only: false,
    };
    act(&mut h, Action::Explore(ExploreAction::FindPaths(request)));
    save(&mut h, "explore-path");
}
