//! What the map shows: the visibility mask, one "shown" flag per actor and per tie, decided in
//! one place ([`refresh`]) from the state: what the user hid (View → Hide selected), then the
//! explore state (filters, timeline, focus, paths, through `analysis::compose`). A tie with a hidden end is hidden too. The map's culling, hit-tests, hover,
//! labels, GPU buffers and fit read the mask, and so does the force layout (hidden actors stay
//! where they are). When nothing is hidden the mask holds no flags and costs nothing.

use foldhash::{HashMap, HashSet};

use super::state::AppState;
use crate::model::Dataset;

/// The visibility mask.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visibility {
    /// Shown or not, by actor index; empty when every actor and tie is shown.
    actors: Vec<bool>,
    /// Shown or not, by tie index; empty when every actor and tie is shown.
    ties: Vec<bool>,
    hidden_actors: usize,
    hidden_ties: usize,
    /// Unique to each mask made from flags (0 when everything is shown), so that comparing two
    /// masks costs nothing.
    stamp: u64,
    /// Where the mask came from (see [`refresh`]); `None` before it was first computed.
    origin: Option<Origin>,
}

/// Where a mask came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    Computed(MaskInputs),
    /// Set by hand for this document and structure.
    ByHand {
        document: u64,
        structure: u64,
    },
}

/// The state a mask was computed from: the document and its structure, the hidden sets, and
/// the explore state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct MaskInputs {
    document: u64,
    structure: u64,
    hidden: u64,
    explore: u64,
    /// The structure generation of the explore graph it read (0 for none).
    graph: u64,
}

impl Visibility {
    /// Everything shown.
    pub fn everything() -> Self {
        Self::default()
    }

    /// A mask from flags by index (missing flags count as shown); ties with a hidden end are
    /// hidden whatever their own flag says.
    pub fn from_flags(data: &Dataset, mut actors: Vec<bool>, mut ties: Vec<bool>) -> Self {
        actors.resize(data.actors.len(), true);
        ties.resize(data.ties.len(), true);
        if actors.iter().all(|shown| *shown) && ties.iter().all(|shown| *shown) {
            return Self::everything();
        }
        if actors.iter().any(|shown| !*shown) {
            let place: HashMap<&str, usize> = data
                .actors
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.as_str(), i))
                .collect();
            let shown = |id: &str| place.get(id).is_none_or(|&i| actors[i]);
            for (flag, tie) in ties.iter_mut().zip(&data.ties) {
                *flag = *flag && shown(&tie.from) && shown(&tie.to);
            }
        }
        let hidden_actors = actors.iter().filter(|shown| !**shown).count();
        let hidden_ties = ties.iter().filter(|shown| !**shown).count();
        Self {
            actors,
            ties,
            hidden_actors,
            hidden_ties,
            stamp: next_stamp(),
            origin: None,
        }
    }

    /// Whether the actor at this index is shown.
    pub fn actor(&self, index: usize) -> bool {
        self.actors.get(index).copied().unwrap_or(true)
    }

    /// Whether the tie at this index is shown.
    pub fn tie(&self, index: usize) -> bool {
        self.ties.get(index).copied().unwrap_or(true)
    }

    pub fn shows_everything(&self) -> bool {
        self.hidden_actors == 0 && self.hidden_ties == 0
    }

    /// How many actors and ties are hidden.
    pub fn hidden_counts(&self) -> (usize, usize) {
        (self.hidden_actors, self.hidden_ties)
    }

    /// The flags by actor index, or `None` when every actor is shown (for the force layout).
    pub fn actor_flags(&self) -> Option<&[bool]> {
        (self.hidden_actors > 0).then_some(self.actors.as_slice())
    }

    /// Whether two masks are the same one, or both show everything (what they were computed
    /// from aside). Two masks made apart with equal flags count as different.
    pub fn is_same(&self, other: &Self) -> bool {
        self.stamp == other.stamp || (self.shows_everything() && other.shows_everything())
    }
}

fn next_stamp() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// What the user hid by hand, by id, so that it stays hidden across edits.
#[derive(Clone, Debug, Default)]
pub struct Hidden {
    actors: HashSet<String>,
    ties: HashSet<String>,
    /// Changes whenever the sets do.
    revision: u64,
}

impl Hidden {
    pub fn hide(&mut self, actors: impl IntoIterator<Item = String>, ties: Vec<String>) {
        self.actors.extend(actors);
        self.ties.extend(ties);
        self.revision += 1;
    }

    pub fn show_all(&mut self) {
        self.actors.clear();
        self.ties.clear();
        self.revision += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.ties.is_empty()
    }
}

/// Brings the mask up to date with the state, once a frame before the map draws. Recomputes
/// only when the document, its list of actors and ties, the hidden sets, the explore state or
/// its graph changed; a mask set by hand stays until the document or its structure changes.
/// While the explore graph is rebuilt after an edit, what the old one found stays, carried to
/// the new places of the actors and ties (new ones shown).
pub fn refresh(state: &mut AppState, ctx: &egui::Context) {
    super::explore::keep_up(state, ctx);
    let document = state.doc.id();
    let graph = state
        .explore
        .latest_graph(document)
        .map(|(s, g)| (s, g.clone()));
    let inputs = MaskInputs {
        document,
        structure: state.doc.structure_generation(),
        hidden: state.hidden.revision,
        explore: state.explore.revision,
        graph: graph.as_ref().map_or(0, |(s, _)| *s),
    };
    let current = match state.visibility.origin {
        Some(Origin::Computed(computed)) => computed == inputs,
        // Set by hand for this document and structure: kept until they change.
        Some(Origin::ByHand {
            document,
            structure,
        }) => (document, structure) == (inputs.document, inputs.structure),
        None => false,
    };
    if !current {
        let explore = &state.explore;
        let explored = explore.hides_anything() || explore.paths.is_some();
        let mut mask = match graph {
            Some((s, graph)) if explored && s == inputs.structure => {
                let composed = compose(state, &graph);
                let mask = mask_of(&state.doc.data, &composed);
                fit_paths(state, &composed);
                found(state, Some(composed), s);
                mask
            }
            Some(_) if explored => match carried(state) {
                Some(composed) => {
                    let mask = mask_of(&state.doc.data, &composed);
                    found(state, Some(composed), inputs.structure);
                    mask
                }
                None => {
                    found(state, None, inputs.structure);
                    by_hand(state)
                }
            },
            _ => {
                found(state, None, inputs.structure);
                by_hand(state)
            }
        };
        mask.origin = Some(Origin::Computed(inputs));
        state.visibility = mask;
    }
    super::explore_time::keep_histogram(state);
}

fn mask_of(data: &Dataset, composed: &crate::analysis::Composed) -> Visibility {
    let shown = &composed.shown;
    Visibility::from_flags(data, shown.actors.clone(), shown.ties.clone())
}

/// Records what compose found (or that nothing was), for the structure generation whose
/// places it refers to.
fn found(state: &mut AppState, found: Option<crate::analysis::Composed>, at: u64) {
    let explore = &mut state.explore;
    if found.is_none() && explore.found.is_none() {
        return;
    }
    explore.found = found;
    explore.found_at = at;
    explore.found_serial += 1;
}

/// Moves the camera to the paths just found, once, when they were asked for.
fn fit_paths(state: &mut AppState, composed: &crate::analysis::Composed) {
    let explore = &mut state.explore;
    if !std::mem::take(&mut explore.fit_paths) || composed.paths.is_empty() {
        return;
    }
    let mut actors: Vec<usize> = composed.paths.iter().flat_map(|p| p.actors()).collect();
    actors.sort_unstable();
    actors.dedup();
    explore.move_camera(super::explore::CameraTarget::Actors(actors));
}

/// What the user hid by hand, alone.
fn by_hand(state: &AppState) -> Visibility {
    let (data, hidden) = (&state.doc.data, &state.hidden);
    if hidden.is_empty() {
        return Visibility::everything();
    }
    let actors = data
        .actors
        .iter()
        .map(|a| !hidden.actors.contains(&a.id))
        .collect();
    let ties = data
        .ties
        .iter()
        .map(|t| !hidden.ties.contains(&t.id))
        .collect();
    Visibility::from_flags(data, actors, ties)
}

/// What was last found, carried over the structural changes made since to the actors' and
/// ties' places now; `None` when nothing was found or the changes are not all known.
fn carried(state: &AppState) -> Option<crate::analysis::Composed> {
    let found = state.explore.found.as_ref()?;
    let changes = state.doc.changes_since(state.explore.found_at)?;
    super::carried::carry(found, &changes, &state.doc.data)
}

/// What the explore state shows, starting from what the user hid by hand.
fn compose(state: &AppState, graph: &crate::analysis::MapGraph) -> crate::analysis::Composed {
    use crate::analysis::{PathQuery, PathsAsked, Shown};
    let (data, hidden, explore) = (&state.doc.data, &state.hidden, &state.explore);
    let mut base = Shown::all(graph);
    if !hidden.is_empty() {
        for (flag, a) in base.actors.iter_mut().zip(&data.actors) {
            *flag = !hidden.actors.contains(&a.id);
        }
        for (flag, t) in base.ties.iter_mut().zip(&data.ties) {
            *flag = !hidden.ties.contains(&t.id);
        }
    }
    let paths = explore.paths.as_ref().and_then(|p| {
        Some(PathsAsked {
            query: PathQuery {
                from: data.actor_place(&p.from)?,
                to: data.actor_place(&p.to)?,
                max_length: p.max_length,
                count: p.count,
                weight: p.weight,
            },
            only: p.only,
        })
    });
    crate::analysis::compose(data, graph, base, &explore.view, paths)
}

/// Sets the mask by hand (tests, and the filters' own code until they are state): kept until
/// the document or its structure changes.
pub fn set_by_hand(state: &mut AppState, mask: Visibility) {
    state.visibility = Visibility {
        origin: Some(Origin::ByHand {
            document: state.doc.id(),
            structure: state.doc.structure_generation(),
        }),
        ..mask
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_dataset;

    #[test]
    fn nothing_hidden_holds_no_flags() {
        let data = sample_dataset();
        let mask = Visibility::from_flags(&data, Vec::new(), vec![true; 3]);
        assert!(mask.shows_everything());
        assert!(mask.actor(0) && mask.tie(data.ties.len() + 5));
        assert_eq!(mask.actor_flags(), None);
    }

    #[test]
    fn a_hidden_actor_hides_its_ties() {
        let data = sample_dataset();
        let kim = data.actors.iter().position(|a| a.id == "kim").unwrap();
        let mut actors = vec![true; data.actors.len()];
        actors[kim] = false;
        let mask = Visibility::from_flags(&data, actors, Vec::new());
        assert!(!mask.actor(kim));
        let of_kim = data.ties_of("kim").count();
        assert!(of_kim > 0);
        assert_eq!(mask.hidden_counts(), (1, of_kim));
        for (i, tie) in data.ties.iter().enumerate() {
            let touches = tie.from == "kim" || tie.to == "kim";
            assert_eq!(mask.tie(i), !touches, "{}", tie.id);
        }
        assert_eq!(mask.actor_flags().map(|f| f.len()), Some(data.actors.len()));
    }

    #[test]
    fn a_hidden_tie_keeps_its_ends() {
        let data = sample_dataset();
        let mask = Visibility::from_flags(&data, Vec::new(), vec![false]);
        assert_eq!(mask.hidden_counts(), (0, 1));
        assert!(!mask.tie(0) && mask.tie(1));
        assert_eq!(mask.actor_flags(), None);
    }
}
