//! Attribute values as XML 1.0 reads them: references to the five predefined entities and to
//! characters replaced, line breaks and tabs made spaces, any other entity refused. A value
//! that needs none of this is borrowed from the document, not copied; one that does is
//! copied once, run by run.

use std::borrow::Cow;

use memchr::{memchr, memchr3};

/// The value of an attribute as written between its quotes, normalized; an error says what
/// is wrong with it.
pub fn normalized(raw: &str) -> Result<Cow<'_, str>, String> {
    let bytes = raw.as_bytes();
    let Some(mut special) = next_special(bytes, 0) else {
        return Ok(Cow::Borrowed(raw));
    };
    let mut out = String::with_capacity(raw.len());
    let mut at = 0;
    loop {
        out.push_str(&raw[at..special]);
        at = match bytes[special] {
            b'&' => {
                let Some(length) = memchr(b';', &bytes[special..]) else {
                    return Err("a reference ('&…') is not closed by ';'".into());
                };
                let end = special + length;
                expand(&raw[special..=end], &mut out)?;
                end + 1
            }
            // A line break written as CR LF is one break, so one space.
            b'\r' if bytes.get(special + 1) == Some(&b'\n') => {
                out.push(' ');
                special + 2
            }
            _ => {
                out.push(' ');
                special + 1
            }
        };
        match next_special(bytes, at) {
            Some(next) => special = next,
            None => {
                out.push_str(&raw[at..]);
                return Ok(Cow::Owned(out));
            }
        }
    }
}

/// Appends what the reference `&…;` stands for.
fn expand(reference: &str, out: &mut String) -> Result<(), String> {
    let name = &reference[1..reference.len() - 1];
    let c = match name {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        _ if name.starts_with('#') => {
            let resolved = quick_xml::escape::unescape(reference)
                .map_err(|e| format!("a bad character reference: {e}"))?;
            out.push_str(&resolved);
            return Ok(());
        }
        _ => {
            return Err(format!(
                "the entity '{reference}' is not defined; relmap expands only &amp; &lt; &gt; \
                 &quot; &apos; and character references"
            ))
        }
    };
    out.push(c);
    Ok(())
}

/// Where the next byte at or after `from` is one that normalizing changes: `&`, a line break
/// or a tab.
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = &bytes[from..];
    let found = memchr3(b'&', b'\n', b'\r', rest);
    let tab = memchr(b'\t', &rest[..found.unwrap_or(rest.len())]);
    tab.or(found).map(|n| from + n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What quick-xml's own normalization makes of `raw` (the reference for these tests).
    fn by_quick_xml(raw: &str) -> Result<String, ()> {
        let attr = quick_xml::events::attributes::Attribute::from(("a", raw));
        // `from` escapes the value; take the raw bytes instead.
        let attr = quick_xml::events::attributes::Attribute {
            value: Cow::Borrowed(raw.as_bytes()),
            ..attr
        };
        attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(Cow::into_owned)
            .map_err(|_| ())
    }

    #[test]
    fn plain_values_are_borrowed_and_others_are_expanded() {
        assert!(matches!(
            normalized("plain text"),
            Ok(Cow::Borrowed("plain text"))
        ));
        let cases = [
            ("[{&quot;a&quot;:1}]", "[{\"a\":1}]"),
            ("a&amp;b &lt;c&gt; &apos;d&apos;", "a&b <c> 'd'"),
            ("x&#233;&#x4E2D;y", "xé中y"),
            ("one\r\ntwo\nthree\rfour\tfive", "one two three four five"),
            ("&amp;lt;", "&lt;"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalized(raw).as_deref(), Ok(want), "{raw}");
        }
    }

    #[test]
    fn undefined_entities_and_broken_references_are_refused() {
        let e = normalized("a &xxe; b").unwrap_err();
        assert!(e.starts_with("the entity '&xxe;' is not defined"), "{e}");
        assert!(normalized("a & b").is_err());
        assert!(normalized("&#0;").is_err());
        assert!(normalized("&#xZZ;").is_err());
        assert!(normalized("&#1114112;").is_err());
    }

    proptest! {
        /// Whatever the value, the result is quick-xml's: the same text, or an error both
        /// times.
        #[test]
        fn agrees_with_quick_xml(
            parts in proptest::collection::vec(prop_oneof![
                "[a-zé中 ]{0,6}",
                Just("&quot;".to_owned()), Just("&amp;".to_owned()), Just("&lt;".to_owned()),
                Just("&apos;".to_owned()), Just("&gt;".to_owned()), Just("&#65;".to_owned()),
                Just("&#x1F600;".to_owned()), Just("&#0;".to_owned()), Just("&nope;".to_owned()),
                Just("&".to_owned()), Just(";".to_owned()), Just("\r\n".to_owned()),
                Just("\r".to_owned()), Just("\n".to_owned()), Just("\t".to_owned()),
            ], 0..12)
        ) {
            let raw = parts.concat();
            let ours = normalized(&raw).map(Cow::into_owned).map_err(|_| ());
            prop_assert_eq!(ours, by_quick_xml(&raw), "{:?}", raw);
        }
    }
}
