//! The eframe application: state, actions, the dispatcher and the frame loop.
//! Views in `ui` read [`AppState`] and push [`Action`]s; [`dispatch`] applies them once per frame.

pub mod action;
pub mod appearance;
mod carried;
pub mod commands;
pub mod csv_mapping;
#[cfg(test)]
mod dialog_tests;
pub mod dispatch;
mod dispatch_edit;
mod dispatch_view;
pub mod document;
pub mod duplicates;
pub mod editing;
pub mod explore;
pub mod explore_time;
pub mod exporting;
pub mod files;
pub mod graph_building;
pub mod importing;
pub mod ingesting;
pub mod layout_session;
pub mod loading;
pub mod measures;
pub mod merging;
mod polling;
pub mod recovery;
mod replace;
pub mod running;
pub mod saving;
pub mod search_indexing;
pub mod state;
pub mod tasks;
pub mod visibility;

use std::path::PathBuf;

pub use action::{
    Action, EditAction, FileAction, Guarded, LayoutAction, Selection, SelectionAction, TaskAction,
    ViewAction, Window,
};
pub use dispatch::dispatch;
pub use document::Document;
pub use state::{AppOptions, AppState};

use crate::ui::map::MapView;

const RECENT_KEY: &str = "relmap.recent";

/// The running app: its state, the map's view cache, and this frame's actions.
pub struct RelmapApp {
    pub state: AppState,
    map: MapView,
    actions: Vec<Action>,
    last_title: String,
    first_frame_reported: bool,
    recovery: Option<recovery::Recovery>,
    recovery_failed: bool,
    /// A file opened in the background, whose first drawn frame is reported on request.
    report_loaded: Option<PathBuf>,
    /// Actions held back while a background save or recovery copy reads the document, in order,
    /// each with the document it was asked for: an edit never reaches another document.
    held: Vec<(u64, Action)>,
}

impl RelmapApp {
    /// Starts on `file`, or on the built-in sample when there is none.
    /// A file that fails to open leaves the sample open and shows why.
    pub fn new(
        cc: Option<&eframe::CreationContext<'_>>,
        file: Option<PathBuf>,
        options: AppOptions,
    ) -> Self {
        let sample = Document::new(
            crate::sample::sample_dataset(),
            None,
            crate::sample::SAMPLE_NAME,
        );
        let mut state = AppState::new(sample, options);
        if let Some(storage) = cc.and_then(|cc| cc.storage) {
            if let Some(text) = storage.get_string(RECENT_KEY) {
                state.recent = text.lines().map(PathBuf::from).collect();
            }
            if let Some(theme) = appearance::load_theme(storage) {
                state.theme = theme;
            }
        }
        if let Some(path) = file {
            let ctx = cc.map_or_else(egui::Context::default, |cc| cc.egui_ctx.clone());
            files::open_path(&mut state, &path, &ctx);
        }
        if let Some(cc) = cc {
            crate::ui::theme::install(&cc.egui_ctx);
            appearance::apply_theme(&cc.egui_ctx, state.theme);
        }
        let recovery = state
            .options
            .recovery_dir
            .clone()
            .map(|dir| recovery::Recovery::new(dir, state.options.autosave_interval));
        state.recovery_offer = recovery
            .as_ref()
            .and_then(|r| r.orphans().into_iter().next());
        let mut map = MapView::default();
        if let (Some(render_state), false) = (
            cc.and_then(|cc| cc.wgpu_render_state.as_ref()),
            state.options.cpu_overview,
        ) {
            map.gpu = Some(crate::ui::map::gpu::GpuOverview::install(render_state));
        }
        Self {
            state,
            map,
            actions: Vec::new(),
            last_title: String::new(),
            first_frame_reported: false,
            recovery,
            recovery_failed: false,
            report_loaded: None,
            held: Vec::new(),
        }
    }

    /// Selects an actor or tie by id; unknown ids are reported, not fatal.
    pub fn select_by_id(&mut self, id: &str, read: bool, ctx: &egui::Context) {
        let data = &self.state.doc.data;
        let action = if data.tie(id).is_some() {
            if read {
                Action::Selection(SelectionAction::ReadInArticle {
                    tie: id.into(),
                    excerpt: 0,
                })
            } else {
                Action::Selection(SelectionAction::Select(Selection::Tie(id.to_owned())))
            }
        } else if data.actor(id).is_some() {
            Action::Selection(SelectionAction::Select(Selection::Actor(id.to_owned())))
        } else {
            self.state.error(
                format!("Nothing to select: no actor or tie has the id '{id}'"),
                Vec::new(),
            );
            return;
        };
        dispatch(&mut self.state, action, ctx);
    }

    /// The map view, for tests that need to know where things are drawn.
    /// Queues actions as if this frame's views had emitted them (for tests and scripts).
    pub fn push_actions(&mut self, actions: impl IntoIterator<Item = Action>) {
        self.actions.extend(actions);
    }

    pub fn map(&self) -> &MapView {
        &self.map
    }

    /// Applies one action as if the user had asked for it (for tests and the command line).
    pub fn act(&mut self, action: Action, ctx: &egui::Context) {
        dispatch(&mut self.state, action, ctx);
    }

    /// Applies this frame's actions. While a background writer reads the document, edits (and
    /// whatever follows them) are held and applied, in order, in the first frame after it ends:
    /// editing then would mean copying the whole dataset on this thread.
    fn dispatch_actions(&mut self, ctx: &egui::Context) {
        let mut actions = std::mem::take(&mut self.actions);
        // Edits wait while a worker reads the document, and until a merge built in the
        // background is applied, so that they apply in the order they were asked for.
        let busy =
            |state: &AppState| state.doc.is_being_written() || state.tasks.merging().is_some();
        let mut queue: Vec<(u64, Action)> = Vec::new();
        if !busy(&self.state) {
            queue.append(&mut self.held);
        }
        let doc = self.state.doc.id();
        queue.extend(actions.drain(..).map(|action| (doc, action)));
        for (asked_for, action) in queue {
            if asked_for != self.state.doc.id() && action.edits_document() {
                continue;
            }
            if busy(&self.state) && (!self.held.is_empty() || action.edits_document()) {
                self.held.push((asked_for, action));
                continue;
            }
            dispatch(&mut self.state, action, ctx);
        }
        // Workers that only read the document (the search index, the explore graph) stop
        // while edits wait, and start again once none does.
        if self.held.is_empty() {
            explore::edits_done_waiting(&mut self.state);
        } else if busy(&self.state) {
            explore::give_way_to_edits(&mut self.state);
        }
    }

    /// Keeps the recovery copy up to date; a failure is reported once.
    fn autosave(&mut self) {
        let Some(r) = &mut self.recovery else {
            return;
        };
        match r.tick(&self.state.doc) {
            Some(error) if !self.recovery_failed => {
                self.recovery_failed = true;
                self.state.error(
                    "Could not write the recovery copy of your changes",
                    vec![error],
                );
            }
            Some(_) => {}
            None => self.recovery_failed = false,
        }
    }

    fn handle_window_events(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.state.doc.is_modified()
            && !self.state.quit_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.actions
                .push(Action::File(FileAction::Request(Guarded::Quit)));
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.actions.push(importing::dropped(path));
        }
    }
}

impl eframe::App for RelmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        appearance::apply_theme(&ctx, self.state.theme);
        self.handle_window_events(&ctx);
        self.poll_tasks(&ctx);
        commands::collect_shortcut_actions(&ctx, &self.state, &mut self.actions);
        visibility::refresh(&mut self.state, &ctx);

        crate::ui::frame_ui(ui, &self.state, &mut self.map, &mut self.actions);

        self.dispatch_actions(&ctx);
        if !self.held.is_empty() {
            // Edits wait for a background writer: look again soon.
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        self.autosave();
        if self.state.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if !self.first_frame_reported {
            self.first_frame_reported = true;
            if let (Some(start), Ok(_)) =
                (PROCESS_START.get(), std::env::var("RELMAP_REPORT_STARTUP"))
            {
                eprintln!(
                    "relmap: first frame built {} ms after start",
                    start.elapsed().as_millis()
                );
            }
        }
        if let Some(path) = self.report_loaded.take() {
            if let (Some(start), Ok(_)) =
                (PROCESS_START.get(), std::env::var("RELMAP_REPORT_STARTUP"))
            {
                eprintln!(
                    "relmap: {} drawn {} ms after start",
                    path.display(),
                    start.elapsed().as_millis()
                );
            }
        }
        let title = self.state.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    fn on_exit(&mut self) {
        // The user was asked about unsaved changes before the window closed.
        if let Some(r) = &mut self.recovery {
            r.clear();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let text: Vec<String> = self
            .state
            .recent
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        storage.set_string(RECENT_KEY, text.join("\n"));
        appearance::store_theme(storage, self.state.theme);
    }
}

/// What the app opens with, from the command line.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    pub file: Option<PathBuf>,
    /// An actor or tie id to select.
    pub select: Option<String>,
    /// Open the selected tie's first excerpt in the reader.
    pub read: bool,
}

static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Records when the process started, to report the time to the first frame.
pub fn mark_process_start() {
    let _ = PROCESS_START.set(std::time::Instant::now());
}

/// Opens the window and runs the app until it is closed.
pub fn run_native(start: StartOptions) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("relmap")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "relmap",
        options,
        Box::new(move |cc| {
            let mut app = RelmapApp::new(Some(cc), start.file, AppOptions::default());
            if let Some(id) = start.select {
                app.select_by_id(&id, start.read, &cc.egui_ctx);
            }
            Ok(Box::new(app))
        }),
    )
}
