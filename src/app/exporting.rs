//! File → Export… and File → Export picture…: the map written in another format, or drawn as
//! SVG or PNG through `picture`, on the runner with progress. Each file is written atomically
//! (`io::atomic`); the open map, its file and its saved state are left as they are.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::running::Job;
use super::state::{AppState, Notice, NoticeKind};
use super::tasks::{self, Outcome, Task};
use crate::io::atomic::{write_atomically, WriteOptions};
use crate::io::{formats, Progress};
use crate::model::Dataset;

/// What File → Export picture… draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PictureChoice {
    /// PNG (else SVG).
    pub png: bool,
    /// Only the part of the map in view (else the whole map).
    pub current_view: bool,
    /// Pixels per point of a PNG.
    pub scale: f32,
    /// Number the ties and list their quotes below the map.
    pub citations: bool,
}

impl Default for PictureChoice {
    fn default() -> Self {
        Self {
            png: true,
            current_view: false,
            scale: 2.0,
            citations: false,
        }
    }
}

impl PictureChoice {
    pub fn extension(self) -> &'static str {
        if self.png {
            "png"
        } else {
            "svg"
        }
    }
}

/// An export being written.
pub struct ExportJob {
    pub path: PathBuf,
    /// What to tell the user once it is done: a title and lines, or why it failed.
    pub task: Task<Result<(String, Vec<String>), String>>,
}

fn start(state: &mut AppState, path: PathBuf, ctx: &egui::Context, work: ExportWork) {
    let name = format!(
        "Exporting {}",
        path.file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy()
    );
    let data = Arc::clone(&state.doc.data);
    let target = path.clone();
    let task = Task::start(name, tasks::waker(ctx), move |control| {
        let result = work(&data, &target, &|done| control.set_progress(done));
        drop(data);
        result
    });
    state.tasks.put(Job::Exporting(ExportJob { path, task }));
}

type ExportWork =
    Box<dyn FnOnce(&Dataset, &Path, &dyn Fn(f32)) -> Result<(String, Vec<String>), String> + Send>;

/// Exports the map to `path` in the format its name says (the native one when none does).
pub fn export_map(state: &mut AppState, path: PathBuf, ctx: &egui::Context) {
    let format = formats::for_path(&path);
    let work: ExportWork = Box::new(move |data, path, progress| {
        let lost = crate::io::interop::losses(data, format);
        let mut report = |done| {
            progress(done);
            true
        };
        let mut report = Progress::new(&mut report);
        let written = formats::save_as(path, format, data, WriteOptions::default(), &mut report)
            .map_err(|e| e.to_string())?;
        let mut lines: Vec<String> = written
            .iter()
            .map(|p| format!("wrote {}", p.display()))
            .collect();
        lines.extend(lost.iter().map(|l| format!("not kept: {l}")));
        Ok((format!("Exported the map as {}", format.name), lines))
    });
    start(state, path, ctx, work);
}

/// Draws the map as the picture chosen and writes it to `path` (its extension added when it
/// has none of SVG's or PNG's).
pub fn export_picture(state: &mut AppState, path: PathBuf, ctx: &egui::Context) {
    let choice = state.picture;
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    let (png, path) = match ext.as_deref() {
        Some("png") => (true, path),
        Some("svg") => (false, path),
        _ => {
            let mut name = path.into_os_string();
            name.push(".");
            name.push(choice.extension());
            (choice.png, PathBuf::from(name))
        }
    };
    let options = picture_options(state, choice, ctx.theme() == egui::Theme::Dark);
    let work: ExportWork = Box::new(move |data, path, progress| {
        progress(0.05);
        let bytes = if png {
            crate::picture::to_png(data, &options)?
        } else {
            crate::picture::to_svg(data, &options).into_bytes()
        };
        progress(0.8);
        write_atomically(path, &bytes, WriteOptions::default()).map_err(|e| e.to_string())?;
        progress(1.0);
        Ok((
            format!(
                "Exported a picture of the map ({})",
                if png { "PNG" } else { "SVG" }
            ),
            vec![format!("wrote {}", path.display())],
        ))
    });
    start(state, path, ctx, work);
}

/// The picture's options: the theme shown, the part of the map in view when asked for.
pub fn picture_options(
    state: &AppState,
    choice: PictureChoice,
    dark: bool,
) -> crate::picture::Options {
    let view = state
        .view
        .map_area
        .filter(|_| choice.current_view)
        .filter(|(min, max)| max.x > min.x && max.y > min.y)
        .map(|(min, max)| crate::picture::View {
            min_x: min.x,
            min_y: min.y,
            max_x: max.x,
            max_y: max.y,
        });
    crate::picture::Options {
        scale: choice
            .scale
            .clamp(crate::picture::SCALE_RANGE.0, crate::picture::SCALE_RANGE.1),
        theme: if dark {
            crate::picture::Theme::Dark
        } else {
            crate::picture::Theme::Light
        },
        view,
        citations: choice.citations,
        ..crate::picture::Options::default()
    }
}

/// Reports a finished export. Called once per frame.
pub fn poll(state: &mut AppState) {
    let outcome = match state.tasks.exporting() {
        Some(job) => job.task.poll(),
        None => return,
    };
    let result = match outcome {
        Outcome::Running => return,
        Outcome::Finished(result) => result,
        Outcome::Failed(message) => Err(message),
    };
    let Some(job) = state.tasks.take_exporting() else {
        return;
    };
    match result {
        Ok((title, lines)) => {
            let kind = if lines.iter().any(|l| l.starts_with("not kept")) {
                NoticeKind::Warning
            } else {
                NoticeKind::Info
            };
            state.notices.push(Notice { kind, title, lines });
        }
        Err(message) => state.error(
            format!("Could not export to {}", job.path.display()),
            vec![message],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Point;

    #[test]
    fn a_picture_of_the_view_draws_the_part_of_the_map_in_view_in_the_theme_shown() {
        let doc = super::super::Document::new(crate::sample::sample_dataset(), None, "s");
        let mut state = AppState::new(doc, Default::default());
        let whole = PictureChoice::default();
        let in_view = PictureChoice {
            current_view: true,
            ..whole
        };
        // Nothing reported by the map yet: the whole map.
        assert_eq!(picture_options(&state, in_view, false).view, None);
        state.view.map_area = Some((Point { x: -10.0, y: 5.0 }, Point { x: 90.0, y: 60.0 }));
        let options = picture_options(&state, in_view, true);
        let view = options.view.expect("the part in view");
        assert_eq!(
            (view.min_x, view.min_y, view.max_x, view.max_y),
            (-10.0, 5.0, 90.0, 60.0)
        );
        assert_eq!(options.theme, crate::picture::Theme::Dark);
        assert_eq!(options.scale, whole.scale);
        assert_eq!(picture_options(&state, whole, false).view, None);
    }
}
