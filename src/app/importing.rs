//! File → Import…: a file of any registered format is read on the runner (progress by bytes
//! read, Cancel in the status bar); once read, the user chooses to replace the open map with it
//! (through `replace::replace_document`, after the unsaved-changes question) or to merge it in
//! (`edit::merge_imported`, built on the runner too, one undoable edit); a summary dialog then says what was mapped,
//! matched and dropped. A file that cannot be read leaves the open map as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::document::Document;
use super::running::Job;
use super::state::AppState;
use super::tasks::{self, Outcome, Task};
use crate::edit::{merge_imported, Edit, ImportSummary};
use crate::io::json::Loaded;
use crate::io::{formats, LoadError};

/// A file being read for an import.
pub struct ImportJob {
    pub path: PathBuf,
    pub task: Task<Result<ImportRead, LoadError>>,
}

/// What reading a file for an import gives.
pub enum ImportRead {
    /// A map, with the reader's notes on what it did not keep.
    Map(Box<Loaded>),
    /// CSV tables whose columns say neither Kumu's nor Gephi's layout: the user maps them first.
    NeedsMapping(crate::io::csv::Unmapped),
}

/// A file that was read, waiting for the user to choose Replace or Merge.
#[derive(Debug)]
pub struct PendingImport {
    pub path: PathBuf,
    pub loaded: Loaded,
}

impl PendingImport {
    /// The file's name, as shown.
    pub fn file_name(&self) -> String {
        file_name(&self.path)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// What a file dropped on the window does: a map in the native format opens (asking first
/// about unsaved changes); a file of any other format is imported.
pub fn dropped(path: PathBuf) -> super::Action {
    if std::ptr::eq(formats::for_path(&path), formats::native()) {
        super::Action::File(super::FileAction::Request(super::Guarded::OpenPath(path)))
    } else {
        super::Action::File(super::FileAction::Import(path))
    }
}

/// Starts reading `path` for an import, in the background.
pub fn start(state: &mut AppState, path: PathBuf, ctx: &egui::Context) {
    let format = formats::for_path(&path);
    let owned = path.clone();
    let task = Task::start(
        format!("Importing {}", file_name(&path)),
        tasks::waker(ctx),
        move |control| {
            let mut report = |fraction: f32| {
                control.set_progress(fraction);
                !control.is_cancelled()
            };
            if format.key == "csv" {
                let mut progress = crate::io::Progress::new(&mut report);
                return crate::io::csv::read_for_import(&owned, &mut progress).map(
                    |read| match read {
                        Ok(loaded) => ImportRead::Map(Box::new(loaded)),
                        Err(unmapped) => ImportRead::NeedsMapping(unmapped),
                    },
                );
            }
            formats::read_with_progress(&owned, format, &mut report)
                .map(|loaded| ImportRead::Map(Box::new(loaded)))
        },
    );
    state.pending_import = None;
    state.tasks.put(Job::Importing(ImportJob { path, task }));
}

/// Takes the result of a finished read: the choice between Replace and Merge, the column
/// mapping of a CSV file, or the error with its place. Called once per frame.
pub fn poll(state: &mut AppState) {
    let outcome = match state.tasks.importing() {
        Some(job) => job.task.poll(),
        None => return,
    };
    let result = match outcome {
        Outcome::Running => return,
        Outcome::Finished(result) => result,
        Outcome::Failed(message) => Err(LoadError::Read {
            path: PathBuf::new(),
            source: std::io::Error::other(message),
        }),
    };
    let Some(job) = state.tasks.take_importing() else {
        return;
    };
    match result {
        Ok(ImportRead::Map(loaded)) => {
            state.pending_import = Some(PendingImport {
                path: job.path,
                loaded: *loaded,
            })
        }
        Ok(ImportRead::NeedsMapping(unmapped)) => {
            state.csv_mapping = Some(super::csv_mapping::MappingState::new(job.path, unmapped));
        }
        Err(e) => report_failure(state, &job.path, &e),
    }
}

/// Tells the user why a file could not be imported; the open map is unchanged.
pub fn report_failure(state: &mut AppState, path: &Path, e: &LoadError) {
    state.error(format!("Could not import {}", path.display()), e.lines());
}

/// Replaces the open map with the file read (the unsaved-changes question was asked first).
pub fn replace(state: &mut AppState) {
    let Some(pending) = state.pending_import.take() else {
        return;
    };
    let name = pending.file_name();
    let Loaded { data, warnings } = pending.loaded;
    let summary = ImportSummary::replacing(&name, &data, warnings);
    // A map in the native format is that file, opened; any other becomes a new, unsaved map.
    let native = std::ptr::eq(formats::for_path(&pending.path), formats::native());
    let doc = if native {
        Document::new(data, Some(pending.path), "")
    } else {
        let stem = name.split('.').next().unwrap_or(&name).to_owned();
        Document::new(data, None, &stem)
    };
    super::replace::replace_document(state, doc);
    state.import_summary = Some(summary);
}

/// The merge of a file that was read into the open map, built on the runner (on a large map
/// it reads every actor's names); applied as one edit when it comes back.
pub struct ImportMergeJob {
    /// The document's structure generation the merge is built for.
    pub generation: u64,
    pub task: Task<(Option<Edit>, ImportSummary)>,
}

/// Starts merging the file read into the open map.
pub fn merge(state: &mut AppState, ctx: &egui::Context) {
    let Some(pending) = state.pending_import.take() else {
        return;
    };
    let name = pending.file_name();
    let open = Arc::clone(&state.doc.data);
    let task = Task::start(format!("Merging {name}"), tasks::waker(ctx), move |_| {
        let Loaded { data, warnings } = pending.loaded;
        let merged = merge_imported(&open, &data, &name, warnings);
        // The open map is released before the result is seen, so that it applies at once.
        drop(open);
        merged
    });
    let generation = state.doc.structure_generation();
    state
        .tasks
        .put(Job::ImportMerging(ImportMergeJob { generation, task }));
}

/// Applies a merge that came back, as one edit, and shows its summary; a map changed meanwhile
/// drops it with a word why. Called once per frame.
pub fn finish_merge(state: &mut AppState) {
    let result = match state.tasks.import_merging().map(|job| job.task.poll()) {
        None | Some(Outcome::Running) => return,
        Some(Outcome::Finished(result)) => Ok(result),
        Some(Outcome::Failed(message)) => Err(message),
    };
    let Some(job) = state.tasks.take_import_merging() else {
        return;
    };
    match result {
        Ok(_) if state.doc.structure_generation() != job.generation => state.error(
            "The map changed while the file was merged into it; import it again",
            Vec::new(),
        ),
        Ok((edit, summary)) => {
            if let Some(edit) = edit {
                if !super::dispatch_edit::apply(state, edit) {
                    return;
                }
                state.view.request_fit();
            }
            state.import_summary = Some(summary);
        }
        Err(message) => state.error("Could not merge the file", vec![message]),
    }
}
