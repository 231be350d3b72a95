//! UI tests of editing: adding actors and ties, citing article text, merging, asking before
//! quitting, crash recovery and files changed on disk.

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::kittest::Queryable;
use relmap::app::{AppOptions, Selection};
use relmap::sample::sample_dataset;

use crate::common::{actor_pos, app, app_with, click_at, data, drag, tie_pos, AppHarness};

/// A drag with Shift held, as a hand would do it.
fn shift_drag(h: &mut AppHarness, from: Pos2, to: Pos2) {
    h.event(Event::ModifiersChanged(Modifiers::SHIFT));
    h.hover_at(from);
    h.run_steps(1);
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::SHIFT,
    });
    h.run_steps(1);
    for i in 1..=8 {
        h.hover_at(from + (to - from) * (i as f32 / 8.0));
        h.run_steps(1);
    }
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::SHIFT,
    });
    h.run_steps(2);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run_steps(2);
}

#[test]
fn add_an_actor_and_a_tie_then_undo_twice_and_the_map_is_back() {
    let mut h = app(None);
    let actors = h.state().state.doc.data.actors.len();
    h.get_by_label("Add actor").click();
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    assert_eq!(data.actors.len(), actors + 1);
    let new_id = data.actors.last().unwrap().id.clone();
    assert_eq!(h.state().state.selection, Selection::Actor(new_id.clone()));
    h.get_by_label("New actor");

    // Shift-drag from the new actor to Kim Jong-un makes a tie.
    let from = actor_pos(&h, &new_id);
    let to = actor_pos(&h, "kim");
    shift_drag(&mut h, from, to);
    let data = &h.state().state.doc.data;
    let tie = data.ties.last().unwrap();
    assert_eq!(
        (tie.from.as_str(), tie.to.as_str()),
        (new_id.as_str(), "kim")
    );
    assert_eq!(h.state().state.selection, Selection::Tie(tie.id.clone()));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().state.doc.data, sample_dataset());
    assert!(!h.state().state.doc.is_modified());
    // And Ctrl+Y brings the actor back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert_eq!(h.state().state.doc.data.actors.len(), actors + 1);
}

#[test]
fn the_edit_menu_names_what_undo_will_undo() {
    let mut h = app(None);
    let from = actor_pos(&h, "maxwell");
    drag(&mut h, from, from + egui::vec2(40.0, 0.0));
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Undo move 'David Maxwell'"))
    });
}

#[test]
fn select_text_in_the_reader_and_cite_it_for_the_tie() {
    let mut h = app(None);
    let pos = tie_pos(&h, "terry-csis");
    click_at(&mut h, pos);
    h.get_all_by_label("Read in article")
        .next()
        .unwrap()
        .click();
    h.run_steps(3);

    let text = sample_dataset().sources[0].text.clone();
    let quote = "“The optics are horrendous given that Kim Jong-un is trying to posture as a good guy,” said Sue Mi Terry";
    let start = text.find(quote).unwrap();
    let end = start + quote.len();
    // The cursor counts characters of the text as shown, with paragraphs apart.
    let shown = relmap::ui::reader_text::ReaderText::new(&text);
    let chars = |bytes: usize| {
        let (at, _) = shown.shown_range(bytes, bytes);
        shown.shown[..at].chars().count()
    };
    let id = relmap::ui::article_reader::reader_text_id();
    // As when the user drags over the text: the text box has the focus and a selection.
    h.ctx.memory_mut(|m| m.request_focus(id));
    h.run_steps(1);
    let mut state = egui::TextEdit::load_state(&h.ctx, id).expect("the reader's text box");
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(chars(start)),
            egui::text::CCursor::new(chars(end)),
        )));
    egui::TextEdit::store_state(&h.ctx, id, state);
    h.run_steps(2);

    h.get_by_label_contains("Cite for tie “Sue Mi Terry →")
        .click();
    h.run_steps(3);
    let tie = h.state().state.doc.data.tie("terry-csis").unwrap().clone();
    assert_eq!(tie.excerpts.len(), 2);
    let cited = &tie.excerpts[1];
    assert_eq!((cited.start, cited.end), (start, end));
    assert_eq!(cited.quote, quote);
    assert_eq!(&text[cited.start..cited.end], cited.quote);
    // The new excerpt shows in the panel.
    h.get_by_label(quote);
}

#[test]
fn shift_click_two_actors_and_merge_them() {
    let mut h = app(None);
    let before = sample_dataset();
    let ties_of_both = before.ties_of("terry").count() + before.ties_of("klingner").count();
    let pos = actor_pos(&h, "terry");
    click_at(&mut h, pos);
    let p = actor_pos(&h, "klingner");
    crate::common::shift_click(&mut h, p);
    assert_eq!(
        h.state().state.selection,
        Selection::Actors(vec!["terry".into(), "klingner".into()])
    );
    h.get_by_label("2 actors selected");
    h.get_by_label("Keep “Sue Mi Terry”").click();
    h.run_steps(1);
    crate::common::wait_until(&mut h, |s| s.tasks.merging().is_none());

    let data = &h.state().state.doc.data;
    assert!(data.actor("klingner").is_none());
    let terry = data.actor("terry").unwrap();
    assert!(terry.aliases.contains(&"Bruce Klingner".to_owned()));
    assert_eq!(data.excerpt_count(), before.excerpt_count());
    assert!(data.ties_of("terry").count() <= ties_of_both);
    assert!(data
        .ties
        .iter()
        .all(|t| t.from != "klingner" && t.to != "klingner"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().state.doc.data, before);
}

#[test]
fn an_edit_asked_for_while_a_merge_is_built_waits_and_applies_after_it() {
    let mut h = app(None);
    let before = sample_dataset();
    let merge = relmap::app::Action::Edit(relmap::app::EditAction::MergeActors {
        survivor: "terry".into(),
        others: vec!["klingner".into()],
    });
    // Both in one frame: the merge goes to its worker, the deletion waits for it.
    h.state_mut().push_actions([
        merge,
        relmap::app::Action::Edit(relmap::app::EditAction::DeleteActors(
            vec!["maxwell".into()],
        )),
    ]);
    h.run_steps(1);
    crate::common::wait_until(&mut h, |s| s.tasks.merging().is_none());
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    assert!(data.actor("klingner").is_none(), "merged");
    assert!(data.actor("maxwell").is_none(), "then deleted");
    assert_eq!(data.actors.len(), before.actors.len() - 2);
    // Two steps of the history, undone in reverse order.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().state.doc.data.actor("maxwell").is_some());
    assert!(h.state().state.doc.data.actor("klingner").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().state.doc.data, before);
}

#[test]
fn deleting_an_actor_says_how_many_ties_go_and_undo_restores_them() {
    let mut h = app(None);
    let pos = actor_pos(&h, "maxwell");
    click_at(&mut h, pos);
    let ties = sample_dataset().ties_of("maxwell").count();
    h.get_by_label("Edit actor").click();
    h.run_steps(2);
    h.get_by_label(&format!("Delete actor and its {ties} ties"))
        .click();
    h.run_steps(2);
    assert!(h.state().state.doc.data.actor("maxwell").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().state.doc.data, sample_dataset());
}

#[test]
fn quitting_with_changes_asks_first() {
    let mut h = app(None);
    let from = actor_pos(&h, "maxwell");
    drag(&mut h, from, from + egui::vec2(30.0, 30.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run_steps(2);
    h.get_by_label("Unsaved changes");
    h.get_by_label_contains("Save them before quitting?");
    assert!(!h.state().state.quit_confirmed);
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    // Closing the window asks too.
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(2);
    h.get_by_label("Unsaved changes");
    h.get_by_label("Don't save").click();
    h.run_steps(2);
    assert!(h.state().state.quit_confirmed);
}

#[test]
fn after_a_crash_the_next_start_offers_the_changes_back() {
    let dir = tempfile::tempdir().unwrap();
    let options = AppOptions {
        native_dialogs: false,
        recovery_dir: Some(dir.path().to_owned()),
        autosave_interval: std::time::Duration::ZERO,
        ..AppOptions::default()
    };
    let mut first = app_with(None, options.clone());
    let from = actor_pos(&first, "maxwell");
    drag(&mut first, from, from + egui::vec2(50.0, 20.0));
    let moved = first.state().state.doc.data.as_ref().clone();
    assert_ne!(moved, sample_dataset());
    first.run_steps(2);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        3,
        "a copy, its note and its lock"
    );
    // The app ends without closing properly, as when its process is killed: nothing cleans up,
    // and the lock on its copy goes away with it.
    drop(first);

    let mut second = app_with(None, options);
    second.get_by_label("Restore unsaved changes?");
    second.get_by_label("Restore").click();
    second.run_steps(3);
    assert_eq!(*second.state().state.doc.data, moved);
    assert!(second.state().state.doc.is_modified());
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.relmap.json");
    std::fs::copy(data("good/small.relmap.json"), &path).unwrap();
    let mut h = app(Some(path.clone()));
    let from = actor_pos(&h, "xi");
    drag(&mut h, from, from + egui::vec2(20.0, 20.0));
    // Someone else changes the file.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let other = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Small test map", "Changed elsewhere");
    std::fs::write(&path, &other).unwrap();
    let mtime = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    h.get_by_label("The file changed on disk");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), other);
    h.get_by_label("Overwrite").click();
    h.run_steps(2);
    assert!(!h.state().state.doc.is_modified());
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("Small test map"));
}

#[test]
fn a_box_around_a_large_map_selects_it_all_and_deletes_it_with_its_ties_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("three-hundred.relmap.json");
    let map = relmap::generate::generate(300, 900, 4);
    relmap::io::json::save_file(&path, &map).unwrap();
    let mut h = app(Some(path));
    assert_eq!(h.state().state.doc.data.actors.len(), 300);
    let rect = h.state().map().rect;
    shift_drag(
        &mut h,
        rect.min + egui::vec2(2.0, 2.0),
        rect.max - egui::vec2(2.0, 2.0),
    );
    assert!(
        matches!(&h.state().state.selection, Selection::Actors(ids) if ids.len() == 300),
        "every actor is in the box"
    );
    h.get_by_label("300 actors selected");
    // The names are listed up to a hundred, in both lists; the count of ties is the map's.
    assert_eq!(
        h.get_all_by_label("… and 200 more; the first 100 are listed.")
            .count(),
        2
    );
    // Far down the panel: scrolled into view, as a user would.
    let delete = "Delete 300 actors and their 900 ties";
    h.get_by_label(delete).scroll_to_me();
    h.run_steps(3);
    h.get_by_label(delete).click();
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    assert!(data.actors.is_empty() && data.ties.is_empty());
    assert_eq!(
        h.state().state.doc.history.undo_label(),
        Some("delete 300 actors and 900 ties")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().state.doc.data, map);
}
