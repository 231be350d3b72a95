//! Temporary files: unique names, what counts as a stale one, and what is never removed.

use super::*;
use crate::io::test_support::{entries as names_in, make_fifo};
use std::ffi::OsStr;

#[test]
fn temporary_names_are_unique_and_recognised_as_the_targets() {
    let dir = tempfile::tempdir().unwrap();
    let target = OsStr::new("map.relmap.json");
    let a = create(dir.path(), target, 0o600).unwrap();
    let b = create(dir.path(), target, 0o600).unwrap();
    assert_ne!(a.path, b.path);
    let prefix = prefix(target);
    for temp in [&a, &b] {
        let name = temp.path.file_name().unwrap();
        let text = name.to_string_lossy();
        assert!(
            text.starts_with(&format!(".map.relmap.json.{}-", std::process::id())),
            "{text}"
        );
        assert_eq!(temp_kind(name, &prefix), Some(true));
    }
    // Another target's temporary files, and other files, are not this target's.
    assert_eq!(
        temp_kind(OsStr::new(".other.json.12-0123456789abcdef.tmp"), &prefix),
        None
    );
    assert_eq!(
        temp_kind(OsStr::new(".map.relmap.json.12-xyz.tmp"), &prefix),
        None
    );
    assert_eq!(
        temp_kind(OsStr::new(".map.relmap.json.12.tmp"), &prefix),
        Some(false)
    );
    assert_eq!(temp_kind(OsStr::new(".map.relmap.json.tmp"), &prefix), None);
}

#[test]
fn only_temporary_files_whose_writer_is_gone_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let target = OsStr::new("map.relmap.json");
    let held = create(dir.path(), target, 0o600).unwrap();
    // A writer that died: its file exists, its lock is gone with it.
    let dead = create(dir.path(), target, 0o600).unwrap();
    let dead_path = dead.path.clone();
    drop(dead);
    // Another target's stale temporary file stays: that target's next save removes it.
    let other = create(dir.path(), OsStr::new("other.relmap.json"), 0o600).unwrap();
    let other_path = other.path.clone();
    drop(other);
    std::fs::write(dir.path().join("map.relmap.json"), b"{}").unwrap();

    assert_eq!(remove_stale(dir.path(), target), 1);
    assert!(!dead_path.exists());
    assert!(held.path.exists(), "a live writer's file was removed");
    assert!(other_path.exists());
    assert!(dir.path().join("map.relmap.json").exists());
}

#[test]
fn an_earlier_versions_unlocked_temporary_file_is_removed_only_once_old() {
    let dir = tempfile::tempdir().unwrap();
    let target = OsStr::new("map.relmap.json");
    let fresh = dir.path().join(".map.relmap.json.4242.tmp");
    let old = dir.path().join(".map.relmap.json.4243.tmp");
    std::fs::write(&fresh, b"partial").unwrap();
    std::fs::write(&old, b"partial").unwrap();
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    assert_eq!(remove_stale(dir.path(), target), 1);
    assert!(fresh.exists());
    assert!(!old.exists());
}

#[cfg(unix)]
#[test]
fn links_and_pipes_named_like_temporary_files_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let target = OsStr::new("map.relmap.json");
    let precious = dir.path().join("precious.txt");
    std::fs::write(&precious, b"keep me").unwrap();
    let link = dir.path().join(".map.relmap.json.1-0123456789abcdef.tmp");
    std::os::unix::fs::symlink(&precious, &link).unwrap();
    let fifo = dir.path().join(".map.relmap.json.2-0123456789abcdef.tmp");
    make_fifo(&fifo);
    assert_eq!(remove_stale(dir.path(), target), 0);
    assert_eq!(
        names_in(dir.path()),
        [
            ".map.relmap.json.1-0123456789abcdef.tmp",
            ".map.relmap.json.2-0123456789abcdef.tmp",
            "precious.txt"
        ]
    );
}

#[test]
fn a_long_target_name_gives_a_legal_temporary_name() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{}.relmap.json", "é".repeat(115));
    assert!(long.len() > 230);
    let temp = create(dir.path(), OsStr::new(&long), 0o600).unwrap();
    assert!(temp.path.file_name().unwrap().len() <= 255);
    let stale = temp.path.clone();
    drop(temp);
    assert_eq!(remove_stale(dir.path(), OsStr::new(&long)), 1);
    assert!(!stale.exists());
}
