//! The views saved in the map: each opens with one click, or is deleted; the view as it is now
//! is saved under a name typed here (kept in the file, undoably).

use egui::{Id, RichText, Ui};

use crate::app::explore::ExploreAction;
use crate::app::{Action, AppState};
use crate::model::CameraSpec;

pub fn saved_views_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let views = &state.doc.data.views;
    if views.is_empty() {
        ui.label(RichText::new("No saved view yet.").weak());
    }
    for (i, view) in views.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .button(&view.name)
                .on_hover_text("Open this view")
                .clicked()
            {
                actions.push(Action::Explore(ExploreAction::OpenView(i)));
            }
            if ui.small_button("Delete").clicked() {
                actions.push(Action::Explore(ExploreAction::DeleteView(i)));
            }
        });
    }
    let id = Id::new("view-name");
    let mut name: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut name)
                .hint_text("Name of this view")
                .desired_width(160.0),
        );
        if state.explore.naming_view {
            field.request_focus();
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let save = ui
            .add_enabled(!name.trim().is_empty(), egui::Button::new("Save view"))
            .clicked();
        if (save || enter) && !name.trim().is_empty() {
            let camera = ui.data(|d| d.get_temp::<CameraSpec>(Id::new("map-camera")));
            actions.push(Action::Explore(ExploreAction::SaveView {
                name: name.trim().to_owned(),
                camera,
            }));
            name.clear();
        }
    });
    ui.data_mut(|d| d.insert_temp(id, name));
}
