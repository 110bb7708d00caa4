//! Counts as news writes them: digits ("27", "12,000"), number words ("four", "twenty-five",
//! "a dozen"), vague amounts ("dozens", "several dozen", "hundreds", "scores") and the qualifiers
//! before them ("more than", "at least", "nearly", "about", "up to") → a `Quantity`. Also owns the
//! small word view of a sentence (`Tok`, `sentence_tokens`) that the claim and implied-event tables
//! read, one pass over the tokenizer's output.

use super::words;
use crate::text::tokens::{tokenize, TokenKind};
use crate::text::word_key::{key, WordKey};
use serde::{Deserialize, Serialize};

/// How a count is qualified. Serialised as TimeML-style upper-case names ("MORE_THAN").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum QuantityMod {
    Equal,
    MoreThan,
    LessThan,
    Approx,
    AtLeast,
    AtMost,
    Vague,
}

/// A count and its qualifier: "more than 30" is 30 MORE_THAN; "dozens" is 24 VAGUE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: u64,
    #[serde(rename = "mod")]
    pub modifier: QuantityMod,
}

impl Quantity {
    pub fn exact(value: u64) -> Self {
        Quantity { value, modifier: QuantityMod::Equal }
    }

    /// The counts the claim allows, inclusive (`None` = no upper bound): "more than 30" → 31..=∞,
    /// "at least 30" → 30..=∞, "fewer than 30" → 0..=29, "up to 30" → 0..=30, "about 30" → a band
    /// of a tenth either side (at least one), "dozens" → 24..=∞.
    pub fn bounds(&self) -> (u64, Option<u64>) {
        let v = self.value;
        match self.modifier {
            QuantityMod::Equal => (v, Some(v)),
            QuantityMod::MoreThan => (v.saturating_add(1), None),
            QuantityMod::AtLeast | QuantityMod::Vague => (v, None),
            QuantityMod::LessThan => (0, Some(v.saturating_sub(1))),
            QuantityMod::AtMost => (0, Some(v)),
            QuantityMod::Approx => {
                let band = (v / 10).max(1);
                (v.saturating_sub(band), Some(v.saturating_add(band)))
            }
        }
    }

    /// How a reader says it: "4", "more than 30", "about 30", "24 or more (vague)".
    pub fn describe(&self) -> String {
        let v = self.value;
        match self.modifier {
            QuantityMod::Equal => v.to_string(),
            QuantityMod::MoreThan => format!("more than {v}"),
            QuantityMod::LessThan => format!("fewer than {v}"),
            QuantityMod::Approx => format!("about {v}"),
            QuantityMod::AtLeast => format!("at least {v}"),
            QuantityMod::AtMost => format!("at most {v}"),
            QuantityMod::Vague => format!("{v} or more (vague)"),
        }
    }

    /// Whether both claims can be true at once: their bounds overlap.
    pub fn agrees_with(&self, other: &Quantity) -> bool {
        let (low_a, high_a) = self.bounds();
        let (low_b, high_b) = other.bounds();
        high_b.is_none_or(|h| low_a <= h) && high_a.is_none_or(|h| low_b <= h)
    }

    /// Whether every two of `quantities` agree (`agrees_with`). Their bounds are intervals of one
    /// line, which meet two by two exactly when they all share a point: the greatest lower bound
    /// is at most the least upper one. Linear, where comparing every pair cost a source's story
    /// of a thousand death tolls a million comparisons.
    pub fn all_agree<'q>(quantities: impl IntoIterator<Item = &'q Quantity>) -> bool {
        let (mut greatest_low, mut least_high) = (0, None::<u64>);
        for quantity in quantities {
            let (low, high) = quantity.bounds();
            greatest_low = greatest_low.max(low);
            least_high = match (least_high, high) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        least_high.is_none_or(|high| greatest_low <= high)
    }
}

/// One token of a sentence as the story tables read it: byte span in the document, lower-case
/// text, and what it is made of.
#[derive(Debug, Clone)]
pub struct Tok<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    /// The text in lower case (`Lower`: no allocation for words of up to 16 ASCII bytes).
    pub lower: Lower<'t>,
    pub kind: TokenKind,
    pub space_before: bool,
    /// The word lists it is in (`words::classes_of`; none for numbers and punctuation).
    pub classes: words::Classes,
}

impl Tok<'_> {
    /// The lower-case text.
    pub fn lc(&self) -> &str {
        self.lower.as_str()
    }

    /// Whether its lower-case text is `word` (compared as bytes: no UTF-8 check on the hot path).
    pub fn is(&self, word: &str) -> bool {
        self.lower.as_bytes() == word.as_bytes()
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    /// Whether it is in any of the word lists of `classes`.
    pub fn has(&self, classes: words::Classes) -> bool {
        self.classes & classes != 0
    }

    pub fn capitalised(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The tokens of `text[start..end]` (a sentence), with spans into the whole text.
pub fn sentence_tokens(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    let Some(sentence) = text.get(start..end) else { return Vec::new() };
    let shift = |t: crate::text::tokens::Token| crate::text::tokens::Token {
        start: t.start + start as u32,
        end: t.end + start as u32,
        ..t
    };
    tokenize(sentence).into_iter().map(shift).filter_map(|t| tok_of(text, &t)).collect()
}

/// The reader's view of one token of `text` (`None` when its span is not in `text`).
pub fn tok_of<'t>(text: &'t str, token: &crate::text::tokens::Token) -> Option<Tok<'t>> {
    let piece = text.get(token.start as usize..token.end as usize)?;
    let packed = key(piece.as_bytes());
    let lower = Lower::of(piece, packed);
    let classes = match (token.kind, packed) {
        (TokenKind::Word, Some(k)) => words::classes_of_packed(k),
        (TokenKind::Word, None) => words::classes_of(lower.as_str()),
        _ => 0,
    };
    Some(Tok {
        start: token.start as usize,
        end: token.end as usize,
        text: piece,
        lower,
        kind: token.kind,
        space_before: token.space_before,
        classes,
    })
}

/// A token's text in lower case: the text itself when it has no capital (most words), the
/// bytes of its packed key (`word_key::key`, already lower-cased) for other words of up to 16
/// ASCII bytes, and an owned copy only for longer or non-ASCII words.
#[derive(Debug, Clone)]
pub enum Lower<'t> {
    Same(&'t str),
    Packed([u8; 16], u8),
    Owned(String),
}

impl<'t> Lower<'t> {
    fn of(piece: &'t str, packed: Option<WordKey>) -> Self {
        if let Some(k) = packed {
            let bytes = k.to_le_bytes();
            // A key is the word lower-cased: the word is its own lower case when it has no capital.
            return if !piece.bytes().any(|b| b.is_ascii_uppercase()) {
                Lower::Same(piece)
            } else {
                Lower::Packed(bytes, piece.len() as u8)
            };
        }
        if piece.chars().any(char::is_uppercase) {
            Lower::Owned(piece.to_lowercase())
        } else {
            Lower::Same(piece)
        }
    }

    /// The lower-case text as bytes (always UTF-8; see `as_str`).
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Lower::Same(text) => text.as_bytes(),
            Lower::Packed(bytes, len) => &bytes[..usize::from(*len)],
            Lower::Owned(text) => text.as_bytes(),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(text) => text,
            // A key holds lower-cased ASCII, so its bytes are always UTF-8.
            Lower::Packed(bytes, len) => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or(""),
            Lower::Owned(text) => text,
        }
    }
}

/// Whether a sentence's tokens hold anything a count can be made of: digits, a number word
/// ("four", "twenty", "hundred", "dozen") or a vague amount ("dozens", "scores"). Sentences
/// without one hold no count, so the claim and implied-event readers skip them.
pub fn may_hold_count(tokens: &[Tok]) -> bool {
    tokens.iter().any(|t| t.is_number() || t.has(words::NUMBER_WORD))
}

/// Could a count start at this token? Digits, or the first word of a qualifier, a vague amount
/// or a number ("more" of "more than", "dozens", "a" of "a dozen", "twenty"): one bit of the
/// token's classes instead of trying every table at every token.
fn may_start_count(token: &Tok) -> bool {
    token.is_number() || token.has(words::COUNT_START)
}

/// Every word a number or a vague amount is made of: the words of UNITS, TENS and MULTIPLIERS,
/// "dozen", and the last word of each vague amount (`words::NUMBER_WORD`).
pub(super) fn number_words_listed() -> Vec<&'static str> {
    let numbers = UNITS.iter().chain(TENS).chain(MULTIPLIERS).map(|(w, _)| *w);
    let vague_ends = VAGUE.iter().filter_map(|(words, _)| words.last().copied());
    numbers.chain(["dozen"]).chain(vague_ends).collect()
}

/// Every word a count can start with: the number words, "a", and the first word of each
/// qualifier and vague amount (`words::COUNT_START`).
pub(super) fn count_starts_listed() -> Vec<&'static str> {
    let numbers = UNITS.iter().chain(TENS).chain(MULTIPLIERS).map(|(w, _)| *w);
    let qualifiers = QUALIFIERS.iter().filter_map(|(words, _)| words.first().copied());
    let vague = VAGUE.iter().filter_map(|(words, _)| words.first().copied());
    numbers.chain(["a"]).chain(qualifiers).chain(vague).collect()
}

/// A count found at a token: its quantity and the tokens it covers, `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub quantity: Quantity,
    pub first: usize,
    pub end: usize,
    /// Where the number itself starts (after any qualifier).
    pub number_first: usize,
    /// Written in digits ("27"), not words.
    pub digits: bool,
}

/// Qualifiers before a count, longest first, and what they make of it.
const QUALIFIERS: &[(&[&str], QuantityMod)] = &[
    (&["more", "than"], QuantityMod::MoreThan),
    (&["greater", "than"], QuantityMod::MoreThan),
    (&["upwards", "of"], QuantityMod::MoreThan),
    (&["fewer", "than"], QuantityMod::LessThan),
    (&["less", "than"], QuantityMod::LessThan),
    (&["at", "least"], QuantityMod::AtLeast),
    (&["no", "fewer", "than"], QuantityMod::AtLeast),
    (&["as", "many", "as"], QuantityMod::AtMost),
    (&["up", "to"], QuantityMod::AtMost),
    (&["at", "most"], QuantityMod::AtMost),
    (&["over"], QuantityMod::MoreThan),
    (&["nearly"], QuantityMod::LessThan),
    (&["almost"], QuantityMod::LessThan),
    (&["about"], QuantityMod::Approx),
    (&["around"], QuantityMod::Approx),
    (&["approximately"], QuantityMod::Approx),
    (&["roughly"], QuantityMod::Approx),
    (&["some"], QuantityMod::Approx),
    (&["an", "estimated"], QuantityMod::Approx),
    (&["estimated"], QuantityMod::Approx),
];

const UNITS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: &[(&str, u64)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const MULTIPLIERS: &[(&str, u64)] = &[("hundred", 100), ("thousand", 1_000), ("million", 1_000_000)];

/// Vague amounts: the least count each one allows.
const VAGUE: &[(&[&str], u64)] = &[
    (&["several", "dozen"], 24),
    (&["a", "few", "dozen"], 24),
    (&["several", "hundred"], 200),
    (&["several", "thousand"], 2_000),
    (&["dozens"], 24),
    (&["scores"], 40),
    (&["hundreds"], 200),
    (&["thousands"], 2_000),
    (&["tens", "of", "thousands"], 20_000),
    (&["millions"], 2_000_000),
];

fn lookup(table: &[(&str, u64)], word: &str) -> Option<u64> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// Whether `words` are the tokens from `i` on.
pub fn words_at(tokens: &[Tok], i: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(w)))
}

/// The count that starts at token `i` (qualifier included), if any.
pub fn count_at(tokens: &[Tok], i: usize) -> Option<Count> {
    if !tokens.get(i).is_some_and(may_start_count) {
        return None;
    }
    let (modifier, number_first) = qualifier_at(tokens, i).unwrap_or((QuantityMod::Equal, i));
    let (value, end, digits, vague) = number_at(tokens, number_first)?;
    let modifier = if vague { QuantityMod::Vague } else { modifier };
    Some(Count { quantity: Quantity { value, modifier }, first: i, end, number_first, digits })
}

fn qualifier_at(tokens: &[Tok], i: usize) -> Option<(QuantityMod, usize)> {
    QUALIFIERS.iter().find(|(words, _)| words_at(tokens, i, words)).map(|(words, m)| (*m, i + words.len()))
}

/// The number at token `i`: value, end token, written in digits, vague.
fn number_at(tokens: &[Tok], i: usize) -> Option<(u64, usize, bool, bool)> {
    if let Some((words, value)) = VAGUE.iter().find(|(words, _)| words_at(tokens, i, words)) {
        return Some((*value, i + words.len(), false, true));
    }
    if words_at(tokens, i, &["a", "dozen"]) {
        return Some((12, i + 2, false, false));
    }
    let token = tokens.get(i)?;
    if token.is_number() {
        let (value, end) = digit_groups(tokens, i)?;
        return Some((value, end, true, false));
    }
    let (value, end) = number_words(tokens, i)?;
    Some((value, end, false, false))
}

/// "12,000", "2,000", "27" and "1.5 million"-free digits; a following "million" multiplies.
fn digit_groups(tokens: &[Tok], i: usize) -> Option<(u64, usize)> {
    let mut value: u64 = tokens.get(i)?.text.parse().ok()?;
    let mut end = i + 1;
    while let (Some(comma), Some(group)) = (tokens.get(end), tokens.get(end + 1)) {
        let grouped = comma.is_punct(',') && !comma.space_before && !group.space_before;
        if !(grouped && group.is_number() && group.text.len() == 3) {
            break;
        }
        value = value.checked_mul(1000)?.checked_add(group.text.parse().ok()?)?;
        end += 2;
    }
    if let Some(multiplier) = tokens.get(end).and_then(|t| lookup(MULTIPLIERS, t.lc())) {
        value = value.checked_mul(multiplier)?;
        end += 1;
    }
    Some((value, end))
}

/// "four", "twenty-five", "twenty five", "two hundred", "a hundred".
fn number_words(tokens: &[Tok], i: usize) -> Option<(u64, usize)> {
    let token = tokens.get(i)?;
    if !token.has(words::NUMBER_WORD) && !token.is("a") {
        return None;
    }
    let word = token.lc();
    let (mut value, mut end) = if let Some(tens) = lookup(TENS, word) {
        tens_and_units(tokens, i, tens)
    } else if let Some(unit) = lookup(UNITS, word) {
        (unit, i + 1)
    } else if word == "a" && tokens.get(i + 1).is_some_and(|t| t.is("hundred") || t.is("thousand")) {
        (1, i + 1)
    } else {
        return None;
    };
    if let Some(multiplier) = tokens.get(end).and_then(|t| lookup(MULTIPLIERS, t.lc())) {
        value = value.checked_mul(multiplier)?;
        end += 1;
    }
    Some((value, end))
}

fn tens_and_units(tokens: &[Tok], i: usize, tens: u64) -> (u64, usize) {
    let hyphenated = tokens.get(i + 1).is_some_and(|t| t.is_punct('-') && !t.space_before);
    let unit_at = if hyphenated { i + 2 } else { i + 1 };
    match tokens.get(unit_at).and_then(|t| lookup(UNITS, t.lc())) {
        Some(unit) if unit < 10 => (tens + unit, unit_at + 1),
        _ => (tens, i + 1),
    }
}

/// The value of a number word or digits alone ("52", "fifteen"), for ages and tenures.
pub fn plain_number(tokens: &[Tok], i: usize) -> Option<(u64, usize)> {
    let token = tokens.get(i)?;
    if token.is_number() {
        return Some((token.text.parse().ok()?, i + 1));
    }
    number_words(tokens, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Quantity::all_agree` answers as comparing every pair does, over every set of up to
    /// three claims of every kind around a few values.
    #[test]
    fn all_agree_answers_as_every_pair_does() {
        use QuantityMod::*;
        let kinds = [Equal, MoreThan, LessThan, Approx, AtLeast, AtMost, Vague];
        let all: Vec<Quantity> = [0, 1, 4, 5, 9, 10, 11, 30]
            .iter()
            .flat_map(|&value| kinds.map(|modifier| Quantity { value, modifier }))
            .collect();
        let pairwise = |set: &[Quantity]| set.iter().all(|a| set.iter().all(|b| a.agrees_with(b)));
        let mut checked = 0;
        for a in &all {
            for b in &all {
                for c in &all {
                    let set = [*a, *b, *c];
                    assert_eq!(Quantity::all_agree(&set), pairwise(&set), "{set:?}");
                    assert_eq!(Quantity::all_agree(&set[..2]), pairwise(&set[..2]), "{:?}", &set[..2]);
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000);
        assert!(Quantity::all_agree(&[]));
    }

    #[test]
    fn number_words_and_count_starts_are_the_tables() {
        let numbers = number_words_listed();
        assert!(numbers.contains(&"twenty") && numbers.contains(&"dozens") && numbers.contains(&"thousand"));
        for word in ["people", "dead", "the", "at", "more", "zero", "a", "of", "several"] {
            assert!(!numbers.contains(&word), "{word}");
        }
        let starts = count_starts_listed();
        for word in ["a", "more", "at", "several", "tens", "four", "estimated"] {
            assert!(starts.contains(&word), "{word}");
        }
        assert!(!starts.contains(&"the") && !starts.contains(&"people"));
    }

    #[test]
    fn quantities_describe_themselves_as_a_reader_would() {
        assert_eq!(Quantity::exact(4).describe(), "4");
        assert_eq!(Quantity { value: 30, modifier: QuantityMod::MoreThan }.describe(), "more than 30");
        assert_eq!(Quantity { value: 24, modifier: QuantityMod::Vague }.describe(), "24 or more (vague)");
    }

    fn read(phrase: &str) -> Option<(u64, QuantityMod)> {
        let tokens = sentence_tokens(phrase, 0, phrase.len());
        count_at(&tokens, 0).map(|c| (c.quantity.value, c.quantity.modifier))
    }

    #[test]
    fn reads_digits_words_and_vague_amounts() {
        assert_eq!(read("27"), Some((27, QuantityMod::Equal)));
        assert_eq!(read("12,000 people"), Some((12_000, QuantityMod::Equal)));
        assert_eq!(read("four"), Some((4, QuantityMod::Equal)));
        assert_eq!(read("twenty-five"), Some((25, QuantityMod::Equal)));
        assert_eq!(read("a dozen"), Some((12, QuantityMod::Equal)));
        assert_eq!(read("dozens"), Some((24, QuantityMod::Vague)));
        assert_eq!(read("several dozen"), Some((24, QuantityMod::Vague)));
        assert_eq!(read("hundreds"), Some((200, QuantityMod::Vague)));
        assert_eq!(read("two hundred"), Some((200, QuantityMod::Equal)));
        assert_eq!(read("the"), None);
    }

    #[test]
    fn reads_qualifiers() {
        assert_eq!(read("more than 30"), Some((30, QuantityMod::MoreThan)));
        assert_eq!(read("over 30"), Some((30, QuantityMod::MoreThan)));
        assert_eq!(read("at least five"), Some((5, QuantityMod::AtLeast)));
        assert_eq!(read("nearly 40"), Some((40, QuantityMod::LessThan)));
        assert_eq!(read("about 30"), Some((30, QuantityMod::Approx)));
        assert_eq!(read("up to 12"), Some((12, QuantityMod::AtMost)));
        assert_eq!(read("as many as 12"), Some((12, QuantityMod::AtMost)));
        assert_eq!(read("fewer than 10"), Some((10, QuantityMod::LessThan)));
    }

    #[test]
    fn bounds_and_agreement() {
        let more = Quantity { value: 30, modifier: QuantityMod::MoreThan };
        assert_eq!(more.bounds(), (31, None));
        assert!(!Quantity::exact(27).agrees_with(&more));
        assert!(Quantity::exact(31).agrees_with(&more));
        let about = Quantity { value: 30, modifier: QuantityMod::Approx };
        assert_eq!(about.bounds(), (27, Some(33)));
        let dozens = Quantity { value: 24, modifier: QuantityMod::Vague };
        assert!(dozens.agrees_with(&Quantity::exact(30)));
        assert!(!Quantity::exact(4).agrees_with(&Quantity::exact(5)));
        assert!(Quantity::exact(8).agrees_with(&Quantity::exact(8)));
    }

    #[test]
    fn serialises_mod_names() {
        let json = serde_json::to_string(&Quantity { value: 30, modifier: QuantityMod::MoreThan }).unwrap_or_default();
        assert_eq!(json, r#"{"value":30,"mod":"MORE_THAN"}"#);
    }
}
