//! One reading of a document's sentences for the story readers (claims, implied events): each
//! sentence's tokens as `Tok`s (the tagger's tokens, made again one block of sentences at a
//! time, `text::blocks`, so that a long text never holds all of them) and the person names in
//! it, with a name seen in full earlier in the document known in later sentences ("Khalid
//! Masood" → "Masood"). Sentences are handed to the readers one at a time in one reused buffer,
//! so a document never holds more than one sentence's worth of reader tokens.
//!
//! Only a sentence that may state a fact (digits or a number word outside its dates and clock
//! times, or "anniversary") is read word by word. In the others (about half of news sentences) the readers find nothing but names, so
//! only their capitalised words become `Tok`s, each run with the word before it ("his wife
//! Melissa"): the names, the name memory and the last person named come out as in a full reading.

use super::names::{NameMemory, NameRun};
use super::numbers::{tok_of, Tok};
use super::words;
use crate::text::blocks::Block;
use crate::text::tokens::{cut_span_at_breaks, tokenize, Token, TokenKind};
use crate::text::SentenceSpan;
use std::borrow::Cow;
use std::ops::Range;

/// One sentence as the story readers see it.
pub struct Sentence<'a, 't> {
    /// Its place among the document's sentences.
    pub index: usize,
    /// Its tokens; for a sentence that states no fact (`states_facts`), only the words names
    /// can be made of, each run of them with the word before it.
    pub tokens: &'a [Tok<'t>],
    pub names: &'a [NameRun],
    /// Whether it may state a count, an age, a tenure or an anniversary.
    pub states_facts: bool,
    /// The byte spans of its date and time phrases: their numbers are no count or age.
    pub dates: &'a [Range<usize>],
}

/// Calls `visit` with each sentence of `text` in order. `tokens` are the document's tokens in
/// order (`tokenize`, or the tagger's); a token belongs to the sentence it starts in and ends
/// within. `dates` are the byte spans of the text's date and time phrases, in order: their
/// numbers ("22 March 2017", "9:15") state no count or age.
pub fn each_sentence<'t>(
    text: &'t str,
    sentences: &[SentenceSpan],
    tokens: &[Token],
    dates: &[Range<usize>],
    visit: impl FnMut(&Sentence<'_, 't>),
) {
    let whole = std::iter::once((0..sentences.len(), Cow::Borrowed(tokens)));
    read_sentences(text, sentences, whole, dates, Reading::FactsOnly, visit);
}

/// `each_sentence` over the text's blocks of sentences (`text::blocks`), each block's tokens
/// made (cut at `breaks`, as the tagger's) when it is read and dropped after it.
pub fn each_sentence_in_blocks<'t>(
    text: &'t str,
    sentences: &[SentenceSpan],
    (breaks, blocks): (&[usize], &[Block]),
    dates: &[Range<usize>],
    visit: impl FnMut(&Sentence<'_, 't>),
) {
    let tokenized = blocks
        .iter()
        .map(|block| (block.sentences.clone(), Cow::Owned(cut_span_at_breaks(text, breaks, block.bytes.clone()))));
    read_sentences(text, sentences, tokenized, dates, Reading::FactsOnly, visit);
}

/// Whether sentences that state no fact are read in full (the reference the shortcut is tested
/// against) or only for their names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    FactsOnly,
    #[cfg(test)]
    Everything,
}

/// Reads `sentences` block by block: each block's sentence indices with its tokens.
fn read_sentences<'t, 'k>(
    text: &'t str,
    sentences: &[SentenceSpan],
    blocks: impl IntoIterator<Item = (Range<usize>, Cow<'k, [Token]>)>,
    dates: &[Range<usize>],
    reading: Reading,
    mut visit: impl FnMut(&Sentence<'_, 't>),
) {
    let mut memory = NameMemory::default();
    let mut buffer: Vec<Tok<'t>> = Vec::new();
    let mut names: Vec<NameRun> = Vec::new();
    for (indices, tokens) in blocks {
        let mut next = 0;
        for index in indices {
            let Some(span) = sentences.get(index) else { break };
            while tokens.get(next).is_some_and(|t| (t.start as usize) < span.start) {
                next += 1;
            }
            let first = next;
            while tokens.get(next).is_some_and(|t| (t.start as usize) < span.end) {
                next += 1;
            }
            let own = tokens[first..next].iter().filter(|t| t.end as usize <= span.end);
            let dates = &dates[dates.partition_point(|d| d.end <= span.start)..];
            let dates = &dates[..dates.partition_point(|d| d.start < span.end)];
            let in_date = |t: &Token| dates.iter().any(|d| d.contains(&(t.start as usize)));
            let sentence_tokens = &tokens[first..next];
            let states_facts = sentence_tokens.iter().enumerate().any(|(k, t)| {
                t.end as usize <= span.end
                    && may_state_fact(text, t)
                    && !in_date(t)
                    && !is_money_or_share(sentence_tokens, k)
            });
            buffer.clear();
            if states_facts || reading != Reading::FactsOnly {
                buffer.extend(own.filter_map(|t| tok_of(text, t)));
            } else {
                push_name_words(text, own, &mut buffer);
            }
            memory.read_into(&buffer, &mut names);
            visit(&Sentence { index, tokens: &buffer, names: &names, states_facts, dates });
        }
    }
}

/// Digits, a number word or "anniversary" (`words::may_state_fact`): outside a date, a
/// sentence without one states no count, age, tenure or anniversary.
fn may_state_fact(text: &str, token: &Token) -> bool {
    let bytes = text.as_bytes().get(token.range()).unwrap_or_default();
    match token.kind {
        TokenKind::Number => true,
        TokenKind::Word => bytes.first().is_some_and(u8::is_ascii_digit) || words::may_state_fact(bytes),
        _ => false,
    }
}

/// Whether the number at `k` is part of a sum of money or a percentage ("$1.2", "£40,000",
/// "5.5%"): a figure, read from its first digits to its last, glued to a currency sign before it
/// or a percent sign after it. No count or age is written so.
fn is_money_or_share(tokens: &[Token], k: usize) -> bool {
    let glued_figure_part = |i: usize| {
        let (Some(mark), Some(number)) = (tokens.get(i), tokens.get(i + 1)) else { return false };
        matches!(mark.kind, TokenKind::Punct('.' | ',')) && !mark.space_before && !number.space_before
    };
    if tokens.get(k).is_none_or(|t| t.kind != TokenKind::Number) {
        return false;
    }
    let mut first = k;
    while first >= 2 && tokens[first - 2].kind == TokenKind::Number && glued_figure_part(first - 1) {
        first -= 2;
    }
    let mut last = k;
    while tokens.get(last + 2).is_some_and(|t| t.kind == TokenKind::Number) && glued_figure_part(last + 1) {
        last += 2;
    }
    let currency = first
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| matches!(t.kind, TokenKind::Punct('$' | '£' | '€' | '¥')) && !tokens[first].space_before);
    let percent = tokens.get(last + 1).is_some_and(|t| t.kind == TokenKind::Punct('%') && !t.space_before);
    currency || percent
}

/// The words of a sentence a name can be made of (those that may start with a capital), each
/// run of them with the token before it, in order. Runs stay apart in the buffer: the token
/// between them starts with no capital.
fn push_name_words<'a, 't>(text: &'t str, tokens: impl Iterator<Item = &'a Token>, buffer: &mut Vec<Tok<'t>>) {
    let bytes = text.as_bytes();
    let mut before: Option<&Token> = None;
    let mut in_run = false;
    for token in tokens {
        let first = bytes.get(token.start as usize).copied().unwrap_or(0);
        let may_be_capital = token.kind == TokenKind::Word && (first.is_ascii_uppercase() || !first.is_ascii());
        if may_be_capital {
            if !in_run {
                buffer.extend(before.and_then(|b| tok_of(text, b)));
            }
            buffer.extend(tok_of(text, token));
        }
        in_run = may_be_capital;
        before = Some(token);
    }
}

/// As `each_sentence`, tokenizing `text` first (for callers without the tagger's tokens).
/// Without dates known, every number may state a fact.
pub fn each_sentence_of<'t>(text: &'t str, sentences: &[SentenceSpan], visit: impl FnMut(&Sentence<'_, 't>)) {
    each_sentence(text, sentences, &tokenize(text), &[], visit);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences;

    #[test]
    fn each_sentence_gets_its_own_tokens_and_remembers_names() {
        let text = "Police named Khalid Masood, 52. Officers followed Masood home.";
        let spans = sentences::split(text);
        let mut seen: Vec<(usize, Vec<String>, usize, bool)> = Vec::new();
        each_sentence_of(text, &spans, |s| {
            let words = s.tokens.iter().map(|t| t.text.to_string()).collect();
            seen.push((s.index, words, s.names.len(), s.states_facts))
        });
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[0].1, ["Police", "named", "Khalid", "Masood", ",", "52", "."]);
        assert!(seen[0].3, "a number may state a fact");
        assert_eq!(seen[1].1, ["Officers", "followed", "Masood"], "no fact: the capitalised runs and the word before");
        assert!(!seen[1].3);
        assert_eq!((seen[0].2, seen[1].2), (1, 1), "the full name, then its remembered word");
    }

    #[test]
    fn money_and_percentages_are_told_from_counts() {
        let money = |text: &str| -> Vec<bool> {
            let tokens = tokenize(text);
            (0..tokens.len())
                .filter(|&k| tokens[k].kind == TokenKind::Number)
                .map(|k| is_money_or_share(&tokens, k))
                .collect()
        };
        assert_eq!(money("$1,204.50 and 5.5% of 40,000 people"), [true, true, true, true, true, false, false]);
        assert_eq!(money("£40 (52%) but 52 % and $ 5"), [true, true, false, false]);
        assert_eq!(money("a 52-year-old, 12 people"), [false, false]);
    }

    /// The byte spans of the date and time phrases the tagger finds in `text`.
    fn date_spans(text: &str) -> Vec<Range<usize>> {
        use crate::timex::TimexType;
        let x = crate::pipeline::extract_events(
            &crate::ingest::Document::plain_text("t.txt", text),
            "d",
            &crate::pipeline::Settings { anchor: chrono::NaiveDate::from_ymd_opt(2017, 3, 22).unwrap(), dct: None },
        );
        let dates = x.mentions.iter().filter(|m| matches!(m.timex_type, TimexType::Date | TimexType::Time));
        dates.map(|m| x.offsets.byte_at(m.start)..x.offsets.byte_at(m.end)).collect()
    }

    /// What the readers make of each sentence: its names as text, its claims and the implied
    /// events read so far.
    fn readings(text: &str, reading: Reading) -> Vec<String> {
        let spans = sentences::split(text);
        let offsets = crate::text::offsets::CharOffsets::new(text);
        let reference = chrono::NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
        let mut reader = super::super::implied::Reader::new(reference);
        let mut out = Vec::new();
        let dates = date_spans(text);
        let whole = std::iter::once((0..spans.len(), Cow::Owned(tokenize(text))));
        read_sentences(text, &spans, whole, &dates, reading, |s| {
            let names: Vec<&str> =
                s.names.iter().map(|n| &text[s.tokens[n.first].start..s.tokens[n.end - 1].end]).collect();
            let claims = super::super::claims::of_sentence(&"d".into(), text, &offsets, s);
            reader.read(text, &offsets, s);
            out.push(format!("{} {names:?} {claims:?}", s.index));
        });
        out.push(format!("{:?}", reader.finish(&[], text, &offsets)));
        out
    }

    /// Reading only the sentences that may state a fact, and only the names of the others, must
    /// find exactly what reading every sentence word by word finds.
    #[test]
    fn reading_names_only_where_no_fact_is_stated_changes_nothing() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = [
            "Defence Secretary Michael Fallon spoke. His wife Melissa and Kurt Cochran were there. \
             Cochran, a 15-year veteran, said Fallon was there. He was a 15-year veteran. \
             Ólafur Ragnar Grímsson visited Reykjavík. Grímsson, 52, left. \
             Police said Keith Palmer, 48, died. Palmer and his wife celebrated their 25th Anniversary. \
             They had been married for twenty years. President Xi Jinping sent condolences. Xi left.",
            "Officers arrested eight people. Eight were held. Dozens were hurt when Mr Smith's car hit them.",
            "Voters recalled the 1999 elections. On 22 March 2017 at 9:15 p.m. Ann Lee, 52, left. Lee spoke.",
            "Shares of Acme Corp rose 5.5% to $1,204.50. The bank lent £40,000 to Ann Lee (52%). It cost $5 and 12 people.",
        ]
        .map(str::to_string)
        .to_vec();
        for dir in [root.join("assets/examples"), root.join("../shared/seeds")] {
            let mut paths: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
            paths.sort();
            texts.extend(paths.iter().filter_map(|p| crate::ingest::load(p).ok()).map(|d| d.text));
        }
        assert!(texts.len() >= 5, "the bundled examples are read");
        for text in &texts {
            assert_eq!(readings(text, Reading::FactsOnly), readings(text, Reading::Everything));
        }
    }
}
