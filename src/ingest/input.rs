//! Reading articles: plain text, Markdown or HTML, one file or a folder of them. The text kept is
//! what the reader shows and what excerpt offsets point into: HTML is stripped to its paragraphs
//! (scripts, styles and navigation dropped), Markdown to its words, and line ends are `\n`.
//! Bad input (empty, binary, not UTF-8, too large, HTML with no body) is refused with a message
//! that names the file.

use std::path::{Path, PathBuf};

use super::html;

/// Articles larger than this are refused: a long feature is 100 KiB, a book 1 MiB.
pub const MAX_ARTICLE_BYTES: u64 = 4 * 1024 * 1024;

/// An article as read: its text and what is known of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub text: String,
    pub meta: Meta,
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
}

/// What is known of an article besides its text. Empty strings are unknown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: String,
    pub outlet: String,
    /// ISO 8601 date of publication.
    pub published: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

impl Meta {
    /// Fills what `self` leaves unknown from `other`.
    pub fn or(mut self, other: Meta) -> Meta {
        if self.title.is_empty() {
            self.title = other.title;
        }
        if self.outlet.is_empty() {
            self.outlet = other.outlet;
        }
        self.published = self.published.or(other.published);
        self.url = self.url.or(other.url);
        self.author = self.author.or(other.author);
        self
    }
}

/// How an article's text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{}: cannot read it: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the article is empty", path.display())]
    Empty { path: PathBuf },
    #[error("{}: this is not text (it holds binary data, such as a NUL byte at byte {at})", path.display())]
    Binary { path: PathBuf, at: usize },
    #[error("{}: this is not UTF-8 text (invalid byte at byte {at}); save it as UTF-8 and try again", path.display())]
    NotUtf8 { path: PathBuf, at: usize },
    #[error("{}: the article is {} MiB; relmap ingests articles of at most {} MiB", path.display(), size / (1024 * 1024), MAX_ARTICLE_BYTES / (1024 * 1024))]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: the HTML has no body text to ingest", path.display())]
    NoBody { path: PathBuf },
    #[error("{}: the folder holds no articles (.txt, .md or .html files)", path.display())]
    EmptyFolder { path: PathBuf },
}

/// File name endings read as articles in a folder.
const ARTICLE_EXTENSIONS: [&str; 7] = ["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// The format a file's name says, or failing that its first bytes.
pub fn format_of(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Format::Html,
        "md" | "markdown" => Format::Markdown,
        _ => sniff(text),
    }
}

/// HTML when the text opens with a doctype or an `<html>` tag, plain text otherwise.
fn sniff(text: &str) -> Format {
    let head: String = text
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Reads one article file, or every article in a folder (by name, sorted; not recursive).
pub fn read_path(path: &Path) -> Result<Vec<Article>, InputError> {
    let read_err = |source| InputError::Read {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if !meta.is_dir() {
        return read_file(path).map(|a| vec![a]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(read_err)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase());
            p.is_file() && ext.is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(InputError::EmptyFolder {
            path: path.to_owned(),
        });
    }
    files.iter().map(|f| read_file(f)).collect()
}

/// Reads one article file, checking its size before reading it.
pub fn read_file(path: &Path) -> Result<Article, InputError> {
    use std::io::Read;
    let read_err = |source| InputError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let size = file.metadata().map_err(read_err)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // One byte more than allowed tells a file that grew while being read.
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    let mut article = from_bytes(path, &bytes)?;
    article.path = Some(path.to_owned());
    Ok(article)
}

/// Reads an article from its bytes; `path` names it in messages and gives its format.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Article, InputError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            path: path.to_owned(),
            at,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: path.to_owned(),
        at: e.valid_up_to(),
    })?;
    if let Some(at) = binary_control(text) {
        return Err(InputError::Binary {
            path: path.to_owned(),
            at,
        });
    }
    from_text(path, text)
}

/// Where text holds a control character that text files do not (binary data that happens to be
/// valid UTF-8).
fn binary_control(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .map(|(at, _)| at)
}

/// Reads an article from its text, in the format `path` gives.
pub fn from_text(path: &Path, text: &str) -> Result<Article, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let (body, meta) = match format_of(path, &text) {
        Format::Html => {
            let page = html::strip(&text);
            if page.text.trim().is_empty() {
                return Err(InputError::NoBody {
                    path: path.to_owned(),
                });
            }
            (page.text, page.meta)
        }
        Format::Markdown => markdown(&text),
        Format::Text => (text, Meta::default()),
    };
    if body.trim().is_empty() {
        return Err(InputError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(Article {
        text: body,
        meta,
        path: None,
    })
}

/// Pasted or given text as an article (plain text, or HTML when it looks like a page).
pub fn from_pasted(text: &str) -> Result<Article, InputError> {
    from_text(Path::new("pasted text"), text)
}

/// Markdown reduced to its words: front matter read as metadata, heading marks, emphasis,
/// link targets, images, list bullets and quote marks dropped.
fn markdown(text: &str) -> (String, Meta) {
    let mut meta = Meta::default();
    let mut lines = text.lines().peekable();
    if lines.peek().is_some_and(|l| l.trim() == "---") {
        lines.next();
        for line in lines.by_ref() {
            if line.trim() == "---" {
                break;
            }
            if let Some((key, value)) = line.split_once(':') {
                let value = value.trim().trim_matches('"').to_owned();
                match key.trim().to_lowercase().as_str() {
                    "title" => meta.title = value,
                    "outlet" | "publication" | "site" => meta.outlet = value,
                    "date" | "published" => meta.published = Some(value),
                    "url" | "link" => meta.url = Some(value),
                    "author" | "byline" => meta.author = Some(value),
                    _ => {}
                }
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    for line in lines {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        let mut rest = if in_fence { line } else { trimmed };
        if !in_fence {
            rest = rest.trim_start_matches('#').trim_start();
            while let Some(r) = rest.strip_prefix('>') {
                rest = r.trim_start();
            }
            for bullet in ["- ", "* ", "+ "] {
                if let Some(r) = rest.strip_prefix(bullet) {
                    rest = r;
                }
            }
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            if digits > 0 && rest[digits..].starts_with(". ") {
                rest = &rest[digits + 2..];
            }
        }
        out.push_str(&inline_markdown(rest));
        out.push('\n');
    }
    (out, meta)
}

/// A line of Markdown without images, link targets and emphasis marks.
fn inline_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("![") {
            // An image: dropped with its alt text and target.
            if let Some(end) = link_end(&rest[1..]) {
                rest = &rest[1 + end..];
                continue;
            }
        }
        if c == '[' {
            if let Some(close) = rest.find("](") {
                if let Some(end) = rest[close..].find(')') {
                    out.push_str(&rest[1..close]);
                    rest = &rest[close + end + 1..];
                    continue;
                }
            }
        }
        let emphasis = matches!(c, '*' | '`') || (c == '_' && !word_inside(&out, rest));
        if !emphasis {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The end (after `)`) of a `[text](target)` at the start of `s`.
fn link_end(s: &str) -> Option<usize> {
    let close = s.find("](")?;
    let end = s[close..].find(')')?;
    Some(close + end + 1)
}

/// Whether the `_` at the start of `rest` sits inside a word (snake_case), so is kept.
fn word_inside(before: &str, rest: &str) -> bool {
    let prev = before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let next = rest[1..].chars().next().is_some_and(char::is_alphanumeric);
    prev && next
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
