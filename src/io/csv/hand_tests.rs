//! Unit tests of files edited by hand in a spreadsheet: quotes typed beside the excerpts,
//! strengths and weights, Kumu's directions, labels standing for ids, and repeated columns.

use super::tests::{read_all, read_one, write_all};
use super::*;
use crate::io::interop::LOOSE_QUOTES;
use crate::model::{Excerpt, Tie};
use crate::sample::sample_dataset;

/// The sample with one more tie, `t2`, that has no excerpts.
fn sample_with_a_bare_tie() -> Dataset {
    let mut data = sample_dataset();
    let (from, to) = (data.actors[0].id.clone(), data.actors[1].id.clone());
    data.ties.push(Tie {
        id: "t2".into(),
        from,
        to,
        ..Tie::default()
    });
    data
}

/// The connections file rewritten after `edit` changes its cells, as a spreadsheet would.
fn edit_connections(
    files: &mut [(&'static str, Vec<u8>)],
    edit: impl Fn(&[String], &mut Vec<String>),
) {
    let connections = files.iter_mut().find(|(p, _)| *p == "connections").unwrap();
    let text = String::from_utf8(connections.1.clone()).unwrap();
    let table = parse(&text, Path::new("m.connections.csv")).unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&table.header).unwrap();
    for (_, mut row) in table.rows {
        edit(&table.header, &mut row);
        w.write_record(&row).unwrap();
    }
    connections.1 = w.into_inner().unwrap();
}

fn quotes_of(data: &Dataset, tie: &str) -> Vec<String> {
    let tie = data.ties.iter().find(|t| t.id == tie).unwrap();
    tie.excerpts.iter().map(|x| x.quote.clone()).collect()
}

#[test]
fn quotes_typed_beside_the_excerpts_are_added_and_said() {
    let data = sample_with_a_bare_tie();
    let first = data.ties[0].id.clone();
    let mut files = write_all(&data);
    edit_connections(&mut files, |header, row| {
        let quotes = header.iter().position(|h| h == "Quotes").unwrap();
        if row[0] == first {
            row[quotes].push_str("|A second quote");
        } else if row[0] == "t2" {
            assert_eq!(row[quotes], "");
            row[quotes] = "Quote typed for t2".into();
        }
    });
    let back = read_all(&files).unwrap();
    let mut expected = quotes_of(&data, &first);
    expected.push("A second quote".into());
    assert_eq!(quotes_of(&back.data, &first), expected);
    assert_eq!(quotes_of(&back.data, "t2"), ["Quote typed for t2"]);
    // The excerpts that were there are kept as they were, article and offsets.
    let tie = back.data.ties.iter().find(|t| t.id == first).unwrap();
    assert_eq!(
        &tie.excerpts[..data.ties[0].excerpts.len()],
        &data.ties[0].excerpts[..]
    );
    assert_eq!(tie.excerpts.last().unwrap().source, LOOSE_QUOTES);
    let warnings = back.warnings.join("\n");
    assert!(
        warnings.contains(
            "quotes typed into the Quotes column that its Excerpts lack were added as excerpts \
             without their article (2 quotes)"
        ),
        "{warnings}"
    );
}

#[test]
fn a_quote_holding_a_bar_keeps_its_json_list_and_takes_typed_quotes_after_it() {
    let mut data = sample_dataset();
    let x = &mut data.ties[0].excerpts[0];
    *x = Excerpt {
        quote: "A | B".into(),
        source: String::new(),
        start: 0,
        end: 5,
        ..x.clone()
    };
    let mut files = write_all(&data);
    let back = read_all(&files).unwrap();
    assert_eq!(quotes_of(&back.data, &data.ties[0].id)[0], "A | B");
    let n = quotes_of(&back.data, &data.ties[0].id).len();
    edit_connections(&mut files, |header, row| {
        let quotes = header.iter().position(|h| h == "Quotes").unwrap();
        if row[0] == data.ties[0].id {
            assert!(row[quotes].starts_with("[\"A | B\""), "{}", row[quotes]);
            row[quotes].push_str("|Typed");
        }
    });
    let back = read_all(&files).unwrap();
    let quotes = quotes_of(&back.data, &data.ties[0].id);
    assert_eq!(
        (quotes.len(), quotes.last().unwrap().as_str()),
        (n + 1, "Typed")
    );
}

#[test]
fn the_round_trip_adds_nothing_and_says_nothing() {
    let data = sample_with_a_bare_tie();
    let back = read_all(&write_all(&data)).unwrap();
    assert_eq!(back.data.ties, data.ties);
}

const WEIGHTS: &str = "edge weights are not kept: relmap draws a tie as wide as its evidence";

#[test]
fn strengths_and_weights_that_are_not_the_evidence_are_said() {
    let kumu =
        read_one("From,To,Strength,Quotes\nA,B,1,\nA,C,2,one|two\nA,D,3,\nA,F|G,Strong,\nH,I,,\n")
            .unwrap();
    let warnings = kumu.warnings.join("\n");
    assert!(
        warnings.contains(&format!("{WEIGHTS} (1 edge)")),
        "{warnings}"
    );
    assert!(
        warnings.contains(
            "connection strengths that are words are not kept: relmap draws a tie as wide as \
             its evidence (2 edges)"
        ),
        "{warnings}"
    );
    let gephi = read_one("Source,Target,Weight\n1,2,1.0\n2,3,2.5\n3,1,4\n").unwrap();
    assert!(
        gephi.warnings.contains(&format!("{WEIGHTS} (2 edges)")),
        "{:?}",
        gephi.warnings
    );
    // What relmap writes, the number of excerpts, comes back without a word.
    let back = read_all(&write_all(&sample_dataset())).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
}

#[test]
fn a_strength_written_before_quotes_were_typed_is_not_a_lost_weight() {
    let data = sample_dataset();
    let first = data.ties[0].id.clone();
    let mut files = write_all(&data);
    edit_connections(&mut files, |header, row| {
        let quotes = header.iter().position(|h| h == "Quotes").unwrap();
        if row[0] == first {
            row[quotes].push_str("|A second quote");
        }
    });
    let back = read_all(&files).unwrap();
    assert!(
        !back.warnings.iter().any(|w| w.starts_with(WEIGHTS)),
        "{:?}",
        back.warnings
    );
}

#[test]
fn two_elements_with_one_label_and_no_ids_are_refused_by_their_label() {
    let e = read_one("Label,Type\nJohn Smith,person\nAnna,person\nJohn Smith,person\n")
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "t.csv:4:1: a second element labelled 'John Smith' (row 2); without an ID column, \
         labels must be unique"
    );
    // With an ID column, an element whose ID is empty goes by its label.
    let e = read_one("ID,Label\n,Anna\nb,Ben\n,Anna\n")
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "t.csv:4:2: a second element labelled 'Anna' (row 2); an element without an ID goes by \
         its label, which must then be unique"
    );
    let e = read_one("ID,Label\nx,Anna\nx,Ben\n")
        .unwrap_err()
        .to_string();
    assert_eq!(e, "t.csv:3:1: a second element with the ID 'x' (row 2)");
}

#[test]
fn a_repeated_column_says_which_one_is_read() {
    let loaded = read_one("Label,Label,Type\nAnna,Ann,person\n").unwrap();
    assert_eq!(loaded.data.actors[0].name, "Anna");
    assert_eq!(
        loaded.warnings,
        ["element column 'Label' is repeated (row 1, column 2): only column 1 is read (1 element)"]
    );
    let loaded = read_one("From,To,to\nA,B,C\n").unwrap();
    assert_eq!(loaded.data.ties[0].to, "B");
    assert!(
        loaded.warnings.contains(
            &"connection column 'to' is repeated (row 1, column 3): only column 2 is read \
              (1 connection)"
                .to_owned()
        ),
        "{:?}",
        loaded.warnings
    );
    // A column that relmap does not read at all, repeated, is simply not kept.
    let loaded = read_one("Label,Notes,Notes\nAnna,a,b\n").unwrap();
    assert_eq!(
        loaded.warnings,
        ["element column 'Notes' is not kept: relmap has no field for it (2 elements)"]
    );
}

#[test]
fn kumus_directions_are_read_as_kumu_draws_them() {
    let loaded =
        read_one("From,To,Direction\nA,B,directed\nA,C,Undirected\nA,D,mutual\nA,E,\nA,F,MUTUAL\n")
            .unwrap();
    let directed: Vec<bool> = loaded.data.ties.iter().map(|t| t.directed).collect();
    // Kumu draws a connection with no direction as directed.
    assert_eq!(directed, [true, false, false, true, false]);
    assert!(
        loaded.warnings.contains(
            &"mutual connections (arrows at both ends in Kumu) are read as undirected ties \
              (2 connections)"
                .to_owned()
        ),
        "{:?}",
        loaded.warnings
    );
    // No Direction column at all: directed, as in Kumu.
    assert!(read_one("From,To\nA,B\n").unwrap().data.ties[0].directed);
    // Gephi's Type is the direction.
    let gephi = read_one("Source,Target,Type\n1,2,Mutual\n2,3,\n3,1,Undirected\n").unwrap();
    let directed: Vec<bool> = gephi.data.ties.iter().map(|t| t.directed).collect();
    assert_eq!(directed, [false, true, false]);
    assert!(
        gephi
            .warnings
            .contains(&"mutual edges are read as undirected ties (1 edge)".to_owned()),
        "{:?}",
        gephi.warnings
    );
    let e = read_one("From,To,Direction\nA,B,both\n")
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "t.csv:2:3: the direction 'both' is not directed, undirected or mutual"
    );
}
