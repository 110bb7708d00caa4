//! The time-phrase tagger: finds TIMEX3 candidates in raw text and says what they mean before any
//! calendar arithmetic (the resolver's job). Work in progress.

/// A time phrase found in the text, with its meaning still relative.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    /// Byte offsets into the document text, half-open.
    pub start: usize,
    pub end: usize,
    /// Name of the rule that produced it.
    pub rule: &'static str,
}

/// Finds every time phrase in `text`, in text order, without overlaps.
pub fn tag(_text: &str) -> Vec<RawMention> {
    Vec::new()
}
