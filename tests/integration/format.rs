//! The native format: round trips, atomic saving, and the sample dataset's evidence.

use relmap::io::json;
use relmap::sample::{sample_dataset, SAMPLE_JSON};

use crate::common::data;

#[test]
fn save_load_save_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let original = json::load_file(&data("good/small.relmap.json")).unwrap();
    let first = dir.path().join("first.relmap.json");
    json::save_file(&first, &original).unwrap();
    let reloaded = json::load_file(&first).unwrap();
    assert_eq!(reloaded, original);
    let second = dir.path().join("second.relmap.json");
    json::save_file(&second, &reloaded).unwrap();
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn the_shipped_sample_is_in_saved_form() {
    // Saving the sample reproduces the asset byte for byte, so diffs of it stay readable.
    let bytes = json::to_bytes(&sample_dataset()).unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), SAMPLE_JSON);
}

#[test]
fn every_sample_excerpt_is_verbatim_at_its_offsets() {
    let data = sample_dataset();
    assert!(!data.ties.is_empty());
    let mut checked = 0;
    for tie in &data.ties {
        assert!(!tie.excerpts.is_empty(), "tie '{}' has no excerpt", tie.id);
        for x in &tie.excerpts {
            let source = data.source(&x.source).expect("known source");
            assert_eq!(
                source.text.get(x.start..x.end),
                Some(x.quote.as_str()),
                "tie '{}'",
                tie.id
            );
            checked += 1;
        }
    }
    assert_eq!(checked, data.excerpt_count());
}

#[test]
fn the_sample_source_is_the_seed_article() {
    let data = sample_dataset();
    let text = &data.sources[0].text;
    assert!(text.starts_with("North Korea Says Syria’s Assad Will Visit With Kim\n"));
    assert!(text
        .trim_end()
        .ends_with("“they’ve got other options of one kind or another.”"));
    // Where the seed article is present beside the repo, it must match byte for byte.
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seed/assad-kim-article.txt");
    if let Ok(seed) = std::fs::read_to_string(seed) {
        assert_eq!(text, &seed);
    }
}

#[test]
fn the_sample_is_placed_and_connected() {
    let data = sample_dataset();
    for a in &data.actors {
        let p = a
            .position
            .unwrap_or_else(|| panic!("actor '{}' has no position", a.id));
        assert!(
            data.ties_of(&a.id).next().is_some(),
            "actor '{}' has no tie",
            a.id
        );
        for b in &data.actors {
            if a.id < b.id {
                let q = b.position.unwrap();
                assert!(p.distance(q) > 60.0, "'{}' and '{}' overlap", a.id, b.id);
            }
        }
    }
}

#[test]
fn a_failed_save_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.relmap.json");
    let data = json::load_file(&data("good/small.relmap.json")).unwrap();
    json::save_file(&path, &data).unwrap();
    let before = std::fs::read(&path).unwrap();
    // A folder where the file should be cannot be replaced by a file.
    let blocked = dir.path().join("blocked.relmap.json");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("keep"), b"x").unwrap();
    let err = json::save_file(&blocked, &data).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}: cannot save over a folder; relmap saves only to regular files",
            blocked.display()
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 2, "no temporary file is left behind");
}

#[test]
fn every_tie_kind_is_written_as_the_readme_documents_it_and_read_back() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let documented = readme
        .lines()
        .find(|l| l.starts_with("| tie `kind` |"))
        .expect("the README's table has tie kinds");
    let mut data = sample_dataset();
    for kind in relmap::model::TieKind::ALL {
        let written = serde_json::to_string(&kind).unwrap();
        let name = written.trim_matches('"');
        assert!(
            documented.contains(&format!("`{name}`")),
            "{name} is not in the README"
        );
        assert_eq!(name, kind.label().replace(' ', "_"));
        data.ties[0].kind = kind;
        let bytes = json::to_bytes(&data).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kind.relmap.json");
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(json::load_file(&path).unwrap().ties[0].kind, kind);
    }
}
