//! Helpers shared by the integration tests: a document record builder and a small deterministic
//! random generator. Each test crate uses only some of them.
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
