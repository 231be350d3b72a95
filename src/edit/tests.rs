//! Unit tests of edits: each applies, its inverse restores the original, and invalid ones are refused.

use super::*;
use crate::model::{ActorKind, Polarity, TieKind};

fn actor(id: &str, x: f64) -> Actor {
    Actor {
        id: id.into(),
        name: id.to_uppercase(),
        kind: ActorKind::Person,
        aliases: vec![],
        description: String::new(),
        position: Some(Point::new(x, 0.0)),
        pinned: false,
        ..Actor::default()
    }
}

fn tie(id: &str, from: &str, to: &str) -> Tie {
    Tie {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        kind: TieKind::Meeting,
        directed: true,
        polarity: Polarity::Neutral,
        date: None,
        label: String::new(),
        excerpts: vec![],
        ..Tie::default()
    }
}

fn two_actors() -> Dataset {
    Dataset {
        actors: vec![actor("a", 0.0), actor("b", 10.0)],
        ties: vec![tie("t", "a", "b")],
        ..Dataset::default()
    }
}

/// Applies `edit`, checks the change, then undoes it and checks the original is back.
fn round_trip(edit: Edit, check: impl Fn(&Dataset)) {
    let original = two_actors();
    let mut data = original.clone();
    let inverse = edit.apply(&mut data).expect("edit applies");
    check(&data);
    inverse.apply(&mut data).expect("inverse applies");
    assert_eq!(data, original);
}

#[test]
fn move_actors() {
    round_trip(
        Edit::MoveActors {
            moves: vec![("a".into(), Some(Point::new(5.0, 5.0))), ("b".into(), None)],
        },
        |d| {
            assert_eq!(d.actors[0].position, Some(Point::new(5.0, 5.0)));
            assert_eq!(d.actors[1].position, None);
        },
    );
}

#[test]
fn insert_update_and_delete_actors() {
    round_trip(
        Edit::InsertActor {
            index: 1,
            actor: actor("c", 3.0),
        },
        |d| assert_eq!(d.actors[1].id, "c"),
    );
    let mut renamed = actor("a", 0.0);
    renamed.name = "Alpha".into();
    round_trip(Edit::UpdateActor { actor: renamed }, |d| {
        assert_eq!(d.actors[0].name, "Alpha")
    });
    round_trip(
        Edit::Batch {
            label: "delete".into(),
            edits: vec![
                Edit::DeleteTie { id: "t".into() },
                Edit::DeleteActor { id: "a".into() },
            ],
        },
        |d| {
            assert_eq!(d.actors.len(), 1);
            assert!(d.ties.is_empty());
        },
    );
}

#[test]
fn ties_are_inserted_updated_and_deleted() {
    round_trip(
        Edit::InsertTie {
            index: 0,
            tie: tie("u", "b", "a"),
        },
        |d| assert_eq!(d.ties[0].id, "u"),
    );
    let mut reversed = tie("t", "b", "a");
    reversed.polarity = Polarity::Hostile;
    round_trip(Edit::UpdateTie { tie: reversed }, |d| {
        assert_eq!((d.ties[0].from.as_str(), d.ties[0].to.as_str()), ("b", "a"))
    });
    round_trip(Edit::DeleteTie { id: "t".into() }, |d| {
        assert!(d.ties.is_empty())
    });
}

#[test]
fn an_actor_with_ties_cannot_be_deleted_alone() {
    let mut data = two_actors();
    assert_eq!(
        Edit::DeleteActor { id: "a".into() }.apply(&mut data),
        Err(EditError::ActorHasTies("A".into(), 1))
    );
    assert_eq!(data, two_actors());
}

#[test]
fn edits_that_would_make_the_map_invalid_are_refused() {
    let mut data = two_actors();
    let dangling = Edit::InsertTie {
        index: 0,
        tie: tie("v", "a", "nobody"),
    };
    assert!(matches!(
        dangling.apply(&mut data),
        Err(EditError::Invalid(_))
    ));
    let duplicate = Edit::InsertActor {
        index: 0,
        actor: actor("b", 1.0),
    };
    assert!(matches!(
        duplicate.apply(&mut data),
        Err(EditError::Invalid(_))
    ));
    assert_eq!(data, two_actors());
}

#[test]
fn a_failing_batch_leaves_the_dataset_unchanged() {
    let original = two_actors();
    let mut data = original.clone();
    let edit = Edit::Batch {
        label: "x".into(),
        edits: vec![
            Edit::SetPinned {
                pins: vec![("a".into(), true)],
            },
            Edit::SetPinned {
                pins: vec![("missing".into(), true)],
            },
        ],
    };
    assert_eq!(
        edit.apply(&mut data),
        Err(EditError::UnknownActor("missing".into()))
    );
    assert_eq!(data, original);
}

#[test]
fn non_finite_positions_are_refused() {
    let mut data = two_actors();
    let edit = Edit::MoveActors {
        moves: vec![("a".into(), Some(Point::new(f64::NAN, 0.0)))],
    };
    assert!(edit.apply(&mut data).is_err());
    assert_eq!(data, two_actors());
}

#[test]
fn set_info_and_sources() {
    round_trip(
        Edit::SetInfo {
            title: "T".into(),
            description: "D".into(),
        },
        |d| assert_eq!(d.title, "T"),
    );
    round_trip(
        Edit::InsertSource {
            index: 0,
            source: Source {
                id: "s".into(),
                title: "S".into(),
                outlet: String::new(),
                published: None,
                url: None,
                author: None,
                text: "text".into(),
            },
        },
        |d| assert_eq!(d.sources.len(), 1),
    );
}
