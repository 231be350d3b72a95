//! Saving: replacing, permissions and owner kept, read-only files, links, pipes and devices,
//! stale temporary files.

use super::*;
use crate::io::test_support::entries;
use crate::io::SaveError;

fn save(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes, WriteOptions::default())
}

#[test]
fn replaces_the_file_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.relmap.json");
    std::fs::write(&path, b"old").unwrap();
    save(&path, b"new").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
    assert_eq!(entries(dir.path()), ["a.relmap.json"]);
}

#[test]
fn a_missing_folder_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("a.relmap.json");
    assert!(save(&path, b"x").is_err());
    assert!(!path.exists());
}

#[test]
fn a_folder_at_the_target_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let e = save(dir.path(), b"x").unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}: cannot save over a folder; relmap saves only to regular files",
            dir.path().display()
        )
    );
}

#[test]
fn a_stale_temporary_of_the_target_is_removed_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.relmap.json");
    let dead = temp::create(dir.path(), std::ffi::OsStr::new("a.relmap.json"), 0o600).unwrap();
    drop(dead);
    assert_eq!(entries(dir.path()).len(), 1);
    save(&path, b"new").unwrap();
    assert_eq!(entries(dir.path()), ["a.relmap.json"]);
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().mode() & 0o7777
    }

    fn set_mode(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    fn is_root() -> bool {
        // SAFETY: geteuid has no preconditions.
        unsafe { libc::geteuid() == 0 }
    }

    #[test]
    fn the_new_file_keeps_the_old_ones_permission_bits() {
        let dir = tempfile::tempdir().unwrap();
        for old_mode in [0o600, 0o640, 0o664, 0o604] {
            let path = dir.path().join(format!("m{old_mode:o}.relmap.json"));
            std::fs::write(&path, b"old").unwrap();
            set_mode(&path, old_mode);
            save(&path, b"new").unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), b"new");
            assert_eq!(mode(&path), old_mode, "mode {old_mode:o} was not kept");
        }
    }

    #[test]
    fn the_new_file_keeps_the_old_ones_owner_where_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("owned.relmap.json");
        std::fs::write(&path, b"old").unwrap();
        if !is_root() {
            // The owner is already the user; what can be checked is that it stays so.
            save(&path, b"new").unwrap();
            // SAFETY: geteuid has no preconditions.
            assert_eq!(std::fs::metadata(&path).unwrap().uid(), unsafe {
                libc::geteuid()
            });
            println!("skipped: giving a file another owner needs root");
            return;
        }
        let (uid, gid) = (65534, 65534);
        std::os::unix::fs::chown(&path, Some(uid), Some(gid)).unwrap();
        save(&path, b"new").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (uid, gid));
    }

    #[test]
    fn a_read_only_file_is_replaced_only_when_asked_and_stays_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ro.relmap.json");
        std::fs::write(&path, b"old").unwrap();
        set_mode(&path, 0o444);
        let e = save(&path, b"new").unwrap_err();
        assert!(matches!(e, SaveError::ReadOnly { .. }), "{e}");
        assert_eq!(
            e.to_string(),
            format!(
                "{}: the file is read-only; relmap does not replace it unless asked to (make \
                 it writable, or save under another name)",
                path.display()
            )
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        let asked = WriteOptions {
            overwrite_read_only: true,
        };
        write_atomically(&path, b"new", asked).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(mode(&path), 0o444);
        assert_eq!(entries(dir.path()), ["ro.relmap.json"]);
    }

    #[test]
    fn a_file_the_user_may_not_write_counts_as_read_only() {
        if is_root() {
            println!(
                "skipped: root may write any file, so 'not writable by this user' needs a \
                 non-root user (the mode-bit case is tested)"
            );
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("theirs.relmap.json");
        std::fs::write(&path, b"old").unwrap();
        // Writable by others but not by the owner: this user may not write it.
        set_mode(&path, 0o466);
        assert!(matches!(
            save(&path, b"new"),
            Err(SaveError::ReadOnly { .. })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
    }

    #[test]
    fn a_link_is_written_through_to_the_file_it_points_to() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("real");
        std::fs::create_dir(&real_dir).unwrap();
        let real = real_dir.join("map.relmap.json");
        std::fs::write(&real, b"old").unwrap();
        set_mode(&real, 0o600);
        let link = dir.path().join("link.relmap.json");
        std::os::unix::fs::symlink("real/map.relmap.json", &link).unwrap();
        // A link to a link is followed to the end.
        let link2 = dir.path().join("link2.relmap.json");
        std::os::unix::fs::symlink("link.relmap.json", &link2).unwrap();

        save(&link2, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(std::fs::symlink_metadata(&link2)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        assert_eq!(mode(&real), 0o600);
        // The temporary file was made beside the real file, and is gone.
        assert_eq!(entries(&real_dir), ["map.relmap.json"]);
        assert_eq!(
            entries(dir.path()),
            ["link.relmap.json", "link2.relmap.json", "real"]
        );
    }

    #[test]
    fn a_dangling_link_creates_the_file_it_points_to() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.relmap.json");
        std::os::unix::fs::symlink("new.relmap.json", &link).unwrap();
        save(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(
            std::fs::read(dir.path().join("new.relmap.json")).unwrap(),
            b"new"
        );
    }

    #[test]
    fn a_loop_of_links_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.relmap.json");
        let b = dir.path().join("b.relmap.json");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let e = save(&a, b"x").unwrap_err();
        assert!(e.to_string().contains("loop of links"), "{e}");
        assert!(std::fs::symlink_metadata(&a)
            .unwrap()
            .file_type()
            .is_symlink());
    }

    #[test]
    fn a_named_pipe_or_a_device_at_the_target_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.relmap.json");
        crate::io::test_support::make_fifo(&fifo);
        let e = save(&fifo, b"x").unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "{}: cannot save over a named pipe (FIFO); relmap saves only to regular files",
                fifo.display()
            )
        );
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo());
        // /dev/full is a device: refused before anything is written, and never replaced.
        let full = Path::new("/dev/full");
        if full.exists() {
            let e = save(full, b"x").unwrap_err();
            assert!(
                matches!(
                    e,
                    SaveError::NotRegular {
                        what: "a device",
                        ..
                    }
                ),
                "{e}"
            );
            assert!(std::fs::metadata(full)
                .unwrap()
                .file_type()
                .is_char_device());
        }
        assert_eq!(entries(dir.path()), ["pipe.relmap.json"]);
    }

    #[test]
    fn a_new_file_gets_the_usual_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.relmap.json");
        let reference = dir.path().join("reference");
        std::fs::File::create(&reference).unwrap();
        save(&path, b"new").unwrap();
        // The same bits as any file created here (0666 less the umask).
        assert_eq!(mode(&path), mode(&reference));
    }
}
