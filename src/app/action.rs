//! Everything the user can ask for, as one enum. Views emit actions; `dispatch` applies them.

use std::path::PathBuf;

use crate::edit::Edit;

/// What is selected on the map and shown in the side panel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    None,
    Actor(String),
    Tie(String),
}

/// A file operation that may have to wait for the user to confirm discarding changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guarded {
    New,
    OpenDialog,
    OpenPath(PathBuf),
    OpenSample,
    Quit,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Ask for a file operation; asks first when there are unsaved changes.
    Request(Guarded),
    /// The user confirmed discarding the unsaved changes.
    DiscardAndContinue,
    /// Save first, then continue with the pending operation.
    SaveAndContinue,
    CancelPrompt,
    Save,
    SaveAsDialog,
    SaveTo(PathBuf),
    /// The path typed into the path field (offered when no native dialog can be shown).
    PathFieldSubmit(String),
    Select(Selection),
    /// Open the article reader on excerpt `excerpt` of tie `tie`.
    ReadInArticle {
        tie: String,
        excerpt: usize,
    },
    CloseReader,
    Apply(Edit),
    Undo,
    Redo,
    FitView,
    ZoomBy(f32),
    DismissNotice(usize),
    ClearRecent,
}
