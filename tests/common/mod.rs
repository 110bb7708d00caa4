//! Helpers shared by the integration tests: a document record builder, a small deterministic
//! random generator and the bracket reader of the example corpora. Each test crate uses only
//! some of them.
#![allow(dead_code)]

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
