//! Robustness: ingest and the sentence splitter on many pseudo-random inputs full of markup,
//! entities, quotes and multi-byte characters must never panic, and the sentence spans must
//! always be ordered, non-overlapping, trimmed, on char boundaries and cover every non-blank
//! character.

use chronoscope::ingest;
use chronoscope::text::sentences;
use std::path::Path;

mod common;
use common::Rng;

const PIECES: &[&str] = &[
    "The",
    "attack",
    "attackThe",
    "Mr.",
    "U.S.",
    "p.m.",
    "No.",
    "5",
    "3.5",
    ".",
    "!",
    "?",
    "…",
    "\"",
    "“",
    "”",
    "’",
    "'",
    "(",
    ")",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\u{a0}",
    "é",
    "Zoë",
    "日本",
    "&amp;",
    "&",
    "&#38;",
    "&bogus;",
    "<p>",
    "</p>",
    "<div>",
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020\">",
    "</TIMEX3>",
    "<script>",
    "</script>",
    "<",
    ">",
    "# ",
    "**",
    "*",
    "_",
    "[link](http://x)",
    "![img](y)",
    "`",
    "```",
    "> ",
    "- ",
    "1. ",
    "\r\n",
    "\r",
    "<TEXT>",
    "</TEXT>",
    "<br>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "=",
    "---",
    "McDonald",
    "iPhone",
    "Jan.",
];

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..pieces {
        s.push_str(rng.pick(PIECES));
    }
    s
}

fn check_spans(text: &str) {
    let spans = sentences::split(text);
    let mut covered = vec![false; text.len()];
    let mut previous_end = 0;
    for span in &spans {
        assert!(span.start < span.end && span.end <= text.len(), "bad span {span:?} in {text:?}");
        assert!(span.start >= previous_end, "overlap at {span:?} in {text:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{span:?} in {text:?}");
        let sentence = &text[span.start..span.end];
        assert_eq!(sentence, sentence.trim(), "untrimmed {span:?} in {text:?}");
        covered[span.start..span.end].iter_mut().for_each(|c| *c = true);
        previous_end = span.end;
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "{c:?} at {i} not in any sentence of {text:?}");
    }
}

#[test]
fn random_inputs_never_panic_and_spans_hold_their_invariants() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..1500 {
        let len = 1 + (rng.next() % 60) as usize;
        let body = random_text(&mut rng, len);
        check_spans(&body);
        for ext in ["txt", "md", "html", "tml", "bin"] {
            let name = format!("random{round}.{ext}");
            let wrapped = if ext == "tml" { format!("<TimeML><TEXT>{body}</TEXT></TimeML>") } else { body.clone() };
            if let Ok(doc) = ingest::from_bytes(Path::new(&name), wrapped.as_bytes()) {
                check_spans(&doc.text);
                assert!(!doc.text.trim().is_empty());
            }
            let _ = ingest::parse_timeml_gold(Path::new(&name), wrapped.as_bytes());
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(12345);
    for _ in 0..500 {
        let len = (rng.next() % 300) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() % 256) as u8).collect();
        for ext in ["txt", "md", "html", "tml"] {
            let _ = ingest::from_bytes(Path::new(&format!("x.{ext}")), &bytes);
        }
    }
}

#[test]
fn gold_offsets_always_point_at_the_gold_text() {
    let mut rng = Rng(777);
    let mut checked = 0;
    for _ in 0..800 {
        // Well-formed TimeML: safe text pieces and balanced TIMEX3 / EVENT elements.
        const SAFE: &[&str] = &["Zoë", "日本", " ", "\n", "&amp;", "&lt;", "&#38;", "&#x263A;", "’", "5", ".", "word"];
        let mut body = String::new();
        for _ in 0..1 + rng.next() % 30 {
            match rng.next() % 4 {
                0 => body.push_str(&format!(
                    "<TIMEX3 tid=\"t{}\" type=\"DATE\" value=\"X\">{}{}</TIMEX3>",
                    rng.next() % 9,
                    rng.pick(SAFE),
                    rng.pick(SAFE)
                )),
                1 => body.push_str(&format!("<EVENT eid=\"e1\">{}</EVENT>", rng.pick(SAFE))),
                _ => body.push_str(rng.pick(SAFE)),
            }
        }
        let xml = format!("<TimeML><TEXT>{body}</TEXT></TimeML>");
        if let Ok((doc, gold)) = ingest::parse_timeml_gold(Path::new("g.tml"), xml.as_bytes()) {
            let chars: Vec<char> = doc.text.chars().collect();
            for g in gold {
                assert!(g.start < g.end && g.end <= chars.len());
                assert_eq!(chars[g.start..g.end].iter().collect::<String>(), g.text);
                checked += 1;
            }
        }
    }
    assert!(checked > 10, "only {checked} gold TIMEX3s were generated; the test checks nothing");
}

/// Regression: a FIFO input was read whole before the size check, and one with no writer blocked
/// the run forever so later files never loaded. It is now refused from its file type, unopened.
#[test]
fn a_fifo_input_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("article.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let err = chronoscope::ingest::load(&fifo).unwrap_err();
    assert!(err.message.contains("not a regular file"), "{}", err.message);
}

/// UTF-16 as `bytes` would be after a little-endian BOM.
fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

/// Regression: a UTF-16 BOM skipped the binary check, so random bytes after `FF FE` (or `FE FF`)
/// loaded as an article of random CJK, private-use characters and U+FFFD.
#[test]
fn utf16_with_a_bom_and_random_bytes_is_refused_as_binary() {
    let mut rng = Rng(0xB0B5_EED5);
    for round in 0..200 {
        let len = 256 + (rng.next() % 4000) as usize;
        let mut bytes: Vec<u8> = if round % 2 == 0 { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        bytes.extend((0..len).map(|_| (rng.next() % 256) as u8));
        let err = ingest::from_bytes(Path::new("random.txt"), &bytes).expect_err("random bytes after a BOM loaded");
        assert!(err.message.contains("binary"), "{}", err.message);
    }
}

/// Real UTF-16 text still loads, also when a unit or two are damaged (with a warning).
#[test]
fn utf16_text_with_a_damaged_unit_still_loads() {
    let mut bytes = utf16le_with_bom("Zoë flew to 日本 on Tuesday. The bridge reopened on 4 May 2021.\n");
    bytes.extend_from_slice(&0xD800u16.to_le_bytes());
    bytes.extend(utf16le_with_bom(" More text followed.").into_iter().skip(2));
    let doc = ingest::from_bytes(Path::new("utf16.txt"), &bytes).unwrap();
    assert!(doc.text.starts_with("Zoë flew to 日本 on Tuesday."), "{:?}", doc.text);
    assert!(doc.warnings.iter().any(|w| w.contains("UTF-16 file is damaged")), "{:?}", doc.warnings);
}

/// cp1252 articles are common (Windows editors, old CMS exports): they were loaded with every
/// accented letter, curly quote and euro sign replaced by U+FFFD.
#[test]
fn a_cp1252_article_is_decoded_with_its_curly_quotes_and_euro_sign() {
    let bytes =
        b"Caf\xE9 owners in Gen\xE8ve said on Tuesday: \x93The \x80200 fine is unfair\x94 \x96 they\x92ll appeal.\n";
    let doc = ingest::from_bytes(Path::new("cp1252.txt"), bytes).unwrap();
    assert_eq!(
        doc.text,
        "Café owners in Genève said on Tuesday: \u{201C}The €200 fine is unfair\u{201D} \u{2013} they\u{2019}ll appeal.\n"
    );
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert!(doc.warnings[0].contains("decoded as Windows-1252 (not valid UTF-8)"), "{:?}", doc.warnings);
}

/// UTF-8 that lost a few bytes is still read as UTF-8: its good accented letters are kept and
/// only the bad bytes become U+FFFD, instead of the whole file turning into mojibake.
#[test]
fn mostly_utf8_text_with_a_few_bad_bytes_keeps_the_replacement_path() {
    let mut bytes = "Zoë met Ana in Zürich and Genève on 3 März.".as_bytes().to_vec();
    bytes.extend_from_slice(b" Bad: \xFF.");
    let doc = ingest::from_bytes(Path::new("damaged.txt"), &bytes).unwrap();
    assert_eq!(doc.text, "Zoë met Ana in Zürich and Genève on 3 März. Bad: \u{FFFD}.");
    assert!(doc.warnings[0].contains("1 invalid byte sequence was replaced"), "{:?}", doc.warnings);
}

/// A UTF-8 BOM says the file is UTF-8, so its bad bytes are replaced, never re-read as Windows-1252.
#[test]
fn a_utf8_bom_keeps_invalid_bytes_as_replacements() {
    let doc = ingest::from_bytes(Path::new("bom.txt"), b"\xEF\xBB\xBFCaf\xE9 opened.").unwrap();
    assert_eq!(doc.text, "Caf\u{FFFD} opened.");
}

/// Each format reader gets the Windows-1252 text, not only plain text.
#[test]
fn a_cp1252_html_page_is_decoded_before_the_reader_runs() {
    let page = b"<html><head><title>Caf\xE9</title></head><body><p>\x93Closed\x94 on Monday.</p></body></html>";
    let doc = ingest::from_bytes(Path::new("page.html"), page).unwrap();
    assert_eq!(doc.title, "Café");
    assert!(doc.text.contains("\u{201C}Closed\u{201D} on Monday."), "{:?}", doc.text);
}
