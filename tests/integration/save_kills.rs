//! Saves killed at random moments. A real `relmap layout -o` and the app's recovery copies are
//! killed with SIGKILL hundreds of times; after each kill the target must hold the complete old
//! file or the complete new one, both valid, and the next save must leave no temporary file.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use relmap::io::atomic::{write_atomically, WriteOptions};

/// Prints a line even when the test passes: straight to the process's stderr, which the test
/// harness does not capture (it captures `println!` and `eprintln!`), so CI shows the counts.
macro_rules! report {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Kills of `relmap layout`, and of the recovery writer.
const KILLS: usize = 200;
const RECOVERY_KILLS: usize = 200;

/// A small random number source for kill times (seeded from the clock, printed for reruns).
struct Rng(u64);

impl Rng {
    fn from_clock() -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1;
        report!("kill times seeded with {seed}");
        Rng(seed)
    }

    fn below(&mut self, n: Duration) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        n.mul_f64((self.0 >> 11) as f64 / (1u64 << 53) as f64)
    }
}

fn relmap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_relmap"));
    command.stdout(Stdio::null()).stderr(Stdio::null());
    command
}

/// The temporary files of saves of `target` left in its folder.
fn temps_of(target: &Path) -> Vec<PathBuf> {
    let name = target.file_name().unwrap().to_string_lossy().into_owned();
    let prefix = format!(".{name}.");
    std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(&prefix) && n.ends_with(".tmp")
        })
        .collect()
}

/// Waits until a temporary file of `target` appears (or the process ends); returns when.
fn wait_for_temp(target: &Path, child: &mut std::process::Child) -> Instant {
    while temps_of(target).is_empty() && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_micros(100));
    }
    Instant::now()
}

#[test]
fn a_layout_killed_at_random_moments_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input.relmap.json");
    let target = dir.path().join("target.relmap.json");
    let status = relmap()
        .args([
            "generate", "--actors", "1500", "--ties", "4500", "--seed", "7", "-o",
        ])
        .arg(&input)
        .status()
        .unwrap();
    assert!(status.success());
    let old = std::fs::read(&input).unwrap();
    let layout = |target: &Path| {
        let mut command = relmap();
        command
            .arg("layout")
            .arg(&input)
            .args(["--iterations", "3", "-o"])
            .arg(target);
        command
    };
    // The new file, written once without a kill; how long a run takes, and how long the file
    // takes to write: from the moment its temporary file appears to the rename.
    let reference = dir.path().join("reference.relmap.json");
    let (mut full_run, mut write_time) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..3 {
        let _ = std::fs::remove_file(&reference);
        let started = Instant::now();
        let mut child = layout(&reference).spawn().unwrap();
        let appeared = wait_for_temp(&reference, &mut child);
        while !reference.exists() && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_micros(100));
        }
        write_time = write_time.max(appeared.elapsed());
        child.wait().unwrap();
        full_run = full_run.max(started.elapsed());
    }
    let new = std::fs::read(&reference).unwrap();
    assert_ne!(old, new);
    for bytes in [&old, &new] {
        relmap::io::json::load_bytes(&target, bytes).expect("old and new are valid maps");
    }
    report!("a whole `relmap layout` run takes {full_run:?}, writing the file {write_time:?}");

    let mut rng = Rng::from_clock();
    let (mut old_intact, mut new_complete, mut torn, mut left_temps) = (0, 0, 0, 0);
    for round in 0..KILLS {
        write_atomically(&target, &old, WriteOptions::default()).unwrap();
        assert!(
            temps_of(&target).is_empty(),
            "round {round}: a temporary file remained after the next save"
        );
        let mut child = layout(&target).spawn().unwrap();
        // One kill in four anywhere in the run, the others while the file is being written.
        if round % 4 == 0 {
            std::thread::sleep(rng.below(full_run.mul_f64(1.1)));
        } else {
            wait_for_temp(&target, &mut child);
            std::thread::sleep(rng.below(write_time.mul_f64(1.2)));
        }
        let _ = child.kill();
        let _ = child.wait();
        let found = std::fs::read(&target).unwrap();
        if found == old {
            old_intact += 1;
        } else if found == new {
            new_complete += 1;
        } else {
            torn += 1;
        }
        if !temps_of(&target).is_empty() {
            left_temps += 1;
        }
    }
    write_atomically(&target, &old, WriteOptions::default()).unwrap();
    let remaining = temps_of(&target).len();
    report!(
        "kill test (relmap layout -o): {KILLS} kills: {old_intact} old intact, {new_complete} new \
         complete, {torn} torn; {left_temps} kills left a temporary file, {remaining} remained \
         after the next save"
    );
    assert_eq!(torn, 0, "a kill left a torn file");
    assert_eq!(remaining, 0);
    assert!(
        old_intact > 0 && new_complete > 0,
        "the kills did not spread over the run"
    );
}

/// Run as a child process by the test below: writes recovery copies of a changing map in a loop
/// until it is killed. Does nothing in an ordinary test run.
#[test]
#[ignore = "a child process of the recovery kill test"]
fn recovery_writer_child() {
    let Some(dir) = std::env::var_os("RELMAP_KILL_TEST_RECOVERY_DIR") else {
        return;
    };
    let data = relmap::generate::generate(1200, 3600, 5);
    let mut doc = relmap::app::Document::new(data, None, "Untitled");
    let mut recovery = relmap::app::recovery::Recovery::new(PathBuf::from(dir), Duration::ZERO);
    for version in 1.. {
        let edit = relmap::edit::Edit::SetInfo {
            title: format!("version {version}"),
            description: String::new(),
        };
        doc.apply(edit).unwrap();
        if let Some(e) = recovery.tick(&doc) {
            panic!("{e}");
        }
    }
}

#[test]
fn recovery_copies_killed_at_random_moments_are_complete_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    let child = || {
        let mut command = Command::new(std::env::current_exe().unwrap());
        command
            .args(["--exact", "save_kills::recovery_writer_child", "--ignored"])
            .env("RELMAP_KILL_TEST_RECOVERY_DIR", dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    };
    // How long the child takes to start and write its first few copies.
    let started = Instant::now();
    let mut probe = child().spawn().unwrap();
    while !std::fs::read_dir(dir.path())
        .unwrap()
        .any(|e| e.unwrap().path().to_string_lossy().ends_with(".meta.json"))
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no copy written"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let first_copy = started.elapsed();
    let _ = probe.kill();
    let _ = probe.wait();
    let inspector = || relmap::app::recovery::Recovery::new(dir.path().to_owned(), Duration::ZERO);
    for orphan in inspector().orphans() {
        orphan.discard();
    }
    report!("the recovery writer's first copy is complete after {first_copy:?}");

    let mut rng = Rng::from_clock();
    let (mut none_yet, mut complete, mut without_meta) = (0, 0, 0);
    for round in 0..RECOVERY_KILLS {
        let mut writer = child().spawn().unwrap();
        std::thread::sleep(rng.below(first_copy.mul_f64(3.0)));
        let _ = writer.kill();
        let _ = writer.wait();
        let orphans = inspector().orphans();
        assert!(
            orphans.len() <= 1,
            "round {round}: {} copies",
            orphans.len()
        );
        match orphans.first() {
            None => none_yet += 1,
            Some(orphan) => {
                // The data was read and validated by `orphans`; it is one version, whole.
                assert!(
                    orphan.data.title.starts_with("version "),
                    "{}",
                    orphan.data.title
                );
                assert_eq!(orphan.data.actors.len(), 1200);
                assert_eq!(orphan.data.ties.len(), 3600);
                if orphan.meta.name == "Unsaved map" {
                    without_meta += 1;
                } else {
                    assert_eq!(orphan.meta.name, "Untitled");
                    complete += 1;
                }
                orphan.discard();
            }
        }
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(
            left.is_empty(),
            "round {round}: files remained after the copy was handled: {left:?}"
        );
    }
    report!(
        "kill test (recovery copies): {RECOVERY_KILLS} kills: {complete} complete copies, \
         {without_meta} data without its description (restored as \"Unsaved map\"), {none_yet} \
         before the first copy; 0 torn, no file left after each was handled"
    );
    assert!(complete > 0, "no kill came after a complete copy");
}
