//! Tests of a path chosen in a native dialog: it goes through the same code as the path field.

use crate::app::{EditAction, FileAction};
use std::path::PathBuf;

use super::files::DialogJob;
use super::running::Job;
use super::state::PathPurpose;
use super::{Action, AppOptions, Guarded, RelmapApp};

fn small_map() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/good/small.relmap.json")
}

/// The app with a modified map, after File → Open… and "Don't save", with a native dialog in
/// place of the path field it showed (no dialog can be shown here).
fn after_dont_save(ctx: &egui::Context) -> (RelmapApp, u64) {
    let options = AppOptions {
        native_dialogs: false,
        recovery_dir: None,
        ..AppOptions::default()
    };
    let mut app = RelmapApp::new(None, None, options);
    app.act(Action::Edit(EditAction::AddActor { at: None }), ctx);
    assert!(app.state.doc.is_modified());
    app.act(Action::File(FileAction::Request(Guarded::OpenDialog)), ctx);
    assert!(app.state.unsaved_prompt.is_some());
    app.act(Action::File(FileAction::DiscardAndContinue), ctx);
    let field = app.state.path_field.take().expect("asked for a path");
    (app, field.asked_at)
}

/// One frame's polling and dispatching, without drawing.
fn poll_and_dispatch(app: &mut RelmapApp, ctx: &egui::Context) {
    app.handle_window_events(ctx);
    app.poll_tasks(ctx);
    app.dispatch_actions(ctx);
}

#[test]
fn a_path_picked_after_dont_save_opens_without_asking_again() {
    let ctx = egui::Context::default();
    let (mut app, asked_at) = after_dont_save(&ctx);
    let dialog = DialogJob::answered(PathPurpose::Open, asked_at, small_map());
    app.state.tasks.put(Job::Dialog(dialog));
    poll_and_dispatch(&mut app, &ctx);
    assert!(app.state.unsaved_prompt.is_none(), "asked a second time");
    assert_eq!(app.state.doc.path.as_deref(), Some(small_map().as_path()));
    assert!(!app.state.doc.is_modified());
}

#[test]
fn changes_made_while_the_dialog_was_open_are_asked_about() {
    let ctx = egui::Context::default();
    let (mut app, asked_at) = after_dont_save(&ctx);
    let dialog = DialogJob::answered(PathPurpose::Open, asked_at, small_map());
    app.state.tasks.put(Job::Dialog(dialog));
    app.act(Action::Edit(EditAction::AddActor { at: None }), &ctx);
    poll_and_dispatch(&mut app, &ctx);
    assert_eq!(
        app.state.unsaved_prompt,
        Some(Guarded::OpenPath(small_map()))
    );
    assert_eq!(app.state.doc.path, None);
}

/// Saving to a format that does not keep the whole map writes a copy, says what it lacks, and
/// leaves the map unsaved; one that keeps everything (GEXF) saves it.
#[test]
fn saving_to_a_format_that_loses_something_leaves_the_map_unsaved() {
    let ctx = egui::Context::default();
    let dir = tempfile::tempdir().unwrap();
    let options = AppOptions {
        native_dialogs: false,
        recovery_dir: None,
        ..AppOptions::default()
    };
    let mut app = RelmapApp::new(None, None, options);
    app.act(Action::Edit(EditAction::AddActor { at: None }), &ctx);
    let copy = dir.path().join("map.ftm.json");
    app.act(Action::File(FileAction::SaveTo(copy.clone())), &ctx);
    assert!(copy.exists());
    assert!(app.state.doc.is_modified(), "the map stays unsaved");
    let notice = app.state.notices.last().expect("a notice");
    assert!(
        notice
            .title
            .starts_with("Saved a copy as FollowTheMoney entities"),
        "{}",
        notice.title
    );
    assert!(
        notice
            .lines
            .iter()
            .any(|l| l.starts_with("not kept: the positions")),
        "{:?}",
        notice.lines
    );
    let gexf = dir.path().join("map.gexf");
    app.act(Action::File(FileAction::SaveTo(gexf.clone())), &ctx);
    assert!(!app.state.doc.is_modified(), "GEXF keeps everything");
    assert_eq!(
        crate::io::formats::open(&gexf).unwrap().data,
        *app.state.doc.data
    );
}
