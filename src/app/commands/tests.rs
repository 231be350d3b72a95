//! The command list's rules: labels, descriptions, shortcuts and the zoom step.

use super::*;
use crate::app::ViewAction;

#[test]
fn every_command_is_listed_once_with_a_label_and_a_description() {
    for (i, c) in Command::ALL.iter().enumerate() {
        assert!(!c.label().trim().is_empty(), "{c:?} has no label");
        assert!(
            !c.description().trim().is_empty(),
            "{c:?} has no description"
        );
        assert!(!Command::ALL[..i].contains(c), "{c:?} is listed twice");
    }
    // A new variant breaks this match: add it to `ALL` as well, or the palette misses it.
    let listed = |c: Command| match c {
        Command::New
        | Command::Open
        | Command::OpenSample
        | Command::Save
        | Command::SaveAs
        | Command::Import
        | Command::Export
        | Command::ExportPicture
        | Command::ClearRecent
        | Command::Quit
        | Command::Undo
        | Command::Redo
        | Command::AddActor
        | Command::DeleteSelection
        | Command::ClearSelection
        | Command::FindDuplicates
        | Command::AddSource
        | Command::IngestArticle
        | Command::ReviewCandidates
        | Command::DocumentProperties
        | Command::ForceLayout
        | Command::PauseLayout
        | Command::ResumeLayout
        | Command::StopLayout
        | Command::CancelLayout
        | Command::CircularLayout
        | Command::GroupedLayout
        | Command::SpreadSelected
        | Command::FitView
        | Command::ZoomIn
        | Command::ZoomOut
        | Command::HideSelected
        | Command::ShowHidden
        | Command::ThemeDark
        | Command::ThemeLight
        | Command::ThemeSystem
        | Command::CommandPalette
        | Command::Search
        | Command::ExplorePanel
        | Command::ClearFilters
        | Command::FocusSelected
        | Command::FocusDeeper
        | Command::FocusShallower
        | Command::FindPaths
        | Command::PlayTimeline
        | Command::MeasureDegree
        | Command::MeasureWeightedDegree
        | Command::MeasureBetweenness
        | Command::MeasurePageRank
        | Command::ColourCommunities
        | Command::SaveView => Command::ALL.contains(&c),
    };
    assert!(Command::ALL.iter().all(|&c| listed(c)));
    assert_eq!(Command::ALL.len(), 51);
}

#[test]
fn no_two_commands_share_a_shortcut() {
    let all: Vec<(Command, KeyboardShortcut)> = Command::ALL
        .iter()
        .flat_map(|&c| c.shortcuts().iter().map(move |&k| (c, k)))
        .collect();
    for (i, (a, ka)) in all.iter().enumerate() {
        for (b, kb) in &all[..i] {
            assert_ne!(ka, kb, "{a:?} and {b:?} share a shortcut");
        }
    }
}

#[test]
fn no_two_commands_share_a_label() {
    for (i, a) in Command::ALL.iter().enumerate() {
        for b in &Command::ALL[..i] {
            assert_ne!(a.label(), b.label());
        }
    }
}

#[test]
fn zooming_in_then_out_comes_back() {
    let (Action::View(ViewAction::ZoomBy(i)), Action::View(ViewAction::ZoomBy(o))) =
        (Command::ZoomIn.action(), Command::ZoomOut.action())
    else {
        panic!("zoom commands zoom");
    };
    assert!((i * o - 1.0).abs() < 1e-6);
}

#[test]
fn each_theme_command_chooses_its_theme() {
    use egui::ThemePreference::{Dark, Light, System};
    for (c, theme) in [
        (Command::ThemeDark, Dark),
        (Command::ThemeLight, Light),
        (Command::ThemeSystem, System),
    ] {
        assert_eq!(c.theme(), Some(theme));
        assert_eq!(c.action(), Action::View(ViewAction::SetTheme(theme)));
    }
    assert_eq!(Command::FitView.theme(), None);
}
