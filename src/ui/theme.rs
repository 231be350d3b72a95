//! The visual language: colours (Okabe–Ito, colour-blind safe), line styles and text sizes.
//! Colours that must differ between the dark and the light theme are functions of the visuals
//! here (`visuals.dark_mode`), and nowhere else. Colours written into the GPU overview's
//! buffers (actors, plain ties, dimming) are the same in both themes: they are blended over
//! the map background, so they need no rewrite when the theme changes.

use egui::{Color32, Visuals};

use crate::model::{ActorKind, Certainty, Polarity, Tie};

/// Fixed on-screen size of map labels, in points.
pub const LABEL_SIZE: f32 = 13.5;
/// Size of quotes in the panels and the reader.
pub const QUOTE_SIZE: f32 = 15.0;

/// The colours of the map as plain RGB values, without egui, for what is drawn without a
/// window (pictures, the colours written into GEXF files). They are written here and only
/// here; the egui colours below are made from them.
pub mod rgb {
    use crate::model::{ActorKind, Polarity};

    /// Red, green and blue.
    pub type Rgb = [u8; 3];

    pub const fn actor(kind: ActorKind) -> Rgb {
        match kind {
            ActorKind::Person => [0x56, 0xB4, 0xE9],       // sky blue
            ActorKind::State => [0xE6, 0x9F, 0x00],        // orange
            ActorKind::Organization => [0xCC, 0x79, 0xA7], // reddish purple
            ActorKind::Place => [0x00, 0x9E, 0x73],        // bluish green
            ActorKind::Other => [0x99, 0x99, 0x99],        // grey
        }
    }

    pub const fn polarity(polarity: Polarity) -> Rgb {
        match polarity {
            Polarity::Cooperative => [0x00, 0x72, 0xB2], // blue
            Polarity::Hostile => [0xD5, 0x5E, 0x00],     // vermilion
            Polarity::Neutral => [0x8C, 0x8C, 0x8C],     // grey
        }
    }

    /// A polarity's colour for text on the light theme (see `polarity_text`).
    pub const fn polarity_text_light(of: Polarity) -> Rgb {
        match of {
            Polarity::Cooperative => polarity(Polarity::Cooperative),
            Polarity::Hostile => [0xB0, 0x4C, 0x00],
            Polarity::Neutral => [0x66, 0x66, 0x66],
        }
    }

    /// The dark outline around an actor's shape.
    pub const SHAPE_OUTLINE: Rgb = [30, 30, 30];

    /// The map's background, label text and the halo's opacity under labels in the light and
    /// the dark theme, as egui's default visuals give them (checked by a test).
    pub const LIGHT_BACKGROUND: Rgb = [255, 255, 255];
    pub const DARK_BACKGROUND: Rgb = [10, 10, 10];
    pub const LIGHT_TEXT: Rgb = [0, 0, 0];
    pub const DARK_TEXT: Rgb = [255, 255, 255];
    /// How opaque the halo under a label is (`label_halo`).
    pub const HALO_OPACITY: f32 = 0.82;
    /// How much of its colour a dimmed element keeps (`dimmed`).
    pub const DIM_FACTOR: f32 = 0.22;
}

fn color(c: rgb::Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

pub fn actor_color(kind: ActorKind) -> Color32 {
    color(rgb::actor(kind))
}

/// The colour of a community (Explore → Find communities), the largest first: the
/// Okabe–Ito colours, then a few more, repeated for the rest.
pub fn community_color(community: u16) -> Color32 {
    const COLOURS: [Color32; 10] = [
        Color32::from_rgb(0xE6, 0x9F, 0x00),
        Color32::from_rgb(0x56, 0xB4, 0xE9),
        Color32::from_rgb(0x00, 0x9E, 0x73),
        Color32::from_rgb(0xF0, 0xE4, 0x42),
        Color32::from_rgb(0x00, 0x72, 0xB2),
        Color32::from_rgb(0xD5, 0x5E, 0x00),
        Color32::from_rgb(0xCC, 0x79, 0xA7),
        Color32::from_rgb(0x88, 0xCC, 0xEE),
        Color32::from_rgb(0x99, 0x99, 0x33),
        Color32::from_rgb(0xAA, 0x44, 0x99),
    ];
    COLOURS[community as usize % COLOURS.len()]
}

pub fn polarity_color(polarity: Polarity) -> Color32 {
    color(rgb::polarity(polarity))
}

/// How a tie's line is drawn: solid when stated, dashed when reported or alleged,
/// dotted when only planned, speculated or denied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineStyle {
    Solid,
    Dashed,
    Dotted,
}

impl LineStyle {
    /// The firmest certainty among a tie's excerpts that have one decides; excerpts whose
    /// certainty is not set do not count, and a tie with none set is drawn as stated.
    pub fn of_tie(tie: &Tie) -> LineStyle {
        let firmness = |c: Certainty| match c {
            Certainty::Stated => 2,
            Certainty::Reported | Certainty::Alleged => 1,
            Certainty::Planned | Certainty::Speculative | Certainty::Denied => 0,
        };
        let firmest = tie
            .excerpts
            .iter()
            .filter_map(|x| x.certainty.map(firmness))
            .max();
        match firmest {
            None | Some(2) => LineStyle::Solid,
            Some(1) => LineStyle::Dashed,
            _ => LineStyle::Dotted,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LineStyle::Solid => "stated",
            LineStyle::Dashed => "reported or alleged",
            LineStyle::Dotted => "planned, speculative or denied",
        }
    }
}

/// A candidate's colour on the map: translucent, so that proposals waiting for review never
/// look like accepted evidence.
pub fn candidate(color: Color32) -> Color32 {
    color.gamma_multiply(0.4)
}

/// The thin ring around the map while it has the keyboard.
pub fn map_focus_ring(visuals: &egui::Visuals) -> Color32 {
    visuals.selection.stroke.color.gamma_multiply(0.6)
}

/// The dark outline around an actor's shape, on the map, in the legend and in the actor panel.
pub const SHAPE_OUTLINE: Color32 = Color32::from_rgb(
    rgb::SHAPE_OUTLINE[0],
    rgb::SHAPE_OUTLINE[1],
    rgb::SHAPE_OUTLINE[2],
);

/// The certainty and attribution line under an excerpt: Okabe–Ito orange on dark, a darker
/// orange on light (the bright one has under 2.5:1 contrast on white; this one about 5:1).
pub fn certainty_text(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xE6, 0x9F, 0x00)
    } else {
        Color32::from_rgb(0x94, 0x5F, 0x00)
    }
}

/// A polarity's colour for text (the tie panel, links to ties, a tie's name on the map). On
/// light backgrounds vermilion and grey are darkened to reach 4.5:1 against white.
pub fn polarity_text(polarity: Polarity, visuals: &Visuals) -> Color32 {
    match (polarity, visuals.dark_mode) {
        (_, true) => polarity_color(polarity),
        (_, false) => color(rgb::polarity_text_light(polarity)),
    }
}

/// The map's background: the darkest colour of the dark theme, the lightest of the light one.
pub fn map_background(visuals: &Visuals) -> Color32 {
    visuals.extreme_bg_color
}

/// The halo under an actor's label, so that it reads over lines: the map background, nearly
/// opaque.
pub fn label_halo(visuals: &Visuals) -> Color32 {
    map_background(visuals).gamma_multiply(rgb::HALO_OPACITY)
}

/// The excerpt highlighted in the article reader: dark text on Okabe–Ito yellow.
pub const HIGHLIGHT_TEXT: Color32 = Color32::BLACK;
pub const HIGHLIGHT_BACKGROUND: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);

/// The quotes of candidate ties in the article reader: the same yellow, faint, under the
/// theme's own text colour (reads on dark and light backgrounds).
pub const CANDIDATE_QUOTE_BACKGROUND: Color32 =
    Color32::from_rgba_unmultiplied_const(0xF0, 0xE4, 0x42, 56);

/// The inside of a box selection being dragged (Okabe–Ito sky blue, faint).
pub const BOX_SELECTION_FILL: Color32 = Color32::from_rgba_unmultiplied_const(0x56, 0xB4, 0xE9, 30);

/// Screen width of a tie's line: grows with the weight of evidence.
pub fn tie_width(excerpts: usize) -> f32 {
    1.5 + (excerpts.saturating_sub(1) as f32).sqrt() * 1.5
}

/// Fades a colour for things outside the current selection's neighbourhood.
pub fn dimmed(color: Color32) -> Color32 {
    color.gamma_multiply(rgb::DIM_FACTOR)
}

/// A subset of DejaVu Sans with arrows and symbols that egui's default fonts lack ("A → B").
const SYMBOL_FONT: &[u8] = include_bytes!("../../assets/fonts/relmap-symbols.ttf");

/// App-wide style and fonts.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "relmap-symbols".into(),
        std::sync::Arc::new(egui::FontData::from_static(SYMBOL_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("relmap-symbols".into());
    }
    ctx.set_fonts(fonts);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.interaction.tooltip_delay = 0.25;
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Excerpt;

    fn tie_with(certainties: &[Option<Certainty>]) -> Tie {
        let excerpt = |certainty| Excerpt {
            source: "s".into(),
            quote: "q".into(),
            start: 0,
            end: 1,
            certainty,
            attributed_to: None,
        };
        Tie {
            excerpts: certainties.iter().map(|c| excerpt(*c)).collect(),
            ..Tie::default()
        }
    }

    #[test]
    fn the_plain_colours_are_those_of_egui_themes() {
        for (visuals, background, text) in [
            (Visuals::light(), rgb::LIGHT_BACKGROUND, rgb::LIGHT_TEXT),
            (Visuals::dark(), rgb::DARK_BACKGROUND, rgb::DARK_TEXT),
        ] {
            assert_eq!(map_background(&visuals), color(background));
            assert_eq!(visuals.strong_text_color(), color(text));
        }
        assert_eq!(
            polarity_text(Polarity::Neutral, &Visuals::light()),
            Color32::from_gray(0x66)
        );
    }

    #[test]
    fn excerpts_without_a_certainty_do_not_change_the_line() {
        use Certainty::*;
        assert_eq!(
            LineStyle::of_tie(&tie_with(&[Some(Reported), None])),
            LineStyle::Dashed
        );
        assert_eq!(
            LineStyle::of_tie(&tie_with(&[None, Some(Planned)])),
            LineStyle::Dotted
        );
        assert_eq!(
            LineStyle::of_tie(&tie_with(&[Some(Reported), Some(Stated)])),
            LineStyle::Solid
        );
        assert_eq!(
            LineStyle::of_tie(&tie_with(&[None, None])),
            LineStyle::Solid
        );
        assert_eq!(LineStyle::of_tie(&tie_with(&[])), LineStyle::Solid);
    }
}
