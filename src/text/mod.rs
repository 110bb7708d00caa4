//! Text utilities over an immutable document text: tokens, sentences and the mapping from byte
//! offsets (what Rust slices use) to Unicode code point offsets (what every output uses).

pub mod blocks;
pub mod fast_hash;
pub mod offsets;
pub mod sentences;
pub mod tokens;
pub mod word_key;

/// A sentence as byte offsets into the document text, half-open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
}
