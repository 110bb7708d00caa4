//! Helpers shared by the integration tests: a document record builder, a small deterministic
//! random generator and the readers of the example corpora (lines, directives, brackets). Each test crate uses only
//! some of them.
#![allow(dead_code)]

use chrono::NaiveDate;
use chronoscope::pipeline::Settings;
use chronoscope::timeline::DocumentInfo;

/// A document record with a made-up path and 100 characters.
pub fn doc(id: &str, title: &str) -> DocumentInfo {
    DocumentInfo {
        id: id.into(),
        path: format!("{id}.txt"),
        title: title.into(),
        dct: None,
        dct_source: None,
        chars: 100,
        warnings: vec![],
    }
}

/// A tiny deterministic generator (xorshift), so "random" inputs and failures are reproducible.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A corpus line's text without its bracket marks, and the span (code points) between `open`
/// and `close` ("The talks resumed [on Monday]" with '[' and ']').
pub fn unbracket(line: &str, open: char, close: char) -> (String, Option<(usize, usize)>) {
    let mut text = String::new();
    let (mut start, mut end) = (None, None);
    for ch in line.chars() {
        if ch == open {
            start = Some(text.chars().count());
        } else if ch == close {
            end = Some(text.chars().count());
        } else {
            text.push(ch);
        }
    }
    (text, start.zip(end))
}

/// Calls `example` with each example line of a corpus (`source`), its line number and the
/// settings the directives before it set: `@anchor DATE` (story mode with that day zero) and
/// `@dct DATE` (that publication date). Blank lines and `#` comments are skipped; the day zero
/// is 2017-03-22 until a directive says otherwise. Returns how many examples there were.
pub fn each_example(source: &str, mut example: impl FnMut(usize, &str, &Settings)) -> usize {
    let day = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").expect("a directive's date");
    let mut settings = Settings { anchor: day("2017-03-22"), dct: None };
    let mut count = 0;
    for (index, line) in source.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(date) = line.strip_prefix("@anchor ") {
            settings = Settings { anchor: day(date), dct: None };
        } else if let Some(dct) = line.strip_prefix("@dct ") {
            settings.dct = Some(dct.trim().to_string());
        } else {
            count += 1;
            example(index + 1, line, &settings);
        }
    }
    count
}
