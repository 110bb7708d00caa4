//! Durations: "24 hours", "a minute", "82 seconds", "two years", "half an hour", "an hour and a
//! half", "the past two months", "the first nine months", "the past year", ages and spans used as
//! adjectives ("52-year old", "48-year-old", "15-year veteran" → "15-year"), and unspecified
//! amounts ("months" → PXM, "several years" → PXY). Not "the second attacker", not "a quarter of
//! the votes". Corpus: duration.corpus.

use super::start::*;
use super::Rule;
use crate::tagger::cursor::Cursor;
use crate::tagger::lexicon::Lex;
use crate::tagger::sem::{Amount, Sem, Unit};
use crate::text::tokens::TokenKind;

pub const RULES: &[Rule] = &[
    Rule { name: "half_unit", first: UNIT | NUMW, parse: half_unit },
    Rule { name: "amount_unit", first: NUMW | NUM, parse: amount_unit },
    Rule { name: "the_past_n_units", first: THE, parse: the_past_n_units },
    Rule { name: "adjectival_span", first: NUMW | NUM, parse: adjectival_span },
    Rule { name: "bare_plural_unit", first: UNIT, parse: bare_plural_unit },
];

/// "half an hour", "half a day".
fn half_unit(c: &mut Cursor) -> Option<Sem> {
    if !c.word("half") || c.one_of(&["a", "an"]).is_none() {
        return None;
    }
    let (unit, plural) = c.unit()?;
    if plural {
        return None;
    }
    Some(Sem::Duration { amount: Amount::Exact(0.5), unit })
}

fn amount_unit(c: &mut Cursor) -> Option<Sem> {
    let first = c.lower_at(0);
    let amount = c.amount()?;
    let (unit, plural) = c.unit()?;
    let from_article = matches!(first.as_str(), "a" | "an");
    match unit {
        // "a second attacker", "a second time", "the 1988 second quarter": only counted seconds
        // are durations.
        Unit::Second if from_article || !plural => return None,
        // "a quarter of the votes", "the first half".
        Unit::Quarter | Unit::Half if from_article => return None,
        Unit::Half => return None,
        _ => {}
    }
    // "a year-earlier loss", "a year-ago level": the hyphenated adjective is a date (relative rules).
    let save = c.i;
    if c.hyphen() && c.one_of(&["earlier", "ago"]).is_some() {
        return None;
    }
    c.i = save;
    // "twenty-four hours" written with a hyphen between number and unit is adjectival: handled below.
    // "an hour and a half".
    let mut amount = amount;
    let save = c.i;
    if c.words(&["and", "a", "half"]) {
        if let Amount::Exact(n) = amount {
            amount = Amount::Exact(n + 0.5);
        }
    } else {
        c.i = save;
    }
    // A counted unit followed by "ago/later/earlier" belongs to the relative rules (longer match).
    Some(Sem::Duration { amount, unit })
}

/// "the past two months", "the last 24 hours", "the first nine months", "the nine months",
/// "the past year", "the next few days", "the coming weeks".
fn the_past_n_units(c: &mut Cursor) -> Option<Sem> {
    if !c.word("the") {
        return None;
    }
    let leading = c.one_of(&["past", "last", "next", "first", "coming", "previous", "following", "final", "remaining"]);
    let save = c.i;
    let amount = match c.amount() {
        Some(a) => a,
        None => {
            c.i = save;
            leading?;
            Amount::Exact(1.0)
        }
    };
    let (unit, plural) = c.unit()?;
    if unit == Unit::Half || unit == Unit::Second && !plural {
        return None;
    }
    let amount = match (amount, plural, c.i - save) {
        // "the coming weeks": an unspecified number.
        (Amount::Exact(1.0), true, 1) => Amount::Unknown,
        (a, _, _) => a,
    };
    if leading.is_none() && amount == Amount::Exact(1.0) {
        return None;
    }
    Some(Sem::Duration { amount, unit })
}

/// "52-year old", "48-year-old", "15-year veteran", "four-month", "two-year".
fn adjectival_span(c: &mut Cursor) -> Option<Sem> {
    let amount = c.amount()?;
    if !c.hyphen() {
        return None;
    }
    let (unit, plural) = c.unit()?;
    if plural {
        return None;
    }
    let save = c.i;
    let hyphen_old = c.hyphen() && c.word("old");
    if !hyphen_old {
        c.i = save;
        // "52-year old" with a space before "old".
        c.word("old");
    }
    Some(Sem::Duration { amount, unit })
}

/// "for months", "within hours", "hours after the attack", "in recent years" → "years".
fn bare_plural_unit(c: &mut Cursor) -> Option<Sem> {
    let before = c.lower_at(-1);
    let unit = c.lex(|l| match l {
        Lex::UnitPlural(u) => Some(u),
        _ => None,
    })?;
    if matches!(unit, Unit::Half | Unit::Quarter | Unit::Weekend) {
        return None;
    }
    let after = c.lower_at(0);
    let context = matches!(before.as_str(), "for" | "within" | "over" | "than" | "few" | "took" | "lasted")
        || matches!(after.as_str(), "after" | "before" | "later" | "earlier" | "ago");
    if !context || c.token().is_some_and(|t| t.kind == TokenKind::Number) {
        return None;
    }
    Some(Sem::Duration { amount: Amount::Unknown, unit })
}
