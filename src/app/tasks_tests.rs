//! The task runner: results, progress, cancellation, and failures reported as failures.

use super::*;

fn no_wake() -> Waker {
    Arc::new(|| {})
}

/// Polls until the task is done (a few seconds at most).
fn wait<T>(task: &Task<T>) -> Outcome<T> {
    for _ in 0..2000 {
        match task.poll() {
            Outcome::Running => std::thread::sleep(Duration::from_millis(2)),
            done => return done,
        }
    }
    panic!("the task did not finish");
}

#[test]
fn a_result_comes_back_and_the_window_is_woken() {
    let woken = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&woken);
    let task = Task::start(
        "Adding",
        Arc::new(move || flag.store(true, Ordering::SeqCst)),
        |_| 2 + 2,
    );
    assert_eq!(wait(&task), Outcome::Finished(4));
    assert!(woken.load(Ordering::SeqCst));
    assert_eq!(task.name(), "Adding");
}

#[test]
fn progress_is_reported_and_cancellation_is_seen() {
    let (go, wait_for_go) = std::sync::mpsc::channel::<()>();
    let (seen, saw) = std::sync::mpsc::channel::<f32>();
    let task = Task::start("Counting", no_wake(), move |control: &Control| {
        control.set_progress(0.25);
        seen.send(0.25).unwrap();
        wait_for_go.recv().unwrap();
        control.is_cancelled()
    });
    saw.recv().unwrap();
    assert_eq!(task.progress(), Some(0.25));
    assert_eq!(task.poll(), Outcome::Running);
    task.cancel();
    go.send(()).unwrap();
    assert_eq!(wait(&task), Outcome::Finished(true));
}

#[test]
fn no_progress_is_none_and_odd_values_are_clamped() {
    let control = Control::new();
    let task: Task<()> = Task::start("Idle", no_wake(), |_| ());
    let _ = wait(&task);
    assert_eq!(task.progress(), None);
    control.set_progress(f32::NAN);
    control.set_progress(7.0);
    assert_eq!(
        f32::from_bits(control.progress.load(Ordering::Relaxed)),
        1.0
    );
}

#[test]
fn a_job_that_panics_is_a_failure_with_its_name_not_an_empty_result() {
    let task: Task<Vec<u32>> = Task::start("Searching for duplicates", no_wake(), |_| {
        panic!("index out of bounds")
    });
    assert_eq!(
        wait(&task),
        Outcome::Failed(
            "Searching for duplicates stopped on an internal error: index out of bounds".into()
        )
    );
    // Spent: polling again says the job is gone, never that it found nothing.
    assert_eq!(
        task.poll(),
        Outcome::Failed("Searching for duplicates stopped unexpectedly".into())
    );
}
