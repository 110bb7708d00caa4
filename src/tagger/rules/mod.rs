//! Rule families. Each family is a table of named rules in its own file, with a corpus of examples
//! (`<family>.corpus`, same folder) that `tests/rule_corpora.rs` runs: phrase in context, reference
//! date, expected TIMEX3 type/value, and negative examples that must stay untagged.

use super::cursor::Cursor;
use super::sem::Sem;

pub mod absolute;
pub mod clock;
pub mod duration;
pub mod relative;
pub mod set;
pub mod vague;
pub mod weekday;

/// One phrase shape: a name for explanations and debugging, and a parser that either consumes the
/// phrase at the cursor and says what it means, or returns `None`.
pub struct Rule {
    pub name: &'static str,
    /// Classes (`start::*`) of the tokens the phrase can begin with: the tagger only tries a rule
    /// where the token fits, which keeps it fast on running text.
    pub first: u32,
    pub parse: fn(&mut Cursor) -> Option<Sem>,
}

/// Token classes a rule can begin with, as bits.
pub mod start {
    pub const NUM: u32 = 1;
    pub const APOS: u32 = 1 << 1;
    pub const MONTH: u32 = 1 << 2;
    pub const WEEKDAY: u32 = 1 << 3;
    pub const ORD: u32 = 1 << 4;
    pub const UNIT: u32 = 1 << 5;
    /// Number words and words that count: "two", "twenty", "a", "an", "several".
    pub const NUMW: u32 = 1 << 6;
    pub const SHIFT: u32 = 1 << 7;
    pub const DAYW: u32 = 1 << 8;
    pub const PART: u32 = 1 << 9;
    pub const SEASON: u32 = 1 << 10;
    pub const VAGUE: u32 = 1 << 11;
    pub const SETW: u32 = 1 << 12;
    pub const DIR: u32 = 1 << 13;
    pub const MODW: u32 = 1 << 14;
    pub const THE: u32 = 1 << 15;
    pub const THAT: u32 = 1 << 16;
    /// Any other word of the lexicon ("every", "at", "fiscal", "midnight").
    pub const GLUE: u32 = 1 << 17;
    /// A glue word that is a time word by itself ("midnight", "tonight", "future").
    pub const TIMEWORD: u32 = 1 << 18;

    /// Articles and vague counts ("a", "an", "several"), which also carry `NUMW`.
    pub const ARTICLE: u32 = 1 << 19;
    /// A number that can be a day of the month, an hour or a century (two digits, or leading
    /// zeros); also `NUM`.
    pub const NUM_SMALL: u32 = 1 << 20;
    /// A number of exactly four digits (a year, "1440 GMT"); also `NUM`.
    pub const NUM_FOUR: u32 = 1 << 21;

    /// Classes that only occur in a time phrase next to a stronger word ("the", "a", "at",
    /// "early"): the tagger tries rules there only when a time word follows closely.
    pub const WEAK: u32 = MODW | THE | THAT | GLUE | ARTICLE;

    /// A token that can anchor a time phrase by itself (a number, a month, a unit, "two").
    pub fn is_strong(class: u32) -> bool {
        class & ARTICLE == 0 && class & !WEAK != 0
    }
}

/// Glue words that name a time by themselves.
const TIME_WORDS: &[&str] = &[
    "midnight",
    "overnight",
    "tonight",
    "future",
    "moment",
    "present",
    "christmas",
    "thanksgiving",
    "halloween",
    "period",
];

/// The `start` classes of a lexicon word, from its meanings.
pub fn word_class(word: &str, meanings: &[super::lexicon::Lex]) -> u32 {
    use super::lexicon::Lex;
    let mut class = 0;
    for meaning in meanings {
        class |= match meaning {
            Lex::Month(_) | Lex::MonthAbbr(_) => start::MONTH,
            Lex::Weekday(_) | Lex::WeekdayPlural(_) => start::WEEKDAY,
            Lex::Unit(_) | Lex::UnitPlural(_) => start::UNIT,
            Lex::Number(_) | Lex::Tens(_) => start::NUMW,
            Lex::Ordinal(_) => start::ORD,
            Lex::Part(_) => start::PART,
            Lex::Season(_) => start::SEASON,
            Lex::Shift(_) => start::SHIFT,
            Lex::DayWord(_) => start::DAYW,
            Lex::Vague(_) => start::VAGUE,
            Lex::Modifier(_) => start::MODW,
            Lex::Direction(_) => start::DIR,
            Lex::SetWord(_) => start::SETW,
            Lex::Glue => {
                if word.eq_ignore_ascii_case("the") {
                    start::THE
                } else if word.eq_ignore_ascii_case("that") {
                    start::THAT
                } else if ["a", "an", "several", "few", "many", "some"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
                    start::NUMW | start::GLUE | start::ARTICLE
                } else if TIME_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
                    start::GLUE | start::TIMEWORD
                } else {
                    start::GLUE
                }
            }
        };
    }
    class
}

/// The `start` classes of a token that is not a word (words take theirs from the lexicon):
/// numbers say whether they can be a day or hour, or a year, so that date and clock rules are
/// only tried where they can match.
pub fn non_word_class(kind: crate::text::tokens::TokenKind, text: &[u8]) -> u32 {
    use crate::text::tokens::TokenKind;
    match kind {
        TokenKind::Number => {
            // Up to two digits, or leading zeros ("031"): what a day or an hour can be written as.
            let small = text.len() <= 2 || text.first() == Some(&b'0');
            let four = text.len() == 4;
            start::NUM | if small { start::NUM_SMALL } else { 0 } | if four { start::NUM_FOUR } else { 0 }
        }
        TokenKind::Punct('\'') => start::APOS,
        TokenKind::Punct(_) | TokenKind::Word => 0,
    }
}

/// Every family's rules, in priority order for equally long matches.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    absolute::RULES
        .iter()
        .chain(clock::RULES)
        .chain(weekday::RULES)
        .chain(relative::RULES)
        .chain(set::RULES)
        .chain(vague::RULES)
        .chain(duration::RULES)
}

/// Every rule indexed by the token classes it can begin with, so that the tagger walks only the
/// rules that fit a token (in `all()` order, which settles ties) instead of filtering all of them
/// at every token.
pub struct RulesByClass {
    rules: Vec<&'static Rule>,
    /// For each class bit, the rules (bit `k` = `rules[k]`) that can begin with it.
    by_bit: [u64; 32],
}

impl RulesByClass {
    pub fn new() -> Self {
        let rules: Vec<&'static Rule> = all().collect();
        debug_assert!(rules.len() <= 64, "RulesByClass holds at most 64 rules");
        let mut by_bit = [0u64; 32];
        for (k, rule) in rules.iter().enumerate() {
            for (bit, set) in by_bit.iter_mut().enumerate() {
                if rule.first & (1 << bit) != 0 {
                    *set |= 1 << k;
                }
            }
        }
        RulesByClass { rules, by_bit }
    }

    /// The rules that can begin at a token of `class`, in priority order.
    pub fn starting_with(&self, class: u32) -> impl Iterator<Item = &'static Rule> + '_ {
        let mut candidates =
            (0..32).filter(|bit| class & (1 << bit) != 0).fold(0u64, |set, bit| set | self.by_bit[bit]);
        std::iter::from_fn(move || {
            if candidates == 0 {
                return None;
            }
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            Some(self.rules[k])
        })
    }
}

impl Default for RulesByClass {
    fn default() -> Self {
        Self::new()
    }
}

/// Words before a bare month name that make it a month ("in May", "since March").
pub const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "during",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "of",
    "before",
    "after",
    "between",
    "and",
    "or",
    "to",
    "throughout",
    "that",
    "each",
    "every",
    "end",
];

#[cfg(test)]
mod tests {
    use super::start::*;
    use super::*;
    use crate::text::tokens::TokenKind;

    #[test]
    fn rules_by_class_keep_every_fitting_rule_in_order() {
        assert!(all().count() <= 64, "RulesByClass keeps its rules in one 64-bit set");
        let by_class = RulesByClass::new();
        for class in [NUM | NUM_SMALL, NUM | NUM_FOUR, THE, MONTH | GLUE, WEEKDAY, NUMW | GLUE | ARTICLE, 0] {
            let expected: Vec<&str> = all().filter(|r| r.first & class != 0).map(|r| r.name).collect();
            let found: Vec<&str> = by_class.starting_with(class).map(|r| r.name).collect();
            assert_eq!(found, expected, "class {class:#x}");
        }
    }

    #[test]
    fn numbers_say_whether_they_can_be_a_day_or_a_year() {
        let class = |digits: &str| non_word_class(TokenKind::Number, digits.as_bytes());
        assert_eq!(class("7"), NUM | NUM_SMALL);
        assert_eq!(class("31"), NUM | NUM_SMALL);
        assert_eq!(class("031"), NUM | NUM_SMALL, "leading zeros can still be a day");
        assert_eq!(class("2017"), NUM | NUM_FOUR);
        assert_eq!(class("0600"), NUM | NUM_SMALL | NUM_FOUR);
        assert_eq!(class("150"), NUM);
        assert_eq!(class("20000"), NUM);
    }
}
