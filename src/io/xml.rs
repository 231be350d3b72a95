//! What the XML formats (GEXF, GraphML) share: a reader of elements, attributes and text with
//! namespaces resolved and the place of everything (line and column), which never expands an
//! entity other than the five XML predefines and character references, and refuses a document
//! type that declares entities (external entities, "billion laughs"); and the writing of
//! documents, with text and attributes escaped (`xml_write.rs`).

use std::borrow::Cow;
use std::path::Path;
use std::rc::Rc;

use quick_xml::events::attributes::Attributes;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::interop::syntax_at;
use super::{LoadError, Progress};

#[path = "xml_names.rs"]
mod names;
#[path = "xml_values.rs"]
mod values;
#[path = "xml_walk.rs"]
mod walk;
#[path = "xml_write.rs"]
mod write;
pub use write::{attr, attr_single_quoted, text, write_document};

/// A namespace URI, shared by every element in it (one allocation per namespace, not per
/// element).
pub type Ns = Option<Rc<str>>;

/// An element as read: its namespace, local name, attributes and where it starts. Names and
/// values borrow the document; only a value with references or line breaks in it is copied.
#[derive(Debug)]
pub struct Element<'a> {
    /// The namespace URI, if the name is bound to one.
    pub ns: Ns,
    pub name: &'a str,
    pub attrs: Vec<Attr<'a>>,
    /// Byte offset of the `<` that opens it.
    pub offset: usize,
}

#[derive(Debug)]
pub struct Attr<'a> {
    /// The namespace URI of a prefixed attribute (unprefixed attributes have none).
    pub ns: Ns,
    pub name: &'a str,
    pub value: Cow<'a, str>,
}

impl<'a> Element<'a> {
    /// The value of the unprefixed attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns.is_none() && a.name == name)
            .map(|a| &*a.value)
    }

    /// The value of an attribute in namespace `ns`, or unprefixed.
    pub fn attr_any(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == name)
            .map(|a| &*a.value)
    }

    /// Takes the value of the unprefixed attribute `name` out of the element.
    pub fn take_attr(&mut self, name: &str) -> Option<Cow<'a, str>> {
        self.attrs
            .iter_mut()
            .find(|a| a.ns.is_none() && a.name == name)
            .map(|a| std::mem::take(&mut a.value))
    }

    /// Whether this element is `name` in namespace `ns`.
    pub fn is(&self, ns: Option<&str>, name: &str) -> bool {
        self.name == name && self.ns.as_deref() == ns
    }
}

/// One step through a document.
#[derive(Debug)]
pub enum Item<'a> {
    Open(Element<'a>),
    Close,
    /// A run of character data, entities resolved.
    Text(Cow<'a, str>),
    Eof,
}

/// A streaming reader of one document held in memory.
pub struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
    path: &'a Path,
    /// The element just read was empty (`<x/>`): its close comes next.
    close_pending: bool,
    /// Offsets of the open elements (their names are read again from the text when an error
    /// needs one).
    open: Vec<usize>,
    /// The namespace prefixes in scope.
    scopes: names::Scopes<'a>,
    /// Told how far the reader has got, every [`TELL_EVERY_ELEMENTS`] elements.
    progress: Progress<'a>,
    elements: usize,
}

/// How many elements are read between two reports of progress.
const TELL_EVERY_ELEMENTS: usize = 4096;

impl<'a> XmlReader<'a> {
    pub fn new(text: &'a str, path: &'a Path, progress: Progress<'a>) -> Self {
        let mut reader = Reader::from_str(text);
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
            scopes: names::Scopes::default(),
            progress,
            elements: 0,
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
    ) -> Result<Element<'a>, LoadError> {
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

    pub fn step(&mut self) -> Result<Item<'a>, LoadError> {
        self.step_keeping_text(true)
    }

    /// As [`XmlReader::step`], for a caller that skips text: a run of character data comes
    /// back as an empty `Item::Text`, neither copied nor unescaped (references are still
    /// checked).
    pub fn step_over_text(&mut self) -> Result<Item<'a>, LoadError> {
        self.step_keeping_text(false)
    }

    fn step_keeping_text(&mut self, keep_text: bool) -> Result<Item<'a>, LoadError> {
        if self.close_pending {
            self.close_pending = false;
            self.close();
            return Ok(Item::Close);
        }
        loop {
            let before = self.reader.buffer_position() as usize;
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(e) => {
                    let at = self.reader.error_position() as usize;
                    return Err(self.error(at, format!("the XML is malformed: {e}")));
                }
            };
            match event {
                Event::Start(start) => {
                    let element = self.element(&start, before)?;
                    return Ok(Item::Open(element));
                }
                Event::Empty(start) => {
                    let element = self.element(&start, before)?;
                    self.close_pending = true;
                    return Ok(Item::Open(element));
                }
                Event::End(_) => {
                    self.close();
                    return Ok(Item::Close);
                }
                Event::Text(_) if !keep_text => return Ok(Item::Text(Cow::Borrowed(""))),
                Event::Text(text) => {
                    let content = text.xml10_content().map_err(|e| {
                        self.error(before, format!("the text is not readable: {e}"))
                    })?;
                    return Ok(Item::Text(content));
                }
                Event::CData(data) => {
                    let content = data.decode().map_err(|e| {
                        self.error(before, format!("the text is not readable: {e}"))
                    })?;
                    return Ok(Item::Text(content));
                }
                Event::GeneralRef(reference) => {
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
                    return Ok(Item::Text(Cow::Owned(resolved)));
                }
                Event::DocType(doctype) => {
                    let body = String::from_utf8_lossy(&doctype);
                    if body.contains("<!ENTITY") || body.contains("ENTITY") {
                        return Err(self.error(
                            before,
                            "the document type declares entities (<!ENTITY …>); relmap does not \
                             expand declared entities, internal or external, in files it reads",
                        ));
                    }
                }
                Event::Eof => {
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

    /// The element that `start` (at byte `offset`) opens, with the namespaces it declares
    /// in scope until it closes.
    fn element(&mut self, start: &BytesStart, offset: usize) -> Result<Element<'a>, LoadError> {
        // The reader reads from the text, so what it reads is a part of the text.
        let Some(raw) = within(self.text, start) else {
            return Err(self.error(offset, "the element could not be read in place"));
        };
        let name_len = start.name().as_ref().len();
        let (prefix, name) = names::split_name(raw.get(..name_len).unwrap_or_default());
        self.elements += 1;
        if self.elements.is_multiple_of(TELL_EVERY_ELEMENTS) {
            let (done, total) = (offset as u64, self.text.len() as u64);
            self.progress.tell(done, total, self.path)?;
        }
        let depth = self.open.len() + 1;
        self.open.push(offset);
        let mut attrs = Vec::with_capacity(4);
        for attr in Attributes::new(raw, name_len) {
            let attr = attr.map_err(|e| {
                self.error(offset, format!("a malformed attribute in <{name}>: {e}"))
            })?;
            let qname = within(raw, attr.key.as_ref()).unwrap_or_default();
            let value = within(raw, &attr.value)
                .ok_or_else(|| "it is not where it was read".to_owned())
                .and_then(values::normalized)
                .map_err(|e| {
                    self.error(
                        offset,
                        format!("the attribute '{qname}' of <{name}> cannot be read: {e}"),
                    )
                })?;
            // Namespace declarations are not data.
            let declared = self
                .scopes
                .declare(qname, &value, depth)
                .map_err(|e| self.error(offset, e))?;
            if !declared {
                attrs.push(Attr {
                    ns: None,
                    name: qname,
                    value,
                });
            }
        }
        let undeclared = |prefix: &str| format!("the namespace prefix '{prefix}' is not declared");
        let ns = match self.scopes.of_element(prefix) {
            Ok(ns) => ns,
            Err(()) => return Err(self.error(offset, undeclared(prefix))),
        };
        for attr in &mut attrs {
            let (prefix, local) = names::split_name(attr.name);
            match self.scopes.of_attribute(prefix) {
                Ok(ns) => (attr.ns, attr.name) = (ns, local),
                Err(()) => return Err(self.error(offset, undeclared(prefix))),
            }
        }
        Ok(Element {
            ns,
            name,
            attrs,
            offset,
        })
    }

    /// The element just read has closed.
    fn close(&mut self) {
        self.scopes.close(self.open.len());
        self.open.pop();
    }
}

/// `part` as a slice of `whole`, when it is one (None when it lies elsewhere or splits a
/// character).
fn within<'a>(whole: &'a str, part: &[u8]) -> Option<&'a str> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    whole.get(start..start.checked_add(part.len())?)
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
