//! What the tagger reads of a word to tag it: the word, its affixes and shape, the words around
//! it and the tags it gave the two words before (after the feature set of the classic greedy
//! averaged-perceptron tagger, with a few pairs more). Each feature is a 64-bit FNV-1a hash of
//! its kind and parts.

/// A feature, hashed.
pub type Feature = u64;

/// A sentence's words as the features read them: normalised (lower case; years, numbers and
/// hyphenated words by class), with two pads at each end, and whether each was capitalised.
pub struct Context {
    words: Vec<String>,
    capitalised: Vec<bool>,
}

const PADS_BEFORE: [&str; 2] = ["-start2-", "-start-"];
const PADS_AFTER: [&str; 2] = ["-end-", "-end2-"];

impl Context {
    pub fn new(words: &[&str]) -> Self {
        let mut normal: Vec<String> = PADS_BEFORE.iter().map(|p| p.to_string()).collect();
        normal.extend(words.iter().map(|w| normalise(w)));
        normal.extend(PADS_AFTER.iter().map(|p| p.to_string()));
        let capitalised = words.iter().map(|w| w.starts_with(char::is_uppercase)).collect();
        Context { words: normal, capitalised }
    }

    /// The features of word `i`, after the tags `previous` (one back) and `before` (two back)
    /// it gave, into `out`.
    pub fn features(&self, i: usize, previous: Option<&str>, before: Option<&str>, out: &mut Vec<Feature>) {
        let at = i + PADS_BEFORE.len();
        let word = self.words[at].as_str();
        let (previous, before) = (previous.unwrap_or("-START-"), before.unwrap_or("-START2-"));
        let shape = if self.capitalised.get(i).copied().unwrap_or(false) { "Cap" } else { "low" };
        out.extend([
            hash(0, &[]),
            hash(1, &[suffix(word, 3)]),
            hash(2, &[prefix(word, 1)]),
            hash(3, &[previous]),
            hash(4, &[before]),
            hash(5, &[previous, before]),
            hash(6, &[word]),
            hash(7, &[previous, word]),
            hash(8, &[&self.words[at - 1]]),
            hash(9, &[suffix(&self.words[at - 1], 3)]),
            hash(10, &[&self.words[at - 2]]),
            hash(11, &[&self.words[at + 1]]),
            hash(12, &[suffix(&self.words[at + 1], 3)]),
            hash(13, &[&self.words[at + 2]]),
            hash(14, &[shape, suffix(word, 2)]),
            hash(15, &[shape, previous]),
            hash(16, &[previous, suffix(word, 3)]),
            hash(17, &[word, &self.words[at + 1]]),
            hash(18, &[&self.words[at - 1], word]),
            hash(19, &[suffix(word, 4)]),
        ]);
    }
}

/// The feature of the word itself (`word`, normalised as the features read it: lower case):
/// what the model learned of the word alone, whatever its neighbours.
pub fn word_feature(word: &str) -> Feature {
    hash(6, &[&normalise(word)])
}

/// A word as the features see it: lower case, a four-digit number as a year, other numbers and
/// hyphenated words by class.
fn normalise(word: &str) -> String {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    if digits == 4 && word.chars().count() == 4 {
        "!year".to_string()
    } else if word.starts_with(|c: char| c.is_ascii_digit()) {
        "!digits".to_string()
    } else if word.find('-').is_some_and(|at| at > 0) && word.chars().count() > 3 {
        format!("!hyphen{}", suffix(&word.to_lowercase(), 3))
    } else {
        word.to_lowercase()
    }
}

/// The last `n` characters of `word` (all of it when shorter; `n` is at least 1).
fn suffix(word: &str, n: usize) -> &str {
    let at = word.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(at, _)| at);
    &word[at..]
}

/// The first `n` characters of `word`.
fn prefix(word: &str, n: usize) -> &str {
    let end = word.char_indices().nth(n).map_or(word.len(), |(at, _)| at);
    &word[..end]
}

/// FNV-1a (64 bit) of a feature's kind and parts, each part ended by a byte no UTF-8 text has.
fn hash(kind: u8, parts: &[&str]) -> Feature {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    h = (h ^ u64::from(kind)).wrapping_mul(PRIME);
    for part in parts {
        for b in part.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        }
        h = (h ^ 0xff).wrapping_mul(PRIME);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_count_characters_not_bytes() {
        assert_eq!(suffix("café", 3), "afé");
        assert_eq!(suffix("a", 3), "a");
        assert_eq!(prefix("éa", 1), "é");
        assert_eq!(prefix("", 1), "");
    }

    #[test]
    fn numbers_years_and_hyphens_are_read_by_class() {
        assert_eq!(normalise("1998"), "!year");
        assert_eq!(normalise("3,000"), "!digits");
        assert_eq!(normalise("Well-armed"), "!hyphenmed");
        assert_eq!(normalise("Armed"), "armed");
        assert_eq!(normalise("-"), "-");
    }
}
