//! Characters that show nothing on screen: controls, bidirectional controls, zero-width and other
//! default-ignorable code points. Two ids that differ only by one of them look the same but are
//! different, so ids may not contain them; names and aliases with them get a warning.

use super::{Dataset, Problem, Subject};

/// Whether `c` is invisible: a control character (Unicode category Cc), a line or paragraph
/// separator, or a Default_Ignorable_Code_Point of Unicode 15 (zero-width characters, joiners,
/// bidirectional controls, variation selectors, tags, fillers, the byte order mark).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c as u32,
        0x0000..=0x001F
            | 0x007F..=0x009F
            | 0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x2028..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// The first invisible character of `text`: its position (1-based, in characters) and itself.
pub fn first_invisible(text: &str) -> Option<(usize, char)> {
    // Plain ASCII text has only the control characters to look for.
    if text.is_ascii() {
        return text
            .bytes()
            .position(|b| b < 0x20 || b == 0x7F)
            .map(|i| (i + 1, char::from(text.as_bytes()[i])));
    }
    text.chars()
        .enumerate()
        .find(|&(_, c)| is_invisible(c))
        .map(|(i, c)| (i + 1, c))
}

/// The character as `U+200D ZERO WIDTH JOINER`, with its name where it is a common one.
pub fn describe(c: char) -> String {
    let name = match c {
        '\t' => " (tab)",
        '\n' => " (line feed)",
        '\r' => " (carriage return)",
        '\u{00AD}' => " SOFT HYPHEN",
        '\u{200B}' => " ZERO WIDTH SPACE",
        '\u{200C}' => " ZERO WIDTH NON-JOINER",
        '\u{200D}' => " ZERO WIDTH JOINER",
        '\u{200E}' => " LEFT-TO-RIGHT MARK",
        '\u{200F}' => " RIGHT-TO-LEFT MARK",
        '\u{202A}' => " LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => " RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => " POP DIRECTIONAL FORMATTING",
        '\u{202D}' => " LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => " RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => " WORD JOINER",
        '\u{2066}' => " LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => " RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => " FIRST STRONG ISOLATE",
        '\u{2069}' => " POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => " ZERO WIDTH NO-BREAK SPACE (byte order mark)",
        c if c.is_control() => " (a control character)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// Why an id cannot be used, if it contains an invisible character.
pub fn id_problem(id: &str) -> Option<String> {
    let (at, c) = first_invisible(id)?;
    Some(format!(
        "its id contains an invisible character, {} at character {at} (written out: \"{}\"); \
         ids may not contain invisible, control or bidirectional characters",
        describe(c),
        id.escape_debug()
    ))
}

/// Warnings listed one by one; any more are counted in one last line.
const MAX_WARNINGS: usize = 100;

/// What is worth knowing about a valid dataset without refusing it: actors' names and aliases
/// that contain invisible characters (they look like other names but do not match them).
pub fn warnings(data: &Dataset) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut more = 0;
    for actor in &data.actors {
        let texts = std::iter::once(("name", &actor.name))
            .chain(actor.aliases.iter().map(|alias| ("alias", alias)));
        for (what, text) in texts {
            let Some((at, c)) = first_invisible(text) else {
                continue;
            };
            if found.len() == MAX_WARNINGS {
                more += 1;
            } else {
                found.push(Problem {
                    subject: Subject::Actor(actor.id.clone()),
                    message: format!(
                        "{what} \"{}\" contains an invisible character, {} at character {at}",
                        text.escape_debug(),
                        describe(c)
                    ),
                });
            }
        }
    }
    if more > 0 {
        found.push(Problem {
            subject: Subject::Dataset,
            message: format!("{more} more names or aliases with invisible characters"),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joiners_bidi_controls_and_controls_are_invisible() {
        for c in [
            '\u{200D}',
            '\u{202E}',
            '\u{2066}',
            '\u{FEFF}',
            '\u{0007}',
            '\u{E0041}',
        ] {
            assert!(is_invisible(c), "{}", describe(c));
        }
        for c in ['a', 'é', '김', ' ', '-', '\u{00A0}', '😀'] {
            assert!(!is_invisible(c), "{}", describe(c));
        }
    }

    #[test]
    fn the_first_invisible_character_is_found_by_character_position() {
        assert_eq!(first_invisible("kim"), None);
        assert_eq!(first_invisible("ki\u{200D}m"), Some((3, '\u{200D}')));
        assert_eq!(first_invisible("김\u{200B}"), Some((2, '\u{200B}')));
        assert_eq!(first_invisible("a\tb"), Some((2, '\t')));
    }

    #[test]
    fn an_id_with_a_joiner_is_refused_with_the_character_named() {
        assert_eq!(
            id_problem("kim\u{200D}").unwrap(),
            "its id contains an invisible character, U+200D ZERO WIDTH JOINER at character 4 \
             (written out: \"kim\\u{200d}\"); ids may not contain invisible, control or \
             bidirectional characters"
        );
        assert_eq!(id_problem("kim-jong-un"), None);
    }
}
