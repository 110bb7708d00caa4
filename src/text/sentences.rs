//! Sentence splitting: one pass over the bytes of a text, no regex and no allocation per
//! character, giving byte spans (trimmed of surrounding whitespace) for every non-blank sentence.
//! Runs of lower-case letters and spaces, most of any text, are skipped eight bytes at a time.
//!
//! A sentence ends
//! - after `.`, `!`, `?` or `…` (plus any closing quotes / brackets) followed by whitespace and a
//!   word that does not start in lower case, unless the period belongs to an abbreviation
//!   (`Mr.`, `Dr.`, `No. 5`, `e.g.`; `U.S.`, `p.m.`, `Inc.`, `Jan.`, initials only end a sentence
//!   when a typical sentence starter such as "The" follows); decimals (`3.5`) never split;
//! - at a blank line (always);
//! - at a single newline when the line looks like a heading (no final punctuation, the next line
//!   starts with a capital, a digit or a quote);
//! - inside scraped text where words ran together: `attackThe` splits before `The` (only for a
//!   common sentence starter after a lower-case letter, or after a known page-furniture word such
//!   as `Advertisement`), so `McDonald`, `iPhone`, `YouTube`, `PhD` and `LinkedIn` stay whole.

use super::word_key::{key, WordKey, WordTable, HIGH_BITS};
use super::SentenceSpan;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

const PLAIN: u8 = 0;
const TERMINAL: u8 = 1;
const NEWLINE: u8 = 2;
const UPPER: u8 = 3;
const MULTIBYTE_E2: u8 = 4;

const CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    table[b'.' as usize] = TERMINAL;
    table[b'!' as usize] = TERMINAL;
    table[b'?' as usize] = TERMINAL;
    table[b'\n' as usize] = NEWLINE;
    let mut c = b'A';
    while c <= b'Z' {
        table[c as usize] = UPPER;
        c += 1;
    }
    table[0xE2] = MULTIBYTE_E2;
    table
};

/// Like `split`, with a sentence boundary at each of `breaks` as well (sorted byte offsets at
/// char boundaries, where the source's structure ends a sentence: TimeML `<s>` elements written
/// back to back). Each stretch between breaks is split on its own.
pub fn split_at_breaks(text: &str, breaks: &[usize]) -> Vec<SentenceSpan> {
    if breaks.is_empty() {
        return split(text);
    }
    let mut spans = Vec::new();
    let mut from = 0;
    for &cut in breaks.iter().chain(std::iter::once(&text.len())) {
        let Some(piece) = text.get(from..cut).filter(|_| cut > from) else { continue };
        spans.extend(split(piece).into_iter().map(|s| SentenceSpan { start: s.start + from, end: s.end + from }));
        from = cut;
    }
    spans
}

/// Splits `text` into sentences, as byte spans covering every non-blank sentence in order.
pub fn split(text: &str) -> Vec<SentenceSpan> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut spans = Vec::with_capacity(n / 120 + 1);
    let mut start = 0usize;
    let mut line_start = 0usize;
    let mut i = 0usize;
    while i < n {
        match CLASS[bytes[i] as usize] {
            PLAIN => i = skip_plain(bytes, i + 1),
            TERMINAL => {
                let end = terminal_run_end(bytes, i);
                if is_boundary(bytes, i, end) {
                    push(text, &mut spans, start, end);
                    start = end;
                }
                i = end;
            }
            MULTIBYTE_E2 => {
                if bytes[i..].starts_with(ELLIPSIS) {
                    let end = terminal_run_end(bytes, i);
                    if is_boundary(bytes, i, end) {
                        push(text, &mut spans, start, end);
                        start = end;
                    }
                    i = end;
                } else {
                    i += 1;
                }
            }
            NEWLINE => {
                let mut j = i + 1;
                while j < n && matches!(bytes[j], b' ' | b'\t' | b'\r' | 0x0c) {
                    j += 1;
                }
                if j >= n || bytes[j] == b'\n' {
                    push(text, &mut spans, start, i);
                    start = j;
                } else if is_heading_line(bytes, line_start, i, j) {
                    push(text, &mut spans, start, i);
                    start = i + 1;
                }
                line_start = i + 1;
                i = j;
            }
            _ => {
                // UPPER: a capital glued to a lower-case letter ("attackThe").
                if i > start && bytes[i - 1].is_ascii_lowercase() && is_glued_start(bytes, i) {
                    push(text, &mut spans, start, i);
                    start = i;
                }
                i += 1;
            }
        }
    }
    push(text, &mut spans, start, n);
    spans
}

/// The first position from `i` on where `split` may have work, or `bytes.len()`: a byte that is
/// not PLAIN and passes `may_stop` (which lets through capitals only after a lower-case letter).
/// Eight bytes at a time while whole chunks remain, then byte by byte.
fn skip_plain(bytes: &[u8], i: usize) -> usize {
    let mut lowerish_before = lowerish(byte_before(bytes, i).into());
    let (chunks, _) = bytes[i..].as_chunks::<8>();
    for (c, chunk) in chunks.iter().enumerate() {
        let chunk = u64::from_le_bytes(*chunk);
        let mut flags = stop_candidates(chunk, lowerish_before);
        // Flagged PLAIN bytes (digits, commas, quotes) are passed here, without rereading the chunk.
        while flags != 0 {
            let j = i + 8 * c + flags.trailing_zeros() as usize / 8;
            if CLASS[bytes[j] as usize] != PLAIN {
                return j;
            }
            flags &= flags - 1;
        }
        lowerish_before = lowerish(chunk) >> 56;
    }
    let mut j = i + 8 * chunks.len();
    while j < bytes.len() && (CLASS[bytes[j] as usize] == PLAIN || !may_stop(bytes[j], byte_before(bytes, j))) {
        j += 1;
    }
    j
}

/// The byte before position `i`, 0 at the start.
fn byte_before(bytes: &[u8], i: usize) -> u8 {
    i.checked_sub(1).map_or(0, |k| bytes[k])
}

/// Can `split` have anything to do at byte `b`, coming after the byte `before` (0 at the start)?
/// Not at a space or a byte in 0x60..=0x7F (the lower-case letters and `` ` { | } ~ `` DEL), nor at
/// a byte in 0x40..=0x5F (the capitals and `` @ [ \ ] ^ _ ``) unless it follows one in 0x60..=0x7F:
/// only a capital glued to a lower-case letter can split. Every other byte may stop the scan,
/// which covers `.`, `!`, `?`, newline and 0xE2.
fn may_stop(b: u8, before: u8) -> bool {
    const LOWERISH: RangeInclusive<u8> = 0x60..=0x7F;
    const UPPERISH: RangeInclusive<u8> = 0x40..=0x5F;
    match b {
        b' ' => false,
        _ if LOWERISH.contains(&b) => false,
        _ if UPPERISH.contains(&b) => LOWERISH.contains(&before),
        _ => true,
    }
}

const LOW_BITS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const SPACES: u64 = 0x2020_2020_2020_2020;

/// `may_stop` for eight bytes at once: `chunk` holds eight text bytes (little-endian) and
/// `lowerish_before` is `lowerish` of the byte before them (in the lowest byte); the result has
/// the high bit set in each byte of `chunk` where the scan may stop. Exact per byte: no carry
/// crosses from one byte into the next.
fn stop_candidates(chunk: u64, lowerish_before: u64) -> u64 {
    let letterish = !chunk & (chunk << 1); // 0x40..=0x7F (bits 7 and 6 are 0 and 1)
    let after_lowerish = (lowerish(chunk) << 8) | lowerish_before;
    // Lower-case letters (bit 5 set), and capitals (bit 5 clear) not after a lower-case letter.
    let passed_letters = letterish & ((chunk << 2) | !after_lowerish);
    // Bit 7 of `not_space` is set exactly for the bytes of `diff` that are not zero.
    let diff = chunk ^ SPACES;
    let not_space = ((diff & LOW_BITS) + LOW_BITS) | diff;
    not_space & !passed_letters & HIGH_BITS
}

/// The high bit of every byte of `word` in 0x60..=0x7F (bits 7, 6 and 5 are 0, 1 and 1).
fn lowerish(word: u64) -> u64 {
    !word & (word << 1) & (word << 2) & HIGH_BITS
}

const ELLIPSIS: &[u8] = "…".as_bytes();
const LEFT_DOUBLE: &[u8] = "“".as_bytes();
const RIGHT_DOUBLE: &[u8] = "”".as_bytes();
const LEFT_SINGLE: &[u8] = "‘".as_bytes();
const RIGHT_SINGLE: &[u8] = "’".as_bytes();
const NBSP: &[u8] = "\u{a0}".as_bytes();
const EM_DASH: &[u8] = "—".as_bytes();
const EN_DASH: &[u8] = "–".as_bytes();

/// Appends `[a, b)` trimmed of whitespace, when anything is left.
/// Longest sentence kept whole, in bytes. A longer run (a scraped table or list, text without
/// punctuation, a hostile file) is cut into pieces of at most this size, so the text an event
/// carries and the work done per sentence stay bounded whatever the input. Real sentences are far
/// shorter: the longest in the TempEval-3 and silver corpora is well under this.
pub const MAX_SENTENCE_BYTES: usize = 1_000;

fn push(text: &str, spans: &mut Vec<SentenceSpan>, a: usize, b: usize) {
    let (mut start, end) = trim(text, a, b);
    while end - start > MAX_SENTENCE_BYTES {
        let cut = long_sentence_cut(text, start);
        let (piece_start, piece_end) = trim(text, start, cut);
        if piece_start < piece_end {
            spans.push(SentenceSpan { start: piece_start, end: piece_end });
        }
        start = trim(text, cut, end).0;
    }
    if start < end {
        spans.push(SentenceSpan { start, end });
    }
}

/// Where to cut the over-long sentence starting at `start` (which is longer than
/// `MAX_SENTENCE_BYTES`): after the last `;` in the second half of the allowed length, else after
/// the last comma that is not inside a date ("March 3, 2017"), else at the last space, else at the
/// last character boundary within the limit.
fn long_sentence_cut(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut limit = start + MAX_SENTENCE_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let from = start + MAX_SENTENCE_BYTES / 2;
    let window = &bytes[from..limit];
    let clause_comma = |at: usize| {
        let next = bytes.get(from + at + 1..from + at + 3).unwrap_or_default();
        window[at] == b',' && !matches!(next, [b' ', d, ..] if d.is_ascii_digit())
    };
    let cut = window
        .iter()
        .rposition(|&b| b == b';')
        .or_else(|| (0..window.len()).rev().find(|&at| clause_comma(at)))
        .or_else(|| window.iter().rposition(|&b| is_ascii_white_space(b)));
    match cut {
        Some(at) => from + at + 1,
        None => limit,
    }
}

/// `[a, b)` without leading and trailing whitespace, cut where `str::trim` would cut it: ASCII
/// whitespace is skipped byte by byte, and `str::trim_start` / `trim_end` take over only at a
/// character outside ASCII (a no-break space, say).
fn trim(text: &str, a: usize, b: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut start = a;
    while start < b && is_ascii_white_space(bytes[start]) {
        start += 1;
    }
    if start < b && !bytes[start].is_ascii() {
        start = b - text[start..b].trim_start().len();
    }
    let mut end = b;
    while end > start && is_ascii_white_space(bytes[end - 1]) {
        end -= 1;
    }
    if end > start && !bytes[end - 1].is_ascii() {
        end = start + text[start..end].trim_end().len();
    }
    (start, end)
}

/// The ASCII characters `char::is_whitespace` accepts (unlike `u8::is_ascii_whitespace`, it
/// includes the vertical tab).
fn is_ascii_white_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// End of the run of terminal punctuation starting at `i`, including closing quotes / brackets.
fn terminal_run_end(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i) {
            Some(b'.' | b'!' | b'?') => i += 1,
            Some(0xE2) if bytes[i..].starts_with(ELLIPSIS) => i += ELLIPSIS.len(),
            _ => break,
        }
    }
    loop {
        match bytes.get(i) {
            Some(b'"' | b'\'' | b')' | b']') => i += 1,
            Some(0xE2) if bytes[i..].starts_with(RIGHT_DOUBLE) || bytes[i..].starts_with(RIGHT_SINGLE) => i += 3,
            Some(0xC2) if bytes.get(i + 1) == Some(&0xBB) => i += 2,
            _ => break,
        }
    }
    i
}

/// Length of the whitespace sequence at `i` (ASCII whitespace or a no-break space), 0 if none.
fn whitespace_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0c) => 1,
        Some(0xC2) if bytes[i..].starts_with(NBSP) => 2,
        _ => 0,
    }
}

/// Length of the opening quote / bracket at `i`, 0 if none.
fn opening_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b'"' | b'\'' | b'(' | b'[') => 1,
        Some(b'`') => bytes[i..].iter().take_while(|&&b| b == b'`').count(),
        Some(0xE2) if bytes[i..].starts_with(LEFT_DOUBLE) || bytes[i..].starts_with(LEFT_SINGLE) => 3,
        Some(0xC2) if bytes.get(i + 1) == Some(&0xAB) => 2,
        _ => 0,
    }
}

/// Does the punctuation run `[p, end)` end a sentence?
fn is_boundary(bytes: &[u8], p: usize, end: usize) -> bool {
    let n = bytes.len();
    if end >= n {
        return true;
    }
    if whitespace_len(bytes, end) == 0 {
        // "attack.The": a missing space before a typical sentence starter.
        return bytes[end].is_ascii_uppercase()
            && p > 0
            && bytes[p - 1].is_ascii_lowercase()
            && ascii_word(bytes, end).is_some_and(|w| is_listed_capitalised(glued_starters(), w));
    }
    let mut k = end;
    loop {
        let len = whitespace_len(bytes, k);
        if len == 0 {
            break;
        }
        k += len;
    }
    if k >= n {
        return true;
    }
    let quoted = opening_len(bytes, k);
    let next = k + quoted;
    if bytes.get(next).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let single_period = bytes[p] == b'.' && bytes.get(p + 1) != Some(&b'.');
    if !single_period {
        return true;
    }
    match classify(word_before(bytes, p)) {
        Abbrev::None => true,
        Abbrev::Never => false,
        Abbrev::BeforeNumber => !bytes.get(next).is_some_and(u8::is_ascii_digit),
        Abbrev::StarterOnly => opens_sentence(bytes, k, quoted),
    }
}

/// Does the text at `k` (after the whitespace following an ambiguous abbreviation) look like a
/// new sentence? `quoted` is the length of an opening quote / bracket at `k`. An opening quote
/// starts a new sentence; an opening bracket ("N.Y. (AP)") does not; otherwise the next word must
/// be a typical sentence starter.
fn opens_sentence(bytes: &[u8], k: usize, quoted: usize) -> bool {
    (quoted > 0 && !matches!(bytes[k], b'(' | b'['))
        || ascii_word(bytes, k + quoted).is_some_and(|w| is_listed_capitalised(starters(), w))
}

/// The token ending just before `p`, without leading punctuation.
fn word_before(bytes: &[u8], p: usize) -> &[u8] {
    let mut s = p;
    while s > 0 && !matches!(bytes[s - 1], b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'[' | b'"' | b'/') {
        s -= 1;
    }
    let mut word = &bytes[s..p];
    while let Some((&first, rest)) = word.split_first() {
        if first.is_ascii_alphanumeric() {
            break;
        }
        word = rest;
    }
    word
}

#[derive(Clone, Copy)]
enum Abbrev {
    /// Not an abbreviation: the period ends the sentence.
    None,
    /// Titles and the like (`Mr.`, `e.g.`): never end a sentence.
    Never,
    /// `No. 5`, `p. 12`: no end before a number.
    BeforeNumber,
    /// `U.S.`, `Inc.`, `Jan.`, initials: end only before a typical sentence starter.
    StarterOnly,
}

/// Longest word `classify` considers an abbreviation (no listed one is longer).
const MAX_ABBREV_LEN: usize = 8;

fn classify(word: &[u8]) -> Abbrev {
    if word.len() == 1 && word[0].is_ascii_uppercase() {
        return Abbrev::StarterOnly; // an initial: "J. R. Smith"
    }
    // No abbreviation is empty, longer than MAX_ABBREV_LEN or outside ASCII.
    let Some(packed) = abbrev_key(word) else { return Abbrev::None };
    if let Some(kind) = abbreviations().get_key(WordKey::from(packed)) {
        return kind;
    }
    if has_period(packed) && word.iter().all(|&b| b == b'.' || b.is_ascii_alphabetic()) {
        return Abbrev::StarterOnly; // "U.S", "p.m", "N.Y"
    }
    Abbrev::None
}

/// The key (see `word_key::key`) of a word of at most `MAX_ABBREV_LEN` bytes: lower-cased into
/// one `u64` rather than shifted into a `u128` byte by byte.
fn abbrev_key(word: &[u8]) -> Option<u64> {
    let mut lower = [0u8; MAX_ABBREV_LEN];
    if word.is_empty() || word.len() > lower.len() {
        return None;
    }
    for (slot, &b) in lower.iter_mut().zip(word) {
        if b == 0 || !b.is_ascii() {
            return None;
        }
        *slot = b.to_ascii_lowercase();
    }
    Some(u64::from_le_bytes(lower))
}

/// Does a word packed by `abbrev_key` hold a period? (Its unused bytes are zero, not periods.)
fn has_period(packed: u64) -> bool {
    let diff = packed ^ 0x2E2E_2E2E_2E2E_2E2E;
    // All bytes are ASCII, so adding 0x7F to each never carries, and sets bit 7 exactly for the
    // bytes of `diff` that are not zero.
    let nonzero = diff + LOW_BITS;
    nonzero & HIGH_BITS != HIGH_BITS
}

/// The listed abbreviations (any case) with their kind.
fn abbreviations() -> &'static WordTable<Abbrev> {
    static TABLE: OnceLock<WordTable<Abbrev>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let kinds =
            [(NEVER, Abbrev::Never), (BEFORE_NUMBER, Abbrev::BeforeNumber), (STARTER_ONLY, Abbrev::StarterOnly)];
        let entries: Vec<(&str, Abbrev)> =
            kinds.iter().flat_map(|&(words, kind)| words.iter().map(move |&w| (w, kind))).collect();
        WordTable::new(&entries)
    })
}

/// `STARTERS`, looked up case-folded (see `is_listed_capitalised`).
fn starters() -> &'static WordTable<()> {
    static TABLE: OnceLock<WordTable<()>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::set(STARTERS))
}

/// `GLUED_STARTERS`, looked up case-folded (see `is_listed_capitalised`).
fn glued_starters() -> &'static WordTable<()> {
    static TABLE: OnceLock<WordTable<()>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::set(GLUED_STARTERS))
}

/// `FURNITURE`, any case.
fn furniture() -> &'static WordTable<()> {
    static TABLE: OnceLock<WordTable<()>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::set(FURNITURE))
}

/// Is `word` in `table` spelled exactly as listed? The starter lists hold capitalised words only
/// ("The", "I"; a unit test checks), and a table folds case, so a word matches when it is
/// capitalised the same way and its folded key is in the table: "The", not "THE" or "the".
fn is_listed_capitalised(table: &WordTable<()>, word: &[u8]) -> bool {
    let Some((first, rest)) = word.split_first() else { return false };
    first.is_ascii_uppercase()
        && rest.iter().all(u8::is_ascii_lowercase)
        && key(word).is_some_and(|k| table.get_key(k).is_some())
}

const NEVER: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "drs", "profs", "mme", "mlle", "dr", "prof", "sen", "sens", "rep", "reps", "gov",
    "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "rev", "fr", "hon", "pres", "supt", "det",
    "insp", "vs", "v", "cf", "viz", "approx", "e.g", "i.e", "fig", "figs", "gens",
];

const BEFORE_NUMBER: &[&str] = &["ext", "tel", "no", "nos", "nr", "art", "vol", "pp", "p", "ch", "sec", "par", "op"];

const STARTER_ONLY: &[&str] = &[
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "llc", "plc", "bros", "ave", "blvd", "rd", "mt", "ft", "dept",
    "univ", "assn", "est", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ala", "ariz", "ark", "calif", "colo",
    "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo",
    "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "gov't", "ph.d", "a.m",
    "p.m", "u.s", "u.k", "u.n",
];

/// Words that typically open a sentence (used after ambiguous abbreviations).
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "After",
    "Before",
    "Since",
    "Until",
    "When",
    "While",
    "Where",
    "What",
    "Who",
    "Why",
    "How",
    "If",
    "Although",
    "Though",
    "However",
    "Meanwhile",
    "Also",
    "Still",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Police",
    "Officials",
    "Authorities",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "No",
    "Not",
    "One",
    "Several",
    "Such",
    "Other",
    "Another",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "According",
    "During",
    "Despite",
    "Under",
    "Over",
    "About",
    "Shares",
    "Analysts",
];

/// Sentence starters recognised when glued to the previous word ("attackThe"). No short words
/// like "In" or "It" ("LinkedIn", "WiFiIt" would split).
const GLUED_STARTERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "They",
    "Their",
    "She",
    "His",
    "But",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "However",
    "Meanwhile",
    "According",
    "Police",
    "Officials",
    "Authorities",
    "Many",
    "Some",
    "What",
    "Why",
    "How",
    "Who",
    "Earlier",
    "Later",
    "Last",
    "Yesterday",
    "Today",
];

/// Page furniture that scraped text glues to the next sentence ("AdvertisementSupported by").
const FURNITURE: &[&str] = &[
    "advertisement",
    "sponsored",
    "share",
    "related",
    "video",
    "photo",
    "photos",
    "image",
    "caption",
    "comments",
    "subscribe",
    "updated",
    "published",
    "listen",
    "watch",
    "loading",
];

/// The run of ASCII letters at `i`, if it ends at a non-letter (or the text end).
fn ascii_word(bytes: &[u8], i: usize) -> Option<&[u8]> {
    let mut j = i;
    while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    if j == i || (j < bytes.len() && bytes[j] >= 0x80) {
        return None;
    }
    Some(&bytes[i..j])
}

/// Is the capital at `i` (after a lower-case letter) the start of a sentence glued to the
/// previous word?
fn is_glued_start(bytes: &[u8], i: usize) -> bool {
    if !bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase) {
        return false; // "PhD", "iOS": the capital does not start a word
    }
    if ascii_word(bytes, i).is_some_and(|w| is_listed_capitalised(glued_starters(), w)) {
        return true;
    }
    let mut s = i;
    while s > 0 && bytes[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    let before = &bytes[s..i];
    if s > 0 && bytes[s - 1] >= 0x80 {
        return false;
    }
    key(before).is_some_and(|k| furniture().get_key(k).is_some())
}

/// Words a line cannot end with when it continues on the next line.
const CONTINUATIONS: &[&[u8]] = &[
    b"the", b"a", b"an", b"of", b"to", b"and", b"or", b"in", b"on", b"at", b"for", b"with", b"by", b"from", b"that",
    b"as", b"is", b"was", b"were", b"are", b"be", b"but", b"not", b"his", b"her", b"their", b"its",
];

/// Does the line `[line_start, nl)` end a sentence at its newline? `next` is the first
/// non-blank byte of the following line.
fn is_heading_line(bytes: &[u8], line_start: usize, nl: usize, next: usize) -> bool {
    let mut end = nl;
    while end > line_start && matches!(bytes[end - 1], b' ' | b'\t' | b'\r') {
        end -= 1;
    }
    if end == line_start {
        return false;
    }
    let line = &bytes[line_start..end];
    let last = line[line.len() - 1];
    let mut core = line;
    if matches!(last, b'"' | b'\'' | b')' | b']') {
        core = &line[..line.len() - 1];
    } else if line.ends_with(RIGHT_DOUBLE) || line.ends_with(RIGHT_SINGLE) {
        core = &line[..line.len() - 3];
    }
    match core.last() {
        None => return false,
        Some(b'.' | b'!' | b'?' | b',' | b';' | b':' | b'-' | b'(' | b'[' | b'/' | b'&' | b'+') => return false,
        _ => {}
    }
    if core.ends_with(EM_DASH) || core.ends_with(EN_DASH) || core.ends_with(ELLIPSIS) {
        return false;
    }
    let mut s = core.len();
    while s > 0 && core[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    let last_word = &core[s..];
    if CONTINUATIONS.contains(&last_word) {
        return false;
    }
    let first = bytes[next];
    first.is_ascii_uppercase()
        || first.is_ascii_digit()
        || opening_len(bytes, next) > 0
        || matches!(first, b'-' | b'*')
        || bytes[next..].starts_with("•".as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(sentences("  One here.  Two here! Three?\n"), ["One here.", "Two here!", "Three?"]);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split(" \n\n\t ").is_empty());
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sentences("Mr. Smith met Mrs. Jones and Drs. Ali and Who. St. Louis won. Call ext. 37625 now."),
            ["Mr. Smith met Mrs. Jones and Drs. Ali and Who.", "St. Louis won.", "Call ext. 37625 now."]
        );
    }

    #[test]
    fn acronyms_end_only_before_a_starter() {
        assert_eq!(
            sentences("Troops left the U.S. Army base. They flew to the U.K. The rest stayed."),
            ["Troops left the U.S. Army base.", "They flew to the U.K.", "The rest stayed."]
        );
        assert_eq!(
            sentences("It starts at 5 p.m. Friday and ends at 9 a.m. The next day is free."),
            ["It starts at 5 p.m. Friday and ends at 9 a.m.", "The next day is free."]
        );
    }

    #[test]
    fn months_companies_numbers() {
        assert_eq!(
            sentences("On Jan. 5 and Sept. 12 Acme Corp. and Foo Inc. met in room No. 5 for 3.5 hours. Done."),
            ["On Jan. 5 and Sept. 12 Acme Corp. and Foo Inc. met in room No. 5 for 3.5 hours.", "Done."]
        );
        assert_eq!(sentences("He works at Acme Inc. The firm grew."), ["He works at Acme Inc.", "The firm grew."]);
        assert_eq!(sentences("He said no. Then he left."), ["He said no.", "Then he left."]);
    }

    #[test]
    fn dateline_state_abbreviation_before_bracket_does_not_split() {
        // Regression: "N.Y. (AP)" and "2:00 a.m. (0700 GMT)" were split before the bracket.
        assert_eq!(sentences("AMHERST, N.Y. (AP) -- It rained."), ["AMHERST, N.Y. (AP) -- It rained."]);
        assert_eq!(sentences("It opened at 2:00 a.m. (0700 GMT)."), ["It opened at 2:00 a.m. (0700 GMT)."]);
        assert_eq!(sentences("He left the U.S. ``The end,'' he said."), ["He left the U.S.", "``The end,'' he said."]);
    }

    #[test]
    fn initials() {
        assert_eq!(sentences("J. R. Smith wrote it. Others read it."), ["J. R. Smith wrote it.", "Others read it."]);
    }

    #[test]
    fn decimals_and_lowercase_continuations() {
        assert_eq!(
            sentences("Prices rose 3.5 percent, e.g. in March. Fine."),
            ["Prices rose 3.5 percent, e.g. in March.", "Fine."]
        );
    }

    #[test]
    fn closing_quotes_after_the_period() {
        assert_eq!(
            sentences("“We are done.” He left. \"Go!\" she said. It's 'over.' Yes."),
            ["“We are done.”", "He left.", "\"Go!\" she said.", "It's 'over.'", "Yes."]
        );
    }

    #[test]
    fn blank_line_always_ends_a_sentence() {
        assert_eq!(
            sentences("No period here\n\nand a new paragraph\n  \n Last"),
            ["No period here", "and a new paragraph", "Last"]
        );
    }

    #[test]
    fn single_newline_ends_heading_lines_only() {
        assert_eq!(
            sentences("Storm hits coast\nThe storm arrived on Monday.\nIt left."),
            ["Storm hits coast", "The storm arrived on Monday.", "It left."]
        );
        assert_eq!(
            sentences("The value of the\nIndonesian stock fell.\nPrices of\nrice rose."),
            ["The value of the\nIndonesian stock fell.", "Prices of\nrice rose."]
        );
        assert_eq!(sentences("He said,\nWe will."), ["He said,\nWe will."]);
    }

    #[test]
    fn glued_sentences_in_scraped_text() {
        assert_eq!(
            sentences("London attackThe London Attack that claimed lives."),
            ["London attack", "The London Attack that claimed lives."]
        );
        assert_eq!(sentences("AdvertisementSupported by readers."), ["Advertisement", "Supported by readers."]);
        assert_eq!(sentences("It ended.Then it began."), ["It ended.Then it began."]);
        assert_eq!(sentences("It ended.The end."), ["It ended.", "The end."]);
    }

    #[test]
    fn camel_case_names_stay_whole() {
        let text = "McDonald posted on YouTube from an iPhone with a PhD on LinkedIn and TheStreet.";
        assert_eq!(sentences(text), [text]);
    }

    #[test]
    fn ellipsis_and_multibyte_text() {
        assert_eq!(sentences("Wait… Then more. Über alles… und so."), ["Wait…", "Then more.", "Über alles… und so."]);
    }

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        /// Any byte, or one of `edges`, or a neighbour of one of them.
        fn byte_near(&mut self, edges: &[u8]) -> u8 {
            let edge = edges[self.below(edges.len())];
            match self.below(4) {
                0 => self.below(256) as u8,
                1 => edge.wrapping_sub(1),
                2 => edge.wrapping_add(1),
                _ => edge,
            }
        }
    }

    /// Does `split` act on byte `b` after the byte `before`? (Its dispatch moves straight past
    /// PLAIN bytes and past capitals that do not follow a lower-case letter.)
    fn split_acts_on(b: u8, before: u8) -> bool {
        match CLASS[b as usize] {
            PLAIN => false,
            UPPER => before.is_ascii_lowercase(),
            _ => true,
        }
    }

    #[test]
    fn the_scan_stops_wherever_split_acts() {
        for b in 0..=255u8 {
            for before in 0..=255u8 {
                assert!(!split_acts_on(b, before) || may_stop(b, before), "{b:#04x} after {before:#04x}");
            }
        }
        assert!(!may_stop(b'a', b'x') && !may_stop(b' ', b'x') && !may_stop(b'T', b' '));
    }

    #[test]
    fn stop_candidates_are_may_stop_for_eight_bytes() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        // Neighbours are often bytes next to the range edges, where a carry or borrow between bytes
        // would show.
        let edges = b" !@`{\x00\x7f\x80\xff";
        for b in 0..=255u8 {
            for lane in 0..9 {
                for _ in 0..32 {
                    // `bytes[0]` precedes the chunk `bytes[1..]`.
                    let mut bytes = [0u8; 9];
                    bytes.iter_mut().for_each(|slot| *slot = rng.byte_near(edges));
                    bytes[lane] = b;
                    let chunk = u64::from_le_bytes(bytes[1..].try_into().unwrap());
                    let flags = stop_candidates(chunk, lowerish(bytes[0].into()));
                    for k in 0..8 {
                        let expected = may_stop(bytes[k + 1], bytes[k]);
                        assert_eq!(flags >> (8 * k + 7) & 1 == 1, expected, "{bytes:02x?} byte {k}");
                    }
                    assert_eq!(flags & !HIGH_BITS, 0);
                }
            }
        }
    }

    #[test]
    fn skip_plain_stops_at_the_first_byte_split_may_act_on() {
        let pieces: [&[u8]; 15] = [
            b"a",
            b"z",
            b" ",
            b"The",
            b"attackThe",
            b".",
            b"!",
            b"?",
            b"\n",
            b"5",
            b",",
            "\u{2026}".as_bytes(),
            "\u{e9}".as_bytes(),
            b"~",
            b"`",
        ];
        let mut rng = Rng(7);
        for _ in 0..5_000 {
            let mut text = Vec::new();
            for _ in 0..rng.below(40) {
                let piece = if rng.below(4) == 0 { pieces[rng.below(pieces.len())] } else { &b"plain words "[..] };
                text.extend_from_slice(&piece[..1 + rng.below(piece.len())]);
            }
            for i in 0..=text.len() {
                let expected = (i..text.len()).find(|&j| {
                    CLASS[text[j] as usize] != PLAIN && may_stop(text[j], j.checked_sub(1).map_or(0, |k| text[k]))
                });
                let expected = expected.unwrap_or(text.len());
                assert_eq!(skip_plain(&text, i), expected, "{:?} from {i}", String::from_utf8_lossy(&text));
            }
        }
    }

    #[test]
    fn trim_cuts_like_str_trim() {
        let pieces = [
            " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{85}", "\u{3000}", "\u{1c}", "x", "\u{e9}",
            "\u{2026}",
        ];
        let mut rng = Rng(11);
        for _ in 0..20_000 {
            let text: String = (0..rng.below(8)).map(|_| pieces[rng.below(pieces.len())]).collect();
            let expected = text.trim();
            let start = text.len() - text.trim_start().len();
            let (a, b) = trim(&text, 0, text.len());
            if expected.is_empty() {
                assert!(a >= b, "{text:?}");
            } else {
                assert_eq!((a, b), (start, start + expected.len()), "{text:?}");
            }
        }
    }

    #[test]
    fn word_tables_hold_every_listed_word() {
        let listed = NEVER.len() + BEFORE_NUMBER.len() + STARTER_ONLY.len();
        assert_eq!(abbreviations().len(), listed, "an abbreviation is listed twice or cannot be keyed");
        assert!(NEVER.iter().chain(BEFORE_NUMBER).chain(STARTER_ONLY).all(|w| w.len() <= MAX_ABBREV_LEN));
        assert_eq!(starters().len(), STARTERS.len());
        assert_eq!(glued_starters().len(), GLUED_STARTERS.len());
        assert_eq!(furniture().len(), FURNITURE.len());
        for word in STARTERS.iter().chain(GLUED_STARTERS) {
            let (first, rest) = word.as_bytes().split_first().unwrap();
            assert!(first.is_ascii_uppercase() && rest.iter().all(u8::is_ascii_lowercase), "{word} is not capitalised");
        }
    }

    #[test]
    fn abbreviations_classify_in_any_case() {
        for (words, kind) in [(NEVER, "never"), (BEFORE_NUMBER, "number"), (STARTER_ONLY, "starter")] {
            for word in words {
                for variant in [word.to_string(), word.to_ascii_uppercase(), capitalised(word)] {
                    let got = match classify(variant.as_bytes()) {
                        Abbrev::None => "none",
                        Abbrev::Never => "never",
                        Abbrev::BeforeNumber => "number",
                        Abbrev::StarterOnly => "starter",
                    };
                    // A single capital is an initial whatever it abbreviates ("V. Putin").
                    let expected = if variant.len() == 1 && variant != *word { "starter" } else { kind };
                    assert_eq!(got, expected, "{variant}");
                }
            }
        }
        assert!(matches!(classify(b"U.S.A.B.C"), Abbrev::None), "longer than any abbreviation");
        assert!(matches!(classify(b"N.Y"), Abbrev::StarterOnly));
        assert!(matches!(classify(b"Smith"), Abbrev::None));
    }

    #[test]
    fn abbreviation_keys_are_word_keys() {
        let words = NEVER.iter().chain(BEFORE_NUMBER).chain(STARTER_ONLY).map(|w| w.as_bytes());
        let odd: [&[u8]; 13] = [
            b"",
            b"U.S",
            b"Gov't",
            b"ABCDEFGH",
            b"ABCDEFGHI",
            b"a\0b",
            b"a\0",
            "Zo\u{eb}".as_bytes(),
            b"\x7f",
            b"a.b.c.d.",
            b".",
            b"-/.",
            b"\x2d\x2f\x6e",
        ];
        for word in words.chain(odd) {
            let expected = if word.len() <= MAX_ABBREV_LEN { key(word) } else { None };
            assert_eq!(abbrev_key(word).map(WordKey::from), expected, "{word:?}");
            if let Some(packed) = abbrev_key(word) {
                assert_eq!(has_period(packed), word.contains(&b'.'), "{word:?}");
            }
        }
    }

    #[test]
    fn starters_match_only_as_listed() {
        for word in STARTERS {
            assert!(is_listed_capitalised(starters(), word.as_bytes()));
            let upper = word.to_ascii_uppercase();
            assert_eq!(is_listed_capitalised(starters(), upper.as_bytes()), upper == *word, "{upper}");
            assert!(!is_listed_capitalised(starters(), word.to_ascii_lowercase().as_bytes()));
        }
        assert!(!is_listed_capitalised(glued_starters(), b"In"), "listed as a starter, not as a glued one");
        assert!(!is_listed_capitalised(starters(), b"Thee"));
        assert!(!is_listed_capitalised(starters(), b""));
    }

    fn capitalised(word: &str) -> String {
        word[..1].to_ascii_uppercase() + &word[1..]
    }

    #[test]
    fn spans_are_char_boundaries_and_trimmed() {
        let text = "\u{a0}Zoë’s café. Ça va?\u{a0}";
        for span in split(text) {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let s = &text[span.start..span.end];
            assert_eq!(s, s.trim());
        }
        assert_eq!(sentences(text), ["Zoë’s café.", "Ça va?"]);
    }

    /// Regression: a run-on "sentence" (10,000 comma-separated dates) was one span, and every
    /// event in it copied the whole of it: quadratic memory.
    #[test]
    fn a_run_on_sentence_is_cut_into_bounded_pieces_that_cover_it() {
        let text: String = (0..3000).map(|i| format!("March {}, 2017, ", i % 28 + 1)).collect();
        let spans = split(&text);
        assert!(spans.len() > 30, "{} pieces", spans.len());
        for pair in spans.windows(2) {
            assert!(pair[0].end <= pair[1].start);
            assert!(text[pair[0].end..pair[1].start].trim().is_empty(), "nothing is lost between pieces");
        }
        for span in &spans {
            assert!(span.end - span.start <= MAX_SENTENCE_BYTES);
            let piece = &text[span.start..span.end];
            assert!(piece.starts_with("March"), "a date is not cut in two: {:?}", &piece[..20]);
        }
    }

    #[test]
    fn long_text_without_any_break_is_cut_at_character_boundaries() {
        let text = "é".repeat(5000);
        let spans = split(&text);
        assert_eq!(spans.first().map(|s| s.start), Some(0));
        assert_eq!(spans.last().map(|s| s.end), Some(text.len()));
        for span in &spans {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(span.end - span.start <= MAX_SENTENCE_BYTES);
        }
    }
}
