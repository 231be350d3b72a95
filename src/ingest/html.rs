//! HTML to article text with the `scraper` parser (html5ever underneath, as browsers parse):
//! paragraphs kept one to a line, whitespace inside them collapsed, scripts, styles, navigation,
//! headers, footers, asides and forms dropped. The title, outlet, date, URL and author come from
//! the page's meta tags where it has them.

use scraper::{Html, Node, Selector};

use super::input::Meta;

/// A page reduced to its article text and metadata.
pub struct Page {
    pub text: String,
    pub meta: Meta,
}

/// Elements whose content is not the article.
const DROPPED: [&str; 16] = [
    "script", "style", "nav", "header", "footer", "aside", "noscript", "form", "iframe", "svg",
    "button", "template", "select", "object", "menu", "canvas",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 26] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "article",
    "section",
    "main",
    "tr",
    "table",
    "figcaption",
    "figure",
    "pre",
    "dd",
    "dt",
    "hr",
    "address",
    "body",
];

/// The article text and metadata of an HTML page.
pub fn strip(source: &str) -> Page {
    let doc = Html::parse_document(source);
    let meta = metadata(&doc);
    let body = Selector::parse("body").ok();
    let root = body
        .as_ref()
        .and_then(|s| doc.select(s).next())
        .map(|b| *b)
        .unwrap_or_else(|| doc.tree.root());
    let mut text = String::new();
    let mut line = String::new();
    // Depth-first without recursion (deeply nested pages must not overflow the stack): each node
    // is visited on the way in (false) and, for blocks, on the way out (true).
    let mut stack = vec![(root, false)];
    while let Some((node, leaving)) = stack.pop() {
        match node.value() {
            Node::Text(t) if !leaving => push_words(&mut line, t),
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) || e.attr("hidden").is_some() {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    end_paragraph(&mut text, &mut line);
                }
                if !leaving {
                    if block {
                        stack.push((node, true));
                    }
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, false)));
                }
            }
            Node::Document | Node::Fragment if !leaving => {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
    end_paragraph(&mut text, &mut line);
    Page { text, meta }
}

/// Adds a text node's words to the paragraph, whitespace collapsed to single spaces.
fn push_words(line: &mut String, text: &str) {
    let starts_space = text.starts_with(char::is_whitespace);
    let ends_space = text.ends_with(char::is_whitespace);
    let mut words = text.split_whitespace().peekable();
    if words.peek().is_none() {
        if starts_space && !line.is_empty() && !line.ends_with(' ') {
            line.push(' ');
        }
        return;
    }
    if starts_space && !line.is_empty() && !line.ends_with(' ') {
        line.push(' ');
    }
    let mut first = true;
    for word in words {
        if !first {
            line.push(' ');
        }
        line.push_str(word);
        first = false;
    }
    if ends_space {
        line.push(' ');
    }
}

/// Ends the paragraph being built: kept, trimmed, as one line, unless empty.
fn end_paragraph(text: &mut String, line: &mut String) {
    let trimmed = line.trim();
    if !trimmed.is_empty() {
        text.push_str(trimmed);
        text.push('\n');
    }
    line.clear();
}

/// Title, outlet, date, URL and author from the page's meta tags (Open Graph, article and
/// plain names), its `<title>`, its canonical link and its first `<time datetime>`.
fn metadata(doc: &Html) -> Meta {
    let mut meta = Meta::default();
    let mut title_meta = None;
    if let Ok(sel) = Selector::parse("meta") {
        for el in doc.select(&sel) {
            let e = el.value();
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"))
                .unwrap_or("")
                .to_lowercase();
            let Some(content) = e.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            let content = content.to_owned();
            match key.as_str() {
                "og:title" | "twitter:title" | "headline" => {
                    title_meta.get_or_insert(content);
                }
                "og:site_name" | "application-name" | "publisher" if meta.outlet.is_empty() => {
                    meta.outlet = content;
                }
                "article:published_time"
                | "date"
                | "pubdate"
                | "publishdate"
                | "datepublished"
                | "dc.date"
                | "dcterms.created" => {
                    meta.published.get_or_insert(iso_date(&content));
                }
                "og:url" => {
                    meta.url.get_or_insert(content);
                }
                "author" | "article:author" | "byl" | "dc.creator" => {
                    let author = content.trim_start_matches("By ").trim().to_owned();
                    meta.author.get_or_insert(author);
                }
                _ => {}
            }
        }
    }
    let first = |css: &str| {
        Selector::parse(css)
            .ok()
            .and_then(|sel| doc.select(&sel).next())
    };
    meta.title = title_meta
        .or_else(|| first("title").map(|t| t.text().collect::<String>().trim().to_owned()))
        .unwrap_or_default();
    if meta.url.is_none() {
        meta.url = first("link[rel=canonical]")
            .and_then(|l| l.value().attr("href"))
            .map(str::to_owned);
    }
    if meta.published.is_none() {
        meta.published = first("time[datetime]")
            .and_then(|t| t.value().attr("datetime"))
            .map(iso_date);
    }
    meta
}

/// The date part of an ISO 8601 timestamp ("2018-06-03T09:00:00Z" → "2018-06-03"); other text
/// as it is.
fn iso_date(text: &str) -> String {
    let text = text.trim();
    let date = text.split(['T', ' ']).next().unwrap_or(text);
    let b = date.as_bytes();
    let iso = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    if iso {
        date.to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped_to_paragraphs_without_scripts_styles_or_navigation() {
        let page = strip(
            "<!doctype html><html><head><title>Page title</title>\
             <style>p { color: red }</style><script>var x = 1;</script></head>\
             <body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>\
             <header>Site header</header>\
             <article><h1>Kim   meets  Moon</h1>\
             <p>SEOUL &mdash; The two <b>leaders</b> met\n   on Friday.</p>\
             <p>They <i>shook</i> hands.<script>track()</script></p></article>\
             <footer>Copyright</footer></body></html>",
        );
        assert_eq!(
            page.text,
            "Kim meets Moon\nSEOUL — The two leaders met on Friday.\nThey shook hands.\n"
        );
        assert_eq!(page.meta.title, "Page title");
    }

    #[test]
    fn metadata_comes_from_meta_tags() {
        let page = strip(
            r#"<html><head>
            <meta property="og:title" content="North Korea Says Assad Will Visit">
            <meta property="og:site_name" content="The Daily Wire Service">
            <meta property="article:published_time" content="2018-06-03T09:12:00Z">
            <meta property="og:url" content="https://example.org/a">
            <meta name="author" content="By Choe Sang-Hun">
            <title>ignored</title></head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(page.meta.title, "North Korea Says Assad Will Visit");
        assert_eq!(page.meta.outlet, "The Daily Wire Service");
        assert_eq!(page.meta.published.as_deref(), Some("2018-06-03"));
        assert_eq!(page.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(page.meta.author.as_deref(), Some("Choe Sang-Hun"));
    }

    #[test]
    fn a_page_without_body_text_gives_no_text() {
        assert_eq!(strip("<html><head><title>T</title></head></html>").text, "");
        assert_eq!(
            strip("<html><body><script>x()</script><nav>Menu</nav></body></html>").text,
            ""
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let deep = "<div>".repeat(20_000) + "Deep text." + &"</div>".repeat(20_000);
        assert_eq!(strip(&deep).text, "Deep text.\n");
    }
}
