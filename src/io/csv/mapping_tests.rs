//! Tests of mapping the columns of a CSV file of no known layout.

use super::*;
use crate::io::csv::parse;
use crate::io::Progress;
use std::path::Path;

fn table(text: &str) -> Table {
    parse(text, Path::new("people.csv")).unwrap()
}

#[test]
fn odd_headers_are_guessed_and_mapped_onto_the_expected_ones() {
    let actors = table("Person,Category,Bio\nKim Jong-un,person,Leader\nDPRK,state,\n");
    assert!(actors.layout().is_none());
    let guess = ColumnMapping::guess(&actors);
    assert_eq!(guess.kind, TableKind::Elements);
    // "Person" reads like no field: Label needs a column.
    assert_eq!(
        guess.problem(&actors).as_deref(),
        Some("choose the column that holds Label")
    );
    let mut mapping = guess.clone();
    mapping.columns[0] = Some(0);
    assert_eq!(mapping.columns[2], Some(1), "Category is the Type");
    assert_eq!(mapping.columns[3], Some(2), "Bio is the Description");
    let mapped = mapping.apply(&actors).unwrap();
    assert_eq!(mapped.header, ["Label", "Type", "Description"]);
    assert_eq!(mapped.rows[1].1, ["DPRK", "state", ""]);
    let loaded = Unmapped {
        tables: vec![mapped],
    }
    .finish()
    .unwrap()
    .unwrap();
    assert_eq!(loaded.data.actors.len(), 2);
    assert_eq!(loaded.data.actors[0].description, "Leader");
}

#[test]
fn ends_of_ties_are_guessed_and_one_column_for_two_fields_is_refused() {
    let ties = table("Origin,Destination,Relation\nA,B,meeting\n");
    let mut mapping = ColumnMapping::guess(&ties);
    assert_eq!(mapping.kind, TableKind::Connections);
    assert_eq!(&mapping.columns[..3], &[Some(0), Some(1), Some(2)]);
    mapping.columns[1] = Some(0);
    assert_eq!(
        mapping.apply(&ties).unwrap_err(),
        "column 'Origin' is chosen for both From and To"
    );
}

#[test]
fn known_layouts_need_no_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.csv");
    std::fs::write(&path, "Label,Type\nKim,person\n").unwrap();
    assert!(read_for_import(&path, &mut Progress::none())
        .unwrap()
        .is_ok());
    std::fs::write(&path, "Who,What\nKim,person\n").unwrap();
    let unmapped = read_for_import(&path, &mut Progress::none())
        .unwrap()
        .unwrap_err();
    assert_eq!(unmapped.first_unknown(), Some(0));
}

#[test]
fn names_and_other_names_are_guessed() {
    let people = table("Name,Also known as\nKim Jong-un,Kim\n");
    let mapping = ColumnMapping::guess(&people);
    assert_eq!(mapping.kind, TableKind::Elements);
    assert_eq!(mapping.columns[0], Some(0), "Name is the Label");
    assert_eq!(mapping.columns[4], Some(1), "Also known as is the Aliases");
    assert_eq!(mapping.problem(&people), None);
}
