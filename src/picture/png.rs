//! The SVG of a scene rendered to PNG with resvg, with the fonts the SVG names loaded from the
//! app itself (no system font is looked for, so every machine renders the same pixels).

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::text::{SYMBOL_FONT, UI_FONT};

fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(UI_FONT.to_vec());
            db.load_font_data(SYMBOL_FONT.to_vec());
            let family = db
                .faces()
                .next()
                .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
                .unwrap_or_else(|| "Ubuntu".into());
            db.set_sans_serif_family(family);
            Arc::new(db)
        })
        .clone()
}

/// Renders an SVG document at `scale` pixels per point.
pub fn render(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "Ubuntu".into(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("the SVG cannot be read: {e}"))?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u64,
        (size.height() * scale).ceil() as u64,
    );
    if w * h > super::MAX_PIXELS {
        return Err(format!(
            "a picture of {w} × {h} pixels is more than relmap makes ({} pixels); choose a \
             smaller --width or --scale",
            super::MAX_PIXELS
        ));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w.max(1) as u32, h.max(1) as u32)
        .ok_or_else(|| format!("cannot make a picture of {w} × {h} pixels"))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the PNG: {e}"))
}
