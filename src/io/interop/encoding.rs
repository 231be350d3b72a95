//! The text of an interchange file in the encoding the file itself names: a byte order mark
//! (UTF-8, UTF-16 little or big endian, as Excel's "Unicode text" is written) or, for XML, the
//! `encoding` of its declaration (ISO-8859-1, windows-1252 and the other encodings of the
//! WHATWG list). A file that names none is UTF-8. Bytes the encoding cannot decode are an
//! error with their place; nothing is replaced or guessed.

use std::path::Path;

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::io::LoadError;

/// How far into a file its XML declaration may end.
const DECLARATION_WITHIN: usize = 256;

/// The encoding `bytes` name for themselves and how many bytes of byte order mark to skip.
/// An encoding the file names that relmap does not know is an error.
fn named_encoding(bytes: &[u8], path: &Path) -> Result<(&'static Encoding, usize), LoadError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok((encoding, bom));
    }
    let Some(label) = declared_encoding(bytes) else {
        return Ok((UTF_8, 0));
    };
    match Encoding::for_label(label.as_bytes()) {
        // The declaration was read as ASCII, so the file is not UTF-16 whatever it says.
        Some(encoding) if encoding == UTF_16LE || encoding == UTF_16BE => Ok((UTF_8, 0)),
        Some(encoding) => Ok((encoding, 0)),
        None => Err(LoadError::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: format!(
                "the XML declaration names the encoding '{label}', which relmap does not know; \
                 save the file as UTF-8"
            ),
        }),
    }
}

/// The `encoding` of an XML declaration at the start of `bytes`, if there is one.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(DECLARATION_WITHIN)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(&head[..end]).ok()?;
    let after = &declaration[declaration.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &after[1..];
    Some(value[..value.find(quote)?].trim().to_owned())
}

/// `bytes` as text, decoded from the encoding they name (UTF-8 when they name none), without
/// the byte order mark.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    let (encoding, bom) = named_encoding(&bytes, path)?;
    if encoding == UTF_8 {
        return utf8(bytes, bom, path);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let input = &bytes[bom..];
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(input.len())
        .unwrap_or(usize::MAX);
    let mut text = String::new();
    text.try_reserve_exact(capacity)
        .map_err(|_| not_decoded(path, "", input.len(), encoding))?;
    let (result, read) = decoder.decode_to_string_without_replacement(input, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, unread) => {
            let at = read - usize::from(bad) - usize::from(unread);
            Err(not_decoded(path, &text, bom + at, encoding))
        }
        DecoderResult::OutputFull => Err(not_decoded(path, &text, bom + read, encoding)),
    }
}

/// `bytes` as UTF-8 text without its byte order mark, if it has one, or the place of the
/// first byte that is not UTF-8 (its offset counted in the file, mark included).
pub fn utf8_text(bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    utf8(bytes, bom, path)
}

/// `bytes` after the byte order mark as UTF-8 text, or the place of the first byte that is not.
fn utf8(mut bytes: Vec<u8>, bom: usize, path: &Path) -> Result<String, LoadError> {
    bytes.drain(..bom);
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..offset]);
        let (line, column) = place_after(&before);
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line,
            column,
            offset: bom + offset,
        }
    })
}

/// The error for bytes at `offset` that `encoding` cannot decode, placed after `decoded`.
fn not_decoded(
    path: &Path,
    decoded: &str,
    offset: usize,
    encoding: &'static Encoding,
) -> LoadError {
    let (line, column) = place_after(decoded);
    LoadError::Syntax {
        path: path.to_owned(),
        line,
        column,
        message: format!(
            "the file is not valid {} text, as it says it is (invalid bytes at offset {offset})",
            encoding.name()
        ),
    }
}

/// The line and column (from 1, in characters) just after `text`.
fn place_after(text: &str) -> (usize, usize) {
    let line = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = text.rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..].chars().count() + 1)
}

#[cfg(test)]
#[path = "encoding_tests.rs"]
mod tests;
