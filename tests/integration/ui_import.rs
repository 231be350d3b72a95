//! UI tests of File → Import…, Export… and Export picture…, driven by labels: Replace and
//! Merge (one Undo takes a merge back), a bad file, a CSV file whose columns are mapped by
//! hand, a dropped file, an export that reads back equal, and a PNG of the size chosen.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relmap::sample::sample_dataset;

use crate::common::{app, click_at, data, file_menu, submit_path, wait_until, AppHarness};

/// Imports `path` through File → Import… and the path field, and waits until it is read.
fn import(h: &mut AppHarness, path: &std::path::Path) {
    file_menu(h, "Import…");
    h.get_by_label("Import a map");
    submit_path(h, path, "Import");
    wait_until(h, |s| s.tasks.importing().is_none());
}

#[test]
fn a_gexf_file_replaces_the_open_map_and_the_summary_says_what_was_dropped() {
    let mut h = app(None);
    let gexf = data("interop/import-merge.gexf");
    import(&mut h, &gexf);
    h.get_by_label("Import “import-merge.gexf”");
    h.get_by_label("The file holds 3 actors, 2 ties, 1 source, 1 excerpt.");
    h.get_by_label("Replace the open map").click();
    h.run_steps(3);
    let state = &h.state().state;
    assert_eq!(state.doc.data.actors.len(), 3);
    assert_eq!(state.doc.display_name(), "import-merge");
    assert!(
        state.doc.path.is_none(),
        "a GEXF file is not the map's own file"
    );
    h.get_by_label("Import summary");
    h.get_by_label("Opened “import-merge.gexf” in place of the map that was open.");
    h.get_by_label("Actors added: 3");
    h.get_by_label("Excerpts added: 1");
    h.get_by_label(
        "node attribute 'Modularity Class' is not kept: relmap has no field for it (2 nodes)",
    );
    h.get_by_label("Close").click();
    h.run_steps(2);
    assert!(h.state().state.import_summary.is_none());
}

#[test]
fn a_gexf_file_merges_by_alias_and_one_undo_takes_it_all_back() {
    let mut h = app(None);
    import(&mut h, &data("interop/import-merge.gexf"));
    merge(&mut h);
    let sample = sample_dataset();
    {
        let merged = &h.state().state.doc.data;
        assert_eq!(merged.actors.len(), sample.actors.len() + 2);
        assert_eq!(merged.ties.len(), sample.ties.len() + 2);
        let meeting = merged.ties.last().unwrap().clone();
        let first = &merged.ties[sample.ties.len()];
        assert_eq!(
            (first.from.as_str(), first.to.as_str()),
            ("0", "north-korea"),
            "the tie to 'DPRK' goes to the sample's North Korea"
        );
        assert_eq!(meeting.to, "2");
    }
    h.get_by_label("Matched to actors already on the map");
    h.get_by_label("DPRK → North Korea");
    h.get_by_label("Actors added: 2");
    h.get_by_label("Ties added: 2");
    h.get_by_label("Close").click();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(
        *h.state().state.doc.data,
        sample,
        "one undo restores the map"
    );
}

#[test]
fn replacing_a_modified_map_asks_about_its_changes_first() {
    let mut h = app(None);
    let retitle = relmap::edit::Edit::SetInfo {
        title: "Changed".into(),
        description: String::new(),
    };
    h.state_mut()
        .push_actions([relmap::app::Action::Edit(relmap::app::EditAction::Apply(
            retitle,
        ))]);
    h.run_steps(3);
    assert!(h.state().state.doc.is_modified());
    import(&mut h, &data("interop/import-merge.gexf"));
    h.get_by_label("Replace the open map").click();
    h.run_steps(3);
    h.get_by_label("Unsaved changes");
    h.get_by_label_contains("Save them before replacing it with the imported map?");
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    // Back to the choice, the map as it was.
    h.get_by_label("Import “import-merge.gexf”");
    assert_eq!(h.state().state.doc.data.title, "Changed");
    h.get_by_label("Replace the open map").click();
    h.run_steps(3);
    h.get_by_label("Don't save").click();
    h.run_steps(3);
    assert_eq!(h.state().state.doc.data.actors.len(), 3);
    h.get_by_label("Actors added: 3");
}

#[test]
fn a_bad_file_shows_its_place_and_leaves_the_map_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.gexf");
    std::fs::write(
        &bad,
        "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n  <graph>\n    <nodes>\n      <node id=\"a\" label=\"A\">\n",
    )
    .unwrap();
    let mut h = app(None);
    import(&mut h, &bad);
    h.run_steps(2);
    let state = &h.state().state;
    assert!(state.pending_import.is_none());
    assert_eq!(*state.doc.data, sample_dataset());
    let notice = state.notices.last().expect("an error is shown");
    assert_eq!(notice.title, format!("Could not import {}", bad.display()));
    let located = format!(
        "{}:5:7: the file ends inside <node>, which opens here: it looks cut short",
        bad.display()
    );
    assert_eq!(notice.lines[0], located);
    h.get_by_label(&format!("⚠ Could not import {}", bad.display()));
    h.get_by_label(&notice.lines[0].clone());
}

#[test]
fn a_csv_file_of_odd_columns_is_mapped_by_hand_then_imported() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("people.csv");
    std::fs::write(
        &csv,
        "Person,Category,Bio\nVladimir Putin,person,President of Russia\nDPRK,state,\n",
    )
    .unwrap();
    let mut h = app(None);
    import(&mut h, &csv);
    h.get_by_label("Map the columns of “people.csv”");
    // The preview shows the first rows.
    h.get_by_label("President of Russia");
    // Nothing reads like a name: Label waits for a column.
    h.get_by_label("Import with this mapping").click();
    h.run_steps(2);
    h.get_by_label("Not imported: choose the column that holds Label");
    let combo = h
        .get_by(|n| {
            n.role() == egui::accesskit::Role::ComboBox
                && n.value().as_deref() == Some("(choose a column)")
        })
        .rect();
    click_at(&mut h, combo.center());
    h.get_by_label("Person (column 1)").click();
    h.run_steps(2);
    h.get_by_label("Import with this mapping").click();
    h.run_steps(3);
    merge(&mut h);
    h.get_by_label("DPRK → North Korea");
    h.get_by_label("Actors added: 1");
    let added = h.state().state.doc.data.actors.last().unwrap().clone();
    assert_eq!(
        (added.name.as_str(), added.description.as_str()),
        ("Vladimir Putin", "President of Russia")
    );
}

/// A file dropped on the window, as the window system hands it over.
#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_gexf_file_is_imported() {
    let mut h = app(None);
    let file = DroppedPath(data("interop/import-merge.gexf"));
    h.input_mut().dropped_files.push(std::sync::Arc::new(file));
    h.run_steps(1);
    wait_until(&mut h, |s| s.tasks.importing().is_none());
    h.get_by_label("Import “import-merge.gexf”");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().state.pending_import.is_none());
    assert_eq!(*h.state().state.doc.data, sample_dataset());
}

#[test]
fn an_exported_gexf_file_reads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.gexf");
    let mut h = app(None);
    file_menu(&mut h, "Export…");
    h.get_by_label("Export the map");
    submit_path(&mut h, &out, "Export");
    wait_until(&mut h, |s| s.tasks.exporting().is_none());
    h.get_by_label("ℹ Exported the map as GEXF");
    let back = relmap::io::formats::open(&out).unwrap();
    assert_eq!(back.data, sample_dataset());
    assert!(!h.state().state.doc.is_modified());
    assert!(
        h.state().state.doc.path.is_none(),
        "the map keeps its own file"
    );
}

#[test]
fn an_exported_png_has_the_size_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let mut h = app(None);
    file_menu(&mut h, "Export picture…");
    h.get_by_label("PNG").click();
    h.get_by_label("Citations: number the ties and list their quotes below the map")
        .click();
    h.run_steps(2);
    let choice = h.state().state.picture;
    assert!(choice.png && choice.citations);
    h.get_by_label("Export…").click();
    h.run_steps(3);
    submit_path(&mut h, &out, "Export");
    wait_until(&mut h, |s| s.tasks.exporting().is_none());
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    let options = relmap::picture::Options::default();
    assert_eq!(width as f32, options.width * choice.scale);
    assert!(height > 0);
}

#[test]
fn a_large_import_shows_in_the_status_bar_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.gexf");
    let big = relmap::generate::generate(15_000, 45_000, 5);
    relmap::io::formats::save(&path, &big, Default::default()).unwrap();

    let mut h = app(None);
    file_menu(&mut h, "Import…");
    submit_path(&mut h, &path, "Import");
    assert!(h.state().state.tasks.importing().is_some());
    h.get_by_label_contains("Importing large.gexf");
    // Cancel stays where it is while the time goes on and the progress comes in.
    let before = h.get_by_label("Cancel").rect();
    h.run_steps(3);
    assert!(
        h.state().state.tasks.importing().is_some(),
        "read before Cancel"
    );
    assert_eq!(h.get_by_label("Cancel").rect(), before);
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    let state = &h.state().state;
    assert!(state.tasks.importing().is_none() && state.pending_import.is_none());
    assert_eq!(*state.doc.data, sample_dataset());

    import(&mut h, &path);
    let pending = h.state().state.pending_import.as_ref().expect("read");
    assert_eq!(pending.loaded.data.actors.len(), big.actors.len());
}

#[test]
fn an_export_to_csv_writes_kumus_files_and_says_what_it_does_not_keep() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None);
    file_menu(&mut h, "Export…");
    submit_path(&mut h, &dir.path().join("sample.csv"), "Export");
    wait_until(&mut h, |s| s.tasks.exporting().is_none());
    h.get_by_label("⚠ Exported the map as CSV (Kumu, Gephi)");
    for part in ["elements", "connections", "sources"] {
        let file = dir.path().join(format!("sample.{part}.csv"));
        assert!(file.is_file(), "{part}");
    }
    let back = relmap::io::formats::open(&dir.path().join("sample.elements.csv")).unwrap();
    assert_eq!(back.data.ties, sample_dataset().ties);
    let notice = h.state().state.notices.last().unwrap().clone();
    assert!(
        notice.lines.iter().any(|l| l.starts_with("not kept: ")),
        "{:?}",
        notice.lines
    );
}

#[test]
fn a_relmap_map_imported_in_place_of_the_open_one_keeps_its_file() {
    let path = data("good/small.relmap.json");
    let mut h = app(None);
    import(&mut h, &path);
    h.get_by_label("Replace the open map").click();
    h.run_steps(3);
    let state = &h.state().state;
    assert_eq!(state.doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(
        *state.doc.data,
        relmap::io::formats::open(&path).unwrap().data
    );
    assert!(!state.doc.is_modified());
}

/// Chooses Merge and waits for the merge, built in the background, to be applied.
fn merge(h: &mut AppHarness) {
    h.get_by_label("Merge into the open map").click();
    h.run_steps(1);
    wait_until(h, |s| s.tasks.import_merging().is_none());
    h.run_steps(2);
}
