//! Short words folded to lower case and packed into one integer, so that looking a word up in a
//! fixed word list costs a few integer comparisons instead of a string comparison per entry.

/// A word of up to 16 ASCII bytes, lower-cased, packed little-endian; unused bytes are zero.
pub type WordKey = u128;

/// Longest word a key holds.
pub const MAX_WORD_LEN: usize = 16;

/// The key of `word` (any case); `None` when it is longer than 16 bytes, empty or not ASCII (or
/// holds a NUL byte). Works on the two eight-byte halves at once rather than byte by byte, since
/// every lexicon and word-list lookup starts here.
pub fn key(word: &[u8]) -> Option<WordKey> {
    if word.is_empty() || word.len() > MAX_WORD_LEN {
        return None;
    }
    let in_word = |half: usize| -> u64 {
        // High bit of every byte of this half that belongs to the word.
        let bytes = word.len().saturating_sub(8 * half).min(8);
        if bytes == 8 {
            HIGH_BITS
        } else {
            HIGH_BITS & ((1u64 << (8 * bytes)) - 1)
        }
    };
    let mut halves = load_le(word);
    for (half, chunk) in halves.iter_mut().enumerate() {
        if *chunk & HIGH_BITS != 0 || zero_bytes(*chunk) & in_word(half) != 0 {
            return None;
        }
        *chunk = lower_ascii(*chunk);
    }
    Some(WordKey::from(halves[0]) | (WordKey::from(halves[1]) << 64))
}

/// The bytes of `word` (1 to 16 of them) as two little-endian halves padded with zeros, read with
/// a few overlapping loads instead of a copy or a loop.
fn load_le(word: &[u8]) -> [u64; 2] {
    let len = word.len();
    let u64_at = |at: usize| word.get(at..at + 8).and_then(|b| b.try_into().ok()).map_or(0, u64::from_le_bytes);
    let u32_at = |at: usize| {
        word.get(at..at + 4).and_then(|b| b.try_into().ok()).map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    match len {
        0 => [0, 0],
        1..=3 => {
            let (first, middle, last) = (word[0], word[len / 2], word[len - 1]);
            [u64::from(first) | u64::from(middle) << (8 * (len / 2)) | u64::from(last) << (8 * (len - 1)), 0]
        }
        4..=7 => [u32_at(0) | u32_at(len - 4) << (8 * (len - 4)), 0],
        8 => [u64_at(0), 0],
        _ => [u64_at(0), u64_at(len - 8) >> (8 * (16 - len.min(16)))],
    }
}

/// One in every byte of a `u64` read as eight bytes.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// High bit set for bytes of `chunk` that are zero. Borrows only run upwards from a zero byte, so
/// a flag on a non-zero byte always sits above a real zero: masking to the word's bytes (the low
/// ones) gives an exact answer for them.
fn zero_bytes(chunk: u64) -> u64 {
    chunk.wrapping_sub(ONES) & !chunk & HIGH_BITS
}

/// The high bit of each byte of `chunk` that lies in `low..=high`, for a chunk whose bytes are all
/// below 0x80: two additions test every byte's range at once, and neither can carry into the next
/// byte. Shared by the tokenizer's letter scan and the case folding here.
pub(crate) fn bytes_in_range(chunk: u64, low: u8, high: u8) -> u64 {
    let at_least_low = chunk + (0x80 - u64::from(low)) * ONES;
    let above_high = chunk + (0x80 - u64::from(high) - 1) * ONES;
    at_least_low & !above_high & HIGH_BITS
}

/// Lower-cases the ASCII capitals of `chunk` (all bytes ASCII).
fn lower_ascii(chunk: u64) -> u64 {
    chunk | (bytes_in_range(chunk, b'A', b'Z') >> 2)
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

/// The shapes (length, first and last letter, any case) of the words of a fixed list, as bits: a
/// word of another shape is not in the list, which rules out most words of running text before
/// any keying or hashing.
pub struct Shapes {
    bits: Vec<u64>,
}

impl Shapes {
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut bits = vec![0u64; shape_index(&[0; MAX_WORD_LEN + 1]) / 64 + 1];
        for word in words.into_iter().map(str::as_bytes).filter(|w| !w.is_empty() && w.len() <= MAX_WORD_LEN) {
            let index = shape_index(word);
            bits[index / 64] |= 1 << (index % 64);
        }
        Shapes { bits }
    }

    /// Whether `word` has the shape of a listed word (it may still not be one).
    pub fn may_hold(&self, word: &[u8]) -> bool {
        if word.is_empty() || word.len() > MAX_WORD_LEN {
            return false;
        }
        let index = shape_index(word);
        self.bits[index / 64] & (1 << (index % 64)) != 0
    }
}

/// The shape bit of a word of 1 to 16 bytes: its length, first and last letter (case folded; any
/// other byte counts as one more "letter").
fn shape_index(word: &[u8]) -> usize {
    let letter = |b: u8| (b.to_ascii_lowercase().wrapping_sub(b'a') as usize).min(26);
    let (first, last) = (word.first().copied().unwrap_or(0), word.last().copied().unwrap_or(0));
    (word.len() * 27 + letter(first)) * 27 + letter(last)
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
    fn keys_agree_with_byte_by_byte_packing() {
        fn slow_key(word: &[u8]) -> Option<WordKey> {
            if word.is_empty() || word.len() > MAX_WORD_LEN || word.iter().any(|b| !b.is_ascii() || *b == 0) {
                return None;
            }
            Some(word.iter().enumerate().fold(0, |k, (n, b)| k | (WordKey::from(b.to_ascii_lowercase()) << (8 * n))))
        }
        let mut words: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
        for b in 0..=255u8 {
            for len in [2, 7, 8, 9, 15, 16, 17] {
                for at in [0, len / 2, len - 1] {
                    let mut word = b"AbZz@[`{Mixed-Case!".repeat(2)[..len].to_vec();
                    word[at] = b;
                    words.push(word);
                }
            }
        }
        for word in &words {
            assert_eq!(key(word), slow_key(word), "{word:?}");
        }
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
