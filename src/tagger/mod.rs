//! The time-phrase tagger: finds TIMEX3 candidates in raw text and says what each means before
//! any calendar arithmetic (the resolver's job). A parser stage tries every rule family at each
//! token that can start a time phrase and keeps the longest match; a refiner stage then joins
//! neighbours ("10 p.m." + "Wednesday") the way chrono-node's refiners do.

pub mod cursor;
pub mod lexicon;
pub mod rules;
pub mod sem;

use crate::text::tokens::{tokenize, Token, TokenKind};
use crate::text::word_key::{LowerWord, WordTable};
use cursor::Cursor;
use lexicon::Lex;
use sem::Sem;
use std::sync::OnceLock;

/// A time phrase found in the text, with its meaning still relative.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    /// Byte offsets into the document text, half-open.
    pub start: usize,
    pub end: usize,
    /// Token indices, half-open.
    pub first_token: usize,
    pub end_token: usize,
    /// Name of the rule that produced it.
    pub rule: &'static str,
    pub sem: Sem,
    /// TIMEX3 `mod` from a modifier word inside the phrase ("early" → START, "about" → APPROX).
    pub modifier: Option<&'static str>,
}

/// The tokens of a text with the lexicon meanings of each, shared by the tagger and resolver.
pub struct Tokens<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub lex: Vec<lexicon::LexId>,
    /// `rules::start` classes of each token.
    pub classes: Vec<u32>,
    amounts: cursor::AmountMemo,
}

impl<'t> Tokens<'t> {
    pub fn new(text: &'t str) -> Self {
        Self::of_tokens(text, tokenize(text))
    }

    /// The tokens of `text` within `span` (a block of whole sentences, `text::blocks`), cut at
    /// `breaks` (`tokens::cut_at_breaks`: sentence ends the source's structure gives, such as
    /// TimeML `<s>` elements written back to back); every token keeps its offset in the text.
    pub fn in_block(text: &'t str, breaks: &[usize], span: std::ops::Range<usize>) -> Self {
        Self::of_tokens(text, crate::text::tokens::cut_span_at_breaks(text, breaks, span))
    }

    fn of_tokens(text: &'t str, tokens: Vec<Token>) -> Self {
        static CLASSED: OnceLock<lexicon::Index<u32>> = OnceLock::new();
        let classed = CLASSED.get_or_init(|| lexicon::Index::new(rules::word_class));
        let bytes = text.as_bytes();
        let (lex, classes) = tokens
            .iter()
            .map(|token| match token.kind {
                TokenKind::Word => classed.get_bytes(&bytes[token.range()]).unwrap_or((lexicon::LexId::NONE, 0)),
                kind => (lexicon::LexId::NONE, rules::non_word_class(kind, &bytes[token.range()])),
            })
            .unzip();
        Tokens { text, tokens, lex, classes, amounts: Default::default() }
    }

    pub fn cursor(&self, i: usize) -> Cursor<'_> {
        Cursor::new(self.text, &self.tokens, &self.lex, &self.amounts, i)
    }

    /// Token `i` is the word `word` (any case).
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.text(self.text).eq_ignore_ascii_case(word))
    }

    /// Lower-cased text of token `i` ("" past the end), without allocating.
    pub fn lower(&self, i: usize) -> LowerWord {
        LowerWord::new(self.tokens.get(i).map(|t| t.text(self.text)).unwrap_or(""))
    }

    /// Whether tokens from `i` read "'s": a possessive after the word before `i`.
    pub fn is_possessive_at(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct('\'')) && self.lower(i + 1) == "s"
    }
}

/// Finds every time phrase in `text`, in text order, without overlaps.
pub fn tag(text: &str) -> Vec<RawMention> {
    tag_tokens(&Tokens::new(text))
}

/// As `tag`, over tokens already made.
pub fn tag_tokens(tokens: &Tokens) -> Vec<RawMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.tokens.len() {
        let class = tokens.classes[i];
        // A weak word ("the", "a", "at", "early") starts a time phrase only with a time word
        // within the next few tokens: skipping the rest keeps running text fast.
        let worth_trying = rules::start::is_strong(class)
            || (class != 0
                && next_can_continue(tokens, i)
                && tokens.classes[i + 1..(i + 6).min(tokens.classes.len())]
                    .iter()
                    .any(|c| rules::start::is_strong(*c)));
        if worth_trying {
            if let Some(mention) = match_at(tokens, i) {
                i = mention.end_token;
                found.push(mention);
                continue;
            }
        }
        i += 1;
    }
    refine(tokens, found)
}

/// Words outside the lexicon that rules or modifier phrases read right after a weak word ("the
/// final quarter", "more than", "at least"). A weak word followed by any other word that is not in
/// the lexicon starts no time phrase ("the government", "a man"), which spares most rule calls.
/// A rule that reads a new word after a weak one must list it here (its corpus example fails
/// otherwise).
const CONTINUATIONS: &[&str] = &[
    "final",
    "remaining",
    "preceding",
    "prior",
    "near",
    "distant",
    "other",
    "same",
    "than",
    "to",
    "least",
    "most",
    "more",
    "end",
    "beginning",
    "start",
    "middle",
    "time",
    "period",
    "season",
    "o",
];

fn continuation_table() -> &'static WordTable<()> {
    static TABLE: OnceLock<WordTable<()>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(&CONTINUATIONS.iter().map(|w| (*w, ())).collect::<Vec<_>>()))
}

/// The token after the weak word at `i` can carry a time phrase on: a number, punctuation, a
/// lexicon word or one of `CONTINUATIONS`.
fn next_can_continue(tokens: &Tokens, i: usize) -> bool {
    match tokens.tokens.get(i + 1) {
        None => false,
        Some(next) if next.kind == TokenKind::Word && tokens.classes[i + 1] == 0 => {
            continuation_table().get(next.text(tokens.text)).is_some()
        }
        Some(_) => true,
    }
}

/// Words that can open a modifier phrase besides the lexicon's modifiers ("about", "early").
const MODIFIER_OPENERS: &[&str] = &["the", "no", "more", "less", "under", "at", "up", "over", "post", "pre"];

fn opens_modifier(c: &Cursor) -> bool {
    static TABLE: OnceLock<WordTable<()>> = OnceLock::new();
    let table = TABLE.get_or_init(|| WordTable::new(&MODIFIER_OPENERS.iter().map(|w| (*w, ())).collect::<Vec<_>>()));
    c.peek_lex(|l| matches!(l, Lex::Modifier(_)).then_some(())).is_some()
        || c.token().is_some_and(|t| t.kind == TokenKind::Word && table.get(t.text(c.text)).is_some())
}

/// Modifier phrases before a time phrase and the TIMEX3 mod each gives.
const MODIFIER_PHRASES: &[(&[&str], &str)] = &[
    (&["the", "end", "of"], "END"),
    (&["the", "beginning", "of"], "START"),
    (&["the", "start", "of"], "START"),
    (&["the", "middle", "of"], "MID"),
    (&["no", "more", "than"], "EQUAL_OR_LESS"),
    (&["more", "than"], "MORE_THAN"),
    (&["less", "than"], "LESS_THAN"),
    (&["under"], "LESS_THAN"),
    (&["at", "least"], "EQUAL_OR_MORE"),
    (&["up", "to"], "EQUAL_OR_LESS"),
    (&["at", "most"], "EQUAL_OR_LESS"),
];

/// A modifier phrase before a time phrase, and the TIMEX3 mod it gives. Leaves the cursor after
/// the modifier, or where it was when there is none.
fn modifier(c: &mut Cursor) -> Option<&'static str> {
    if !opens_modifier(c) {
        return None;
    }
    let save = c.i;
    for (words, found) in MODIFIER_PHRASES {
        if c.is(words[0]) && c.words(words) {
            return Some(found);
        }
    }
    // "over a week", "over 20 years" (not "over the weekend").
    if c.word("over") {
        let amount_follows = c.token().is_some_and(|t| t.kind == TokenKind::Number)
            || c.peek_lex(|l| matches!(l, Lex::Number(_) | Lex::Tens(_)).then_some(())).is_some()
            || c.is("a")
            || c.is("an");
        if amount_follows {
            return Some("MORE_THAN");
        }
        c.i = save;
    }
    // "post-1959", "pre-war".
    for (prefix, found) in [("post", "AFTER"), ("pre", "BEFORE")] {
        if c.word(prefix) && c.hyphen() {
            return Some(found);
        }
        c.i = save;
    }
    let found = c.lex(|l| if let Lex::Modifier(m) = l { Some(m) } else { None });
    if found.is_some() {
        c.hyphen();
    }
    found
}

/// The longest rule match at token `i`: (end token, rule name, meaning, mod found inside).
type RuleMatch = (usize, &'static str, Sem, Option<&'static str>);

fn best_rule_at(tokens: &Tokens, i: usize) -> Option<RuleMatch> {
    static RULES: OnceLock<rules::RulesByClass> = OnceLock::new();
    let by_class = RULES.get_or_init(rules::RulesByClass::new);
    let mut best: Option<RuleMatch> = None;
    let class = tokens.classes.get(i).copied().unwrap_or(0);
    for rule in by_class.starting_with(class) {
        let mut c = tokens.cursor(i);
        if let Some(sem) = (rule.parse)(&mut c) {
            if c.i > i && best.as_ref().is_none_or(|(end, ..)| c.i > *end) {
                best = Some((c.i, rule.name, sem, c.modifier));
            }
        }
    }
    best
}

fn match_at(tokens: &Tokens, i: usize) -> Option<RawMention> {
    let mut c = tokens.cursor(i);
    let outer = modifier(&mut c).filter(|_| c.i < tokens.tokens.len());
    let core_start = if outer.is_some() { c.i } else { i };
    let (first, end_token, rule, sem, modifier) = match (outer, best_rule_at(tokens, core_start)) {
        // Modifiers only make sense on what they can modify: "about" a clock time or amount,
        // "early" a date, "more than" a duration; otherwise the word stays outside the phrase.
        // TimeML keeps "about"/"around" outside the phrase but still marks it APPROX.
        (Some("APPROX"), Some((end, rule, sem, inner))) if modifier_fits("APPROX", &sem) => {
            (core_start, end, rule, sem, Some("APPROX").or(inner))
        }
        (Some(outer), Some((end, rule, sem, inner))) if modifier_fits(outer, &sem) => {
            (i, end, rule, sem, Some(outer).or(inner))
        }
        (_, Some((end, rule, sem, inner))) => (core_start, end, rule, sem, inner),
        (Some(_), None) => {
            let (end, rule, sem, inner) = best_rule_at(tokens, i)?;
            (i, end, rule, sem, inner)
        }
        (None, None) => return None,
    };
    Some(RawMention {
        start: tokens.tokens[first].start as usize,
        end: tokens.tokens[end_token - 1].end as usize,
        first_token: first,
        end_token,
        rule,
        sem,
        modifier,
    })
}

fn modifier_fits(modifier: &str, sem: &Sem) -> bool {
    let duration_like = matches!(sem, Sem::Duration { .. } | Sem::Ago { .. } | Sem::Relative { .. });
    match modifier {
        "MORE_THAN" | "LESS_THAN" | "EQUAL_OR_MORE" | "EQUAL_OR_LESS" => duration_like,
        "APPROX" => !matches!(sem, Sem::Vague(_) | Sem::Set { .. }),
        "START" | "END" | "MID" => !matches!(sem, Sem::Duration { .. } | Sem::Vague(_) | Sem::Set { .. }),
        _ => !matches!(sem, Sem::Vague(_) | Sem::Set { .. }),
    }
}

/// Can `sem` name the day a clock time falls on?
fn names_a_day(sem: &Sem) -> bool {
    matches!(
        sem,
        Sem::Weekday { .. }
            | Sem::WeekdayFrom { .. }
            | Sem::DayOffset { .. }
            | Sem::Calendar { day: Some(_), .. }
            | Sem::PartOf { .. }
    )
}

/// Joins a clock time with the day right after it ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6",
/// "noon on Thursday"), keeping the clock's precision and the day's date.
fn refine(tokens: &Tokens, found: Vec<RawMention>) -> Vec<RawMention> {
    let mut out: Vec<RawMention> = Vec::with_capacity(found.len());
    let mut iter = found.into_iter().peekable();
    while let Some(mut current) = iter.next() {
        if let (Sem::Clock { base: None, .. }, Some(next)) = (&current.sem, iter.peek()) {
            let gap = current.end_token..next.first_token;
            let joinable =
                gap.is_empty() || (gap.len() == 1 && matches!(tokens.lower(gap.start).as_str(), "on" | "," | "of"));
            if joinable && names_a_day(&next.sem) && !day_starts_anew(tokens, next) {
                let day = iter.next().map(|n| (n.end, n.end_token, n.sem));
                if let (Some((end, end_token, day_sem)), Sem::Clock { hour, minute, .. }) = (day, &current.sem) {
                    current.sem = Sem::Clock { hour: *hour, minute: *minute, base: Some(Box::new(day_sem)) };
                    current.end = end;
                    current.end_token = end_token;
                    current.rule = "clock_on_day";
                }
            }
        }
        out.push(current);
    }
    share_years(tokens, &mut out);
    coordinated_days(tokens, &mut out);
    out
}

/// Words that may follow the day of "April 7 and [9]" when it is a date: a number followed by
/// anything else counts something ("on April 7 and 9 others were hurt").
const AFTER_A_COORDINATED_DAY: &[&str] = &[
    "respectively",
    "in",
    "at",
    "and",
    "or",
    "when",
    "while",
    "but",
    "as",
    "for",
    "on",
    "with",
    "before",
    "after",
    "during",
    "to",
    "from",
    "last",
    "this",
    "next",
    "local",
    "the",
];

/// The refiner for a day number coordinated with a month and day written before it ("between
/// April 7 and 9", "December 2 and 9 respectively", "Dec. 4 to 7"): the number becomes a date of
/// that month (TimeML tags it: TBAQ's "April 24 and [25]"). Before, the label kept the bare
/// number ("The corpses were found and 9"). A number that is already a phrase's ("March 3 and 4,
/// 2009", `share_years`), that is not a day after the first, or that counts something stays.
fn coordinated_days(tokens: &Tokens, mentions: &mut Vec<RawMention>) {
    let starts: std::collections::HashSet<usize> = mentions.iter().map(|m| m.first_token).collect();
    let found: Vec<RawMention> = mentions
        .iter()
        .filter_map(|first| {
            let Sem::Calendar { year, month: Some(month), day: Some(day) } = first.sem else { return None };
            let number = first.end_token + 1;
            if !YEAR_COORDINATORS.contains(&tokens.lower(first.end_token).as_str()) || starts.contains(&number) {
                return None;
            }
            let token = tokens.tokens.get(number).filter(|t| t.kind == crate::text::tokens::TokenKind::Number)?;
            let next = number + 1;
            let ends_here = tokens.tokens.get(next).is_none_or(|t| {
                [',', '.', ';', ')'].iter().any(|&c| t.is_punct(c))
                    || AFTER_A_COORDINATED_DAY.contains(&tokens.lower(next).as_str())
            });
            let second = token.text(tokens.text).parse::<u32>().ok().filter(|&d| d > day && d <= 31 && ends_here)?;
            Some(RawMention {
                start: token.start as usize,
                end: token.end as usize,
                first_token: number,
                end_token: next,
                rule: "coordinated_day",
                sem: Sem::Calendar { year, month: Some(month), day: Some(second) },
                modifier: None,
            })
        })
        .collect();
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.first_token);
    }
}

/// Whether the day after a clock time begins a new line or sentence, so the two are not one
/// phrase: "until 7 a.m.\n\nYesterday I watched" (regression: an e-mail's two paragraphs were
/// read as "7 a.m. yesterday"), "until 7 a.m. Yesterday I watched". A weekday is capitalised
/// anywhere, so only a capitalised "Yesterday", "Today" or "Tomorrow" starts a sentence.
fn day_starts_anew(tokens: &Tokens, day: &RawMention) -> bool {
    let Some(first) = tokens.tokens.get(day.first_token) else { return false };
    let capitalised = first.text(tokens.text).starts_with(|c: char| c.is_uppercase());
    first.newline_before || (capitalised && matches!(day.sem, Sem::DayOffset { .. }))
}

/// Words between two dates that share one written year: "September and October of 2007",
/// "June or July last year", "March to May 2009".
const YEAR_COORDINATORS: &[&str] = &["and", "or", "to", "through", "-", "\u{2013}"];

/// A month, day or season with no year of its own, which a coordinated phrase can give one.
fn lacks_year(sem: &Sem) -> bool {
    matches!(sem, Sem::Calendar { year: None, month: Some(_), .. } | Sem::SeasonOf { year: None, shift: None, .. })
}

/// A phrase that names the year of a month, day or season: "October of 2007", "July last
/// year", "May 2009", "the winter of 2010".
fn gives_year(sem: &Sem) -> bool {
    match sem {
        Sem::Calendar { year: Some(_), month: Some(_), .. } => true,
        Sem::InYear { year, shift, .. } => year.is_some() || *shift != 0,
        Sem::SeasonOf { year, shift, .. } => year.is_some() || shift.is_some(),
        _ => false,
    }
}

/// The refiner for coordinated dates that write the year once (issue #10 §4: "September" of
/// "between September and October of 2007" became the September before the publication date).
/// "X and Y 2007": X takes Y's year. "March 3 and 4, 2009": "March 3" takes 2009, and "4, 2009"
/// becomes the date 2009-03-04 (the tagger saw only the year).
fn share_years(tokens: &Tokens, mentions: &mut [RawMention]) {
    for k in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(k);
        let (first, second) = (&mut before[k - 1], &mut after[0]);
        if !lacks_year(&first.sem) || second.first_token < first.end_token + 1 {
            continue;
        }
        let coordinated = YEAR_COORDINATORS.contains(&tokens.lower(first.end_token).as_str());
        if !coordinated {
            continue;
        }
        let gap = second.first_token - first.end_token;
        if gap == 1 && gives_year(&second.sem) {
            first.sem = Sem::SharedYear { base: Box::new(first.sem.clone()), from: Box::new(second.sem.clone()) };
        } else if let Some(day) = coordinated_day(tokens, first, second) {
            let year = second.sem.clone();
            if let (Sem::Calendar { month: Some(month), .. }, Sem::Calendar { year: Some(y), .. }) = (&first.sem, &year)
            {
                second.sem = Sem::Calendar { year: Some(*y), month: Some(*month), day: Some(day) };
                second.start = tokens.tokens[first.end_token + 1].start as usize;
                second.first_token = first.end_token + 1;
                second.rule = "coordinated_day";
            }
            first.sem = Sem::SharedYear { base: Box::new(first.sem.clone()), from: Box::new(year) };
        }
    }
}

/// The day of "March 3 and [4], 2009": after `first` (a month and day) and its coordinator, a
/// day number, an optional comma, then `second`, a bare year.
fn coordinated_day(tokens: &Tokens, first: &RawMention, second: &RawMention) -> Option<u32> {
    let is_day_of_month = matches!(first.sem, Sem::Calendar { day: Some(_), .. });
    let bare_year = matches!(second.sem, Sem::Calendar { year: Some(_), month: None, day: None });
    if !is_day_of_month || !bare_year {
        return None;
    }
    let number = first.end_token + 1;
    let gap = second.first_token - first.end_token;
    let comma = gap == 3 && tokens.tokens.get(number + 1).is_some_and(|t| t.is_punct(','));
    if gap != 2 && !comma {
        return None;
    }
    let token = tokens.tokens.get(number).filter(|t| t.kind == crate::text::tokens::TokenKind::Number)?;
    token.text(tokens.text).parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<&str> {
        tag(text).iter().map(|m| &text[m.start..m.end]).collect()
    }

    #[test]
    fn finds_the_seed_shapes() {
        assert_eq!(phrases("said on Thursday morning that"), ["Thursday morning"]);
        assert_eq!(phrases("following Wednesday’s terror attack"), ["Wednesday"]);
        assert_eq!(phrases("The attacker was identified as 52-year old Khalid"), ["52-year old"]);
        assert_eq!(phrases("He was a 15-year veteran and"), ["15-year"]);
        assert_eq!(phrases("during a minute’s silence"), ["a minute"]);
        assert_eq!(phrases("no proof at this time that"), ["at this time"]);
    }

    #[test]
    fn refuses_the_known_traps() {
        assert!(phrases("May’s comment comes after").is_empty());
        assert!(phrases("they may march on the capital").is_empty());
        assert!(phrases("the second attacker fled").is_empty());
        assert!(phrases("in Room 1440 of the hotel").is_empty());
        assert!(phrases("armed with a .38 pistol").is_empty());
        assert!(phrases("wearing their Sunday best").is_empty());
    }

    #[test]
    fn modifier_openers_cover_every_modifier_phrase() {
        for (words, _) in MODIFIER_PHRASES {
            assert!(MODIFIER_OPENERS.contains(&words[0]), "{} opens a modifier phrase", words[0]);
            if let Some(word) = words.get(1) {
                let known = !lexicon::lookup(word).is_empty() || continuation_table().get(word).is_some();
                assert!(known, "{word} follows a weak word in a modifier phrase");
            }
        }
    }

    #[test]
    fn joins_clock_and_day() {
        assert_eq!(phrases("at 10 p.m. Wednesday, police"), ["10 p.m. Wednesday"]);
        assert_eq!(phrases("back by 5 p.m. tomorrow, police"), ["5 p.m. tomorrow"]);
        // Regression: a clock time and the day that starts the next paragraph or sentence.
        assert_eq!(phrases("closed until 7 a.m.\n\nYesterday I watched"), ["7 a.m.", "Yesterday"]);
        assert_eq!(phrases("closed until 7 a.m. Yesterday I watched"), ["7 a.m.", "Yesterday"]);
        assert_eq!(phrases("open until 9 p.m.\nFriday is busy"), ["9 p.m.", "Friday"]);
    }
}
