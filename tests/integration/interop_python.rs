//! Readers relmap did not write: networkx and followthemoney, installed from PyPI into the
//! target folder (once; later runs reuse them), run `tests/interop/check_readers.py` against
//! the relmap binary. Without python3, or without the network the first time, the test fails
//! and says which.

use std::path::{Path, PathBuf};
use std::process::Command;

const PACKAGES: &[&str] = &["networkx==3.6.1", "followthemoney==4.11.2"];

fn python_packages() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python-interop");
    let marker = dir.join(format!("installed-{}", PACKAGES.join("-")));
    if marker.exists() {
        return dir;
    }
    let python = Command::new("python3").arg("--version").output();
    assert!(
        python.is_ok_and(|o| o.status.success()),
        "this test needs python3 with pip (on Debian: apt-get install python3 python3-pip) to \
         run networkx and followthemoney against relmap's files"
    );
    let out = Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
        ])
        .arg(&dir)
        .args(PACKAGES)
        .output()
        .expect("run pip");
    assert!(
        out.status.success(),
        "pip could not install {} from PyPI into the target folder (is the network to PyPI \
         there?):\n{}",
        PACKAGES.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&marker, "").expect("mark the installed packages");
    dir
}

#[test]
fn networkx_and_followthemoney_read_relmaps_files_and_relmap_reads_networkxs() {
    let packages = python_packages();
    let work = tempfile::tempdir().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/check_readers.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(env!("CARGO_BIN_EXE_relmap"))
        .arg(work.path())
        .env("PYTHONPATH", &packages)
        .output()
        .expect("run python3");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.ends_with("all checks passed\n"), "{stdout}");
    for line in [
        "ok: networkx reads relmap's GEXF: 39 nodes, 62 edges",
        "ok: networkx reads relmap's GraphML: 39 nodes, 62 edges",
        "ok: relmap reads networkx's rewrite of its GEXF: 62 ties, every quote in its article",
        "karate.gexf: 34 actors, 78 ties",
        "lesmis.graphml: 77 actors, 254 ties",
        "multi.graphml: 3 actors, 6 ties",
        "ok: followthemoney accepts all",
    ] {
        assert!(stdout.contains(line), "{line}\n{stdout}");
    }
}
