//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// A fixture under `tests/data/`.
pub fn data(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use relmap::app::{AppOptions, RelmapApp};

pub type AppHarness = Harness<'static, RelmapApp>;

/// The real app in a headless harness, with the path field in place of native dialogs and
/// crash recovery off.
pub fn app(file: Option<PathBuf>) -> AppHarness {
    app_with(
        file,
        AppOptions {
            native_dialogs: false,
            recovery_dir: None,
            ..AppOptions::default()
        },
    )
}

/// The real app on `data`, saved to a file of its own (kept while the folder is) and opened
/// as a user would, once the background open has finished.
pub fn app_on(data: &relmap::model::Dataset) -> (AppHarness, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.relmap.json");
    relmap::io::json::save_file(&path, data).unwrap();
    let mut h = app(Some(path));
    wait_until(&mut h, |s| s.tasks.loading().is_none());
    (h, dir)
}

/// The real app in a headless harness with these options.
pub fn app_with(file: Option<PathBuf>, options: AppOptions) -> AppHarness {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| RelmapApp::new(Some(cc), file, options));
    // egui_graphs asks for a repaint every frame, so `run()` would never settle.
    harness.run_steps(4);
    harness
}

/// A primary click at a screen position.
pub fn click_at(harness: &mut AppHarness, pos: Pos2) {
    harness.hover_at(pos);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(2);
}

/// Drags with the primary button from `from` to `to` in small steps, as a hand would.
pub fn drag(harness: &mut AppHarness, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run_steps(1);
    harness.drag_at(from);
    harness.run_steps(1);
    for i in 1..=8 {
        harness.hover_at(from + (to - from) * (i as f32 / 8.0));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(3);
}

/// Where an actor of the open document is drawn.
pub fn actor_pos(harness: &AppHarness, id: &str) -> Pos2 {
    let app = harness.state();
    let index = app
        .state
        .doc
        .data
        .actors
        .iter()
        .position(|a| a.id == id)
        .unwrap_or_else(|| panic!("no actor '{id}'"));
    app.map().actor_screen_pos(index).expect("drawn")
}

/// A point on a tie's line.
pub fn tie_pos(harness: &AppHarness, id: &str) -> Pos2 {
    let app = harness.state();
    let index = app
        .state
        .doc
        .data
        .ties
        .iter()
        .position(|t| t.id == id)
        .unwrap_or_else(|| panic!("no tie '{id}'"));
    app.map().tie_screen_midpoint(index).expect("drawn")
}

/// Opens the File menu and picks an item.
pub fn file_menu(harness: &mut AppHarness, item: &str) {
    use egui_kittest::kittest::Queryable;
    harness.get_by_label("File").click();
    harness.run_steps(2);
    // Menu buttons are labelled with their shortcut too: "New Ctrl+N".
    let item = item.to_owned();
    harness
        .get_by(move |n| {
            n.role() == egui::accesskit::Role::Button
                && n.label()
                    .is_some_and(|l| l == item || l.starts_with(&format!("{item} ")))
        })
        .click();
    harness.run_steps(3);
}

/// Types a path into the path field and presses its button.
pub fn submit_path(harness: &mut AppHarness, path: &std::path::Path, button: &str) {
    use egui_kittest::kittest::Queryable;
    let field = harness.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text(&path.display().to_string());
    harness.run_steps(2);
    harness.get_by_label(button).click();
    harness.run_steps(4);
}

/// The text of the first text box whose value contains `needle` (the article reader's text).
pub fn query_text(harness: &AppHarness, needle: &str) -> Option<String> {
    use egui_kittest::kittest::Queryable;
    let needle = needle.to_owned();
    harness
        .query_all_by(move |n| {
            n.role() == egui::accesskit::Role::MultilineTextInput
                && n.value().is_some_and(|v| v.contains(&needle))
        })
        .next()
        .and_then(|n| n.value())
}

/// A fixed pseudo-random sequence (xorshift), so that "random" tests are repeatable.
pub fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

/// Steps frames until a background job reports (`done` turns true); panics after ~15 s.
pub fn wait_until(harness: &mut AppHarness, done: impl Fn(&relmap::app::AppState) -> bool) {
    for _ in 0..3000 {
        if done(&harness.state().state) {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.run_steps(1);
    }
    panic!("the background job did not finish");
}

/// Opens the command palette with Ctrl+Shift+P (Cmd+Shift+P on macOS) and types `query`.
pub fn palette(harness: &mut AppHarness, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::P);
    harness.run_steps(2);
    assert!(harness.state().state.palette_open, "the palette opened");
    harness.event(Event::Text(query.to_owned()));
    harness.run_steps(2);
}

/// Opens the first picker whose button reads `button` (its label and "  ⏷"), types `typed`
/// into its filter field and presses Enter.
pub fn pick(harness: &mut AppHarness, button: &str, typed: &str) {
    use egui_kittest::kittest::Queryable;
    let label = format!("{button}  ⏷");
    harness.get_all_by_label(&label).next().unwrap().click();
    harness.run_steps(2);
    harness.event(Event::Text(typed.to_owned()));
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
}

/// Selects a tie and opens its Edit tie section.
pub fn edit_tie(harness: &mut AppHarness, id: &str) {
    use egui_kittest::kittest::Queryable;
    use relmap::app::{Action, Selection, SelectionAction};
    harness
        .state_mut()
        .push_actions([Action::Selection(SelectionAction::Select(Selection::Tie(
            id.to_owned(),
        )))]);
    harness.run_steps(2);
    harness.get_by_label("Edit tie").click();
    harness.run_steps(2);
}

/// A key as the keyboard sends it: the key, and for a letter the text it types.
pub fn press(h: &mut AppHarness, key: egui::Key, text: Option<&str>) {
    for pressed in [true, false] {
        h.event(Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
        if let (true, Some(text)) = (pressed, text) {
            h.event(Event::Text(text.to_owned()));
        }
    }
}

/// A point of the map far from every actor, and above the legend.
pub fn empty_spot(h: &AppHarness) -> Pos2 {
    let map = h.state().map();
    let rect = map.rect;
    // A point of the map far from every actor.
    let mut best = (rect.center(), 0.0);
    for x in 0..20 {
        for y in 0..12 {
            let p = rect.min
                + egui::vec2(
                    rect.width() * (x as f32 + 0.5) / 20.0,
                    rect.height() * (y as f32 + 0.5) / 12.0,
                );
            let nearest = (0..h.state().state.doc.data.actors.len())
                .filter_map(|i| map.actor_screen_pos(i))
                .map(|a| a.distance(p))
                .fold(f32::MAX, f32::min);
            if nearest > best.1 && p.y < rect.max.y - 100.0 {
                best = (p, nearest);
            }
        }
    }
    best.0
}

/// A primary click with Shift held, as the map reads it (a click, not a box).
pub fn shift_click(harness: &mut AppHarness, pos: Pos2) {
    harness.event(Event::ModifiersChanged(Modifiers::SHIFT));
    harness.hover_at(pos);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::SHIFT,
        });
        harness.run_steps(1);
    }
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run_steps(2);
}
