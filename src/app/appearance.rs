//! The theme the user chose (dark, light, or the system's), applied to egui and kept between runs.

use egui::ThemePreference;

/// The key of the stored theme in eframe's storage.
pub const THEME_KEY: &str = "relmap.theme";

/// How a theme choice is written in storage.
pub fn theme_name(preference: ThemePreference) -> &'static str {
    match preference {
        ThemePreference::Dark => "dark",
        ThemePreference::Light => "light",
        ThemePreference::System => "system",
    }
}

/// A stored theme choice; anything else is `None` (the default applies).
pub fn parse_theme(text: &str) -> Option<ThemePreference> {
    match text.trim() {
        "dark" => Some(ThemePreference::Dark),
        "light" => Some(ThemePreference::Light),
        "system" => Some(ThemePreference::System),
        _ => None,
    }
}

/// Makes egui follow the app's choice. Run every frame: it changes nothing when they agree, and
/// undoes anything else that set egui's theme (egui's own settings restored from memory, a
/// test harness), so that the app's choice is the one shown and the one stored.
pub fn apply_theme(ctx: &egui::Context, preference: ThemePreference) {
    if ctx.options(|o| o.theme_preference) != preference {
        ctx.set_theme(preference);
    }
}

/// The theme stored by an earlier run, if any.
pub fn load_theme(storage: &dyn eframe::Storage) -> Option<ThemePreference> {
    storage
        .get_string(THEME_KEY)
        .as_deref()
        .and_then(parse_theme)
}

/// Keeps the theme choice for the next run.
pub fn store_theme(storage: &mut dyn eframe::Storage, preference: ThemePreference) {
    storage.set_string(THEME_KEY, theme_name(preference).to_owned());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_reads_back_as_written() {
        for p in [
            ThemePreference::Dark,
            ThemePreference::Light,
            ThemePreference::System,
        ] {
            assert_eq!(parse_theme(theme_name(p)), Some(p));
        }
        assert_eq!(parse_theme("purple"), None);
        assert_eq!(parse_theme(""), None);
    }
}
