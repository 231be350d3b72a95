//! One full UI frame of the map without a GPU: the egui pass plus tessellation, at 1k and 10k
//! actors (3 ties each), at overview zoom and zoomed in; beside the same geometry drawn by
//! egui_graphs' stock `GraphView` as the baseline. Also the CPU half of the window's frame when
//! wgpu draws the overview (`ours_gpu`: the overview's vertex data is written once, then each
//! frame records only paint callbacks), at 10k and 100k ties, and at 100k ties with 10,000
//! actors selected.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use egui::{Pos2, RawInput, Rect, Vec2};
use relmap::app::{AppOptions, AppState, Document};
use relmap::ui::map::MapView;

const SIZE: Vec2 = Vec2::new(1920.0, 1080.0);

fn raw_input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
        ..RawInput::default()
    }
}

fn laid_out(actors: usize) -> relmap::model::Dataset {
    let mut data = relmap::generate::generate(actors, actors * 3, 1);
    let graph = relmap::layout::LayoutGraph::from_dataset(&data);
    let mut layout = relmap::layout::ForceLayout::new(graph, relmap::layout::Settings::default());
    layout.run(60);
    for (a, p) in data.actors.iter_mut().zip(layout.positions()) {
        a.position = Some(relmap::layout::to_point(*p));
    }
    data
}

/// Our map: the first frame fits the view; `zoom` then zooms in around the centre. The first
/// `selected` actors are selected (a box around part of the map).
fn ours(c: &mut Criterion, actors: usize, zoom: f32, name: &str, gpu: bool, selected: usize) {
    let data = laid_out(actors);
    let chosen: Vec<String> = data.actors[..selected]
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let options = AppOptions {
        native_dialogs: false,
        recovery_dir: None,
        ..AppOptions::default()
    };
    let mut state = AppState::new(Document::new(data, None, "bench"), options);
    state.selection = relmap::app::Selection::of_actors(chosen);
    let ctx = egui::Context::default();
    let mut map = MapView::default();
    if gpu {
        map.gpu = Some(relmap::ui::map::gpu::GpuOverview::without_device());
    }
    let mut actions = Vec::new();
    let mut frame = |state: &AppState, map: &mut MapView| {
        map.sync(state);
        let mut output = ctx.run_ui(raw_input(), |ui| map.ui(ui, state, &mut actions));
        let shapes = std::mem::take(&mut output.shapes);
        let meshes = ctx.tessellate(shapes, output.pixels_per_point);
        // No GPU here: the font texture updates are measured but not uploaded.
        output.drop_without_applying_deltas();
        actions.clear();
        meshes.len()
    };
    frame(&state, &mut map);
    if zoom != 1.0 {
        state.view.request_zoom(zoom);
    }
    frame(&state, &mut map);
    c.bench_with_input(BenchmarkId::new(name, actors), &actors, |b, _| {
        b.iter(|| frame(&state, &mut map))
    });
}

type StockGraph = egui_graphs::Graph<(), (), petgraph::Directed>;

/// The same geometry through egui_graphs' `GraphView` with its default shapes and settings.
fn stock(c: &mut Criterion, actors: usize, zoom: f32, name: &str) {
    let data = laid_out(actors);
    let mut stable = petgraph::stable_graph::StableGraph::<(), ()>::new();
    let index: std::collections::HashMap<&str, _> = data
        .actors
        .iter()
        .map(|a| (a.id.as_str(), stable.add_node(())))
        .collect();
    for t in &data.ties {
        stable.add_edge(index[t.from.as_str()], index[t.to.as_str()], ());
    }
    let mut graph: StockGraph = egui_graphs::Graph::from(&stable);
    for (a, (_, n)) in data.actors.iter().zip(stable.node_indices().enumerate()) {
        let p = a.position.unwrap_or_default();
        if let Some(node) = graph.node_mut(n) {
            node.set_location(Pos2::new(p.x as f32, p.y as f32));
        }
    }
    let ctx = egui::Context::default();
    let navigation = egui_graphs::SettingsNavigation::new()
        .with_fit_to_screen_enabled(zoom == 1.0)
        .with_zoom_and_pan_enabled(true);
    let frame = |graph: &mut StockGraph| {
        let mut output = ctx.run_ui(raw_input(), |ui| {
            egui_graphs::GraphView::<egui_graphs::LayoutStateRandom, NoLayout>::new()
                .with_navigations(&navigation)
                .show(ui, graph);
        });
        let shapes = std::mem::take(&mut output.shapes);
        let meshes = ctx.tessellate(shapes, output.pixels_per_point);
        output.drop_without_applying_deltas();
        meshes.len()
    };
    frame(&mut graph);
    if zoom != 1.0 {
        // Zoom in around the centre the way the stock view keeps it: in its metadata.
        ctx.run_ui(raw_input(), |ui| {
            let mut meta = egui_graphs::MetadataFrame::new(None).load(ui);
            let center = SIZE * 0.5;
            let anchor = (center - meta.pan) / meta.zoom;
            meta.zoom *= zoom;
            meta.pan = center - anchor * meta.zoom;
            meta.save(ui);
        })
        .drop_without_applying_deltas();
    }
    c.bench_with_input(BenchmarkId::new(name, actors), &actors, |b, _| {
        b.iter(|| frame(&mut graph))
    });
}

/// A layout that leaves the positions as they are.
#[derive(Default)]
struct NoLayout;
impl egui_graphs::Layout<egui_graphs::LayoutStateRandom> for NoLayout {
    fn from_state(
        _: egui_graphs::LayoutStateRandom,
    ) -> impl egui_graphs::Layout<egui_graphs::LayoutStateRandom> {
        NoLayout
    }
    fn next<N, E, Ty, Ix, Dn, De>(
        &mut self,
        _: &mut egui_graphs::Graph<N, E, Ty, Ix, Dn, De>,
        _: &egui::Ui,
    ) where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: petgraph::graph::IndexType,
        Dn: egui_graphs::DisplayNode<N, E, Ty, Ix>,
        De: egui_graphs::DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }
    fn state(&self) -> egui_graphs::LayoutStateRandom {
        egui_graphs::LayoutStateRandom::default()
    }
}

fn frames(c: &mut Criterion) {
    for actors in [10_000, 34_000] {
        ours(c, actors, 1.0, "frame/ours_gpu/overview", true, 0);
    }
    ours(
        c,
        34_000,
        1.0,
        "frame/ours_gpu/overview_10k_selected",
        true,
        10_000,
    );
    for actors in [1_000, 10_000] {
        ours(c, actors, 1.0, "frame/ours/overview", false, 0);
        ours(c, actors, 8.0, "frame/ours/zoomed", false, 0);
        stock(c, actors, 1.0, "frame/egui_graphs/overview");
        stock(c, actors, 8.0, "frame/egui_graphs/zoomed");
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = frames
}
criterion_main!(benches);
