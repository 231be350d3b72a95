//! From mentions to actor candidates: one entity per country, organisation or full name, short
//! names ("Assad", "Mr. Kim") joined to the one full name they belong to, or, when several fit
//! ("Kim" with Kim Jong-un and Kim Il Sung), to the nearest full mention before them and marked
//! ambiguous. Each entity's kind is guessed from its cues, and names seen only weakly are
//! dropped.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::countries::{self, Known};
use super::names::{self, Context, Mention, What};
use super::sentences::Sentence;
use super::tokens::{self, Token};
use super::words::{is, HONORIFICS, TITLES};
use super::ActorCandidate;
use crate::edit::normalize_name;
use crate::model::ActorKind;

/// The tokens and mentions of every sentence.
pub struct Scanned {
    pub tokens: Vec<Vec<Token>>,
    pub mentions: Vec<Vec<Mention>>,
}

/// An actor as the article shows it, while it is being built.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub kind: ActorKind,
    /// The country it is (a state) or is the capital of.
    pub code: Option<&'static str>,
    pub what: What,
    pub aliases: Vec<String>,
    pub mentions: Vec<(usize, usize)>,
    pub strong: usize,
    pub titles: Vec<String>,
    pub ambiguous: bool,
    pub alive: bool,
    /// Named after "the" somewhere ("the Northern Compact"): not a person.
    pub determiner: bool,
}

/// The entities, and which entity each mention names (per sentence, per mention).
pub struct Built {
    pub entities: Vec<Entity>,
    pub of_mention: Vec<Vec<Option<(usize, bool)>>>,
}

/// Scans every sentence for names, leaving out the dateline.
pub fn mentions(text: &str, sentences: &[Sentence], dateline: Option<(usize, usize)>) -> Scanned {
    let lower_words: HashSet<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(str::to_owned)
        .collect();
    let ctx = Context {
        text,
        lower_words: &lower_words,
    };
    let mut scanned = Scanned {
        tokens: Vec::with_capacity(sentences.len()),
        mentions: Vec::with_capacity(sentences.len()),
    };
    for (i, s) in sentences.iter().enumerate() {
        let toks = tokens::tokenize(text, s.start, s.end);
        let headline = headline(text, &toks);
        let mut found = names::scan(&ctx, &toks, i, headline);
        // The dateline's place says where the reporter was, not who acted: weak.
        if let Some((ds, de)) = dateline {
            for m in found.iter_mut().filter(|m| m.start < de && m.end > ds) {
                m.weak = true;
            }
        }
        scanned.tokens.push(toks);
        scanned.mentions.push(found);
    }
    scanned
}

/// A title-case line without a full stop (a question may end it): a headline, whose capitals
/// say nothing.
fn headline(text: &str, toks: &[Token]) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| t.text(text))
        .collect();
    let caps = words.iter().filter(|w| tokens::capitalised(w)).count();
    let stop = toks
        .last()
        .is_some_and(|t| matches!(t.text(text), "." | "”" | "\"" | "!"));
    words.len() >= 4 && caps * 10 >= words.len() * 7 && !stop
}

/// The key that merges mentions of one entity.
fn key(text: &str, m: &Mention) -> Option<String> {
    let surface = &text[m.start..m.end];
    Some(match m.what {
        What::Known(Known::Country(c) | Known::Demonym(c)) => format!("country:{c}"),
        What::Known(Known::Capital(c)) => format!("capital:{c}"),
        What::Known(Known::Organisation(i)) => format!("org:{i}"),
        What::Direction => return None,
        _ => format!("name:{}", normalize_name(surface)),
    })
}

/// Groups the mentions into entities.
pub fn build(text: &str, scanned: &Scanned) -> Built {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut of_mention: Vec<Vec<Option<(usize, bool)>>> = scanned
        .mentions
        .iter()
        .map(|ms| vec![None; ms.len()])
        .collect();
    // Strong mentions make entities; weak ones join them afterwards.
    for (s, ms) in scanned.mentions.iter().enumerate() {
        for (i, m) in ms.iter().enumerate() {
            let Some(k) = key(text, m).filter(|_| !m.weak) else {
                continue;
            };
            let e = *by_key.entry(k).or_insert_with(|| {
                entities.push(new_entity(text, m));
                entities.len() - 1
            });
            note(&mut entities[e], text, m);
            of_mention[s][i] = Some((e, false));
        }
    }
    join_short_names(text, scanned, &mut entities, &mut of_mention);
    // Weak mentions: kept where they name an entity already found.
    for (s, ms) in scanned.mentions.iter().enumerate() {
        for (i, m) in ms.iter().enumerate() {
            if !m.weak || of_mention[s][i].is_some() {
                continue;
            }
            let found = key(text, m)
                .and_then(|k| by_key.get(&k).copied())
                .filter(|&e| entities[e].alive)
                .or_else(|| contained_in(text, m, &entities, None).single());
            if let Some(e) = found {
                entities[e].mentions.push((m.start, m.end));
                of_mention[s][i] = Some((e, false));
            }
        }
    }
    for e in entities.iter_mut() {
        e.kind = guess_kind(e);
    }
    Built {
        entities,
        of_mention,
    }
}

fn new_entity(text: &str, m: &Mention) -> Entity {
    let surface = &text[m.start..m.end];
    let (name, code) = match m.what {
        What::Known(Known::Country(c) | Known::Demonym(c)) => {
            (countries::country_name(c).to_owned(), Some(c))
        }
        What::Known(Known::Capital(c)) => (surface.to_owned(), Some(c)),
        What::Known(Known::Organisation(i)) => (countries::organisation_name(i).to_owned(), None),
        What::Collective => (format!("the {surface}"), None),
        _ => (surface.to_owned(), None),
    };
    Entity {
        name,
        kind: ActorKind::Other,
        code,
        what: m.what,
        aliases: Vec::new(),
        mentions: Vec::new(),
        strong: 0,
        titles: Vec::new(),
        ambiguous: false,
        alive: true,
        determiner: false,
    }
}

/// Records a mention of entity `e`: its place, its title and its form as an alias.
fn note(e: &mut Entity, text: &str, m: &Mention) {
    e.mentions.push((m.start, m.end));
    e.strong += usize::from(!m.weak);
    e.determiner |= m.determiner && m.title.is_none();
    if let Some(t) = &m.title {
        if !e.titles.contains(t) {
            e.titles.push(t.clone());
        }
    }
    if matches!(m.what, What::Known(Known::Demonym(_))) {
        return;
    }
    let mut forms = vec![text[m.start..m.end].to_owned()];
    if m.title.is_some() {
        forms.push(text[m.outer_start..m.end].to_owned());
    }
    for form in forms {
        let new = form != e.name && !e.aliases.contains(&form);
        let differs = normalize_name(&form) != normalize_name(&e.name) || m.title.is_some();
        if new && differs {
            e.aliases.push(form);
        }
    }
}

/// The entities whose names hold a mention's words at their start or end.
struct Holders(Vec<usize>);

impl Holders {
    fn single(&self) -> Option<usize> {
        (self.0.len() == 1).then(|| self.0[0])
    }
}

/// The longer personal names (other than `own`) that hold the mention's words as their first
/// or last words: "Assad" in "Bashar al-Assad", "Kim" in "Kim Jong-un" and "Kim Il Sung".
fn contained_in(text: &str, m: &Mention, entities: &[Entity], own: Option<usize>) -> Holders {
    let short: Vec<String> = words_of(&text[m.start..m.end]);
    if short.is_empty() || short.iter().all(|w| w.chars().count() < 3) {
        return Holders(Vec::new());
    }
    let holders = entities
        .iter()
        .enumerate()
        .filter(|&(i, e)| {
            let long = words_of(&e.name);
            let person =
                e.what == What::Name && (long.starts_with(&short) || long.ends_with(&short));
            let organisation = e.what == What::Organisation && long.starts_with(&short);
            Some(i) != own && e.alive && long.len() > short.len() && (person || organisation)
        })
        .map(|(i, _)| i)
        .collect();
    Holders(holders)
}

/// The words of a name as compared: normalised, particles ("al", "bin") dropped.
fn words_of(name: &str) -> Vec<String> {
    normalize_name(name)
        .split(' ')
        .filter(|w| !w.is_empty() && !is(&super::words::PARTICLES, w))
        .map(str::to_owned)
        .collect()
}

/// Joins short names to the full names that hold them; ambiguous ones to the nearest full
/// mention before them (or after, when none is before), marked ambiguous.
fn join_short_names(
    text: &str,
    scanned: &Scanned,
    entities: &mut [Entity],
    of_mention: &mut [Vec<Option<(usize, bool)>>],
) {
    for (s, ms) in scanned.mentions.iter().enumerate() {
        for (i, m) in ms.iter().enumerate() {
            let Some((own, _)) = of_mention[s][i] else {
                continue;
            };
            if m.what != What::Name {
                continue;
            }
            let holders = contained_in(text, m, entities, Some(own));
            let target = match holders.0.as_slice() {
                [] => continue,
                [one] => (*one, false),
                many => (nearest(entities, many, m.start), true),
            };
            of_mention[s][i] = Some(target);
            let e = &mut entities[target.0];
            e.mentions.push((m.start, m.end));
            e.strong += 1;
            e.ambiguous |= target.1;
            if let Some(t) = &m.title {
                if !e.titles.contains(t) {
                    e.titles.push(t.clone());
                }
            }
            if !target.1 {
                let short = entities[own].clone();
                let e = &mut entities[target.0];
                for form in std::iter::once(&short.name).chain(&short.aliases) {
                    if !e.aliases.contains(form) && *form != e.name {
                        e.aliases.push(form.clone());
                    }
                }
            }
            entities[own].strong = entities[own].strong.saturating_sub(1);
            if entities[own].strong == 0 {
                entities[own].alive = false;
            }
        }
    }
}

/// Of several entities, the one with a mention nearest before `at` (or the first after).
fn nearest(entities: &[Entity], candidates: &[usize], at: usize) -> usize {
    let before = |e: usize| {
        entities[e]
            .mentions
            .iter()
            .filter(|(s, _)| *s < at)
            .map(|(s, _)| *s)
            .max()
    };
    candidates
        .iter()
        .copied()
        .max_by_key(|&e| before(e).map_or(0, |p| p + 1))
        .unwrap_or(candidates[0])
}

/// The kind an entity's cues suggest.
fn guess_kind(e: &Entity) -> ActorKind {
    match e.what {
        What::Known(Known::Country(_) | Known::Demonym(_)) => ActorKind::State,
        What::Known(Known::Capital(_)) | What::Place => ActorKind::Place,
        What::Known(Known::Organisation(_)) | What::Organisation => ActorKind::Organization,
        What::Group | What::Backed => ActorKind::Organization,
        What::Collective | What::Direction => ActorKind::Other,
        What::Name => {
            let titled = e
                .titles
                .iter()
                .any(|t| t.split(' ').any(|w| is(&HONORIFICS, w) || is(&TITLES, w)));
            let words = e.name.split_whitespace().count();
            if titled || ((2..=4).contains(&words) && !e.determiner) {
                ActorKind::Person
            } else if e.determiner && words > 1 {
                ActorKind::Organization
            } else {
                ActorKind::Other
            }
        }
    }
}

/// How sure an entity is, from its kind cues and how often it is named.
fn confidence(e: &Entity) -> f32 {
    let base: f32 = match e.what {
        What::Known(Known::Country(_) | Known::Demonym(_) | Known::Organisation(_)) => 0.95,
        What::Known(Known::Capital(_)) => 0.8,
        What::Organisation | What::Place => 0.85,
        What::Group | What::Backed => 0.75,
        What::Collective | What::Direction => 0.7,
        What::Name if e.kind == ActorKind::Person => 0.85,
        What::Name => 0.5,
    };
    let repeated = if e.mentions.len() >= 3 { 0.05 } else { 0.0 };
    let doubt = if e.ambiguous { 0.1 } else { 0.0 };
    (base + repeated - doubt).clamp(0.0, 0.99)
}

/// The actor candidates, and for each entity its index among them (dead ones have none).
pub fn finish(built: Built) -> (Vec<ActorCandidate>, Vec<Option<usize>>) {
    let mut actors = Vec::new();
    let mut index = Vec::with_capacity(built.entities.len());
    for e in built.entities {
        if !e.alive {
            index.push(None);
            continue;
        }
        index.push(Some(actors.len()));
        let mut aliases = e.aliases.clone();
        if let Some(code) = e.code.filter(|_| e.kind == ActorKind::State) {
            for a in countries::country_aliases(code) {
                if !aliases.contains(a) {
                    aliases.push(a.clone());
                }
            }
        }
        let mut mentions = e.mentions.clone();
        mentions.sort_unstable();
        mentions.dedup();
        actors.push(ActorCandidate {
            confidence: confidence(&e),
            name: e.name,
            kind: e.kind,
            aliases,
            ambiguous: e.ambiguous,
            existing: None,
            mentions,
        });
    }
    (actors, index)
}
