//! The dispatcher's arms for what is not a file or an edit: the selection and the reader, the
//! view and its windows, the force and quick layouts, and the tasks the user can cancel.

use super::action::{LayoutAction, Selection, SelectionAction, TaskAction, ViewAction};
use super::dispatch_edit::apply;
use super::layout_session::{start_quick, LayoutSession, QuickInput, QUICK_IN_BACKGROUND_FROM};
use super::running::Job;
use super::state::{AppState, ReaderState};

/// Selecting actors and ties, and reading sources.
pub fn selection_action(state: &mut AppState, action: SelectionAction) {
    match action {
        SelectionAction::Select(selection) => {
            state.second_tie = None;
            state.selection = selection;
            state.forget_dangling_selection();
            follow_selection_in_reader(state);
        }
        SelectionAction::ReadInArticle { tie, excerpt } => {
            let data = &state.doc.data;
            let reader = data
                .tie(&tie)
                .and_then(|t| ReaderState::at_excerpt(t, excerpt));
            if let Some(reader) = reader {
                state.selection = Selection::Tie(tie.into_string());
                state.reader = Some(reader);
            }
        }
        SelectionAction::CloseReader => state.reader = None,
        SelectionAction::AddTie(id) => {
            let beside =
                matches!(&state.selection, Selection::Tie(first) if first.as_str() != id.as_str());
            if beside {
                state.second_tie = Some(id.into_string());
            } else {
                state.second_tie = None;
                state.selection = Selection::Tie(id.into_string());
            }
        }
        SelectionAction::ToggleSelected(id) => {
            let mut ids = state.selection.actor_ids();
            match ids.iter().position(|x| *x == id) {
                Some(i) => {
                    ids.remove(i);
                }
                None => ids.push(id),
            }
            state.selection = Selection::of_actors(ids);
        }
        SelectionAction::OpenSource(source) => {
            if state.doc.data.source(&source).is_some() {
                state.reader = Some(ReaderState::on(source));
            }
        }
    }
}

/// The view, its windows and notices, the palette and the theme.
pub fn view_action(state: &mut AppState, action: ViewAction, ctx: &egui::Context) {
    match action {
        ViewAction::FitView => state.view.request_fit(),
        ViewAction::ZoomBy(factor) => state.view.request_zoom(factor),
        ViewAction::DismissNotice(index) => {
            if index < state.notices.len() {
                state.notices.remove(index);
            }
        }
        ViewAction::OpenPalette => state.palette_open = true,
        ViewAction::SetTheme(theme) => {
            state.theme = theme;
            super::appearance::apply_theme(ctx, theme);
        }
        ViewAction::ClosePalette => state.palette_open = false,
        ViewAction::HideSelection => {
            let mut ties = Vec::new();
            if let Selection::Tie(id) = &state.selection {
                ties.push(id.clone());
            }
            state.hidden.hide(state.selection.actor_ids(), ties);
            state.selection = Selection::None;
        }
        ViewAction::ShowHidden => state.hidden.show_all(),
        ViewAction::SetPicture(choice) => state.picture = choice,
        ViewAction::MapArea(min, max) => state.view.map_area = Some((min, max)),
        ViewAction::ShowReview(open) => state.review_open = open,
        ViewAction::OpenWindow(window) => {
            state
                .windows
                .retain(|w| std::mem::discriminant(w) != std::mem::discriminant(&window));
            state.windows.push(window);
        }
        ViewAction::CloseWindow(window) => state.windows.retain(|w| *w != window),
    }
}

/// The force layout and the quick layouts.
pub fn layout_action(state: &mut AppState, action: LayoutAction, ctx: &egui::Context) {
    let data = &state.doc.data;
    match action {
        LayoutAction::StartLayout { shown } => {
            let shown = shown.or_else(|| state.visibility.actor_flags().map(<[bool]>::to_vec));
            // One already running is cancelled as the new one takes its place.
            let wake = super::tasks::waker(ctx);
            let session = LayoutSession::start(data, shown, wake);
            state.tasks.put(Job::ForceLayout(session));
        }
        LayoutAction::PauseLayout => with_layout(state, LayoutSession::pause),
        LayoutAction::ResumeLayout => with_layout(state, LayoutSession::resume),
        LayoutAction::StopLayout => with_layout(state, LayoutSession::stop),
        LayoutAction::CancelLayout => with_layout(state, LayoutSession::cancel),
        LayoutAction::LayoutHold { actor, at } => {
            if let Some(session) = state.tasks.layout() {
                session.hold(&actor, at);
            }
        }
        LayoutAction::QuickLayout { kind, shown } => {
            let shown = shown.or_else(|| state.visibility.actor_flags().map(<[bool]>::to_vec));
            let selected = state.selection.actor_ids();
            let Some(input) = QuickInput::new(data, kind, &selected, shown) else {
                state.info("Select two or more actors to spread them apart");
                return;
            };
            if data.actors.len() >= QUICK_IN_BACKGROUND_FROM {
                let task = start_quick(input, super::tasks::waker(ctx));
                state.tasks.put(Job::QuickLayout(task));
            } else if apply(state, input.run()) {
                state.view.request_fit();
            }
        }
    }
}

/// Does `act` to the force layout, when one runs.
fn with_layout(state: &mut AppState, act: fn(&mut LayoutSession)) {
    if let Some(session) = state.tasks.layout_mut() {
        act(session);
    }
}

/// Cancelling background tasks.
pub fn task_action(state: &mut AppState, action: TaskAction) {
    match action {
        TaskAction::Cancel(id) => {
            // A task that ended meanwhile, or that may not be stopped, stays as it is.
            state.tasks.cancel(id);
        }
    }
}

/// When a tie is selected while the reader is open, highlight that tie's first excerpt from the
/// same source, if it has one.
fn follow_selection_in_reader(state: &mut AppState) {
    let (Some(reader), Selection::Tie(id)) = (&mut state.reader, &state.selection) else {
        return;
    };
    reader.highlight = state.doc.data.tie(id).and_then(|t| {
        let first = t.excerpts.iter().position(|x| x.source == reader.source)?;
        crate::model::ExcerptRef::of(t, first)
    });
}
