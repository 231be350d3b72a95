//! The status bar: every running task with what it is doing, how long it has run, its progress
//! where it reports one, and Cancel where stopping it is safe; then the force layout's controls,
//! the document's name and counts.

use crate::app::{LayoutAction, TaskAction};
use egui::{RichText, Ui};

use crate::app::layout_session::LayoutSession;
use crate::app::tasks::Task;
use crate::app::{Action, AppState};

pub fn status_bar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let mut running = false;
        if let Some(task) = &state.quick_layout {
            running = true;
            task_ui(
                ui,
                task,
                None,
                Some(Action::Task(TaskAction::CancelQuickLayout)),
                actions,
            );
        }
        if let Some(job) = &state.merging {
            running = true;
            task_ui(
                ui,
                &job.task,
                None,
                Some(Action::Task(TaskAction::CancelMerge)),
                actions,
            );
        }
        if let Some(job) = &state.saving {
            running = true;
            // A save is never stopped halfway: the file must end whole, old or new.
            let detail = format!("to {}", job.path.display());
            task_ui(ui, &job.task, Some(detail), None, actions);
        }
        if let Some(job) = &state.loading {
            running = true;
            let detail = format!("{:.1} MB", job.size as f64 / 1_048_576.0);
            let cancel = Some(Action::Task(TaskAction::CancelLoading));
            task_ui(ui, &job.task, Some(detail), cancel, actions);
        }
        if running {
            // The elapsed time moves on.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(layout) = &state.layout {
            layout_ui(ui, layout, actions);
        }
        ui.label(state.doc.display_name());
        if state.doc.is_modified() {
            ui.label(RichText::new("modified").italics());
        }
        ui.separator();
        ui.label(state.doc.data.summary());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new("Drag actors · drag empty space to pan · wheel to zoom · F to fit")
                    .weak(),
            );
        });
    });
}

/// One running task: "Opening big.relmap.json (76.2 MB) · 1.2 s", its progress, and Cancel.
fn task_ui<T>(
    ui: &mut Ui,
    task: &Task<T>,
    detail: Option<String>,
    cancel: Option<Action>,
    actions: &mut Vec<Action>,
) {
    ui.spinner();
    let detail = detail.map(|d| format!(" ({d})")).unwrap_or_default();
    ui.label(format!(
        "{}{detail} · {:.1} s",
        task.name(),
        task.elapsed().as_secs_f32()
    ));
    if let Some(done) = task.progress() {
        ui.add(
            egui::ProgressBar::new(done)
                .desired_width(80.0)
                .show_percentage(),
        );
    }
    if let Some(action) = cancel {
        if ui.small_button("Cancel").clicked() {
            actions.push(action);
        }
    }
    ui.separator();
}

/// The force layout's progress and its controls: Pause or Resume, Stop (keep), Cancel (put back).
fn layout_ui(ui: &mut Ui, layout: &LayoutSession, actions: &mut Vec<Action>) {
    ui.spinner();
    let status = if layout.is_paused() {
        "paused"
    } else {
        "running"
    };
    ui.label(format!(
        "Layout {status}: iteration {} · {:.1} s",
        layout.iteration(),
        layout.elapsed().as_secs_f32()
    ));
    if layout.is_paused() {
        if ui.small_button("Resume").clicked() {
            actions.push(Action::Layout(LayoutAction::ResumeLayout));
        }
    } else if ui.small_button("Pause").clicked() {
        actions.push(Action::Layout(LayoutAction::PauseLayout));
    }
    if ui
        .small_button("Stop")
        .on_hover_text("Keep where the layout got to")
        .clicked()
    {
        actions.push(Action::Layout(LayoutAction::StopLayout));
    }
    if ui
        .small_button("Cancel")
        .on_hover_text("Put every actor back")
        .clicked()
    {
        actions.push(Action::Layout(LayoutAction::CancelLayout));
    }
    ui.separator();
}
