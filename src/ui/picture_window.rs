//! The window of File → Export picture…: SVG or PNG, the whole map or the part in view, the
//! PNG's scale, citations on or off, then where to write it.

use egui::Ui;

use crate::app::{Action, AppState, FileAction, ViewAction, Window};

pub fn picture_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let current = state.picture;
    let mut choice = current;
    ui.horizontal(|ui| {
        ui.label("Format:");
        ui.radio_value(&mut choice.png, true, "PNG");
        ui.radio_value(&mut choice.png, false, "SVG");
    });
    ui.horizontal(|ui| {
        ui.label("Draw:");
        ui.radio_value(&mut choice.current_view, false, "The whole map");
        ui.add_enabled_ui(state.view.map_area.is_some(), |ui| {
            ui.radio_value(&mut choice.current_view, true, "The part in view");
        });
    });
    ui.add_enabled_ui(choice.png, |ui| {
        ui.horizontal(|ui| {
            ui.label("Scale:");
            let (low, high) = crate::picture::SCALE_RANGE;
            ui.add(egui::Slider::new(&mut choice.scale, low.max(0.5)..=high.min(4.0)).suffix("×"));
        });
        let options = crate::picture::Options::default();
        ui.label(
            egui::RichText::new(format!(
                "{} pixels wide",
                (options.width * choice.scale).round()
            ))
            .weak(),
        );
    });
    ui.checkbox(
        &mut choice.citations,
        "Citations: number the ties and list their quotes below the map",
    );
    if choice != current {
        actions.push(Action::View(ViewAction::SetPicture(choice)));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("Export…").clicked() {
            actions.push(Action::View(ViewAction::CloseWindow(Window::ExportPicture)));
            actions.push(Action::File(FileAction::ExportPictureDialog));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::View(ViewAction::CloseWindow(Window::ExportPicture)));
        }
    });
}
