//! Issue #10 §4, regression: a relative phrase counted from a named event ("10 days before the
//! murder", "two days after the vote") was placed from the publication date or day zero when the
//! text dated the event under another word ("was shot dead last Oct. 23"), and when the text never
//! dated it at all, though a day right before the phrase said when ("resigned on Friday, two days
//! after the vote"). A bare clock time ("at 6 a.m.") took the day last mentioned instead of the
//! day its own clause names.

use chrono::NaiveDate;
use chronoscope::ingest::Document;
use chronoscope::pipeline::{extract_document, DocumentResult, Settings};

fn extract(text: &str) -> DocumentResult {
    let mut doc = Document::plain_text("named.txt", format!("Named events\n\n{text}\n"));
    doc.dct = Some("2006-11-15".into());
    let anchor = NaiveDate::from_ymd_opt(2006, 11, 15).unwrap();
    extract_document(&doc, "d1", &Settings { anchor, dct: None })
}

/// The day each mention with `text` is placed on.
fn days_of(result: &DocumentResult, text: &str) -> Vec<String> {
    let mentions = result.mentions.iter().filter(|m| m.text == text);
    mentions.filter_map(|m| m.interval.as_ref()).map(|i| i.start.date().to_string()).collect()
}

#[test]
fn a_happening_dated_under_another_word_is_counted_from() {
    let result = extract(
        "The banker was shot dead last Oct. 23 at his office. A cleaner saw a van near the office 10 days \
         before the murder.",
    );
    assert_eq!(days_of(&result, "10 days"), ["2006-10-13"]);
    let days: Vec<String> = result.events.iter().map(|e| e.start.date().to_string()).collect();
    assert!(days.contains(&"2006-10-13".to_string()), "{days:?}");
}

#[test]
fn a_bare_clock_time_takes_the_day_its_clause_names() {
    let result = extract(
        "The banker was shot dead last Oct. 23 at his office. On Nov. 2 police said a cleaner saw a van at \
         6 a.m. near the office 10 days before the murder.",
    );
    let clock = result.mentions.iter().find(|m| m.text == "6 a.m.").expect("the clock time");
    assert_eq!(clock.value, "2006-10-13T06:00", "{}", clock.explanation);
}

#[test]
fn a_phrase_counted_from_an_undated_happening_restates_the_day_before_it() {
    let result = extract("The mayor resigned on Friday, two days after the vote.");
    assert_eq!(days_of(&result, "two days"), ["2006-11-10"]);
    let explained = result.mentions.iter().find(|m| m.text == "two days").map(|m| &*m.explanation);
    assert!(explained.is_some_and(|e| e.contains("said of \"Friday\"")), "{explained:?}");
    let (implied, stated): (Vec<_>, Vec<_>) = result.events.iter().partition(|e| e.implied.is_some());
    assert_eq!(stated.len(), 1, "one happening, on Friday: {:?}", result.events);
    // Not counted from the publication date (which would put it on Friday 17 November).
    assert!(stated.iter().all(|e| e.start.date() == NaiveDate::from_ymd_opt(2006, 11, 10).unwrap()));
    // The count dates the vote: two days before that Friday.
    let votes: Vec<_> = implied.iter().map(|e| (e.label.as_str(), e.start.date().to_string())).collect();
    assert_eq!(votes, [("The vote", "2006-11-08".to_string())]);
}
