//! Runs `src/resolve/counted.corpus` through the whole pipeline: the happening a count of time
//! dates by the day it is said of ("on Monday, two days after the vote") must come out as an
//! implied event with the expected label and days, its phrase the bracketed one; "!" lines must
//! date no happening from the phrase in braces.

use chrono::NaiveDate;
use chronoscope::ingest::Document;
use chronoscope::pipeline::extract_document;
use std::path::PathBuf;

mod common;
use common::{each_example, unbracket};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn every_counted_corpus_line_passes() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/resolve/counted.corpus");
    let source = std::fs::read_to_string(&path).unwrap();
    let mut problems = Vec::new();
    let count = each_example(&source, |line_no, line, settings| {
        let negative = line.starts_with('!');
        let body = line.trim_start_matches('!');
        let (sentence, expected) = body.split_once('\t').unwrap_or((body, ""));
        let (open, close) = if negative { ('{', '}') } else { ('[', ']') };
        let (text, span) = unbracket(sentence, open, close);
        let (start, end) = span.unwrap_or_else(|| panic!("line {line_no}: no bracketed phrase"));
        let doc = Document::plain_text(format!("counted.corpus:{line_no}"), text);
        let result = extract_document(&doc, "d1", settings);
        let counted: Vec<_> = result
            .events
            .iter()
            .filter(|e| e.implied.as_ref().is_some_and(|i| i.kind == "counted" && i.start < end && start < i.end))
            .collect();
        let got: Vec<String> =
            counted.iter().map(|e| format!("{:?} {} {}", e.label, e.start.date(), e.end.date())).collect();
        if negative {
            if !got.is_empty() {
                problems.push(format!("line {line_no}: must date no happening, got {got:?}"));
            }
            return;
        }
        let fields: Vec<&str> = expected.split('\t').collect();
        let [label, first, after] = fields[..] else { panic!("line {line_no}: want label<TAB>start<TAB>end") };
        let want = format!("{label:?} {} {}", day(first), day(after));
        let phrase_matches =
            counted.iter().all(|e| e.implied.as_ref().is_some_and(|i| (i.start, i.end) == (start, end)));
        if got != [want.clone()] || !phrase_matches {
            problems.push(format!("line {line_no}: want [{want}], got {got:?}"));
        }
    });
    assert!(count >= 12, "counted.corpus has {count} examples");
    assert!(problems.is_empty(), "{} of {count} fail:\n{}", problems.len(), problems.join("\n"));
}
