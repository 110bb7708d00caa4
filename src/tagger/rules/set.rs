//! Recurring times (SET): "daily", "weekly", "every day", "each year", "every two weeks", "each
//! Sunday", "on Sundays", "every March 22", "each July", "twice a year". Corpus: set.corpus.

use super::Rule;
use crate::tagger::cursor::Cursor;
use crate::tagger::lexicon::Lex;
use crate::tagger::sem::{Amount, Sem, Unit};

pub const RULES: &[Rule] = &[
    Rule { name: "set_word", parse: set_word },
    Rule { name: "every_unit", parse: every_unit },
    Rule { name: "every_weekday", parse: every_weekday },
    Rule { name: "every_date", parse: every_date },
    Rule { name: "weekday_plural", parse: weekday_plural },
    Rule { name: "times_per_unit", parse: times_per_unit },
];

fn set_word(c: &mut Cursor) -> Option<Sem> {
    let value = c.lex(|l| if let Lex::SetWord(v) = l { Some(v) } else { None })?;
    Some(Sem::Set { value: value.to_string() })
}

/// The ISO 8601 duration of `n` units: P1D, PT1H, P2W, P1Q (TimeML's quarter).
pub fn period(n: f64, unit: Unit) -> String {
    // "half an hour" is PT30M, "a year and a half" P18M: a fraction moves to the next unit down.
    if n.fract() != 0.0 {
        let smaller = match unit {
            Unit::Minute => Some((60.0, Unit::Second)),
            Unit::Hour => Some((60.0, Unit::Minute)),
            Unit::Day => Some((24.0, Unit::Hour)),
            Unit::Week => Some((7.0, Unit::Day)),
            Unit::Year => Some((12.0, Unit::Month)),
            Unit::Decade => Some((10.0, Unit::Year)),
            _ => None,
        };
        if let Some((factor, finer)) = smaller {
            if (n * factor).fract() == 0.0 {
                return period(n * factor, finer);
            }
        }
    }
    let n = if n.fract() == 0.0 { format!("{}", n as i64) } else { format!("{n}") };
    match unit {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Weekend => format!("P{n}WE"),
        Unit::Fortnight => format!("P{}W", n.parse::<f64>().unwrap_or(1.0) * 2.0),
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => format!("P{n}Q"),
        Unit::Half => format!("P{}M", n.parse::<f64>().unwrap_or(1.0) * 6.0),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{n}DE"),
        Unit::Century => format!("P{n}CE"),
    }
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
    let before = c.str_at(-1).to_ascii_lowercase();
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
