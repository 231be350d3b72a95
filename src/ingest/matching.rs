//! Candidates that are already on the map: a candidate is an existing actor when one of its
//! names or aliases is written like one of that actor's, by the normalisation of "Find possible
//! duplicates" ([`normalize_name`]): case, punctuation, hyphens and titles ignored. No duplicate
//! is made; where forms fit several actors, the one whose name (not alias) fits wins.

use foldhash::{HashMap, HashMapExt};

use super::ActorCandidate;
use crate::edit::normalize_name;
use crate::model::Dataset;

/// Forms this short once normalised are too common to match on ("al", "un").
const SHORTEST: usize = 3;

/// Sets `existing` on every candidate that is an actor of `data`.
pub fn match_existing(candidates: &mut [ActorCandidate], data: &Dataset) {
    if data.actors.is_empty() {
        return;
    }
    // Normalised form → (actor, is its name); a form two actors share stays ambiguous unless
    // one of them has it as its name.
    let mut forms: HashMap<String, Vec<(usize, bool)>> = HashMap::new();
    for (i, actor) in data.actors.iter().enumerate() {
        let names =
            std::iter::once((&actor.name, true)).chain(actor.aliases.iter().map(|a| (a, false)));
        for (form, is_name) in names {
            let key = normalize_name(form);
            if key.replace(' ', "").chars().count() >= SHORTEST {
                forms.entry(key).or_default().push((i, is_name));
            }
        }
    }
    for c in candidates.iter_mut() {
        c.existing = best(&forms, c);
    }
}

/// The actor a candidate is: by its name first, then by its aliases.
fn best(forms: &HashMap<String, Vec<(usize, bool)>>, c: &ActorCandidate) -> Option<usize> {
    let own = std::iter::once(&c.name).chain(&c.aliases);
    let mut fallback = None;
    for (n, form) in own.enumerate() {
        let Some(hits) = forms.get(&normalize_name(form)) else {
            continue;
        };
        let named: Vec<usize> = hits.iter().filter(|h| h.1).map(|h| h.0).collect();
        let mut actors: Vec<usize> = hits.iter().map(|h| h.0).collect();
        actors.dedup();
        if named.len() == 1 {
            return Some(named[0]);
        }
        if actors.len() == 1 && (n == 0 || fallback.is_none()) {
            if n == 0 {
                return Some(actors[0]);
            }
            fallback = Some(actors[0]);
        }
    }
    fallback
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind};

    fn candidate(name: &str, aliases: &[&str]) -> ActorCandidate {
        ActorCandidate {
            name: name.into(),
            kind: ActorKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            confidence: 0.9,
            ambiguous: false,
            existing: None,
            mentions: Vec::new(),
        }
    }

    #[test]
    fn candidates_match_existing_actors_by_name_and_alias_as_duplicates_do() {
        let data = Dataset {
            actors: vec![
                Actor {
                    id: "kim".into(),
                    name: "Kim Jong-un".into(),
                    aliases: vec!["Mr. Kim".into()],
                    ..Actor::default()
                },
                Actor {
                    id: "un".into(),
                    name: "United Nations".into(),
                    aliases: vec!["U.N.".into()],
                    ..Actor::default()
                },
            ],
            ..Dataset::default()
        };
        let mut cs = vec![
            candidate("Kim Jong Un", &[]),
            candidate("Kim", &["Mr. Kim"]),
            candidate("the United Nations", &[]),
            candidate("Moon Jae-in", &[]),
        ];
        match_existing(&mut cs, &data);
        let found: Vec<Option<usize>> = cs.iter().map(|c| c.existing).collect();
        assert_eq!(found, [Some(0), Some(0), Some(1), None]);
    }
}
