//! What the XML formats (GEXF, GraphML) share: a reader of elements, attributes and text with
//! namespaces resolved and the place of everything (line and column), which never expands an
//! entity other than the five XML predefines and character references, and refuses a document
//! type that declares entities (external entities, "billion laughs"); and the escaping of
//! written text and attributes (`xml_escape.rs`).

use std::path::Path;
use std::rc::Rc;

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::interop::syntax_at;
use super::LoadError;

#[path = "xml_escape.rs"]
mod escape;
pub use escape::{attr, text};

/// A namespace URI, shared by every element in it (one allocation per namespace, not per
/// element).
pub type Ns = Option<Rc<str>>;

/// An element as read: its namespace, local name, attributes and where it starts.
#[derive(Debug)]
pub struct Element {
    /// The namespace URI, if the name is bound to one.
    pub ns: Ns,
    pub name: String,
    pub attrs: Vec<Attr>,
    /// Byte offset of the `<` that opens it.
    pub offset: usize,
}

#[derive(Debug)]
pub struct Attr {
    /// The namespace URI of a prefixed attribute (unprefixed attributes have none).
    pub ns: Ns,
    /// Shared by the attributes of one name (the first [`MOST_NAMES`] names met).
    pub name: Rc<str>,
    pub value: String,
}

impl Element {
    /// The value of the unprefixed attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns.is_none() && *a.name == *name)
            .map(|a| a.value.as_str())
    }

    /// The value of an attribute in namespace `ns`, or unprefixed.
    pub fn attr_any(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| *a.name == *name)
            .map(|a| a.value.as_str())
    }

    /// Takes the value of the unprefixed attribute `name` out of the element.
    pub fn take_attr(&mut self, name: &str) -> Option<String> {
        self.attrs
            .iter_mut()
            .find(|a| a.ns.is_none() && *a.name == *name)
            .map(|a| std::mem::take(&mut a.value))
    }

    /// Whether this element is `name` in namespace `ns`.
    pub fn is(&self, ns: Option<&str>, name: &str) -> bool {
        self.name == name && self.ns.as_deref() == ns
    }
}

/// One step through a document.
#[derive(Debug)]
pub enum Item {
    Open(Element),
    Close,
    /// A run of character data, entities resolved.
    Text(String),
    Eof,
}

/// A streaming reader of one document held in memory.
pub struct XmlReader<'a> {
    reader: NsReader<&'a [u8]>,
    text: &'a str,
    path: &'a Path,
    /// The element just read was empty (`<x/>`): its close comes next.
    close_pending: bool,
    /// Offsets of the open elements (their names are read again from the text when an error
    /// needs one).
    open: Vec<usize>,
    /// The namespaces met so far.
    namespaces: Vec<Rc<str>>,
    /// The attribute names met so far, up to [`MOST_NAMES`].
    names: Vec<Rc<str>>,
}

/// How many attribute names are shared; names met after these are copied each time (a file
/// with thousands of names costs no search through them all).
pub const MOST_NAMES: usize = 64;

impl<'a> XmlReader<'a> {
    pub fn new(text: &'a str, path: &'a Path) -> Self {
        let mut reader = NsReader::from_str(text);
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        config.expand_empty_elements = false;
        Self {
            reader,
            text,
            path,
            close_pending: false,
            open: Vec::new(),
            namespaces: Vec::new(),
            names: Vec::new(),
        }
    }

    /// How deep in the document the reader is (the open elements).
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// An error at byte `offset`, with its line and column.
    pub fn error(&self, offset: usize, message: impl Into<String>) -> LoadError {
        syntax_at(self.path, self.text, offset, message.into())
    }

    /// The document's root element, which must be `<name>` of the format called `format` in
    /// messages ("GEXF"), in no namespace or one that `known` accepts; `namespaces` says which
    /// those are, for the message about another one.
    pub fn root(
        &mut self,
        format: &str,
        name: &str,
        known: impl Fn(&str) -> bool,
        namespaces: &str,
    ) -> Result<Element, LoadError> {
        let root = loop {
            match self.step()? {
                Item::Open(el) => break el,
                Item::Text(t) if t.trim().is_empty() => {}
                Item::Text(_) => {
                    return Err(self.error(0, "this is not XML: text before the first element"))
                }
                Item::Close | Item::Eof => {
                    let message = format!("this is not {format}: there is no <{name}> element");
                    return Err(self.error(0, message));
                }
            }
        };
        if root.name != name {
            let message = format!(
                "this is not {format}: the document is <{}>, not <{name}>",
                root.name
            );
            return Err(self.error(root.offset, message));
        }
        if let Some(ns) = root.ns.as_deref().filter(|ns| !known(ns)) {
            let message = format!(
                "<{name}> is in the namespace '{ns}', which is not {format}'s ({namespaces})"
            );
            return Err(self.error(root.offset, message));
        }
        Ok(root)
    }

    pub fn step(&mut self) -> Result<Item, LoadError> {
        self.step_keeping_text(true)
    }

    /// As [`XmlReader::step`], for a caller that skips text: a run of character data comes
    /// back as an empty `Item::Text`, neither copied nor unescaped (references are still
    /// checked).
    pub fn step_over_text(&mut self) -> Result<Item, LoadError> {
        self.step_keeping_text(false)
    }

    fn step_keeping_text(&mut self, keep_text: bool) -> Result<Item, LoadError> {
        if self.close_pending {
            self.close_pending = false;
            self.open.pop();
            return Ok(Item::Close);
        }
        loop {
            let before = self.reader.buffer_position() as usize;
            let event = match self.reader.read_resolved_event() {
                Ok((ns, event)) => (namespace(&ns, &mut self.namespaces), event),
                Err(e) => {
                    let at = self.reader.error_position() as usize;
                    return Err(self.error(at, format!("the XML is malformed: {e}")));
                }
            };
            match event {
                (ns, Event::Start(start)) => {
                    let element = self.element(ns, &start, before)?;
                    self.open.push(before);
                    return Ok(Item::Open(element));
                }
                (ns, Event::Empty(start)) => {
                    let element = self.element(ns, &start, before)?;
                    self.open.push(before);
                    self.close_pending = true;
                    return Ok(Item::Open(element));
                }
                (_, Event::End(_)) => {
                    self.open.pop();
                    return Ok(Item::Close);
                }
                (_, Event::Text(_)) if !keep_text => return Ok(Item::Text(String::new())),
                (_, Event::Text(text)) => {
                    let content = text.xml10_content().map_err(|e| {
                        self.error(before, format!("the text is not readable: {e}"))
                    })?;
                    return Ok(Item::Text(content.into_owned()));
                }
                (_, Event::CData(data)) => {
                    let content = data.decode().map_err(|e| {
                        self.error(before, format!("the text is not readable: {e}"))
                    })?;
                    return Ok(Item::Text(content.into_owned()));
                }
                (_, Event::GeneralRef(reference)) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => {
                            let name = String::from_utf8_lossy(&reference).into_owned();
                            match quick_xml::escape::resolve_predefined_entity(&name) {
                                Some(text) => text.to_owned(),
                                None => {
                                    return Err(self.error(
                                        before,
                                        format!(
                                            "the entity '&{name};' is not defined; relmap expands \
                                             only &amp; &lt; &gt; &quot; &apos; and character \
                                             references"
                                        ),
                                    ))
                                }
                            }
                        }
                        Err(e) => {
                            return Err(
                                self.error(before, format!("a bad character reference: {e}"))
                            )
                        }
                    };
                    return Ok(Item::Text(resolved));
                }
                (_, Event::DocType(doctype)) => {
                    let body = String::from_utf8_lossy(&doctype);
                    if body.contains("<!ENTITY") || body.contains("ENTITY") {
                        return Err(self.error(
                            before,
                            "the document type declares entities (<!ENTITY …>); relmap does not \
                             expand declared entities, internal or external, in files it reads",
                        ));
                    }
                }
                (_, Event::Eof) => {
                    if let Some(&offset) = self.open.last() {
                        let name = name_at(self.text, offset);
                        let message = format!(
                            "the file ends inside <{name}>, which opens here: it looks cut short"
                        );
                        return Err(self.error(offset, message));
                    }
                    return Ok(Item::Eof);
                }
                // Declarations, comments and processing instructions carry no data.
                _ => {}
            }
        }
    }

    fn element(
        &mut self,
        ns: Result<Ns, String>,
        start: &quick_xml::events::BytesStart,
        offset: usize,
    ) -> Result<Element, LoadError> {
        let ns = ns.map_err(|prefix| {
            self.error(
                offset,
                format!("the namespace prefix '{prefix}' is not declared"),
            )
        })?;
        let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
        let mut attrs = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(|e| {
                self.error(offset, format!("a malformed attribute in <{name}>: {e}"))
            })?;
            let key = attr.key;
            // Namespace declarations are not data.
            if key.as_namespace_binding().is_some() {
                continue;
            }
            let (resolved, local) = self.reader.resolver().resolve_attribute(key);
            let attr_ns = match namespace(&resolved, &mut self.namespaces) {
                Ok(ns) => ns,
                Err(prefix) => {
                    return Err(self.error(
                        offset,
                        format!("the namespace prefix '{prefix}' is not declared"),
                    ))
                }
            };
            let local = shared_name(local.as_ref(), &mut self.names);
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| {
                    self.error(
                        offset,
                        format!("the attribute '{local}' of <{name}> cannot be read: {e}"),
                    )
                })?;
            attrs.push(Attr {
                ns: attr_ns,
                name: local,
                value: value.into_owned(),
            });
        }
        Ok(Element {
            ns,
            name,
            attrs,
            offset,
        })
    }

    /// The text inside the element just opened, up to its close; nested elements are skipped
    /// (their text too), and whether there were any is returned beside the text.
    pub fn text_content(&mut self) -> Result<(String, bool), LoadError> {
        let mut text = String::new();
        let mut nested = false;
        let mut depth = 0usize;
        loop {
            match self.step()? {
                Item::Open(_) => {
                    nested = true;
                    depth += 1;
                }
                Item::Close if depth == 0 => return Ok((text, nested)),
                Item::Close => depth -= 1,
                Item::Text(t) if depth == 0 => text.push_str(&t),
                Item::Text(_) => {}
                Item::Eof => return Ok((text, nested)),
            }
        }
    }

    /// Skips what is left of the element just opened, up to its close.
    pub fn skip(&mut self) -> Result<(), LoadError> {
        let mut depth = 0usize;
        loop {
            match self.step_over_text()? {
                Item::Open(_) => depth += 1,
                Item::Close if depth == 0 => return Ok(()),
                Item::Close => depth -= 1,
                Item::Text(_) => {}
                Item::Eof => return Ok(()),
            }
        }
    }
}

/// An attribute name, shared with earlier attributes of that name.
fn shared_name(bytes: &[u8], known: &mut Vec<Rc<str>>) -> Rc<str> {
    if let Some(found) = known.iter().find(|k| k.as_bytes() == bytes) {
        return Rc::clone(found);
    }
    let new: Rc<str> = Rc::from(String::from_utf8_lossy(bytes).as_ref());
    if known.len() < MOST_NAMES {
        known.push(Rc::clone(&new));
    }
    new
}

/// The name of the element whose `<` is at `offset` (for messages).
fn name_at(text: &str, offset: usize) -> &str {
    let rest = text.get(offset + 1..).unwrap_or("");
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(rest.len());
    let name = &rest[..end];
    name.rsplit(':').next().unwrap_or(name)
}

/// The namespace URI of a resolved name; an unknown prefix is an error naming it.
fn namespace(ns: &ResolveResult, known: &mut Vec<Rc<str>>) -> Result<Ns, String> {
    match ns {
        ResolveResult::Bound(ns) => {
            let bytes = ns.as_ref();
            if let Some(found) = known.iter().find(|k| k.as_bytes() == bytes) {
                return Ok(Some(Rc::clone(found)));
            }
            let new: Rc<str> = Rc::from(String::from_utf8_lossy(bytes).as_ref());
            known.push(Rc::clone(&new));
            Ok(Some(new))
        }
        ResolveResult::Unbound => Ok(None),
        ResolveResult::Unknown(prefix) => Err(String::from_utf8_lossy(prefix).into_owned()),
    }
}
