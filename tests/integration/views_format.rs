//! Named views in the dataset file: saved and read back whole, read without warnings, and
//! absent from files that have none (which save byte for byte as before).

use std::path::Path;

use relmap::io::json;
use relmap::model::{
    CameraSpec, Direction, FilterSpec, FocusSpec, NamedView, Point, Polarity, TimeSpec, ViewState,
};
use relmap::sample::{sample_dataset, SAMPLE_JSON};

fn a_view() -> NamedView {
    NamedView {
        name: "Before the summit, no hostility".into(),
        view: ViewState {
            filters: FilterSpec {
                hide_polarities: vec![Polarity::Hostile],
                without_sources: vec!["nyt-2018-06-03".into()],
                ..FilterSpec::default()
            },
            timeline: TimeSpec {
                to: Some("2018-06-11".into()),
                known_on: Some("2018-06-03".into()),
                ..TimeSpec::default()
            },
            focus: Some(FocusSpec {
                actor: "kim".into(),
                depth: 2,
                direction: Direction::Both,
            }),
            camera: Some(CameraSpec {
                center: Point::new(12.5, -40.0),
                zoom: 0.8,
            }),
        },
    }
}

#[test]
fn views_are_saved_and_read_back_whole_without_warnings() {
    let mut data = sample_dataset();
    data.views = vec![
        a_view(),
        NamedView {
            name: "Everything".into(),
            view: ViewState::default(),
        },
    ];
    let bytes = json::to_bytes(&data).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains("\"views\": ["),
        "{}",
        &text[text.len() - 800..]
    );
    assert!(text.contains("\"name\": \"Everything\""));
    let loaded = json::load_bytes_with_warnings(Path::new("views.relmap.json"), &bytes).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.data, data);
    assert_eq!(
        json::to_bytes(&loaded.data).unwrap(),
        bytes,
        "saving again gives the same bytes"
    );
}

#[test]
fn a_map_without_views_is_written_exactly_as_before() {
    let data = sample_dataset();
    assert!(data.views.is_empty());
    let text = String::from_utf8(json::to_bytes(&data).unwrap()).unwrap();
    assert!(!text.contains("\"views\""));
    assert_eq!(text, SAMPLE_JSON);
}

#[test]
fn a_view_naming_what_the_map_no_longer_has_still_opens() {
    let mut data = sample_dataset();
    let mut view = a_view();
    view.view.focus = Some(FocusSpec {
        actor: "gone".into(),
        depth: 1,
        direction: Direction::Out,
    });
    view.view.filters.only_sources = vec!["gone-too".into()];
    data.views = vec![view];
    let bytes = json::to_bytes(&data).unwrap();
    let loaded = json::load_bytes(Path::new("views.relmap.json"), &bytes).unwrap();
    assert_eq!(loaded.views.len(), 1);
}
