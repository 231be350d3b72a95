//! Pictures of a map for publication: the whole map or a part of it as SVG (vector, real
//! text) or PNG, drawn as the screen draws it (the colours of `ui::theme`, the shapes,
//! sizes, arrows and fanned-out parallel ties of `ui::map`), optionally with numbered
//! citations and a footnote block that quotes each excerpt with its source.
//!
//! No egui here: [`scene`] lays the picture out once, in picture points; [`svg`] writes that
//! scene as SVG; [`png`] renders the very same SVG with resvg, with the app's own fonts, so the
//! two always agree.

mod footnotes;
mod labels;
pub mod png;
pub mod scene;
pub mod svg;
pub mod text;

use crate::model::Dataset;

/// The light (the default, for print) or the dark theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// A part of the map, in map (canvas) units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl View {
    /// `X0,Y0,X1,Y1`, the corners in map units, as `relmap render --view` takes them.
    pub fn parse(text: &str) -> Result<View, String> {
        let numbers: Vec<f64> = text
            .split(',')
            .map(|p| p.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| format!("'{text}' is not four numbers X0,Y0,X1,Y1"))?;
        match numbers[..] {
            [a, b, c, d] if [a, b, c, d].iter().all(|v| v.is_finite()) && c > a && d > b => {
                Ok(View {
                    min_x: a,
                    min_y: b,
                    max_x: c,
                    max_y: d,
                })
            }
            [_, _, _, _] => Err(format!(
                "'{text}' is not a view: X1 must be more than X0 and Y1 more than Y0"
            )),
            _ => Err(format!("'{text}' is not four numbers X0,Y0,X1,Y1")),
        }
    }
}

/// What to draw.
#[derive(Clone, Debug)]
pub struct Options {
    /// The picture's width in points (a PNG has `width × scale` pixels).
    pub width: f32,
    /// Pixels per point of a PNG.
    pub scale: f32,
    pub theme: Theme,
    /// The part of the map to draw; `None` for all of it.
    pub view: Option<View>,
    /// Number each tie shown that has evidence, and list every quote below the map.
    pub citations: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            width: 1200.0,
            scale: 1.0,
            theme: Theme::Light,
            view: None,
            citations: false,
        }
    }
}

/// The least and most width `relmap render --width` takes, in points.
pub const WIDTH_RANGE: (f32, f32) = (100.0, 20_000.0);
/// The least and most `--scale`.
pub const SCALE_RANGE: (f32, f32) = (0.1, 8.0);
/// A PNG of more pixels than this is refused (about 400 MB of memory).
pub const MAX_PIXELS: u64 = 100_000_000;

/// The map as SVG.
pub fn to_svg(data: &Dataset, options: &Options) -> String {
    svg::write(&scene::build(data, options))
}

/// The map as PNG: the SVG of [`to_svg`], rendered.
pub fn to_png(data: &Dataset, options: &Options) -> Result<Vec<u8>, String> {
    let scene = scene::build(data, options);
    png::render(&svg::write(&scene), options.scale)
}
