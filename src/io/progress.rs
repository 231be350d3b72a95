//! How far a reader has got through its input, told to whoever waits for it (the task that
//! runs an import), who may ask it to stop. A reader tells it what part of its input it has
//! read; a caller that reads in stages (the bytes of the file, then parsing them) gives each
//! stage its share of the whole.

use std::path::Path;

use super::LoadError;

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
