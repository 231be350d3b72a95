//! The status bar: every running task (`AppState::tasks`, in the order they started) with what
//! it is doing, how long it has run, its progress where it reports one, and Cancel where
//! stopping it is safe, the force layout with its controls; then the document's name and counts.

use egui::{RichText, Ui};

use crate::app::layout_session::LayoutSession;
use crate::app::running::{Job, TaskId, TaskLine};
use crate::app::{Action, AppState, LayoutAction, TaskAction};

pub fn status_bar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let mut running = false;
        for task in state.tasks.iter() {
            if let Job::ForceLayout(layout) = &task.job {
                layout_ui(ui, layout, actions);
            } else if let Some(line) = task.job.line() {
                running = true;
                task_ui(ui, task.id, line, actions);
            }
        }
        if running {
            // The elapsed time moves on.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        ui.label(state.doc.display_name());
        if state.doc.is_modified() {
            ui.label(RichText::new("modified").italics());
        }
        ui.separator();
        ui.label(state.doc.data.summary());
        super::hidden_count::hidden_count_ui(ui, state, actions);
        news_ui(ui, state, actions);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new("Drag actors · drag empty space to pan · wheel to zoom · F to fit")
                    .weak(),
            );
        });
    });
}

/// How wide the elapsed time and the progress bar of a task are: fixed, so that Cancel stays
/// under the pointer while the time goes on and the progress appears.
const ELAPSED_WIDTH: f32 = 56.0;
const PROGRESS_WIDTH: f32 = 80.0;

/// One running task: "Opening big.relmap.json (76.2 MB)", how long it has run, its progress
/// where it reports one, and Cancel where stopping it is safe.
fn task_ui(ui: &mut Ui, id: TaskId, line: TaskLine<'_>, actions: &mut Vec<Action>) {
    ui.spinner();
    let detail = line.detail.map(|d| format!(" ({d})")).unwrap_or_default();
    ui.label(format!("{}{detail}", line.name));
    let height = ui.spacing().interact_size.y;
    let elapsed = format!("{:.1} s", line.elapsed.as_secs_f32());
    ui.add_sized([ELAPSED_WIDTH, height], egui::Label::new(elapsed));
    match line.progress {
        Some(done) => {
            let bar = egui::ProgressBar::new(done)
                .desired_width(PROGRESS_WIDTH)
                .show_percentage();
            ui.add_sized([PROGRESS_WIDTH, height], bar);
        }
        None => {
            ui.allocate_space(egui::vec2(PROGRESS_WIDTH, height));
        }
    }
    if line.cancellable && ui.small_button("Cancel").clicked() {
        actions.push(Action::Task(TaskAction::Cancel(id)));
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

/// The newest piece of news ("Ingested: …"), with a button that clears it. Errors and warnings
/// are windows of their own (`dialogs.rs`).
fn news_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let news = state
        .notices
        .iter()
        .enumerate()
        .rev()
        .find(|(_, n)| n.kind == crate::app::state::NoticeKind::Info);
    if let Some((i, notice)) = news {
        ui.separator();
        ui.label(format!("ℹ {}", notice.title));
        if ui.small_button("×").on_hover_text("Dismiss").clicked() {
            actions.push(Action::View(crate::app::ViewAction::DismissNotice(i)));
        }
    }
}
