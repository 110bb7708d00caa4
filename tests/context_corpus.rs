//! Runs `src/events/context.corpus` (issue #10 §1, §2): each article goes through the real
//! pipeline, and the sentence named on the line must get what the line says: no event, an event
//! dated by its own phrase, or an event of the given placement kind on the given day.

use chrono::NaiveDate;
use chronoscope::ingest::Document;
use chronoscope::pipeline::{extract_document, Settings};
use chronoscope::timeline::{Event, PlacementKind};
use std::path::PathBuf;

fn what_it_got(events: &[&Event]) -> String {
    match events.first() {
        None => "none".to_string(),
        Some(e) if e.placement == PlacementKind::Phrase => "phrase".to_string(),
        Some(e) => {
            let kind = if e.placement == PlacementKind::Context { "context" } else { "relation" };
            format!("{kind} {}", e.start.date())
        }
    }
}

#[test]
fn every_context_corpus_line_passes() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/events/context.corpus");
    let source = std::fs::read_to_string(&path).unwrap();
    let settings = Settings { anchor: NaiveDate::from_ymd_opt(2023, 6, 13).unwrap(), dct: None };
    let mut dct: Option<String> = None;
    let (mut count, mut problems) = (0, Vec::new());
    for (index, line) in source.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(value) = line.strip_prefix("@dct ") {
            dct = Some(value.trim().to_string()).filter(|v| v != "none");
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [article, opening, want] = fields[..] else { panic!("line {line_no}: three tab-separated fields") };
        count += 1;
        let text = format!("Corpus\n\n{}\n", article.replace(" | ", "\n\n"));
        let mut doc = Document::plain_text(format!("context.corpus:{line_no}"), text);
        doc.dct = dct.clone();
        let result = extract_document(&doc, "d1", &settings);
        let events: Vec<&Event> = result
            .events
            .iter()
            .filter(|e| e.implied.is_none() && e.sentence.text.trim_start().starts_with(opening))
            .collect();
        let got = what_it_got(&events);
        if got != want {
            let all: Vec<String> =
                result.events.iter().map(|e| format!("{} {:?} {:?}", e.start, e.placement, e.label)).collect();
            problems.push(format!("line {line_no}: got {got:?}, expected {want:?}; events {all:?}"));
        }
    }
    assert!(count >= 20, "only {count} corpus lines");
    assert!(problems.is_empty(), "{} of {count} context lines fail:\n{}", problems.len(), problems.join("\n"));
}

/// A sentence placed "since" a dated happening runs from that day to the publication date, says
/// so, and does not become the time later sentences of its paragraph are placed by; without a
/// publication date nothing ends it, so it is not placed by the happening.
#[test]
fn since_a_happening_runs_to_the_publication_date() {
    let text = "Corpus\n\nThe ban was announced by the port on Monday.\n\nTrucks have queued at the gate since the announcement. Drivers blocked the road.\n";
    let settings = Settings { anchor: NaiveDate::from_ymd_opt(2023, 6, 13).unwrap(), dct: None };
    let mut doc = Document::plain_text("since.txt", text.to_string());
    doc.dct = Some("2023-06-14".to_string());
    let result = extract_document(&doc, "d1", &settings);
    let event = |opening: &str| result.events.iter().find(|e| e.sentence.text.starts_with(opening)).cloned();
    let queued = event("Trucks").expect("the queue is placed");
    assert_eq!(queued.placement, PlacementKind::Relation);
    assert_eq!(queued.start.date(), NaiveDate::from_ymd_opt(2023, 6, 12).unwrap());
    assert_eq!(queued.end.date(), NaiveDate::from_ymd_opt(2023, 6, 15).unwrap());
    let why = queued.placement_explanation.as_deref().unwrap_or_default();
    assert!(why.contains("from then to the publication date Wed 14 Jun 2023"), "{why}");
    let blocked = event("Drivers");
    assert!(blocked.as_ref().is_none_or(|e| e.start.date() != queued.start.date()), "{blocked:?}");

    doc.dct = None;
    let undated = extract_document(&doc, "d1", &settings);
    let queued = undated.events.iter().find(|e| e.sentence.text.starts_with("Trucks"));
    assert!(queued.is_none_or(|e| e.placement != PlacementKind::Relation), "{queued:?}");
}
