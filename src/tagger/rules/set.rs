//! Recurring times (SET): "daily", "weekly", "every day", "each year", "every two weeks", "each
//! Sunday", "on Sundays", "every March 22", "each July", "twice a year". Corpus: set.corpus.

use super::start::*;
use super::Rule;
use crate::tagger::cursor::Cursor;
use crate::tagger::lexicon::Lex;
use crate::tagger::sem::{Amount, Sem, Unit};

pub const RULES: &[Rule] = &[
    Rule { name: "set_word", first: SETW, parse: set_word },
    Rule { name: "every_unit", first: GLUE, parse: every_unit },
    Rule { name: "every_weekday", first: GLUE, parse: every_weekday },
    Rule { name: "every_date", first: GLUE, parse: every_date },
    Rule { name: "weekday_plural", first: WEEKDAY, parse: weekday_plural },
    Rule { name: "times_per_unit", first: GLUE | NUMW, parse: times_per_unit },
];

/// Words that may follow an adverbial "daily"/"weekly" ("published daily in London").
const AFTER_ADVERB: &[&str] =
    &["in", "on", "at", "for", "and", "or", "to", "since", "from", "by", "with", "until", "but", "during", "basis"];

fn set_word(c: &mut Cursor) -> Option<Sem> {
    let value = c.lex(|l| if let Lex::SetWord(v) = l { Some(v) } else { None })?;
    // "a daily newspaper", "quarterly earnings": an adjective before a noun is no time phrase.
    let next_is_word = c.token().is_some_and(|t| t.kind == crate::text::tokens::TokenKind::Word);
    if next_is_word && !AFTER_ADVERB.iter().any(|w| c.is(w)) {
        return None;
    }
    Some(Sem::Set { value: value.to_string() })
}

/// The ISO 8601 duration of `n` units as TimeML writes it: P1D, PT1H, P2W, P1Q; fractions go to
/// the next unit down (PT30M, P2Y6M, PT1M30S); decades and centuries count years (P20Y).
pub fn period(n: f64, unit: Unit) -> String {
    let (n, unit) = match unit {
        Unit::Decade => (n * 10.0, Unit::Year),
        Unit::Century => (n * 100.0, Unit::Year),
        Unit::Fortnight => (n * 2.0, Unit::Week),
        Unit::Half => (n * 6.0, Unit::Month),
        other => (n, other),
    };
    let designator = |unit: Unit| match unit {
        Unit::Second => ("T", "S"),
        Unit::Minute => ("T", "M"),
        Unit::Hour => ("T", "H"),
        Unit::Day => ("", "D"),
        Unit::Week => ("", "W"),
        Unit::Weekend => ("", "WE"),
        Unit::Month => ("", "M"),
        Unit::Quarter => ("", "Q"),
        _ => ("", "Y"),
    };
    let whole = n.trunc();
    let fraction = n - whole;
    let finer = match unit {
        Unit::Minute => Some((60.0, Unit::Second)),
        Unit::Hour => Some((60.0, Unit::Minute)),
        Unit::Day => Some((24.0, Unit::Hour)),
        Unit::Week => Some((7.0, Unit::Day)),
        Unit::Year => Some((12.0, Unit::Month)),
        _ => None,
    };
    let (time, letter) = designator(unit);
    if fraction > 0.0 {
        if let Some((factor, small)) = finer {
            let rest = fraction * factor;
            if rest.fract() == 0.0 {
                let (small_time, small_letter) = designator(small);
                let mut out = String::from("P");
                if !time.is_empty() || !small_time.is_empty() {
                    out.push('T');
                }
                if whole > 0.0 {
                    out.push_str(&format!("{}{letter}", whole as i64));
                }
                out.push_str(&format!("{}{small_letter}", rest as i64));
                return out;
            }
        }
        return format!("P{time}{n}{letter}");
    }
    format!("P{time}{}{letter}", whole as i64)
}

fn every_unit(c: &mut Cursor) -> Option<Sem> {
    c.one_of(&["every", "each"])?;
    let other = c.word("other");
    let save = c.i;
    let amount = match c.amount() {
        Some(Amount::Exact(n)) => n,
        _ => {
            c.i = save;
            1.0
        }
    };
    let (unit, _) = c.unit()?;
    let amount = if other { amount * 2.0 } else { amount };
    Some(Sem::Set { value: period(amount, unit) })
}

fn every_weekday(c: &mut Cursor) -> Option<Sem> {
    c.one_of(&["every", "each"])?;
    let day = c.weekday()?;
    let mut value = format!("XXXX-WXX-{day}");
    if let Some(p) = c.lex(|l| if let Lex::Part(p) = l { Some(p) } else { None }) {
        value.push('T');
        value.push_str(p.code());
    }
    Some(Sem::Set { value })
}

fn every_date(c: &mut Cursor) -> Option<Sem> {
    c.one_of(&["every", "each"])?;
    let month = c.month()?;
    let value = match c.day_of_month() {
        Some(day) => format!("XXXX-{month:02}-{day:02}"),
        None => format!("XXXX-{month:02}"),
    };
    Some(Sem::Set { value })
}

/// "on Sundays" (the preposition stays outside the phrase).
fn weekday_plural(c: &mut Cursor) -> Option<Sem> {
    if !c.is_at(-1, "on") || !c.capitalised() {
        return None;
    }
    let day = c.lex(|l| if let Lex::WeekdayPlural(d) = l { Some(d) } else { None })?;
    Some(Sem::Set { value: format!("XXXX-WXX-{day}") })
}

/// "twice a year" → "a year" (SET P1Y), "three times a day", "once a week", "per year".
fn times_per_unit(c: &mut Cursor) -> Option<Sem> {
    let before = c.lower_at(-1);
    let per = c.word("per");
    if !per {
        if !matches!(before.as_str(), "once" | "twice" | "times") {
            return None;
        }
        c.one_of(&["a", "an"])?;
    }
    let (unit, plural) = c.unit()?;
    if plural {
        return None;
    }
    Some(Sem::Set { value: period(1.0, unit) })
}
