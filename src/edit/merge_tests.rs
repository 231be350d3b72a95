//! Merge: ties rewired, duplicates combined, excerpts kept, undo exact.

use super::merge::merge_actors;
use crate::model::{Actor, ActorKind, Dataset, Excerpt, Polarity, Source, Tie, TieKind};

const TEXT: &str = "Kim Jong-un met Xi. Kim Jong Un met Xi again. Xi praised Kim.";

fn actor(id: &str, name: &str) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind: ActorKind::Person,
        aliases: vec![],
        description: String::new(),
        position: None,
        pinned: false,
        ..Actor::default()
    }
}

fn excerpt(quote: &str) -> Excerpt {
    let start = TEXT.find(quote).unwrap();
    Excerpt {
        source: "s".into(),
        quote: quote.into(),
        start,
        end: start + quote.len(),
        certainty: None,
        attributed_to: None,
    }
}

fn tie(id: &str, from: &str, to: &str, kind: TieKind, quote: &str) -> Tie {
    Tie {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        kind,
        directed: false,
        polarity: Polarity::Cooperative,
        date: None,
        label: String::new(),
        excerpts: vec![excerpt(quote)],
        ..Tie::default()
    }
}

fn data() -> Dataset {
    Dataset {
        sources: vec![Source {
            id: "s".into(),
            title: "t".into(),
            outlet: String::new(),
            published: None,
            url: None,
            author: None,
            text: TEXT.into(),
        }],
        actors: vec![
            actor("kim", "Kim Jong-un"),
            actor("xi", "Xi Jinping"),
            actor("kim2", "Kim Jong Un"),
        ],
        ties: vec![
            tie("t1", "kim", "xi", TieKind::Meeting, "Kim Jong-un met Xi."),
            tie(
                "t2",
                "kim2",
                "xi",
                TieKind::Meeting,
                "Kim Jong Un met Xi again.",
            ),
            tie("t3", "xi", "kim2", TieKind::Commentary, "Xi praised Kim."),
        ],
        ..Dataset::default()
    }
}

#[test]
fn merge_rewires_combines_keeps_excerpts_and_undoes_exactly() {
    let original = data();
    let mut d = original.clone();
    let edit = merge_actors(&d, "kim", &["kim2".into()]).unwrap();
    let inverse = edit.apply(&mut d).unwrap();

    assert_eq!(d.actors.len(), 2);
    let kim = d.actor("kim").unwrap();
    assert_eq!(kim.aliases, ["Kim Jong Un"]);
    // The two meetings became one tie with both excerpts; the commentary was rewired.
    assert_eq!(d.ties.len(), 2);
    let meeting = d.tie("t1").unwrap();
    assert_eq!(meeting.excerpts.len(), 2);
    let commentary = d.tie("t3").unwrap();
    assert_eq!(
        (commentary.from.as_str(), commentary.to.as_str()),
        ("xi", "kim")
    );
    assert_eq!(d.excerpt_count(), original.excerpt_count());
    assert!(crate::model::validate(&d).is_empty());

    inverse.apply(&mut d).unwrap();
    assert_eq!(d, original);
}
