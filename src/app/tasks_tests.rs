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

#[test]
fn a_streaming_job_sends_updates_takes_commands_and_returns_a_result() {
    let woken = Arc::new(AtomicU32::new(0));
    let count = Arc::clone(&woken);
    let task: StreamingTask<u32, u32, u32> = StreamingTask::start(
        "Echoing",
        Arc::new(move || {
            count.fetch_add(1, Ordering::SeqCst);
        }),
        |_, stream: &Stream<u32, u32>| {
            let mut sum = 0;
            while let Some(n) = stream.wait_command() {
                sum += n;
                // Waits until the window took it, so that none is skipped.
                while !stream.offer(sum) {
                    std::thread::sleep(Duration::from_millis(1));
                }
                if n == 0 {
                    break;
                }
            }
            sum
        },
    );
    let mut seen = Vec::new();
    for n in [3, 4, 0] {
        task.send(n);
        loop {
            if let Some(update) = task.latest_update() {
                seen.push(update);
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    assert_eq!(seen, vec![3, 7, 7]);
    assert_eq!(wait(task.task()), Outcome::Finished(7));
    assert_eq!(task.task().name(), "Echoing");
    // Woken for each update taken (and for the end, perhaps just after the result is seen).
    assert!(woken.load(Ordering::SeqCst) >= 3);
}

#[test]
fn a_streaming_job_waiting_for_a_command_sees_the_cancellation() {
    let task: StreamingTask<bool, (), ()> =
        StreamingTask::start("Waiting", no_wake(), |control, stream: &Stream<(), ()>| {
            let command = stream.wait_command();
            command.is_none() && control.is_cancelled() && stream.next_command().is_none()
        });
    task.cancel();
    assert_eq!(wait(task.task()), Outcome::Finished(true));
}

#[test]
fn dropping_a_streaming_task_stops_its_job() {
    let (ended, has_ended) = std::sync::mpsc::channel::<bool>();
    let task: StreamingTask<(), u32, ()> = StreamingTask::start(
        "Busy",
        no_wake(),
        move |control, stream: &Stream<u32, ()>| {
            while !control.is_cancelled() {
                stream.offer(1);
                std::thread::sleep(Duration::from_millis(1));
            }
            let _ = ended.send(true);
        },
    );
    drop(task);
    assert_eq!(has_ended.recv_timeout(Duration::from_secs(60)), Ok(true));
}

#[test]
fn a_streaming_job_that_panics_is_a_failure_with_its_name() {
    let task: StreamingTask<(), (), ()> =
        StreamingTask::start("Force layout", no_wake(), |_, _: &Stream<(), ()>| {
            panic!("lost a node")
        });
    assert_eq!(
        wait(task.task()),
        Outcome::Failed("Force layout stopped on an internal error: lost a node".into())
    );
}
