//! Weekdays: "Thursday", "Thursday morning", "Wednesday’s" (the weekday only), "last Friday",
//! "next Tuesday", "this Monday", "Saturday night". Not "Sunday best", not "Sunday Times".
//! Corpus: weekday.corpus.

use super::start::*;
use super::Rule;
use crate::tagger::cursor::Cursor;
use crate::tagger::lexicon::Lex;
use crate::tagger::sem::Sem;

pub const RULES: &[Rule] = &[Rule { name: "weekday", first: SHIFT | WEEKDAY, parse: weekday }];

/// Capitalised words before a weekday that make it the name of a day or an event, not a day of
/// this week: "Black Monday", "Cyber Monday", "Super Tuesday", "Bloody Sunday".
const NAME_BEFORE: &[&str] =
    &["black", "cyber", "super", "bloody", "blue", "giving", "manic", "ash", "palm", "holy", "maundy"];

/// Words after a weekday that make it part of a name or an idiom, not a date.
const NOT_A_DATE_AFTER: &[&str] = &["best", "school", "schools", "paper", "papers", "supplement", "edition"];
/// Prepositions after which a weekday is a date even when a name follows it ("on Friday Lund
/// told", "until Monday Parliament sits").
const DATING_PREPOSITIONS: &[&str] = &["on", "by", "until", "till", "since", "before", "after", "from", "through"];

fn weekday(c: &mut Cursor) -> Option<Sem> {
    // "last Friday", "next Tuesday", "this Monday", "the coming Sunday"; "following Wednesday’s
    // attack" is a preposition, not a shift.
    let shift = match c.lower_at(0).as_str() {
        "last" | "next" | "this" | "coming" | "past" => c.lex(|l| match l {
            Lex::Shift(s) => Some(s),
            _ => None,
        }),
        _ => None,
    };
    let named = c.token_at(-1).is_some_and(|t| {
        let word = t.text(c.text);
        word.starts_with(|ch: char| ch.is_uppercase()) && NAME_BEFORE.iter().any(|w| word.eq_ignore_ascii_case(w))
    });
    if shift.is_none() && named {
        return None;
    }
    // "On Friday Lund told reporters": after a preposition of time, a name that follows does not
    // make the weekday part of it.
    let after_preposition = c.token_at(-1).is_some_and(|t| {
        let word = t.text(c.text);
        DATING_PREPOSITIONS.iter().any(|w| word.eq_ignore_ascii_case(w))
    });
    let day = c.weekday()?;
    let next = c.current();
    if NOT_A_DATE_AFTER.iter().any(|w| next.eq_ignore_ascii_case(w)) {
        return None;
    }
    // "Sunday Times", "Tuesday Morning Corp": a capitalised word that is no time word is a name.
    if c.token().is_some_and(|t| !t.newline_before)
        && !after_preposition
        && c.capitalised()
        && !c.meanings().iter().any(|l| matches!(l, Lex::Part(_) | Lex::Month(_) | Lex::MonthAbbr(_)))
        && c.token().is_some_and(|t| t.kind == crate::text::tokens::TokenKind::Word)
    {
        return None;
    }
    let base = Sem::Weekday { weekday: day, shift };
    let save = c.i;
    if let Some(part) = c.lex(|l| if let Lex::Part(p) = l { Some(p) } else { None }) {
        return Some(Sem::PartOf { base: Box::new(base), part });
    }
    c.i = save;
    Some(base)
}
