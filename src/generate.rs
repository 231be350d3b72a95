//! Synthetic datasets for tests, benchmarks and demos: communities with heavy-tailed degrees,
//! mixed actor and tie kinds, and sources whose text really contains every excerpt.
//!
//! Deterministic per seed. Actors get no positions, so the map places them.

use std::collections::HashMap;

use crate::layout::rng::SplitMix;
use crate::model::{Actor, ActorKind, Certainty, Dataset, Excerpt, Polarity, Source, Tie, TieKind};

/// About this many ties cite one source.
const TIES_PER_SOURCE: usize = 50;
/// Share of ties that stay inside their community.
const INTRA: f64 = 0.85;
/// Share of endpoint picks by preferential attachment (the rest uniform in the community).
const PREFERENTIAL: f64 = 0.7;

/// Word lists, `|`-separated to keep this file short; non-ASCII on purpose, so byte offsets
/// are exercised.
const FIRST: &str =
    "Amara|Bastien|Chiara|Dmitri|Elif|Farid|Greta|Hiroshi|Ingrid|Jonas|Katarzyna|Luis|\
    Mei|Nikolai|Olga|Pedro|Rania|Søren|Tomás|Ulla|Viktor|Wen|Yusuf|Zoë|José|Łukasz|Renée|Aurélie|\
    Björn|Nadia";
const LAST: &str = "Abara|Brandt|Castell|Duarte|Eriksen|Fontaine|Grau|Haddad|Ivanova|Jansen|Kovač|\
    Lindqvist|Moreau|Novak|Okafor|Petrov|Quint|Rossi|Sato|Tanaka|Ursu|Varga|Weiss|Xu|Yilmaz|Zhou|\
    Müller|García|Dvořák|Ng";
const ROOT: &str = "Aldor|Belmor|Carvess|Drevn|Estmark|Fenrov|Galdir|Halven|Istran|Jorvik|Kestr|\
    Lumer|Morvath|Norwind|Ostrav|Pelluc|Quorv|Rhund|Sarmat|Tavren|Ulmar|Varenn|Westholm|Ysmer|\
    Zalvan|Éland|Nørdvik";
const STATE_END: &[&str] = &["ia", "a", "istan", "ova", "land", "ene"];
const ORG_END: &str = "Institute|Front|Union|Council|Bank|Party|Group|Foundation|Agency|Brigade|\
    Consortium|Network";
const PLACE: &str = "Port {}|{} Valley|{}burg|New {}|{} Heights|Lake {}";
const OTHER: &[&str] = &["Operation {}", "{} Accord", "{} Process", "the {} Files"];
const TOPIC: &str = "energy prices|border security|grain exports|the ceasefire|sanctions|\
    a pipeline deal|election monitoring|refugee flows|port access|debt relief";
const OUTLET: &str = "The Daily Ledger|Northern Courier|Global Wire|Le Monde Synthétique|\
    Der Tagesbote|Pacific Herald|Crónica del Sur";
const CLAIMANT: &[&str] = &["officials", "state media", "a spokesperson", "diplomats"];
const BEFORE: &[&str] = &["", "Meanwhile, ", "On Monday, ", "Sources said that "];
const AFTER: &[&str] = &[" ", "\n\n", " The talks continue. ", " Résumé to follow. "];

/// The word lists, split once per dataset.
struct Words {
    first: Vec<&'static str>,
    last: Vec<&'static str>,
    root: Vec<&'static str>,
    org_end: Vec<&'static str>,
    place: Vec<&'static str>,
    topic: Vec<&'static str>,
    outlet: Vec<&'static str>,
}

impl Words {
    fn new() -> Self {
        let split = |s: &'static str| s.split('|').collect();
        Self {
            first: split(FIRST),
            last: split(LAST),
            root: split(ROOT),
            org_end: split(ORG_END),
            place: split(PLACE),
            topic: split(TOPIC),
            outlet: split(OUTLET),
        }
    }
}

/// The most actors `relmap generate` makes. With [`MAX_TIES`] ties as well the file is about
/// 450 MiB, under the [`crate::io::MAX_FILE_BYTES`] (512 MiB) that relmap opens, and making it
/// takes about 1 GB of memory.
pub const MAX_ACTORS: usize = 500_000;
/// The most ties `relmap generate` makes (see [`MAX_ACTORS`]).
pub const MAX_TIES: usize = 500_000;

/// A dataset of `actors` actors and `ties` ties (none when there are fewer than two actors), in
/// about `sqrt(actors) / 2` communities; every excerpt is valid against its source.
pub fn generate(actors: usize, ties: usize, seed: u64) -> Dataset {
    let w = Words::new();
    let mut rng = SplitMix::new(seed ^ 0x7265_6c6d_6170);
    let groups = (((actors as f64).sqrt() / 2.0).round() as usize).clamp(1, actors.max(1));
    // Community sizes vary; a few are large.
    let weights: Vec<f64> = (0..groups)
        .map(|_| 0.3 + rng.unit_f64() + if rng.chance(0.1) { 3.0 } else { 0.0 })
        .collect();
    let total: f64 = weights.iter().sum();
    let mut cumulative = Vec::with_capacity(groups);
    let mut sum = 0.0;
    for x in &weights {
        sum += x / total;
        cumulative.push(sum);
    }
    let mut community = vec![0usize; actors];
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); groups];
    for (i, c) in community.iter_mut().enumerate() {
        // The first actors seed every community so none is empty.
        *c = if i < groups {
            i
        } else {
            let u = rng.unit_f64();
            cumulative.partition_point(|&x| x < u).min(groups - 1)
        };
        members[*c].push(i as u32);
    }
    let mut seen: HashMap<String, u32> = HashMap::new();
    let actor_list: Vec<Actor> = (0..actors)
        .map(|i| make_actor(i, community[i], &w, &mut rng, &mut seen))
        .collect();

    let ties = if actors >= 2 { ties } else { 0 };
    // Every actor once, plus once per tie end: picking uniformly from these lists is
    // preferential attachment by degree + 1.
    let mut ends: Vec<Vec<u32>> = members.clone();
    let mut all_ends: Vec<u32> = (0..actors as u32).collect();
    let mut texts: Vec<String> = (0..ties.div_ceil(TIES_PER_SOURCE))
        .map(|s| format!("{} reports. ", w.outlet[s % w.outlet.len()]))
        .collect();
    let mut tie_list = Vec::with_capacity(ties);
    for t in 0..ties {
        let c = community[any(&all_ends, &mut rng) as usize];
        let a = pick(&members[c], &ends[c], &mut rng);
        let mut b = a;
        for _ in 0..8 {
            b = if rng.chance(INTRA) && members[c].len() > 1 {
                pick(&members[c], &ends[c], &mut rng)
            } else {
                any(&all_ends, &mut rng)
            };
            if b != a {
                break;
            }
        }
        if b == a {
            b = (a + 1 + rng.below(actors - 1) as u32) % actors as u32;
        }
        for v in [a, b] {
            ends[community[v as usize]].push(v);
            all_ends.push(v);
        }
        let (from, to) = (&actor_list[a as usize], &actor_list[b as usize]);
        tie_list.push(make_tie(t, from, to, &mut texts, &w, &mut rng));
    }

    let sources = texts
        .into_iter()
        .enumerate()
        .map(|(s, text)| Source {
            id: format!("s{s}"),
            title: format!("Dispatch {s}: {}", w.topic[s % w.topic.len()]),
            outlet: w.outlet[s % w.outlet.len()].into(),
            published: Some(date(&mut rng, false)),
            url: Some(format!("https://news.example/{s}")),
            author: Some(format!(
                "{} {}",
                any(&w.first, &mut rng),
                any(&w.last, &mut rng)
            )),
            text,
        })
        .collect();
    Dataset {
        title: format!("Synthetic map: {actors} actors, {ties} ties (seed {seed})"),
        description: format!("Generated with {groups} communities."),
        sources,
        actors: actor_list,
        ties: tie_list,
        ..Dataset::default()
    }
}

/// A uniformly chosen element; the list is never empty where this is called.
fn any<T: Copy>(list: &[T], rng: &mut SplitMix) -> T {
    list[rng.below(list.len())]
}

/// A community member: mostly by preferential attachment, sometimes uniformly.
fn pick(members: &[u32], ends: &[u32], rng: &mut SplitMix) -> u32 {
    if rng.chance(PREFERENTIAL) {
        any(ends, rng)
    } else {
        any(members, rng)
    }
}

fn make_actor(
    i: usize,
    community: usize,
    w: &Words,
    rng: &mut SplitMix,
    seen: &mut HashMap<String, u32>,
) -> Actor {
    let u = rng.unit_f64();
    let kind = match u {
        _ if u < 0.55 => ActorKind::Person,
        _ if u < 0.75 => ActorKind::Organization,
        _ if u < 0.85 => ActorKind::State,
        _ if u < 0.95 => ActorKind::Place,
        _ => ActorKind::Other,
    };
    let root = w.root[(community * 7 + rng.below(5)) % w.root.len()];
    let mut name = match kind {
        ActorKind::Person => format!("{} {}", any(&w.first, rng), any(&w.last, rng)),
        ActorKind::State => format!("{root}{}", any(STATE_END, rng)),
        ActorKind::Organization => {
            let head = if rng.chance(0.5) {
                root
            } else {
                any(&w.last, rng)
            };
            format!("{head} {}", any(&w.org_end, rng))
        }
        ActorKind::Place => any(&w.place, rng).replace("{}", root),
        ActorKind::Other => any(OTHER, rng).replace("{}", root),
    };
    let count = seen.entry(name.clone()).or_insert(0);
    *count += 1;
    if *count > 1 {
        name = format!("{name} {count}");
    }
    let aliases = if kind == ActorKind::Person && rng.chance(0.2) {
        vec![name.split(' ').filter_map(|w| w.chars().next()).collect()]
    } else {
        Vec::new()
    };
    Actor {
        id: format!("a{i}"),
        name,
        kind,
        aliases,
        description: format!("Synthetic {} in community {community}.", kind.label()),
        position: None,
        pinned: false,
        ..Actor::default()
    }
}

/// Tie kinds that suit a pair of actor kinds.
fn kinds_for(a: ActorKind, b: ActorKind) -> &'static [TieKind] {
    use ActorKind::{Organization as Org, Person, Place, State};
    use TieKind::*;
    match (a, b) {
        (Person, Person) => &[Meeting, Family, Advisory, Criticism, Accusation, Commentary],
        (Person, State) | (State, Person) => &[Visit, Leadership, Advisory, Criticism, Diplomatic],
        (Person, Org) | (Org, Person) => &[Membership, Leadership, Affiliation, Support],
        (State, State) => &[
            Diplomatic,
            Alliance,
            Summit,
            MilitaryAction,
            ArmsTransfer,
            Support,
        ],
        (State, Org) | (Org, State) => &[Support, ArmsTransfer, MilitaryAction, Accusation],
        (Org, Org) => &[Affiliation, Support, Criticism, Alliance],
        (Place, _) | (_, Place) => &[Visit, MilitaryAction, Meeting, Other],
        _ => &[Other, Commentary, Affiliation],
    }
}

fn make_tie(
    t: usize,
    from: &Actor,
    to: &Actor,
    texts: &mut [String],
    w: &Words,
    rng: &mut SplitMix,
) -> Tie {
    use TieKind as K;
    let kind = any(kinds_for(from.kind, to.kind), rng);
    let polarity = match kind {
        _ if rng.chance(0.1) => any(&Polarity::ALL, rng),
        K::MilitaryAction | K::Accusation | K::Criticism => Polarity::Hostile,
        K::Visit | K::Diplomatic | K::Commentary | K::Other => Polarity::Neutral,
        _ => Polarity::Cooperative,
    };
    let directed = !matches!(
        kind,
        K::Meeting | K::Summit | K::Diplomatic | K::Alliance | K::Family | K::Other
    );
    let count = match rng.below(100) {
        0..70 => 1,
        70..90 => 2,
        90..97 => 3,
        _ => 4 + rng.below(3),
    };
    let mut excerpts = Vec::with_capacity(count);
    for k in 0..count {
        let s = (t / TIES_PER_SOURCE + k * 7) % texts.len().max(1);
        let Some(text) = texts.get_mut(s) else { break };
        let quote = sentence(kind, &from.name, &to.name, any(&w.topic, rng));
        text.push_str(any(BEFORE, rng));
        let start = text.len();
        text.push_str(&quote);
        let end = text.len();
        text.push_str(any(AFTER, rng));
        let certainty = rng.chance(0.8).then(|| any(&Certainty::ALL, rng));
        let attributed_to = match rng.below(10) {
            0..=2 => Some(from.id.clone()),
            3..=4 => Some(any(CLAIMANT, rng).to_string()),
            _ => None,
        };
        let source = format!("s{s}");
        excerpts.push(Excerpt {
            source,
            quote,
            start,
            end,
            certainty,
            attributed_to,
        });
    }
    Tie {
        id: format!("t{t}"),
        from: from.id.clone(),
        to: to.id.clone(),
        kind,
        directed,
        polarity,
        date: Some(date(rng, true)),
        label: if rng.chance(0.3) {
            any(&w.topic, rng).into()
        } else {
            String::new()
        },
        excerpts,
        ..Tie::default()
    }
}

/// A valid date: mostly a day, sometimes a month, a year or (with `ranges`) a range.
fn date(rng: &mut SplitMix, ranges: bool) -> String {
    let year = 2000 + rng.below(25);
    let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
    match rng.below(20) {
        0..=13 => format!("{year}-{month:02}-{day:02}"),
        14..=16 => format!("{year}-{month:02}"),
        17 => format!("{year}"),
        _ if ranges => format!("{year}/{}", year + 1 + rng.below(5)),
        _ => format!("{year}-{month:02}-{day:02}"),
    }
}

fn sentence(kind: TieKind, a: &str, b: &str, topic: &str) -> String {
    match kind {
        TieKind::Meeting => format!("{a} met {b} to discuss {topic}."),
        TieKind::Visit => format!("{a} paid a visit to {b}."),
        TieKind::Summit => format!("{a} and {b} attended a summit on {topic}."),
        TieKind::Diplomatic => format!("{a} opened diplomatic talks with {b} on {topic}."),
        TieKind::Alliance => format!("{a} announced an alliance with {b}."),
        TieKind::Support => format!("{a} pledged support for {b} over {topic}."),
        TieKind::ArmsTransfer => format!("{a} supplied weapons to {b}, according to officials."),
        TieKind::MilitaryAction => format!("Forces of {a} struck positions held by {b}."),
        TieKind::Accusation => format!("{a} accused {b} of undermining {topic}."),
        TieKind::Criticism => format!("{a} sharply criticised {b} over {topic}."),
        TieKind::Membership => format!("{a} is a member of {b}."),
        TieKind::Affiliation => format!("{a} has long been affiliated with {b}."),
        TieKind::Leadership => format!("{a} leads {b}."),
        TieKind::Family => format!("{a} is a close relative of {b}."),
        TieKind::Advisory => format!("{a} has advised {b} on {topic}."),
        TieKind::Commentary => format!("{a} commented on {b} in an interview about {topic}."),
        TieKind::Contract => format!("{a} signed a contract with {b} on {topic}."),
        TieKind::Ownership => format!("{a} owns a stake in {b}."),
        TieKind::Employment => format!("{a} works for {b}."),
        TieKind::Funding => format!("{a} funded {b}'s work on {topic}."),
        TieKind::Investment => format!("{a} invested in {b}."),
        TieKind::Lobbying => format!("{a} lobbied {b} on {topic}."),
        TieKind::Sanction => format!("{a} imposed sanctions on {b} over {topic}."),
        TieKind::LegalAction => format!("{a} took {b} to court over {topic}."),
        TieKind::Endorsement => format!("{a} endorsed {b}."),
        TieKind::Negotiation => format!("{a} negotiated with {b} over {topic}."),
        TieKind::Other => format!("{a} was linked to {b} in reports about {topic}."),
    }
}

#[cfg(test)]
#[path = "generate_tests.rs"]
mod tests;
