//! The app opening and saving where something other than a plain map sits at the path: named
//! pipes, devices, read-only files, links, files kept private by their permissions.

#![cfg(unix)]

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;

use egui_kittest::kittest::Queryable;
use relmap::sample::sample_dataset;

use crate::common::{actor_pos, app, data, drag, file_menu, submit_path, AppHarness};

fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Moves an actor so that the map has something to save.
fn modify(h: &mut AppHarness) {
    let from = actor_pos(h, "maxwell");
    drag(h, from, from + egui::vec2(30.0, 30.0));
    assert!(h.state().state.doc.is_modified());
}

fn open_path(h: &mut AppHarness, path: &Path) {
    file_menu(h, "Open…");
    submit_path(h, path, "Open");
}

fn save_as(h: &mut AppHarness, path: &Path) {
    file_menu(h, "Save As…");
    submit_path(h, path, "Save");
}

#[test]
fn opening_a_named_pipe_or_a_device_says_what_it_is_and_keeps_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.relmap.json");
    make_fifo(&fifo);
    let mut h = app(None);
    // A pipe with no writer: refused at once instead of freezing the window.
    open_path(&mut h, &fifo);
    h.get_by_label(&format!(
        "{}: this is a named pipe (FIFO), not a regular file; relmap opens only regular files",
        fifo.display()
    ));
    h.get_by_label("Dismiss").click();
    h.run_steps(2);
    open_path(&mut h, Path::new("/dev/zero"));
    h.get_by_label(
        "/dev/zero: this is a device, not a regular file; relmap opens only regular files",
    );
    assert_eq!(*h.state().state.doc.data, sample_dataset());
}

#[test]
fn saving_over_a_read_only_map_asks_first_and_keeps_it_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.relmap.json");
    std::fs::copy(data("good/small.relmap.json"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut h = app(None);
    modify(&mut h);

    save_as(&mut h, &path);
    h.get_by_label("The file is read-only");
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "replaced without asking"
    );
    assert!(h.state().state.doc.is_modified());

    save_as(&mut h, &path);
    h.get_by_label("The file is read-only");
    h.get_by_label("Overwrite").click();
    h.run_steps(3);
    assert!(
        !h.state().state.doc.is_modified(),
        "{:?}",
        h.state().state.notices
    );
    let saved = relmap::io::json::load_file(&path).unwrap();
    assert_eq!(saved, *h.state().state.doc.data);
    assert_eq!(mode(&path), 0o444);
}

#[test]
fn saving_keeps_a_private_maps_permissions_writes_through_a_link_and_removes_stale_temps() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("private.relmap.json");
    std::fs::copy(data("good/small.relmap.json"), &real).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.relmap.json");
    std::os::unix::fs::symlink("private.relmap.json", &link).unwrap();

    // A temporary file left by a save that was killed: nothing holds its lock any more.
    let stale = dir
        .path()
        .join(".private.relmap.json.4242-0123456789abcdef.tmp");
    std::fs::write(&stale, b"half a map").unwrap();

    let mut h = app(Some(link.clone()));
    let from = actor_pos(&h, "xi");
    drag(&mut h, from, from + egui::vec2(-40.0, 70.0));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(3);
    assert!(
        !h.state().state.doc.is_modified(),
        "{:?}",
        h.state().state.notices
    );
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let saved = relmap::io::json::load_file(&real).unwrap();
    assert_eq!(saved, *h.state().state.doc.data);
    assert_eq!(mode(&real), 0o600);
    assert!(
        !stale.exists(),
        "the save did not remove its target's stale temporary file"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn saving_to_a_named_pipe_is_refused_and_the_changes_stay() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.relmap.json");
    make_fifo(&fifo);
    let mut h = app(None);
    modify(&mut h);
    save_as(&mut h, &fifo);
    h.get_by_label("⚠ Could not save");
    h.get_by_label(&format!(
        "{}: cannot save over a named pipe (FIFO); relmap saves only to regular files",
        fifo.display()
    ));
    assert!(h.state().state.doc.is_modified());
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
}

#[test]
fn a_file_with_a_byte_order_mark_opens_with_warnings_about_what_it_loses() {
    // A byte order mark, an unknown field, a name with a zero-width space, empty aliases.
    let path = data("good/bom-and-warnings.relmap.json");
    let mut h = app(None);
    open_path(&mut h, &path);
    h.get_by_label_contains(&format!("Opened {} with warnings", path.display()));
    h.get_by_label(
        "unknown field 'exported_by': relmap does not keep it, so it will be dropped when the \
         map is saved",
    );
    h.get_by_label(
        "actor 'xi': name \"Xi\\u{200b}Jinping\" contains an invisible character, U+200B ZERO \
         WIDTH SPACE at character 3",
    );
    assert_eq!(h.state().state.doc.data.actors.len(), 3);
    assert_eq!(
        h.state().state.doc.display_name(),
        "bom-and-warnings.relmap.json"
    );
}

#[test]
fn a_map_with_an_invisible_character_in_an_id_is_refused_with_the_character_named() {
    let path = data("bad/invisible-id.relmap.json");
    let mut h = app(None);
    open_path(&mut h, &path);
    h.get_by_label_contains(&format!("Could not open {}", path.display()));
    h.get_by_label_contains("U+200D ZERO WIDTH JOINER at character 3");
    assert_eq!(*h.state().state.doc.data, sample_dataset());
}
