//! Word lists of the name finder: titles, organisation and place markers, and the capitalised
//! words that are not names. They are general English, not tuned to any article.

/// Honorifics before a name ("Mr. Kim"): they make it a person.
#[rustfmt::skip]
pub const HONORIFICS: [&str; 22] = [
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "sen", "rep", "gov",
    "gen", "lt", "col", "sgt", "capt", "adm", "rev", "hon", "messrs",
];

/// Titles before a name ("President Moon Jae-in", "Foreign Minister Lavrov"), one word each;
/// longer titles are runs of these ("Prime Minister", "Secretary of State" joins through "of").
#[rustfmt::skip]
pub const TITLES: [&str; 45] = [
    "president", "vice", "prime", "minister", "foreign", "defense", "defence", "finance",
    "secretary", "state", "ambassador", "chairman", "chairwoman", "chair", "chancellor", "premier",
    "king", "queen", "prince", "princess", "emperor", "sheikh", "pope", "cardinal", "bishop",
    "general", "admiral", "colonel", "major", "captain", "senator", "governor", "mayor", "judge",
    "justice", "leader", "supreme", "speaker", "representative", "commissioner", "director",
    "chief", "deputy", "envoy", "professor",
];

/// Roles that a person holds, in descriptions ("the Syrian leader", "a senior fellow at").
#[rustfmt::skip]
pub const PERSON_ROLES: [&str; 34] = [
    "leader", "president", "minister", "ambassador", "dictator", "strongman", "ruler", "king",
    "queen", "premier", "chancellor", "envoy", "diplomat", "official", "spokesman", "spokeswoman",
    "spokesperson", "adviser", "advisor", "chairman", "chairwoman", "chair", "director", "fellow",
    "specialist", "expert", "analyst", "researcher", "professor", "head", "founder", "executive",
    "secretary", "general",
];

/// Roles that lead (rather than belong to) what they are of: "the foreign minister of Russia".
#[rustfmt::skip]
pub const LEADING_ROLES: [&str; 16] = [
    "leader", "president", "minister", "dictator", "strongman", "ruler", "king", "queen",
    "premier", "chancellor", "chairman", "chairwoman", "head", "founder", "executive", "secretary",
];

/// Words that make a name an organisation.
#[rustfmt::skip]
pub const ORG_MARKERS: [&str; 68] = [
    "institution", "institute", "university", "college", "school", "foundation", "center",
    "centre", "agency", "council", "ministry", "department", "party", "committee", "commission",
    "organization", "organisation", "association", "union", "bank", "fund", "company",
    "corporation", "corp", "inc", "ltd", "group", "holdings", "trust", "society", "league",
    "federation", "alliance", "front", "movement", "court", "parliament", "assembly", "congress",
    "senate", "office", "bureau", "service", "authority", "board", "army", "navy", "forces",
    "police", "guard", "studies", "news", "times", "post", "network", "press", "cooperative",
    "partners", "pact", "compact", "bloc", "coalition", "observatory", "exchange", "securities",
    "lines", "airlines", "media",
];

/// Words that make a name a place when they start it ("Port Sallow", "Lake Tana").
pub const PLACE_HEADS: [&str; 6] = ["port", "lake", "mount", "cape", "fort", "gulf"];

/// Words that make a name a place.
#[rustfmt::skip]
pub const PLACE_MARKERS: [&str; 24] = [
    "zone", "sea", "ocean", "river", "island", "islands", "mountain", "mountains", "strait", "bay",
    "peninsula", "city", "province", "region", "square", "street", "valley", "desert", "gulf",
    "port", "harbour", "harbor", "county", "district",
];

/// Words that make a capitalised run an event or a document, not an actor ("Arab-Israeli War").
#[rustfmt::skip]
pub const EVENT_WORDS: [&str; 16] = [
    "war", "wars", "games", "olympics", "cup", "prize", "award", "act", "treaty", "accord",
    "agreement", "day", "festival", "crisis", "revolution", "protocol",
];

/// Months and days: dates, not actors.
#[rustfmt::skip]
pub const CALENDAR: [&str; 19] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
];

/// Capitalised words that start sentences but are never names on their own.
#[rustfmt::skip]
pub const NOT_NAMES: [&str; 110] = [
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "since", "after",
    "before", "during", "last", "next", "this", "that", "these", "those", "it", "its", "he", "she",
    "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "if", "when", "while",
    "but", "and", "or", "so", "yet", "although", "though", "because", "as", "both", "all", "some",
    "many", "most", "few", "several", "just", "perhaps", "given", "still", "then", "there", "here",
    "what", "who", "why", "how", "where", "which", "no", "not", "yes", "once", "without", "within",
    "despite", "under", "over", "against", "among", "between", "about", "around", "through",
    "into", "upon", "until", "unless", "whether", "even", "instead", "meanwhile", "however",
    "also", "only", "such", "every", "each", "neither", "nor", "either", "like", "unlike", "more",
    "less", "asked", "earlier", "later", "now", "today", "yesterday",
];

/// Group nouns after a country or organisation that make a separate actor: "United Nations
/// experts", "Israeli intelligence".
#[rustfmt::skip]
pub const GROUP_NOUNS: [&str; 14] = [
    "experts", "inspectors", "investigators", "monitors", "intelligence", "rebels", "militants",
    "insurgents", "opposition", "military", "army", "navy", "police", "prosecutors",
];

/// The suffix after a name that makes the next noun its creature: "NATO-backed coalition".
#[rustfmt::skip]
pub const BACKING: [&str; 7] = [
    "backed", "led", "supported", "funded", "sponsored", "allied", "run",
];

/// Connecting words allowed inside an organisation's or a state's name.
pub const CONNECTORS: [&str; 5] = ["of", "for", "and", "on", "the"];

/// Lower-case particles inside personal names ("Bashar al-Assad", "Ursula von der Leyen").
#[rustfmt::skip]
pub const PARTICLES: [&str; 12] = [
    "al", "el", "bin", "ibn", "van", "von", "der", "de", "da", "di", "du", "la",
];

/// A word as compared with the lists: lower case, without a trailing dot.
pub fn bare(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

pub fn is(list: &[&str], word: &str) -> bool {
    list.contains(&bare(word).as_str())
}
