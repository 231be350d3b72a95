//! Unit tests of reading articles: plain text, Markdown and HTML, metadata and datelines.

use super::*;

fn path(name: &str) -> PathBuf {
    PathBuf::from(name)
}

#[test]
fn plain_text_keeps_its_text_with_unix_line_ends() {
    let a = from_bytes(
        &path("a.txt"),
        b"\xEF\xBB\xBFTOKYO \xE2\x80\x94 Kim met Moon.\r\nThen left.\r\n",
    )
    .unwrap();
    assert_eq!(a.text, "TOKYO — Kim met Moon.\nThen left.\n");
}

#[test]
fn html_is_recognised_by_name_or_by_its_start() {
    let page = "<!DOCTYPE html><html><body><p>Kim met Moon.</p></body></html>";
    assert_eq!(
        from_text(&path("a.html"), page).unwrap().text,
        "Kim met Moon.\n"
    );
    assert_eq!(
        from_text(&path("pasted"), page).unwrap().text,
        "Kim met Moon.\n"
    );
    assert_eq!(format_of(&path("a.txt"), "plain"), Format::Text);
}

#[test]
fn markdown_is_reduced_to_its_words_and_front_matter_to_metadata() {
    let md = "---\ntitle: \"Kim meets Moon\"\ndate: 2018-04-27\noutlet: Wire\n---\n# Kim meets Moon\n\n\
              **SEOUL** — The [two leaders](https://x.org) met. ![photo](p.jpg)\n\n> A quote.\n- a point\n";
    let a = from_text(&path("a.md"), md).unwrap();
    assert_eq!(
        a.text,
        "Kim meets Moon\n\nSEOUL — The two leaders met. \n\nA quote.\na point\n"
    );
    assert_eq!(a.meta.title, "Kim meets Moon");
    assert_eq!(a.meta.published.as_deref(), Some("2018-04-27"));
    assert_eq!(a.meta.outlet, "Wire");
}

#[test]
fn bad_input_gets_a_clear_message_and_no_panic() {
    let empty = from_bytes(&path("empty.txt"), b"").unwrap_err();
    assert_eq!(empty.to_string(), "empty.txt: the article is empty");
    let blank = from_bytes(&path("blank.txt"), b" \n\t\n").unwrap_err();
    assert!(matches!(blank, InputError::Empty { .. }));
    let binary = from_bytes(&path("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
    assert!(binary.to_string().contains("is not text"), "{binary}");
    let latin1 = from_bytes(&path("latin1.txt"), b"Caf\xe9 talks in S\xe9oul").unwrap_err();
    assert_eq!(
        latin1.to_string(),
        "latin1.txt: this is not UTF-8 text (invalid byte at byte 3); save it as UTF-8 and try again"
    );
    let no_body = from_text(
        &path("a.html"),
        "<html><head><title>T</title></head></html>",
    )
    .unwrap_err();
    assert_eq!(
        no_body.to_string(),
        "a.html: the HTML has no body text to ingest"
    );
    let scripts_only = from_text(
        &path("a.html"),
        "<html><body><script>x()</script></body></html>",
    );
    assert!(matches!(scripts_only, Err(InputError::NoBody { .. })));
}

#[test]
fn a_50_mb_text_is_refused_before_it_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let err = read_file(&big).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the article is 50 MiB; relmap ingests articles of at most 4 MiB",
            big.display()
        )
    );
    let bytes = vec![b'a'; (MAX_ARTICLE_BYTES + 1) as usize];
    assert!(matches!(
        from_bytes(&big, &bytes),
        Err(InputError::TooLarge { .. })
    ));
}

#[test]
fn a_folder_gives_its_articles_by_name_and_an_empty_one_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), "Second article.").unwrap();
    std::fs::write(dir.path().join("a.md"), "First article.").unwrap();
    std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
    let articles = read_path(dir.path()).unwrap();
    let texts: Vec<&str> = articles.iter().map(|a| a.text.trim()).collect();
    assert_eq!(texts, ["First article.", "Second article."]);
    let empty = tempfile::tempdir().unwrap();
    assert!(matches!(
        read_path(empty.path()),
        Err(InputError::EmptyFolder { .. })
    ));
    let missing = read_path(&dir.path().join("missing.txt")).unwrap_err();
    assert!(missing.to_string().contains("cannot read it"), "{missing}");
}
