//! Reading a label's sentence: its words with their label roles, its clauses and bracketed
//! asides, and the words joined back into label text (`tidy`).

use super::super::repair;
use crate::text::word_key::{key, WordTable};
use std::sync::OnceLock;

/// What a word can do for a label, as bits (`Word::flags`).
pub(in crate::events) mod flag {
    /// Punctuation only.
    pub const PUNCT: u16 = 1;
    /// Opens a new clause: the label of an event stays inside its clause.
    pub const CLAUSE: u16 = 2;
    /// A verb of saying: "X said" is completed by what was said.
    pub const REPORTING: u16 = 4;
    /// Dropped from the start of a label.
    pub const LEADING_NOISE: u16 = 8;
    /// Dropped from the end of a label and before the phrase.
    pub const PREPOSITION: u16 = 16;
    /// "after", "before": the phrase points at another event.
    pub const SIGNAL: u16 = 32;
    /// "following" (a signal when it ends the phrase).
    pub const FOLLOWING: u16 = 64;
    /// "that", "which", "who": a relative clause takes its antecedent.
    pub const RELATIVE: u16 = 128;
    /// "that" itself (dropped when completing a report).
    pub const THAT: u16 = 256;
}

/// The label roles of each word that has any, in one table.
const WORD_FLAGS: &[(&str, u16)] = {
    use flag::*;
    &[
        ("after", CLAUSE | LEADING_NOISE | SIGNAL),
        ("following", CLAUSE | LEADING_NOISE | FOLLOWING),
        ("because", CLAUSE | LEADING_NOISE),
        ("while", CLAUSE | LEADING_NOISE),
        ("when", CLAUSE | LEADING_NOISE),
        ("whereas", CLAUSE),
        ("although", CLAUSE),
        ("though", CLAUSE),
        ("but", CLAUSE | LEADING_NOISE),
        ("which", CLAUSE | LEADING_NOISE | RELATIVE),
        ("who", CLAUSE | LEADING_NOISE | RELATIVE),
        ("that", CLAUSE | LEADING_NOISE | RELATIVE | THAT),
        ("before", CLAUSE | SIGNAL),
        ("since", CLAUSE | PREPOSITION),
        ("until", CLAUSE | PREPOSITION),
        ("where", CLAUSE),
        ("including", CLAUSE),
        ("as", CLAUSE | LEADING_NOISE),
        ("amid", CLAUSE),
        ("and", LEADING_NOISE),
        ("said", REPORTING),
        ("says", REPORTING),
        ("told", REPORTING),
        ("announced", REPORTING),
        ("reported", REPORTING),
        ("claimed", REPORTING),
        ("stated", REPORTING),
        ("added", REPORTING),
        ("confirmed", REPORTING),
        ("admitted", REPORTING),
        ("acknowledged", REPORTING),
        ("warned", REPORTING),
        ("insisted", REPORTING),
        ("stressed", REPORTING),
        ("noted", REPORTING),
        ("denied", REPORTING),
        ("argued", REPORTING),
        ("declared", REPORTING),
        ("explained", REPORTING),
        ("promised", REPORTING),
        ("disclosed", REPORTING),
        ("revealed", REPORTING),
        ("reiterated", REPORTING),
        ("emphasized", REPORTING),
        ("emphasised", REPORTING),
        ("predicted", REPORTING),
        ("replied", REPORTING),
        ("on", PREPOSITION),
        ("in", PREPOSITION),
        ("at", PREPOSITION),
        ("during", PREPOSITION),
        ("through", PREPOSITION),
        ("throughout", PREPOSITION),
        ("within", PREPOSITION),
        ("by", PREPOSITION),
        ("from", PREPOSITION),
        ("of", PREPOSITION),
        ("for", PREPOSITION),
        ("about", PREPOSITION),
        ("besides", PREPOSITION),
        ("around", PREPOSITION),
        ("early", PREPOSITION),
        ("late", PREPOSITION),
    ]
};
pub(in crate::events) const MAX_LABEL_WORDS: usize = 14;

/// Words a label never ends with: what they open was cut off ("announced the formation of a").
const DANGLING: &[&str] =
    &["a", "an", "the", "and", "or", "with", "its", "their", "his", "her", "is", "are", "was", "were"];

fn flag_table() -> &'static WordTable<u16> {
    static TABLE: OnceLock<WordTable<u16>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(WORD_FLAGS))
}

/// For each word length up to 16, the first letters flagged words of that length start with:
/// most words of running text are ruled out by this before any lookup.
const FLAG_SHAPES: [u32; 17] = {
    let mut shapes = [0u32; 17];
    let mut n = 0;
    while n < WORD_FLAGS.len() {
        let word = WORD_FLAGS[n].0.as_bytes();
        shapes[word.len()] |= 1 << (word[0] - b'a');
        n += 1;
    }
    shapes
};

/// The flags of a word (without surrounding punctuation, any case).
pub(super) fn word_flags(word: &str) -> u16 {
    let bytes = word.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else { return 0 };
    if !first.is_ascii_alphanumeric() || !last.is_ascii_alphanumeric() {
        return punctuated_word_flags(word);
    }
    let letter = (first | 0x20).wrapping_sub(b'a');
    let possible = bytes.len() < 17 && letter < 26 && FLAG_SHAPES[bytes.len()] & (1 << letter) != 0;
    if !possible {
        return 0;
    }
    key(bytes).and_then(|k| flag_table().get_key(k)).unwrap_or(0)
}

/// `word_flags` of a word with punctuation around it ("(after", "said,").
fn punctuated_word_flags(word: &str) -> u16 {
    let is_alnum = |c: char| c.is_ascii_alphanumeric();
    match word.trim_matches(|c: char| !is_alnum(c)) {
        // No ASCII letter or digit: punctuation unless it has a letter of another script.
        "" if word.chars().any(char::is_alphanumeric) => 0,
        "" => flag::PUNCT,
        core => word_flags(core),
    }
}

/// A word of the sentence with its byte span and label roles.
#[derive(Debug, Clone, Copy)]
pub(in crate::events) struct Word<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    pub flags: u16,
}

impl Word<'_> {
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// How `words` treats a byte.
const WORD_BYTE: u8 = 0;
const SPACE_BYTE: u8 = 1;
/// An ASCII mark that is a word of its own: , ; : " ( )
const MARK_BYTE: u8 = 2;
const NON_ASCII_BYTE: u8 = 3;

const BYTE_KINDS: [u8; 256] = {
    let mut kinds = [WORD_BYTE; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        kinds[b] = if byte >= 0x80 {
            NON_ASCII_BYTE
        } else if byte.is_ascii_whitespace() {
            SPACE_BYTE
        } else if matches!(byte, b',' | b';' | b':' | b'"' | b'(' | b')') {
            MARK_BYTE
        } else {
            WORD_BYTE
        };
        b += 1;
    }
    kinds
};

/// The words of `text[from..to]`: runs between whitespace, with , ; : " ( ) “ ” — – as words of
/// their own.
pub(super) fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let to = to.min(text.len());
    let mut out = Vec::with_capacity(to.saturating_sub(from) / 5);
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let word = |s: usize, e: usize| Word { start: s, end: e, text: &text[s..e], flags: word_flags(&text[s..e]) };
    let mut at = from;
    while at < to {
        let (width, is_space, is_mark) = match BYTE_KINDS[bytes[at] as usize] {
            WORD_BYTE => {
                start.get_or_insert(at);
                at += 1;
                while at < to && (BYTE_KINDS[bytes[at] as usize] == WORD_BYTE || is_digit_group_comma(bytes, at, to)) {
                    at += 1;
                }
                continue;
            }
            SPACE_BYTE => (1, true, false),
            MARK_BYTE => (1, false, true),
            _ => {
                let ch = text[at..].chars().next().unwrap_or(' ');
                (ch.len_utf8(), ch.is_whitespace(), matches!(ch, '“' | '”' | '—' | '–'))
            }
        };
        if is_space || is_mark {
            if let Some(s) = start.take() {
                out.push(word(s, at));
            }
            if is_mark {
                out.push(Word { start: at, end: at + width, text: &text[at..at + width], flags: flag::PUNCT });
            }
        } else if start.is_none() {
            start = Some(at);
        }
        at += width;
    }
    if let Some(s) = start {
        out.push(word(s, to));
    }
    // "The poll found that Democrats held a lead": what a poll, a study or an inquiry found is
    // reported as what a person said, once "that" opens it, right after the verb or after its
    // adjunct ("found on Tuesday that"); "found guilty", "the remains found" report nothing.
    for k in 0..out.len() {
        if repair::is(&out[k], FINDING_VERBS) && opens_that_clause(&out[k + 1..]) {
            out[k].flags |= flag::REPORTING;
        }
    }
    out
}

/// Most words an adjunct takes between a verb of finding and its "that" ("on Tuesday").
const MAX_FINDING_ADJUNCT_WORDS: usize = 4;

/// Whether `after` (the words after a verb) opens with "that", or with a prepositional adjunct
/// and then "that", with no punctuation between.
fn opens_that_clause(after: &[Word]) -> bool {
    match after.first() {
        Some(w) if w.has(flag::THAT) => true,
        Some(w) if w.has(flag::PREPOSITION) => after
            .iter()
            .skip(1)
            .take(MAX_FINDING_ADJUNCT_WORDS)
            .take_while(|w| !w.has(flag::PUNCT))
            .any(|w| w.has(flag::THAT)),
        _ => false,
    }
}

/// Verbs by which a poll, a study or figures report what they found.
const FINDING_VERBS: &[&str] = &["found", "finds", "showed", "shows", "concluded"];

/// A comma between digit groups ("27,000", "2,745.6"), which belongs to the number: cutting
/// there turned "the figure dropped to 27,000" into "the figure dropped to 27".
fn is_digit_group_comma(bytes: &[u8], at: usize, to: usize) -> bool {
    let digit = |k: usize| k < to && bytes[k].is_ascii_digit();
    bytes[at] == b',' && at > 0 && bytes[at - 1].is_ascii_digit() && (at + 1..at + 4).all(digit) && !digit(at + 4)
}

/// `at`, or the start of the word it cuts (a window into a long sentence): the label never opens
/// with the end of a word ("ng the so-called scandal" of "probing", "said ice would" of
/// "police"). A word longer than `MAX_WORD_BYTES` is skipped instead, so the cost stays bounded.
pub(super) fn whole_word_from(text: &str, at: usize) -> usize {
    let inside = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (before, after) = text.split_at(at.min(text.len()));
    if !inside(before.chars().next_back()) || !inside(after.chars().next()) {
        return at;
    }
    let from = floor_char_boundary(text, at.saturating_sub(MAX_WORD_BYTES));
    match text[from..at].char_indices().rfind(|&(_, c)| !c.is_alphanumeric()) {
        Some((k, c)) => from + k + c.len_utf8(),
        None if from == 0 => 0,
        None => after.find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |k| at + k),
    }
}

/// The longest word `whole_word_from` reads back over.
const MAX_WORD_BYTES: usize = 40;

pub(in crate::events) fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Clause boundaries: indices into `ws` where a new clause starts (never inside a mention).
pub(super) fn clause_starts(ws: &[Word], inside_mention: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut starts = vec![0];
    let mut aside_end = 0;
    for (i, w) in ws.iter().enumerate().skip(1) {
        if i <= aside_end {
            continue;
        }
        if let Some(end) = short_aside(ws, i) {
            // "the Bank of Korea (BOK) said": a short aside in brackets is part of its clause.
            aside_end = end;
            continue;
        }
        let clause_start = starts.last().copied().unwrap_or(0);
        // "&" joins names ("Water & Electric Corp."), it separates nothing; nor does a quotation
        // mark: quoted words ("said that “the quay will reopen”", "a “fair rent” rule") belong to
        // the clause they stand in, and a comma or colon before them parts clauses itself.
        let separator = w.has(flag::PUNCT) && w.text != "&" && (!is_quote_mark(w) || closes_before_report(ws, i));
        // "The following are …": a clause word after an article is a noun.
        let after_determiner = repair::is(&ws[i - 1], &["the", "a", "an"]);
        // "saw their economy as being in recession": "as" before a gerund opens no clause; before
        // one of saying it still does ("quoted him as saying that …": what was said follows).
        let before_gerund = repair::is(w, &["as"])
            && ws.get(i + 1).is_some_and(|next| {
                let gerund =
                    next.text.len() > 4 && next.text.ends_with("ing") && next.text.starts_with(char::is_lowercase);
                gerund && !next.has(flag::REPORTING) && !repair::is(next, GERUNDS_OF_SAYING)
            });
        let clause_word = w.has(flag::CLAUSE) && !after_determiner && !before_gerund;
        let opens = separator
            || clause_word
            || joins_a_clause(ws, clause_start, i)
            || opens_unmarked_report(ws, i, &inside_mention);
        if opens && !inside_mention(w.start) {
            starts.push(i);
        }
    }
    starts
}

/// Verbs of saying whose reported clause may follow with no "that" ("said Sunday the suspect was
/// arrested"), and those of them that take no object either, after which a past form the
/// part-of-speech model misreads ("the crews struck", tagged a noun) is the clause's verb too.
/// "told" and its like name the one told first.
#[rustfmt::skip]
const REPORTING_WITHOUT_THAT: &[&str] = &[
    "said", "says", "added", "claimed", "insisted", "noted", "argued", "warned", "stated",
    "announced", "confirmed", "reported", "estimated", "predicted", "acknowledged", "admitted", "revealed", "disclosed",
];
const REPORTING_WITHOUT_OBJECT: &[&str] =
    &["said", "says", "added", "claimed", "insisted", "noted", "argued", "warned", "stated"];

/// Most words the subject of a clause reported with no "that" takes before its verb ("said
/// Monday the death toll in the province had risen").
const MAX_UNMARKED_SUBJECT_WORDS: usize = 6;

/// Part-of-speech tags that open a subject: an article or possessive, a name or noun, a number,
/// a pronoun, "there".
const SUBJECT_OPENING_TAGS: &[&str] = &["DT", "PRP$", "NNP", "NNPS", "NN", "NNS", "CD", "PRP", "EX"];
/// Tags of a finite verb: what makes the words after a verb of saying a clause of their own
/// rather than its object ("reported a statement released by the group").
const FINITE_VERB_TAGS: &[&str] = &["VBD", "VBZ", "VBP", "MD"];

/// Whether word `at` opens a clause that a verb of saying before it reported with no "that":
/// after a time phrase dating the verb ("said on Monday the crews struck in the spring"), a subject the part-of-speech model reads as one and, within a few words, a finite
/// verb. Then a time phrase in that clause dates what was reported, as after "that", and the
/// saying keeps its own. Not after an inverted report, whose speaker follows it ("…, said a
/// statement released on Sunday").
fn opens_unmarked_report(ws: &[Word], at: usize, inside_mention: &impl Fn(usize) -> bool) -> bool {
    if inside_mention(ws[at].start) || ws[at].has(flag::PUNCT | flag::CLAUSE | flag::REPORTING) {
        return false;
    }
    let mut verb = at - 1;
    let dated_between = inside_mention(ws[verb].start);
    while verb > 0 && inside_mention(ws[verb].start) {
        verb -= 1;
    }
    if dated_between && ws[verb].has(flag::PREPOSITION) && verb > 0 {
        verb -= 1;
    }
    // Only a saying dated by its own phrase, before a clause with a time phrase of its own: two
    // events that would otherwise share one label. A lone phrase dates the report as a whole
    // ("Bush said Monday he met with Gates" keeps who said it).
    let dated_later = || ws[at + 1..].iter().take_while(|w| w.text != ".").any(|w| inside_mention(w.start));
    let has_subject = verb > 0 && !ws[verb - 1].has(flag::PUNCT) && !is_quote_mark(&ws[verb - 1]);
    if !dated_between
        || !dated_later()
        || !has_subject
        || !ws[verb].has(flag::REPORTING)
        || !repair::is(&ws[verb], REPORTING_WITHOUT_THAT)
    {
        return false;
    }
    let Some(model) = crate::pos::shipped() else { return false };
    let end = (at + 1 + MAX_UNMARKED_SUBJECT_WORDS).min(ws.len());
    let window: Vec<&str> = ws[verb..(end + 2).min(ws.len())].iter().map(|w| w.text).collect();
    let tags = crate::pos::tag(model, &window);
    let tag = |k: usize| tags.get(k - verb).copied().unwrap_or("");
    let opens_subject = SUBJECT_OPENING_TAGS.contains(&tag(at))
        && (tag(at) != "PRP" || repair::is(&ws[at], &["he", "she", "it", "they", "we", "i", "you"]));
    let no_object = repair::is(&ws[verb], REPORTING_WITHOUT_OBJECT);
    let not_passive = |k: usize| ws.get(k + 1).is_none_or(|next| !repair::is(next, &["by"]));
    let finite =
        |k: usize| FINITE_VERB_TAGS.contains(&tag(k)) || (no_object && repair::is_verb(&ws[k]) && not_passive(k));
    opens_subject && (at + 1..end).take_while(|&k| !ws[k].has(flag::PUNCT | flag::CLAUSE | flag::REPORTING)).any(finite)
}

/// Gerunds of saying after "as" (""quoted him as saying that …"), which open what was said.
const GERUNDS_OF_SAYING: &[&str] =
    &["saying", "telling", "urging", "reporting", "quoting", "stating", "adding", "warning", "describing"];

/// A quotation mark standing as a word of its own.
pub(super) fn is_quote_mark(w: &Word) -> bool {
    matches!(w.text, "\"" | "\u{201c}" | "\u{201d}")
}

/// Most words between a closing quotation mark and the verb of saying it leads to
/// (`closes_before_report`).
pub(super) const MAX_WORDS_TO_REPORT: usize = 6;

/// Whether the quotation mark at `at` closes a quotation that a report follows with no comma
/// (`"… calling them to stop" lawmaker Madobe Nunow said`): there what was said ends.
fn closes_before_report(ws: &[Word], at: usize) -> bool {
    let closes = at > 0 && ws[at - 1].end == ws[at].start && !ws[at - 1].has(flag::PUNCT);
    closes
        && ws[at + 1..]
            .iter()
            .take(MAX_WORDS_TO_REPORT)
            .take_while(|w| !w.has(flag::PUNCT))
            .any(|w| w.has(flag::REPORTING))
}

/// Words a bracketed aside may hold and still be part of its clause: an abbreviation or a short
/// gloss ("(BOK)", "(FTA)", "(05:30 GMT)").
const MAX_ASIDE_WORDS: usize = 3;

/// Where the closing bracket of a short aside opening at `at` is ("(" then up to
/// `MAX_ASIDE_WORDS` words and ")"), if one opens there.
fn short_aside(ws: &[Word], at: usize) -> Option<usize> {
    if ws.get(at)?.text != "(" {
        return None;
    }
    let inner = ws.get(at + 1..)?.iter().take(MAX_ASIDE_WORDS + 1).position(|w| w.has(flag::PUNCT))?;
    let close = at + 1 + inner;
    (inner > 0 && ws[close].text == ")").then_some(close)
}

/// "… and the road reopened on Wednesday": an "and" followed by a subject of its own (a
/// determiner and a noun, then a verb) joins a clause with its own event, not more of the same
/// one. "Smith and Jones met" stays one clause, and so does a longer noun phrase ("a notice dated
/// June 13 and an incident log stamped that day were handed over"), whose "verb" is often a
/// participle. `clause_start` is where the clause holding the "and" starts.
pub(super) fn joins_a_clause(ws: &[Word], clause_start: usize, at: usize) -> bool {
    if !ws[at].text.eq_ignore_ascii_case("and") {
        return false;
    }
    // The clause before must have its verb already: "Pohamba and his delegation arrived" is one
    // subject, and after a verb of saying the reported clause's subject is still being read
    // ("Blair said the security service and his force have ...").
    let before = ws[clause_start..at].iter().rev().find(|w| repair::is_verb(w) || w.has(flag::REPORTING));
    if before.is_none_or(|w| w.has(flag::REPORTING)) {
        return false;
    }
    let Some(next) = ws.get(at + 1) else { return false };
    let opens_subject = repair::DETERMINERS.iter().any(|d| next.text.eq_ignore_ascii_case(d));
    opens_subject && ws[at + 2..].iter().take(2).take_while(|w| !w.has(flag::PUNCT | flag::CLAUSE)).any(repair::is_verb)
}

fn join(ws: &[Word]) -> String {
    let mut out = String::with_capacity(ws.iter().map(|w| w.text.len() + 1).sum());
    for w in ws.iter().filter(|w| !w.has(flag::PUNCT) || w.text == "’" || w.text == "'" || w.text == "&") {
        // A possessive left alone by an aside before it ("OPEC (the cartel)'s") joins its noun.
        // A plural's apostrophe added by a repair (`repair::with_possessor`) is no punctuation.
        let possessive = w.text == "'s" || w.text == "’s" || (w.text == "'" && !w.has(flag::PUNCT));
        if !out.is_empty() && !possessive {
            out.push(' ');
        }
        out.push_str(w.text);
    }
    out
}

/// The words outside short bracketed asides: "(BOK)" glosses what comes before it, and a label
/// reads without it.
pub(in crate::events) fn outside_asides<'a, 't>(ws: &'a [Word<'t>]) -> impl Iterator<Item = &'a Word<'t>> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(close) = short_aside(ws, i) {
            i = close + 1;
        }
        let w = ws.get(i)?;
        i += 1;
        Some(w)
    })
}

/// A wire desk's initials closing a story ("fb/djw"): short lower-case runs joined by slashes.
fn is_wire_signature(w: &Word) -> bool {
    let mut parts = w.text.split('/');
    let initials = |part: &str| (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_lowercase());
    parts.clone().count() >= 2 && parts.all(initials)
}

pub(in crate::events) fn tidy(ws: &[Word]) -> String {
    let ws: Vec<Word> = outside_asides(ws).copied().collect();
    let first = ws.iter().position(|w| !w.has(flag::PUNCT | flag::LEADING_NOISE)).unwrap_or(ws.len());
    let mut ws = &ws[first..];
    // A wire desk's initials follow the story's last full stop ("… at the time. fb/djw"; not
    // "reached 320 km/h").
    let signed =
        |ws: &[Word]| matches!(ws, [.., before, last] if is_wire_signature(last) && before.text.ends_with('.'));
    while ws.last().is_some_and(|w| w.has(flag::PUNCT | flag::PREPOSITION) || repair::is(w, DANGLING)) || signed(ws) {
        ws = &ws[..ws.len() - 1];
    }
    // Words, not punctuation, count towards the limit: commas cut labels short.
    let cut =
        ws.iter().enumerate().filter(|(_, w)| !w.has(flag::PUNCT)).nth(MAX_LABEL_WORDS).map_or(ws.len(), |(at, _)| at);
    let long = cut < ws.len();
    let mut label = join(&ws[..cut]);
    label.truncate(label.trim_end_matches(['.', ',', ';', ':']).len());
    if long {
        label.push('…');
    }
    let mut label = match label.chars().next() {
        Some(first) if first.is_ascii() => {
            label[..1].make_ascii_uppercase();
            label
        }
        Some(first) if !first.is_uppercase() => {
            let rest = &label[first.len_utf8()..];
            first.to_uppercase().chain(rest.chars()).collect()
        }
        _ => label,
    };
    // Kept with its event until the run ends: without the room the "…" or a cut left.
    label.shrink_to_fit();
    label
}

/// The time phrase (of `mentions`, in text order, never overlapping) that holds byte `at`: only
/// the last one starting at or before it can, so a binary search finds it.
pub(super) fn holding(mentions: &[(usize, usize, bool)], at: usize) -> Option<&(usize, usize, bool)> {
    let candidate = mentions.partition_point(|&(s, _, _)| s <= at);
    mentions.get(candidate.wrapping_sub(1)).filter(|m| at < m.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flagged_word_is_in_the_table() {
        assert_eq!(flag_table().len(), WORD_FLAGS.len());
        assert_eq!(word_flags("“After,"), flag::CLAUSE | flag::LEADING_NOISE | flag::SIGNAL);
        assert_eq!(word_flags("—"), flag::PUNCT);
        assert_eq!(word_flags("Ésta"), 0);
    }
}
