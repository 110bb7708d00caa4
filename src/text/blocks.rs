//! Blocks of whole sentences: how a long text is cut so that its tokens (four times the text's
//! size, and the largest thing held while a document is read) are made and held one block at a
//! time. A block ends where a run of ASCII whitespace before a sentence begins, so no token
//! crosses it and each block's tokens are exactly the whole text's tokens in its span
//! (`tokens::tokenize_span`). A text shorter than a block is one block.

use super::tokens::is_ascii_gap;
use super::SentenceSpan;
use std::ops::Range;

/// About how many bytes of text a block holds: news articles are one block; a 5 MB text is
/// five, and holds a fifth of its tokens at a time.
pub const BLOCK_BYTES: usize = 1 << 20;

/// A span of the text and the sentences that start in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Bytes; the blocks cover the text in order, without gaps.
    pub bytes: Range<usize>,
    /// Indices into the sentences.
    pub sentences: Range<usize>,
}

/// The blocks of `text`, each at least `size` bytes long (but the last), cut only before a
/// sentence that follows ASCII whitespace.
pub fn of(text: &str, sentences: &[SentenceSpan], size: usize) -> Vec<Block> {
    let bytes = text.as_bytes();
    let mut blocks = Vec::with_capacity(text.len() / size.max(1) + 1);
    let (mut start, mut first) = (0, 0);
    for (index, sentence) in sentences.iter().enumerate().skip(1) {
        let Some(cut) = gap_before(bytes, sentence.start) else { continue };
        if cut >= start + size {
            blocks.push(Block { bytes: start..cut, sentences: first..index });
            (start, first) = (cut, index);
        }
    }
    blocks.push(Block { bytes: start..text.len(), sentences: first..sentences.len() });
    blocks
}

/// About how much text on each side of a block the tagger reads with it: its rules look a few
/// words past a sentence's ends ("in\n\nAugust." is a month because of the "in" before it).
pub const CONTEXT_BYTES: usize = 512;

/// The span the tagger reads for `block`: the block and about `CONTEXT_BYTES` on each side, cut
/// (as blocks are) where a run of ASCII whitespace begins. Only the mentions that start inside
/// the block are the block's.
pub fn with_context(text: &str, block: &Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let gap_starts = |i: usize| i == 0 || (is_ascii_gap(bytes[i]) && !is_ascii_gap(bytes[i - 1]));
    let before = block.start.saturating_sub(CONTEXT_BYTES);
    let start = (0..=before).rev().find(|&i| gap_starts(i)).unwrap_or(0);
    let after = block.end.saturating_add(CONTEXT_BYTES);
    let end = (after..bytes.len()).find(|&i| gap_starts(i)).unwrap_or(bytes.len());
    start..end
}

/// Where the run of ASCII whitespace just before `at` begins, if there is one.
fn gap_before(bytes: &[u8], at: usize) -> Option<usize> {
    let run = bytes.get(..at)?.iter().rev().take_while(|&&b| is_ascii_gap(b)).count();
    (run > 0).then_some(at - run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences;
    use crate::text::tokens::{tokenize, tokenize_span};

    #[test]
    fn context_reaches_past_a_block_and_cuts_where_whitespace_begins() {
        let text = format!("{}in\n\nAugust. {}", "word ".repeat(300), "more ".repeat(300));
        let august = text.find("August").unwrap();
        let block = august..text.len();
        let context = with_context(&text, &block);
        assert!(context.start < august - 400 && context.start > august - CONTEXT_BYTES - 10, "{context:?}");
        assert!(is_ascii_gap(text.as_bytes()[context.start]));
        assert_eq!(context.end, text.len());
        let whole = tokenize(&text);
        let first = whole.iter().position(|t| t.start as usize >= context.start).unwrap();
        assert_eq!(tokenize_span(&text, context.clone()), whole[first..]);
        assert_eq!(with_context(&text, &(0..10)), 0..context_end(&text, 10));
    }

    /// Where `with_context` ends a block ending at `end`: the first whitespace run at or after
    /// `end + CONTEXT_BYTES`.
    fn context_end(text: &str, end: usize) -> usize {
        let bytes = text.as_bytes();
        (end + CONTEXT_BYTES..bytes.len())
            .find(|&i| is_ascii_gap(bytes[i]) && !is_ascii_gap(bytes[i - 1]))
            .unwrap_or(bytes.len())
    }

    #[test]
    fn a_short_text_is_one_block() {
        let text = "It rained on Monday. The river rose on Tuesday.";
        let spans = sentences::split(text);
        assert_eq!(of(text, &spans, BLOCK_BYTES), [Block { bytes: 0..text.len(), sentences: 0..spans.len() }]);
    }

    #[test]
    fn blocks_cover_the_text_and_their_tokens_are_the_texts() {
        let text = "Rain fell on Monday.\n\nThe river rose on Tuesday, 3 March.  Crews\tworked late.\u{a0}\
                    Roads closed.It stopped on Friday.\r\n“Done,” she said. 5,000 were moved.";
        let spans = sentences::split(text);
        let whole = tokenize(text);
        for size in [1, 5, 20, 40, 1000] {
            let blocks = of(text, &spans, size);
            assert_eq!(blocks.first().map(|b| b.bytes.start), Some(0));
            assert_eq!(blocks.last().map(|b| b.bytes.end), Some(text.len()));
            assert_eq!(blocks.last().map(|b| b.sentences.end), Some(spans.len()));
            for pair in blocks.windows(2) {
                assert_eq!(pair[0].bytes.end, pair[1].bytes.start);
                assert_eq!(pair[0].sentences.end, pair[1].sentences.start);
            }
            let joined: Vec<_> = blocks.iter().flat_map(|b| tokenize_span(text, b.bytes.clone())).collect();
            assert_eq!(joined, whole, "blocks of {size} bytes");
            for block in &blocks {
                for sentence in &spans[block.sentences.clone()] {
                    assert!(block.bytes.contains(&sentence.start), "{block:?} {sentence:?}");
                }
            }
        }
        assert!(of(text, &spans, 1).len() > 4, "small blocks cut between sentences");
    }
}
