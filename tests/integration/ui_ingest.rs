//! UI tests of ingesting an article in the app: File → Ingest article… reads it in the
//! background and adds candidates as one edit, the review panel accepts the sure ones, Undo
//! takes it all back, and an article that cannot be read leaves the map as it was.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relmap::model::Dataset;

use crate::common::{app, data, file_menu, wait_until, AppHarness};

/// Ingests the article at `path` through File → Ingest article… and waits for it.
fn ingest_file(h: &mut AppHarness, path: &std::path::Path) {
    file_menu(h, "Ingest article…");
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text(&path.display().to_string());
    h.run_steps(2);
    h.get_by_label("Ingest file").click();
    h.run_steps(2);
    wait_until(h, |s| s.tasks.ingesting().is_none());
}

/// The ties between two actors whose names contain these words, in either direction.
fn ties_between<'a>(data: &'a Dataset, a: &str, b: &str) -> Vec<&'a relmap::model::Tie> {
    let named = |id: &str, word: &str| data.actor_name(id).contains(word);
    data.ties
        .iter()
        .filter(|t| {
            (named(&t.from, a) && named(&t.to, b)) || (named(&t.from, b) && named(&t.to, a))
        })
        .collect()
}

#[test]
fn an_ingested_article_is_reviewed_accepted_and_undone() {
    let mut h = app(None);
    file_menu(&mut h, "New");
    assert!(h.state().state.doc.data.actors.is_empty());
    ingest_file(&mut h, &data("ingest/assad-kim-article.txt"));
    let data: Dataset = (*h.state().state.doc.data).clone();
    assert_eq!(data.sources.len(), 1, "the article is added as a source");
    assert!(data.sources[0].text.contains("plans to visit North Korea"));
    assert!(!data.actors.is_empty());
    assert!(data.actors.iter().all(|a| !a.status.is_accepted()));
    assert!(h.state().state.review_open, "the review panel opens");
    let reader = h.state().state.reader.clone();
    let reader = reader.expect("the article opens in the reader beside the panel");
    assert_eq!(reader.source.as_str(), data.sources[0].id);
    let generation = h.state().state.doc.generation();
    let marked =
        relmap::ui::article_reader::candidate_quotes(&h.ctx, &data, generation, &reader.source);
    let text = &data.sources[0].text;
    assert!(
        marked
            .iter()
            .any(|&(s, e)| text[s..e].contains("plans to visit")),
        "the candidates' sentences are marked in the article"
    );

    // The news of it sits in the status bar, covering nothing of the panels.
    h.get_by_label_contains("ℹ Ingested:");
    h.get_by_label("Accept all above 0.70").click();
    h.run_steps(3);
    let data: Dataset = (*h.state().state.doc.data).clone();
    let accepted: Vec<_> = ties_between(&data, "Assad", "Kim")
        .into_iter()
        .filter(|t| t.status.is_accepted())
        .collect();
    assert!(
        !accepted.is_empty(),
        "Assad and Kim are tied: {:?}",
        ties_between(&data, "Assad", "Kim")
    );
    assert!(
        accepted
            .iter()
            .flat_map(|t| &t.excerpts)
            .any(|x| x.quote.contains("plans to visit")),
        "the sentence that says so is an excerpt of the tie"
    );
    let tie = accepted[0];
    assert!(h
        .state()
        .map()
        .tie_screen_midpoint(data.tie_place(&tie.id).unwrap())
        .is_some());
    let unsure = |d: &Dataset| d.ties.iter().filter(|t| !t.status.is_accepted()).count();
    assert!(
        unsure(&data) > 0,
        "the less sure candidates stay candidates"
    );
    h.get_by_label("Reject remaining").click();
    h.run_steps(3);
    let after: Dataset = (*h.state().state.doc.data).clone();
    assert_eq!(unsure(&after), 0);
    assert_eq!(after.ties.len(), data.ties.len() - unsure(&data));

    for _ in 0..10 {
        if h.state().state.doc.history.undo_label().is_none() {
            break;
        }
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(2);
    }
    let data = &h.state().state.doc.data;
    assert!(data.actors.is_empty() && data.ties.is_empty() && data.sources.is_empty());
}

#[test]
fn an_article_that_cannot_be_read_leaves_the_map_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"GIF89a\0\0\x01\x02", "not text"),
        ("latin1.txt", b"Caf\xe9 owner meets the mayor.", "not UTF-8"),
    ];
    let mut h = app(None);
    let before: Dataset = (*h.state().state.doc.data).clone();
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        h.state_mut().state.notices.clear();
        ingest_file(&mut h, &path);
        assert_eq!(*h.state().state.doc.data, before, "{name} changed the map");
        let notice = h.state().state.notices.last().expect("an error is shown");
        let text = format!("{} {}", notice.title, notice.lines.join(" "));
        assert!(text.contains(name) && text.contains(says), "{name}: {text}");
    }
}

/// A map with one actor on it and two candidates waiting for review, one tied to it.
fn map_with_candidates() -> Dataset {
    use relmap::model::{Actor, ActorKind, Status, Tie};
    let actor = |id: &str, name: &str, status, confidence| Actor {
        id: id.into(),
        name: name.into(),
        kind: ActorKind::Person,
        status,
        confidence,
        ..Actor::default()
    };
    Dataset {
        actors: vec![
            actor("kim-jong-un", "Kim Jong-un", Status::Accepted, None),
            actor("marshal-kim", "Marshal Kim", Status::Candidate, Some(0.9)),
            actor("ri-yong-ho", "Ri Yong-ho", Status::Candidate, Some(0.3)),
        ],
        ties: vec![Tie {
            id: "marshal-kim--ri-yong-ho".into(),
            from: "marshal-kim".into(),
            to: "ri-yong-ho".into(),
            status: Status::Candidate,
            confidence: Some(0.5),
            ..Tie::default()
        }],
        ..Dataset::default()
    }
}

#[test]
fn a_candidate_is_renamed_then_merged_into_an_actor_on_the_map_from_the_review_panel() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candidates.relmap.json");
    relmap::io::json::save_file(&path, &map_with_candidates()).unwrap();
    let mut h = app(Some(path));
    crate::common::palette(&mut h, "Review candidates");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert!(h.state().state.review_open);
    // The rows go by confidence: the first editor is the most confident candidate's.
    h.get_all_by_label("Edit this actor")
        .next()
        .unwrap()
        .click();
    h.run_steps(2);
    let name = h
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.value().as_deref() == Some("Marshal Kim"))
        .expect("the name field of the most confident candidate");
    name.focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("Marshal Kim Jong-un".into()));
    h.key_press(Key::Enter);
    h.run_steps(3);
    let name_of =
        |h: &AppHarness, id: &str| h.state().state.doc.data.actor(id).map(|a| a.name.clone());
    assert_eq!(
        name_of(&h, "marshal-kim").as_deref(),
        Some("Marshal Kim Jong-un")
    );
    assert!(
        h.state()
            .state
            .doc
            .data
            .actor("marshal-kim")
            .is_some_and(|a| !a.status.is_accepted()),
        "renaming does not accept it"
    );

    h.get_by_label("an actor on the map…  ⏷").click();
    h.run_steps(2);
    h.event(egui::Event::Text("Kim Jong".into()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    wait_until(&mut h, |s| s.doc.data.actor("marshal-kim").is_none());
    let data: Dataset = Dataset::clone(&h.state().state.doc.data);
    let kim = data
        .actor("kim-jong-un")
        .expect("the actor on the map stays");
    assert!(kim.status.is_accepted());
    assert!(
        kim.aliases.iter().any(|a| a == "Marshal Kim Jong-un"),
        "{kim:?}"
    );
    assert_eq!(
        data.ties[0].from, "kim-jong-un",
        "the candidate's tie moved to it"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        name_of(&h, "marshal-kim").as_deref(),
        Some("Marshal Kim Jong-un")
    );
    assert_eq!(h.state().state.doc.data.ties[0].from, "marshal-kim");
}
