//! Event dating on a small hand-made gold (issue #10 §1): which sentences of the seed articles
//! report a dated happening, and on which days (`tests/data/seed_events_gold.json`). Recall is
//! the share of those sentences that get an event; precision the share of events placed in the
//! listed sentences that sit on an accepted day (an event in a sentence that reports nothing
//! datable is a wrong placement). Both are printed with and without context placement
//! (`cargo test --test event_gold -- --nocapture`), and pinned from below.

use chrono::NaiveDate;
use chronoscope::ingest;
use chronoscope::pipeline::{build_timeline, Settings};
use chronoscope::timeline::{Event, PlacementKind};
use serde_json::Value;
use std::path::PathBuf;

struct Score {
    found: usize,
    reporting: usize,
    right: usize,
    placed: usize,
}

fn score(events: &[Event], gold: &[Value], text_of: &dyn Fn(&str) -> String, with_context: bool) -> Score {
    let mut s = Score { found: 0, reporting: 0, right: 0, placed: 0 };
    for want in gold {
        let piece = want["in"].as_str().unwrap();
        let file = want["file"].as_str().unwrap();
        let days: Vec<NaiveDate> =
            want["days"].as_array().unwrap().iter().map(|d| d.as_str().unwrap().parse().unwrap()).collect();
        let doc_text = text_of(file);
        let in_sentence: Vec<&Event> = events
            .iter()
            .filter(|e| e.implied.is_none() && (with_context || e.placement == PlacementKind::Phrase))
            .filter(|e| e.sentence.text.contains(piece) && doc_text.contains(&*e.sentence.text))
            .collect();
        if !days.is_empty() {
            s.reporting += 1;
            s.found += usize::from(!in_sentence.is_empty());
        }
        for e in in_sentence {
            s.placed += 1;
            s.right += usize::from(days.contains(&e.start.date()));
        }
    }
    s
}

#[test]
fn seed_events_are_found_and_dated() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped: ../shared/seeds is not here");
        return;
    }
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("tests/data/seed_events_gold.json")).unwrap()).unwrap();
    let files = ["000_43dcafad556988ac.txt", "002_b97406b497342f01.txt"];
    let docs: Vec<_> = files.iter().map(|f| ingest::load(&seeds.join(f)).unwrap()).collect();
    let anchor: NaiveDate = gold["anchor"].as_str().unwrap().parse().unwrap();
    let timeline = build_timeline(&docs, &Settings { anchor, dct: None });
    let text_of = |file: &str| docs[files.iter().position(|f| *f == file).unwrap()].text.clone();
    let sentences = gold["sentences"].as_array().unwrap();
    let mut report = Vec::new();
    for with_context in [false, true] {
        let s = score(&timeline.events, sentences, &text_of, with_context);
        let recall = s.found as f64 / s.reporting as f64;
        let precision = s.right as f64 / s.placed.max(1) as f64;
        eprintln!(
            "context placement {}: an event in {}/{} reporting sentences ({:.0}%), {}/{} events on an accepted day ({:.0}%)",
            if with_context { "on " } else { "off" },
            s.found,
            s.reporting,
            100.0 * recall,
            s.right,
            s.placed,
            100.0 * precision
        );
        report.push((recall, precision));
    }
    let (without, with) = (report[0], report[1]);
    assert!(with.0 > without.0, "context placement finds more of the reported events: {report:?}");
    assert!(with.0 >= 0.5 && with.1 >= 0.85, "recall and precision with context placement: {report:?}");
}
