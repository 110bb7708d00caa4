//! Tokenizer for the tagger: one fast pass over the bytes producing words, numbers and punctuation
//! with byte spans and the spacing facts rules need ("2.38pm" has no spaces, "May’s" has an
//! apostrophe token). Curly and straight apostrophes both become `'`.

use super::word_key::{bytes_in_range, HIGH_BITS, ONES};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (ASCII or not).
    Word,
    /// ASCII digits.
    Number,
    /// Any other single character (apostrophes normalised to `'`, dashes to `-`).
    Punct(char),
}

/// One token with its byte span in the text. Offsets are `u32` (a document holds one token per
/// few bytes, so the tokens are its largest intermediate data; 16 bytes each instead of 24):
/// `tokenize` reads at most the first 4 GiB of a text, far beyond the 50 MiB articles are
/// limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub newline_before: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.range()]
    }

    /// The byte span as a range into the text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// Attached to the previous token (no whitespace in between).
    pub fn attached(&self) -> bool {
        !self.space_before
    }
}

/// How the tokenizer treats each byte.
const SPACE: u8 = 0;
const NEWLINE: u8 = 1;
const DIGIT: u8 = 2;
const LETTER: u8 = 3;
const ASCII_PUNCT: u8 = 4;
const NON_ASCII: u8 = 5;

const BYTE_CLASS: [u8; 256] = {
    let mut classes = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = if byte == b'\n' {
            NEWLINE
        } else if byte.is_ascii_whitespace() {
            SPACE
        } else if byte.is_ascii_digit() {
            DIGIT
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else {
            ASCII_PUNCT
        };
        b += 1;
    }
    classes
};

/// Cuts tokens at `breaks` (sorted byte offsets where the source's structure ends a sentence
/// though no whitespace shows it: TimeML `<s>` elements written back to back, "737sJune 13").
/// A token that starts at a break counts as starting a new line; one that straddles a break is cut
/// in two there. Linear in tokens plus breaks.
pub fn cut_at_breaks(tokens: Vec<Token>, breaks: &[usize]) -> Vec<Token> {
    if breaks.is_empty() {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + breaks.len());
    let mut next = 0;
    for mut token in tokens {
        while next < breaks.len() && breaks[next] <= token.start as usize {
            if breaks[next] == token.start as usize {
                token.newline_before = true;
                token.space_before = true;
            }
            next += 1;
        }
        while next < breaks.len() && breaks[next] < token.end as usize {
            let cut = breaks[next] as u32;
            out.push(Token { end: cut, ..token });
            token = Token { start: cut, space_before: true, newline_before: true, ..token };
            next += 1;
        }
        out.push(token);
    }
    out
}

/// The tokens of `span` (`tokenize_span`) cut at the `breaks` within it.
pub fn cut_span_at_breaks(text: &str, breaks: &[usize], span: std::ops::Range<usize>) -> Vec<Token> {
    let first = breaks.partition_point(|&b| b < span.start);
    let last = breaks.partition_point(|&b| b < span.end);
    cut_at_breaks(tokenize_span(text, span), &breaks[first..last])
}

/// Splits `text` into tokens. Whitespace is dropped; everything else is covered.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_span(text, 0..text.len())
}

/// The tokens `tokenize(text)` gives within `span`, found without reading the rest: `span` runs
/// from the text's start or the start of a run of ASCII whitespace (after a token or other
/// whitespace) to the text's end or the start of such a run, so no token crosses its ends and
/// the whitespace before its first token is inside it.
pub fn tokenize_span(text: &str, span: std::ops::Range<usize>) -> Vec<Token> {
    let mut readable = text.len().min(u32::MAX as usize).min(span.end);
    while !text.is_char_boundary(readable) {
        readable -= 1;
    }
    let bytes = &text.as_bytes()[..readable];
    // Running text has about one token per five bytes; a little headroom avoids regrowing.
    let mut tokens = Vec::with_capacity(readable.saturating_sub(span.start) / 4 + 16);
    let mut i = span.start;
    // The text's first token counts as following a line break.
    let mut space_before = span.start == 0;
    let mut newline_before = span.start == 0;
    while i < bytes.len() {
        let start = i;
        let kind;
        match BYTE_CLASS[bytes[i] as usize] {
            SPACE => {
                space_before = true;
                i += 1;
                continue;
            }
            NEWLINE => {
                space_before = true;
                newline_before = true;
                i += 1;
                continue;
            }
            DIGIT => {
                i = run_end(bytes, i + 1, DIGIT);
                kind = TokenKind::Number;
            }
            LETTER => {
                i = letter_run_end(bytes, i + 1);
                // Non-ASCII letters continue a word ("café").
                while i < bytes.len() && bytes[i] >= 0x80 {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    if !ch.is_alphabetic() {
                        break;
                    }
                    i = letter_run_end(bytes, i + ch.len_utf8());
                }
                kind = TokenKind::Word;
            }
            ASCII_PUNCT => {
                i += 1;
                kind = TokenKind::Punct(match bytes[start] {
                    b'`' => '\'',
                    b => b as char,
                });
            }
            _ => {
                let ch = text[i..].chars().next().unwrap_or(' ');
                i += ch.len_utf8();
                if ch.is_whitespace() {
                    space_before = true;
                    continue;
                }
                if ch.is_alphabetic() {
                    while i < bytes.len() {
                        let next = text[i..].chars().next().unwrap_or(' ');
                        if !next.is_alphabetic() {
                            break;
                        }
                        i += next.len_utf8();
                    }
                    kind = TokenKind::Word;
                } else {
                    kind = TokenKind::Punct(match ch {
                        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
                        '\u{201C}' | '\u{201D}' => '"',
                        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
                        other => other,
                    });
                }
            }
        }
        // Both fit: `bytes` is at most u32::MAX long.
        let (start, end) = (start as u32, i as u32);
        tokens.push(Token { start, end, kind, space_before, newline_before });
        space_before = false;
        newline_before = false;
    }
    tokens
}

/// Whether `byte` is ASCII whitespace to the tokenizer (a space, tab or line break).
pub fn is_ascii_gap(byte: u8) -> bool {
    matches!(BYTE_CLASS[byte as usize], SPACE | NEWLINE)
}

/// Where the run of bytes of `class` starting at `from` ends.
fn run_end(bytes: &[u8], from: usize, class: u8) -> usize {
    let rest = bytes.get(from..).unwrap_or(&[]);
    rest.iter().position(|&b| BYTE_CLASS[b as usize] != class).map_or(bytes.len(), |k| from + k)
}

/// Where the run of ASCII letters starting at `from` ends. Words are most of a text, so this
/// tests eight bytes at a time (`ascii_letters`) and finishes byte by byte.
fn letter_run_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let stops = !ascii_letters(u64::from_le_bytes(word)) & HIGH_BITS;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    run_end(bytes, i, LETTER)
}

/// The high bit of each byte of `chunk` that is an ASCII letter: folding case with `| 0x20` maps
/// letters onto `a..=z` and nothing else there, then one range test covers the eight bytes (their
/// high bits cleared first, non-ASCII bytes masked out after).
fn ascii_letters(chunk: u64) -> u64 {
    let folded = (chunk | (0x20 * ONES)) & !HIGH_BITS;
    bytes_in_range(folded, b'a', b'z') & !chunk
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(String, bool)> {
        tokenize(text).iter().map(|t| (t.text(text).to_string(), t.space_before)).collect()
    }

    #[test]
    fn splits_clock_without_spaces() {
        let got: Vec<String> = shapes("at 2.38pm").into_iter().map(|(t, _)| t).collect();
        assert_eq!(got, ["at", "2", ".", "38", "pm"]);
    }

    #[test]
    fn curly_apostrophe_is_its_own_token() {
        let text = "Wednesday’s attack";
        let tokens = tokenize(text);
        assert_eq!(tokens[0].text(text), "Wednesday");
        assert!(tokens[1].is_punct('\''));
        assert_eq!(tokens[2].text(text), "s");
        assert!(tokens[2].attached());
    }

    #[test]
    fn eight_byte_letter_test_agrees_with_the_byte_table() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[lane] = b;
                let letters = ascii_letters(u64::from_le_bytes(bytes));
                let flagged = letters & (0x80 << (8 * lane)) != 0;
                assert_eq!(flagged, BYTE_CLASS[b as usize] == LETTER, "byte {b:#04x} in lane {lane}");
            }
        }
    }

    #[test]
    fn letter_runs_end_at_the_first_non_letter() {
        let text = b"abcdefghijklmnopq rstuvwxyzABCDEFGH1IJ\xc3\xa9z";
        for from in 0..text.len() {
            let expected = (from..text.len()).find(|&k| BYTE_CLASS[text[k] as usize] != LETTER).unwrap_or(text.len());
            assert_eq!(letter_run_end(text, from), expected, "from {from}");
        }
    }

    #[test]
    fn non_ascii_letters_stay_in_words() {
        let text = "café crème 12";
        let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["café", "crème", "12"]);
    }
}
