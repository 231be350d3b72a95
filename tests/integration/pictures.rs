//! Pictures of maps: the SVG parses (usvg), shows every actor, tie and name as the screen
//! does; the PNG rendered from it has the size asked for and the map's colours; citations
//! number the ties and quote every excerpt; snapshots of a small map with fixed positions.

use std::path::Path;
use std::process::Command;

use relmap::model::{
    Actor, ActorKind, Certainty, Dataset, Excerpt, Point, Polarity, Source, Tie, TieKind,
};
use relmap::picture::{self, Options};
use resvg::tiny_skia::Pixmap;
use resvg::usvg;

fn sample() -> Dataset {
    relmap::sample::sample_dataset()
}

#[test]
fn the_svg_parses_and_holds_every_actor_tie_and_name_as_text() {
    let data = sample();
    let svg = picture::to_svg(&data, &Options::default());
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("the SVG parses");
    assert!((tree.size().width() - 1200.0).abs() < 0.01);
    let count = |needle: &str| svg.matches(needle).count();
    assert_eq!(count("<title>"), data.actors.len() + data.ties.len());
    let scene = picture::scene::build(&data, &Options::default());
    assert_eq!(count("<text "), scene.labels.len());
    assert!(scene.labels.len() >= 30, "{} labels", scene.labels.len());
    assert!(svg.contains(">Kim Jong-un</text>"));
    // Arrowheads for the directed ties, dashes for the reported ones.
    assert_eq!(
        count("<polygon points=") - count("fill=\"#cc79a7\"") - count("fill=\"#009e73\""),
        data.ties.iter().filter(|t| t.directed).count()
    );
    assert!(svg.contains("stroke-dasharray=\"9 5\""));
}

fn histogram(png: &[u8]) -> (Pixmap, impl Fn([u8; 3], i32) -> usize + '_) {
    let pixmap = Pixmap::decode_png(png).expect("a PNG");
    let pixels = pixmap.data().to_vec();
    let near = move |c: [u8; 3], tolerance: i32| {
        pixels
            .chunks_exact(4)
            .filter(|p| (0..3).all(|i| (i32::from(p[i]) - i32::from(c[i])).abs() <= tolerance))
            .count()
    };
    (pixmap, near)
}

#[test]
fn the_png_has_the_size_asked_for_and_the_maps_colours() {
    let data = sample();
    let options = Options {
        width: 600.0,
        scale: 2.0,
        ..Options::default()
    };
    let png = picture::to_png(&data, &options).unwrap();
    let scene = picture::scene::build(&data, &options);
    let (pixmap, near) = histogram(&png);
    assert_eq!(pixmap.width(), 1200);
    assert_eq!(pixmap.height(), (scene.height * 2.0).ceil() as u32);
    let total = (pixmap.width() * pixmap.height()) as usize;
    let white = near([255, 255, 255], 8);
    assert!(
        white > total * 6 / 10 && white < total * 97 / 100,
        "{white} of {total} white"
    );
    use relmap::ui::theme::rgb;
    for (what, colour) in [
        ("people", rgb::actor(ActorKind::Person)),
        ("states", rgb::actor(ActorKind::State)),
        ("cooperative ties", rgb::polarity(Polarity::Cooperative)),
        ("hostile ties", rgb::polarity(Polarity::Hostile)),
        ("label text", rgb::LIGHT_TEXT),
    ] {
        let n = near(colour, 12);
        assert!(n > 200 && n < total / 10, "{what}: {n} pixels");
    }
    let dark = picture::to_png(
        &data,
        &Options {
            theme: picture::Theme::Dark,
            ..options
        },
    )
    .unwrap();
    let (_, near) = histogram(&dark);
    assert!(near(rgb::DARK_BACKGROUND, 4) > total * 6 / 10);
}

#[test]
fn citations_number_the_ties_and_quote_every_excerpt_with_its_source() {
    let data = sample();
    let options = Options {
        citations: true,
        ..Options::default()
    };
    let scene = picture::scene::build(&data, &options);
    assert_eq!(scene.citations.len(), data.ties.len());
    assert!(scene.height > scene.map_height + 500.0);
    let notes: String = scene
        .footnotes
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for tie in &data.ties {
        for x in &tie.excerpts {
            let words = x.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(notes.contains(&words), "{words}");
        }
    }
    assert!(notes.contains(
        "North Korea Says Syria’s Assad Will Visit With Kim, The New York Times, 2018-06-03"
    ));
    assert!(
        notes.contains("reported by Korean Central News Agency"),
        "attributions by name"
    );
    let svg = picture::svg::write(&scene);
    assert!(usvg::Tree::from_str(&svg, &usvg::Options::default()).is_ok());
    assert!(svg.contains(">62</text>"));
}

/// Three actors at fixed places, two parallel ties (one reported), a self tie and a pin.
fn small() -> Dataset {
    let actor = |id: &str, kind, x, y| Actor {
        id: id.into(),
        name: id.to_uppercase(),
        kind,
        position: Some(Point::new(x, y)),
        ..Actor::default()
    };
    let text = "A met B. B attacked C.".to_owned();
    let excerpt = |start: usize, end: usize, certainty| Excerpt {
        source: "s".into(),
        quote: text[start..end].into(),
        start,
        end,
        certainty,
        attributed_to: None,
    };
    let tie = |id: &str, from: &str, to: &str, polarity, excerpts| Tie {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        kind: TieKind::Meeting,
        directed: true,
        polarity,
        excerpts,
        ..Tie::default()
    };
    let mut a = actor("anna", ActorKind::Person, 0.0, 0.0);
    a.pinned = true;
    Dataset {
        title: "Small".into(),
        sources: vec![Source {
            id: "s".into(),
            title: "Note".into(),
            outlet: "Desk".into(),
            published: None,
            url: None,
            author: None,
            text: text.clone(),
        }],
        actors: vec![
            a,
            actor("berlin", ActorKind::State, 300.0, 0.0),
            actor("corp", ActorKind::Organization, 150.0, 200.0),
        ],
        ties: vec![
            tie(
                "a-b",
                "anna",
                "berlin",
                Polarity::Cooperative,
                vec![excerpt(0, 8, Some(Certainty::Stated))],
            ),
            tie(
                "a-b-2",
                "anna",
                "berlin",
                Polarity::Neutral,
                vec![excerpt(0, 8, Some(Certainty::Reported))],
            ),
            tie(
                "b-c",
                "berlin",
                "corp",
                Polarity::Hostile,
                vec![excerpt(9, 22, None), excerpt(0, 8, None)],
            ),
            tie("c-c", "corp", "corp", Polarity::Neutral, vec![]),
        ],
        ..Dataset::default()
    }
}

fn snapshot(name: &str, bytes: &[u8], same: impl Fn(&[u8], &[u8]) -> bool) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pictures")
        .join(name);
    if std::env::var_os("RELMAP_UPDATE_PICTURES").is_some() {
        std::fs::write(&path, bytes).unwrap();
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| {
        panic!("tests/data/pictures/{name} is missing: run the test with RELMAP_UPDATE_PICTURES=1 to write it")
    });
    assert!(
        same(&expected, bytes),
        "tests/data/pictures/{name} differs (RELMAP_UPDATE_PICTURES=1 writes the new one)"
    );
}

#[test]
fn snapshots_of_a_small_map_with_fixed_positions() {
    let data = small();
    assert!(relmap::model::validate(&data).is_empty());
    let options = Options {
        width: 400.0,
        citations: true,
        ..Options::default()
    };
    let svg = picture::to_svg(&data, &options);
    snapshot("small.svg", svg.as_bytes(), |a, b| a == b);
    let png = picture::to_png(&data, &options).unwrap();
    snapshot("small.png", &png, |a, b| {
        let (a, b) = (
            Pixmap::decode_png(a).unwrap(),
            Pixmap::decode_png(b).unwrap(),
        );
        if (a.width(), a.height()) != (b.width(), b.height()) {
            return false;
        }
        let differing = a
            .data()
            .chunks_exact(4)
            .zip(b.data().chunks_exact(4))
            .filter(|(p, q)| (0..4).any(|i| (i32::from(p[i]) - i32::from(q[i])).abs() > 40))
            .count();
        differing * 200 < (a.width() * a.height()) as usize
    });
    let dark = picture::to_svg(
        &data,
        &Options {
            theme: picture::Theme::Dark,
            view: Some(picture::View {
                min_x: -50.0,
                min_y: -50.0,
                max_x: 200.0,
                max_y: 100.0,
            }),
            ..options
        },
    );
    snapshot("small-view-dark.svg", dark.as_bytes(), |a, b| a == b);
}

#[test]
fn relmap_render_writes_svg_and_png_and_refuses_other_names() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("s.relmap.json");
    relmap::io::json::save_file(&map, &sample()).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_relmap"))
            .arg("render")
            .arg(&map)
            .args(args)
            .output()
            .unwrap()
    };
    let png = dir.path().join("m.png");
    let out = run(&[
        "-o",
        png.to_str().unwrap(),
        "--width",
        "500",
        "--scale",
        "2",
        "--citations",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        Pixmap::decode_png(&std::fs::read(&png).unwrap())
            .unwrap()
            .width(),
        1000
    );
    let svg = dir.path().join("m.svg");
    assert!(
        run(&["-o", svg.to_str().unwrap(), "--view", "-100,-100,100,100"])
            .status
            .success()
    );
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    let out = run(&["-o", dir.path().join("m.jpg").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("must end in .svg or .png"));
    let out = run(&["-o", svg.to_str().unwrap(), "--width", "5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("must be a number from 100 to 20000"));
}
