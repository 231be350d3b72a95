//! Tests of the subcommands' exit codes when their output or messages cannot be written.

use super::*;

/// A stream whose every write fails, like `/dev/full`.
struct Full;

impl Write for Full {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A stream that keeps what it is given but cannot flush it.
#[derive(Default)]
struct Unflushable(Vec<u8>);

impl Write for Unflushable {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Err(io::Error::new(io::ErrorKind::BrokenPipe, "pipe closed"))
    }
}

fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("s.relmap.json");
    assert_eq!(write_sample(&path, &mut Vec::new()), 0);
    path
}

#[test]
fn check_with_a_full_output_exits_1_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let files = [sample_file(dir.path())];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(check(&files, &mut out, &mut err), 0);
    assert!(err.is_empty());
    let mut err = Vec::new();
    assert_eq!(check(&files, &mut Full, &mut err), 1);
    assert_eq!(
        String::from_utf8_lossy(&err),
        "relmap: cannot write the output: disk full\n"
    );
    let mut err = Vec::new();
    assert_eq!(check(&files, &mut Unflushable::default(), &mut err), 1);
    assert_eq!(
        String::from_utf8_lossy(&err),
        "relmap: cannot write the output: pipe closed\n"
    );
}

#[test]
fn a_failed_message_stream_gives_1_and_keeps_a_failure_code() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope").join("s.relmap.json");
    // The save fails (exit 1) and its message is lost: still 1.
    assert_eq!(write_sample(&missing, &mut Full), 1);
    // The work succeeds but the message stream cannot even be flushed: 1.
    let good = sample_file(dir.path());
    let mut out = Vec::new();
    let files = [good.clone(), good];
    assert_eq!(check(&files, &mut out, &mut Unflushable::default()), 1);
    // Both streams full: 1, and no panic.
    assert_eq!(check(&files, &mut Full, &mut Full), 1);
}

#[test]
fn generate_refuses_what_it_cannot_make() {
    assert_eq!(generate_problem(MAX_ACTORS, MAX_TIES), None);
    assert_eq!(generate_problem(0, 0), None);
    assert_eq!(generate_problem(2, 1), None);
    assert_eq!(
        generate_problem(1, 5).as_deref(),
        Some("--ties 5 needs at least 2 actors, and --actors is 1")
    );
    assert!(generate_problem(MAX_ACTORS + 1, 0).is_some());
    assert!(generate_problem(2, MAX_TIES + 1).is_some());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.relmap.json");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(generate(usize::MAX, 0, 1, &path, &mut out, &mut err), 2);
    assert_eq!(
        String::from_utf8_lossy(&err),
        format!(
            "relmap generate: --actors {} is more than {MAX_ACTORS}\n",
            usize::MAX
        )
    );
    assert!(!path.exists());
}

#[test]
fn layout_with_a_full_output_still_saves_but_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample_file(dir.path());
    let output = dir.path().join("l.relmap.json");
    let options = LayoutOptions {
        iterations: 2,
        threads: 1,
        linlog: false,
        scaling: None,
    };
    let mut err = Vec::new();
    assert_eq!(layout(&input, options, &output, &mut Full, &mut err), 1);
    assert!(output.exists());
    assert!(String::from_utf8_lossy(&err).starts_with("relmap: cannot write the output:"));
}
