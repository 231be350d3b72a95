//! Reading: regular files and links to them, refusals of folders, pipes and devices, the limit
//! counted on the bytes read, text that is not UTF-8.

use super::*;
use crate::io::test_support::make_fifo;
use crate::io::LoadError;

#[test]
fn a_regular_file_and_a_link_to_one_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, b"hello").unwrap();
    assert_eq!(read_limited(&file).unwrap(), b"hello");
    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("a.txt", &link).unwrap();
        assert_eq!(read_limited(&link).unwrap(), b"hello");
    }
}

#[test]
fn a_folder_is_refused_as_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let e = read_limited(dir.path()).unwrap_err();
    assert!(
        matches!(
            e,
            LoadError::NotRegular {
                what: "a folder",
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        e.to_string(),
        format!(
            "{}: this is a folder, not a regular file; relmap opens only regular files",
            dir.path().display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_without_a_writer_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.relmap.json");
    make_fifo(&fifo);
    // Without the non-blocking open this would wait for a writer forever.
    let e = read_limited(&fifo).unwrap_err();
    assert!(
        matches!(
            e,
            LoadError::NotRegular {
                what: "a named pipe (FIFO)",
                ..
            }
        ),
        "{e}"
    );
    // A link to it is followed and refused the same way.
    let link = dir.path().join("link.relmap.json");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    assert!(matches!(
        read_limited(&link),
        Err(LoadError::NotRegular { .. })
    ));
}

#[cfg(unix)]
#[test]
fn devices_are_refused_before_any_byte_is_read() {
    for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        let path = Path::new(device);
        if !path.exists() {
            continue;
        }
        let e = read_limited(path).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "{device}: this is a device, not a regular file; relmap opens only regular files"
            )
        );
    }
}

#[test]
fn the_limit_is_enforced_on_the_bytes_read_not_the_size_reported() {
    // An endless source, as a device or a growing file would be: stopped one byte past the limit.
    let mut limited = LimitedReader::new(std::io::repeat(7));
    let copied = std::io::copy(&mut limited, &mut std::io::sink());
    assert!(copied.is_err());
    assert!(limited.exceeded_flag().get());
    // Exactly the limit is fine.
    let mut exact = LimitedReader::new(std::io::repeat(7).take(crate::io::MAX_FILE_BYTES));
    assert_eq!(
        std::io::copy(&mut exact, &mut std::io::sink()).unwrap(),
        crate::io::MAX_FILE_BYTES
    );
    assert!(!exact.exceeded_flag().get());
}

#[test]
fn text_that_is_not_utf8_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("article.txt");
    std::fs::write(&file, b"first line\nsecond \xFF line").unwrap();
    let e = read_text(&file).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:2:8: the file is not UTF-8 text (invalid byte at offset 18); save it as UTF-8 \
             and try again",
            file.display()
        )
    );
}

#[test]
fn a_byte_order_mark_is_not_part_of_a_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("article.txt");
    std::fs::write(&file, b"\xEF\xBB\xBFKim met Moon.").unwrap();
    assert_eq!(read_text(&file).unwrap(), "Kim met Moon.");
}
