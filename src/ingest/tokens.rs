//! Words of a sentence with their byte offsets: "U.S.", "Mr.", "V." and "D.P.R.K." keep their
//! dots, "Jong-un", "al-Assad" and "NATO-backed" their hyphens, and a possessive "’s" is cut off
//! and remembered. Everything else that is not a space is one punctuation mark.

/// A word or a punctuation mark: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// A word followed by "’s" or "'s" (not part of the token).
    pub possessive: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Short words that end with a dot as abbreviations: the dot is theirs, not the sentence's.
const DOTTED: [&str; 27] = [
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "adm",
    "st", "jr", "sr", "no", "inc", "corp", "co", "ltd", "mt", "messrs", "rev", "hon", "pres",
];

/// The tokens of `text[start..end]`, with offsets into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let s = &text[start..end];
    let mut tokens = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token {
                start: start + i,
                end: start + i + c.len_utf8(),
                word: false,
                possessive: false,
            });
            continue;
        }
        let mut j = i + c.len_utf8();
        while let Some(&(k, d)) = chars.peek() {
            let joins = matches!(d, '-' | '\'' | '’' | '.' | '&')
                && s[k + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if d.is_alphanumeric() || joins {
                j = k + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let mut word = &s[i..j];
        let mut possessive = false;
        for suffix in ["’s", "'s"] {
            if word.len() > suffix.len() && word.ends_with(suffix) {
                word = &word[..word.len() - suffix.len()];
                possessive = true;
            }
        }
        let mut token_end = i + word.len();
        // A trailing dot belongs to an initial, a dotted abbreviation or a known short form.
        if !possessive && s[j..].starts_with('.') {
            let single = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
            let dotted = word.contains('.');
            let known = DOTTED.contains(&word.to_lowercase().as_str());
            if single || dotted || known {
                token_end = j + 1;
                chars.next();
                j += 1;
            }
        }
        tokens.push(Token {
            start: start + i,
            end: start + token_end,
            word: true,
            possessive,
        });
        // The possessive suffix is skipped: it is neither word nor punctuation.
        let _ = j;
    }
    tokens
}

/// Whether two tokens stand next to each other with only spaces (no line break) between.
pub fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.end..b.start];
    gap.chars().all(|c| c == ' ' || c == '\u{a0}') && !gap.is_empty()
}

/// Whether a word starts with a capital letter or a digit-free upper-case run.
pub fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is an acronym: two or more letters, all capitals, dots allowed ("NATO",
/// "U.N.").
pub fn acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| (t.text(text), t.possessive))
            .collect()
    }

    #[test]
    fn abbreviations_initials_hyphens_and_possessives() {
        assert_eq!(
            words("Mr. Kim’s envoy met Sergey V. Lavrov in the U.S. today."),
            [
                ("Mr.", false),
                ("Kim", true),
                ("envoy", false),
                ("met", false),
                ("Sergey", false),
                ("V.", false),
                ("Lavrov", false),
                ("in", false),
                ("the", false),
                ("U.S.", false),
                ("today", false),
                (".", false)
            ]
        );
        assert_eq!(
            words("a NATO-backed coalition, al-Assad’s D.P.R.K."),
            [
                ("a", false),
                ("NATO-backed", false),
                ("coalition", false),
                (",", false),
                ("al-Assad", true),
                ("D.P.R.K.", false)
            ]
        );
    }

    #[test]
    fn offsets_are_into_the_whole_text() {
        let text = "Ünal said: “Séoul.”";
        let tokens = tokenize(text, 0, text.len());
        for t in &tokens {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert_eq!(tokens[0].text(text), "Ünal");
        assert_eq!(tokens[4].text(text), "Séoul");
        assert!(acronym("NATO") && acronym("U.N.") && !acronym("Nato") && !acronym("I"));
    }
}
