//! Tests of the first operand: which arguments are refused, and what the refusal says.

use super::*;
use clap::CommandFactory;

fn built() -> clap::Command {
    let mut cmd = crate::cli::Cli::command();
    cmd.build();
    cmd
}

fn args(list: &[&str]) -> Vec<OsString> {
    std::iter::once("relmap")
        .chain(list.iter().copied())
        .map(OsString::from)
        .collect()
}

#[test]
fn the_subcommands_come_from_clap_without_hidden_ones_or_help() {
    assert_eq!(
        subcommand_names(&built()),
        ["check", "sample", "generate", "ingest", "layout", "convert", "render"]
    );
    let mut cmd = clap::Command::new("x")
        .subcommand(clap::Command::new("shown"))
        .subcommand(clap::Command::new("secret").hide(true));
    cmd.build();
    assert_eq!(subcommand_names(&cmd), ["shown"]);
}

#[test]
fn a_mistyped_subcommand_is_refused_with_a_suggestion() {
    let message = unknown_subcommand(&built(), &args(&["chek", "map.relmap.json"]));
    assert_eq!(
        message.as_deref(),
        Some(
            "relmap: 'chek' is not a subcommand, and no file 'chek' exists\n  did you mean \
             'check'?\n  subcommands: check, sample, generate, ingest, layout, convert, render\n  a file whose name \
             looks like a subcommand, or that does not exist yet, is given after '--': relmap \
             -- chek\n\nFor more information, try '--help'.\n"
        )
    );
}

#[test]
fn a_word_far_from_every_subcommand_gets_no_suggestion() {
    let message = unknown_subcommand(&built(), &args(&["frobnicate"])).unwrap_or_default();
    assert!(message.starts_with("relmap: 'frobnicate' is not a subcommand"));
    assert!(!message.contains("did you mean"), "{message}");
    assert!(
        message.contains("subcommands: check, sample, generate, ingest, layout, convert, render")
    );
}

#[test]
fn a_missing_path_is_named_as_a_file() {
    let message = unknown_subcommand(
        &built(),
        &args(&["--select", "kim", "maps/new.relmap.json"]),
    )
    .unwrap_or_default();
    assert!(
        message.starts_with("relmap: no file 'maps/new.relmap.json' exists\n"),
        "{message}"
    );
    assert!(message.contains("relmap -- maps/new.relmap.json"));
    let odd = unknown_subcommand(&built(), &args(&["my map"])).unwrap_or_default();
    assert!(odd.contains("relmap -- FILE"), "{odd}");
}

#[test]
fn subcommands_existing_files_and_files_after_double_dash_pass() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chek");
    std::fs::write(&file, "{}").unwrap();
    let cmd = built();
    let pass = [
        args(&[]),
        args(&["check"]),
        args(&["layout", "x", "-o", "y"]),
        args(&["help"]),
        args(&["--", "chek"]),
        args(&["--select", "chek"]),
        args(&["--select=kim", "--", "chek"]),
        args(&["--help"]),
        args(&["-V"]),
        args(&["--bogus", "chek"]),
    ];
    for a in pass {
        assert_eq!(unknown_subcommand(&cmd, &a), None, "{a:?}");
    }
    let existing = vec![OsString::from("relmap"), file.into_os_string()];
    assert_eq!(unknown_subcommand(&cmd, &existing), None);
    assert!(unknown_subcommand(&cmd, &args(&["--select=kim", "chek"])).is_some());
    assert!(unknown_subcommand(&cmd, &args(&["--read", "chek", "--", "x"])).is_some());
    assert!(unknown_subcommand(&cmd, &args(&["-", "x"])).is_some());
}

#[test]
fn nearest_takes_typos_and_leaves_other_words() {
    let names: Vec<String> = ["check", "sample", "generate", "layout"]
        .map(String::from)
        .to_vec();
    for (typed, want) in [
        ("chek", Some("check")),
        ("chekc", Some("check")),
        ("Check", Some("check")),
        ("smaple", Some("sample")),
        ("sampel", Some("sample")),
        ("genrate", Some("generate")),
        ("generat", Some("generate")),
        ("layot", Some("layout")),
        ("lay", None),
        ("chess", None),
        ("map", None),
        ("", None),
    ] {
        assert_eq!(nearest(typed, &names), want, "{typed}");
    }
}

#[test]
fn edit_distance_counts_each_kind_of_edit() {
    let d = |a: &str, b: &str| {
        edit_distance(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
        )
    };
    assert_eq!(d("check", "check"), 0);
    assert_eq!(d("chek", "check"), 1);
    assert_eq!(d("checkk", "check"), 1);
    assert_eq!(d("chack", "check"), 1);
    assert_eq!(d("cehck", "check"), 1);
    assert_eq!(d("", "check"), 5);
    assert_eq!(d("kitten", "sitting"), 3);
}
