//! Every job running in the background, as one list ([`RunningTasks`], `AppState::tasks`):
//! what each is, what the status bar shows of it, whether the user may stop it, and whether it
//! works for the open document (and so stops when another replaces it). The frame loop polls
//! them in `app/polling.rs`; the jobs themselves run on the runner (`app/tasks.rs`).

use std::mem::{discriminant, Discriminant};
use std::time::Duration;

use super::duplicates::DuplicateSearch;
use super::files::DialogJob;
use super::layout_session::{LayoutSession, QuickJob};
use super::loading::LoadJob;
use super::merging::MergeJob;
use super::saving::SaveJob;

/// Names one running task, for the status bar's Cancel.
pub type TaskId = u64;

/// A job running in the background.
pub enum Job {
    /// A native file dialog; its answer carries the document generation it was asked for.
    Dialog(DialogJob),
    Loading(LoadJob),
    Saving(SaveJob),
    Merging(MergeJob),
    /// An article being read into candidates.
    Ingesting(super::ingesting::IngestJob),
    QuickLayout(QuickJob),
    /// The search behind the possible duplicates window, with its result while it is open.
    Duplicates(DuplicateSearch),
    ForceLayout(LayoutSession),
    /// The measures actors are sized or coloured by.
    Measures(super::measures::MeasuresJob),
    /// The search index of a large map.
    SearchIndex(super::search_indexing::IndexJob),
    /// A file being read for File → Import….
    Importing(super::importing::ImportJob),
    /// A file read for an import, being merged into the open map.
    ImportMerging(super::importing::ImportMergeJob),
    /// The map or a picture of it being written elsewhere (File → Export…).
    Exporting(super::exporting::ExportJob),
    /// The explore graph of a large map (a tenth of a second at most: not shown).
    MapGraph(super::graph_building::GraphJob),
}

/// What the status bar shows of a task: "Opening big.relmap.json (76.2 MB) · 1.2 s".
pub struct TaskLine<'a> {
    pub name: &'a str,
    pub detail: Option<String>,
    pub elapsed: Duration,
    pub progress: Option<f32>,
    /// Stopping it is safe, and the status bar offers Cancel.
    pub cancellable: bool,
}

impl Job {
    /// Its line in the status bar; `None` for a job shown elsewhere (a dialog, the duplicates
    /// window, the force layout with its own controls).
    pub fn line(&self) -> Option<TaskLine<'_>> {
        let (task_name, elapsed, progress) = match self {
            Job::Loading(job) => (job.task.name(), job.task.elapsed(), job.task.progress()),
            Job::Saving(job) => (job.task.name(), job.task.elapsed(), job.task.progress()),
            Job::Merging(job) => (job.task.name(), job.task.elapsed(), job.task.progress()),
            Job::Ingesting(job) => (job.task.name(), job.task.elapsed(), job.task.progress()),
            Job::QuickLayout(task) => (task.name(), task.elapsed(), task.progress()),
            Job::Measures(job) => (job.task.name(), job.task.elapsed(), job.task.progress()),
            Job::SearchIndex(job) => (job.task.name(), job.task.elapsed(), job.task.progress()),
            Job::Importing(job) => (job.task.name(), job.task.elapsed(), job.task.progress()),
            Job::ImportMerging(job) => (job.task.name(), job.task.elapsed(), job.task.progress()),
            Job::Exporting(job) => (job.task.name(), job.task.elapsed(), job.task.progress()),
            Job::Dialog(_) | Job::Duplicates(_) | Job::ForceLayout(_) | Job::MapGraph(_) => {
                return None
            }
        };
        let detail = match self {
            Job::Loading(job) => Some(format!("{:.1} MB", job.size as f64 / 1_048_576.0)),
            Job::Saving(job) => Some(format!("to {}", job.path.display())),
            Job::Exporting(job) => Some(format!("to {}", job.path.display())),
            _ => None,
        };
        Some(TaskLine {
            name: task_name,
            detail,
            elapsed,
            progress,
            cancellable: self.is_cancellable(),
        })
    }

    /// Whether the user may stop it: not a save (a file must end whole, old or new).
    pub fn is_cancellable(&self) -> bool {
        match self {
            Job::Loading(_)
            | Job::Merging(_)
            | Job::Ingesting(_)
            | Job::QuickLayout(_)
            | Job::ForceLayout(_)
            | Job::Measures(_)
            | Job::SearchIndex(_)
            | Job::Importing(_)
            | Job::ImportMerging(_)
            | Job::MapGraph(_) => true,
            // An export, like a save, ends whole.
            Job::Dialog(_) | Job::Duplicates(_) | Job::Saving(_) | Job::Exporting(_) => false,
        }
    }

    /// Whether its result is for the open document, so that it must stop when another
    /// document replaces it. A save of the old document goes on: it writes what the user asked
    /// to save, and is known by the old document's id when it reports. A dialog's answer is
    /// checked against the document it was asked for.
    pub fn works_for_open_document(&self) -> bool {
        match self {
            // A file still opening would replace the new document when it arrives.
            Job::Loading(_) => true,
            Job::Merging(_)
            | Job::Ingesting(_)
            | Job::QuickLayout(_)
            | Job::Duplicates(_)
            | Job::ForceLayout(_)
            | Job::Measures(_)
            | Job::SearchIndex(_)
            | Job::ImportMerging(_)
            | Job::MapGraph(_) => true,
            // A file read for an import is offered for the map open when it is read; an
            // export writes the map it was asked for.
            Job::Dialog(_) | Job::Saving(_) | Job::Importing(_) | Job::Exporting(_) => false,
        }
    }

    /// Asks the job to stop; its result, if it still sends one, is dropped with it.
    pub fn cancel(&mut self) {
        match self {
            Job::Loading(job) => job.task.cancel(),
            Job::Merging(job) => job.task.cancel(),
            Job::Ingesting(job) => job.task.cancel(),
            Job::QuickLayout(task) => task.cancel(),
            Job::ForceLayout(session) => session.cancel(),
            Job::Duplicates(search) => search.cancel(),
            Job::Measures(job) => job.task.cancel(),
            Job::SearchIndex(job) => job.task.cancel(),
            Job::Importing(job) => job.task.cancel(),
            Job::ImportMerging(job) => job.task.cancel(),
            Job::MapGraph(job) => job.task.cancel(),
            // A save is never stopped halfway; a dialog is the user's to close.
            Job::Dialog(_) | Job::Saving(_) | Job::Exporting(_) => {}
        }
    }
}

/// A job and the id the status bar knows it by.
pub struct RunningTask {
    pub id: TaskId,
    pub job: Job,
}

/// Every job running in the background, in the order they started; at most one of each kind.
#[derive(Default)]
pub struct RunningTasks {
    list: Vec<RunningTask>,
    next_id: TaskId,
}

impl RunningTasks {
    /// Adds a job; one of the same kind already running is stopped (where that is safe) and
    /// dropped: its result would no longer be wanted.
    pub fn put(&mut self, job: Job) -> TaskId {
        if let Some(mut old) = self.take_kind(discriminant(&job)) {
            if old.is_cancellable() {
                old.cancel();
            }
        }
        self.next_id += 1;
        self.list.push(RunningTask {
            id: self.next_id,
            job,
        });
        self.next_id
    }

    pub fn iter(&self) -> impl Iterator<Item = &RunningTask> {
        self.list.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Stops the task `id` if stopping it is safe, and drops it; false when it was not.
    pub fn cancel(&mut self, id: TaskId) -> bool {
        let Some(i) = self
            .list
            .iter()
            .position(|t| t.id == id && t.job.is_cancellable())
        else {
            return false;
        };
        self.list.remove(i).job.cancel();
        true
    }

    /// Stops and drops every job working for the open document, which is being replaced.
    pub fn stop_work_for_open_document(&mut self) {
        self.list.retain_mut(|task| {
            let stop = task.job.works_for_open_document();
            if stop {
                task.job.cancel();
            }
            !stop
        });
    }

    fn take_kind(&mut self, kind: Discriminant<Job>) -> Option<Job> {
        let i = self
            .list
            .iter()
            .position(|t| discriminant(&t.job) == kind)?;
        Some(self.list.remove(i).job)
    }
}

/// `name()`, `name_mut()` and `take_name()` for the job of one kind.
macro_rules! accessors {
    ($($variant:ident: $job:ty => $get:ident, $get_mut:ident, $take:ident;)*) => {
        impl RunningTasks {
            $(
                pub fn $get(&self) -> Option<&$job> {
                    self.list.iter().find_map(|t| match &t.job {
                        Job::$variant(job) => Some(job),
                        _ => None,
                    })
                }

                pub fn $get_mut(&mut self) -> Option<&mut $job> {
                    self.list.iter_mut().find_map(|t| match &mut t.job {
                        Job::$variant(job) => Some(job),
                        _ => None,
                    })
                }

                /// Removes the job of this kind from the list, without stopping it.
                pub fn $take(&mut self) -> Option<$job> {
                    let i = self
                        .list
                        .iter()
                        .position(|t| matches!(t.job, Job::$variant(_)))?;
                    match self.list.remove(i).job {
                        Job::$variant(job) => Some(job),
                        _ => None,
                    }
                }
            )*
        }
    };
}

accessors! {
    Dialog: DialogJob => dialog, dialog_mut, take_dialog;
    Loading: LoadJob => loading, loading_mut, take_loading;
    Saving: SaveJob => saving, saving_mut, take_saving;
    Merging: MergeJob => merging, merging_mut, take_merging;
    Ingesting: super::ingesting::IngestJob => ingesting, ingesting_mut, take_ingesting;
    QuickLayout: QuickJob => quick_layout, quick_layout_mut, take_quick_layout;
    Duplicates: DuplicateSearch => duplicates, duplicates_mut, take_duplicates;
    ForceLayout: LayoutSession => layout, layout_mut, take_layout;
    Measures: super::measures::MeasuresJob => measures, measures_mut, take_measures;
    SearchIndex: super::search_indexing::IndexJob => search_index, search_index_mut, take_search_index;
    Importing: super::importing::ImportJob => importing, importing_mut, take_importing;
    ImportMerging: super::importing::ImportMergeJob => import_merging, import_merging_mut, take_import_merging;
    Exporting: super::exporting::ExportJob => exporting, exporting_mut, take_exporting;
    MapGraph: super::graph_building::GraphJob => map_graph, map_graph_mut, take_map_graph;
}

#[cfg(test)]
#[path = "running_tests.rs"]
mod tests;
