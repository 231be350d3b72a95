//! Countries as the news names them, from the `keshvar` country data: common and official names
//! ("Syria", "the Syrian Arab Republic"), demonyms ("Syrian" → Syria, "North Korean" → North
//! Korea, "American" → United States), plus capitals (which keshvar does not have, see
//! [`super::capitals`]) and the abbreviations news writers use ("U.S.", "D.P.R.K.", "U.N.").

use std::collections::HashMap;
use std::sync::LazyLock;

use keshvar::CountryIterator;

use super::capitals::CAPITALS;

/// What a word or phrase names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// A country (by ISO alpha-2 code), by one of its names.
    Country(&'static str),
    /// A country, by its demonym ("Syrian").
    Demonym(&'static str),
    /// A country's capital, as a place.
    Capital(&'static str),
    /// An organisation, by its common abbreviation: the index in [`ORGANISATIONS`].
    Organisation(usize),
}

/// Abbreviations of countries that keshvar does not list, as newsrooms write them.
const COUNTRY_ABBREVIATIONS: [(&str, &str); 12] = [
    ("U.S.", "US"),
    ("U.S.A.", "US"),
    ("US", "US"),
    ("U.K.", "GB"),
    ("UK", "GB"),
    ("DPRK", "KP"),
    ("D.P.R.K.", "KP"),
    ("ROK", "KR"),
    ("PRC", "CN"),
    ("P.R.C.", "CN"),
    ("UAE", "AE"),
    ("U.A.E.", "AE"),
];

/// Organisations known by abbreviation: the full name and the abbreviations.
pub const ORGANISATIONS: [(&str, &[&str]); 18] = [
    ("United Nations", &["U.N.", "UN"]),
    ("North Atlantic Treaty Organization", &["NATO"]),
    ("European Union", &["E.U.", "EU"]),
    ("Korean Central News Agency", &["KCNA"]),
    ("International Atomic Energy Agency", &["IAEA"]),
    ("International Monetary Fund", &["IMF"]),
    ("World Health Organization", &["WHO"]),
    ("World Trade Organization", &["WTO"]),
    ("Central Intelligence Agency", &["CIA"]),
    ("Federal Bureau of Investigation", &["FBI"]),
    ("Association of Southeast Asian Nations", &["ASEAN"]),
    (
        "Organization of the Petroleum Exporting Countries",
        &["OPEC"],
    ),
    ("International Criminal Court", &["ICC"]),
    ("African Union", &["AU"]),
    (
        "Organization for Security and Co-operation in Europe",
        &["OSCE"],
    ),
    ("Group of Seven", &["G7", "G-7"]),
    ("Group of 20", &["G20", "G-20"]),
    ("Islamic State", &["ISIS", "ISIL"]),
];

/// The news name of an organisation known by abbreviation: NATO is "NATO", not its full name.
pub fn organisation_name(index: usize) -> &'static str {
    let (full, abbreviations) = ORGANISATIONS[index];
    match abbreviations.first() {
        Some(&short) if matches!(short, "NATO" | "OPEC" | "ASEAN" | "G7" | "G20" | "ISIS") => short,
        _ => full,
    }
}

/// Every form, keyed as [`key`] reduces it.
struct Tables {
    known: HashMap<String, Known>,
    names: HashMap<&'static str, String>,
    aliases: HashMap<&'static str, Vec<String>>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(build);

/// A form reduced for lookup: lower case, curly apostrophes straight, "the" and dots dropped
/// at the edges. "The Democratic People’s Republic of Korea" and "democratic people's republic
/// of korea" are one key.
pub fn key(form: &str) -> String {
    let lower = form.trim().replace('’', "'").to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.trim_end_matches('.').to_owned()
}

fn build() -> Tables {
    let mut known: HashMap<String, Known> = HashMap::new();
    // The population behind each form: where two countries share a form ("American" for the
    // United States and American Samoa), a country ten times larger takes it; else nobody does.
    let mut weight: HashMap<String, u64> = HashMap::new();
    let mut ambiguous: Vec<String> = Vec::new();
    let mut names = HashMap::new();
    let mut aliases: HashMap<&'static str, Vec<String>> = HashMap::new();
    let mut add = |form: &str, what: Known, people: u64, known: &mut HashMap<String, Known>| {
        let k = key(form);
        if k.chars().count() < 2 {
            return;
        }
        match known.get(&k) {
            Some(&other) if other != what => {
                let theirs = weight.get(&k).copied().unwrap_or(0);
                if people / 10 > theirs {
                    known.insert(k.clone(), what);
                    weight.insert(k, people);
                } else if theirs / 10 <= people {
                    ambiguous.push(k);
                }
            }
            _ => {
                known.insert(k.clone(), what);
                weight.insert(k, people);
            }
        }
    };
    for country in CountryIterator::new() {
        // keshvar's UN/LOCODE country part is the ISO alpha-2 code, as a static string.
        let code: &'static str = country.un_locode();
        let people = country.maybe_population().unwrap_or(0);
        let short = country.iso_short_name();
        let mut forms: Vec<&'static str> = vec![short, country.iso_long_name()];
        forms.extend(
            country
                .unofficial_name_list()
                .iter()
                .copied()
                .filter(|n| latin(n)),
        );
        let name = std::iter::once(short)
            .chain(country.unofficial_name_list().iter().copied())
            .find(|n| latin(n) && !n.contains(['(', ',', '[']))
            .unwrap_or(short);
        // The common name first ("Syria" before "Syrian Arab Republic"), when keshvar lists it.
        let name = country
            .unofficial_name_list()
            .iter()
            .copied()
            .find(|n| latin(n) && !n.contains(['(', ',', '[']) && !n.starts_with("the "))
            .unwrap_or(name);
        names.insert(code, name.to_owned());
        let mut own: Vec<String> = Vec::new();
        for (n, form) in forms.into_iter().enumerate() {
            if !form.contains(['(', '[']) {
                add(form, Known::Country(code), people, &mut known);
                // Aliases: the ISO names and abbreviations, not the names in other languages.
                let trimmed = form.strip_prefix("The ").unwrap_or(form);
                let english = n < 2 || trimmed.chars().all(|c| c.is_ascii_uppercase());
                if english
                    && trimmed != name
                    && !own.iter().any(|o| o == trimmed)
                    && !trimmed.contains(',')
                {
                    own.push(trimmed.to_owned());
                }
            }
        }
        aliases.insert(code, own);
        if let Some(demonym) = country.maybe_nationality() {
            add(demonym, Known::Demonym(code), people, &mut known);
            if demonym.ends_with(['n', 'i']) {
                add(
                    &format!("{demonym}s"),
                    Known::Demonym(code),
                    people,
                    &mut known,
                );
            }
        }
    }
    for (form, code) in COUNTRY_ABBREVIATIONS {
        known.insert(key(form), Known::Country(code));
    }
    for (code, capital) in CAPITALS {
        // A city state's capital is the state ("Singapore"): its name stays the country's.
        if !known.contains_key(&key(capital)) {
            add(capital, Known::Capital(code), 0, &mut known);
        }
    }
    for (i, (full, abbreviations)) in ORGANISATIONS.iter().enumerate() {
        add(full, Known::Organisation(i), 0, &mut known);
        for a in *abbreviations {
            add(a, Known::Organisation(i), 0, &mut known);
        }
    }
    for k in ambiguous {
        known.remove(&k);
    }
    Tables {
        known,
        names,
        aliases,
    }
}

/// Whether a name is written in Latin letters (keshvar lists names in many scripts).
fn latin(name: &str) -> bool {
    name.chars()
        .all(|c| !c.is_alphabetic() || (c as u32) < 0x250)
}

/// What `form` names, if it is a known country, demonym, capital or organisation.
pub fn lookup(form: &str) -> Option<Known> {
    TABLES.known.get(&key(form)).copied()
}

/// The name a country goes by in the news ("Syria", "North Korea", "United States").
pub fn country_name(code: &str) -> &'static str {
    TABLES.names.get(code).map_or("", String::as_str)
}

/// A country's other names in English ("Syrian Arab Republic"), without its news name.
pub fn country_aliases(code: &str) -> &'static [String] {
    TABLES.aliases.get(code).map_or(&[], Vec::as_slice)
}

/// A country's capital, if known.
pub fn capital_of(code: &str) -> Option<&'static str> {
    CAPITALS.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_map_to_their_countries() {
        assert_eq!(lookup("North Korean"), Some(Known::Demonym("KP")));
        assert_eq!(lookup("Syrian"), Some(Known::Demonym("SY")));
        assert_eq!(lookup("American"), Some(Known::Demonym("US")));
        assert_eq!(lookup("Russian"), Some(Known::Demonym("RU")));
        assert_eq!(lookup("Israelis"), Some(Known::Demonym("IL")));
        assert_eq!(country_name("KP"), "North Korea");
        assert_eq!(country_name("US"), "United States");
        assert_eq!(country_name("SY"), "Syria");
        assert_eq!(country_name("RU"), "Russia");
        assert_eq!(country_name("KR"), "South Korea");
    }

    #[test]
    fn official_names_and_abbreviations_map_to_countries() {
        assert_eq!(
            lookup("the Democratic People’s Republic of Korea"),
            Some(Known::Country("KP"))
        );
        assert_eq!(lookup("Syrian Arab Republic"), Some(Known::Country("SY")));
        assert_eq!(lookup("D.P.R.K."), Some(Known::Country("KP")));
        assert_eq!(lookup("DPRK"), Some(Known::Country("KP")));
        assert_eq!(lookup("U.S."), Some(Known::Country("US")));
        assert_eq!(lookup("United States"), Some(Known::Country("US")));
        assert!(country_aliases("KP")
            .iter()
            .any(|a| a == "Democratic People's Republic of Korea"));
    }

    #[test]
    fn capitals_and_organisations_are_known() {
        assert_eq!(lookup("Pyongyang"), Some(Known::Capital("KP")));
        assert_eq!(lookup("Damascus"), Some(Known::Capital("SY")));
        assert_eq!(capital_of("KP"), Some("Pyongyang"));
        let Some(Known::Organisation(un)) = lookup("U.N.") else {
            panic!("U.N. is not known");
        };
        assert_eq!(organisation_name(un), "United Nations");
        let Some(Known::Organisation(nato)) = lookup("NATO") else {
            panic!("NATO is not known");
        };
        assert_eq!(organisation_name(nato), "NATO");
        assert_eq!(lookup("KCNA"), lookup("Korean Central News Agency"));
        assert_eq!(lookup("Tuesday"), None);
    }
}
