//! Random edit sequences on the sample: every step leaves a valid dataset (refused edits change
//! nothing), undoing everything gives the original, redoing gives the edited one, and the result
//! saves and loads back unchanged.

use proptest::prelude::*;
use relmap::app::editing;
use relmap::edit::{merge_actors, Edit, History};
use relmap::model::{validate, ActorKind, Dataset, Point, Polarity, Source, TieKind};
use relmap::sample::sample_dataset;

/// Turns four random numbers into an edit that makes sense for the current dataset
/// (some of them are meant to be refused: deleting an actor with ties, a malformed date...).
pub fn decode(data: &Dataset, step: usize, (op, a, b, c): (u8, u32, u32, u32)) -> Option<Edit> {
    let pick = |len: usize, r: u32| (len > 0).then(|| r as usize % len);
    let actor = |r: u32| pick(data.actors.len(), r).map(|i| data.actors[i].clone());
    let tie = |r: u32| pick(data.ties.len(), r).map(|i| data.ties[i].clone());
    Some(match op % 16 {
        0 => {
            let x = actor(a)?;
            Edit::MoveActors {
                moves: vec![(
                    x.id,
                    Some(Point::new(
                        f64::from(b % 2000) - 1000.0,
                        f64::from(c % 2000) - 1000.0,
                    )),
                )],
            }
        }
        1 => Edit::SetPinned {
            pins: vec![(actor(a)?.id, b % 2 == 0)],
        },
        2 => editing::add_actor(data, Some(Point::new(f64::from(b % 500), 0.0))).1,
        3 => Edit::DeleteActor { id: actor(a)?.id },
        4 => Edit::DeleteActors {
            ids: vec![actor(a)?.id],
        },
        5 => {
            let mut x = actor(a)?;
            x.name = format!("Renamed {step}");
            x.kind = ActorKind::ALL[b as usize % ActorKind::ALL.len()];
            x.aliases.push(format!("alias {c}"));
            Edit::UpdateActor { actor: x }
        }
        6 => {
            let (from, to) = (actor(a)?, actor(b)?);
            editing::create_tie(data, &from.id, &to.id, None).1
        }
        7 => Edit::DeleteTie { id: tie(a)?.id },
        8 => {
            let mut t = tie(a)?;
            t.kind = TieKind::ALL[b as usize % TieKind::ALL.len()];
            t.polarity = Polarity::ALL[c as usize % 3];
            t.directed = !t.directed;
            Edit::UpdateTie { tie: t }
        }
        9 => {
            let mut t = tie(a)?;
            // Half of these dates are malformed and must be refused.
            t.date = Some(if b % 2 == 0 {
                format!("{}-0{}", 1990 + b % 30, 1 + c % 9)
            } else {
                format!("soon {c}")
            });
            Edit::UpdateTie { tie: t }
        }
        10 => {
            let mut t = tie(a)?;
            if t.excerpts.is_empty() {
                return None;
            }
            t.excerpts.remove(b as usize % t.excerpts.len());
            Edit::UpdateTie { tie: t }
        }
        11 => {
            let t = tie(a)?;
            let source = data.sources.first()?;
            let len = source.text.len();
            let start = b as usize % len;
            let end = (start + 1 + c as usize % 200).min(len);
            // Offsets inside a character are refused by excerpt_of (no excerpt) or by validation.
            let x = editing::excerpt_of(data, &source.id, start, end)?;
            editing::cite(data, &t.id, x)?
        }
        12 => editing::reverse_tie(data, &tie(a)?.id)?,
        13 => {
            let (keep, other) = (actor(a)?, actor(b)?);
            merge_actors(data, &keep.id, &[other.id]).ok()?
        }
        14 => {
            if b % 2 == 0 {
                Edit::InsertSource {
                    index: 0,
                    source: Source {
                        id: format!("src-{step}"),
                        title: format!("Source {step}"),
                        outlet: String::new(),
                        published: Some("2018-06-03".into()),
                        url: None,
                        author: None,
                        text: "Some text.".into(),
                    },
                }
            } else {
                Edit::DeleteSource {
                    id: data
                        .sources
                        .get(c as usize % data.sources.len().max(1))?
                        .id
                        .clone(),
                }
            }
        }
        _ => Edit::SetInfo {
            title: format!("Title {a}"),
            description: format!("Description {b}"),
        },
    })
}

/// Applies a sequence, checking each step; returns the history and the edited dataset.
fn run(original: &Dataset, steps: &[(u8, u32, u32, u32)]) -> (History, Dataset) {
    let (history, data, _) = run_counting(original, steps);
    (history, data)
}

/// Like `run`, also counting the edits that were applied (not refused).
fn run_counting(original: &Dataset, steps: &[(u8, u32, u32, u32)]) -> (History, Dataset, usize) {
    let mut data = original.clone();
    let mut history = History::default();
    let mut applied = 0;
    for (step, &random) in steps.iter().enumerate() {
        let Some(edit) = decode(&data, step, random) else {
            continue;
        };
        let before = data.clone();
        match history.apply(&mut data, edit) {
            Ok(()) => applied += 1,
            Err(_) => assert_eq!(
                data, before,
                "a refused edit changed the dataset at step {step}"
            ),
        }
        let problems = validate(&data);
        assert!(problems.is_empty(), "step {step}: {problems:?}");
    }
    (history, data, applied)
}

fn undo_redo_and_save(original: &Dataset, mut history: History, edited: Dataset) {
    let mut data = edited.clone();
    while history.undo(&mut data).expect("undo applies") {}
    assert_eq!(&data, original, "undoing everything gives the original");
    while history.redo(&mut data).expect("redo applies") {}
    assert_eq!(data, edited, "redoing everything gives the edited dataset");
    let bytes = relmap::io::json::to_bytes(&edited).unwrap();
    let loaded =
        relmap::io::json::load_bytes(std::path::Path::new("x.relmap.json"), &bytes).unwrap();
    assert_eq!(loaded, edited, "save then load gives the same dataset");
}

proptest! {
    // 50 cases of 200 edits: 10,000 random edits in all.
    #![proptest_config(ProptestConfig { cases: 50, ..ProptestConfig::default() })]
    #[test]
    fn random_edit_sequences_undo_redo_and_round_trip(
        steps in prop::collection::vec(any::<(u8, u32, u32, u32)>(), 200)
    ) {
        let original = sample_dataset();
        let (history, edited) = run(&original, &steps);
        undo_redo_and_save(&original, history, edited);
    }
}

#[test]
fn one_sequence_of_ten_thousand_edits() {
    let mut next = crate::common::xorshift(0x2545_F491_4F6C_DD1D);
    // About half of the random edits are refused on purpose (invalid dates, actors with ties),
    // so 25,000 attempts give well over 10,000 applied edits.
    let steps: Vec<(u8, u32, u32, u32)> = (0..25_000)
        .map(|_| (next() as u8, next() as u32, next() as u32, next() as u32))
        .collect();
    let original = sample_dataset();
    let (history, edited, applied) = run_counting(&original, &steps);
    eprintln!("{applied} of 25000 edits applied");
    assert!(applied >= 10_000, "only {applied} edits applied");
    assert_ne!(edited, original);
    undo_redo_and_save(&original, history, edited);
}
