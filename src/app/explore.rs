//! The explore state of the open document (filters, timeline, focus, paths, search, measures)
//! and the dispatcher's arm for its actions. What the map shows follows from it in
//! `visibility::refresh`, through `analysis::compose`.

use std::sync::Arc;

use super::action::Selection;
use super::state::{AppState, ReaderState};
use crate::analysis::{self, MapGraph, Metric, PathWeight, SearchIndex};
use crate::model::{CameraSpec, Direction, FilterSpec, FocusSpec, NamedView, TimeSpec, ViewState};

/// "How is A connected to B?", as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathRequest {
    pub from: String,
    pub to: String,
    pub max_length: usize,
    pub count: usize,
    pub weight: PathWeight,
    /// Show only the paths on the map.
    pub only: bool,
}

/// Where the camera is asked to go (the map animates to it).
#[derive(Clone, Debug, PartialEq)]
pub enum CameraTarget {
    /// Fit these actors (by index) in view.
    Actors(Vec<usize>),
    /// Fit what is shown.
    Shown,
    Spec(CameraSpec),
}

/// Actor sizes and colours from the measures, computed on the task runner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measures {
    /// The values by actor index of the measure actors are sized by, and the structure
    /// generation they were computed for.
    pub values: Option<(Metric, u64, Arc<Vec<f64>>)>,
    /// Community numbers by actor index, and the structure generation.
    pub communities: Option<(u64, Arc<Vec<usize>>)>,
    /// The structure generations whose actor places the values and the communities are at:
    /// the one they were computed for, or a later one they were carried to (over the edits
    /// made since) while they are computed again.
    pub values_at: u64,
    pub communities_at: u64,
}

/// Everything explore keeps for the open document.
#[derive(Default)]
pub struct ExploreState {
    /// The document this state is for: another document starts afresh.
    pub document: u64,
    pub view: ViewState,
    pub paths: Option<PathRequest>,
    /// Changes whenever the view or the paths asked for do.
    pub revision: u64,
    /// The map's graph, for the document and structure generation it was built for (an older
    /// one stays while the new one is built in the background).
    pub graph: Option<(u64, u64, Arc<MapGraph>)>,
    /// The document generation at which the graph's build stopped for an edit.
    pub graph_gave_way: Option<u64>,
    /// The document and structure generation for which building the graph failed (reported).
    pub graph_failed: Option<(u64, u64)>,
    /// What the last compose found: the paths, the histogram's ties, which excerpts count.
    pub found: Option<analysis::Composed>,
    /// The structure generation whose actor and tie places `found` refers to.
    pub found_at: u64,
    /// Changes whenever `found` does.
    pub found_serial: u64,
    /// The timeline's histogram, counted once for what the filters leave.
    pub histogram: Option<super::explore_time::CountedHistogram>,
    /// The search index, for the document and structure generation it was built for.
    pub search_index: Option<(u64, u64, Arc<SearchIndex>)>,
    /// The document generation at which indexing stopped for an edit; it starts again once
    /// the document has another.
    pub index_gave_way: Option<u64>,
    pub search_open: bool,
    /// The filters, timeline and views panel is open.
    pub panel_open: bool,
    /// The panel asks for the name of a view to save.
    pub naming_view: bool,
    /// The path panel is open.
    pub path_panel_open: bool,
    /// The camera fits the paths once they are found (they are asked for in one frame and
    /// found in a later one).
    pub fit_paths: bool,
    /// The timeline plays: the range moves one step this often.
    pub playing: Option<std::time::Instant>,
    pub size_by: Option<Metric>,
    pub colour_communities: bool,
    pub measures: Measures,
    /// Where the camera was last asked to go, with a serial number that changes each time.
    pub camera: (u64, Option<CameraTarget>),
}

impl ExploreState {
    /// The graph of the document as it is now, if it was built.
    pub fn graph_for(&self, document: u64, structure: u64) -> Option<&Arc<MapGraph>> {
        match &self.graph {
            Some((d, s, g)) if (*d, *s) == (document, structure) => Some(g),
            _ => None,
        }
    }

    fn changed(&mut self) {
        self.revision += 1;
    }

    pub(super) fn move_camera(&mut self, target: CameraTarget) {
        self.camera = (self.camera.0 + 1, Some(target));
    }

    /// The latest graph built for this document, whatever structure it was built for.
    pub fn latest_graph(&self, document: u64) -> Option<(u64, &Arc<MapGraph>)> {
        match &self.graph {
            Some((d, s, g)) if *d == document => Some((*s, g)),
            _ => None,
        }
    }

    /// Whether anything hides part of the map (the hand-hidden sets aside).
    pub fn hides_anything(&self) -> bool {
        !self.view.shows_everything() || self.paths.as_ref().is_some_and(|p| p.only)
    }
}

/// What the user can ask of explore.
#[derive(Clone, Debug, PartialEq)]
pub enum ExploreAction {
    OpenSearch,
    CloseSearch,
    /// A search result was chosen: select it and move the camera to it.
    ChooseActor(usize),
    ChooseTie(usize),
    /// A quote: open the reader at it.
    ChooseExcerpt {
        tie: usize,
        excerpt: usize,
    },
    ChooseArticle {
        source: usize,
    },
    TogglePanel,
    SetFilters(FilterSpec),
    SetTimeline(TimeSpec),
    /// Clear filters, timeline, focus and paths.
    ClearAll,
    /// Focus on the selected actor (or leave the focus when it is already on it).
    FocusSelected,
    SetFocus(Option<FocusSpec>),
    /// Focus one tie deeper (+1) or shallower (−1).
    FocusDepth(i8),
    FocusDirection(Direction),
    /// Play the timeline, or pause it while it plays.
    TogglePlay,
    /// The timeline moved one step (Play).
    PlayStep,
    OpenPathPanel,
    ClosePathPanel,
    FindPaths(PathRequest),
    ClearPaths,
    SizeBy(Option<Metric>),
    ColourByCommunity(bool),
    /// Ask for the name to save the view under (the panel opens with the name field).
    AskViewName,
    /// Save the view as it is now under a name (replacing one of that name).
    SaveView {
        name: String,
        camera: Option<CameraSpec>,
    },
    OpenView(usize),
    DeleteView(usize),
}

impl ExploreAction {
    /// Saving and deleting a named view are edits of the document.
    pub fn edits_document(&self) -> bool {
        matches!(
            self,
            ExploreAction::SaveView { .. } | ExploreAction::DeleteView(_)
        )
    }
}

/// Applies an explore action.
pub fn explore_action(state: &mut AppState, action: ExploreAction, ctx: &egui::Context) {
    let explore = &mut state.explore;
    match action {
        ExploreAction::OpenSearch => {
            explore.search_open = true;
            super::search_indexing::keep_up(state, ctx);
        }
        ExploreAction::CloseSearch => explore.search_open = false,
        ExploreAction::ChooseActor(a) => {
            if let Some(actor) = state.doc.data.actors.get(a) {
                state.selection = Selection::Actor(actor.id.clone());
                state.explore.move_camera(CameraTarget::Actors(vec![a]));
            }
            state.explore.search_open = false;
        }
        ExploreAction::ChooseTie(t) => {
            let data = &state.doc.data;
            if let Some(tie) = data.ties.get(t) {
                let ends: Vec<usize> = [&tie.from, &tie.to]
                    .iter()
                    .filter_map(|id| data.actor_place(id))
                    .collect();
                state.selection = Selection::Tie(tie.id.clone());
                state.explore.move_camera(CameraTarget::Actors(ends));
            }
            state.explore.search_open = false;
        }
        ExploreAction::ChooseExcerpt { tie, excerpt } => {
            let data = &state.doc.data;
            if let Some(t) = data.ties.get(tie) {
                let ends: Vec<usize> = [&t.from, &t.to]
                    .iter()
                    .filter_map(|id| data.actor_place(id))
                    .collect();
                state.reader = ReaderState::at_excerpt(t, excerpt);
                state.selection = Selection::Tie(t.id.clone());
                state.explore.move_camera(CameraTarget::Actors(ends));
            }
            state.explore.search_open = false;
        }
        ExploreAction::ChooseArticle { source } => {
            if let Some(s) = state.doc.data.sources.get(source) {
                state.reader = Some(ReaderState::on(s.id.as_str()));
            }
            state.explore.search_open = false;
        }
        ExploreAction::TogglePanel => explore.panel_open = !explore.panel_open,
        ExploreAction::SetFilters(filters) => {
            explore.view.filters = filters;
            explore.changed();
        }
        ExploreAction::SetTimeline(timeline) => {
            explore.view.timeline = timeline;
            explore.changed();
        }
        ExploreAction::ClearAll => {
            explore.view = ViewState::default();
            explore.paths = None;
            explore.playing = None;
            explore.changed();
        }
        ExploreAction::FocusSelected => {
            let selected = match &state.selection {
                Selection::Actor(id) => Some(id.clone()),
                _ => None,
            };
            let same = explore.view.focus.as_ref().map(|f| &f.actor) == selected.as_ref();
            explore.view.focus = match selected {
                Some(actor) if !same => Some(FocusSpec {
                    actor,
                    depth: explore.view.focus.as_ref().map_or(1, |f| f.depth),
                    direction: explore
                        .view
                        .focus
                        .as_ref()
                        .map_or_else(Direction::default, |f| f.direction),
                }),
                _ => None,
            };
            explore.changed();
            explore.move_camera(CameraTarget::Shown);
        }
        ExploreAction::SetFocus(focus) => {
            explore.view.focus = focus;
            explore.changed();
            explore.move_camera(CameraTarget::Shown);
        }
        ExploreAction::FocusDepth(delta) => {
            if let Some(focus) = &mut explore.view.focus {
                let depth = (i16::from(focus.depth) + i16::from(delta)).clamp(1, 3);
                focus.depth = depth as u8;
                explore.changed();
                explore.move_camera(CameraTarget::Shown);
            }
        }
        ExploreAction::FocusDirection(direction) => {
            if let Some(focus) = &mut explore.view.focus {
                focus.direction = direction;
                explore.changed();
                explore.move_camera(CameraTarget::Shown);
            }
        }
        ExploreAction::TogglePlay if explore.playing.is_some() => explore.playing = None,
        ExploreAction::TogglePlay => {
            explore.panel_open = true;
            explore.playing = Some(std::time::Instant::now());
            super::explore_time::start_play(state);
            // Nothing else wakes the window for the steps: it sleeps until the next one.
            ctx.request_repaint();
        }
        ExploreAction::PlayStep => {
            super::explore_time::play_step(state);
            ctx.request_repaint();
        }
        ExploreAction::OpenPathPanel => explore.path_panel_open = true,
        ExploreAction::ClosePathPanel => explore.path_panel_open = false,
        ExploreAction::FindPaths(request) => {
            explore.path_panel_open = true;
            explore.paths = Some(request);
            explore.fit_paths = true;
            explore.changed();
        }
        ExploreAction::ClearPaths => {
            explore.paths = None;
            explore.changed();
        }
        ExploreAction::SizeBy(metric) => {
            explore.size_by = metric;
            super::measures::keep_up(state, ctx);
        }
        ExploreAction::ColourByCommunity(on) => {
            explore.colour_communities = on;
            super::measures::keep_up(state, ctx);
        }
        ExploreAction::AskViewName => {
            explore.panel_open = true;
            explore.naming_view = true;
        }
        ExploreAction::SaveView { name, camera } => {
            state.explore.naming_view = false;
            let mut views = state.doc.data.views.clone();
            let view = NamedView {
                name: name.clone(),
                view: ViewState {
                    camera,
                    ..state.explore.view.clone()
                },
            };
            match views.iter_mut().find(|v| v.name == name) {
                Some(old) => *old = view,
                None => views.push(view),
            }
            super::dispatch_edit::apply(state, crate::edit::Edit::SetViews { views });
        }
        ExploreAction::OpenView(i) => {
            if let Some(named) = state.doc.data.views.get(i) {
                let view = named.view.clone();
                let target = view.camera.map_or(CameraTarget::Shown, CameraTarget::Spec);
                state.explore.view = ViewState {
                    camera: None,
                    ..view
                };
                state.explore.changed();
                state.explore.move_camera(target);
            }
        }
        ExploreAction::DeleteView(i) => {
            let mut views = state.doc.data.views.clone();
            if i < views.len() {
                views.remove(i);
                super::dispatch_edit::apply(state, crate::edit::Edit::SetViews { views });
            }
        }
    }
}

/// The explore state for a document: afresh when the document changed, and the graph (while
/// something uses it) and the search index (while search is open) brought up to date with its
/// structure, so that edits cost nothing more while explore is not used.
pub fn keep_up(state: &mut AppState, ctx: &egui::Context) {
    let document = state.doc.id();
    if state.explore.document != document {
        state.explore = ExploreState {
            document,
            revision: state.explore.revision + 1,
            ..ExploreState::default()
        };
    }
    let explore = &state.explore;
    let needed = explore.hides_anything()
        || explore.paths.is_some()
        || explore.panel_open
        || explore.path_panel_open
        || explore.size_by.is_some()
        || explore.colour_communities;
    if needed {
        super::graph_building::keep_up(state, ctx);
    }
    if state.explore.search_open {
        super::search_indexing::keep_up(state, ctx);
    }
}

/// Edits are waiting while workers read the document: those that only read it for explore
/// (the search index, the graph) stop, and start again once the edits are applied.
pub fn give_way_to_edits(state: &mut AppState) {
    super::search_indexing::give_way_to_edits(state);
    super::graph_building::give_way_to_edits(state);
}

/// No edit waits any more: the workers that gave way may start again.
pub fn edits_done_waiting(state: &mut AppState) {
    state.explore.index_gave_way = None;
    state.explore.graph_gave_way = None;
}
