//! Unit tests of sentence splitting: the hard cases of news text, with byte offsets kept.

use super::*;

fn texts(text: &str) -> Vec<&str> {
    split(text).iter().map(|s| s.text(text)).collect()
}

#[test]
fn honorifics_and_abbreviations_do_not_end_sentences() {
    assert_eq!(
        texts("Mr. Kim met Mr. Moon. The U.S. was not invited. It said so."),
        [
            "Mr. Kim met Mr. Moon.",
            "The U.S. was not invited.",
            "It said so."
        ]
    );
    assert_eq!(
        texts("Ties with the D.P.R.K. leadership grew. Then they cooled."),
        [
            "Ties with the D.P.R.K. leadership grew.",
            "Then they cooled."
        ]
    );
}

#[test]
fn initials_inside_names_do_not_end_sentences() {
    assert_eq!(
        texts("He hosted Sergey V. Lavrov, the foreign minister. Perhaps, said Jonathan D. Pollack, it works."),
        [
            "He hosted Sergey V. Lavrov, the foreign minister.",
            "Perhaps, said Jonathan D. Pollack, it works."
        ]
    );
}

#[test]
fn a_quotation_ending_a_sentence_ends_it_inside_the_quote_marks() {
    assert_eq!(
        texts("“I am going to visit,” he said. “It is not a good P.R. move.” Mr. Kim agreed."),
        [
            "“I am going to visit,” he said.",
            "“It is not a good P.R. move.”",
            "Mr. Kim agreed."
        ]
    );
    assert_eq!(
        texts("She called it \"a disgrace.\" Nobody answered."),
        ["She called it \"a disgrace.\"", "Nobody answered."]
    );
    assert_eq!(
        texts("\"It works,\" he said. \"Nobody doubts it.\""),
        ["\"It works,\" he said.", "\"Nobody doubts it.\""]
    );
}

#[test]
fn no_before_a_number_does_not_end_a_sentence() {
    assert_eq!(
        texts("He was No. 2 in the party. No. 3 resigned."),
        ["He was No. 2 in the party.", "No. 3 resigned."]
    );
}

#[test]
fn offsets_are_utf8_byte_offsets_into_the_text() {
    let text =
        "Séoul — Mr. Kim’s envoy arrived. “Bienvenue,” said Mr. Moon.\n\nDürer’s portrait sold.";
    let sentences = split(text);
    assert_eq!(sentences.len(), 3);
    for s in &sentences {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
    assert_eq!(sentences[0].text(text), "Séoul — Mr. Kim’s envoy arrived.");
    assert_eq!(sentences[2].text(text), "Dürer’s portrait sold.");
    assert_eq!(sentences[2].paragraph, 1);
}

#[test]
fn each_line_of_a_pasted_article_is_a_paragraph() {
    let text = "Headline Without a Stop\nTOKYO — The first sentence. The second\nA new paragraph.";
    assert_eq!(
        texts(text),
        [
            "Headline Without a Stop",
            "TOKYO — The first sentence.",
            "The second",
            "A new paragraph."
        ]
    );
}

#[test]
fn hard_wrapped_lines_join_into_paragraphs() {
    let text = "The minister said on Monday that the talks\n\
                would resume in the spring, after the\n\
                elections. Officials agreed.\n\
                \n\
                A second paragraph starts here and\n\
                it goes on.\n";
    assert_eq!(
        texts(text),
        [
            "The minister said on Monday that the talks\nwould resume in the spring, after the\nelections.",
            "Officials agreed.",
            "A second paragraph starts here and\nit goes on."
        ]
    );
}

#[test]
fn empty_and_blank_texts_have_no_sentences() {
    assert!(split("").is_empty());
    assert!(split(" \n\n \t\n").is_empty());
}
