//! One reading of a document's sentences for the story readers (claims, implied events): each
//! sentence's tokens as `Tok`s (taken from the document's tokens, which the tagger has already
//! made, so nothing is tokenized twice) and the person names in it, with a name seen in full
//! earlier in the document known in later sentences ("Khalid Masood" → "Masood"). Sentences are
//! handed to the readers one at a time in one reused buffer, so a document never holds more than
//! one sentence's worth of reader tokens.

use super::names::{NameMemory, NameRun};
use super::numbers::{tok_of, Tok};
use crate::text::tokens::{tokenize, Token};
use crate::text::SentenceSpan;

/// One sentence as the story readers see it.
pub struct Sentence<'a, 't> {
    /// Its place among the document's sentences.
    pub index: usize,
    pub tokens: &'a [Tok<'t>],
    pub names: &'a [NameRun],
}

/// Calls `visit` with each sentence of `text` in order. `tokens` are the document's tokens in
/// order (`tokenize`, or the tagger's); a token belongs to the sentence it starts in and ends
/// within.
pub fn each_sentence<'t>(
    text: &'t str,
    sentences: &[SentenceSpan],
    tokens: &[Token],
    mut visit: impl FnMut(&Sentence<'_, 't>),
) {
    let mut memory = NameMemory::default();
    let mut buffer: Vec<Tok<'t>> = Vec::new();
    let mut next = 0;
    for (index, span) in sentences.iter().enumerate() {
        buffer.clear();
        while tokens.get(next).is_some_and(|t| (t.start as usize) < span.start) {
            next += 1;
        }
        while let Some(token) = tokens.get(next).filter(|t| (t.start as usize) < span.end) {
            if token.end as usize <= span.end {
                buffer.extend(tok_of(text, token));
            }
            next += 1;
        }
        let names = memory.read(&buffer);
        visit(&Sentence { index, tokens: &buffer, names: &names });
    }
}

/// As `each_sentence`, tokenizing `text` first (for callers without the tagger's tokens).
pub fn each_sentence_of<'t>(text: &'t str, sentences: &[SentenceSpan], visit: impl FnMut(&Sentence<'_, 't>)) {
    each_sentence(text, sentences, &tokenize(text), visit);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences;

    #[test]
    fn each_sentence_gets_its_own_tokens_and_remembers_names() {
        let text = "Police named Khalid Masood. Officers followed Masood home.";
        let spans = sentences::split(text);
        let mut seen: Vec<(usize, Vec<String>, usize)> = Vec::new();
        each_sentence_of(text, &spans, |s| {
            seen.push((s.index, s.tokens.iter().map(|t| t.text.to_string()).collect(), s.names.len()))
        });
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[0].1, ["Police", "named", "Khalid", "Masood", "."]);
        assert_eq!(seen[1].1, ["Officers", "followed", "Masood", "home", "."]);
        assert_eq!((seen[0].2, seen[1].2), (1, 1), "the full name, then its remembered word");
    }
}
