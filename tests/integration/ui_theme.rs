//! UI tests of View → Theme: picking Dark, Light or Follow the system from the menu or the
//! palette changes egui's theme, and the choice is written to storage and applied at the next
//! start.

use std::collections::HashMap;

use egui::{Key, Theme, ThemePreference};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use relmap::app::appearance::{load_theme, THEME_KEY};
use relmap::app::{AppOptions, RelmapApp};

use crate::common::{app, palette, AppHarness};

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// What the app writes to storage when eframe asks it to save.
fn saved(h: &mut AppHarness) -> MemoryStorage {
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    storage
}

fn choose_from_view_menu(h: &mut AppHarness, item: &str) {
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label(item).click();
    h.run_steps(2);
}

#[test]
fn light_from_the_view_menu_makes_egui_light_and_is_stored() {
    let mut h = app(None);
    choose_from_view_menu(&mut h, "Light");
    assert_eq!(h.state().state.theme, ThemePreference::Light);
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        ThemePreference::Light
    );
    assert_eq!(h.ctx.theme(), Theme::Light);
    assert!(!h.ctx.global_style().visuals.dark_mode);
    let storage = saved(&mut h);
    assert_eq!(load_theme(&storage), Some(ThemePreference::Light));

    // And back to dark the same way.
    choose_from_view_menu(&mut h, "Dark");
    assert_eq!(h.ctx.theme(), Theme::Dark);
    assert!(h.ctx.global_style().visuals.dark_mode);
    assert_eq!(load_theme(&saved(&mut h)), Some(ThemePreference::Dark));
}

#[test]
fn the_palette_offers_the_themes() {
    let mut h = app(None);
    palette(&mut h, "theme light");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.ctx.theme(), Theme::Light);
    assert!(!h.state().state.palette_open);

    palette(&mut h, "follow the system");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().state.theme, ThemePreference::System);
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        ThemePreference::System
    );
    assert_eq!(load_theme(&saved(&mut h)), Some(ThemePreference::System));
}

#[test]
fn a_stored_theme_applies_at_the_next_start() {
    let mut storage = MemoryStorage::default();
    eframe::Storage::set_string(&mut storage, THEME_KEY, "light".to_owned());
    let storage: &'static MemoryStorage = Box::leak(Box::new(storage));
    let options = AppOptions {
        native_dialogs: false,
        recovery_dir: None,
        ..AppOptions::default()
    };
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            cc.storage = Some(storage);
            RelmapApp::new(Some(cc), None, options)
        });
    h.run_steps(3);
    assert_eq!(h.state().state.theme, ThemePreference::Light);
    assert_eq!(h.ctx.theme(), Theme::Light);
    assert!(!h.ctx.global_style().visuals.dark_mode);
}
