//! The journalist's whole flow in the real app, through real input only (clicks, drags, key
//! presses, typed text): a new map, an article pasted in as a source, five actors, three ties
//! each made from a sentence selected in the article reader, saved and reopened. Every input
//! event is counted, per actor and per tie, and the counts are held to the goals: at most 4
//! events per actor and 6 per evidenced tie on average.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, Pos2, Rect};
use egui_kittest::kittest::{NodeT, Queryable};
use relmap::model::{ActorKind, Dataset, TieKind};

use crate::common::{app, click_at, drag, AppHarness};

/// A fictional article: a dateline, quotes, and sentences that name the actors.
const ARTICLE: &str = "PORT VALMORA — Mayor Teodor Ansel sat down with Lucia Brandt at the old \
customs house on Monday, two weeks before the city council votes on the harbour budget.\n\n\
Lucia Brandt accused Orlen Shipping Company of dumping ballast water in the bay for most of \
the summer. “We have photographs and we have dates,” she said.\n\n\
The company denied it. Its chief executive, Jonas Pell, called the claim “a campaign, not an \
inspection.”\n\n\
The dredging contract was signed by the Harbor Authority and Orlen Shipping Company in March, \
according to documents seen by this newspaper.\n\n\
The mayor chairs the board of the Harbor Authority, and he has not said whether he will step \
aside from the vote. “Port Valmora cannot afford another silent summer,” Ansel told reporters.";

/// The app and a count of the input events sent to it.
struct Flow {
    h: AppHarness,
    events: usize,
}

impl Flow {
    fn click(&mut self, pos: Pos2) {
        self.events += 1;
        click_at(&mut self.h, pos);
    }

    /// A click in the middle of the first widget labelled `label` (or starting with it, for
    /// buttons that show their shortcut too) that `keep` accepts.
    fn click_label(&mut self, label: &str, keep: impl Fn(Rect) -> bool) {
        let rect = {
            let wanted = label.to_owned();
            let found = self
                .h
                .query_all_by(move |n| {
                    n.label()
                        .is_some_and(|l| l == wanted || l.starts_with(&format!("{wanted} ")))
                })
                .map(|n| n.rect())
                .find(|r| keep(*r));
            found.unwrap_or_else(|| panic!("no widget labelled {label:?}"))
        };
        self.click(rect.center());
    }

    fn key(&mut self, key: Key) {
        self.events += 1;
        self.h.key_press(key);
        self.h.run_steps(3);
    }

    fn key_with(&mut self, modifiers: Modifiers, key: Key) {
        self.events += 1;
        self.h.key_press_modifiers(modifiers, key);
        self.h.run_steps(3);
    }

    /// A letter key as the keyboard sends it: the key, and the text it types.
    fn letter(&mut self, key: Key, text: &str) {
        self.events += 1;
        crate::common::press(&mut self.h, key, Some(text));
        self.h.run_steps(3);
    }

    /// Typed text, or a paste: one event.
    fn text(&mut self, text: &str) {
        self.events += 1;
        self.h.event(Event::Text(text.to_owned()));
        self.h.run_steps(2);
    }

    fn drag(&mut self, from: Pos2, to: Pos2) {
        self.events += 1;
        drag(&mut self.h, from, to);
    }

    fn data(&self) -> &Dataset {
        &self.h.state().state.doc.data
    }

    /// A point of the map far from every actor (and above the legend).
    fn empty_spot(&self) -> Pos2 {
        crate::common::empty_spot(&self.h)
    }

    /// Where the middle of the first (or the last) letter of `quote` is on screen in the
    /// article reader, found in its rows of text as shown.
    fn reader_point(&self, quote: &str, last: bool) -> Pos2 {
        let reader = self.h.get_by(|node| {
            node.role() == Role::MultilineTextInput
                && node.value().is_some_and(|v| v.contains("PORT VALMORA"))
        });
        // Every shown letter: its row and its place in the row.
        let mut shown = String::new();
        let mut places = Vec::new();
        for run in reader.query_all_by_role(Role::TextRun) {
            let data = run.accesskit_node().data().clone();
            let positions = data.character_positions().expect("positions").to_vec();
            let widths = data.character_widths().expect("widths").to_vec();
            let rect = run.rect();
            for (i, c) in run.value().unwrap_or_default().chars().enumerate() {
                shown.push(c);
                let x = rect.min.x + positions[i] + widths[i] / 2.0;
                places.push(egui::pos2(x, rect.center().y));
            }
        }
        let at = shown
            .find(quote)
            .unwrap_or_else(|| panic!("{quote:?} is not shown in the reader"));
        let first = shown[..at].chars().count();
        let index = if last {
            first + quote.chars().count() - 1
        } else {
            first
        };
        places[index]
    }
}

/// One actor: its name, its kind, how many input events it took.
struct ActorStep {
    name: &'static str,
    kind: ActorKind,
}

/// One evidenced tie: the sentence dragged over, what the window should suggest, and what
/// the tie should be.
struct TieStep {
    quote: &'static str,
    suggested_kind: TieKind,
    from: &'static str,
    to: &'static str,
    kind: TieKind,
}

#[test]
fn the_journalists_flow_from_new_map_to_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("port-valmora.relmap.json");
    let mut f = Flow {
        h: app(None),
        events: 0,
    };
    let mut report: Vec<String> = Vec::new();

    // 1. A new map: the sample is unmodified, so nothing asks first.
    f.key_with(Modifiers::COMMAND, Key::N);
    assert!(f.data().actors.is_empty() && f.data().sources.is_empty());
    let empty = f.data().clone();
    report.push(format!("new map: {} events", f.events));

    // 2. The source: the empty map's button, a title, the article pasted in, the button.
    let before = f.events;
    f.click_label("Add a source…", |_| true);
    f.h.get_by_label("Add a source");
    let title_field = |h: &AppHarness| {
        h.get_by(|n| n.role() == Role::TextInput && n.placeholder() == Some("headline"))
            .rect()
    };
    let r = title_field(&f.h);
    f.click(r.center());
    f.text("Mayor met harbour chief before budget vote");
    let r = f
        .h
        .get_by(|n| n.role() == Role::MultilineTextInput && n.value().is_some_and(|v| v.is_empty()))
        .rect();
    f.click(r.center());
    f.text(ARTICLE);
    f.click_label("Add source", |_| true);
    assert_eq!(f.data().sources.len(), 1, "the source was added");
    assert_eq!(f.data().sources[0].text, ARTICLE);
    let source_events = f.events - before;
    report.push(format!("source: {source_events} events"));

    // 3. Five actors, each made on the map: a click on empty space (the map takes the
    // keyboard), A, the name typed over the selected placeholder; a person's name is entered
    // with Enter, an organisation's by clicking its kind in the actor panel.
    let actors = [
        ActorStep {
            name: "Teodor Ansel",
            kind: ActorKind::Person,
        },
        ActorStep {
            name: "Lucia Brandt",
            kind: ActorKind::Person,
        },
        ActorStep {
            name: "Jonas Pell",
            kind: ActorKind::Person,
        },
        ActorStep {
            name: "Harbor Authority",
            kind: ActorKind::Organization,
        },
        ActorStep {
            name: "Orlen Shipping Company",
            kind: ActorKind::Organization,
        },
    ];
    let mut actor_events = Vec::new();
    for step in &actors {
        let before = f.events;
        let count = f.data().actors.len();
        let spot = f.empty_spot();
        f.click(spot);
        f.letter(Key::A, "a");
        assert_eq!(f.data().actors.len(), count + 1, "A added {}", step.name);
        f.text(step.name);
        if step.kind == ActorKind::Person {
            f.key(Key::Enter);
        } else {
            // The kind row sits in the side panel, beside the map.
            let map = f.h.state().map().rect;
            f.click_label(step.kind.label(), |r| !map.contains(r.center()));
        }
        let actor = f.data().actors.last().unwrap();
        assert_eq!(actor.name, step.name);
        assert_eq!(
            f.h.state().state.selection,
            relmap::app::Selection::Actor(actor.id.clone()),
            "the named actor stays selected"
        );
        assert_eq!(actor.kind, step.kind, "{}", step.name);
        let n = f.events - before;
        report.push(format!(
            "actor {:?} ({}): {n} events",
            step.name,
            step.kind.label()
        ));
        actor_events.push(n);
    }

    // 4. Three ties, each from a sentence dragged over in the reader.
    let ties = [
        TieStep {
            quote: "Mayor Teodor Ansel sat down with Lucia Brandt at the old customs house on Monday",
            suggested_kind: TieKind::Other,
            from: "teodor-ansel",
            to: "lucia-brandt",
            kind: TieKind::Meeting,
        },
        TieStep {
            quote: "Lucia Brandt accused Orlen Shipping Company of dumping ballast water in the bay for most of the summer",
            suggested_kind: TieKind::Accusation,
            from: "lucia-brandt",
            to: "orlen-shipping-company",
            kind: TieKind::Accusation,
        },
        TieStep {
            quote: "The dredging contract was signed by the Harbor Authority and Orlen Shipping Company in March",
            suggested_kind: TieKind::Contract,
            from: "harbor-authority",
            to: "orlen-shipping-company",
            kind: TieKind::Contract,
        },
    ];
    let mut tie_events = Vec::new();
    let mut corrections = 0;
    for step in &ties {
        let before = f.events;
        let count = f.data().ties.len();
        let start = f.reader_point(step.quote, false);
        let end = f.reader_point(step.quote, true);
        f.drag(start, end);
        f.click_label("New tie from selection…", |_| true);
        // The window starts from the actors the sentence names, first mentioned first.
        let name = |f: &Flow, id: &str| f.data().actor(id).unwrap().name.clone();
        let from =
            f.h.get_by_label(&format!("{}  ⏷", name(&f, step.from)))
                .rect();
        let to =
            f.h.get_by_label(&format!("{}  ⏷", name(&f, step.to)))
                .rect();
        assert!(from.min.y < to.min.y, "From is the first mentioned");
        let suggested = format!("{}  ⏷", step.suggested_kind.label());
        let kind_button = f.h.get_by_label(&suggested).rect();
        if step.suggested_kind != step.kind {
            // The kind picker: a click, the kind typed, Enter.
            corrections += 1;
            f.click(kind_button.center());
            f.text(step.kind.label());
            f.key(Key::Enter);
            f.h.get_by_label(&format!("{}  ⏷", step.kind.label()));
        }
        f.key(Key::Enter);
        let data = f.data();
        assert_eq!(data.ties.len(), count + 1, "Enter created the tie");
        let tie = data.ties.last().unwrap();
        assert_eq!((tie.from.as_str(), tie.to.as_str()), (step.from, step.to));
        assert_eq!(tie.kind, step.kind);
        assert_eq!(tie.excerpts.len(), 1);
        assert_eq!(
            tie.excerpts[0].quote, step.quote,
            "the drag selected the sentence"
        );
        assert!(f.h.state().state.windows.is_empty(), "the window closed");
        let n = f.events - before;
        report.push(format!(
            "tie {} -> {} ({}): {n} events{}",
            step.from,
            step.to,
            step.kind.label(),
            if step.suggested_kind != step.kind {
                " (kind corrected)"
            } else {
                ""
            }
        ));
        tie_events.push(n);
    }

    // 5. Save: Ctrl+S asks for a path, since the map is new; the path typed, Enter.
    let before = f.events;
    f.key_with(Modifiers::COMMAND, Key::S);
    assert!(
        f.h.state().state.path_field.is_some(),
        "the path field opened"
    );
    f.text(&path.display().to_string());
    f.key(Key::Enter);
    let save_events = f.events - before;
    report.push(format!("save: {save_events} events"));
    assert!(f.h.state().state.path_field.is_none());
    assert_eq!(f.h.state().state.doc.path.as_deref(), Some(path.as_path()));
    assert!(!f.h.state().state.doc.is_modified(), "saved");

    let actor_total: usize = actor_events.iter().sum();
    let tie_total: usize = tie_events.iter().sum();
    let per_actor = actor_total as f64 / actor_events.len() as f64;
    let per_tie = tie_total as f64 / tie_events.len() as f64;
    report.push(format!(
        "actors: {actor_total} events for {}, {per_actor:.1} each (goal: at most 4)",
        actor_events.len()
    ));
    report.push(format!(
        "ties: {tie_total} events for {}, {per_tie:.1} each, {corrections} corrected (goal: at most 6)",
        tie_events.len()
    ));
    report.push(format!("the whole flow: {} input events", f.events));
    for line in &report {
        println!("{line}");
    }

    // No stray changes: exactly what was made, nothing hidden.
    let data = f.data().clone();
    assert_eq!(data.actors.len(), 5);
    assert_eq!(data.ties.len(), 3);
    assert_eq!(data.sources.len(), 1);
    let text = &data.sources[0].text;
    for tie in &data.ties {
        assert_eq!(tie.excerpts.len(), 1);
        let e = &tie.excerpts[0];
        assert_eq!(e.source, data.sources[0].id);
        assert_eq!(&text[e.start..e.end], e.quote, "verbatim");
    }
    assert!(
        f.h.state().state.visibility.shows_everything(),
        "nothing hidden"
    );

    // The file reopens as the same map.
    let reopened = app(Some(path.clone()));
    assert!(
        reopened.state().state.notices.is_empty(),
        "{:?}",
        reopened.state().state.notices
    );
    assert_eq!(*reopened.state().state.doc.data, data);

    // The history holds exactly the steps taken: the source, each actor added and named (and
    // an organisation's kind), each tie; undoing them all gives back the empty map.
    let mut labels = Vec::new();
    while let Some(label) = f.h.state().state.doc.history.undo_label() {
        labels.push(label.to_owned());
        f.h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        f.h.run_steps(2);
        assert!(labels.len() <= 100, "the history ends");
    }
    println!("undo steps: {labels:?}");
    assert_eq!(labels.len(), 1 + 5 * 2 + 2 + 3, "{labels:?}");
    assert_eq!(*f.h.state().state.doc.data, empty);

    assert!(per_actor <= 4.0, "{per_actor:.1} input events per actor");
    assert!(
        per_tie <= 6.0,
        "{per_tie:.1} input events per evidenced tie"
    );
}
