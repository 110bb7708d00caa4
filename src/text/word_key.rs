//! Short words folded to lower case and packed into one integer, so that looking a word up in a
//! fixed word list costs a few integer comparisons instead of a string comparison per entry.

/// A word of up to 16 ASCII bytes, lower-cased, packed little-endian; unused bytes are zero.
pub type WordKey = u128;

/// Longest word a key holds.
pub const MAX_WORD_LEN: usize = 16;

/// The key of `word` (any case); `None` when it is longer than 16 bytes, empty or not ASCII.
pub fn key(word: &[u8]) -> Option<WordKey> {
    if word.is_empty() || word.len() > MAX_WORD_LEN {
        return None;
    }
    let mut packed: WordKey = 0;
    for (n, b) in word.iter().enumerate() {
        if !b.is_ascii() || *b == 0 {
            return None;
        }
        packed |= (b.to_ascii_lowercase() as WordKey) << (8 * n);
    }
    Some(packed)
}

/// A fixed set of words with a payload each, looked up by key in an open-addressing hash table
/// (a multiply-shift hash and a short linear probe: a few instructions per lookup).
pub struct WordTable<T: Copy + 'static> {
    slots: Vec<Option<(WordKey, T)>>,
    shift: u32,
    len: usize,
}

fn slot_of(key: WordKey, shift: u32) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

impl<T: Copy + 'static> WordTable<T> {
    /// Builds the table; words that cannot be keyed (too long, not ASCII) are left out, which a
    /// unit test of each table guards against. A word listed twice keeps its first payload.
    pub fn new(entries: &[(&str, T)]) -> Self {
        let size = (entries.len() * 4).next_power_of_two().max(8);
        let shift = 64 - size.trailing_zeros();
        let mut table = WordTable { slots: vec![None; size], shift, len: 0 };
        for (word, value) in entries {
            let Some(k) = key(word.as_bytes()) else { continue };
            let mut slot = slot_of(k, shift);
            loop {
                match table.slots[slot] {
                    None => {
                        table.slots[slot] = Some((k, *value));
                        table.len += 1;
                        break;
                    }
                    Some((existing, _)) if existing == k => break,
                    Some(_) => slot = (slot + 1) & (size - 1),
                }
            }
        }
        table
    }

    /// The payload of `word` (any case).
    pub fn get(&self, word: &str) -> Option<T> {
        let word = word.as_bytes();
        if word.len() > MAX_WORD_LEN {
            return None;
        }
        self.get_key(key(word)?)
    }

    pub fn get_key(&self, key: WordKey) -> Option<T> {
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(key, self.shift);
        loop {
            match self.slots[slot] {
                None => return None,
                Some((k, value)) if k == key => return Some(value),
                Some(_) => slot = (slot + 1) & mask,
            }
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl WordTable<()> {
    /// A set of words.
    pub fn set(words: &[&str]) -> Self {
        WordTable::new(&words.iter().map(|w| (*w, ())).collect::<Vec<_>>())
    }

    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

/// A word lower-cased on the stack, for rules that compare a neighbouring word against short word
/// lists without allocating. Words longer than 24 bytes or not ASCII come out empty (no list holds
/// one).
#[derive(Clone, Copy)]
pub struct LowerWord {
    buf: [u8; 24],
    len: usize,
}

impl LowerWord {
    pub fn new(word: &str) -> Self {
        let mut buf = [0u8; 24];
        if word.len() > buf.len() || !word.is_ascii() {
            return LowerWord { buf, len: 0 };
        }
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        LowerWord { buf, len: word.len() }
    }

    pub fn as_str(&self) -> &str {
        // ASCII lower-casing keeps UTF-8 valid, so this never falls back.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl PartialEq<&str> for LowerWord {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for LowerWord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_and_refuse_long_or_foreign_words() {
        assert_eq!(key(b"After"), key(b"aFTER"));
        assert_ne!(key(b"after"), key(b"afte"));
        assert!(key(b"").is_none());
        assert!(key("café".as_bytes()).is_none());
        assert!(key(b"seventeen-and-more").is_none());
        assert!(key(b"sixteen-letters!").is_some());
    }

    #[test]
    fn lower_words_stay_on_the_stack() {
        assert_eq!(LowerWord::new("Während"), "");
        assert_eq!(LowerWord::new("GMT"), "gmt");
        assert_eq!(LowerWord::new("a-very-long-compound-word-indeed"), "");
    }

    #[test]
    fn tables_find_any_case() {
        let table = WordTable::new(&[("said", 1), ("after", 2), ("as", 3)]);
        assert_eq!(table.get("AFTER"), Some(2));
        assert_eq!(table.get("As"), Some(3));
        assert_eq!(table.get("a"), None);
        assert_eq!(table.get("assassination-attempts"), None);
        assert_eq!(table.len(), 3);
    }
}
