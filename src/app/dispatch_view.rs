//! The dispatcher's arms for what is not a file or an edit: the selection and the reader, the
//! view and its windows, the force and quick layouts, and the tasks the user can cancel.

use super::action::{LayoutAction, Selection, SelectionAction, TaskAction, ViewAction};
use super::dispatch_edit::apply;
use super::layout_session::{start_quick, LayoutSession, QuickInput, QUICK_IN_BACKGROUND_FROM};
use super::state::{AppState, ReaderState};

/// Selecting actors and ties, and reading sources.
pub fn selection_action(state: &mut AppState, action: SelectionAction) {
    match action {
        SelectionAction::Select(selection) => {
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
        LayoutAction::StartLayout => {
            if let Some(old) = &mut state.layout {
                old.cancel();
            }
            let ctx = ctx.clone();
            let wake: Box<dyn Fn() + Send> = Box::new(move || ctx.request_repaint());
            state.layout = Some(LayoutSession::start(data, Some(wake)));
        }
        LayoutAction::PauseLayout => state.layout.iter_mut().for_each(LayoutSession::pause),
        LayoutAction::ResumeLayout => state.layout.iter_mut().for_each(LayoutSession::resume),
        LayoutAction::StopLayout => state.layout.iter_mut().for_each(LayoutSession::stop),
        LayoutAction::CancelLayout => state.layout.iter_mut().for_each(LayoutSession::cancel),
        LayoutAction::LayoutHold { actor, at } => {
            if let Some(session) = &state.layout {
                session.hold(&actor, at);
            }
        }
        LayoutAction::QuickLayout(kind) => {
            let selected = state.selection.actor_ids();
            let Some(input) = QuickInput::new(data, kind, &selected) else {
                state.info("Select two or more actors to spread them apart");
                return;
            };
            if data.actors.len() >= QUICK_IN_BACKGROUND_FROM {
                state.quick_layout = Some(start_quick(input, super::tasks::waker(ctx)));
            } else if apply(state, input.run()) {
                state.view.request_fit();
            }
        }
    }
}

/// Cancelling background tasks.
pub fn task_action(state: &mut AppState, action: TaskAction) {
    match action {
        TaskAction::CancelLoading => {
            if let Some(job) = state.loading.take() {
                job.task.cancel();
            }
        }
        TaskAction::CancelMerge => {
            if let Some(job) = state.merging.take() {
                job.task.cancel();
            }
        }
        TaskAction::CancelQuickLayout => {
            if let Some(task) = state.quick_layout.take() {
                task.cancel();
            }
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
