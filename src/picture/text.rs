//! The fonts of pictures, the ones egui draws with (Ubuntu Light, and relmap's subset of
//! DejaVu Sans for arrows and symbols), and the widths of text in them, for label halos and the
//! footnotes' lines.

use std::sync::OnceLock;

/// egui's proportional font.
pub const UI_FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;
/// relmap's fallback for symbols ("→").
pub const SYMBOL_FONT: &[u8] = include_bytes!("../../assets/fonts/relmap-symbols.ttf");
/// How SVG names them; the PNG renderer has exactly these fonts.
pub const FONT_FAMILY: &str = "Ubuntu, 'DejaVu Sans', sans-serif";
pub const FONT_WEIGHT: u16 = 300;

struct Metrics {
    units: f32,
    ascender: f32,
    descender: f32,
    line_gap: f32,
    /// Advances of the first 0x3000 characters (what is not there is measured on demand).
    advances: Vec<Option<f32>>,
    symbols: Option<ttf_parser::Face<'static>>,
    face: Option<ttf_parser::Face<'static>>,
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let face = ttf_parser::Face::parse(UI_FONT, 0).ok();
        let symbols = ttf_parser::Face::parse(SYMBOL_FONT, 0).ok();
        let (units, ascender, descender, line_gap) =
            face.as_ref().map_or((1000.0, 932.0, -189.0, 28.0), |f| {
                (
                    f32::from(f.units_per_em()),
                    f32::from(f.ascender()),
                    f32::from(f.descender()),
                    f32::from(f.line_gap()),
                )
            });
        let mut m = Metrics {
            units,
            ascender,
            descender,
            line_gap,
            advances: Vec::new(),
            symbols,
            face,
        };
        m.advances = (0..0x3000u32)
            .map(|c| char::from_u32(c).and_then(|c| m.advance_units(c)))
            .collect();
        m
    })
}

impl Metrics {
    /// A character's advance in font units of the UI font (a symbol's scaled to them).
    fn advance_units(&self, c: char) -> Option<f32> {
        let of = |face: &ttf_parser::Face| {
            let glyph = face.glyph_index(c)?;
            Some(f32::from(face.glyph_hor_advance(glyph)?) / f32::from(face.units_per_em()))
        };
        self.face
            .as_ref()
            .and_then(of)
            .or_else(|| self.symbols.as_ref().and_then(of))
            .map(|em| em * self.units)
    }
}

/// The width of `text` at `size` points.
pub fn width(text: &str, size: f32) -> f32 {
    let m = metrics();
    let units: f32 = text
        .chars()
        .map(|c| {
            m.advances
                .get(c as usize)
                .copied()
                .flatten()
                .or_else(|| m.advance_units(c))
                .unwrap_or(m.units * 0.5)
        })
        .sum();
    units / m.units * size
}

/// How far the baseline is below the top of a line at `size`.
pub fn ascent(size: f32) -> f32 {
    let m = metrics();
    m.ascender / m.units * size
}

/// The height of a line at `size`, as egui's row height.
pub fn row_height(size: f32) -> f32 {
    let m = metrics();
    (m.ascender - m.descender + m.line_gap) / m.units * size
}

/// `text` broken into lines no wider than `max` at `size`, at spaces where it can be.
pub fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        }
        // A single word wider than the line is cut.
        while width(&line, size) > max && line.chars().count() > 1 {
            let mut cut = String::new();
            for c in line.chars() {
                if width(&format!("{cut}{c}"), size) > max && !cut.is_empty() {
                    break;
                }
                cut.push(c);
            }
            let rest = line[cut.len()..].to_owned();
            lines.push(cut);
            line = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_and_wrapped() {
        let w = width("Kim Jong-un", 13.5);
        assert!(w > 50.0 && w < 90.0, "{w}");
        assert!(width("→", 13.5) > 0.0);
        let lines = wrap("one two three four five six seven", 10.0, 60.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, 10.0) <= 60.0), "{lines:?}");
        assert_eq!(lines.join(" "), "one two three four five six seven");
    }
}
