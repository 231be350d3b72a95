//! Value parsers of the numeric flags. Each refuses a value out of its range (negative, too
//! large, not a number, not finite) with a message that names the range; clap adds the flag.

use crate::generate::{MAX_ACTORS, MAX_TIES};

/// The most steps `relmap layout --iterations` runs.
pub const MAX_ITERATIONS: u64 = 1_000_000;
/// The most threads `relmap layout --threads` takes; the layout uses no more than this.
pub const MAX_THREADS: usize = 64;
/// The range of `relmap layout --scaling`.
pub const MIN_SCALING: f32 = 0.01;
pub const MAX_SCALING: f32 = 1000.0;

/// A whole number from `min` to `max`.
fn whole(text: &str, min: u64, max: u64) -> Result<u64, String> {
    match text.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!("must be a whole number from {min} to {max}")),
    }
}

/// `--actors`: 0 to [`MAX_ACTORS`].
pub fn actors(text: &str) -> Result<usize, String> {
    whole(text, 0, MAX_ACTORS as u64).map(|n| n as usize)
}

/// `--ties`: 0 to [`MAX_TIES`].
pub fn ties(text: &str) -> Result<usize, String> {
    whole(text, 0, MAX_TIES as u64).map(|n| n as usize)
}

/// `--seed`: any 64-bit number.
pub fn seed(text: &str) -> Result<u64, String> {
    whole(text, 0, u64::MAX)
}

/// `--iterations`: 0 (save the starting positions) to [`MAX_ITERATIONS`].
pub fn iterations(text: &str) -> Result<u64, String> {
    whole(text, 0, MAX_ITERATIONS)
}

/// `--threads`: 1 to [`MAX_THREADS`].
pub fn threads(text: &str) -> Result<usize, String> {
    whole(text, 1, MAX_THREADS as u64).map(|n| n as usize)
}

/// `--scaling`: a finite number from [`MIN_SCALING`] to [`MAX_SCALING`].
pub fn scaling(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(x) if (MIN_SCALING..=MAX_SCALING).contains(&x) => Ok(x),
        _ => Err(format!(
            "must be a number from {MIN_SCALING} to {MAX_SCALING}"
        )),
    }
}

/// `render --width`: a number of points from 100 to 20000.
pub fn width(text: &str) -> Result<f32, String> {
    let (min, max) = crate::picture::WIDTH_RANGE;
    match text.parse::<f32>() {
        Ok(x) if (min..=max).contains(&x) => Ok(x),
        _ => Err(format!("must be a number from {min} to {max}")),
    }
}

/// `render --scale`: pixels per point of a PNG, from 0.1 to 8.
pub fn scale(text: &str) -> Result<f32, String> {
    let (min, max) = crate::picture::SCALE_RANGE;
    match text.parse::<f32>() {
        Ok(x) if (min..=max).contains(&x) => Ok(x),
        _ => Err(format!("must be a number from {min} to {max}")),
    }
}

/// `--from`, `--to`: a format's name.
pub fn format(text: &str) -> Result<&'static crate::io::formats::Format, String> {
    crate::io::formats::by_key(text).ok_or_else(|| {
        format!(
            "is not a format relmap knows; the formats are {}",
            crate::io::formats::keys()
        )
    })
}

/// `render --view`: four numbers X0,Y0,X1,Y1.
pub fn view(text: &str) -> Result<crate::picture::View, String> {
    crate::picture::View::parse(text)
}

/// `--accept-above`: a confidence from 0 to 1.
pub fn confidence(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err("must be a number from 0 to 1".to_owned()),
    }
}

/// `--date`: an ISO 8601 date, YYYY-MM-DD.
pub fn date(text: &str) -> Result<String, String> {
    match crate::model::DateSpec::parse(text) {
        Ok(_) if text.len() == 10 => Ok(text.to_owned()),
        _ => Err("must be a date written YYYY-MM-DD".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_keep_to_their_range() {
        assert_eq!(actors("0"), Ok(0));
        assert_eq!(actors("500000"), Ok(MAX_ACTORS));
        assert_eq!(ties("500000"), Ok(MAX_TIES));
        assert_eq!(seed("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(iterations("0"), Ok(0));
        assert_eq!(threads("64"), Ok(64));
        let refused = [
            actors("500001"),
            actors("10000000000"),
            actors("-1"),
            actors("1.5"),
            actors(""),
            ties("500001"),
            threads("0"),
            threads("65"),
        ];
        for r in refused {
            assert!(r.is_err(), "{r:?}");
        }
        assert!(seed("18446744073709551616").is_err());
        assert!(seed("-1").is_err());
        assert!(iterations("1000001").is_err());
        assert_eq!(
            threads("0"),
            Err("must be a whole number from 1 to 64".into())
        );
    }

    #[test]
    fn scaling_is_finite_and_in_range() {
        assert_eq!(scaling("0.01"), Ok(0.01));
        assert_eq!(scaling("2.5"), Ok(2.5));
        assert_eq!(scaling("1e3"), Ok(1000.0));
        for bad in ["NaN", "nan", "inf", "-inf", "0", "-1", "1000.5", "x", ""] {
            assert_eq!(
                scaling(bad),
                Err("must be a number from 0.01 to 1000".into()),
                "{bad}"
            );
        }
    }

    /// The help text spells the limits out; it must say what the constants say.
    #[test]
    fn help_states_the_limits() {
        use clap::CommandFactory;
        let mut cmd = super::super::Cli::command();
        let help = |cmd: &mut clap::Command, name: &str| -> String {
            cmd.find_subcommand_mut(name)
                .map(|c| c.render_long_help().to_string())
                .unwrap_or_default()
        };
        let generate = help(&mut cmd, "generate");
        assert!(generate.contains(&format!("At most {MAX_ACTORS} actors and {MAX_TIES} ties")));
        assert!(generate.contains(&format!("Actors to make, from 0 to {MAX_ACTORS}")));
        assert!(generate.contains(&format!("Ties to make, from 0 to {MAX_TIES}")));
        let layout = help(&mut cmd, "layout");
        assert!(layout.contains(&format!("from 0 to {MAX_ITERATIONS}")));
        assert!(layout.contains(&format!("from 1 to {MAX_THREADS}")));
        assert!(layout.contains(&format!("from {MIN_SCALING} to {MAX_SCALING}")));
    }
}
