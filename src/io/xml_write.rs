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
    escape_into(out, value, false, what)
}

/// An attribute value: as [`text`], with quotes escaped and line breaks and tabs kept as
/// references (a reader turns them into spaces otherwise).
pub fn attr(out: &mut String, value: &str, what: &dyn Fn() -> String) -> std::io::Result<()> {
    escape_into(out, value, true, what)
}

fn escape_into(
    out: &mut String,
    value: &str,
    attribute: bool,
    what: &dyn Fn() -> String,
) -> std::io::Result<()> {
    let plain = |c: char| !matches!(c, '&' | '<' | '>' | '"' | '\r' | '\n' | '\t') && c >= ' ';
    if value.chars().all(plain) {
        out.push_str(value);
        return Ok(());
    }
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' | '"' => out.push(c),
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
