//! The editing half of the dispatcher: actions that change the document through edits.

use super::action::{Selection, Window};
use super::editing;
use super::ingesting::Candidate;
use super::state::{AppState, ReaderState};
use crate::app::EditAction;
use crate::edit::{review, Edit};
use crate::model::{ActorId, ExcerptRef, Polarity, SourceId, TieId, TieKind};

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

/// The actions that change the document, each through one undoable edit.
pub fn dispatch_edit(state: &mut AppState, action: EditAction, ctx: &egui::Context) {
    let data = &state.doc.data;
    match action {
        EditAction::Apply(edit) => {
            super::dispatch_edit::apply(state, edit);
        }
        EditAction::Undo => {
            if let Err(e) = state.doc.undo() {
                state.error("Could not undo", vec![e.to_string()]);
            }
            state.forget_dangling_selection();
        }
        EditAction::MergeImport => super::importing::merge(state, ctx),
        EditAction::Redo => {
            if let Err(e) = state.doc.redo() {
                state.error("Could not redo", vec![e.to_string()]);
            }
            state.forget_dangling_selection();
        }
        EditAction::AddActor { at } => add_actor(state, at),
        EditAction::NameNewActor { id, name } => name_new_actor(state, id, &name),
        EditAction::DeleteSelection => match &state.selection {
            Selection::Tie(id) => {
                apply(state, Edit::DeleteTie { id: id.clone() });
            }
            Selection::None => {}
            actors @ (Selection::Actor(_) | Selection::Actors(_)) => {
                let ids = actors.actor_ids();
                apply(state, Edit::DeleteActors { ids });
            }
        },
        EditAction::DeleteActors(ids) => {
            let ids = ids.into_iter().map(ActorId::into_string).collect();
            apply(state, Edit::DeleteActors { ids });
        }
        EditAction::CreateTie { from, to } => {
            let (id, edit) = editing::create_tie(data, &from, &to, None);
            if apply(state, edit) {
                state.selection = Selection::Tie(id);
            }
        }
        EditAction::DeleteTie(id) => {
            apply(
                state,
                Edit::DeleteTie {
                    id: id.into_string(),
                },
            );
        }
        EditAction::ReverseTie(id) => {
            if let Some(edit) = editing::reverse_tie(data, &id) {
                apply(state, edit);
            }
        }
        EditAction::CombineTies { keep, other } => {
            match crate::edit::combine_ties(data, &keep, &other) {
                Ok(edit) => {
                    if apply(state, edit) {
                        state.selection = Selection::Tie(keep.into_string());
                    }
                }
                Err(e) => state.error("These ties could not be combined", vec![e.to_string()]),
            }
        }
        EditAction::MoveExcerpt { from, index, to } => {
            match crate::edit::move_excerpt(data, &from, index, &to) {
                Ok(edit) => {
                    apply(state, edit);
                }
                Err(e) => state.error("The excerpt could not be moved", vec![e.to_string()]),
            }
        }
        EditAction::MergeActors { survivor, others } => {
            let others = others.into_iter().map(ActorId::into_string).collect();
            let job = super::merging::MergeJob::start(state, survivor.into_string(), others, ctx);
            state.tasks.put(super::running::Job::Merging(job));
        }
        EditAction::Cite {
            tie,
            source,
            start,
            end,
        } => cite(state, tie, source, start, end),
        EditAction::NewTieFromText {
            from,
            to,
            kind,
            polarity,
            source,
            start,
            end,
        } => {
            let (text, made) = ((source, start, end), (kind, polarity));
            new_tie_from_text(state, &from, &to, made, text)
        }
        EditAction::AddSource(source) => {
            let id = source.id.clone();
            let edit = Edit::InsertSource {
                index: data.sources.len(),
                source,
            };
            if apply(state, edit) {
                state.windows.retain(|w| *w != Window::AddSource);
                state.reader = Some(ReaderState::on(id));
            }
        }
        EditAction::Ingest(input) => {
            let job = super::ingesting::IngestJob::start(state, input, ctx);
            state.tasks.put(super::running::Job::Ingesting(job));
            state.windows.retain(|w| *w != Window::IngestArticle);
        }
        EditAction::AcceptAbove(threshold) => review_edit(
            state,
            review::accept_above(data, threshold),
            "No candidate is that sure",
        ),
        EditAction::RejectRemaining => review_edit(
            state,
            review::reject_remaining(data),
            "No candidate is left",
        ),
        EditAction::AcceptCandidate(candidate) => decide(state, &candidate, true),
        EditAction::RejectCandidate(candidate) => decide(state, &candidate, false),
    }
}

/// A new actor at `at` (or a free spot in view), selected, its name field taking the keys.
fn add_actor(state: &mut AppState, at: Option<crate::model::Point>) {
    let data = &state.doc.data;
    let at = at.unwrap_or_else(|| editing::free_spot(data, state.view.map_area));
    let (id, edit) = editing::add_actor(data, Some(at));
    if apply(state, edit) {
        state.selection = Selection::Actor(id.clone());
        state.placeholder_ids.insert(id.clone());
        state.fresh_actor = Some(id);
    }
}

/// The first name of an actor added by hand, which gives it its id.
fn name_new_actor(state: &mut AppState, id: String, name: &str) {
    let Some((new_id, edit)) = editing::name_new_actor(&state.doc.data, &id, name) else {
        return;
    };
    // Read before the edit: once the old id is gone, the selection of it is dropped.
    let selected = state.selection == Selection::Actor(id.clone());
    if apply(state, edit) {
        state.placeholder_ids.remove(&id);
        if selected {
            state.selection = Selection::Actor(new_id);
        }
    }
}

/// Cites bytes `start..end` of a source for a tie, and shows the new excerpt in the reader.
fn cite(state: &mut AppState, tie: TieId, source: SourceId, start: usize, end: usize) {
    let Some(excerpt) = selected_excerpt(state, &source, start, end) else {
        return;
    };
    let cited = ExcerptRef {
        tie: tie.clone(),
        source: source.clone(),
        start: excerpt.start,
        end: excerpt.end,
    };
    if let Some(edit) = editing::cite(&state.doc.data, &tie, excerpt) {
        if apply(state, edit) {
            state.selection = Selection::Tie(tie.into_string());
            state.reader = Some(ReaderState {
                source,
                highlight: Some(cited),
            });
        }
    }
}

/// A new tie between two actors of the kind and polarity `made`, with the bytes `text` of a
/// source as its evidence; selected, and read in its article.
fn new_tie_from_text(
    state: &mut AppState,
    from: &str,
    to: &str,
    made: (TieKind, Polarity),
    text: (SourceId, usize, usize),
) {
    let (source, start, end) = text;
    let Some(excerpt) = selected_excerpt(state, &source, start, end) else {
        return;
    };
    let (id, mut edit) = editing::create_tie(&state.doc.data, from, to, Some(excerpt));
    if let Edit::InsertTie { tie, .. } = &mut edit {
        (tie.kind, tie.polarity) = made;
    }
    if apply(state, edit) {
        state
            .windows
            .retain(|w| !matches!(w, Window::NewTieFromSelection { .. }));
        let reader = state
            .doc
            .data
            .tie(&id)
            .and_then(|t| ReaderState::at_excerpt(t, 0));
        state.reader = reader.or(Some(ReaderState::on(source)));
        state.selection = Selection::Tie(id);
    }
}

/// Accepts or rejects one candidate.
fn decide(state: &mut AppState, candidate: &Candidate, accept: bool) {
    let data = &state.doc.data;
    let edit = match (candidate, accept) {
        (Candidate::Actor(id), true) => review::accept_actor(data, id),
        (Candidate::Tie(id), true) => review::accept_tie(data, id),
        (Candidate::Actor(id), false) => review::reject_actor(data, id),
        (Candidate::Tie(id), false) => review::reject_tie(data, id),
    };
    let why_none = if accept {
        "That is no longer a candidate"
    } else {
        "An accepted tie still touches that actor"
    };
    review_edit(state, edit, why_none)
}

/// Applies a review edit, or says why there is none.
fn review_edit(state: &mut AppState, edit: Option<Edit>, why_none: &str) {
    match edit {
        Some(edit) => {
            apply(state, edit);
        }
        None => state.info(why_none),
    }
}
