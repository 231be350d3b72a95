//! Shortest paths, their alternatives and their evidence chains; checked against every simple
//! path enumerated on random maps.

use super::*;
use crate::model::{Actor, Certainty, Dataset, Excerpt, FilterSpec, Tie, TimeSpec};

fn excerpt(source: &str, certainty: Option<Certainty>) -> Excerpt {
    Excerpt {
        source: source.into(),
        quote: String::new(),
        start: 0,
        end: 0,
        certainty,
        attributed_to: None,
    }
}

/// Actors named by one letter; ties `(from, to, excerpts)`, each excerpt stated unless the
/// tie's excerpt count is negative (then that many planned ones).
fn map(actors: &str, ties: &[(&str, &str, i32)]) -> Dataset {
    Dataset {
        actors: actors
            .chars()
            .map(|c| Actor {
                id: c.to_string(),
                name: c.to_uppercase().to_string(),
                ..Actor::default()
            })
            .collect(),
        ties: ties
            .iter()
            .map(|&(a, b, n)| {
                let certainty = if n < 0 {
                    Certainty::Planned
                } else {
                    Certainty::Stated
                };
                Tie {
                    id: format!("{a}{b}"),
                    from: a.into(),
                    to: b.into(),
                    directed: true,
                    excerpts: vec![excerpt("s", Some(certainty)); n.unsigned_abs() as usize],
                    ..Tie::default()
                }
            })
            .collect(),
        ..Dataset::default()
    }
}

fn find(
    data: &Dataset,
    from: &str,
    to: &str,
    max_length: usize,
    weight: PathWeight,
) -> Vec<String> {
    let graph = MapGraph::build(data);
    let evidence = Evidence::new(data, &FilterSpec::default(), &TimeSpec::default());
    let query = PathQuery {
        from: data.actor_place(from).unwrap(),
        to: data.actor_place(to).unwrap(),
        max_length,
        count: MAX_PATHS,
        weight,
    };
    shortest_paths(&graph, &Shown::all(&graph), &evidence, query)
        .iter()
        .map(|p| {
            p.actors()
                .iter()
                .map(|&a| data.actors[a].id.as_str())
                .collect()
        })
        .collect()
}

/// a–b–c–d with many excerpts, a–e–d with one each (planned), a–f–g–d, and d–h.
fn diamond() -> Dataset {
    map(
        "abcdefgh",
        &[
            ("a", "b", 5),
            ("b", "c", 5),
            ("c", "d", 5),
            ("a", "e", -1),
            ("e", "d", -1),
            ("a", "f", 1),
            ("f", "g", 1),
            ("g", "d", 1),
            ("d", "h", 1),
        ],
    )
}

#[test]
fn the_fewest_ties_first_then_the_alternatives_in_order() {
    let data = diamond();
    assert_eq!(
        find(&data, "a", "d", 4, PathWeight::Hops),
        ["aed", "abcd", "afgd"]
    );
    assert_eq!(
        find(&data, "a", "d", 2, PathWeight::Hops),
        ["aed"],
        "the length limit"
    );
    assert_eq!(
        find(&data, "a", "d", 1, PathWeight::Hops),
        Vec::<String>::new()
    );
    assert_eq!(
        find(&data, "a", "a", 4, PathWeight::Hops),
        Vec::<String>::new()
    );
    // Ties are walked against their direction too.
    assert_eq!(find(&data, "h", "a", 3, PathWeight::Hops), ["hdea"]);
}

#[test]
fn weights_prefer_well_evidenced_routes() {
    let data = diamond();
    // 3 × 2/6 = 1 against 2 × 2/2 = 2.
    assert_eq!(find(&data, "a", "d", 4, PathWeight::Excerpts)[0], "abcd");
    // Stated 3 × 1/3 = 1 against planned 2 × 1 = 2.
    assert_eq!(find(&data, "a", "d", 4, PathWeight::Certainty)[0], "abcd");
}

#[test]
fn each_step_carries_the_best_excerpt_of_its_tie() {
    let mut data = diamond();
    let ab = data.tie_place("ab").unwrap();
    data.ties[ab].excerpts = vec![
        excerpt("s", Some(Certainty::Speculative)),
        excerpt("t", None),
        excerpt("s", Some(Certainty::Stated)),
        excerpt("t", Some(Certainty::Stated)),
    ];
    data.sources = vec![
        crate::model::Source {
            id: "s".into(),
            title: String::new(),
            outlet: String::new(),
            published: None,
            url: None,
            author: None,
            text: String::new(),
        };
        2
    ];
    data.sources[1].id = "t".into();
    let graph = MapGraph::build(&data);
    let query = PathQuery {
        from: data.actor_place("a").unwrap(),
        to: data.actor_place("d").unwrap(),
        max_length: 3,
        count: 2,
        weight: PathWeight::Excerpts,
    };
    let all = Evidence::new(&data, &FilterSpec::default(), &TimeSpec::default());
    let paths = shortest_paths(&graph, &Shown::all(&graph), &all, query);
    let step = paths[0].steps[0];
    assert_eq!((step.tie, step.from, step.to, step.along), (ab, 0, 1, true));
    assert_eq!(step.excerpt, Some(2), "the first stated one");
    // Without source s, the best excerpt that still counts is the stated one from t.
    let without_s = FilterSpec {
        without_sources: vec!["s".into()],
        ..FilterSpec::default()
    };
    let evidence = Evidence::new(&data, &without_s, &TimeSpec::default());
    let paths = shortest_paths(&graph, &Shown::all(&graph), &evidence, query);
    let step = paths
        .iter()
        .flat_map(|p| &p.steps)
        .find(|s| s.tie == ab)
        .unwrap();
    assert_eq!(step.excerpt, Some(3));
    // Walked against the tie's direction.
    let back = PathQuery {
        from: query.to,
        to: query.from,
        ..query
    };
    let paths = shortest_paths(&graph, &Shown::all(&graph), &all, back);
    let last = paths[0].steps.last().copied().unwrap();
    assert_eq!((last.tie, last.along), (ab, false));
}

#[test]
fn hidden_ties_and_actors_are_not_walked() {
    let data = diamond();
    let graph = MapGraph::build(&data);
    let evidence = Evidence::new(&data, &FilterSpec::default(), &TimeSpec::default());
    let mut shown = Shown::all(&graph);
    shown.actors[data.actor_place("e").unwrap()] = false;
    shown.hide_ties_of_hidden_actors(&graph);
    shown.ties[data.tie_place("bc").unwrap()] = false;
    let query = PathQuery {
        from: 0,
        to: 3,
        max_length: 5,
        count: 5,
        weight: PathWeight::Hops,
    };
    let paths = shortest_paths(&graph, &shown, &evidence, query);
    assert_eq!(paths.len(), 1);
    assert_eq!(paths[0].actors(), [0, 5, 6, 3]);
}

#[test]
fn the_sample_connects_assad_to_trump_with_quotes() {
    let data = crate::sample::sample_dataset();
    let graph = MapGraph::build(&data);
    let evidence = Evidence::new(&data, &FilterSpec::default(), &TimeSpec::default());
    let query = PathQuery {
        from: data.actor_place("assad").unwrap(),
        to: data.actor_place("trump").unwrap(),
        max_length: 3,
        count: 5,
        weight: PathWeight::Hops,
    };
    let paths = shortest_paths(&graph, &Shown::all(&graph), &evidence, query);
    assert_eq!(paths.len(), 5);
    let direct = &paths[0].steps;
    assert_eq!(direct.len(), 1);
    assert_eq!(data.ties[direct[0].tie].id, "trump-denounces-assad");
    assert!(!direct[0].along, "Trump denounced Assad: walked against it");
    for path in &paths {
        for step in &path.steps {
            let tie = &data.ties[step.tie];
            let x = step.excerpt.expect("every sample tie has an excerpt");
            assert!(!tie.excerpts[x].quote.is_empty());
        }
    }
    assert!(paths
        .windows(2)
        .all(|w| w[0].steps.len() <= w[1].steps.len()));
}

/// Every simple path from `from` to `to` of at most `max` ties, with its cost.
fn every_path(
    data: &Dataset,
    weight: PathWeight,
    from: usize,
    to: usize,
    max: usize,
) -> Vec<(f64, Vec<usize>)> {
    let graph = MapGraph::build(data);
    let evidence = Evidence::new(data, &FilterSpec::default(), &TimeSpec::default());
    let cost = |a: usize, b: usize| -> f64 {
        graph
            .links(a)
            .iter()
            .filter(|l| l.other as usize == b)
            .map(|l| {
                let t = l.tie as usize;
                let n = graph.excerpt_count(t) as f64;
                let firm = graph
                    .excerpts(t)
                    .map(|x| crate::analysis::graph::firmness(graph.excerpt_certainty[x]))
                    .max();
                let _ = &evidence;
                match weight {
                    PathWeight::Hops => 1.0,
                    PathWeight::Excerpts => 2.0 / (n + 1.0),
                    PathWeight::Certainty => firm.map_or(2.0, |f| 1.0 / f64::from(f)),
                }
            })
            .fold(f64::INFINITY, f64::min)
    };
    let mut found = Vec::new();
    let mut stack = vec![vec![from]];
    while let Some(path) = stack.pop() {
        let last = *path.last().unwrap();
        if last == to {
            let c: f64 = path.windows(2).map(|w| cost(w[0], w[1])).sum();
            found.push((c, path));
            continue;
        }
        if path.len() > max {
            continue;
        }
        for link in graph.links(last) {
            let next = link.other as usize;
            if !path.contains(&next) {
                let mut longer = path.clone();
                longer.push(next);
                stack.push(longer);
            }
        }
    }
    found.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(a.1.len().cmp(&b.1.len()))
            .then(a.1.cmp(&b.1))
    });
    found.dedup_by(|a, b| a.1 == b.1);
    found
}

#[test]
fn the_paths_found_are_the_cheapest_simple_paths_of_random_maps() {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..60 {
        let n = 5 + (next() % 6) as usize;
        let names: String = "abcdefghijk".chars().take(n).collect();
        let letters: Vec<String> = names.chars().map(String::from).collect();
        let ties: Vec<(String, String, i32)> = (0..n * 2)
            .map(|_| {
                let a = (next() % n as u64) as usize;
                let b = (next() % n as u64) as usize;
                let excerpts = (next() % 7) as i32 - 3;
                (
                    letters[a].clone(),
                    letters[b].clone(),
                    if excerpts == 0 { 1 } else { excerpts },
                )
            })
            .collect();
        let borrowed: Vec<(&str, &str, i32)> = ties
            .iter()
            .map(|(a, b, n)| (a.as_str(), b.as_str(), *n))
            .collect();
        let data = map(&names, &borrowed);
        let graph = MapGraph::build(&data);
        let evidence = Evidence::new(&data, &FilterSpec::default(), &TimeSpec::default());
        for weight in PathWeight::ALL {
            let max = 1 + (next() % 4) as usize;
            let query = PathQuery {
                from: 0,
                to: n - 1,
                max_length: max,
                count: 5,
                weight,
            };
            let got = shortest_paths(&graph, &Shown::all(&graph), &evidence, query);
            let all = every_path(&data, weight, 0, n - 1, max);
            assert_eq!(
                got.len(),
                all.len().min(5),
                "round {round} {weight:?}: {ties:?}"
            );
            for (path, (cost, _)) in got.iter().zip(&all) {
                assert!(
                    (path.cost - cost).abs() < 1e-9,
                    "round {round} {weight:?}: {} against {cost}",
                    path.cost
                );
                assert!(path.steps.len() <= max);
                let actors = path.actors();
                let mut distinct = actors.clone();
                distinct.sort_unstable();
                distinct.dedup();
                assert_eq!(distinct.len(), actors.len(), "simple");
            }
        }
    }
}
