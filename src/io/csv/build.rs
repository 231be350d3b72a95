//! Building a map from CSV tables: sources, then elements, then connections, whose ends are found by ID or label (or added, as Kumu does).

use crate::io::gexf::tie_kind_name;
use crate::io::interop::{self, Ids, Notes};
use crate::io::LoadError;
use crate::model::{Actor, Dataset, Point, Source, Tie, TieKind};
use std::collections::HashMap;

use super::cells;
use super::read::Table;

#[derive(Default)]
pub(super) struct Builder {
    pub(super) data: Dataset,
    pub(super) notes: Notes,
    /// The articles written beside quotes.
    pub(super) articles: interop::Articles,
    actors: Ids,
    ties: Ids,
    /// Labels (as written, then lowercased) of the actors, for connections that name them.
    by_label: HashMap<String, String>,
    /// The row each element's ID (or label, when it has no ID) was first read on.
    element_rows: HashMap<String, usize>,
}

impl Builder {
    pub(super) fn sources(&mut self, t: &Table) -> Result<(), LoadError> {
        let col = |names: &[&str]| t.column(names);
        let (id, title, outlet, published, url, author, text) = (
            col(&["ID"]),
            col(&["Title"]),
            col(&["Outlet", "Publisher"]),
            col(&["Published", "Date"]),
            col(&["URL"]),
            col(&["Author"]),
            col(&["Text"]),
        );
        for (line, row) in &t.rows {
            let cell = |c: Option<usize>| c.map(|c| row[c].clone()).unwrap_or_default();
            let optional = |c: Option<usize>| Some(cell(c)).filter(|v| !v.is_empty());
            let source_id = cell(id);
            if source_id.trim().is_empty() {
                return Err(t.error(
                    *line,
                    id.map_or(1, |c| c + 1),
                    "a source without an ID".into(),
                ));
            }
            self.data.sources.push(Source {
                id: source_id,
                title: cell(title),
                outlet: cell(outlet),
                published: optional(published),
                url: optional(url),
                author: optional(author),
                text: cell(text),
            });
        }
        Ok(())
    }

    pub(super) fn elements(&mut self, t: &Table) -> Result<(), LoadError> {
        let label = t.column(&["Label", "Name"]);
        let id = t.column(&["ID", "Id"]);
        let kind = t.column(&["Type", "Kind", "Category"]);
        let description = t.column(&["Description"]);
        let tags = t.column(&["Tags"]);
        let aliases = t.column(&["Aliases", "Alias"]);
        let x = t.column(&["X"]);
        let y = t.column(&["Y"]);
        let known: Vec<usize> = [label, id, kind, description, tags, aliases, x, y]
            .into_iter()
            .flatten()
            .collect();
        for (line, row) in &t.rows {
            let cell = |c: Option<usize>| c.map_or("", |c| row[c].as_str());
            let name = cell(label).trim().to_owned();
            // Without an ID, an element goes by its label, as in Kumu.
            let by_label = cell(id).trim().is_empty();
            let foreign = if by_label {
                name.clone()
            } else {
                cell(id).trim().to_owned()
            };
            if foreign.is_empty() {
                return Err(t.error(
                    *line,
                    label.map_or(1, |c| c + 1),
                    "an element without a label or an ID".into(),
                ));
            }
            let Some(actor_id) = self.actors.add(&foreign, &mut self.notes) else {
                let first = self.element_rows.get(&foreign).copied().unwrap_or_default();
                let message = match (by_label, id) {
                    (false, _) => format!("a second element with the ID '{foreign}' (row {first})"),
                    (true, None) => format!(
                        "a second element labelled '{foreign}' (row {first}); without an ID \
                         column, labels must be unique"
                    ),
                    (true, Some(_)) => format!(
                        "a second element labelled '{foreign}' (row {first}); an element without \
                         an ID goes by its label, which must then be unique"
                    ),
                };
                let at = if by_label { label } else { id };
                return Err(t.error(*line, at.map_or(1, |c| c + 1), message));
            };
            self.element_rows.insert(foreign.clone(), *line);
            let mut actor = Actor {
                id: actor_id.clone(),
                name: if name.is_empty() {
                    foreign.clone()
                } else {
                    name
                },
                ..Actor::default()
            };
            let kind_word = cell(kind);
            if !kind_word.trim().is_empty() {
                match interop::actor_kind_from(kind_word) {
                    Some(k) => actor.kind = k,
                    None => self.notes.add(
                        format!(
                            "element type '{kind_word}' is not one of relmap's: read as 'other'"
                        ),
                        "element",
                    ),
                }
            }
            actor.description = cell(description).to_owned();
            actor.aliases = interop::list_from(cell(aliases));
            for tag in interop::list_from(cell(tags)) {
                if tag.eq_ignore_ascii_case("pinned") {
                    actor.pinned = true;
                } else {
                    self.notes
                        .add("tags other than 'pinned' are not kept", "tag");
                }
            }
            let number = |c: Option<usize>| -> Result<Option<f64>, LoadError> {
                let v = cell(c).trim();
                if v.is_empty() {
                    return Ok(None);
                }
                interop::number(v).map(Some).ok_or_else(|| {
                    t.error(
                        *line,
                        c.map_or(1, |c| c + 1),
                        format!("'{v}' is not a number"),
                    )
                })
            };
            if let (Some(x), Some(y)) = (number(x)?, number(y)?) {
                actor.position = Some(Point::new(x, y));
            }
            for (c, value) in row.iter().enumerate() {
                if !known.contains(&c) && !value.trim().is_empty() {
                    self.notes.add(
                        cells::unread_column_note(t, c, &known, "element"),
                        "element",
                    );
                }
            }
            self.by_label.insert(actor.name.clone(), actor_id.clone());
            self.by_label
                .entry(actor.name.to_lowercase())
                .or_insert_with(|| actor_id.clone());
            self.data.actors.push(actor);
        }
        Ok(())
    }

    /// The actor a connection's end names: by ID, by label, or a new one.
    fn end(&mut self, name: &str) -> String {
        let name = name.trim();
        if let Some(id) = self.actors.get(name) {
            return id.to_owned();
        }
        if let Some(id) = self
            .by_label
            .get(name)
            .or_else(|| self.by_label.get(&name.to_lowercase()))
        {
            return id.clone();
        }
        self.notes.add(
            "connections name elements that the elements file does not have: they were added",
            "element",
        );
        let id = self
            .actors
            .add(name, &mut self.notes)
            .unwrap_or_else(|| name.to_owned());
        self.by_label.insert(name.to_owned(), id.clone());
        self.data.actors.push(Actor {
            id: id.clone(),
            name: name.to_owned(),
            ..Actor::default()
        });
        id
    }

    pub(super) fn connections(&mut self, t: &Table) -> Result<(), LoadError> {
        let from = t.column(&["From", "Source"]);
        let to = t.column(&["To", "Target"]);
        let id = t.column(&["ID", "Id"]);
        let kind = t.column(&["Type", "Kind"]);
        let direction = t.column(&["Direction"]);
        let label = t.column(&["Label"]);
        let strength = t.column(&["Strength", "Weight"]);
        let polarity = t.column(&["Polarity"]);
        let date = t.column(&["Date"]);
        let quotes = t.column(&["Quotes", "Quote"]);
        let excerpts = t.column(&["Excerpts"]);
        let known: Vec<usize> = [
            from, to, id, kind, direction, label, strength, polarity, date, quotes, excerpts,
        ]
        .into_iter()
        .flatten()
        .collect();
        let gephi = t.column(&["Source"]).is_some();
        for (line, row) in &t.rows {
            let cell = |c: Option<usize>| c.map_or("", |c| row[c].as_str());
            let column = |c: Option<usize>| c.map_or(1, |c| c + 1);
            let source = cell(from).trim();
            if source.is_empty() {
                return Err(t.error(*line, column(from), "a connection without a From".into()));
            }
            let targets: Vec<String> = if gephi {
                vec![cell(to).trim().to_owned()]
            } else {
                cell(to).split('|').map(|s| s.trim().to_owned()).collect()
            };
            if targets.iter().all(String::is_empty) {
                return Err(t.error(*line, column(to), "a connection without a To".into()));
            }
            let mut template = Tie::default();
            // Gephi's Type is the direction; Kumu's is the kind.
            let direction_word = if gephi { cell(kind) } else { cell(direction) };
            template.directed = match direction_word.trim().to_lowercase().as_str() {
                "undirected" | "mutual" => false,
                "directed" => true,
                "" => true,
                other => {
                    return Err(t.error(
                        *line,
                        column(if gephi { kind } else { direction }),
                        format!("the direction '{other}' is not directed, undirected or mutual"),
                    ))
                }
            };
            // Kumu draws a mutual connection with arrows at both ends; relmap has no such tie.
            let mutual = direction_word.trim().eq_ignore_ascii_case("mutual");
            let kind_word = if gephi { "" } else { cell(kind).trim() };
            template.label = cell(label).to_owned();
            if !kind_word.is_empty() {
                match interop::tie_kind_from(kind_word) {
                    Some(k) => template.kind = k,
                    None => {
                        template.kind = TieKind::Other;
                        if template.label.is_empty() {
                            template.label = kind_word.to_owned();
                        }
                        self.notes.add(
                            "connection types that are not relmap's are read as 'other', with \
                             the type as the label",
                            "connection",
                        );
                    }
                }
            }
            let polarity_word = cell(polarity);
            match interop::polarity_from(polarity_word) {
                Some(p) => template.polarity = p,
                None => {
                    return Err(t.error(
                        *line,
                        column(polarity),
                        format!(
                            "the polarity '{polarity_word}' is not cooperative, hostile or neutral"
                        ),
                    ))
                }
            }
            let date_word = cell(date).trim();
            if !date_word.is_empty() {
                match interop::date_from(date_word) {
                    Some(d) => template.date = Some(d),
                    None => {
                        return Err(t.error(
                            *line,
                            column(date),
                            format!(
                            "'{date_word}' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or START/END)"
                        ),
                        ))
                    }
                }
            }
            let json = cell(excerpts);
            // How many excerpts the file's Excerpts give, before any typed quotes.
            let mut written = None;
            if !json.trim().is_empty() {
                template.excerpts = interop::excerpts_from(json, &mut self.articles)
                    .map_err(|m| t.error(*line, column(excerpts), m))?;
                written = Some(template.excerpts.len());
                // Quotes typed by hand beside the excerpts are kept too.
                let typed = cells::add_typed_quotes(&mut template.excerpts, cell(quotes));
                for _ in 0..typed {
                    self.notes.add(cells::TYPED_QUOTES, "quote");
                }
            } else {
                // Quotes alone: excerpts without their article.
                template.excerpts = cells::typed_quotes(cell(quotes))
                    .into_iter()
                    .map(cells::loose_excerpt)
                    .collect();
            }
            // Relmap writes a tie's number of excerpts, which a typed quote may have raised.
            let evidence = [
                written.unwrap_or(template.excerpts.len()),
                template.excerpts.len(),
            ];
            let strength_note = cells::strength_note(cell(strength), &evidence);
            for (c, value) in row.iter().enumerate() {
                if !known.contains(&c) && !value.trim().is_empty() {
                    self.notes.add(
                        cells::unread_column_note(t, c, &known, "connection"),
                        "connection",
                    );
                }
            }
            let from_id = self.end(source);
            let several = targets.len() > 1;
            for (k, target) in targets.iter().filter(|t| !t.is_empty()).enumerate() {
                let mut tie = template.clone();
                tie.from = from_id.clone();
                tie.to = self.end(target);
                let foreign = cell(id).trim();
                tie.id = if foreign.is_empty() {
                    self.ties
                        .unique(format!("{}-{}", tie.from, tie_kind_name(tie.kind)))
                } else if several {
                    self.ties.unique(format!("{foreign}-{}", k + 1))
                } else {
                    match self.ties.add(foreign, &mut self.notes) {
                        Some(id) => id,
                        None => {
                            return Err(t.error(
                                *line,
                                column(id),
                                format!("a second connection with the ID '{foreign}'"),
                            ))
                        }
                    }
                };
                if mutual && gephi {
                    self.notes
                        .add("mutual edges are read as undirected ties", "edge");
                } else if mutual {
                    self.notes.add(
                        "mutual connections (arrows at both ends in Kumu) are read as undirected \
                         ties",
                        "connection",
                    );
                }
                if let Some(note) = strength_note {
                    self.notes.add(note, "edge");
                }
                self.data.ties.push(tie);
            }
        }
        Ok(())
    }
}
