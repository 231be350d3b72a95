//! The list of running tasks: one of each kind, Cancel only where it is safe, and what stops
//! when the document is replaced.

use std::path::PathBuf;

use super::*;
use crate::app::state::PathPurpose;
use crate::app::tasks::{Outcome, Task};
use crate::edit::Edit;
use crate::io::LoadError;

fn quick(label: &str) -> Job {
    Job::QuickLayout(Task::finished(
        "Laying out",
        Edit::Batch {
            label: label.into(),
            edits: Vec::new(),
        },
    ))
}

fn saving() -> Job {
    Job::Saving(SaveJob {
        path: PathBuf::from("map.relmap.json"),
        doc: 1,
        revision: 2,
        task: Task::finished("Saving map.relmap.json", Ok(())),
    })
}

fn loading() -> Job {
    let path = PathBuf::from("big.relmap.json");
    Job::Loading(LoadJob {
        path: path.clone(),
        size: 3 * 1_048_576,
        task: Task::finished(
            "Opening big.relmap.json",
            Err(LoadError::Read {
                path,
                source: std::io::Error::other("gone"),
            }),
        ),
    })
}

fn dialog() -> Job {
    Job::Dialog(DialogJob::answered(
        PathPurpose::Open,
        0,
        PathBuf::from("a"),
    ))
}

#[test]
fn one_job_of_each_kind_in_the_order_they_started() {
    let mut tasks = RunningTasks::default();
    assert!(tasks.is_empty());
    let first = tasks.put(quick("first"));
    let save = tasks.put(saving());
    let second = tasks.put(quick("second"));
    assert!(first < save && save < second);
    let ids: Vec<TaskId> = tasks.iter().map(|t| t.id).collect();
    assert_eq!(ids, vec![save, second]);
    let Some(Outcome::Finished(Edit::Batch { label, .. })) =
        tasks.quick_layout().map(|task| task.poll())
    else {
        panic!("the quick layout is there");
    };
    assert_eq!(label, "second");
    assert!(tasks.saving().is_some() && tasks.loading().is_none());
    assert!(tasks.take_saving().is_some());
    assert!(tasks.saving().is_none());
}

#[test]
fn a_save_cannot_be_cancelled_and_its_line_offers_no_cancel() {
    let mut tasks = RunningTasks::default();
    let save = tasks.put(saving());
    let load = tasks.put(loading());
    let lines: Vec<(String, Option<String>, bool)> = tasks
        .iter()
        .filter_map(|t| t.job.line())
        .map(|line| (line.name.to_owned(), line.detail, line.cancellable))
        .collect();
    assert_eq!(
        lines,
        vec![
            (
                "Saving map.relmap.json".to_owned(),
                Some("to map.relmap.json".to_owned()),
                false
            ),
            (
                "Opening big.relmap.json".to_owned(),
                Some("3.0 MB".to_owned()),
                true
            ),
        ]
    );
    assert!(!tasks.cancel(save));
    assert!(tasks.cancel(load));
    assert!(!tasks.cancel(load));
    assert!(tasks.saving().is_some() && tasks.loading().is_none());
}

#[test]
fn replacing_the_document_stops_the_work_for_it_but_not_a_save_or_a_dialog() {
    let mut tasks = RunningTasks::default();
    tasks.put(dialog());
    tasks.put(loading());
    tasks.put(saving());
    tasks.put(quick("q"));
    tasks.stop_work_for_open_document();
    assert!(tasks.dialog().is_some() && tasks.saving().is_some());
    assert!(tasks.loading().is_none() && tasks.quick_layout().is_none());
    assert_eq!(tasks.iter().count(), 2);
    // Neither has a line of its own in the status bar but the save.
    assert_eq!(tasks.iter().filter(|t| t.job.line().is_some()).count(), 1);
}
