//! Text as search compares it: words are runs of letters and digits (hyphens, apostrophes and
//! other punctuation split them), folded to lower case without accents ("Dvořák" is "dvorak",
//! "Søren" is "soren", "ß" is "ss"). No egui.

/// The folded form of one character, appended to `out`: lower case, accents and other marks
/// taken off the Latin letters that carry them.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'Ǎ' | 'ǎ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "e"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï'
        | 'ì'..='ï'
        | 'Ĩ'
        | 'ĩ'
        | 'Ī'
        | 'ī'
        | 'Ĭ'
        | 'ĭ'
        | 'Į'
        | 'į'
        | 'İ'
        | 'ı'
        | 'Ǐ'
        | 'ǐ' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' | 'Ǒ' | 'ǒ' => {
            "o"
        }
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų'
        | 'Ǔ'
        | 'ǔ' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// Whether a character belongs to a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of `text`: each its byte range in `text`.
pub fn word_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while chars.next_if(|(_, c)| !is_word_char(*c)).is_some() {}
        let (start, _) = *chars.peek()?;
        let mut end = start;
        while let Some((i, c)) = chars.next_if(|(_, c)| is_word_char(*c)) {
            end = i + c.len_utf8();
        }
        Some((start, end))
    })
}

/// A word folded (see [`fold_char`]).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The folded words of `text`.
pub fn folded_words(text: &str) -> Vec<String> {
    word_ranges(text).map(|(a, b)| fold(&text[a..b])).collect()
}

/// The edit distance between two words when it is at most `limit` (letters added, removed,
/// changed, or two neighbours swapped); `None` when it is more.
pub fn distance_within(a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
    const MAX: usize = 64;
    if a.len().abs_diff(b.len()) > limit || a.len() >= MAX || b.len() >= MAX {
        return None;
    }
    // Optimal string alignment distance, three rows of b.len() + 1 on the stack.
    let width = b.len() + 1;
    let mut before = [0usize; MAX];
    let mut previous = [0usize; MAX];
    let mut current = [0usize; MAX];
    for (j, slot) in previous.iter_mut().enumerate().take(width) {
        *slot = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
        before = previous;
        previous = current;
    }
    let d = previous[b.len()];
    (d <= limit).then_some(d)
}

/// The typos a query word of this many bytes may have: none up to 3, one up to 7, two beyond.
pub fn typos_allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_takes_off_case_and_accents() {
        assert_eq!(fold("Dvořák"), "dvorak");
        assert_eq!(fold("SØREN"), "soren");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łukasz"), "lukasz");
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("Ελλάδα"), "ελλάδα");
    }

    #[test]
    fn words_split_at_hyphens_and_apostrophes() {
        assert_eq!(folded_words("Kim Jong-un"), ["kim", "jong", "un"]);
        assert_eq!(
            folded_words("North Korea’s leader"),
            ["north", "korea", "s", "leader"]
        );
        assert_eq!(
            folded_words("  “al-Assad,” he said. "),
            ["al", "assad", "he", "said"]
        );
        assert_eq!(folded_words(""), Vec::<String>::new());
        let text = "é-b";
        let ranges: Vec<_> = word_ranges(text).collect();
        assert_eq!(ranges, [(0, 2), (3, 4)]);
    }

    #[test]
    fn distances_count_typos_up_to_a_limit() {
        let d = |a: &str, b: &str, l| distance_within(a.as_bytes(), b.as_bytes(), l);
        assert_eq!(d("lavrov", "lavrov", 1), Some(0));
        assert_eq!(d("lavorv", "lavrov", 1), Some(1), "swapped neighbours");
        assert_eq!(d("lavrof", "lavrov", 1), Some(1));
        assert_eq!(d("lavro", "lavrov", 1), Some(1));
        assert_eq!(d("lvrf", "lavrov", 1), None);
        assert_eq!(d("kim", "xi", 1), None);
        assert_eq!(typos_allowed(3), 0);
        assert_eq!(typos_allowed(6), 1);
        assert_eq!(typos_allowed(9), 2);
    }
}
