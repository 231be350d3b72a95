//! Quotes written with their articles, for the formats that other tools rewrite without
//! relmap's own list of articles (Gephi and networkx drop a GEXF's `<meta>`): each excerpt is
//! written with its article's title, outlet, date, address and author, and a file whose list
//! of articles is gone gets them back, each holding its quotes as its text.

use foldhash::HashMap;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::model::{Certainty, Dataset, Excerpt, Source};

/// An article as written beside a quote: all of a source but its text.
#[derive(Serialize, Deserialize)]
struct ArticleOf<'a> {
    #[serde(borrow, default, skip_serializing_if = "str::is_empty")]
    title: Cow<'a, str>,
    #[serde(borrow, default, skip_serializing_if = "str::is_empty")]
    outlet: Cow<'a, str>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    published: Option<Cow<'a, str>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    url: Option<Cow<'a, str>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    author: Option<Cow<'a, str>>,
}

impl<'a> ArticleOf<'a> {
    fn of(source: &'a Source) -> Self {
        Self {
            title: Cow::Borrowed(&source.title),
            outlet: Cow::Borrowed(&source.outlet),
            published: source.published.as_deref().map(Cow::Borrowed),
            url: source.url.as_deref().map(Cow::Borrowed),
            author: source.author.as_deref().map(Cow::Borrowed),
        }
    }

    fn into_source(self, id: &str) -> Source {
        Source {
            id: id.to_owned(),
            title: self.title.into_owned(),
            outlet: self.outlet.into_owned(),
            published: self.published.map(Cow::into_owned),
            url: self.url.map(Cow::into_owned),
            author: self.author.map(Cow::into_owned),
            text: String::new(),
        }
    }
}

/// An excerpt as written into other formats: the excerpt, and its article when the map has it.
#[derive(Serialize)]
struct ExcerptOut<'a> {
    source: &'a str,
    quote: &'a str,
    start: usize,
    end: usize,
    certainty: Option<Certainty>,
    attributed_to: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<ArticleOf<'a>>,
}

/// An excerpt as read, with the article written beside it, if any.
#[derive(Deserialize)]
struct ExcerptIn<'a> {
    source: String,
    quote: String,
    start: usize,
    end: usize,
    #[serde(default)]
    certainty: Option<Certainty>,
    #[serde(default)]
    attributed_to: Option<String>,
    #[serde(borrow, default)]
    article: Option<ArticleOf<'a>>,
}

/// A map's articles by id, for writing them beside its quotes.
pub struct ArticlesOf<'a>(HashMap<&'a str, &'a Source>);

impl<'a> ArticlesOf<'a> {
    pub fn new(data: &'a Dataset) -> Self {
        Self(data.sources.iter().map(|s| (s.id.as_str(), s)).collect())
    }
}

/// The excerpts of a tie as JSON, each with its article (all of it but its text).
pub fn excerpts_json(excerpts: &[Excerpt], articles: &ArticlesOf) -> String {
    let out: Vec<ExcerptOut> = excerpts
        .iter()
        .map(|x| ExcerptOut {
            source: &x.source,
            quote: &x.quote,
            start: x.start,
            end: x.end,
            certainty: x.certainty,
            attributed_to: x.attributed_to.as_deref(),
            article: articles.0.get(x.source.as_str()).map(|s| ArticleOf::of(s)),
        })
        .collect();
    serde_json::to_string(&out).unwrap_or_default()
}

/// The articles written beside the quotes of a file, by id (their texts empty), the first
/// met of each id.
#[derive(Default)]
pub struct Articles(HashMap<String, Source>);

impl Articles {
    /// The article `id`, taken out, if one was written beside a quote.
    pub fn take(&mut self, id: &str) -> Option<Source> {
        self.0.remove(id)
    }
}

/// The excerpts of a tie from the JSON that relmap writes into other formats; the articles
/// written beside them go into `articles`.
pub fn excerpts_from(text: &str, articles: &mut Articles) -> Result<Vec<Excerpt>, String> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let read: Vec<ExcerptIn> = serde_json::from_str(text)
        .map_err(|e| format!("the excerpts are not a JSON list of excerpts: {e}"))?;
    Ok(read
        .into_iter()
        .map(|x| {
            if let Some(article) = x.article {
                if !articles.0.contains_key(&x.source) {
                    let source = article.into_source(&x.source);
                    articles.0.insert(x.source.clone(), source);
                }
            }
            Excerpt {
                source: x.source,
                quote: x.quote,
                start: x.start,
                end: x.end,
                certainty: x.certainty,
                attributed_to: x.attributed_to,
            }
        })
        .collect())
}
