//! Tests of decoding interchange files in the encoding they name.

use super::*;

const PATH: &str = "t.csv";

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend(pair);
    }
    bytes
}

fn error(bytes: Vec<u8>) -> String {
    decode(bytes, Path::new(PATH)).unwrap_err().to_string()
}

#[test]
fn a_byte_order_mark_names_the_encoding_and_is_dropped() {
    let text = "Label\tType\nKim Jong-un\tPerson\nSeúl\tPlace\n";
    for big_endian in [false, true] {
        let bytes = utf16(text, big_endian);
        assert_eq!(decode(bytes, Path::new(PATH)).unwrap(), text);
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.as_bytes());
    assert_eq!(decode(bytes, Path::new(PATH)).unwrap(), text);
    assert_eq!(
        decode(text.as_bytes().to_vec(), Path::new(PATH)).unwrap(),
        text
    );
}

#[test]
fn an_xml_declaration_names_the_encoding() {
    let mut latin1 = b"<?xml version='1.0' encoding='ISO-8859-1'?>\n<node label='Caf".to_vec();
    latin1.extend(b"\xE9'/>");
    assert_eq!(
        decode(latin1, Path::new(PATH)).unwrap(),
        "<?xml version='1.0' encoding='ISO-8859-1'?>\n<node label='Café'/>"
    );
    let mut cyrillic = b"<?xml version=\"1.0\" encoding = \"windows-1251\" ?><a>".to_vec();
    cyrillic.extend(b"\xCF\xF3\xF2\xE8\xED</a>");
    assert!(decode(cyrillic, Path::new(PATH))
        .unwrap()
        .ends_with("<a>Путин</a>"));
    // A declaration without an encoding, or one that says UTF-8, is UTF-8.
    for head in [
        "<?xml version='1.0'?>",
        "<?xml version='1.0' encoding='utf-8'?>",
    ] {
        let text = format!("{head}<a>Café</a>");
        assert_eq!(
            decode(text.clone().into_bytes(), Path::new(PATH)).unwrap(),
            text
        );
    }
    // Text in an encoding that is only ASCII-compatible cannot be UTF-16, whatever it says.
    let text = "<?xml version='1.0' encoding='UTF-16'?><a>Kim</a>";
    assert_eq!(decode(text.into(), Path::new(PATH)).unwrap(), text);
}

#[test]
fn an_encoding_relmap_does_not_know_is_named() {
    assert_eq!(
        error(b"<?xml version='1.0' encoding='x-klingon'?>\n<a/>".to_vec()),
        "t.csv:1:1: the XML declaration names the encoding 'x-klingon', which relmap does not \
         know; save the file as UTF-8"
    );
}

#[test]
fn bytes_the_encoding_cannot_decode_are_placed() {
    // Undeclared text that is not UTF-8: the first bad byte, as before.
    assert_eq!(
        error(b"Label\nCaf\xE9\n".to_vec()),
        "t.csv:2:4: the file is not UTF-8 text (invalid byte at offset 9); save it as UTF-8 and \
         try again"
    );
    // A lone surrogate in UTF-16, after the mark and one line.
    let mut bytes = utf16("ab\nc", false);
    bytes.extend([0x00, 0xD8, b'd', 0x00]);
    assert_eq!(
        error(bytes),
        "t.csv:2:2: the file is not valid UTF-16LE text, as it says it is (invalid bytes at \
         offset 10)"
    );
    // A Shift_JIS lead byte followed by one that cannot trail it.
    let mut bytes = b"<?xml version='1.0' encoding='Shift_JIS'?>\n<a>".to_vec();
    let at = bytes.len();
    bytes.extend(b"\x81\x7F</a>");
    let message = error(bytes);
    assert_eq!(
        message,
        format!(
            "t.csv:2:4: the file is not valid Shift_JIS text, as it says it is (invalid bytes \
             at offset {at})"
        )
    );
}

#[test]
fn a_declaration_that_never_closes_is_not_read() {
    let text = "<?xml version='1.0' encoding='ISO-8859-1' <a>Kim</a>";
    assert_eq!(declared_encoding(text.as_bytes()), None);
    assert_eq!(
        declared_encoding(b"<?xml encoding='latin1'?>").as_deref(),
        Some("latin1")
    );
    assert_eq!(declared_encoding(b"<?xml encoding=latin1?>"), None);
    assert_eq!(declared_encoding(b"<a encoding='latin1'?>"), None);
}
