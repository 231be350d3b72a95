//! Tests of the window and panic messages: useful, and without the build machine's paths.

use super::*;

const X11: &str = "winit EventLoopError: os error at /home/builder/.cargo/registry/src/\
                   index.crates.io-1949cf8c6b5b557f/winit-0.30.13/src/platform_impl/linux/\
                   mod.rs:788: Failed to open connection to X server";
const NO_DISPLAY: &str = "winit EventLoopError: os error at /home/builder/.cargo/registry/src/\
                          index.crates.io-1949cf8c6b5b557f/winit-0.30.13/src/platform_impl/\
                          linux/mod.rs:765: neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor \
                          DISPLAY is set.";

fn names() -> Vec<String> {
    ["check", "sample", "generate", "layout"]
        .map(String::from)
        .to_vec()
}

fn assert_clean(text: &str) {
    for leak in [".cargo", "/registry/", "/rustc/", "src/", ".rs:"] {
        assert!(!text.contains(leak), "{leak} in {text}");
    }
}

#[test]
fn without_a_display_the_message_says_so_and_lists_the_subcommands() {
    let message = window_error(NO_DISPLAY, None, Some(OsStr::new("")), &names());
    if cfg!(all(unix, not(target_os = "macos"))) {
        assert_eq!(
            message,
            "relmap: cannot open a window: no display found (neither DISPLAY nor \
             WAYLAND_DISPLAY is set)\nrelmap: without a window these subcommands work: check, \
             sample, generate, layout (see 'relmap --help')\n"
        );
    }
    assert_clean(&message);
}

#[test]
fn a_display_that_cannot_be_reached_is_named_with_the_cause() {
    let message = window_error(X11, Some(OsStr::new(":99")), None, &names());
    assert_eq!(
        message.lines().next(),
        Some("relmap: cannot open a window: failed to open connection to X server (DISPLAY is ':99')")
    );
    assert_clean(&message);
}

#[test]
fn cause_keeps_the_words_and_drops_the_locations() {
    assert_eq!(cause(X11), "Failed to open connection to X server");
    assert_eq!(
        cause(NO_DISPLAY),
        "neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor DISPLAY is set"
    );
    assert_eq!(
        cause("No GL context could be made"),
        "No GL context could be made"
    );
    // A location at the end: the words before it, without the "at".
    assert_eq!(
        cause("glutin failed at /rustc/abc/library/core/src/x.rs:1:2"),
        "glutin failed"
    );
    assert_eq!(
        cause("bad (C:\\Users\\b\\.cargo\\registry\\x\\lib.rs:3) here"),
        "here"
    );
    assert_eq!(cause(""), "unknown error");
}

#[test]
fn a_panic_message_names_the_file_but_not_its_folders() {
    let message = panic_message(
        Some("index out of bounds at /home/b/.cargo/registry/src/x/y.rs:3:4"),
        Some("/home/b/.cargo/registry/src/index/egui-0.36/src/context.rs"),
        42,
    );
    assert_eq!(
        message,
        "relmap: internal error: index out of bounds at … (in context.rs, line 42)\nThis is a \
         bug in relmap; please report it.\n"
    );
    assert_clean(&message);
    let message = panic_message(None, Some("src\\layout\\force.rs"), 7);
    assert!(message.starts_with("relmap: internal error: no message (in force.rs, line 7)"));
    assert_clean(&message);
    assert!(panic_message(Some("boom"), None, 0).starts_with("relmap: internal error: boom\n"));
}
