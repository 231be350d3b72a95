//! The force layout as a task of the runner: stopping keeps its result as one edit, cancelling
//! a paused layout ends it, and a worker that panics is an error naming the layout. Quick
//! layouts move only the shown actors.

use super::*;
use crate::generate::generate;

fn no_wake() -> Waker {
    Arc::new(|| {})
}

fn endless() -> Settings {
    Settings {
        max_iterations: u64::MAX,
        cooling_after: u64::MAX,
        ..Settings::default()
    }
}

fn session(actors: usize, settings: Settings) -> LayoutSession {
    let data = generate(actors, 3 * actors, 4);
    let ids = data.actors.iter().map(|a| a.id.clone()).collect();
    LayoutSession::start_building(
        ids,
        move || LayoutGraph::from_dataset(&data),
        None,
        settings,
        no_wake(),
    )
}

/// Polls until the session ends or fails (a minute at most).
fn wait_for_end(session: &mut LayoutSession) -> LayoutEvent {
    for _ in 0..30_000 {
        match session.poll() {
            None | Some(LayoutEvent::Moved) => std::thread::sleep(Duration::from_millis(2)),
            Some(end) => return end,
        }
    }
    panic!("the layout did not end");
}

/// Polls until the first positions arrive.
fn wait_for_positions(session: &mut LayoutSession) {
    for _ in 0..30_000 {
        if let Some(LayoutEvent::Moved) = session.poll() {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("no positions arrived");
}

#[test]
fn stopping_keeps_where_it_got_to_as_one_edit_of_every_actor() {
    let mut session = session(120, endless());
    wait_for_positions(&mut session);
    assert!(session.iteration() > 0);
    session.stop();
    let LayoutEvent::Ended(Some(edit)) = wait_for_end(&mut session) else {
        panic!("a stopped layout keeps its result");
    };
    let Edit::Batch { label, edits } = edit else {
        panic!("one batch");
    };
    assert_eq!(label, "force layout");
    let [Edit::MoveActors { moves }] = edits.as_slice() else {
        panic!("one move of every actor");
    };
    assert_eq!(moves.len(), 120);
}

#[test]
fn a_paused_layout_cancelled_ends_without_an_edit() {
    let mut session = session(120, endless());
    session.pause();
    assert!(session.is_paused());
    session.hold("no such actor", None);
    session.cancel();
    assert!(matches!(
        wait_for_end(&mut session),
        LayoutEvent::Ended(None)
    ));
}

#[test]
fn a_layout_that_finishes_by_itself_keeps_its_result() {
    let mut session = session(40, Settings::default());
    assert!(matches!(
        wait_for_end(&mut session),
        LayoutEvent::Ended(Some(_))
    ));
    assert!(session.latest.as_ref().is_some_and(|p| p.len() == 40));
}

#[test]
fn a_worker_that_panics_is_an_error_naming_the_layout() {
    let mut session = LayoutSession::start_building(
        vec!["a".into()],
        || panic!("no graph"),
        None,
        Settings::default(),
        no_wake(),
    );
    let LayoutEvent::Failed(message) = wait_for_end(&mut session) else {
        panic!("a panic is a failure");
    };
    assert_eq!(
        message,
        format!("{FORCE_LAYOUT_NAME} stopped on an internal error: no graph")
    );
}

#[test]
fn quick_layouts_move_only_the_shown_actors() {
    let data = Arc::new(generate(30, 60, 2));
    let shown: Vec<bool> = (0..30).map(|i| i % 2 == 0).collect();
    let ids: Vec<String> = data.actors.iter().map(|a| a.id.clone()).collect();
    let odd = [ids[1].clone(), ids[3].clone()];
    assert!(QuickInput::new(
        &data,
        QuickLayout::SpreadSelected,
        &odd,
        Some(shown.clone())
    )
    .is_none());
    for kind in [
        QuickLayout::Circular,
        QuickLayout::GroupedByKind,
        QuickLayout::SpreadSelected,
    ] {
        let input = QuickInput::new(&data, kind, &ids, Some(shown.clone()));
        let Some(Edit::Batch { edits, .. }) = input.map(QuickInput::run) else {
            panic!("a batch");
        };
        let [Edit::MoveActors { moves }] = edits.as_slice() else {
            panic!("one move");
        };
        let moved: Vec<&String> = moves.iter().map(|(id, _)| id).collect();
        let expected: Vec<&String> = ids.iter().step_by(2).collect();
        assert_eq!(moved, expected, "{kind:?}");
    }
}

#[test]
fn the_window_shows_an_error_naming_a_layout_whose_worker_panicked() {
    let options = crate::app::AppOptions {
        native_dialogs: false,
        recovery_dir: None,
        ..crate::app::AppOptions::default()
    };
    let mut app = crate::app::RelmapApp::new(None, None, options);
    let session = LayoutSession::start_building(
        Vec::new(),
        || panic!("no graph"),
        None,
        Settings::default(),
        no_wake(),
    );
    app.state
        .tasks
        .put(crate::app::running::Job::ForceLayout(session));
    let ctx = egui::Context::default();
    for _ in 0..30_000 {
        app.poll_tasks(&ctx);
        if app.state.tasks.layout().is_none() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(app.state.tasks.layout().is_none(), "the layout never ended");
    let notice = app.state.notices.last().expect("an error is shown");
    assert_eq!(notice.title, "Could not lay out the map");
    assert_eq!(
        notice.lines,
        vec![format!(
            "{FORCE_LAYOUT_NAME} stopped on an internal error: no graph"
        )]
    );
}
