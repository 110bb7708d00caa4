//! The shapes of input that once cost quadratic time or memory, pinned by what made them cheap:
//! bounded sentences, sentence text shared by the events that quote it, and readers that keep
//! deep markup flat. How the cost scales is measured by `cargo bench --bench scaling`; these tests
//! check the structure, never the clock.

use chrono::NaiveDate;
use chronoscope::ingest::{self, Document};
use chronoscope::pipeline::{build_timeline, Settings};
use chronoscope::text::sentences::MAX_SENTENCE_BYTES;
use chronoscope::timeline::Timeline;
use std::sync::Arc;

fn extract(text: &str) -> Timeline {
    let anchor = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
    build_timeline(&[Document::plain_text("hostile.txt", text)], &Settings { anchor, dct: None })
}

/// Regression: 10,000 comma-separated dates (120 KB) took 12 s and 3.5 GB because each of the
/// 10,000 events copied the whole run-on sentence.
#[test]
fn events_of_a_run_on_sentence_quote_a_bounded_shared_piece_of_it() {
    let text: String = (0..2_000).map(|i| format!("March {}, 2017, ", i % 28 + 1)).collect();
    let timeline = extract(&text);
    // 28 distinct days, repeated: each piece of the sentence has one event per day it names.
    assert!(timeline.events.len() >= 500, "{} events", timeline.events.len());
    for event in &timeline.events {
        assert!(event.sentence.text.len() <= MAX_SENTENCE_BYTES, "{} bytes", event.sentence.text.len());
    }
    let distinct: std::collections::HashSet<*const u8> =
        timeline.events.iter().map(|e| Arc::as_ptr(&e.sentence.text) as *const u8).collect();
    let sentences: std::collections::HashSet<usize> = timeline.events.iter().map(|e| e.sentence.start).collect();
    assert_eq!(distinct.len(), sentences.len(), "one stored text per sentence, however many events quote it");
}

/// Regression: "two days later" repeated over 400 KB (no punctuation at all) took 33 s and
/// 10.5 GB: one sentence, copied into each of its 26,000 events.
#[test]
fn a_relative_phrase_repeated_without_punctuation_gives_bounded_sentences() {
    let timeline = extract(&"two days later ".repeat(3_000));
    assert!(timeline.events.len() >= 1_000);
    assert!(timeline.events.iter().all(|e| e.sentence.text.len() <= MAX_SENTENCE_BYTES));
    let days: Vec<_> = timeline.events.iter().map(|e| e.start).collect();
    assert!(days.windows(2).all(|w| w[0] < w[1]), "each 'two days later' still moves on from the previous one");
}

/// Regression: the event grouping compared each mention with every earlier group of its
/// sentence, quadratic on long runs of month names (1 MB: 6.5 s).
#[test]
fn a_run_of_month_names_is_grouped_into_one_event_per_month() {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let text: String = (0..6_000).map(|i| format!("{} ", MONTHS[i % 12])).collect();
    let timeline = extract(&text);
    for event in &timeline.events {
        let sentence = event.sentence.start;
        let same_month = timeline.events.iter().filter(|e| e.sentence.start == sentence && e.start == event.start);
        assert_eq!(same_month.count(), 1, "mentions of one month in one sentence are one event");
    }
    assert!(timeline.events.len() >= 12);
}

fn read(name: &str, text: &str) -> Document {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    ingest::load(&path).unwrap()
}

/// Regression: 20,000 nested Markdown links took the hand-written reader 15.6 s and 5.8 GB. As
/// CommonMark says, a link cannot hold a link: the innermost is the link, and the brackets
/// around it are text.
#[test]
fn nested_markdown_links_are_read_as_commonmark_does() {
    let n = 20_000;
    let doc = read("links.md", &("[".repeat(n) + "The vote was on Tuesday" + &"](http://x.example)".repeat(n)));
    let innermost_read = "[".repeat(n - 1) + "The vote was on Tuesday](http://x.example)](";
    assert!(doc.text.starts_with(&innermost_read), "{:?}", &doc.text[n - 5..n + 60]);
}

/// Regression: 100,000 nested `<div>`s took 34 s in the HTML parser.
#[test]
fn html_nested_beyond_the_limit_is_read_with_a_warning() {
    let n = 100_000;
    let doc = read(
        "divs.html",
        &("<html><body>".to_string() + &"<div>".repeat(n) + "The vote was on Tuesday." + &"</div>".repeat(n)),
    );
    assert_eq!(doc.text, "The vote was on Tuesday.");
    assert!(doc.warnings.iter().any(|w| w.contains("levels deep")), "{:?}", doc.warnings);
}

#[test]
fn a_reopened_timeline_shares_sentence_text_again() {
    let timeline = extract("On March 3, 2017 and on March 5, 2017 the council met.");
    assert_eq!(timeline.events.len(), 2);
    let json = chronoscope::export::json::to_string(&timeline);
    let back = chronoscope::export::json::from_str(&json).unwrap();
    assert_eq!(back, timeline);
    assert!(Arc::ptr_eq(&back.events[0].sentence.text, &back.events[1].sentence.text));
}

/// A clock time waits for the dated phrase after it in its clause ("at 6 a.m. ... 10 days before
/// the murder"), and may wait for one clock time: a schedule of 20,000 clock times with no
/// punctuation must not become one chain of waits (each would be a stack frame).
#[test]
fn a_schedule_of_clock_times_without_punctuation_is_resolved_flat() {
    let text = "at 6 a.m. and ".repeat(20_000) + "on March 3, 2017.";
    let timeline = extract(&text);
    let clocks = timeline.mentions.iter().filter(|m| m.text == "6 a.m.").count();
    assert!(clocks >= 10_000, "{clocks} clock times");
    // Only the clock times right before the date take its day; the rest take the anchor's.
    let on_the_date = timeline.mentions.iter().filter(|m| m.value.starts_with("2017-03-03T")).count();
    assert!((1..=2).contains(&on_the_date), "{on_the_date} clock times on the date");
}

/// Every record of a document names it by one shared id, after extraction and after reopening:
/// on 20 MB of news a copy per record was about 200,000 small allocations.
#[test]
fn the_records_of_a_document_share_one_id() {
    let timeline = extract("On March 3, 2017 the council met. Five people were hurt on March 5, 2017.");
    let back = chronoscope::export::json::from_str(&chronoscope::export::json::to_string(&timeline)).unwrap();
    for t in [&timeline, &back] {
        let first = Arc::clone(&t.events[0].doc);
        let ids = t.mentions.iter().map(|m| &m.doc).chain(t.events.iter().map(|e| &e.doc));
        let ids = ids.chain(t.claims.iter().map(|c| &c.doc)).chain(t.stories.iter().flat_map(|s| &s.documents));
        let mut count = 0;
        for id in ids {
            assert!(Arc::ptr_eq(id, &first), "{id} is a copy");
            count += 1;
        }
        assert!(count >= 6 && !t.claims.is_empty(), "{count} records");
    }
}
