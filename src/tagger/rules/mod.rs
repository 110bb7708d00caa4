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
    pub parse: fn(&mut Cursor) -> Option<Sem>,
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
