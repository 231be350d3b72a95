//! The footnote block of a picture with citations: each numbered tie with its ends, kind and
//! date, then each of its quotes with its certainty, who it is attributed to and its source.

use super::scene::{FootLine, Scene, SIDE};
use super::text;
use crate::model::Dataset;

const FOOT_SIZE: f32 = 11.0;

/// The footnote block: each cited tie's number and ends, then each of its quotes with its
/// certainty, who it is attributed to, and its source.
pub(super) fn footnotes(
    scene: &mut Scene,
    data: &Dataset,
    cited: &[usize],
    ends: &[Option<(usize, usize)>],
) {
    if cited.is_empty() {
        return;
    }
    let x = SIDE.min(scene.width * 0.05);
    let max = scene.width - 2.0 * x;
    let line = text::row_height(FOOT_SIZE) + 1.0;
    let mut y = scene.map_height + 10.0;
    let mut push = |y: &mut f32, text: String, strong: bool, indent: f32| {
        for piece in text::wrap(&text, FOOT_SIZE, max - indent) {
            *y += line;
            scene.footnotes.push(FootLine {
                x: x + indent,
                y: *y,
                text: piece,
                size: FOOT_SIZE,
                strong,
            });
        }
    };
    push(&mut y, "Sources of the numbered ties".into(), true, 0.0);
    for (n, &ti) in cited.iter().enumerate() {
        let tie = &data.ties[ti];
        let Some((a, b)) = ends[ti] else { continue };
        let arrow = if tie.directed { "→" } else { "–" };
        let what = if tie.label.is_empty() {
            tie.kind.label().to_owned()
        } else {
            format!("{}: {}", tie.kind.label(), tie.label)
        };
        let date = tie
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        y += 3.0;
        push(
            &mut y,
            format!(
                "{}. {} {arrow} {} ({what}{date})",
                n + 1,
                data.actors[a].name,
                data.actors[b].name
            ),
            true,
            0.0,
        );
        for x in &tie.excerpts {
            let source = data.source(&x.source);
            let mut cite = source.map_or(x.source.clone(), |s| {
                let mut parts = Vec::new();
                for p in [&s.title, &s.outlet] {
                    if !p.is_empty() {
                        parts.push(p.clone());
                    }
                }
                if let Some(p) = &s.published {
                    parts.push(p.clone());
                }
                if let Some(u) = &s.url {
                    parts.push(u.clone());
                }
                parts.join(", ")
            });
            if let Some(c) = x.certainty {
                let who = x
                    .attributed_to
                    .as_deref()
                    .map(|a| data.actor_name(a).to_owned());
                cite = match who {
                    Some(who) => format!("{} {who}; {cite}", c.by_phrase()),
                    None => format!("{}; {cite}", c.label()),
                };
            } else if let Some(a) = &x.attributed_to {
                cite = format!("according to {}; {cite}", data.actor_name(a));
            }
            push(&mut y, format!("“{}” ({cite})", x.quote), false, 16.0);
        }
    }
    scene.height = y + 16.0;
}
