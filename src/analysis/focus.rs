//! Focus: the actors within k ties of one actor (k from 1 to 3), following ties out of it,
//! into it, or both ways (undirected ties go both ways), over what is shown; the ties among
//! them stay. No egui.

use std::collections::VecDeque;

use super::graph::MapGraph;
use super::Shown;
use crate::model::Direction;

/// The deepest focus.
pub const MAX_DEPTH: u8 = 3;

/// How far each actor is from `anchor` in shown ties, up to `depth` (`None`: further, hidden,
/// or not reached).
pub fn distances(
    graph: &MapGraph,
    shown: &Shown,
    anchor: usize,
    depth: u8,
    direction: Direction,
) -> Vec<Option<u8>> {
    let mut distance = vec![None; graph.actor_count()];
    if anchor >= distance.len() {
        return distance;
    }
    distance[anchor] = Some(0);
    let mut queue = VecDeque::from([anchor]);
    while let Some(a) = queue.pop_front() {
        let d = distance[a].unwrap_or(0);
        if d >= depth {
            continue;
        }
        for link in graph.links(a) {
            let b = link.other as usize;
            if distance[b].is_none()
                && link.follows(direction)
                && shown.ties[link.tie as usize]
                && shown.actors[b]
            {
                distance[b] = Some(d + 1);
                queue.push_back(b);
            }
        }
    }
    distance
}

/// Narrows `shown` to the neighbourhood of `anchor`: the actors within `depth` ties of it
/// (depth clamped to 1..=3), and the shown ties among them. The anchor stays shown even if a
/// filter hid it.
pub fn apply(graph: &MapGraph, anchor: usize, depth: u8, direction: Direction, shown: &mut Shown) {
    if anchor >= shown.actors.len() {
        return;
    }
    shown.actors[anchor] = true;
    let depth = depth.clamp(1, MAX_DEPTH);
    let distance = distances(graph, shown, anchor, depth, direction);
    for (flag, d) in shown.actors.iter_mut().zip(&distance) {
        *flag = *flag && d.is_some();
    }
    shown.hide_ties_of_hidden_actors(graph);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Dataset, Tie};

    /// a → b → c → d, and e – a undirected; f alone.
    fn chain() -> (Dataset, MapGraph) {
        let actor = |id: &str| Actor {
            id: id.into(),
            name: id.to_uppercase(),
            ..Actor::default()
        };
        let tie = |id: &str, from: &str, to: &str, directed: bool| Tie {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            directed,
            ..Tie::default()
        };
        let data = Dataset {
            actors: ["a", "b", "c", "d", "e", "f"].map(actor).to_vec(),
            ties: vec![
                tie("ab", "a", "b", true),
                tie("bc", "b", "c", true),
                tie("cd", "c", "d", true),
                tie("ea", "e", "a", false),
            ],
            ..Dataset::default()
        };
        let graph = MapGraph::build(&data);
        (data, graph)
    }

    fn names(data: &Dataset, shown: &Shown) -> String {
        data.actors
            .iter()
            .zip(&shown.actors)
            .filter(|(_, s)| **s)
            .map(|(a, _)| a.id.as_str())
            .collect()
    }

    #[test]
    fn k_hops_both_ways() {
        let (data, g) = chain();
        for (k, expected) in [(1, "abe"), (2, "abce"), (3, "abcde")] {
            let mut shown = Shown::all(&g);
            apply(&g, 0, k, Direction::Both, &mut shown);
            assert_eq!(names(&data, &shown), expected, "k = {k}");
        }
        let mut shown = Shown::all(&g);
        apply(&g, 0, 9, Direction::Both, &mut shown);
        assert_eq!(names(&data, &shown), "abcde", "depth is clamped to 3");
    }

    #[test]
    fn out_and_in_follow_the_direction_and_undirected_ties_go_both_ways() {
        let (data, g) = chain();
        let mut shown = Shown::all(&g);
        apply(&g, 1, 3, Direction::Out, &mut shown);
        assert_eq!(names(&data, &shown), "bcd");
        let mut shown = Shown::all(&g);
        apply(&g, 1, 3, Direction::In, &mut shown);
        assert_eq!(names(&data, &shown), "abe");
        let mut shown = Shown::all(&g);
        apply(&g, 4, 2, Direction::Out, &mut shown);
        assert_eq!(names(&data, &shown), "abe", "e – a is undirected");
    }

    #[test]
    fn the_ties_among_the_neighbourhood_stay_and_hidden_ties_are_not_walked() {
        let (data, g) = chain();
        let mut shown = Shown::all(&g);
        shown.ties[data.tie_place("bc").unwrap()] = false;
        apply(&g, 0, 3, Direction::Both, &mut shown);
        assert_eq!(names(&data, &shown), "abe");
        let ties: Vec<bool> = shown.ties.clone();
        assert_eq!(ties, [true, false, false, true]);
    }

    #[test]
    fn the_anchor_stays_even_if_a_filter_hid_it() {
        let (data, g) = chain();
        let mut shown = Shown::all(&g);
        shown.actors[5] = false;
        apply(&g, 5, 1, Direction::Both, &mut shown);
        assert_eq!(names(&data, &shown), "f");
    }
}
