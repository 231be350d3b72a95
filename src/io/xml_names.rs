//! The namespace prefixes in scope while an XML document is read: what `xmlns` and
//! `xmlns:p` attributes declare, dropped again when their element closes, and the names they
//! resolve.

use std::rc::Rc;

use super::Ns;

/// The URI that the prefix `xml` is bound to in every document.
const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

/// How many declarations may be in scope at once: real documents have a handful, and a file
/// with very many would make every name slow to resolve.
pub const MOST_BINDINGS: usize = 1000;

/// How many namespace URIs are shared; one met after these is copied each time (a file with
/// very many namespaces costs no long search through them all).
const MOST_NAMESPACES: usize = 64;

/// One declaration: `prefix` ("" for the default namespace) means `uri` (None where `xmlns=""`
/// takes the default away) inside the element at `depth`.
struct Binding<'a> {
    prefix: &'a str,
    uri: Ns,
    depth: usize,
}

/// The declarations in scope, innermost last.
#[derive(Default)]
pub struct Scopes<'a> {
    bindings: Vec<Binding<'a>>,
    known: Vec<Rc<str>>,
}

/// A qualified name split at its first colon: (prefix, local name); the prefix is "" when it
/// has none.
pub fn split_name(qname: &str) -> (&str, &str) {
    match qname.bytes().position(|b| b == b':') {
        Some(colon) => (&qname[..colon], &qname[colon + 1..]),
        None => ("", qname),
    }
}

impl<'a> Scopes<'a> {
    /// If the attribute `qname` declares a namespace, binds it inside the element at `depth`
    /// and says so; an error when [`MOST_BINDINGS`] are in scope already.
    pub fn declare(&mut self, qname: &'a str, uri: &str, depth: usize) -> Result<bool, String> {
        // Most attributes are not declarations: the first byte tells.
        if !qname.starts_with('x') {
            return Ok(false);
        }
        let prefix = match qname.strip_prefix("xmlns") {
            Some("") => "",
            Some(rest) => match rest.strip_prefix(':') {
                Some(prefix) => prefix,
                None => return Ok(false),
            },
            None => return Ok(false),
        };
        if self.bindings.len() >= MOST_BINDINGS {
            return Err(format!(
                "more than {MOST_BINDINGS} namespace declarations are in scope here; relmap \
                 reads at most {MOST_BINDINGS}"
            ));
        }
        let uri = (!uri.is_empty()).then(|| self.shared(uri));
        self.bindings.push(Binding { prefix, uri, depth });
        Ok(true)
    }

    /// Drops the declarations of the element at `depth`, which has closed.
    pub fn close(&mut self, depth: usize) {
        while self.bindings.last().is_some_and(|b| b.depth >= depth) {
            self.bindings.pop();
        }
    }

    /// The namespace of an element name with this prefix ("" takes the default namespace);
    /// `Err` for a prefix that is not declared.
    pub fn of_element(&mut self, prefix: &str) -> Result<Ns, ()> {
        // Lengths first: most names have no prefix, and comparing empty strings still calls
        // the C library.
        let same = |b: &&Binding| {
            b.prefix.len() == prefix.len() && (prefix.is_empty() || b.prefix == prefix)
        };
        if let Some(binding) = self.bindings.iter().rev().find(same) {
            return Ok(binding.uri.clone());
        }
        match prefix {
            "" => Ok(None),
            "xml" => Ok(Some(self.shared(XML_NAMESPACE))),
            _ => Err(()),
        }
    }

    /// The namespace of an attribute name with this prefix (an unprefixed attribute has none).
    pub fn of_attribute(&mut self, prefix: &str) -> Result<Ns, ()> {
        if prefix.is_empty() {
            return Ok(None);
        }
        self.of_element(prefix)
    }

    fn shared(&mut self, uri: &str) -> Rc<str> {
        if let Some(found) = self.known.iter().rev().find(|k| ***k == *uri) {
            return Rc::clone(found);
        }
        let new: Rc<str> = Rc::from(uri);
        if self.known.len() < MOST_NAMESPACES {
            self.known.push(Rc::clone(&new));
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use crate::io::xml::{Item, XmlReader};
    use crate::io::Progress;
    use std::path::Path;

    /// Every element of `text` as `{namespace}name` with its attributes the same way, or the
    /// reader's error.
    fn names(text: &str) -> Result<Vec<String>, String> {
        let mut reader = XmlReader::new(text, Path::new("t.xml"), Progress::none());
        let mut out = Vec::new();
        loop {
            match reader.step().map_err(|e| e.to_string())? {
                Item::Open(el) => {
                    let mut line = format!("{{{}}}{}", el.ns.as_deref().unwrap_or(""), el.name);
                    for a in &el.attrs {
                        let ns = a.ns.as_deref().unwrap_or("");
                        line.push_str(&format!(" {{{ns}}}{}={}", a.name, a.value));
                    }
                    out.push(line);
                }
                Item::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    #[test]
    fn declarations_hold_inside_their_element_only() {
        let text = r#"<a xmlns="urn:d" xmlns:p="urn:p"><p:b p:x="1" y="2"><c xmlns="" xmlns:p="urn:q"><p:d/></c><e/></p:b><p:f xml:lang="en"/></a>"#;
        assert_eq!(
            names(text).unwrap(),
            [
                "{urn:d}a",
                "{urn:p}b {urn:p}x=1 {}y=2",
                "{}c",
                "{urn:q}d",
                "{urn:d}e",
                "{urn:p}f {http://www.w3.org/XML/1998/namespace}lang=en",
            ]
        );
    }

    #[test]
    fn declarations_beyond_the_limit_are_refused_and_those_of_closed_elements_do_not_count() {
        let many =
            |n: usize| -> String { (0..n).map(|i| format!(" xmlns:p{i}=\"urn:{i}\"")).collect() };
        let under = format!("<a{}><b{}/></a>", many(600), many(399));
        assert!(names(&under).is_ok());
        let closed = format!("<a><b{}/><c{}/></a>", many(1000), many(1000));
        assert!(names(&closed).is_ok());
        let over = format!("<a{}>\n<b{}/></a>", many(600), many(401));
        let e = names(&over).unwrap_err();
        assert!(
            e.starts_with("t.xml:2:1: more than 1000 namespace declarations are in scope"),
            "{e}"
        );
    }

    #[test]
    fn a_prefix_out_of_scope_is_an_error_with_its_place() {
        let e = names("<a><b xmlns:p=\"urn:p\"/>\n<p:c/></a>").unwrap_err();
        assert_eq!(e, "t.xml:2:1: the namespace prefix 'p' is not declared");
        let e = names("<a q:x=\"1\"/>").unwrap_err();
        assert_eq!(e, "t.xml:1:1: the namespace prefix 'q' is not declared");
    }
}
