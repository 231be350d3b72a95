//! Everything the user can ask for, as one enum. Views emit actions; `dispatch` applies them.

use std::path::PathBuf;

use crate::edit::Edit;
use crate::model::{ActorId, SourceId, TieId};

/// What is selected on the map and shown in the side panel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    None,
    Actor(String),
    Tie(String),
    /// Two or more actors (shift-click or box selection).
    Actors(Vec<String>),
}

impl Selection {
    /// The selected actor ids, whether one or many.
    pub fn actor_ids(&self) -> Vec<String> {
        match self {
            Selection::Actor(id) => vec![id.clone()],
            Selection::Actors(ids) => ids.clone(),
            _ => Vec::new(),
        }
    }

    /// A selection of these actors: none, one or many.
    pub fn of_actors(mut ids: Vec<String>) -> Selection {
        ids.dedup();
        match ids.len() {
            0 => Selection::None,
            1 => Selection::Actor(ids.remove(0)),
            _ => Selection::Actors(ids),
        }
    }
}

/// Windows that float over the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Window {
    /// Pairs of actors that look like the same one.
    Duplicates,
    /// Add a source by pasting its text or loading a .txt file.
    AddSource,
    /// Ingest an article from a file, a folder or pasted text.
    IngestArticle,
    /// The map's title and description.
    DocumentProperties,
    /// The choices of a picture export (SVG or PNG, whole map or view, scale, citations).
    ExportPicture,
    /// Make a new tie whose evidence is bytes `start..end` of a source.
    NewTieFromSelection {
        source: SourceId,
        start: usize,
        end: usize,
    },
}

/// A file operation that may have to wait for the user to confirm discarding changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guarded {
    New,
    OpenDialog,
    OpenPath(PathBuf),
    OpenSample,
    /// Replace the open map with the file read for an import.
    ImportReplace,
    Quit,
}

/// Everything the user can ask for, by domain. Whether an action edits the document follows
/// from its type: every [`EditAction`] does, and the layout actions that end in an edit say so.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    File(FileAction),
    Selection(SelectionAction),
    Edit(EditAction),
    View(ViewAction),
    Layout(LayoutAction),
    Task(TaskAction),
    /// Search, filters, timeline, focus, paths, measures and named views.
    Explore(super::explore::ExploreAction),
}

/// Opening, saving and the questions around them.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    /// Ask for a file operation; asks first when there are unsaved changes.
    Request(Guarded),
    /// The user confirmed discarding the unsaved changes.
    DiscardAndContinue,
    /// Save first, then continue with the pending operation.
    SaveAndContinue,
    CancelPrompt,
    Save,
    SaveAsDialog,
    /// Ask for an article to ingest, in a native dialog or the path field.
    IngestDialog,
    SaveTo(PathBuf),
    /// The path typed into the path field (offered when no native dialog can be shown).
    PathFieldSubmit(String),
    /// A path picked in a native dialog or typed in the path field. Any question about unsaved
    /// changes was asked before the dialog, so it is not asked again, unless the map changed
    /// after `asked_at` (the document's generation when the path was asked for).
    PathChosen {
        purpose: super::state::PathPurpose,
        path: PathBuf,
        asked_at: u64,
    },
    /// Ask for a file to import, in a native dialog or the path field.
    ImportDialog,
    /// Read a file to import (a dropped file, or the path chosen).
    Import(PathBuf),
    /// Forget the file read for an import.
    CancelImport,
    /// Close the summary of an import.
    CloseImportSummary,
    /// The user changed which column holds which field of a CSV file.
    SetCsvMapping(crate::io::csv::ColumnMapping),
    /// Import the CSV file with the columns mapped as chosen.
    ApplyCsvMapping,
    CancelCsvMapping,
    /// Ask where to export the map, in any format that can be written.
    ExportDialog,
    /// Ask where to write a picture of the map.
    ExportPictureDialog,
    /// Restore the unsaved work of an app that did not close properly.
    RestoreRecovery,
    /// Throw that work away.
    DiscardRecovery,
    /// Save over a file that changed on disk since it was opened.
    ConfirmOverwrite,
    ClearRecent,
}

/// Selecting actors and ties, and reading sources.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectionAction {
    Select(Selection),
    /// Open the article reader on excerpt `excerpt` of tie `tie`.
    ReadInArticle {
        tie: TieId,
        excerpt: usize,
    },
    CloseReader,
    /// Add or remove an actor from the selection (shift-click).
    ToggleSelected(String),
    /// Shift-click on a tie: with another tie selected, select this one beside it (two ties
    /// can then be combined); else select it.
    AddTie(TieId),
    /// Open a source in the reader without a highlight.
    OpenSource(SourceId),
}

/// Changes to the document: each becomes one undoable edit.
#[derive(Clone, Debug, PartialEq)]
pub enum EditAction {
    Apply(Edit),
    /// Add a new actor, where given on the map, and select it.
    AddActor {
        at: Option<crate::model::Point>,
    },
    /// Give an actor added in the app its first name: its placeholder id becomes one made from
    /// the name, its ties follow.
    NameNewActor {
        id: String,
        name: String,
    },
    /// Delete what is selected: actors with their ties, or a tie.
    DeleteSelection,
    /// Delete actors and every tie that touches them, as one undoable edit.
    DeleteActors(Vec<ActorId>),
    /// Create a tie between two actors and select it.
    CreateTie {
        from: String,
        to: String,
    },
    DeleteTie(TieId),
    ReverseTie(TieId),
    /// Combine `other` into `keep`, two ties between the same two actors.
    CombineTies {
        keep: TieId,
        other: TieId,
    },
    /// Move excerpt `index` of tie `from` to tie `to`.
    MoveExcerpt {
        from: TieId,
        index: usize,
        to: TieId,
    },
    /// Merge `others` into `survivor`.
    MergeActors {
        survivor: ActorId,
        others: Vec<ActorId>,
    },
    /// Add bytes `start..end` of a source as an excerpt of a tie.
    Cite {
        tie: TieId,
        source: SourceId,
        start: usize,
        end: usize,
    },
    /// Create a tie whose first excerpt is bytes `start..end` of a source.
    NewTieFromText {
        from: ActorId,
        to: ActorId,
        kind: crate::model::TieKind,
        polarity: crate::model::Polarity,
        source: SourceId,
        start: usize,
        end: usize,
    },
    /// Add a source and open it in the reader.
    AddSource(crate::model::Source),
    /// Read an article in the background and add what it proposes as candidates, as one edit.
    Ingest(super::ingesting::IngestInput),
    /// Accept every candidate whose confidence is at least this.
    AcceptAbove(f32),
    /// Remove every candidate still waiting for review.
    RejectRemaining,
    /// Accept one candidate (a tie with its two ends).
    AcceptCandidate(super::ingesting::Candidate),
    /// Remove one candidate (an actor with its candidate ties).
    RejectCandidate(super::ingesting::Candidate),
    /// Merge the file read for an import into the open map, as one edit.
    MergeImport,
    Undo,
    Redo,
}

/// The view, its windows and notices, the palette and the theme.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewAction {
    OpenWindow(Window),
    CloseWindow(Window),
    FitView,
    ZoomBy(f32),
    DismissNotice(usize),
    /// Open the command palette.
    OpenPalette,
    /// Dark, light, or follow the system's theme; kept between runs.
    SetTheme(egui::ThemePreference),
    ClosePalette,
    /// Hide the selected actors (with their ties) or the selected tie from the map.
    HideSelection,
    /// Show again everything that was hidden by hand.
    ShowHidden,
    /// Show or hide the panel of candidates waiting for review.
    ShowReview(bool),
    /// The choices of a picture export changed.
    SetPicture(super::exporting::PictureChoice),
    /// The part of the map in view changed (canvas units): reported by the map.
    MapArea(crate::model::Point, crate::model::Point),
}

/// The force layout and the quick layouts.
#[derive(Clone, Debug, PartialEq)]
pub enum LayoutAction {
    /// Start a force layout in the background, of the actors shown (by index in the dataset's
    /// actors; `None`: those the map shows, as its visibility mask says). Hidden actors stay
    /// where they are and take no part.
    StartLayout {
        shown: Option<Vec<bool>>,
    },
    PauseLayout,
    ResumeLayout,
    /// Stop the layout and keep where it got to, as one undoable edit.
    StopLayout,
    /// Stop the layout and put every actor back.
    CancelLayout,
    /// Hold an actor at a point while it is dragged during a layout (`None`: dropped there).
    LayoutHold {
        actor: String,
        at: Option<crate::model::Point>,
    },
    /// Lay the shown actors out at once in a fixed pattern (`shown` as for `StartLayout`).
    QuickLayout {
        kind: super::layout_session::QuickLayout,
        shown: Option<Vec<bool>>,
    },
}

/// Cancelling background tasks.
#[derive(Clone, Debug, PartialEq)]
pub enum TaskAction {
    /// Stop a running task where that is safe (not a save): a file being opened (the open
    /// document stays), a merge or a quick layout (the map stays as it is).
    Cancel(super::running::TaskId),
}

impl Action {
    /// Whether the action may edit the open document (and so must wait while a background
    /// save or recovery copy is reading it).
    pub fn edits_document(&self) -> bool {
        match self {
            Action::Edit(_) => true,
            Action::Layout(action) => action.edits_document(),
            Action::Explore(action) => action.edits_document(),
            Action::File(_) | Action::Selection(_) | Action::View(_) | Action::Task(_) => false,
        }
    }
}

impl LayoutAction {
    /// Stopping a layout keeps where it got to, and a quick layout is applied, as one edit.
    pub fn edits_document(&self) -> bool {
        match self {
            LayoutAction::StopLayout | LayoutAction::QuickLayout { .. } => true,
            LayoutAction::StartLayout { .. }
            | LayoutAction::PauseLayout
            | LayoutAction::ResumeLayout
            | LayoutAction::CancelLayout
            | LayoutAction::LayoutHold { .. } => false,
        }
    }
}
