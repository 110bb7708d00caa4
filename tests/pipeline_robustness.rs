//! Robustness of the whole extraction on text built from time-phrase fragments, punctuation and
//! multi-byte characters: no panic, and every mention's offsets point at its own text inside its
//! sentence, with events pointing at existing mentions.

use chrono::NaiveDate;
use chronoscope::ingest::{Document, SourceFormat};
use chronoscope::pipeline::{extract_document, Settings};
use std::path::PathBuf;

const FRAGMENTS: &[&str] = &[
    "the",
    "morning",
    "after",
    "Thursday",
    "Wednesday’s",
    "May",
    "may",
    "March",
    "22",
    "2017",
    ",",
    ".",
    "’s",
    "24",
    "hours",
    "a",
    "minute",
    "last",
    "next",
    "week",
    "two",
    "days",
    "later",
    "earlier",
    "ago",
    "1990s",
    "'90s",
    "the past",
    "now",
    "at this time",
    "2:40",
    "p.m.",
    "2.38pm",
    "1440",
    "GMT",
    "noon",
    "midnight",
    "every",
    "each",
    "Sunday",
    "best",
    "Room",
    ".38",
    "52-year",
    "old",
    "-",
    "/",
    "22/03/2017",
    "fourth",
    "quarter",
    "of",
    "late",
    "early",
    "about",
    "more than",
    "the year-earlier",
    "period",
    "tonight",
    "that evening",
    "é",
    "—",
    "“",
    "”",
    "\n\n",
    "Mr.",
    "U.S.",
    "following",
    "the attack",
    "half",
    "an",
    "hour",
    "and",
    "fiscal",
    "1989",
    "recent",
    "years",
    "1/2",
    "daily",
    "Sept.",
    "30",
    "o'clock",
    "in the morning",
    "the day before yesterday",
    "this weekend",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

#[test]
fn random_time_word_soup_never_breaks_invariants() {
    let mut rng = Lcg(0x5eed);
    let anchor = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
    for round in 0..1500 {
        let words = 1 + rng.next(60);
        let mut text = String::new();
        for _ in 0..words {
            if rng.next(3) > 0 {
                text.push(' ');
            }
            text.push_str(FRAGMENTS[rng.next(FRAGMENTS.len())]);
        }
        let dct = if round % 3 == 0 { Some("1998-08-07".to_string()) } else { None };
        let doc = Document {
            path: PathBuf::from(format!("soup-{round}.txt")),
            title: String::new(),
            text: text.clone(),
            dct,
            byline: None,
            format: SourceFormat::Text,
            breaks: Vec::new(),
            warnings: Vec::new(),
        };
        let result = extract_document(&doc, "d1", &Settings { anchor, dct: None });
        let chars: Vec<char> = text.chars().collect();
        for m in &result.mentions {
            assert!(m.start < m.end && m.end <= chars.len(), "round {round}: bad span {m:?} in {text:?}");
            let slice: String = chars[m.start..m.end].iter().collect();
            assert_eq!(slice, m.text, "round {round}: offsets do not point at the phrase in {text:?}");
            assert!(!m.value.is_empty() && !m.explanation.is_empty(), "round {round}: {m:?}");
            if let Some(interval) = m.interval {
                assert!(interval.start < interval.end, "round {round}: empty interval {m:?}");
            }
        }
        for e in &result.events {
            assert!(e.start < e.end, "round {round}: {e:?}");
            assert!(!e.mentions.is_empty(), "round {round}: event without mentions {e:?}");
            for id in &e.mentions {
                assert!(result.mentions.iter().any(|m| &m.id == id), "round {round}: dangling mention id {id}");
            }
            let sentence: String = chars[e.sentence.start..e.sentence.end].iter().collect();
            assert_eq!(sentence.as_str(), &*e.sentence.text, "round {round}: sentence offsets in {text:?}");
        }
    }
}

/// Regression: a huge count ("999999999 days ago", "300000000 years after the attack") overflowed
/// chrono's calendar arithmetic and panicked; it is now kept unplaced.
#[test]
fn huge_counts_are_kept_but_not_placed() {
    let anchor = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
    for (text, dct) in [
        ("It began 999999999 days ago. The claim came 300000000 years after the attack.", None),
        ("It ended 999999999 years later, 999999999 weeks before the vote.", Some("1998-08-07".to_string())),
        ("Shares fell 999999999 hours ago and rose 999999999 centuries earlier.", None),
    ] {
        let doc = Document {
            path: PathBuf::from("huge.txt"),
            title: String::new(),
            text: text.to_string(),
            dct,
            byline: None,
            format: SourceFormat::Text,
            breaks: Vec::new(),
            warnings: Vec::new(),
        };
        let result = extract_document(&doc, "d1", &Settings { anchor, dct: None });
        assert!(!result.mentions.is_empty(), "{text}: the phrases are still found");
        for m in &result.mentions {
            assert!(m.interval.is_none(), "{text}: {:?} should not be placed ({})", m.text, m.explanation);
        }
    }
}
