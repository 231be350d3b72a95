//! The map at scale, headless: a generated 10k-actor map builds, culls to the view, draws with
//! level of detail, and picks the right actor under a point.

use egui::{Pos2, RawInput, Rect, Vec2};
use relmap::app::{AppOptions, AppState, Document};
use relmap::ui::map::MapView;

fn frame(ctx: &egui::Context, map: &mut MapView, state: &AppState) {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1600.0, 1000.0))),
        ..RawInput::default()
    };
    let mut actions = Vec::new();
    map.sync(state);
    ctx.run_ui(input, |ui| map.ui(ui, state, &mut actions))
        .drop_without_applying_deltas();
}

fn generated_map() -> (AppState, relmap::model::Dataset) {
    let mut data = relmap::generate::generate(10_000, 30_000, 11);
    let graph = relmap::layout::LayoutGraph::from_dataset(&data);
    for (a, p) in data.actors.iter_mut().zip(&graph.positions) {
        a.position = Some(relmap::layout::to_point(*p));
    }
    let options = AppOptions {
        native_dialogs: false,
        recovery_dir: None,
        ..AppOptions::default()
    };
    (
        AppState::new(Document::new(data.clone(), None, "10k"), options),
        data,
    )
}

#[test]
fn a_10k_map_builds_culls_and_picks_the_actor_under_a_point() {
    let (mut state, data) = generated_map();
    let ctx = egui::Context::default();
    let mut map = MapView::default();
    frame(&ctx, &mut map, &state);
    frame(&ctx, &mut map, &state);
    assert_eq!(map.cache.positions.len(), 10_000);

    // Overview: everything is in view, drawn as plain meshes.
    assert_eq!(map.stats.nodes, 10_000);
    assert_eq!(map.stats.edges, data.ties.len());
    assert!(!map.stats.detailed_edges && !map.stats.detailed_nodes);

    // Zoomed in: only what is on screen (in detail once few enough are).
    state.view.request_zoom(40.0);
    frame(&ctx, &mut map, &state);
    let rect = map.rect;
    let on_screen = (0..10_000)
        .filter(|&i| rect.contains(map.actor_screen_pos(i).unwrap()))
        .count();
    assert!(on_screen > 0 && on_screen < 2_000, "{on_screen} on screen");
    assert!(
        map.stats.nodes >= on_screen,
        "every actor on screen is drawn"
    );
    assert!(map.stats.nodes < 10_000, "actors off screen are culled");
    assert!(
        map.stats.edges < data.ties.len(),
        "ties off screen are culled"
    );
    let few_edges = map.stats.edges <= relmap::ui::map::draw::DETAIL_EDGES
        && map.stats.edge_length <= relmap::ui::map::draw::DETAIL_EDGE_LENGTH;
    assert_eq!(map.stats.detailed_edges, few_edges, "{:?}", map.stats);
    assert!(map.stats.detailed_nodes, "{:?}", map.stats);

    // Picking: the actor drawn at a point is the one found there.
    let mut checked = 0;
    for i in (0..10_000).step_by(7) {
        let p = map.actor_screen_pos(i).unwrap();
        if !rect.shrink(20.0).contains(p) {
            continue;
        }
        let found = map.actor_at(p).expect("an actor under its own centre");
        let fp = map.actor_screen_pos(found).unwrap();
        assert!((fp - p).length() < 0.01, "picked {found} for {i}");
        checked += 1;
    }
    assert!(checked > 0);
    // A point far from every actor picks nothing.
    assert_eq!(map.actor_at(Pos2::new(-10_000.0, -10_000.0)), None);
}

/// The vertices a frame hands to the renderer.
fn vertices(ctx: &egui::Context, map: &mut MapView, state: &AppState) -> usize {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1600.0, 1000.0))),
        ..RawInput::default()
    };
    let mut actions = Vec::new();
    map.sync(state);
    let mut output = ctx.run_ui(input, |ui| map.ui(ui, state, &mut actions));
    let shapes = std::mem::take(&mut output.shapes);
    let meshes = ctx.tessellate(shapes, output.pixels_per_point);
    output.drop_without_applying_deltas();
    meshes
        .iter()
        .map(|m| match &m.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

#[test]
fn a_selection_of_thousands_of_actors_is_drawn_plain_and_a_small_one_in_detail() {
    let (mut state, data) = generated_map();
    let ctx = egui::Context::default();
    let mut map = MapView::default();
    let ids = |n: usize| data.actors[..n].iter().map(|a| a.id.clone()).collect();
    frame(&ctx, &mut map, &state);
    let plain = vertices(&ctx, &mut map, &state);

    state.selection = relmap::app::Selection::of_actors(ids(20));
    let small = vertices(&ctx, &mut map, &state);
    assert!(
        !map.stats.crowded_ties && !map.stats.crowded_actors,
        "{:?}",
        map.stats
    );
    assert!(small > plain, "a small selection adds detailed shapes");

    state.selection = relmap::app::Selection::of_actors(ids(5_000));
    let large = vertices(&ctx, &mut map, &state);
    assert!(
        map.stats.crowded_ties && map.stats.crowded_actors,
        "{:?}",
        map.stats
    );
    // Each highlighted tie and selected actor costs a few plain vertices, not a detailed shape.
    let bound = plain + 8 * data.ties.len() + 12 * 5_000;
    assert!(
        large < bound,
        "{large} vertices for a 5,000-actor selection (bound {bound})"
    );
}
