//! The tokenisation the scorer compares extents on (TempEval-3 compares entities by the tokens
//! they cover, not by characters): words are maximal runs of alphanumeric characters, every other
//! non-space character is a token of its own. Spans are code point offsets.

/// Token spans of one text, in code points, half-open, in text order.
#[derive(Debug, Clone)]
pub struct Tokens {
    spans: Vec<(usize, usize)>,
}

impl Tokens {
    pub fn new(text: &str) -> Self {
        let mut spans = Vec::new();
        let mut word_start: Option<usize> = None;
        let mut index = 0usize;
        for c in text.chars() {
            if c.is_alphanumeric() {
                word_start.get_or_insert(index);
            } else {
                if let Some(start) = word_start.take() {
                    spans.push((start, index));
                }
                if !c.is_whitespace() {
                    spans.push((index, index + 1));
                }
            }
            index += 1;
        }
        if let Some(start) = word_start {
            spans.push((start, index));
        }
        Tokens { spans }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The half-open range of token indices that overlap the code point range `[start, end)`;
    /// `None` when the range covers no token (empty or whitespace only).
    pub fn cover(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end {
            return None;
        }
        let first = self.spans.partition_point(|&(_, e)| e <= start);
        let last = self.spans.partition_point(|&(s, _)| s < end);
        (first < last).then_some((first, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_punctuation() {
        let tokens = Tokens::new("On 1998-01-08, at 5 p.m.");
        assert_eq!(tokens.len(), 13);
        assert_eq!(tokens.cover(3, 13), Some((1, 6))); // 1998 - 01 - 08
        assert_eq!(tokens.cover(4, 5), Some((1, 2))); // inside a token still covers it
        assert_eq!(tokens.cover(2, 3), None); // a space
        assert_eq!(tokens.cover(5, 5), None);
    }

    #[test]
    fn code_points_not_bytes() {
        let tokens = Tokens::new("Zoë’s day");
        assert_eq!(tokens.cover(6, 9), Some((3, 4)));
    }
}
