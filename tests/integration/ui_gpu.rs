//! The overview drawn by the GPU (wgpu, here through Mesa's software renderer) shows what the
//! egui meshes it replaces show: every actor in its kind's colour where the map puts it, and
//! the ties between them.

use egui::{Color32, Pos2};
use egui_kittest::Harness;
use relmap::app::{AppOptions, RelmapApp};

use super::common::{wait_until, AppHarness};

/// A generated map large enough for the plain drawing, laid out, written to `dir`.
fn big_map(dir: &std::path::Path) -> std::path::PathBuf {
    let mut data = relmap::generate::generate(1_500, 3_000, 5);
    let graph = relmap::layout::LayoutGraph::from_dataset(&data);
    for (a, p) in data.actors.iter_mut().zip(&graph.positions) {
        a.position = Some(relmap::layout::to_point(*p));
    }
    let path = dir.join("big.relmap.json");
    relmap::io::json::save_file(&path, &data).unwrap();
    path
}

fn rendered_app(file: std::path::PathBuf, cpu_overview: bool) -> AppHarness {
    let options = AppOptions {
        native_dialogs: false,
        recovery_dir: None,
        cpu_overview,
        ..AppOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .wgpu()
        .build_eframe(move |cc| RelmapApp::new(Some(cc), Some(file), options));
    harness.run_steps(2);
    wait_until(&mut harness, |s| s.tasks.loading().is_none());
    harness.run_steps(4);
    harness
}

fn close(a: Color32, b: Color32, tolerance: i32) -> bool {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).abs();
    d(a.r(), b.r()) <= tolerance && d(a.g(), b.g()) <= tolerance && d(a.b(), b.b()) <= tolerance
}

/// Renders a frame; returns the colour at a point of the window, if inside it.
fn rendered_pixels(harness: &mut AppHarness) -> impl Fn(Pos2) -> Option<Color32> {
    let image = harness.render().expect("the harness renders through wgpu");
    let ppp = harness.ctx.pixels_per_point();
    move |p: Pos2| {
        let (x, y) = ((p.x * ppp) as u32, (p.y * ppp) as u32);
        (x < image.width() && y < image.height()).then(|| {
            let [r, g, b, a] = image.get_pixel(x, y).0;
            Color32::from_rgba_premultiplied(r, g, b, a)
        })
    }
}

/// The share of actors whose centre pixel has their kind's colour, and of long ties whose
/// middle pixel is not the background.
fn drawn_shares(harness: &mut AppHarness) -> (f64, f64) {
    let pixel = rendered_pixels(harness);
    let app = harness.state();
    let map = app.map();
    let data = &app.state.doc.data;
    assert!(
        !map.stats.detailed_nodes && !map.stats.detailed_edges,
        "the map should be in its plain drawing: {:?}",
        map.stats
    );
    let inside = |p: Pos2| map.rect.shrink(60.0).contains(p);
    let mut actors = (0, 0);
    for (i, actor) in data.actors.iter().enumerate() {
        let Some(p) = map.actor_screen_pos(i).filter(|p| inside(*p)) else {
            continue;
        };
        actors.1 += 1;
        let expected = relmap::ui::theme::actor_color(actor.kind);
        if pixel(p).is_some_and(|c| close(c, expected, 40)) {
            actors.0 += 1;
        }
    }
    let background = pixel(map.rect.min + egui::vec2(3.0, 3.0)).unwrap();
    let mut ties = (0, 0);
    for (ti, ends) in map.cache.tie_ends.iter().enumerate() {
        let Some((a, b)) = *ends else { continue };
        let (Some(pa), Some(pb)) = (
            map.actor_screen_pos(a as usize),
            map.actor_screen_pos(b as usize),
        ) else {
            continue;
        };
        let middle = pa.lerp(pb, 0.5);
        if a == b
            || pa.distance(pb) < 40.0
            || !inside(middle)
            || map.tie_screen_midpoint(ti).is_none()
        {
            continue;
        }
        ties.1 += 1;
        if pixel(middle).is_some_and(|c| !close(c, background, 6)) {
            ties.0 += 1;
        }
    }
    assert!(
        actors.1 > 500 && ties.1 > 200,
        "too few in view: {actors:?} {ties:?}"
    );
    (
        f64::from(actors.0) / f64::from(actors.1),
        f64::from(ties.0) / f64::from(ties.1),
    )
}

#[test]
fn the_gpu_overview_draws_every_actor_and_tie_like_the_meshes_do() {
    let dir = tempfile::tempdir().unwrap();
    let file = big_map(dir.path());
    let mut gpu = rendered_app(file.clone(), false);
    assert!(
        gpu.state().map().gpu.is_some(),
        "the window's wgpu path is in use"
    );
    let (gpu_actors, gpu_ties) = drawn_shares(&mut gpu);
    let mut cpu = rendered_app(file, true);
    assert!(cpu.state().map().gpu.is_none());
    let (cpu_actors, cpu_ties) = drawn_shares(&mut cpu);
    println!("actors drawn: gpu {gpu_actors:.3}, meshes {cpu_actors:.3}; ties: gpu {gpu_ties:.3}, meshes {cpu_ties:.3}");
    // Neighbours and labels cover some centres; nearly all must show.
    assert!(
        gpu_actors > 0.9,
        "GPU overview: {gpu_actors:.3} of actors drawn"
    );
    assert!(gpu_ties > 0.9, "GPU overview: {gpu_ties:.3} of ties drawn");
    assert!(
        (gpu_actors - cpu_actors).abs() < 0.05 && (gpu_ties - cpu_ties).abs() < 0.05,
        "GPU and meshes differ: actors {gpu_actors:.3} / {cpu_actors:.3}, ties {gpu_ties:.3} / {cpu_ties:.3}"
    );
}

/// Of the actors whose centre is well away from any shown actor: the share of the hidden ones,
/// and of the shown ones, whose centre pixel has their kind's colour.
fn masked_shares(harness: &mut AppHarness) -> (f64, f64) {
    let pixel = rendered_pixels(harness);
    let app = harness.state();
    let map = app.map();
    let data = &app.state.doc.data;
    let inside = |p: Pos2| map.rect.shrink(60.0).contains(p);
    let shown: Vec<Pos2> = (0..data.actors.len())
        .filter(|&i| map.cache.shown.actor(i))
        .filter_map(|i| map.actor_screen_pos(i))
        .collect();
    let alone = |p: Pos2| inside(p) && shown.iter().all(|s| s.distance(p) > 10.0 || *s == p);
    let share = |(hit, all): (u32, u32)| f64::from(hit) / f64::from(all.max(1));
    let (mut hidden, mut visible) = ((0, 0), (0, 0));
    for (i, actor) in data.actors.iter().enumerate() {
        let Some(p) = map.actor_screen_pos(i).filter(|p| alone(*p)) else {
            continue;
        };
        let count = if map.cache.shown.actor(i) {
            &mut visible
        } else {
            &mut hidden
        };
        count.1 += 1;
        let expected = relmap::ui::theme::actor_color(actor.kind);
        if pixel(p).is_some_and(|c| close(c, expected, 40)) {
            count.0 += 1;
        }
    }
    assert!(
        hidden.1 > 30 && visible.1 > 100,
        "too few in view: {hidden:?} {visible:?}"
    );
    (share(hidden), share(visible))
}

#[test]
fn hidden_actors_and_ties_are_drawn_by_neither_the_gpu_nor_the_meshes() {
    let dir = tempfile::tempdir().unwrap();
    let file = big_map(dir.path());
    for cpu_overview in [false, true] {
        let mut h = rendered_app(file.clone(), cpu_overview);
        assert_eq!(h.state().map().gpu.is_some(), !cpu_overview);
        // One actor in eight hidden, with its ties, and one tie in three.
        let data = relmap::model::Dataset::clone(&h.state().state.doc.data);
        let actors = (0..data.actors.len()).map(|i| i % 8 != 0).collect();
        let ties = (0..data.ties.len()).map(|i| i % 3 != 0).collect();
        let mask = relmap::app::visibility::Visibility::from_flags(&data, actors, ties);
        let (hidden_actors, hidden_ties) = mask.hidden_counts();
        relmap::app::visibility::set_by_hand(&mut h.state_mut().state, mask);
        h.run_steps(3);
        let map = h.state().map();
        // Still the plain drawing, which the GPU does when it can.
        assert!(
            !map.stats.detailed_nodes && !map.stats.detailed_edges,
            "{:?}",
            map.stats
        );
        let (actors_shown, ties_shown) = (
            data.actors.len() - hidden_actors,
            data.ties.len() - hidden_ties,
        );
        assert!(map.stats.nodes <= actors_shown && map.stats.edges <= ties_shown);
        if let Some(gpu) = &map.gpu {
            assert_eq!(gpu.buffered(), (ties_shown, actors_shown));
        }
        let (hidden, shown) = masked_shares(&mut h);
        println!(
            "gpu {}: hidden actors drawn {hidden:.3}, shown {shown:.3}",
            !cpu_overview
        );
        assert!(hidden < 0.03, "hidden actors drawn: {hidden:.3}");
        assert!(shown > 0.9, "shown actors drawn: {shown:.3}");
    }
}
