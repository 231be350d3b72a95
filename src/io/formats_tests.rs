//! Tests of the format registry: finding formats, the native round trip, progress and stops.

use super::*;

#[test]
fn the_format_is_picked_by_the_longest_extension_and_defaults_to_native() {
    for name in [
        "map.relmap.json",
        "MAP.RELMAP.JSON",
        "export.json",
        "no-extension",
        "x.txt",
    ] {
        assert_eq!(for_path(Path::new(name)).name, native().name, "{name}");
    }
    // A name that is only the extension is not a file of that format.
    assert!(std::ptr::eq(for_path(Path::new(".json")), native()));
}

#[test]
fn the_native_format_round_trips_through_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.relmap.json");
    let data = crate::sample::sample_dataset();
    save(&path, &data, WriteOptions::default()).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        crate::sample::SAMPLE_JSON
    );
    assert_eq!(open(&path).unwrap().data, data);
    // Through the reader over `Read`, as a format other than the native one is read.
    let read = native().read.unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut progress = Progress::none();
    assert_eq!(
        read(&mut bytes.as_slice(), &path, &mut progress)
            .unwrap()
            .data,
        data
    );
}

#[test]
fn reading_reports_its_progress_and_stops_when_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.gexf");
    let format = by_key("gexf").unwrap();
    save(
        &path,
        &crate::sample::sample_dataset(),
        WriteOptions::default(),
    )
    .unwrap();
    let mut reports = Vec::new();
    let loaded = read_with_progress(&path, format, &mut |fraction| {
        reports.push(fraction);
        true
    })
    .unwrap();
    assert_eq!(loaded.data, crate::sample::sample_dataset());
    assert_eq!(reports.last(), Some(&1.0));
    assert!(reports.windows(2).all(|w| w[0] <= w[1]), "{reports:?}");
    let stopped = read_with_progress(&path, format, &mut |_| false).unwrap_err();
    assert!(matches!(stopped, LoadError::Cancelled { .. }), "{stopped}");
}

/// Reads as an import does: Kumu's CSV files through the reader that may ask for a
/// mapping of their columns, any other format through [`read_with_progress`].
fn read_telling(
    path: &Path,
    format: &'static Format,
    report: &mut dyn FnMut(f32) -> bool,
) -> Result<(), LoadError> {
    if format.key == "csv" {
        let read = crate::io::csv::read_for_import(path, &mut Progress::new(report))?;
        assert!(read.is_ok(), "the columns are Kumu's");
        return Ok(());
    }
    read_with_progress(path, format, report).map(drop)
}

/// Each reader that parses in steps tells how far it has got while it parses, not only
/// once the bytes are read, and stops there when asked to.
#[test]
fn parsing_reports_its_progress_and_stops_half_way_when_told() {
    let dir = tempfile::tempdir().unwrap();
    let data = crate::generate::generate(3_000, 9_000, 2);
    for key in ["gexf", "graphml", "ftm", "csv"] {
        let format = by_key(key).unwrap();
        let path = dir.path().join(format!("g.{}", format.extensions[0]));
        save(&path, &data, WriteOptions::default()).unwrap();
        let mut reports = Vec::new();
        let loaded = read_telling(&path, format, &mut |fraction| {
            reports.push(fraction);
            true
        });
        assert!(loaded.is_ok(), "{key}");
        let parsing = reports
            .iter()
            .filter(|f| **f > BYTES_SHARE && **f < 1.0)
            .count();
        assert!(parsing >= 2, "{key}: {reports:?}");
        assert!(
            reports.windows(2).all(|w| w[0] <= w[1]),
            "{key}: {reports:?}"
        );
        let mut last = 0.0;
        let stopped = read_telling(&path, format, &mut |fraction| {
            last = fraction;
            fraction < 0.5
        })
        .unwrap_err();
        assert!(
            matches!(stopped, LoadError::Cancelled { .. }),
            "{key}: {stopped}"
        );
        assert!(last < 0.9, "{key}: stopped at {last}");
    }
}

#[test]
fn dialogs_get_one_filter_per_format() {
    let filters = dialog_filters(true);
    assert_eq!(filters[0], ("relmap dataset", vec!["json"]));
    assert_eq!(filters.len(), FORMATS.len());
    assert!(filters.iter().any(|(_, ext)| ext.contains(&"gexf")));
}

#[test]
fn formats_are_found_by_key_and_extension() {
    for (key, name) in [
        ("gexf", "GEXF"),
        ("GraphML", "GraphML"),
        ("relmap", "relmap dataset"),
    ] {
        assert_eq!(by_key(key).map(|f| f.name), Some(name), "{key}");
    }
    assert!(by_key("docx").is_none());
    assert_eq!(for_path(Path::new("x.GEXF")).key, "gexf");
    assert_eq!(for_path(Path::new("entities.ftm.json")).key, "ftm");
    assert_eq!(for_path(Path::new("map.relmap.json")).key, "relmap");
}

/// Writing in another format tells how far it has got while it makes the bytes, then once
/// they are on disk.
#[test]
fn saving_in_another_format_reports_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let data = crate::generate::generate(3_000, 9_000, 2);
    for key in ["gexf", "graphml", "ftm", "csv"] {
        let format = by_key(key).unwrap();
        let path = dir.path().join(format!("g.{}", format.extensions[0]));
        let mut reports = Vec::new();
        let mut report = |fraction| {
            reports.push(fraction);
            true
        };
        let written = save_as(
            &path,
            format,
            &data,
            WriteOptions::default(),
            &mut Progress::new(&mut report),
        )
        .unwrap();
        assert!(!written.is_empty(), "{key}");
        let making = reports.iter().filter(|f| **f > 0.0 && **f < 0.8).count();
        assert!(making >= 2, "{key}: {reports:?}");
        assert!(
            reports.windows(2).all(|w| w[0] <= w[1]),
            "{key}: {reports:?}"
        );
        assert_eq!(reports.last(), Some(&1.0), "{key}");
    }
}
