//! Writing XML: a document made in one string and written in one go, with text and attribute
//! values escaped, refusing what XML cannot hold.

use crate::io::Progress;
use crate::model::Dataset;

/// Makes a document of `data` with `write` in one string, sized for the map, and then writes
/// it to `output` in one go.
pub fn write_document(
    data: &Dataset,
    output: &mut dyn std::io::Write,
    progress: &mut Progress,
    write: fn(&Dataset, &mut String, &mut Progress) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut out = String::with_capacity(256 + data.ties.len() * 600 + data.actors.len() * 300);
    write(data, &mut out, progress)?;
    output.write_all(out.as_bytes())
}

/// Text as XML character data: markup characters escaped, and a carriage return kept as a
/// reference (a reader would otherwise turn it into a line feed). Characters XML 1.0 cannot
/// hold at all (most control characters) are an error naming `what`.
pub fn text(out: &mut String, value: &str, what: &dyn Fn() -> String) -> std::io::Result<()> {
    escape_into(out, value, None, what)
}

/// An attribute value between double quotes: as [`text`], with double quotes escaped and line
/// breaks and tabs kept as references (a reader turns them into spaces otherwise).
pub fn attr(out: &mut String, value: &str, what: &dyn Fn() -> String) -> std::io::Result<()> {
    escape_into(out, value, Some('"'), what)
}

/// An attribute value between single quotes, as [`attr`] but for the delimiter: double quotes
/// stay as they are, which keeps JSON (all double quotes) short and quick to read.
pub fn attr_single_quoted(
    out: &mut String,
    value: &str,
    what: &dyn Fn() -> String,
) -> std::io::Result<()> {
    escape_into(out, value, Some('\''), what)
}

/// Whether any byte of `bytes` needs escaping (or checking) between `quote`s (0 for text):
/// looked at 32 bytes at a time without stopping early, which the compiler makes into vector
/// instructions.
fn needs_care(bytes: &[u8], quote: u8) -> bool {
    let special =
        |b: u8| (b < b' ') | (b == b'&') | (b == b'<') | (b == b'>') | (b == 0xEF) | (b == quote);
    let mut chunks = bytes.chunks_exact(32);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | special(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| special(b))
}

/// Escapes `value` as text (`delimiter` None) or as an attribute between `delimiter`s.
fn escape_into(
    out: &mut String,
    value: &str,
    delimiter: Option<char>,
    what: &dyn Fn() -> String,
) -> std::io::Result<()> {
    let attribute = delimiter.is_some();
    // Every character that needs care is ASCII but U+FFFE and U+FFFF, whose UTF-8 starts with
    // 0xEF (rare, so any 0xEF takes the slow way).
    if !needs_care(value.as_bytes(), delimiter.map_or(0, |c| c as u8)) {
        out.push_str(value);
        return Ok(());
    }
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if delimiter == Some('"') => out.push_str("&quot;"),
            '\'' if delimiter == Some('\'') => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                return Err(std::io::Error::other(format!(
                    "{} contains the control character U+{:04X}, which XML cannot hold",
                    what(),
                    c as u32
                )))
            }
            c => out.push(c),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::xml::{Item, XmlReader};
    use proptest::prelude::*;
    use std::path::Path;

    fn what() -> String {
        "the test value".into()
    }

    fn escaped(
        value: &str,
        how: fn(&mut String, &str, &dyn Fn() -> String) -> std::io::Result<()>,
    ) -> String {
        let mut out = String::new();
        how(&mut out, value, &what).unwrap();
        out
    }

    /// `value` written as an attribute between double quotes, one between single quotes and
    /// as text, then read back by relmap's XML reader.
    fn read_back(value: &str) -> (String, String, String) {
        let doc = format!(
            "<a d=\"{}\" s='{}'>{}</a>",
            escaped(value, attr),
            escaped(value, attr_single_quoted),
            escaped(value, text)
        );
        let path = Path::new("t.xml");
        let mut reader = XmlReader::new(&doc, path, crate::io::Progress::none());
        let Ok(Item::Open(el)) = reader.step() else {
            panic!("{doc}")
        };
        let (d, s) = (
            el.attr("d").unwrap().to_owned(),
            el.attr("s").unwrap().to_owned(),
        );
        let (content, _) = reader.text_content().unwrap();
        (d, s, content.into_owned())
    }

    #[test]
    fn each_way_escapes_what_it_must_and_nothing_else() {
        let value = "Kim said \"yes\" & 'no' <b>\tthen\r\nleft";
        assert_eq!(
            escaped(value, attr),
            "Kim said &quot;yes&quot; &amp; 'no' &lt;b&gt;&#9;then&#13;&#10;left"
        );
        assert_eq!(
            escaped(value, attr_single_quoted),
            "Kim said \"yes\" &amp; &apos;no&apos; &lt;b&gt;&#9;then&#13;&#10;left"
        );
        assert_eq!(
            escaped(value, text),
            "Kim said \"yes\" &amp; 'no' &lt;b&gt;\tthen&#13;\nleft"
        );
        // Text beyond ASCII, even with 0xEF in its UTF-8 (U+FF71), is written as it is.
        for plain in ["Pyongyang’s envoy", "ｱｲｳ and 中文", "[{\"a\":1}]"] {
            assert_eq!(escaped(plain, text), plain);
        }
    }

    #[test]
    fn a_character_needing_care_is_found_wherever_it_is() {
        for at in 0..100 {
            let mut value = "x".repeat(100);
            value.replace_range(at..=at, "&");
            assert_eq!(escaped(&value, text).len(), 104, "& at {at}");
        }
    }

    #[test]
    fn characters_xml_cannot_hold_are_refused_by_name() {
        for bad in ["a\u{1}b", "a\u{FFFE}", "\u{FFFF}"] {
            let mut out = String::new();
            let e = attr(&mut out, bad, &what).unwrap_err().to_string();
            assert!(
                e.starts_with("the test value contains the control character U+"),
                "{e}"
            );
            let e = text(&mut out, bad, &what).unwrap_err().to_string();
            assert!(e.contains("which XML cannot hold"), "{e}");
        }
    }

    proptest! {
        /// Whatever the text, each way of writing it reads back as it was.
        #[test]
        fn what_is_written_reads_back(
            parts in proptest::collection::vec(prop_oneof![
                "[a-zé中ｱ ]{0,6}",
                Just("\"".to_owned()), Just("'".to_owned()), Just("&".to_owned()),
                Just("<".to_owned()), Just(">".to_owned()), Just("\r\n".to_owned()),
                Just("\r".to_owned()), Just("\n".to_owned()), Just("\t".to_owned()),
                Just("&amp;".to_owned()), Just("]]>".to_owned()),
            ], 0..12)
        ) {
            let value = parts.concat();
            let (d, s, content) = read_back(&value);
            prop_assert_eq!(&d, &value);
            prop_assert_eq!(&s, &value);
            prop_assert_eq!(&content, &value);
        }
    }
}
