//! Issue #10 §2, regression: a sentence with a range of time ("from 1980 to 1988", "in July and
//! August") or a time restated in brackets got one event per phrase, each with the same label.
//! Now the range is one event spanning it, and a restatement adds to the event it restates. A
//! period named by its last day ("the quarter ended Sept. 30") is one event on that day, and a
//! maturity or record date ("notes due Nov. 1, 2009") dates none.

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
fn a_period_named_by_its_last_day_is_dated_by_that_day() {
    assert_eq!(spans("Sales rose in the quarter ended Sept. 30 to $747.8 million."), ["2006-09-30..2006-10-01 (2)"]);
}

#[test]
fn a_maturity_or_a_record_date_dates_no_event() {
    assert_eq!(spans("The dividend is payable Jan. 2 to holders of record Dec. 15."), ["2007-01-02..2007-01-03 (1)"]);
    // Placed by context (a lede on the publication date), not by the maturity.
    assert_eq!(spans("Hertz sold $100 million of senior notes due Nov. 1, 2009."), ["2006-11-15..2006-11-16 (0)"]);
}
