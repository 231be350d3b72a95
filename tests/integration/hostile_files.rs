//! The command line reading and writing where something other than a plain map sits at the
//! path, and files that are odd but not wrong: byte order marks, invisible characters, unknown
//! fields, floods of empty aliases.

#![cfg(unix)]

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::data;

/// Runs relmap, killing it if it takes longer than `limit` (a hang is a failure, not a wait).
fn relmap_within(args: &[&std::ffi::OsStr], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("relmap {args:?} still ran after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn relmap(args: &[&std::ffi::OsStr]) -> Output {
    relmap_within(args, Duration::from_secs(60))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn make_fifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn check_refuses_devices_and_pipes_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.relmap.json");
    make_fifo(&fifo);
    for (path, what) in [
        (Path::new("/dev/zero"), "a device"),
        (fifo.as_path(), "a named pipe (FIFO)"),
        (dir.path(), "a folder"),
    ] {
        // /dev/zero used to grow without bound, and a pipe without a writer to hang.
        let out = relmap_within(
            &["check".as_ref(), path.as_os_str()],
            Duration::from_secs(20),
        );
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        assert_eq!(
            stderr(&out),
            format!(
                "{}: this is {what}, not a regular file; relmap opens only regular files\n",
                path.display()
            )
        );
    }
}

#[test]
fn writing_over_a_device_a_pipe_or_a_read_only_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.relmap.json");
    make_fifo(&fifo);
    let read_only = dir.path().join("ro.relmap.json");
    std::fs::write(&read_only, b"old").unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();

    // As root this replaced the device node with a plain file.
    let out = relmap(&["sample".as_ref(), "-o".as_ref(), "/dev/full".as_ref()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "/dev/full: cannot save over a device; relmap saves only to regular files\n"
    );
    assert!(std::fs::metadata("/dev/full")
        .unwrap()
        .file_type()
        .is_char_device());

    let out = relmap(&["sample".as_ref(), "-o".as_ref(), fifo.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());

    let out = relmap(&["sample".as_ref(), "-o".as_ref(), read_only.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "{}: the file is read-only; relmap does not replace it unless asked to (make it \
             writable, or save under another name)\n",
            read_only.display()
        )
    );
    assert_eq!(std::fs::read(&read_only).unwrap(), b"old");
}

#[test]
fn writing_through_a_link_keeps_the_link_and_the_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.relmap.json");
    std::fs::write(&real, b"old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.relmap.json");
    std::os::unix::fs::symlink("real.relmap.json", &link).unwrap();
    let out = relmap(&["sample".as_ref(), "-o".as_ref(), link.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(&real).unwrap(),
        relmap::sample::SAMPLE_JSON
    );
    assert_eq!(
        std::fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn a_leftover_temporary_file_with_this_pids_old_name_does_not_stop_a_save() {
    // Earlier versions named the temporary file after the pid alone, so a leftover of a process
    // with the same pid made the next save fail, and relmap then removed a file it had not made.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("map.relmap.json");
    let leftover = dir
        .path()
        .join(format!(".map.relmap.json.{}.tmp", std::process::id()));
    std::fs::write(&leftover, b"someone else's").unwrap();
    let data = relmap::sample::sample_dataset();
    relmap::io::json::save_file(&target, &data).unwrap();
    assert_eq!(std::fs::read(&leftover).unwrap(), b"someone else's");
    assert_eq!(relmap::io::json::load_file(&target).unwrap(), data);
}

#[test]
fn writers_saving_the_same_file_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("map.relmap.json");
    let versions: Vec<Vec<u8>> = (0..8)
        .map(|i| format!("{{\"version\": {i}}}\n").repeat(2000).into_bytes())
        .collect();
    std::thread::scope(|s| {
        for bytes in &versions {
            let target = &target;
            s.spawn(move || {
                for _ in 0..20 {
                    relmap::io::atomic::write_atomically(target, bytes, Default::default())
                        .expect("every concurrent save succeeds");
                }
            });
        }
    });
    let found = std::fs::read(&target).unwrap();
    assert!(
        versions.contains(&found),
        "the file is not one whole version"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_file_with_a_byte_order_mark_opens_and_its_oddities_are_warned_about() {
    let path = data("good/bom-and-warnings.relmap.json");
    let loaded = relmap::io::json::load(&path).unwrap();
    assert_eq!(loaded.data.actors.len(), 3);
    // The empty aliases are left out.
    assert!(loaded
        .data
        .actors
        .iter()
        .all(|a| a.aliases.iter().all(|x| !x.is_empty())));
    assert_eq!(
        loaded.warnings,
        [
            "unknown field 'exported_by': relmap does not keep it, so it will be dropped when \
             the map is saved",
            "actor 'xi': name \"Xi\\u{200b}Jinping\" contains an invisible character, U+200B \
             ZERO WIDTH SPACE at character 3",
        ]
    );
}

#[test]
fn a_flood_of_empty_aliases_costs_no_memory_per_alias() {
    // 3 bytes of file per empty alias used to cost 24 bytes of memory each.
    let mut text = String::from(
        "{\"relmap\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\", \"aliases\": [",
    );
    text.push_str(&"\"\",".repeat(1_000_000));
    text.push_str("\"Mr. A\"]}]}");
    let data =
        relmap::io::json::load_bytes(Path::new("aliases.relmap.json"), text.as_bytes()).unwrap();
    assert_eq!(data.actors[0].aliases, ["Mr. A"]);
    assert_eq!(data.actors[0].aliases.capacity(), 1);
}

#[test]
fn check_accepts_a_byte_order_mark_and_prints_the_warnings() {
    let path = data("good/bom-and-warnings.relmap.json");
    let out = relmap(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{}: ok: 3 actors, 2 ties, 1 source, 2 excerpts\n",
            path.display()
        )
    );
    let p = path.display();
    assert_eq!(
        stderr(&out),
        format!(
            "{p}: warning: unknown field 'exported_by': relmap does not keep it, so it will be \
             dropped when the map is saved\n\
             {p}: warning: actor 'xi': name \"Xi\\u{{200b}}Jinping\" contains an invisible \
             character, U+200B ZERO WIDTH SPACE at character 3\n"
        )
    );
    // An id with an invisible character is an error, with the character named.
    let bad = data("bad/invisible-id.relmap.json");
    let out = relmap(&["check".as_ref(), bad.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("its id contains an invisible character, U+200D ZERO WIDTH JOINER"),
        "{}",
        stderr(&out)
    );
}

/// Runs relmap as the unprivileged user `nobody` (uid 65534), when the tests run as root and
/// `setpriv` is there; `None` otherwise.
fn relmap_as_nobody(args: &[&std::ffi::OsStr]) -> Option<Output> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return None;
    }
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_relmap"))
        .args(args)
        .output()
        .ok()
}

#[test]
fn as_an_unprivileged_user_a_file_of_someone_elses_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let theirs = dir.path().join("theirs.relmap.json");
    std::fs::write(&theirs, b"old").unwrap();
    std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o644)).unwrap();
    let Some(out) = relmap_as_nobody(&["sample".as_ref(), "-o".as_ref(), theirs.as_os_str()])
    else {
        println!(
            "skipped: needs root (to run relmap as another user) and setpriv; the unit test \
             io::atomic::tests::unix::a_file_the_user_may_not_write_counts_as_read_only covers \
             a non-root run"
        );
        return;
    };
    // The folder would let nobody replace the file by a rename; relmap refuses instead.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the file is read-only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&theirs).unwrap(), b"old");

    // A file of nobody's own, kept private: saved, and still nobody's and private.
    use std::os::unix::fs::MetadataExt;
    let own = dir.path().join("own.relmap.json");
    std::fs::write(&own, b"old").unwrap();
    std::os::unix::fs::chown(&own, Some(65534), Some(65534)).unwrap();
    std::fs::set_permissions(&own, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = relmap_as_nobody(&["sample".as_ref(), "-o".as_ref(), own.as_os_str()]).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::metadata(&own).unwrap();
    assert_eq!((meta.uid(), meta.mode() & 0o777), (65534, 0o600));
    assert_eq!(
        std::fs::read_to_string(&own).unwrap(),
        relmap::sample::SAMPLE_JSON
    );
}
