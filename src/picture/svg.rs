//! A scene as SVG: vector shapes and real text, in the fonts the screen uses.

use std::fmt::Write as _;

use super::scene::{ActorShape, Scene, TiePath, CITATION_RADIUS, OUTLINE_WIDTH, PIN_RADIUS};
use super::text::{self, FONT_FAMILY, FONT_WEIGHT};
use crate::model::ActorKind;
use crate::ui::theme::{self, rgb, rgb::Rgb, LineStyle};

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// A number with at most two decimals, without trailing zeros.
fn n(v: f32) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_owned()
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c < ' ' && c != '\t' && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes the scene as an SVG document.
pub fn write(scene: &Scene) -> String {
    let mut out = String::with_capacity(1024 + scene.ties.len() * 160 + scene.actors.len() * 200);
    let (w, h) = (n(scene.width), n(scene.height));
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\" font-weight=\"{FONT_WEIGHT}\">"
    );
    let _ = writeln!(
        out,
        "<defs><clipPath id=\"map\"><rect width=\"{w}\" height=\"{}\"/></clipPath></defs>",
        n(scene.map_height)
    );
    let _ = writeln!(
        out,
        "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
        hex(scene.background)
    );
    out.push_str(
        "<g clip-path=\"url(#map)\">\n<g id=\"ties\" fill=\"none\" stroke-linejoin=\"round\">\n",
    );
    for t in &scene.ties {
        let color = hex(t.color);
        let (width, dash) = match t.style {
            LineStyle::Solid => (t.width, None),
            LineStyle::Dashed => (t.width, Some((9.0, 5.0))),
            LineStyle::Dotted => (t.width * 1.2, Some((t.width.max(1.5), t.width * 1.5 + 3.0))),
        };
        let dash = dash
            .map(|(on, off)| format!(" stroke-dasharray=\"{} {}\"", n(on), n(off)))
            .unwrap_or_default();
        match &t.path {
            TiePath::Line(points) => {
                let mut d = String::new();
                for (i, (x, y)) in points.iter().enumerate() {
                    let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { " L" }, n(*x), n(*y));
                }
                let _ = writeln!(
                    out,
                    "<path d=\"{d}\" stroke=\"{color}\" stroke-width=\"{}\"{dash}><title>{}</title></path>",
                    n(width),
                    escape(&t.title)
                );
            }
            TiePath::Loop { centre, radius } => {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" stroke=\"{color}\" stroke-width=\"{}\"><title>{}</title></circle>",
                    n(centre.0),
                    n(centre.1),
                    n(*radius),
                    n(t.width),
                    escape(&t.title)
                );
            }
        }
        if let Some([a, b, c]) = t.arrow {
            let _ = writeln!(
                out,
                "<polygon points=\"{},{} {},{} {},{}\" fill=\"{color}\" stroke=\"none\"/>",
                n(a.0),
                n(a.1),
                n(b.0),
                n(b.1),
                n(c.0),
                n(c.1)
            );
        }
    }
    out.push_str("</g>\n");
    let outline = hex(rgb::SHAPE_OUTLINE);
    let _ = writeln!(
        out,
        "<g id=\"actors\" stroke=\"{outline}\" stroke-width=\"{}\">",
        n(OUTLINE_WIDTH)
    );
    for a in &scene.actors {
        actor(&mut out, a, &outline);
    }
    out.push_str("</g>\n");
    let size = theme::LABEL_SIZE;
    let _ = writeln!(
        out,
        "<g id=\"labels\" font-size=\"{}\" fill=\"{}\">",
        n(size),
        hex(scene.text)
    );
    let ascent = text::ascent(size);
    for l in &scene.labels {
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{}\" fill-opacity=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            n(l.x),
            n(l.y),
            n(l.w),
            n(l.h),
            hex(scene.background),
            rgb::HALO_OPACITY,
            n(l.x + 4.0),
            n(l.y + 1.0 + ascent),
            escape(&l.text)
        );
    }
    out.push_str("</g>\n");
    if !scene.citations.is_empty() {
        let _ = writeln!(
            out,
            "<g id=\"citations\" font-size=\"9\" font-weight=\"700\" text-anchor=\"middle\">"
        );
        for c in &scene.citations {
            let _ = writeln!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"{}\" fill=\"#ffffff\">{}</text>",
                n(c.centre.0),
                n(c.centre.1),
                n(CITATION_RADIUS),
                hex(c.color),
                hex(scene.background),
                n(c.centre.0),
                n(c.centre.1 + 3.2),
                c.number
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
    if !scene.footnotes.is_empty() {
        let _ = writeln!(out, "<g id=\"footnotes\" fill=\"{}\">", hex(scene.text));
        for f in &scene.footnotes {
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}>{}</text>",
                n(f.x),
                n(f.y),
                n(f.size),
                if f.strong { " font-weight=\"700\"" } else { "" },
                escape(&f.text)
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

fn actor(out: &mut String, a: &ActorShape, outline: &str) {
    let (cx, cy) = a.centre;
    let r = a.radius;
    let fill = hex(a.fill);
    let title = escape(&a.name);
    match a.kind {
        ActorKind::Person | ActorKind::Other => {
            let r = if a.kind == ActorKind::Other {
                r * 0.7
            } else {
                r
            };
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"><title>{title}</title></circle>",
                n(cx),
                n(cy),
                n(r)
            );
        }
        ActorKind::State => {
            let side = r * 1.7;
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\"><title>{title}</title></rect>",
                n(cx - side / 2.0),
                n(cy - side / 2.0),
                n(side),
                n(side),
                n(r * 0.35)
            );
        }
        ActorKind::Organization | ActorKind::Place => {
            let (centre, radius, sides, start) = if a.kind == ActorKind::Organization {
                ((cx, cy), r * 1.05, 6, 0.0)
            } else {
                (
                    (cx, cy + r * 0.15),
                    r * 1.2,
                    3,
                    -std::f32::consts::FRAC_PI_2,
                )
            };
            let points: Vec<String> = (0..sides)
                .map(|i| {
                    let angle = start + i as f32 * std::f32::consts::TAU / sides as f32;
                    format!(
                        "{},{}",
                        n(centre.0 + angle.cos() * radius),
                        n(centre.1 + angle.sin() * radius)
                    )
                })
                .collect();
            let _ = write!(
                out,
                "<polygon points=\"{}\" fill=\"{fill}\"><title>{title}</title></polygon>",
                points.join(" ")
            );
        }
    }
    if a.pinned {
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{outline}\" stroke=\"none\"/>",
            n(cx + r * 0.75),
            n(cy - r * 0.75),
            n(PIN_RADIUS)
        );
    }
    out.push('\n');
}
