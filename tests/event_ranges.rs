//! Issue #10 §2, regression: a sentence with a range of time ("from 1980 to 1988", "in July and
//! August") or a time restated in brackets got one event per phrase, each with the same label.
//! Now the range is one event spanning it, and a restatement adds to the event it restates. A
//! year that only says which thing ("Kopp's 1987 Chevrolet was discovered last month") gave
//! the sentence a second event too; it yields to the phrase that dates the happening.

use chrono::NaiveDate;
use chronoscope::ingest::Document;
use chronoscope::pipeline::{extract_document, Settings};
use chronoscope::timeline::Event;

fn events_of(sentence: &str) -> Vec<Event> {
    let mut doc = Document::plain_text("ranges.txt", format!("Ranges\n\n{sentence}\n"));
    doc.dct = Some("2006-11-15".into());
    let anchor = NaiveDate::from_ymd_opt(2006, 11, 15).unwrap();
    extract_document(&doc, "d1", &Settings { anchor, dct: None }).events
}

/// Each event as "start..end (mentions)", days only.
fn spans(sentence: &str) -> Vec<String> {
    events_of(sentence).iter().map(|e| format!("{}..{} ({})", e.start.date(), e.end.date(), e.mentions.len())).collect()
}

#[test]
fn a_range_is_one_event_spanning_it() {
    assert_eq!(spans("Iran and Iraq fought a war from 1980 to 1988, and many died."), ["1980-01-01..1989-01-01 (2)"]);
    assert_eq!(spans("Employees could be laid off between 2006 and 2008."), ["2006-01-01..2009-01-01 (2)"]);
    assert_eq!(spans("The war raged in July and August."), ["2006-07-01..2006-09-01 (2)"]);
}

#[test]
fn times_joined_by_and_stay_apart_unless_they_are_neighbours_or_a_range() {
    assert_eq!(
        spans("He took 70 wickets in 1994 and 2004."),
        ["1994-01-01..1995-01-01 (1)", "2004-01-01..2005-01-01 (1)"],
        "two years apart, and no 'between'"
    );
    assert_eq!(
        spans("He took 72 wickets in 1993 and 70 in 1994."),
        ["1993-01-01..1994-01-01 (1)", "1994-01-01..1995-01-01 (1)"]
    );
}

#[test]
fn a_time_restated_in_brackets_dates_the_same_event() {
    let events = events_of("Tueni was heading to his office at around 9 am (0700 GMT) when the bomb went off.");
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].mentions.len(), 2);
    assert_eq!(events[0].start.format("%H:%M").to_string(), "09:00");
}

#[test]
fn a_year_modifying_a_thing_yields_to_the_phrase_that_dates_the_happening() {
    assert_eq!(
        spans("Kopp's 1987 Chevrolet was discovered last month at the airport."),
        ["2006-10-01..2006-11-01 (1)"]
    );
    assert_eq!(
        spans("Police towed Kopp's 1987 Chevrolet to the depot."),
        ["1987-01-01..1988-01-01 (1)"],
        "nothing else dates it"
    );
    assert_eq!(
        spans("He was charged on Monday over the 1996 bombing of the park."),
        ["2006-11-13..2006-11-14 (1)", "1996-01-01..1997-01-01 (1)"],
        "a happening keeps its own date"
    );
}
