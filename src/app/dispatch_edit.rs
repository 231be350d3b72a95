//! The editing half of the dispatcher: actions that change the document through edits.

use super::action::{Action, Selection, Window};
use super::editing;
use super::layout_session::{start_quick, LayoutSession, QuickInput, QUICK_IN_BACKGROUND_FROM};
use super::state::{AppState, ReaderState};
use crate::edit::Edit;

/// Applies an edit; a refused edit is shown once as an error and changes nothing.
pub fn apply(state: &mut AppState, edit: Edit) -> bool {
    match state.doc.apply(edit) {
        Ok(()) => {
            state.forget_dangling_selection();
            true
        }
        Err(e) => {
            state.error("That change could not be made", vec![e.to_string()]);
            false
        }
    }
}

/// The excerpt for the selected text, or `None` after telling the user to select some.
fn selected_excerpt(
    state: &mut AppState,
    source: &str,
    start: usize,
    end: usize,
) -> Option<crate::model::Excerpt> {
    let excerpt = editing::excerpt_of(&state.doc.data, source, start, end);
    if excerpt.is_none() {
        state.error("Select some text of the article first", Vec::new());
    }
    excerpt
}

pub fn dispatch_edit(state: &mut AppState, action: Action, ctx: &egui::Context) {
    let data = &state.doc.data;
    match action {
        Action::AddActor { at } => {
            let at = at.unwrap_or_else(|| editing::free_spot(data));
            let (id, edit) = editing::add_actor(data, Some(at));
            if apply(state, edit) {
                state.selection = Selection::Actor(id.clone());
                state.fresh_actor = Some(id);
            }
        }
        Action::DeleteSelection => match &state.selection {
            Selection::Tie(id) => {
                apply(state, Edit::DeleteTie { id: id.clone() });
            }
            Selection::None => {}
            other => {
                let ids = other.actor_ids();
                apply(state, Edit::DeleteActors { ids });
            }
        },
        Action::DeleteActors(ids) => {
            apply(state, Edit::DeleteActors { ids });
        }
        Action::ToggleSelected(id) => {
            let mut ids = state.selection.actor_ids();
            match ids.iter().position(|x| *x == id) {
                Some(i) => {
                    ids.remove(i);
                }
                None => ids.push(id),
            }
            state.selection = Selection::of_actors(ids);
        }
        Action::CreateTie { from, to } => {
            let (id, edit) = editing::create_tie(data, &from, &to, None);
            if apply(state, edit) {
                state.selection = Selection::Tie(id);
            }
        }
        Action::DeleteTie(id) => {
            apply(state, Edit::DeleteTie { id });
        }
        Action::ReverseTie(id) => {
            if let Some(edit) = editing::reverse_tie(data, &id) {
                apply(state, edit);
            }
        }
        Action::MergeActors { survivor, others } => {
            let job = super::merging::MergeJob::start(state, survivor, others, ctx);
            state.merging = Some(job);
        }
        Action::Cite {
            tie,
            source,
            start,
            end,
        } => {
            let Some(excerpt) = selected_excerpt(state, &source, start, end) else {
                return;
            };
            let data = &state.doc.data;
            let count = data.tie(&tie).map_or(0, |t| t.excerpts.len());
            if let Some(edit) = editing::cite(data, &tie, excerpt) {
                if apply(state, edit) {
                    state.selection = Selection::Tie(tie.clone());
                    state.reader = Some(ReaderState {
                        source,
                        highlight: Some((tie, count)),
                    });
                }
            }
        }
        Action::NewTieFromText {
            from,
            to,
            source,
            start,
            end,
        } => {
            let Some(excerpt) = selected_excerpt(state, &source, start, end) else {
                return;
            };
            let (id, edit) = editing::create_tie(&state.doc.data, &from, &to, Some(excerpt));
            if apply(state, edit) {
                state
                    .windows
                    .retain(|w| !matches!(w, Window::NewTieFromSelection { .. }));
                state.selection = Selection::Tie(id.clone());
                state.reader = Some(ReaderState {
                    source,
                    highlight: Some((id, 0)),
                });
            }
        }
        Action::AddSource(source) => {
            let id = source.id.clone();
            let edit = Edit::InsertSource {
                index: data.sources.len(),
                source,
            };
            if apply(state, edit) {
                state.windows.retain(|w| *w != Window::AddSource);
                state.reader = Some(ReaderState {
                    source: id,
                    highlight: None,
                });
            }
        }
        Action::OpenSource(source) if data.source(&source).is_some() => {
            state.reader = Some(ReaderState {
                source,
                highlight: None,
            });
        }
        Action::StartLayout => {
            if let Some(old) = &mut state.layout {
                old.cancel();
            }
            let ctx = ctx.clone();
            let wake: Box<dyn Fn() + Send> = Box::new(move || ctx.request_repaint());
            state.layout = Some(LayoutSession::start(data, Some(wake)));
        }
        Action::PauseLayout => state.layout.iter_mut().for_each(LayoutSession::pause),
        Action::ResumeLayout => state.layout.iter_mut().for_each(LayoutSession::resume),
        Action::StopLayout => state.layout.iter_mut().for_each(LayoutSession::stop),
        Action::CancelLayout => state.layout.iter_mut().for_each(LayoutSession::cancel),
        Action::LayoutHold { actor, at } => {
            if let Some(session) = &state.layout {
                session.hold(&actor, at);
            }
        }
        Action::QuickLayout(kind) => {
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
        Action::OpenWindow(window) => {
            state
                .windows
                .retain(|w| std::mem::discriminant(w) != std::mem::discriminant(&window));
            state.windows.push(window);
        }
        Action::CloseWindow(window) => state.windows.retain(|w| *w != window),
        // Every other action is handled by the main dispatcher.
        _ => {}
    }
}
