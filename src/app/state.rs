//! Everything the app shows, as plain state. Views read it; only `dispatch` changes it.

use std::path::PathBuf;

use super::action::{Guarded, Selection, Window};
use super::document::Document;
use super::running::RunningTasks;
use crate::model::{ExcerptRef, SourceId};

/// The article reader: which source is shown, and which excerpt of which tie is highlighted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderState {
    pub source: SourceId,
    /// The excerpt highlighted, if the reader was opened from one: held by its quote's place
    /// in the source, so that it stays on the same quote when an earlier excerpt goes.
    pub highlight: Option<ExcerptRef>,
}

impl ReaderState {
    /// The reader on a source, with nothing highlighted.
    pub fn on(source: impl Into<SourceId>) -> Self {
        Self {
            source: source.into(),
            highlight: None,
        }
    }

    /// The reader on the source of excerpt `index` of `tie`, highlighting it.
    pub fn at_excerpt(tie: &crate::model::Tie, index: usize) -> Option<Self> {
        let highlight = ExcerptRef::of(tie, index)?;
        Some(Self {
            source: highlight.source.clone(),
            highlight: Some(highlight),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    /// Something worth knowing that did not stop what the user asked for.
    Warning,
    Info,
}

/// A message shown once, until the user dismisses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub title: String,
    pub lines: Vec<String>,
}

/// What a typed path is for, when no native dialog can be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    /// An article to ingest.
    Ingest,
    /// A file of any registered format to import (File → Import…).
    Import,
    /// Where to export the map, in the format its name says (File → Export…).
    Export,
    /// Where to write a picture of the map (File → Export picture…).
    ExportPicture,
}

/// A save that waits for the user to agree to replace a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverwritePrompt {
    pub path: PathBuf,
    pub reason: OverwriteReason,
}

/// Why a save asks before replacing a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverwriteReason {
    /// Something else changed the file since it was opened or saved.
    ChangedOnDisk,
    /// The file is read-only.
    ReadOnly,
}

/// The path field offered in place of a native file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathField {
    pub purpose: PathPurpose,
    /// The text the field starts with.
    pub text: String,
    /// Why the field is shown instead of a dialog.
    pub reason: Option<String>,
    /// The document's generation when the path was asked for (see `FileAction::PathChosen`).
    pub asked_at: u64,
}

/// Requests from dispatch to the map view. The view acts when a serial number changes,
/// so that it never has to write to the state it reads.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ViewRequests {
    pub fit_serial: u64,
    pub zoom_serial: u64,
    /// The zoom factor of the latest zoom request.
    pub zoom_factor: f32,
    /// The part of the map in view (canvas units, the legend's corner left out), as the map
    /// last reported it: where new actors go.
    pub map_area: Option<(crate::model::Point, crate::model::Point)>,
}

impl ViewRequests {
    pub fn request_fit(&mut self) {
        self.fit_serial += 1;
    }

    pub fn request_zoom(&mut self, factor: f32) {
        self.zoom_serial += 1;
        self.zoom_factor = factor;
    }
}

/// Settings that differ between the real app and tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppOptions {
    /// Use the platform's file dialogs; when false the path field is always used.
    pub native_dialogs: bool,
    /// Where recovery copies go; `None` turns crash recovery off.
    pub recovery_dir: Option<PathBuf>,
    /// How often a modified document is copied for recovery.
    pub autosave_interval: std::time::Duration,
    /// Draw the overview as egui meshes even when the GPU could draw it
    /// (`RELMAP_CPU_OVERVIEW=1`; for comparisons).
    pub cpu_overview: bool,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            native_dialogs: true,
            recovery_dir: super::recovery::default_dir(),
            autosave_interval: super::recovery::AUTOSAVE_INTERVAL,
            cpu_overview: std::env::var_os("RELMAP_CPU_OVERVIEW").is_some_and(|v| v == "1"),
        }
    }
}

pub struct AppState {
    pub doc: Document,
    pub selection: Selection,
    /// The actor just added, whose fields open ready to be named; forgotten once the map is
    /// edited or the actor is no longer the selection.
    pub fresh_actor: Option<String>,
    /// Actors added in the app that have not been named yet: their ids are placeholders, to
    /// be made from the first name they are given.
    pub placeholder_ids: std::collections::HashSet<String>,
    /// Actors used lately (selected, or at an end of a tie just made), most recent first:
    /// pickers list them first after the ones a quote names.
    pub recent_actors: Vec<String>,
    /// A second tie selected beside `Selection::Tie` (shift-click), to combine the two.
    pub second_tie: Option<String>,
    pub reader: Option<ReaderState>,
    pub notices: Vec<Notice>,
    /// "You have unsaved changes" is being asked before `Guarded` runs.
    pub unsaved_prompt: Option<Guarded>,
    pub path_field: Option<PathField>,
    pub recent: Vec<PathBuf>,
    /// The theme chosen in View → Theme, kept between runs (`app::appearance`).
    pub theme: egui::ThemePreference,
    pub view: ViewRequests,
    pub options: AppOptions,
    /// Set once the user agreed to quit; the next close request is let through.
    pub quit_confirmed: bool,
    /// After a save triggered by "Save and continue", run this.
    pub after_save: Option<Guarded>,
    /// Floating windows that are open.
    pub windows: Vec<Window>,
    /// Unsaved work left by an app that did not close properly, offered for restoring.
    pub recovery_offer: Option<super::recovery::Orphan>,
    /// Saving would replace a file that changed on disk since it was read, or a read-only
    /// file: it waits for confirmation.
    pub overwrite_prompt: Option<OverwritePrompt>,
    /// Every job running in the background: file dialogs, opening, saving, merging, layouts,
    /// the duplicates search (`app::running`).
    pub tasks: RunningTasks,
    /// The command palette is open.
    pub palette_open: bool,
    /// What the user hid by hand; one of the inputs of `visibility`.
    pub hidden: super::visibility::Hidden,
    /// What the map shows, computed from the state by `visibility::refresh` once a frame.
    pub visibility: super::visibility::Visibility,
    /// Search, filters, timeline, focus, paths and measures (`app::explore`).
    pub explore: super::explore::ExploreState,
    /// The panel of candidates waiting for review is shown.
    pub review_open: bool,
    /// A file read for an import, waiting for Replace or Merge (`app::importing`).
    pub pending_import: Option<super::importing::PendingImport>,
    /// What the last import did, shown until closed.
    pub import_summary: Option<crate::edit::ImportSummary>,
    /// A CSV file of no known layout, waiting for the user to map its columns.
    pub csv_mapping: Option<super::csv_mapping::MappingState>,
    /// The choices of File → Export picture….
    pub picture: super::exporting::PictureChoice,
}

/// How many recent files are remembered.
pub const RECENT_LIMIT: usize = 10;

impl AppState {
    pub fn new(doc: Document, options: AppOptions) -> Self {
        Self {
            doc,
            selection: Selection::None,
            fresh_actor: None,
            placeholder_ids: Default::default(),
            recent_actors: Vec::new(),
            second_tie: None,
            reader: None,
            notices: Vec::new(),
            unsaved_prompt: None,
            path_field: None,
            recent: Vec::new(),
            theme: egui::ThemePreference::System,
            view: ViewRequests {
                fit_serial: 1,
                ..ViewRequests::default()
            },
            options,
            quit_confirmed: false,
            after_save: None,
            windows: Vec::new(),
            recovery_offer: None,
            overwrite_prompt: None,
            tasks: RunningTasks::default(),
            palette_open: false,
            hidden: Default::default(),
            visibility: Default::default(),
            explore: Default::default(),
            review_open: false,
            pending_import: None,
            import_summary: None,
            csv_mapping: None,
            picture: Default::default(),
        }
    }

    /// Whether a question is on screen that the user must answer first (unsaved changes, the
    /// path field, replacing a file, restoring unsaved work): the map takes no keys meanwhile.
    pub fn asks_the_user(&self) -> bool {
        self.unsaved_prompt.is_some()
            || self.path_field.is_some()
            || self.overwrite_prompt.is_some()
            || self.recovery_offer.is_some()
            || self.pending_import.is_some()
            || self.import_summary.is_some()
            || self.csv_mapping.is_some()
    }

    /// The window title: file name, a modified marker, and the app name.
    pub fn window_title(&self) -> String {
        let marker = if self.doc.is_modified() { "● " } else { "" };
        format!("{marker}{} — relmap", self.doc.display_name())
    }

    pub fn error(&mut self, title: impl Into<String>, lines: Vec<String>) {
        self.notices.push(Notice {
            kind: NoticeKind::Error,
            title: title.into(),
            lines,
        });
    }

    pub fn warning(&mut self, title: impl Into<String>, lines: Vec<String>) {
        self.notices.push(Notice {
            kind: NoticeKind::Warning,
            title: title.into(),
            lines,
        });
    }

    pub fn info(&mut self, title: impl Into<String>) {
        self.notices.push(Notice {
            kind: NoticeKind::Info,
            title: title.into(),
            lines: Vec::new(),
        });
    }

    pub fn remember_recent(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Drops a selection or reader that no longer points at anything in the document.
    pub fn forget_dangling_selection(&mut self) {
        let data = &self.doc.data;
        let second_stays = matches!(self.selection, Selection::Tie(_))
            && self
                .second_tie
                .as_deref()
                .is_some_and(|id| data.tie(id).is_some());
        if !second_stays {
            self.second_tie = None;
        }
        self.selection = match std::mem::take(&mut self.selection) {
            Selection::Tie(id) if data.tie(&id).is_none() => Selection::None,
            Selection::Actor(id) if data.actor(&id).is_none() => Selection::None,
            Selection::Actors(ids) => Selection::of_actors(
                ids.into_iter()
                    .filter(|id| data.actor(id).is_some())
                    .collect(),
            ),
            other => other,
        };
        if let Some(r) = &mut self.reader {
            if data.source(&r.source).is_none() {
                self.reader = None;
            } else if let Some(highlight) = &r.highlight {
                let still_there = highlight.source == r.source && highlight.resolve(data).is_some();
                if !still_there {
                    r.highlight = None;
                }
            }
        }
    }
}
