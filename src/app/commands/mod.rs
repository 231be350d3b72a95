//! Every command the user can give from a menu, the toolbar, the keyboard or the palette, as one
//! enum that carries its label, description, shortcuts, when it is enabled, and the `Action` it
//! emits. Menus, tooltips, key handling and the palette all read it; add a command here only.

mod fuzzy;
mod keys;
mod labels;

use crate::app::{EditAction, FileAction, LayoutAction, SelectionAction, ViewAction};
use egui::{Key, KeyboardShortcut, Modifiers, ThemePreference};

use super::action::{Action, Guarded, Selection, Window};
use super::explore::ExploreAction;
use super::layout_session::QuickLayout;
use super::state::AppState;
use crate::analysis::Metric;

/// Size actors by a measure (its values show in the actor panel).
fn measure(metric: Metric) -> Action {
    Action::Explore(ExploreAction::SizeBy(Some(metric)))
}

pub use fuzzy::{fuzzy_score, matching};
pub use keys::{collect_shortcut_actions, is_plain, map_focus_id, map_has_keys};

/// How much one press of "Zoom in" zooms; "Zoom out" undoes it.
pub const ZOOM_STEP: f32 = 1.25;

/// A command of the app. The order here is the palette's order when nothing is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    New,
    Open,
    OpenSample,
    Save,
    SaveAs,
    Import,
    Export,
    ExportPicture,
    ClearRecent,
    Quit,
    Undo,
    Redo,
    AddActor,
    DeleteSelection,
    ClearSelection,
    FindDuplicates,
    AddSource,
    IngestArticle,
    ReviewCandidates,
    DocumentProperties,
    ForceLayout,
    PauseLayout,
    ResumeLayout,
    StopLayout,
    CancelLayout,
    CircularLayout,
    GroupedLayout,
    SpreadSelected,
    FitView,
    ZoomIn,
    ZoomOut,
    HideSelected,
    ShowHidden,
    ThemeDark,
    ThemeLight,
    ThemeSystem,
    CommandPalette,
    Search,
    ExplorePanel,
    ClearFilters,
    FocusSelected,
    FocusDeeper,
    FocusShallower,
    FindPaths,
    PlayTimeline,
    MeasureDegree,
    MeasureWeightedDegree,
    MeasureBetweenness,
    MeasurePageRank,
    ColourCommunities,
    SaveView,
}

/// Cmd on macOS, Ctrl elsewhere (egui decides per platform).
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// A shortcut, as a literal so that a list of them is a `'static` constant.
macro_rules! keys {
    ($modifiers:expr, $key:ident) => {
        KeyboardShortcut {
            modifiers: $modifiers,
            logical_key: Key::$key,
        }
    };
}

impl Command {
    /// Every command, in palette order.
    pub const ALL: &'static [Command] = &[
        Command::New,
        Command::Open,
        Command::OpenSample,
        Command::Save,
        Command::SaveAs,
        Command::Import,
        Command::Export,
        Command::ExportPicture,
        Command::ClearRecent,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::AddActor,
        Command::DeleteSelection,
        Command::ClearSelection,
        Command::FindDuplicates,
        Command::AddSource,
        Command::IngestArticle,
        Command::ReviewCandidates,
        Command::DocumentProperties,
        Command::ForceLayout,
        Command::PauseLayout,
        Command::ResumeLayout,
        Command::StopLayout,
        Command::CancelLayout,
        Command::CircularLayout,
        Command::GroupedLayout,
        Command::SpreadSelected,
        Command::FitView,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::HideSelected,
        Command::ShowHidden,
        Command::ThemeDark,
        Command::ThemeLight,
        Command::ThemeSystem,
        Command::CommandPalette,
        Command::Search,
        Command::ExplorePanel,
        Command::ClearFilters,
        Command::FocusSelected,
        Command::FocusDeeper,
        Command::FocusShallower,
        Command::FindPaths,
        Command::PlayTimeline,
        Command::MeasureDegree,
        Command::MeasureWeightedDegree,
        Command::MeasureBetweenness,
        Command::MeasurePageRank,
        Command::ColourCommunities,
        Command::SaveView,
    ];

    pub fn label(self) -> &'static str {
        self.label_and_description().0
    }

    pub fn description(self) -> &'static str {
        self.label_and_description().1
    }

    /// The keys that run the command, the first one shown in menus. `Modifiers::COMMAND` is Cmd
    /// on macOS and Ctrl elsewhere. Plain keys work only while no text field has focus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NONE: Modifiers = Modifiers::NONE;
        const SHIFT: Modifiers = Modifiers::SHIFT;
        match self {
            Command::New => &[keys!(CMD, N)],
            Command::Open => &[keys!(CMD, O)],
            Command::Save => &[keys!(CMD, S)],
            Command::SaveAs => &[keys!(CMD_SHIFT, S)],
            Command::Quit => &[keys!(CMD, Q)],
            Command::Undo => &[keys!(CMD, Z)],
            Command::Redo => &[keys!(CMD_SHIFT, Z), keys!(CMD, Y)],
            Command::AddActor => &[keys!(NONE, A)],
            Command::DeleteSelection => &[keys!(NONE, Delete)],
            Command::ClearSelection => &[keys!(NONE, Escape)],
            Command::FitView => &[keys!(NONE, F), keys!(NONE, Home)],
            Command::ZoomIn => &[keys!(NONE, Plus), keys!(NONE, Equals)],
            Command::ZoomOut => &[keys!(NONE, Minus)],
            Command::HideSelected => &[keys!(NONE, H)],
            Command::ShowHidden => &[keys!(SHIFT, H)],
            Command::CommandPalette => &[keys!(CMD_SHIFT, P), keys!(CMD, K)],
            Command::Search => &[keys!(CMD, F)],
            Command::ExplorePanel => &[keys!(CMD_SHIFT, F)],
            Command::FocusSelected => &[keys!(NONE, N)],
            Command::FocusDeeper => &[keys!(NONE, CloseBracket)],
            Command::FocusShallower => &[keys!(NONE, OpenBracket)],
            _ => &[],
        }
    }

    /// The first shortcut as this platform writes it ("Ctrl+S", "⌘S"), or "" when there is none.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// The description with the shortcut, for tooltips: "Fit the whole map in view (F)".
    pub fn tooltip(self, ctx: &egui::Context) -> String {
        match self.shortcut_text(ctx) {
            keys if keys.is_empty() => self.description().to_owned(),
            keys => format!("{} ({keys})", self.description()),
        }
    }

    /// Whether the command can run now. Disabled commands are greyed out and do nothing.
    pub fn is_enabled(self, state: &AppState) -> bool {
        let layout = state.tasks.layout();
        let layout_running = layout.is_some() || state.tasks.quick_layout().is_some();
        let paused = layout.is_some_and(|l| l.is_paused());
        match self {
            Command::Undo => state.doc.history.undo_label().is_some(),
            Command::Redo => state.doc.history.redo_label().is_some(),
            Command::DeleteSelection | Command::ClearSelection => {
                state.selection != Selection::None
            }
            Command::ClearRecent => !state.recent.is_empty(),
            Command::HideSelected => state.selection != Selection::None,
            Command::ShowHidden => !state.hidden.is_empty(),
            Command::ForceLayout | Command::CircularLayout | Command::GroupedLayout => {
                !layout_running
            }
            Command::PauseLayout => layout_running && !paused,
            Command::ResumeLayout => paused,
            Command::StopLayout | Command::CancelLayout => layout_running,
            Command::SpreadSelected => !layout_running && state.selection.actor_ids().len() > 1,
            Command::ClearFilters => {
                state.explore.hides_anything() || state.explore.paths.is_some()
            }
            Command::FocusSelected => {
                matches!(state.selection, Selection::Actor(_)) || state.explore.view.focus.is_some()
            }
            Command::FocusDeeper => state
                .explore
                .view
                .focus
                .as_ref()
                .is_some_and(|f| f.depth < 3),
            Command::FocusShallower => state
                .explore
                .view
                .focus
                .as_ref()
                .is_some_and(|f| f.depth > 1),
            _ => true,
        }
    }

    /// What the command asks `dispatch` to do.
    pub fn action(self) -> Action {
        match self {
            Command::New => Action::File(FileAction::Request(Guarded::New)),
            Command::Open => Action::File(FileAction::Request(Guarded::OpenDialog)),
            Command::OpenSample => Action::File(FileAction::Request(Guarded::OpenSample)),
            Command::Save => Action::File(FileAction::Save),
            Command::SaveAs => Action::File(FileAction::SaveAsDialog),
            Command::Import => Action::File(FileAction::ImportDialog),
            Command::Export => Action::File(FileAction::ExportDialog),
            Command::ExportPicture => Action::View(ViewAction::OpenWindow(Window::ExportPicture)),
            Command::ClearRecent => Action::File(FileAction::ClearRecent),
            Command::Quit => Action::File(FileAction::Request(Guarded::Quit)),
            Command::Undo => Action::Edit(EditAction::Undo),
            Command::Redo => Action::Edit(EditAction::Redo),
            Command::AddActor => Action::Edit(EditAction::AddActor { at: None }),
            Command::DeleteSelection => Action::Edit(EditAction::DeleteSelection),
            Command::ClearSelection => Action::Selection(SelectionAction::Select(Selection::None)),
            Command::FindDuplicates => Action::View(ViewAction::OpenWindow(Window::Duplicates)),
            Command::AddSource => Action::View(ViewAction::OpenWindow(Window::AddSource)),
            Command::IngestArticle => Action::View(ViewAction::OpenWindow(Window::IngestArticle)),
            Command::ReviewCandidates => Action::View(ViewAction::ShowReview(true)),
            Command::DocumentProperties => {
                Action::View(ViewAction::OpenWindow(Window::DocumentProperties))
            }
            Command::ForceLayout => Action::Layout(LayoutAction::StartLayout { shown: None }),
            Command::PauseLayout => Action::Layout(LayoutAction::PauseLayout),
            Command::ResumeLayout => Action::Layout(LayoutAction::ResumeLayout),
            Command::StopLayout => Action::Layout(LayoutAction::StopLayout),
            Command::CancelLayout => Action::Layout(LayoutAction::CancelLayout),
            Command::CircularLayout => Action::Layout(LayoutAction::QuickLayout {
                kind: QuickLayout::Circular,
                shown: None,
            }),
            Command::GroupedLayout => Action::Layout(LayoutAction::QuickLayout {
                kind: QuickLayout::GroupedByKind,
                shown: None,
            }),
            Command::SpreadSelected => Action::Layout(LayoutAction::QuickLayout {
                kind: QuickLayout::SpreadSelected,
                shown: None,
            }),
            Command::FitView => Action::View(ViewAction::FitView),
            Command::ZoomIn => Action::View(ViewAction::ZoomBy(ZOOM_STEP)),
            Command::ZoomOut => Action::View(ViewAction::ZoomBy(1.0 / ZOOM_STEP)),
            Command::HideSelected => Action::View(ViewAction::HideSelection),
            Command::ShowHidden => Action::View(ViewAction::ShowHidden),
            Command::ThemeDark => Action::View(ViewAction::SetTheme(ThemePreference::Dark)),
            Command::ThemeLight => Action::View(ViewAction::SetTheme(ThemePreference::Light)),
            Command::ThemeSystem => Action::View(ViewAction::SetTheme(ThemePreference::System)),
            Command::CommandPalette => Action::View(ViewAction::OpenPalette),
            Command::Search => Action::Explore(ExploreAction::OpenSearch),
            Command::ExplorePanel => Action::Explore(ExploreAction::TogglePanel),
            Command::ClearFilters => Action::Explore(ExploreAction::ClearAll),
            Command::FocusSelected => Action::Explore(ExploreAction::FocusSelected),
            Command::FocusDeeper => Action::Explore(ExploreAction::FocusDepth(1)),
            Command::FocusShallower => Action::Explore(ExploreAction::FocusDepth(-1)),
            Command::FindPaths => Action::Explore(ExploreAction::OpenPathPanel),
            Command::PlayTimeline => Action::Explore(ExploreAction::TogglePlay),
            Command::MeasureDegree => measure(Metric::Degree),
            Command::MeasureWeightedDegree => measure(Metric::WeightedDegree),
            Command::MeasureBetweenness => measure(Metric::Betweenness),
            Command::MeasurePageRank => measure(Metric::PageRank),
            Command::ColourCommunities => Action::Explore(ExploreAction::ColourByCommunity(true)),
            Command::SaveView => Action::Explore(ExploreAction::AskViewName),
        }
    }

    /// The explore commands, in menu order.
    pub const EXPLORE: &'static [Command] = &[
        Command::Search,
        Command::ExplorePanel,
        Command::ClearFilters,
        Command::FocusSelected,
        Command::FocusDeeper,
        Command::FocusShallower,
        Command::FindPaths,
        Command::PlayTimeline,
        Command::SaveView,
    ];

    /// The theme a theme command chooses, for the View menu's radio items.
    pub fn theme(self) -> Option<ThemePreference> {
        match self {
            Command::ThemeDark => Some(ThemePreference::Dark),
            Command::ThemeLight => Some(ThemePreference::Light),
            Command::ThemeSystem => Some(ThemePreference::System),
            _ => None,
        }
    }

    /// Whether the map reads this command's keys itself, because what they do depends on the
    /// pointer (A adds the actor under it).
    pub fn keys_read_by_map(self) -> bool {
        self == Command::AddActor
    }
}

#[cfg(test)]
mod tests;
