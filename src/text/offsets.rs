//! Byte offset → code point offset conversion for one text.
//!
//! News is mostly ASCII with a few curly quotes and dashes, so the map records only the code
//! points that take more than one byte (8 bytes each); a text where such code points are common
//! (Cyrillic, Greek, CJK) keeps every code point's start instead (4 bytes each), whichever is
//! smaller. Before this, one curly quote in a 5 MB article cost 20 MB of starts.

/// Converts byte offsets of one text into code point offsets. Built once per document.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    map: Map,
    len_bytes: usize,
    len_chars: usize,
}

#[derive(Debug, Clone)]
enum Map {
    /// Every code point's byte start.
    Dense(Vec<u32>),
    /// The code points of more than one byte, in text order (empty for ASCII).
    Sparse(Vec<Wide>),
}

/// A code point of more than one byte.
#[derive(Debug, Clone, Copy)]
struct Wide {
    /// Its code point offset.
    char_index: u32,
    /// How many bytes beyond one per code point come before it.
    extra_before: u32,
}

impl Wide {
    fn byte_start(self) -> usize {
        self.char_index as usize + self.extra_before as usize
    }
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let len_bytes = text.len();
        if text.is_ascii() {
            return CharOffsets { map: Map::Sparse(Vec::new()), len_bytes, len_chars: len_bytes };
        }
        let len_chars = text.chars().count();
        // Sparse costs 8 bytes per wide code point, dense 4 per code point.
        let wide_count = text.chars().filter(|c| !c.is_ascii()).count();
        let map = if wide_count.saturating_mul(2) > len_chars {
            Map::Dense(text.char_indices().map(|(b, _)| b as u32).collect())
        } else {
            Map::Sparse(wide_code_points(text, wide_count))
        };
        CharOffsets { map, len_bytes, len_chars }
    }

    /// Code point offset of byte offset `byte`: of the code point starting there, or of the next
    /// one when `byte` falls inside a code point; the text's length at or past its end.
    pub fn char_at(&self, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        match &self.map {
            Map::Dense(starts) => match starts.binary_search(&(byte as u32)) {
                Ok(i) | Err(i) => i,
            },
            Map::Sparse(wide) => {
                let before = wide.partition_point(|w| w.byte_start() < byte);
                let Some(last) = before.checked_sub(1).map(|i| wide[i]) else { return byte };
                let extra_after = self.extra_before_wide(wide, before);
                let last_end = last.char_index as usize + 1 + extra_after;
                if byte < last_end {
                    last.char_index as usize + 1
                } else {
                    byte - extra_after
                }
            }
        }
    }

    /// Byte offset of code point offset `ch`; the text's length at or past its end.
    pub fn byte_at(&self, ch: usize) -> usize {
        if ch >= self.len_chars {
            return self.len_bytes;
        }
        match &self.map {
            Map::Dense(starts) => starts.get(ch).map_or(self.len_bytes, |&b| b as usize),
            Map::Sparse(wide) => {
                let before = wide.partition_point(|w| (w.char_index as usize) < ch);
                ch + self.extra_before_wide(wide, before)
            }
        }
    }

    /// The extra bytes before the `index`th wide code point (all of them past the last).
    fn extra_before_wide(&self, wide: &[Wide], index: usize) -> usize {
        wide.get(index).map_or(self.len_bytes - self.len_chars, |w| w.extra_before as usize)
    }

    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

fn wide_code_points(text: &str, count: usize) -> Vec<Wide> {
    let mut wide = Vec::with_capacity(count);
    let mut extra = 0u32;
    for (char_index, c) in text.chars().enumerate() {
        if !c.is_ascii() {
            wide.push(Wide { char_index: char_index as u32, extra_before: extra });
            extra += c.len_utf8() as u32 - 1;
        }
    }
    wide
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_curly_apostrophes() {
        let text = "May’s comment";
        let map = CharOffsets::new(text);
        let comment = text.find("comment").unwrap();
        assert_eq!(map.char_at(comment), 6);
        assert_eq!(map.byte_at(6), comment);
        assert_eq!(map.char_at(text.len()), 13);
    }

    #[test]
    fn ascii_is_identity() {
        let map = CharOffsets::new("abc");
        assert_eq!(map.char_at(2), 2);
        assert_eq!(map.byte_at(3), 3);
    }

    /// The reference: every code point's start, searched.
    fn naive_char_at(text: &str, byte: usize) -> usize {
        let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        if byte >= text.len() {
            return starts.len();
        }
        match starts.binary_search(&byte) {
            Ok(i) | Err(i) => i,
        }
    }

    #[test]
    fn sparse_and_dense_maps_agree_with_every_code_point_start() {
        let texts = [
            "“Quoted” — said ‘she’ on 22 March 2017…",
            "é",
            "aé",
            "éa",
            "Лондон, 22 марта — a mostly Cyrillic text",
            "東京 2017年3月22日 mixed 😀 emoji",
            "plain ascii, then one curly quote at the end’",
        ];
        for text in texts {
            let map = CharOffsets::new(text);
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            assert_eq!(map.len_chars(), chars.len(), "{text}");
            for byte in 0..=text.len() + 2 {
                assert_eq!(map.char_at(byte), naive_char_at(text, byte), "char_at({byte}) in {text:?}");
            }
            for (ch, &(byte, _)) in chars.iter().enumerate() {
                assert_eq!(map.byte_at(ch), byte, "byte_at({ch}) in {text:?}");
            }
            assert_eq!(map.byte_at(chars.len()), text.len());
            assert_eq!(map.byte_at(chars.len() + 5), text.len());
        }
    }

    #[test]
    fn mostly_wide_texts_keep_every_start_and_mostly_ascii_ones_only_the_wide() {
        assert!(matches!(CharOffsets::new("Лондон").map, Map::Dense(_)));
        let news = format!("{}’", "a".repeat(1000));
        match CharOffsets::new(&news).map {
            Map::Sparse(wide) => assert_eq!(wide.len(), 1),
            Map::Dense(_) => panic!("one curly quote made the map dense"),
        }
    }
}
