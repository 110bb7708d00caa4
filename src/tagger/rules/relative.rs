//! Relative dates and parts of day: "yesterday", "today", "tomorrow", "tonight", "last night",
//! "this morning", "yesterday afternoon", "last week", "this year", "next month", "last November",
//! "earlier this year", "two weeks ago", "two days later", "a year earlier", "year-earlier", "the
//! next day", "the following week", "the morning after", "the day before", "that evening",
//! "that year", "the same day", "the year", "the quarter", "this weekend", "overnight".
//! Corpus: relative.corpus.

use super::start::*;
use super::Rule;
use crate::tagger::cursor::Cursor;
use crate::tagger::lexicon::Lex;
use crate::tagger::sem::{Amount, Part, Sem, Unit};

pub const RULES: &[Rule] = &[
    Rule { name: "day_word", first: THE | DAYW, parse: day_word },
    Rule { name: "tonight", first: GLUE | SHIFT, parse: tonight },
    Rule { name: "this_part_of_day", first: DIR | SHIFT, parse: this_part_of_day },
    Rule { name: "shifted_unit", first: DIR | SHIFT, parse: shifted_unit },
    Rule { name: "shifted_month", first: SHIFT, parse: shifted_month },
    Rule { name: "ago", first: NUMW | NUM, parse: ago },
    Rule { name: "later_earlier", first: NUMW | NUM, parse: later_earlier },
    Rule { name: "year_earlier", first: THE | UNIT, parse: year_earlier },
    Rule { name: "next_unit_anaphoric", first: THE, parse: next_unit_anaphoric },
    Rule { name: "part_after_event", first: THE, parse: part_after_event },
    Rule { name: "same_unit", first: THE | THAT, parse: same_unit },
    Rule { name: "that_part_of_day", first: DIR | THAT, parse: that_part_of_day },
];

fn part(c: &mut Cursor) -> Option<Part> {
    c.lex(|l| if let Lex::Part(p) = l { Some(p) } else { None })
}

fn with_optional_part(c: &mut Cursor, base: Sem) -> Sem {
    match part(c) {
        Some(p) => Sem::PartOf { base: Box::new(base), part: p },
        None => base,
    }
}

/// "today", "yesterday afternoon", "the day before yesterday", "the day after tomorrow".
fn day_word(c: &mut Cursor) -> Option<Sem> {
    let save = c.i;
    if c.words(&["the", "day", "before", "yesterday"]) {
        return Some(with_optional_part(c, Sem::DayOffset { days: -2 }));
    }
    if c.words(&["the", "day", "after", "tomorrow"]) {
        return Some(with_optional_part(c, Sem::DayOffset { days: 2 }));
    }
    c.i = save;
    let days = c.lex(|l| if let Lex::DayWord(d) = l { Some(d) } else { None })?;
    Some(with_optional_part(c, Sem::DayOffset { days }))
}

fn tonight(c: &mut Cursor) -> Option<Sem> {
    if c.word("tonight") {
        return Some(Sem::PartOf { base: Box::new(Sem::DayOffset { days: 0 }), part: Part::Night });
    }
    if c.words(&["last", "night"]) {
        return Some(Sem::PartOf { base: Box::new(Sem::DayOffset { days: -1 }), part: Part::Night });
    }
    if c.word("overnight") {
        return Some(Sem::PartOf { base: Box::new(Sem::SameUnit { unit: Unit::Day }), part: Part::Night });
    }
    None
}

/// "this morning", "this afternoon".
fn this_part_of_day(c: &mut Cursor) -> Option<Sem> {
    c.word("later");
    c.word("earlier");
    if !c.word("this") {
        return None;
    }
    let p = part(c)?;
    Some(Sem::PartOf { base: Box::new(Sem::DayOffset { days: 0 }), part: p })
}

fn shift_word(c: &mut Cursor) -> Option<i32> {
    c.lex(|l| if let Lex::Shift(s) = l { Some(s) } else { None })
}

/// "last week", "this year", "next month", "earlier this year", "later this month", "this weekend".
/// "the past year" is a duration (duration rules); "the following week" is anaphoric (below).
fn shifted_unit(c: &mut Cursor) -> Option<Sem> {
    c.one_of(&["earlier", "later"]);
    if c.is("past") || c.is("following") || c.is("previous") {
        return None;
    }
    let shift = shift_word(c)?;
    let (unit, plural) = c.unit()?;
    if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Half | Unit::Fortnight) {
        return None;
    }
    Some(Sem::UnitShift { unit, shift })
}

/// "last November", "this March", "next January".
fn shifted_month(c: &mut Cursor) -> Option<Sem> {
    if c.is("past") || c.is("following") {
        return None;
    }
    let shift = shift_word(c)?;
    let month = c.month()?;
    // "last Oct. 23": a day, matched from the month on (TimeBank leaves "last" out).
    if c.day_of_month().is_some() {
        return None;
    }
    Some(Sem::MonthShift { month, shift })
}

/// "two weeks ago", "a year ago", "some time ago" is not counted.
fn ago(c: &mut Cursor) -> Option<Sem> {
    let amount = c.amount()?;
    let (unit, _) = c.unit()?;
    if !c.word("ago") {
        return None;
    }
    Some(Sem::Ago { amount, unit })
}

/// "two days later", "a year earlier", "three weeks before" (at a clause end).
fn later_earlier(c: &mut Cursor) -> Option<Sem> {
    let amount = c.amount()?;
    let (unit, _) = c.unit()?;
    let direction = match c.one_of(&["later", "earlier", "before", "after"])? {
        "later" => 1,
        "earlier" => -1,
        word => {
            // "two days before the vote" names what it counts from: a duration plus a signal.
            let ends_clause = c.token().is_none_or(|t| matches!(t.kind, crate::text::tokens::TokenKind::Punct(_)));
            if !ends_clause {
                return None;
            }
            if word == "after" {
                1
            } else {
                -1
            }
        }
    };
    Some(Sem::Relative { amount, unit, direction })
}

/// "year-earlier", "year-ago": adjectives meaning the same period a year before.
fn year_earlier(c: &mut Cursor) -> Option<Sem> {
    let the = c.word("the");
    let (unit, _) = c.unit()?;
    if !c.hyphen() {
        return None;
    }
    c.one_of(&["earlier", "ago"])?;
    // "the year-earlier period", "the year-ago quarter": the noun belongs to the phrase; "the
    // year-ago results" keeps only the adjective (matched from the next token).
    let save = c.i;
    let noun = c.one_of(&["period", "quarter", "month"]).is_some() || {
        // "the year-ago third quarter".
        c.i = save;
        c.lex(|l| matches!(l, Lex::Ordinal(1..=4)).then_some(())).is_some() && c.word("quarter")
    };
    if !noun {
        if the {
            return None;
        }
        c.i = save;
    }
    Some(Sem::Relative { amount: Amount::Exact(1.0), unit, direction: -1 })
}

/// "the next day", "the following week", "the previous month", "the following morning", "the
/// following Monday (morning)".
fn next_unit_anaphoric(c: &mut Cursor) -> Option<Sem> {
    if !c.word("the") {
        return None;
    }
    let direction = match c.one_of(&["next", "following", "previous", "preceding", "prior"])? {
        "next" | "following" => 1,
        _ => -1,
    };
    if let Some(p) = part(c) {
        let base = Sem::Relative { amount: Amount::Exact(1.0), unit: Unit::Day, direction };
        return Some(Sem::PartOf { base: Box::new(base), part: p });
    }
    if let Some(weekday) = c.weekday() {
        return Some(with_optional_part(c, Sem::WeekdayFrom { weekday, direction }));
    }
    let (unit, plural) = c.unit()?;
    if plural {
        return None;
    }
    Some(Sem::Relative { amount: Amount::Exact(1.0), unit, direction })
}

/// "the morning after", "the night before", "the day after" (what it is after is found by the
/// resolver: a named event, or the time the discourse is at).
fn part_after_event(c: &mut Cursor) -> Option<Sem> {
    // "late in the day after falling": "in the day" is the trading day, not the day after.
    let in_the_day = c.is_at(-1, "in");
    if !c.word("the") {
        return None;
    }
    let p = part(c);
    if p.is_none() && (in_the_day || !c.word("day")) {
        return None;
    }
    let direction = match c.one_of(&["after", "before"])? {
        "after" => 1,
        _ => -1,
    };
    let base = Sem::Relative { amount: Amount::Exact(1.0), unit: Unit::Day, direction };
    Some(match p {
        Some(p) => Sem::PartOf { base: Box::new(base), part: p },
        None => base,
    })
}

/// "that day", "the same day", "that year", "the year", "the quarter", "the weekend".
fn same_unit(c: &mut Cursor) -> Option<Sem> {
    let determiner = c.one_of(&["that", "the"])?;
    let same = c.word("same");
    let qualifier = c.one_of(&["latest", "fiscal", "full", "current"]);
    let qualified = qualifier.is_some();
    // "the latest period" in an earnings report: the quarter being reported.
    if qualifier == Some("latest") && c.word("period") {
        return Some(Sem::SameUnit { unit: Unit::Quarter });
    }
    let (unit, plural) = c.unit()?;
    if plural {
        return None;
    }
    let allowed = match (determiner, same) {
        (_, true) => matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Quarter),
        ("that", false) => {
            matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Weekend | Unit::Quarter)
        }
        _ if qualified => matches!(unit, Unit::Year | Unit::Quarter),
        _ => matches!(unit, Unit::Year | Unit::Quarter | Unit::Weekend),
    };
    // "the year-ago results": the adjective is matched by itself.
    let save = c.i;
    if !allowed || c.hyphen() {
        return None;
    }
    c.i = save;
    // "the year before", "the year after": relative, handled above; "the year 2000" is a year.
    if c.is("of")
        || c.is("before")
        || c.is("after")
        || c.token().is_some_and(|t| t.kind == crate::text::tokens::TokenKind::Number)
    {
        return None;
    }
    // "the year ended March 31", "the fiscal year ending June 30": a company's reporting year,
    // a year's length closed by the date that follows (TimeBank: P1Y).
    if unit == Unit::Year && determiner == "the" && !same && (c.is("ended") || c.is("ending")) {
        return Some(Sem::Duration { amount: Amount::Exact(1.0), unit });
    }
    // "the current quarter" is the one containing the reference, like "this quarter".
    if qualifier == Some("current") {
        return Some(Sem::UnitShift { unit, shift: 0 });
    }
    if unit == Unit::Weekend && determiner == "the" {
        return Some(Sem::UnitShift { unit, shift: 0 });
    }
    Some(Sem::SameUnit { unit })
}

/// "that evening", "that night", "later that day" is covered by same_unit.
fn that_part_of_day(c: &mut Cursor) -> Option<Sem> {
    c.one_of(&["later", "earlier"]);
    if !c.word("that") {
        return None;
    }
    let p = part(c)?;
    Some(Sem::PartOf { base: Box::new(Sem::SameUnit { unit: Unit::Day }), part: p })
}
