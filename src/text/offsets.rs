//! Byte offset → code point offset conversion for one text.

/// Converts byte offsets of one text into code point offsets. Built once per document.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// For ASCII-only texts this stays empty and byte offsets are code point offsets.
    starts: Vec<u32>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets { starts: Vec::new(), len_bytes: text.len(), len_chars: text.len() };
        }
        let starts: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        CharOffsets { len_chars: starts.len(), starts, len_bytes: text.len() }
    }

    /// Code point offset of byte offset `byte` (which must be a char boundary or the text end).
    pub fn char_at(&self, byte: usize) -> usize {
        if self.starts.is_empty() && self.len_bytes == self.len_chars {
            return byte;
        }
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i,
        }
    }

    /// Byte offset of code point offset `ch`.
    pub fn byte_at(&self, ch: usize) -> usize {
        if self.starts.is_empty() && self.len_bytes == self.len_chars {
            return ch.min(self.len_bytes);
        }
        self.starts.get(ch).map(|&b| b as usize).unwrap_or(self.len_bytes)
    }

    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
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
}
