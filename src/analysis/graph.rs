//! [`MapGraph`]: what the explore queries need of a dataset, by actor and tie index, in plain
//! arrays: each tie's ends, kind, polarity, direction and date interval; each excerpt's source
//! and certainty; each source's publication day; and every actor's ties (a compressed
//! adjacency list). Built once per state of the map's structure (a few milliseconds at 100k
//! ties), owned, so that a worker can take it without sharing the dataset. No egui.

use super::days::{self, Day, Interval};
use crate::model::{ActorKind, Certainty, Dataset, Polarity, TieKind};

/// An unknown source or actor in the arrays.
pub const NONE: u32 = u32::MAX;
/// The certainty code of an excerpt whose certainty is not set (the others are their place
/// in `Certainty::ALL`).
pub const UNSET: u8 = Certainty::ALL.len() as u8;

/// How a tie leaves an actor, seen from that actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkDir {
    /// A directed tie from this actor.
    Out,
    /// A directed tie to this actor.
    In,
    Undirected,
}

/// One tie of an actor: the actor at its other end, and the tie's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub other: u32,
    pub tie: u32,
    pub dir: LinkDir,
}

impl Link {
    /// Whether a walk following `direction` may take this tie away from the actor.
    pub fn follows(self, direction: crate::model::Direction) -> bool {
        use crate::model::Direction;
        match direction {
            Direction::Both => true,
            Direction::Out => self.dir != LinkDir::In,
            Direction::In => self.dir != LinkDir::Out,
        }
    }
}

/// The map's actors and ties as the explore queries read them.
#[derive(Clone, Debug, Default)]
pub struct MapGraph {
    pub actor_kinds: Vec<ActorKind>,
    /// The actor indices at the ends of each tie (`None` when one is missing).
    pub ends: Vec<Option<(u32, u32)>>,
    pub directed: Vec<bool>,
    pub tie_kinds: Vec<TieKind>,
    pub polarities: Vec<Polarity>,
    /// The days each tie's date covers, for ties with a valid date.
    pub dates: Vec<Option<Interval>>,
    /// The excerpts of tie `t` are `excerpt_start[t]..excerpt_start[t + 1]` of the two
    /// excerpt arrays.
    excerpt_start: Vec<u32>,
    /// The source index of each excerpt, or [`NONE`].
    pub excerpt_source: Vec<u32>,
    /// The certainty code of each excerpt (see [`UNSET`]).
    pub excerpt_certainty: Vec<u8>,
    /// The first day each source's publication date names.
    pub source_published: Vec<Option<Day>>,
    /// The links of actor `a` are `links[link_start[a]..link_start[a + 1]]`.
    link_start: Vec<u32>,
    links: Vec<Link>,
}

impl MapGraph {
    pub fn build(data: &Dataset) -> Self {
        Self::read(data, &|| false)
            .map(Self::linked)
            .unwrap_or_default()
    }

    /// What [`MapGraph::build`] reads of the dataset, before the actors are linked (see
    /// [`MapGraph::linked`]); `None` when `stop` said so (it is asked every thousand ties), so
    /// that a worker lets go of the dataset soon after it is asked to.
    pub fn read(data: &Dataset, stop: &dyn Fn() -> bool) -> Option<Self> {
        let ties = data.ties.len();
        let mut graph = MapGraph {
            actor_kinds: data.actors.iter().map(|a| a.kind).collect(),
            ends: Vec::with_capacity(ties),
            directed: Vec::with_capacity(ties),
            tie_kinds: Vec::with_capacity(ties),
            polarities: Vec::with_capacity(ties),
            dates: Vec::with_capacity(ties),
            excerpt_start: Vec::with_capacity(ties + 1),
            excerpt_source: Vec::new(),
            excerpt_certainty: Vec::new(),
            source_published: data
                .sources
                .iter()
                .map(|s| s.published.as_deref().and_then(days::first_day))
                .collect(),
            link_start: Vec::new(),
            links: Vec::new(),
        };
        graph.excerpt_start.push(0);
        for (t, tie) in data.ties.iter().enumerate() {
            if t % 1024 == 1023 && stop() {
                return None;
            }
            let ends = data
                .actor_place(&tie.from)
                .zip(data.actor_place(&tie.to))
                .map(|(a, b)| (a as u32, b as u32));
            graph.ends.push(ends);
            graph.directed.push(tie.directed);
            graph.tie_kinds.push(tie.kind);
            graph.polarities.push(tie.polarity);
            graph
                .dates
                .push(tie.date.as_deref().and_then(days::interval));
            for x in &tie.excerpts {
                let source = data.source_place(&x.source).map_or(NONE, |s| s as u32);
                graph.excerpt_source.push(source);
                graph.excerpt_certainty.push(certainty_code(x.certainty));
            }
            graph.excerpt_start.push(graph.excerpt_source.len() as u32);
        }
        Some(graph)
    }

    /// A graph [`MapGraph::read`] returned, with its actors linked (no dataset needed).
    pub fn linked(mut self) -> Self {
        self.link_actors();
        self
    }

    /// Fills the adjacency lists from the ties' ends (a loop is listed once).
    fn link_actors(&mut self) {
        let n = self.actor_kinds.len();
        let mut count = vec![0u32; n + 1];
        for &(a, b) in self.ends.iter().flatten() {
            count[a as usize] += 1;
            if a != b {
                count[b as usize] += 1;
            }
        }
        let mut start = vec![0u32; n + 1];
        for i in 0..n {
            start[i + 1] = start[i] + count[i];
        }
        let mut next = start.clone();
        let blank = Link {
            other: 0,
            tie: 0,
            dir: LinkDir::Undirected,
        };
        let mut links = vec![blank; start[n] as usize];
        for (t, ends) in self.ends.iter().enumerate() {
            let Some((a, b)) = *ends else { continue };
            let (from_a, from_b) = if self.directed[t] {
                (LinkDir::Out, LinkDir::In)
            } else {
                (LinkDir::Undirected, LinkDir::Undirected)
            };
            let mut put = |at: u32, other: u32, dir: LinkDir| {
                links[next[at as usize] as usize] = Link {
                    other,
                    tie: t as u32,
                    dir,
                };
                next[at as usize] += 1;
            };
            put(a, b, from_a);
            if a != b {
                put(b, a, from_b);
            }
        }
        self.link_start = start;
        self.links = links;
    }

    pub fn actor_count(&self) -> usize {
        self.actor_kinds.len()
    }

    pub fn tie_count(&self) -> usize {
        self.ends.len()
    }

    pub fn source_count(&self) -> usize {
        self.source_published.len()
    }

    /// The ties of an actor, each once (a loop too).
    pub fn links(&self, actor: usize) -> &[Link] {
        match (self.link_start.get(actor), self.link_start.get(actor + 1)) {
            (Some(&a), Some(&b)) => &self.links[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The places of tie `t`'s excerpts in the excerpt arrays.
    pub fn excerpts(&self, tie: usize) -> std::ops::Range<usize> {
        self.excerpt_start[tie] as usize..self.excerpt_start[tie + 1] as usize
    }

    /// How many excerpts tie `t` has.
    pub fn excerpt_count(&self, tie: usize) -> usize {
        self.excerpts(tie).len()
    }
}

/// The code of a certainty in [`MapGraph::excerpt_certainty`].
pub fn certainty_code(certainty: Option<Certainty>) -> u8 {
    certainty.map_or(UNSET, |c| {
        Certainty::ALL.iter().position(|&x| x == c).unwrap_or(0) as u8
    })
}

/// How firmly an excerpt's certainty says the tie exists: stated 3, reported or alleged 2,
/// planned, speculative or denied 1; not set counts as reported (the source says it, without
/// qualification the user recorded).
pub fn firmness(code: u8) -> u32 {
    match Certainty::ALL.get(code as usize) {
        Some(Certainty::Stated) => 3,
        Some(Certainty::Reported | Certainty::Alleged) | None => 2,
        Some(Certainty::Planned | Certainty::Speculative | Certainty::Denied) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_dataset;

    #[test]
    fn the_sample_graph_has_every_tie_twice_in_its_lists() {
        let data = sample_dataset();
        let g = MapGraph::build(&data);
        assert_eq!(g.actor_count(), data.actors.len());
        let listed: usize = (0..g.actor_count()).map(|a| g.links(a).len()).sum();
        assert_eq!(listed, 2 * data.ties.len());
        let assad = data.actor_place("assad").unwrap();
        let kim = data.actor_place("kim").unwrap() as u32;
        let visit = data.tie_place("assad-visit-kim").unwrap() as u32;
        let link = g.links(assad).iter().find(|l| l.tie == visit).unwrap();
        assert_eq!((link.other, link.dir), (kim, LinkDir::Out));
        assert_eq!(g.excerpt_count(visit as usize), 5);
        assert!(g.dates[visit as usize].is_some());
        assert_eq!(g.source_published.len(), 1);
    }

    #[test]
    fn a_read_can_stop_halfway_and_a_whole_one_builds_the_same_graph() {
        let data = crate::generate::generate(500, 3_000, 1);
        let asked = std::cell::Cell::new(0);
        let stop = || {
            asked.set(asked.get() + 1);
            true
        };
        assert!(MapGraph::read(&data, &stop).is_none());
        assert_eq!(asked.get(), 1);
        let read = MapGraph::read(&data, &|| false).map(MapGraph::linked);
        let built = MapGraph::build(&data);
        assert_eq!(format!("{read:?}"), format!("Some({built:?})"));
        assert_eq!(built.tie_count(), 3_000);
    }
}
