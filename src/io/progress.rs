//! How far a reader or a writer has got, told to whoever waits for it (the task that runs an
//! import or an export), who may ask it to stop. A reader tells what part of its input it has
//! read, a writer how many of the map's items it has written; a caller that works in stages
//! (the bytes of a file, then parsing them) gives each stage its share of the whole.

use std::path::Path;

use super::LoadError;

/// How many items a writer writes between two reports of progress.
pub const TELL_EVERY_ITEMS: usize = 4096;

/// Where a reader tells how far it has got. Made with [`Progress::none`] where nobody waits.
pub struct Progress<'a> {
    /// Told the fraction of the whole done, from 0 to 1; answers false to ask for a stop.
    report: Option<&'a mut dyn FnMut(f32) -> bool>,
    /// The share of the whole that the present stage covers: it starts at `from` and ends
    /// at `from + span`.
    from: f32,
    span: f32,
}

impl<'a> Progress<'a> {
    /// Nobody waits: telling it costs nothing and never stops a reader.
    pub fn none() -> Self {
        Self {
            report: None,
            from: 0.0,
            span: 1.0,
        }
    }

    pub fn new(report: &'a mut dyn FnMut(f32) -> bool) -> Self {
        Self {
            report: Some(report),
            from: 0.0,
            span: 1.0,
        }
    }

    /// The same place to tell, lent for a while (to a reader that keeps it).
    pub fn reborrow(&mut self) -> Progress<'_> {
        Progress {
            report: match &mut self.report {
                Some(report) => Some(&mut **report),
                None => None,
            },
            from: self.from,
            span: self.span,
        }
    }

    /// From now on, what a reader tells covers the stage from `from` to `from + span` of the
    /// whole.
    pub fn stage(&mut self, from: f32, span: f32) {
        self.from = from;
        self.span = span;
    }

    /// `done` of `total` units of the present stage are done; whether to go on.
    pub fn go_on(&mut self, done: u64, total: u64) -> bool {
        let Some(report) = self.report.as_mut() else {
            return true;
        };
        let part = (done as f64 / total.max(1) as f64).clamp(0.0, 1.0) as f32;
        report(self.from + self.span * part)
    }

    /// For a writer: item `done` of `total` (the actors and ties, in the order written) is
    /// next; told every [`TELL_EVERY_ITEMS`] items. An error when asked to stop.
    pub fn item(&mut self, done: usize, total: usize) -> std::io::Result<()> {
        if done.is_multiple_of(TELL_EVERY_ITEMS) && !self.go_on(done as u64, total as u64) {
            return Err(std::io::Error::other("writing was cancelled"));
        }
        Ok(())
    }

    /// As [`Progress::go_on`], for a reader of `path`: the error that stops it when it is
    /// asked to stop.
    pub fn tell(&mut self, done: u64, total: u64, path: &Path) -> Result<(), LoadError> {
        if self.go_on(done, total) {
            Ok(())
        } else {
            Err(LoadError::Cancelled {
                path: path.to_owned(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_share_the_whole_and_a_stop_is_an_error_naming_the_file() {
        let mut told = Vec::new();
        let mut report = |f: f32| {
            told.push(f);
            f < 0.9
        };
        let mut progress = Progress::new(&mut report);
        progress.stage(0.0, 0.2);
        assert!(progress.go_on(1, 2));
        progress.stage(0.2, 0.8);
        assert!(progress.tell(1, 4, Path::new("x.gexf")).is_ok());
        let e = progress.tell(4, 4, Path::new("x.gexf")).unwrap_err();
        assert_eq!(e.to_string(), "x.gexf: reading was cancelled");
        assert_eq!(told, [0.1, 0.4, 1.0]);
        assert!(Progress::none().tell(0, 0, Path::new("x")).is_ok());
    }
}
