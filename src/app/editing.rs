//! Building the edits behind editing actions: new ids, new actors and ties, reversing and
//! creating ties, citing a selection of an article.

use crate::edit::Edit;
use crate::model::{Actor, ActorKind, Dataset, Excerpt, Point, Polarity, Tie, TieKind};

/// An id not used yet: `base`, or `base-2`, `base-3`, … (`taken` says whether an id is used).
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut slug: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() && !crate::model::invisible::is_invisible(c) {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while slug.contains("--") {
        slug = slug.replace("--", "-");
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "item" } else { slug };
    if !taken(slug) {
        return slug.to_owned();
    }
    (2..)
        .map(|n| format!("{slug}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// The name a new actor starts with.
pub const NEW_ACTOR_NAME: &str = "New actor";

/// A new actor called "New actor" at `at`, appended to the list.
pub fn add_actor(data: &Dataset, at: Option<Point>) -> (String, Edit) {
    let id = unique_id("new-actor", |id| data.actor(id).is_some());
    let actor = Actor {
        id: id.clone(),
        name: NEW_ACTOR_NAME.into(),
        kind: ActorKind::Person,
        aliases: Vec::new(),
        description: String::new(),
        position: at,
        pinned: false,
        ..Actor::default()
    };
    (
        id,
        Edit::InsertActor {
            index: data.actors.len(),
            actor,
        },
    )
}

/// The edit that names an actor added in the app for the first time, and the id it gets: the
/// name made into an id (unique), the actor kept at its place, its ties rewired to it. `None`
/// when the actor is gone or the name is empty.
pub fn name_new_actor(data: &Dataset, id: &str, name: &str) -> Option<(String, Edit)> {
    let name = name.trim();
    let index = data.actors.iter().position(|a| a.id == id)?;
    if name.is_empty() {
        return None;
    }
    let new_id = unique_id(name, |taken| taken != id && data.actor(taken).is_some());
    let mut actor = data.actors[index].clone();
    actor.name = name.to_owned();
    if new_id == id {
        return Some((new_id, Edit::UpdateActor { actor }));
    }
    actor.id = new_id.clone();
    let rewired: Vec<(usize, Tie)> = data
        .ties
        .iter()
        .enumerate()
        .filter(|(_, t)| t.from == id || t.to == id)
        .map(|(place, t)| {
            let mut t = t.clone();
            for end in [&mut t.from, &mut t.to] {
                if end == id {
                    *end = new_id.clone();
                }
            }
            (place, t)
        })
        .collect();
    let mut edits = vec![Edit::InsertActor { index, actor }];
    if !rewired.is_empty() {
        edits.push(Edit::ReplaceTies { ties: rewired });
    }
    edits.push(Edit::DeleteActor { id: id.to_owned() });
    let label = format!("name the new actor '{name}'");
    Some((new_id, Edit::Batch { label, edits }))
}

/// A free spot for a new actor, at least 80 units from any actor: near the middle of `area`
/// (the part of the map in view, corners in canvas units) and inside it, or near the middle of
/// the map when no area is given. The middle of the area when it has no free spot.
pub fn free_spot(data: &Dataset, area: Option<(Point, Point)>) -> Point {
    let placed: Vec<Point> = data.actors.iter().filter_map(|a| a.position).collect();
    let (cx, cy) = match area {
        Some((min, max)) => ((min.x + max.x) / 2.0, (min.y + max.y) / 2.0),
        None => {
            let n = placed.len().max(1) as f64;
            let cx = placed.iter().map(|p| p.x).sum::<f64>() / n;
            (cx, placed.iter().map(|p| p.y).sum::<f64>() / n)
        }
    };
    let inside = |p: Point| {
        area.is_none_or(|(min, max)| {
            (min.x..=max.x).contains(&p.x) && (min.y..=max.y).contains(&p.y)
        })
    };
    let free = |p: Point| placed.iter().all(|q| q.distance(p) >= 80.0);
    let rings = match area {
        Some((min, max)) => ((max.x - min.x).hypot(max.y - min.y) / 120.0)
            .ceil()
            .clamp(1.0, 200.0),
        None => 200.0,
    } as u32;
    for ring in 0..rings {
        let radius = f64::from(ring) * 60.0;
        let steps = (ring * 6).max(1);
        for k in 0..steps {
            let angle = f64::from(k) * std::f64::consts::TAU / f64::from(steps);
            let p = Point::new(
                (cx + radius * angle.cos()).round(),
                (cy + radius * angle.sin()).round(),
            );
            if inside(p) && free(p) {
                return p;
            }
        }
    }
    Point::new(cx.round(), cy.round())
}

/// A new tie from one actor to another, with no evidence yet.
pub fn create_tie(
    data: &Dataset,
    from: &str,
    to: &str,
    excerpt: Option<Excerpt>,
) -> (String, Edit) {
    let id = unique_id(&format!("{from}-{to}"), |id| data.tie(id).is_some());
    let tie = Tie {
        id: id.clone(),
        from: from.to_owned(),
        to: to.to_owned(),
        kind: TieKind::Other,
        directed: true,
        polarity: Polarity::Neutral,
        date: None,
        label: String::new(),
        excerpts: excerpt.into_iter().collect(),
        ..Tie::default()
    };
    (
        id,
        Edit::InsertTie {
            index: data.ties.len(),
            tie,
        },
    )
}

/// Swaps a tie's ends.
pub fn reverse_tie(data: &Dataset, id: &str) -> Option<Edit> {
    let mut tie = data.tie(id)?.clone();
    std::mem::swap(&mut tie.from, &mut tie.to);
    Some(Edit::Batch {
        label: format!(
            "reverse tie '{} → {}'",
            data.actor_name(&tie.to),
            data.actor_name(&tie.from)
        ),
        edits: vec![Edit::UpdateTie { tie }],
    })
}

/// The excerpt for bytes `start..end` of a source, if that range is a non-empty run of text.
pub fn excerpt_of(data: &Dataset, source: &str, start: usize, end: usize) -> Option<Excerpt> {
    let text = &data.source(source)?.text;
    let quote = text.get(start..end)?;
    // Quotes never begin or end with white space: trim and move the offsets with it.
    let lead = quote.len() - quote.trim_start().len();
    let trail = quote.len() - quote.trim_end().len();
    let (start, end) = (start + lead, end - trail);
    if start >= end {
        return None;
    }
    Some(Excerpt {
        source: source.to_owned(),
        quote: text[start..end].to_owned(),
        start,
        end,
        certainty: None,
        attributed_to: None,
    })
}

/// Adds an excerpt to a tie.
pub fn cite(data: &Dataset, tie: &str, excerpt: Excerpt) -> Option<Edit> {
    let mut updated = data.tie(tie)?.clone();
    updated.excerpts.push(excerpt);
    Some(Edit::Batch {
        label: format!(
            "cite an excerpt for '{} → {}'",
            data.actor_name(&updated.from),
            data.actor_name(&updated.to)
        ),
        edits: vec![Edit::UpdateTie { tie: updated }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_ids_are_slugs_with_a_counter() {
        assert_eq!(unique_id("Kim Jong-un", |_| false), "kim-jong-un");
        assert_eq!(unique_id("a", |id| id == "a" || id == "a-2"), "a-3");
        assert_eq!(unique_id("!!", |_| false), "item");
    }

    #[test]
    fn a_new_actor_gets_its_id_from_its_first_name_and_its_ties_follow() {
        let mut data = crate::sample::sample_dataset();
        let (placeholder, add) = add_actor(&data, None);
        add.apply(&mut data).unwrap();
        let (tie_id, tie) = create_tie(&data, &placeholder, "kim", None);
        tie.apply(&mut data).unwrap();
        let before = data.clone();
        let place = data.actors.len() - 1;

        let (id, edit) = name_new_actor(&data, &placeholder, " Teodor Ansel ").unwrap();
        assert_eq!(id, "teodor-ansel");
        let undo = edit.apply(&mut data).unwrap();
        assert_eq!(data.actors[place].id, "teodor-ansel", "kept its place");
        assert_eq!(data.actors[place].name, "Teodor Ansel");
        assert!(data.actor(&placeholder).is_none());
        assert_eq!(data.tie(&tie_id).unwrap().from, "teodor-ansel");
        assert!(crate::model::validate(&data).is_empty());
        undo.apply(&mut data).unwrap();
        assert_eq!(data, before);

        // A name whose id is taken gets a counter; an empty name changes nothing.
        let (id, _) = name_new_actor(&data, &placeholder, "Kim").unwrap();
        assert_eq!(id, "kim-2");
        assert!(name_new_actor(&data, &placeholder, "  ").is_none());
        assert!(name_new_actor(&data, "nobody", "X").is_none());
    }

    #[test]
    fn deleting_an_actor_takes_its_ties_and_says_how_many() {
        let data = crate::sample::sample_dataset();
        let ties = data.ties_of("maxwell").count();
        let edit = Edit::DeleteActors {
            ids: vec!["maxwell".into()],
        };
        assert_eq!(
            edit.describe(&data),
            format!("delete 'David Maxwell' and {ties} ties")
        );
        let mut d = data.clone();
        let undo = edit.apply(&mut d).unwrap();
        assert!(d.actor("maxwell").is_none());
        assert_eq!(d.ties.len(), data.ties.len() - ties);
        undo.apply(&mut d).unwrap();
        assert_eq!(d, data);
    }

    #[test]
    fn excerpts_of_a_selection_are_trimmed_and_exact() {
        let data = crate::sample::sample_dataset();
        let text = &data.sources[0].text;
        let at = text
            .find("Mr. Assad and Mr. Kim have much in common.")
            .unwrap();
        let x = excerpt_of(&data, &data.sources[0].id, at - 1, at + 43).unwrap();
        assert_eq!(x.quote, "Mr. Assad and Mr. Kim have much in common.");
        assert_eq!(&text[x.start..x.end], x.quote);
        assert!(excerpt_of(&data, &data.sources[0].id, at, at).is_none());
    }
}
