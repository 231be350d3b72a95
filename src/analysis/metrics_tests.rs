//! Degree, weighted degree, betweenness, PageRank and Louvain against networkx, on Zachary's
//! karate club and on a small map with directed ties, two ties between one pair, a loop and an
//! actor without ties. The expected values are in `tests/fixtures/centrality/expected.json`,
//! made once by `make_expected.py` beside it.

use super::*;
use crate::analysis::betweenness::betweenness;
use crate::analysis::communities::{louvain, modularity};
use crate::model::{Actor, Dataset, Excerpt, Tie};

const EXPECTED: &str = include_str!("../../tests/fixtures/centrality/expected.json");

/// The graphs of the fixture: name, dataset, expected values.
fn graphs() -> Vec<(String, Dataset, serde_json::Value)> {
    let all: serde_json::Value = serde_json::from_str(EXPECTED).expect("the fixture is JSON");
    let graphs = all["graphs"].as_object().expect("graphs");
    graphs
        .iter()
        .map(|(name, g)| {
            let actors = g["actors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| Actor {
                    id: id.as_str().unwrap().into(),
                    name: id.as_str().unwrap().into(),
                    ..Actor::default()
                })
                .collect();
            let ties = g["ties"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let excerpt = Excerpt {
                        source: String::new(),
                        quote: String::new(),
                        start: 0,
                        end: 0,
                        certainty: None,
                        attributed_to: None,
                    };
                    Tie {
                        id: format!("t{i}"),
                        from: t[0].as_str().unwrap().into(),
                        to: t[1].as_str().unwrap().into(),
                        directed: t[2].as_bool().unwrap(),
                        excerpts: vec![excerpt; t[3].as_u64().unwrap() as usize],
                        ..Tie::default()
                    }
                })
                .collect();
            let data = Dataset {
                actors,
                ties,
                ..Dataset::default()
            };
            (name.clone(), data, g["expected"].clone())
        })
        .collect()
}

fn numbers(value: &serde_json::Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn assert_close(name: &str, what: &str, got: &[f64], expected: &[f64], tolerance: f64) {
    assert_eq!(got.len(), expected.len(), "{name} {what}");
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        assert!(
            (g - e).abs() <= tolerance,
            "{name} {what} of actor {i}: {g} against networkx's {e}"
        );
    }
}

#[test]
fn degrees_are_networkx_degrees() {
    for (name, data, expected) in graphs() {
        let g = MapGraph::build(&data);
        assert_close(
            &name,
            "degree",
            &degree(&g),
            &numbers(&expected["degree"]),
            0.0,
        );
        let weighted = weighted_degree(&g);
        assert_close(
            &name,
            "weighted degree",
            &weighted,
            &numbers(&expected["weighted_degree"]),
            0.0,
        );
    }
}

#[test]
fn betweenness_is_networkx_betweenness_on_any_number_of_threads() {
    for (name, data, expected) in graphs() {
        let g = MapGraph::build(&data);
        let expected = numbers(&expected["betweenness"]);
        for threads in [1, 3] {
            let got = betweenness(&g, threads, &|_| {}, &|| false).expect("not cancelled");
            assert_close(&name, "betweenness", &got, &expected, 1e-12);
        }
    }
}

#[test]
fn betweenness_reports_progress_and_stops_when_cancelled() {
    let data = crate::generate::generate(300, 900, 3);
    let g = MapGraph::build(&data);
    let last = std::sync::Mutex::new(0.0f32);
    let done = betweenness(&g, 2, &|p| *last.lock().unwrap() = p, &|| false);
    assert!(done.is_some());
    assert_eq!(*last.lock().unwrap(), 1.0);
    assert_eq!(betweenness(&g, 2, &|_| {}, &|| true), None);
}

#[test]
fn page_rank_is_networkx_page_rank() {
    for (name, data, expected) in graphs() {
        let g = MapGraph::build(&data);
        let got = page_rank(&g);
        // Both stop when the change falls under n × 1e-6; they take the same steps.
        assert_close(
            &name,
            "PageRank",
            &got,
            &numbers(&expected["pagerank"]),
            1e-9,
        );
        assert!((got.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}

#[test]
fn modularity_is_networkx_modularity_and_louvain_finds_as_good_a_division() {
    for (name, data, expected) in graphs() {
        let g = MapGraph::build(&data);
        let theirs: Vec<usize> = numbers(&expected["louvain_partition"])
            .iter()
            .map(|&c| c as usize)
            .collect();
        let q = expected["louvain_modularity"].as_f64().unwrap();
        assert!((modularity(&g, &theirs) - q).abs() < 1e-12, "{name}");
        let ours = louvain(&g);
        let found = modularity(&g, &ours);
        assert!(found >= q - 0.01, "{name}: {found} against networkx's {q}");
    }
}

#[test]
fn louvain_splits_two_cliques_joined_by_one_tie() {
    let mut ties = Vec::new();
    for side in [0, 5] {
        for a in side..side + 5 {
            for b in a + 1..side + 5 {
                ties.push((a, b));
            }
        }
    }
    ties.push((4, 5));
    let data = Dataset {
        actors: (0..11)
            .map(|i| Actor {
                id: format!("a{i}"),
                name: format!("A{i}"),
                ..Actor::default()
            })
            .collect(),
        ties: ties
            .iter()
            .enumerate()
            .map(|(i, &(a, b))| Tie {
                id: format!("t{i}"),
                from: format!("a{a}"),
                to: format!("a{b}"),
                ..Tie::default()
            })
            .collect(),
        ..Dataset::default()
    };
    let c = louvain(&MapGraph::build(&data));
    assert!(c[..5].iter().all(|&x| x == c[0]));
    assert!(c[5..10].iter().all(|&x| x == c[5]));
    assert_ne!(c[0], c[5]);
    assert_eq!(
        (c[0].min(c[5]), c[0].max(c[5])),
        (0, 1),
        "the largest first"
    );
    assert_eq!(c[10], 2, "the actor without ties is alone");
}
