//! Helpers for the io module's unit tests: folder listings and named pipes.

use std::path::Path;

/// The names in a folder, sorted.
pub fn entries(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap() // ok: test-only helper, compiled only for tests
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned()) // ok: test-only
        .collect();
    names.sort();
    names
}

/// Makes a named pipe at `path`.
#[cfg(unix)]
pub fn make_fifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap(); // ok: test-only
                                                                               // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
}
