//! Ingesting an article into the open map: reading it and proposing candidates runs on a
//! worker thread; what comes back is applied as one undoable edit, to the state it was built
//! for (a document opened or edited meanwhile drops it, with a notice). Reviewing the
//! candidates afterwards goes through `edit::review`.

use std::path::PathBuf;
use std::sync::Arc;

use super::tasks::{self, Outcome, Task};
use super::{dispatch_edit, AppState};
use crate::edit::Edit;
use crate::ingest::{self, candidates::Summary};

/// Where the article comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum IngestInput {
    /// A file, or a folder of articles.
    Path(PathBuf),
    Pasted(String),
}

/// One ingestion running.
pub struct IngestJob {
    /// The document's structure generation the edit is built for.
    pub generation: u64,
    pub task: Task<Result<(Edit, Summary), String>>,
}

impl IngestJob {
    pub fn start(state: &AppState, input: IngestInput, ctx: &egui::Context) -> Self {
        let data = Arc::clone(&state.doc.data);
        let task = Task::start("Ingesting", tasks::waker(ctx), move |control| {
            let articles = match &input {
                IngestInput::Path(path) => ingest::input::read_path(path),
                IngestInput::Pasted(text) => ingest::input::from_pasted(text).map(|a| vec![a]),
            }
            .map_err(|e| e.to_string())?;
            let mut working = (*data).clone();
            let mut edits = Vec::new();
            let mut total = Summary::default();
            for (done, article) in articles.iter().enumerate() {
                if control.is_cancelled() {
                    return Err("Ingesting was cancelled".to_owned());
                }
                let found = ingest::ingest(article, &working);
                let (edit, summary) = crate::edit::review::add_ingested(&working, &found);
                working = {
                    let mut next = working;
                    edit.clone().apply(&mut next).map_err(|e| e.to_string())?;
                    next
                };
                edits.push(edit);
                total = total.plus(summary);
                control.set_progress((done + 1) as f32 / articles.len() as f32);
            }
            let label = match articles.len() {
                1 => "Ingest article".to_owned(),
                n => format!("Ingest {n} articles"),
            };
            Ok((Edit::Batch { label, edits }, total))
        });
        Self {
            generation: state.doc.structure_generation(),
            task,
        }
    }
}

/// Applies an ingestion that came back, as one edit, and says what it added; an article that
/// could not be read leaves the map as it is and says why. Called once per frame.
pub fn finish(state: &mut AppState) {
    let result = match state.tasks.ingesting().map(|job| job.task.poll()) {
        None | Some(Outcome::Running) => return,
        Some(Outcome::Finished(result)) => result,
        Some(Outcome::Failed(message)) => Err(message),
    };
    let Some(job) = state.tasks.take_ingesting() else {
        return;
    };
    match result {
        Ok(_) if state.doc.structure_generation() != job.generation => state.error(
            "The map changed while the article was read; ingest it again",
            Vec::new(),
        ),
        Ok((edit, summary)) => {
            let sources_before = state.doc.data.sources.len();
            if dispatch_edit::apply(state, edit) {
                state.review_open = true;
                // The review panel opens beside the article, its candidates' quotes marked.
                if let Some(first_new) = state.doc.data.sources.get(sources_before) {
                    state.reader = Some(super::state::ReaderState::on(first_new.id.as_str()));
                }
                state.info(format!("Ingested: {}", summary.line()));
            }
        }
        Err(message) => state.error("Could not ingest the article", vec![message]),
    }
}

/// One candidate in the review panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Candidate {
    Actor(String),
    Tie(String),
}
