//! Property test (issue #10 §4): every explanation agrees with the value it explains. An
//! explanation said "the last such day on or before the publication date Wed 16 Jun 2010" next
//! to the value 2010-06-24, because the text and the value came from two decisions. Here many
//! phrase shapes, tenses and publication dates are resolved, and what each explanation claims
//! ("on or before D", "on or after D", a day it names as the result) is checked against the
//! mention's interval.

use chrono::{Duration, NaiveDate};
use chronoscope::ingest::Document;
use chronoscope::pipeline::{extract_document, Settings};

/// Sentences with one time phrase each, in past, future, plan and tenseless frames.
const FRAMES: &[&str] = &[
    "Shares fell {}, traders said.",
    "Shares will fall {}, traders said.",
    "The vote is set for {}.",
    "The report is not due until {}.",
    "{}: markets closed.",
    "The minister said {} that talks would resume.",
];

const PHRASES: &[&str] = &[
    "June 24",
    "on March 3",
    "January 2",
    "December 30",
    "October",
    "in February",
    "Tuesday",
    "on Sunday",
    "Friday morning",
    "Christmas Day",
    "last Friday",
    "next Monday",
    "the winter",
    "the day after the attack",
    "two days before the election",
];

/// The claims `check` tests, each of which the sweep must produce often.
const CLAIMS: [&str; 5] = [
    "on or before the publication date",
    "on or after the publication date",
    "the last such month relative to",
    "the next such month relative to",
    "): ",
];

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Every "Www D Mon YYYY" day in `text`, with the byte offset where it starts.
fn days_named(text: &str) -> Vec<(usize, NaiveDate)> {
    let mut found = Vec::new();
    for (at, _) in text.char_indices() {
        let rest = &text[at..];
        if !WEEKDAYS.iter().any(|w| rest.starts_with(w)) {
            continue;
        }
        let words: Vec<&str> = rest.splitn(5, ' ').take(4).collect();
        if words.len() < 4 {
            continue;
        }
        let year: String = words[3].chars().take_while(char::is_ascii_digit).collect();
        let candidate = format!("{} {} {}", words[1], words[2], year);
        if let Ok(day) = NaiveDate::parse_from_str(&candidate, "%d %b %Y") {
            found.push((at, day));
        }
    }
    found
}

/// What `explanation` claims about the resolved interval `[start, end)`, checked; the problem
/// when a claim does not hold.
fn check(explanation: &str, start: NaiveDate, end: NaiveDate) -> Option<String> {
    for (at, day) in days_named(explanation) {
        let before = &explanation[..at];
        let wrong = if before.ends_with("on or before the publication date ")
            || before.ends_with("the last such month relative to the publication date ")
        {
            start > day
        } else if before.ends_with("on or after the publication date ") {
            start < day
        } else if before.ends_with("the next such month relative to the publication date ") {
            end <= day
        } else if before.ends_with("): ") {
            // A result day the explanation states: "1 day before the attack (...): Tue 21 Mar 2017".
            !(start <= day && day < end)
        } else {
            false
        };
        if wrong {
            return Some(format!("{explanation:?} does not hold for [{start}, {end})"));
        }
    }
    None
}

#[test]
fn every_explanation_agrees_with_its_value() {
    let first = NaiveDate::from_ymd_opt(2009, 11, 20).unwrap();
    let mut checked = 0;
    let mut claims_seen = [0usize; CLAIMS.len()];
    let mut problems = Vec::new();
    // Publication dates every 11 days for 14 months: every weekday, month end and year end.
    for step in 0..40 {
        let dct = first + Duration::days(11 * step);
        for frame in FRAMES {
            for phrase in PHRASES {
                let text = frame.replace("{}", phrase);
                let mut doc = Document::plain_text("property.txt", text.clone());
                doc.dct = Some(dct.format("%Y-%m-%d").to_string());
                let result = extract_document(&doc, "d1", &Settings { anchor: dct, dct: None });
                for mention in &result.mentions {
                    let Some(interval) = mention.interval else { continue };
                    checked += 1;
                    for (k, claim) in CLAIMS.iter().enumerate() {
                        claims_seen[k] += usize::from(mention.explanation.contains(claim));
                    }
                    let (start, end) = (interval.start.date(), interval.end.date());
                    if let Some(problem) = check(&mention.explanation, start, end) {
                        problems.push(format!("dct {dct}, {text:?}: {problem}"));
                    }
                }
            }
        }
    }
    assert!(checked > 2_000, "only {checked} mentions were checked");
    for (claim, seen) in CLAIMS.iter().zip(claims_seen) {
        assert!(seen >= 20, "only {seen} explanations say {claim:?}: the sweep no longer tests it");
    }
    assert!(problems.is_empty(), "{} of {checked} explanations disagree:\n{}", problems.len(), problems.join("\n"));
}

/// The checker itself: a claim that does not hold is caught.
#[test]
fn the_check_catches_the_reported_disagreement() {
    let day = |d: u32| NaiveDate::from_ymd_opt(2010, 6, d).unwrap();
    let said = "June 24 \u{2192} no year given: the last such day on or before the publication date Wed 16 Jun 2010";
    assert!(check(said, day(24), day(25)).is_some());
    assert!(check(said, day(14), day(15)).is_none());
    let result = "A day \u{2192} 1 day before the attack (dated Wed 16 Jun 2010 by \"Wednesday\"): Tue 15 Jun 2010";
    assert!(check(result, day(15), day(16)).is_none());
    assert!(check(result, day(16), day(17)).is_some());
}
