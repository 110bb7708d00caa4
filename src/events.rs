//! Events: one per sentence that carries a resolvable time (work in progress).

use crate::text::offsets::CharOffsets;
use crate::text::SentenceSpan;
use crate::timeline::{Event, Mention};

/// Builds the events of one document from its resolved mentions.
pub fn extract(
    _doc_id: &str,
    _text: &str,
    _offsets: &CharOffsets,
    _sentences: &[SentenceSpan],
    _mentions: &[Mention],
) -> Vec<Event> {
    Vec::new()
}
