//! Runs `src/events/label.corpus` (issue #10 §3): each sentence goes through the real pipeline,
//! and the event its bracketed time phrase dates must get the expected label (or must not get
//! the forbidden one, on "!" lines; none at all when it is "(no event)"); a line with no bracketed phrase names the label of the
//! event context placement gives its sentence (a statement, under `@dct`). Every label is also checked for shape: not empty, at least
//! two words, not opening with a preposition or a fragment word.

use chronoscope::ingest::Document;
use chronoscope::pipeline::extract_document;
use std::path::PathBuf;

mod common;
use common::each_example;

/// The expected label of a bracketed phrase that must date no event.
const NO_EVENT: &str = "(no event)";

/// Words a label may not open with.
const BAD_OPENERS: &[&str] = &[
    "in", "on", "at", "of", "for", "by", "from", "into", "since", "until", "through", "with", "up", "possibly",
    "after", "before",
];

fn shape_problem(label: &str) -> Option<String> {
    let first = label.split_whitespace().next()?.to_lowercase();
    if label.split_whitespace().count() < 2 {
        return Some(format!("{label:?} is one word"));
    }
    BAD_OPENERS.contains(&first.as_str()).then(|| format!("{label:?} opens with {first:?}"))
}

#[test]
fn every_label_corpus_line_passes() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/events/label.corpus");
    let source = std::fs::read_to_string(&path).unwrap();
    let mut problems = Vec::new();
    let count = each_example(&source, |line_no, line, settings| {
        let (negative, line) = match line.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (marked, want) = line.split_once('\t').unwrap_or_else(|| panic!("line {line_no}: no label after a tab"));
        let Some((open, close)) = marked.find('[').zip(marked.find(']')) else {
            // No time phrase: the event context placement gives the sentence (a statement).
            let doc = Document::plain_text(format!("label.corpus:{line_no}"), format!("Corpus\n\n{marked}\n"));
            let result = extract_document(&doc, "d1", settings);
            match result.events.iter().find(|e| e.sentence.text.trim() == marked.trim()) {
                Some(event) => check(line_no, &event.label, want, negative, &mut problems),
                None => problems.push(format!("line {line_no}: the sentence gets no event")),
            }
            return;
        };
        let text = marked.replace(['[', ']'], "");
        let phrase_start = text[..open].chars().count();
        let doc = Document::plain_text(format!("label.corpus:{line_no}"), text.clone());
        let result = extract_document(&doc, "d1", settings);
        let mention = result
            .mentions
            .iter()
            .find(|m| m.start == phrase_start && m.text.chars().count() == marked[open + 1..close].chars().count());
        let Some(mention) = mention else {
            let found: Vec<&str> = result.mentions.iter().map(|m| m.text.as_str()).collect();
            problems.push(format!("line {line_no}: phrase not found; got {found:?}"));
            return;
        };
        let event = result.events.iter().find(|e| e.mentions.contains(&mention.id));
        match (event, want == NO_EVENT) {
            (Some(event), false) => check(line_no, &event.label, want, negative, &mut problems),
            (None, false) => problems.push(format!("line {line_no}: {:?} dates no event", mention.text)),
            (Some(event), true) => {
                problems.push(format!("line {line_no}: {:?} dates {:?}, expected no event", mention.text, event.label))
            }
            (None, true) => {}
        }
    });
    assert!(count >= 20, "only {count} corpus lines");
    assert!(problems.is_empty(), "{} of {count} label lines fail:\n{}", problems.len(), problems.join("\n"));
}

/// Checks the label `got` of corpus line `line_no` for its shape and against `want` (which it
/// must not be on a `negative` line).
fn check(line_no: usize, got: &str, want: &str, negative: bool, problems: &mut Vec<String>) {
    if let Some(shape) = shape_problem(got) {
        problems.push(format!("line {line_no}: {shape}"));
    }
    if negative == (got == want) {
        let expected = if negative { format!("anything but {want:?}") } else { format!("{want:?}") };
        problems.push(format!("line {line_no}: label {got:?}, expected {expected}"));
    }
}
