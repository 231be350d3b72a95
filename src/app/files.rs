//! File operations of the app: native dialogs as tasks, open, save and the path field.

use crate::app::FileAction;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::document::Document;
use super::running::Job;
use super::state::{AppState, OverwritePrompt, OverwriteReason, PathField, PathPurpose};
use super::tasks::{Outcome, Task};
use crate::io::atomic::WriteOptions;
use crate::io::{formats, json};

/// A dialog answered faster than this was never shown (no portal, no zenity).
const DIALOG_NEVER_SHOWN: Duration = Duration::from_millis(150);

/// A native file dialog running as a task, so the map keeps drawing.
pub struct DialogJob {
    pub purpose: PathPurpose,
    /// The document's generation when the path was asked for (see `FileAction::PathChosen`).
    pub asked_at: u64,
    /// The path picked, if any, and how long the dialog was open.
    pub task: Task<(Option<PathBuf>, Duration)>,
}

impl DialogJob {
    fn start(
        purpose: PathPurpose,
        asked_at: u64,
        start_dir: Option<PathBuf>,
        picture_extension: &'static str,
        ctx: &egui::Context,
    ) -> Self {
        let task = Task::start("File dialog", super::tasks::waker(ctx), move |_| {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new();
            match purpose {
                PathPurpose::Ingest => {
                    dialog = dialog.add_filter("Articles", &["txt", "md", "html", "htm"]);
                }
                PathPurpose::ExportPicture => {
                    dialog = dialog.add_filter("Pictures", &["png", "svg"]);
                }
                PathPurpose::Open
                | PathPurpose::Import
                | PathPurpose::SaveAs
                | PathPurpose::Export => {
                    let reading = matches!(purpose, PathPurpose::Open | PathPurpose::Import);
                    for (name, extensions) in formats::dialog_filters(reading) {
                        dialog = dialog.add_filter(name, &extensions);
                    }
                }
            }
            dialog = dialog.add_filter("All files", &["*"]);
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let picked = match purpose {
                PathPurpose::Open => dialog.set_title("Open dataset").pick_file(),
                PathPurpose::Ingest => dialog.set_title("Ingest article").pick_file(),
                PathPurpose::Import => dialog.set_title("Import a map").pick_file(),
                PathPurpose::Export => dialog
                    .set_title("Export the map")
                    .set_file_name("map.gexf")
                    .save_file(),
                PathPurpose::ExportPicture => dialog
                    .set_title("Export a picture of the map")
                    .set_file_name(format!("map.{}", picture_extension))
                    .save_file(),
                PathPurpose::SaveAs => dialog
                    .set_title("Save dataset as")
                    .set_file_name(format!("untitled.{}", json::EXTENSION))
                    .save_file(),
            };
            (picked, started.elapsed())
        });
        Self {
            purpose,
            asked_at,
            task,
        }
    }
}

#[cfg(test)]
impl DialogJob {
    /// A dialog in which the user has already picked `path`.
    pub(crate) fn answered(purpose: PathPurpose, asked_at: u64, path: PathBuf) -> Self {
        Self {
            purpose,
            asked_at,
            task: Task::finished("File dialog", (Some(path), Duration::from_secs(2))),
        }
    }
}

/// Whether a native dialog can be expected here: a desktop portal on D-Bus, or zenity.
pub fn native_dialog_possible() -> bool {
    if cfg!(not(target_os = "linux")) {
        return true;
    }
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("zenity").is_file()));
    has_bus || has_zenity
}

const NO_DIALOG: &str =
    "No native file dialog is available here (no desktop portal and no zenity). \
                         Type the file's path instead.";

/// Shows a native dialog when one is possible, else the path field.
pub fn ask_for_path(state: &mut AppState, purpose: PathPurpose, ctx: &egui::Context) {
    if state.tasks.dialog().is_some() {
        return;
    }
    if state.options.native_dialogs && native_dialog_possible() {
        let start_dir = state
            .doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned);
        let asked_at = state.doc.generation();
        let extension = state.picture.extension();
        let job = DialogJob::start(purpose, asked_at, start_dir, extension, ctx);
        state.tasks.put(Job::Dialog(job));
    } else {
        let asked_at = state.doc.generation();
        show_path_field(
            state,
            purpose,
            asked_at,
            state.options.native_dialogs.then(|| NO_DIALOG.into()),
        );
    }
}

fn show_path_field(
    state: &mut AppState,
    purpose: PathPurpose,
    asked_at: u64,
    reason: Option<String>,
) {
    let text = match (purpose, &state.doc.path) {
        (PathPurpose::SaveAs, Some(p)) => p.display().to_string(),
        _ => String::new(),
    };
    state.path_field = Some(PathField {
        purpose,
        text,
        reason,
        asked_at,
    });
}

/// Takes the answer of a finished dialog: the chosen path, as the action that uses it.
pub fn poll_dialog(state: &mut AppState) -> Option<super::Action> {
    let job = state.tasks.dialog()?;
    let (purpose, asked_at) = (job.purpose, job.asked_at);
    let outcome = job.task.poll();
    match outcome {
        Outcome::Running => None,
        Outcome::Failed(_) => {
            state.tasks.take_dialog();
            show_path_field(state, purpose, asked_at, Some(NO_DIALOG.into()));
            None
        }
        Outcome::Finished((picked, elapsed)) => {
            state.tasks.take_dialog();
            match picked {
                Some(path) => Some(super::Action::File(FileAction::PathChosen {
                    purpose,
                    path,
                    asked_at,
                })),
                None if elapsed < DIALOG_NEVER_SHOWN => {
                    show_path_field(state, purpose, asked_at, Some(NO_DIALOG.into()));
                    None
                }
                None => None,
            }
        }
    }
}

/// Opens `path` as the new document. On failure the open document is kept and the error shown.
/// Large files are read in the background (see [`super::loading`]); the open document stays
/// until the new one is ready.
pub fn open_path(state: &mut AppState, path: &Path, ctx: &egui::Context) -> bool {
    // Only a regular file's size says anything; other kinds are refused by the reader at once.
    let size = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map_or(0, |m| m.len());
    if size >= super::loading::BACKGROUND_FROM_BYTES {
        let job = super::loading::LoadJob::start(path, size, super::tasks::waker(ctx));
        state.tasks.put(Job::Loading(job));
        return true;
    }
    finish_open(state, path, formats::open(path))
}

/// Replaces the document with a loaded one, or reports why it could not be loaded.
pub fn finish_open(
    state: &mut AppState,
    path: &Path,
    result: Result<json::Loaded, crate::io::LoadError>,
) -> bool {
    match result {
        Ok(json::Loaded { data, warnings }) => {
            if !warnings.is_empty() {
                state.warning(format!("Opened {} with warnings", path.display()), warnings);
            }
            super::replace::replace_document(state, Document::new(data, Some(path.to_owned()), ""));
            state.remember_recent(path.to_owned());
            true
        }
        Err(e) => {
            state.error(format!("Could not open {}", path.display()), e.lines());
            false
        }
    }
}

/// How a save went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved,
    /// Running in the background; the app finishes it when the worker reports.
    Started,
    /// Refused, failed or waiting for the user; already reported.
    NotSaved,
}

/// What the user already agreed to when a save asked first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Confirmed {
    /// Replace a file that something else changed since it was opened or saved.
    pub changed_on_disk: bool,
    /// Replace a read-only file.
    pub read_only: bool,
}

/// Saves the document to `path`, atomically; on failure the document stays modified.
/// Asks first before replacing a file that changed on disk since it was opened or saved, or a
/// read-only file; refuses anything that is not a regular file (or a link to one).
pub fn save_to(state: &mut AppState, path: &Path, ctx: &egui::Context) -> SaveOutcome {
    save_confirmed(state, path, Confirmed::default(), ctx)
}

/// [`save_to`], with what the user already agreed to.
pub fn save_confirmed(
    state: &mut AppState,
    path: &Path,
    confirmed: Confirmed,
    ctx: &egui::Context,
) -> SaveOutcome {
    let path = with_extension(path);
    let ours = state.doc.path.as_deref() == Some(path.as_path());
    let on_disk = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    if !confirmed.changed_on_disk && ours && on_disk.is_some() && on_disk != state.doc.disk_modified
    {
        state.overwrite_prompt = Some(OverwritePrompt {
            path,
            reason: OverwriteReason::ChangedOnDisk,
        });
        return SaveOutcome::NotSaved;
    }
    match crate::io::inspect_target(&path) {
        Err(e) => {
            report_save_failure(state, &e);
            return SaveOutcome::NotSaved;
        }
        Ok(target) if target.read_only && !confirmed.read_only => {
            state.overwrite_prompt = Some(OverwritePrompt {
                path,
                reason: OverwriteReason::ReadOnly,
            });
            return SaveOutcome::NotSaved;
        }
        Ok(_) => {}
    }
    let options = WriteOptions {
        overwrite_read_only: confirmed.read_only,
    };
    save_without_asking(state, &path, options, ctx)
}

/// Saves without asking anything more.
fn save_without_asking(
    state: &mut AppState,
    path: &Path,
    options: WriteOptions,
    ctx: &egui::Context,
) -> SaveOutcome {
    if state.tasks.saving().is_some() {
        state.info("A save is already under way; try again when it has finished");
        return SaveOutcome::NotSaved;
    }
    let data = &state.doc.data;
    if data.actors.len() + data.ties.len() >= super::saving::BACKGROUND_FROM_ELEMENTS {
        let job = super::saving::SaveJob::start(
            std::sync::Arc::clone(data),
            path,
            options,
            state.doc.id(),
            state.doc.history.revision(),
            super::tasks::waker(ctx),
        );
        state.tasks.put(Job::Saving(job));
        return SaveOutcome::Started;
    }
    let problems = crate::model::validate(&state.doc.data);
    if !problems.is_empty() {
        let lines = problems.iter().map(ToString::to_string).collect();
        state.error(
            format!("Not saved: the map has problems ({})", path.display()),
            lines,
        );
        return SaveOutcome::NotSaved;
    }
    let result = formats::save(path, &state.doc.data, options);
    let (doc, revision) = (state.doc.id(), state.doc.history.revision());
    if finish_save(state, path, doc, revision, result) {
        SaveOutcome::Saved
    } else {
        SaveOutcome::NotSaved
    }
}

/// Records a finished save of document `doc` (at the revision that was written), or reports its
/// failure. A save of a document that is no longer open marks nothing on the one that is.
pub fn finish_save(
    state: &mut AppState,
    path: &Path,
    doc: u64,
    revision: u64,
    result: Result<(), crate::io::SaveError>,
) -> bool {
    match result {
        Ok(()) if doc != state.doc.id() => {
            state.remember_recent(path.to_owned());
            true
        }
        Ok(()) => {
            // A format that cannot hold the whole map (CSV, FollowTheMoney) gets a copy: the
            // map stays unsaved, so that leaving still asks, and the user is told what the copy
            // lacks.
            let format = formats::for_path(path);
            let lost = crate::io::interop::losses(&state.doc.data, format);
            if lost.is_empty() {
                state.doc.mark_saved_at(path.to_owned(), revision);
            } else {
                state.warning(
                    format!(
                        "Saved a copy as {} ({}); the map stays unsaved, as that format does \
                         not keep everything",
                        format.name,
                        path.display()
                    ),
                    lost.iter().map(|l| format!("not kept: {l}")).collect(),
                );
            }
            state.remember_recent(path.to_owned());
            true
        }
        Err(e) => {
            report_save_failure(state, &e);
            false
        }
    }
}

/// Tells the user why a save failed; whatever waited for the save is dropped.
fn report_save_failure(state: &mut AppState, e: &crate::io::SaveError) {
    state.after_save = None;
    state.error(
        "Could not save",
        vec![
            e.to_string(),
            "Your changes are still open and unsaved.".into(),
        ],
    );
}

/// Adds `.relmap.json` to a name typed without any extension.
fn with_extension(path: &Path) -> PathBuf {
    if path.extension().is_some() {
        path.to_owned()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(json::EXTENSION);
        PathBuf::from(name)
    }
}
