//! Walking a document's structure with the XML reader: the next child of the element just
//! opened, its text, skipping it, and what may follow the root element.

use std::borrow::Cow;

use super::{Element, Item, XmlReader};
use crate::io::LoadError;

impl<'a> XmlReader<'a> {
    /// The next child element of the element just opened, or `None` at its close (text
    /// between children is skipped).
    pub fn child(&mut self) -> Result<Option<Element<'a>>, LoadError> {
        loop {
            match self.step_over_text()? {
                Item::Open(el) => return Ok(Some(el)),
                Item::Close | Item::Eof => return Ok(None),
                Item::Text(_) => {}
            }
        }
    }

    /// The text inside the element just opened, up to its close; nested elements are skipped
    /// (their text too), and whether there were any is returned beside the text.
    pub fn text_content(&mut self) -> Result<(Cow<'a, str>, bool), LoadError> {
        // Text in one run (most values) is borrowed from the document where it can be.
        let mut text = Cow::Borrowed("");
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
                Item::Text(t) if depth == 0 && text.is_empty() => text = t,
                Item::Text(t) if depth == 0 => text.to_mut().push_str(&t),
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

    /// Reads what follows the root element `<root>` up to the end: an element there is an
    /// error.
    pub fn end_after(&mut self, root: &str) -> Result<(), LoadError> {
        loop {
            match self.step()? {
                Item::Eof => return Ok(()),
                Item::Open(el) => {
                    let message = format!("an element after the end of <{root}>");
                    return Err(self.error(el.offset, message));
                }
                _ => {}
            }
        }
    }
}
