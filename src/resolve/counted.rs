//! Happenings a text dates only by counting from them to a day it names: "resigned on Friday,
//! two days after the vote" and "Retaliating 13 days after the bombings, U.S. forces Thursday
//! launched ..." date the vote and the bombings. The resolver finds them (in its reading of a
//! length of time), keeps their day for later phrases that name them, and the story layer shows
//! each as an implied event.

use super::calendar::Cal;
use crate::tagger::sem::Unit;
use crate::tagger::Tokens;
use crate::text::tokens::TokenKind;
use crate::timex::Granularity;
use chrono::{Duration, Months, NaiveDate, NaiveDateTime, NaiveTime};
use std::ops::Range;

/// One happening dated by counting from a named day.
#[derive(Debug, Clone, PartialEq)]
pub struct CountedFrom {
    /// The happening as the text names it: "the vote", "the assassination of the mayor".
    pub name: String,
    /// Its event noun, lower case ("vote"): the key later phrases find its date by.
    pub noun: String,
    /// When it was (half-open): a day, or the month or year a count of months or years lands in.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub granularity: Granularity,
    /// Byte span of the phrase that counts from it ("two days after the vote").
    pub phrase: Range<usize>,
    pub explanation: String,
}

/// The most units a count may go back: beyond it ("20,000 days after the war, on Monday") the
/// happening is left undated.
const MAX_COUNT: f64 = 10_000.0;

/// Where a happening is when `n` `unit`s after it (`direction` 1; before it: -1) is `day`: the
/// day itself for counts in days, weeks, fortnights or whole days of hours, the month or year for counts in
/// months or years; `None` for other units and for counts that are not whole.
pub fn counted_back(day: NaiveDate, n: f64, unit: Unit, direction: i32) -> Option<Cal> {
    if !(n.fract() == 0.0 && n > 0.0 && n <= MAX_COUNT) {
        return None;
    }
    let whole = n as i64;
    let days = |count: i64| {
        let shift = Duration::days(count);
        let moved = if direction > 0 { day.checked_sub_signed(shift) } else { day.checked_add_signed(shift) };
        moved.map(Cal::Day)
    };
    let months = |count: i64| {
        let shift = Months::new(u32::try_from(count).ok()?);
        if direction > 0 {
            day.checked_sub_months(shift)
        } else {
            day.checked_add_months(shift)
        }
    };
    let at = |d: NaiveDate| d.and_time(NaiveTime::MIN);
    match unit {
        Unit::Day => days(whole),
        Unit::Week => days(whole * 7),
        Unit::Fortnight => days(whole * 14),
        Unit::Hour if whole % 24 == 0 => days(whole / 24),
        Unit::Month => months(whole).map(|d| Cal::containing(at(d), Unit::Month)),
        Unit::Year => months(whole * 12).map(|d| Cal::containing(at(d), Unit::Year)),
        _ => None,
    }
}

/// Words that end the "of" phrase of a happening's name ("the assassination of the mayor in
/// the capital" → "the assassination of the mayor").
const NAME_STOPS: &[&str] = &[
    "in", "on", "at", "by", "and", "or", "but", "was", "were", "which", "that", "who", "when", "as", "to", "for",
    "from", "with", "had", "has",
];

/// At most this many words of an "of" phrase go into a happening's name.
const OF_PHRASE_WORDS: usize = 5;

/// Words a happening's name opens with: it is a noun phrase ("the vote", "his planned summit"),
/// never a clause ("after it leaked radioactive substances following a fire").
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"];

/// The name of the happening whose noun is token `noun`, from the determiner after the counting
/// word at `direction_token` ("after", "ahead of"; a gerund before it is left out: "after suffering
/// a heart attack"): "the deadly embassy bombings", extended by an "of" phrase ("the assassination
/// of the former mayor"); and the index of its last token. `None` when no determiner opens it.
pub fn happening_name(tokens: &Tokens, direction_token: usize, noun: usize) -> Option<(String, usize)> {
    let mut first = direction_token + 1;
    if tokens.is(direction_token, "ahead") && tokens.is(first, "of") {
        first += 1;
    }
    if first < noun && tokens.lower(first).as_str().ends_with("ing") {
        first += 1;
    }
    if !DETERMINERS.iter().any(|d| tokens.is(first, d)) {
        return None;
    }
    let mut last = noun;
    if tokens.is(noun + 1, "of") {
        let words = (noun + 2..tokens.tokens.len()).take(OF_PHRASE_WORDS).take_while(|&k| {
            let token = tokens.tokens[k];
            token.kind == TokenKind::Word && !NAME_STOPS.iter().any(|w| tokens.is(k, w))
        });
        if let Some(end) = words.last() {
            last = end;
        }
    }
    let (from, to) = (tokens.tokens.get(first)?, tokens.tokens.get(last)?);
    Some((tokens.text.get(from.start as usize..to.end as usize)?.to_string(), last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn counts_go_back_from_the_day_after_and_on_from_the_day_before() {
        let monday = day(2017, 3, 20);
        assert_eq!(counted_back(monday, 2.0, Unit::Day, 1), Some(Cal::Day(day(2017, 3, 18))));
        assert_eq!(counted_back(monday, 1.0, Unit::Week, -1), Some(Cal::Day(day(2017, 3, 27))));
        assert_eq!(counted_back(monday, 48.0, Unit::Hour, 1), Some(Cal::Day(day(2017, 3, 18))));
        assert_eq!(counted_back(monday, 3.0, Unit::Month, 1), Some(Cal::Month(2016, 12)));
        assert_eq!(counted_back(monday, 17.0, Unit::Year, 1), Some(Cal::Year(2000)));
    }

    #[test]
    fn counts_that_name_no_day_date_nothing() {
        let monday = day(2017, 3, 20);
        assert_eq!(counted_back(monday, 36.0, Unit::Hour, 1), None);
        assert_eq!(counted_back(monday, 1.5, Unit::Day, 1), None);
        assert_eq!(counted_back(monday, 0.0, Unit::Day, 1), None);
        assert_eq!(counted_back(monday, 2.0, Unit::Decade, 1), None);
        assert_eq!(counted_back(monday, 1e9, Unit::Day, 1), None);
        assert_eq!(counted_back(monday, f64::NAN, Unit::Day, 1), None);
    }
}
