//! Clock times: "2:40 p.m.", "2.38pm", "14:40", "5 p.m. EST", "1440 GMT", "noon", "midnight",
//! "10 o'clock", "4 in the morning". Not "Room 1440", not "a .38 pistol". A clock next to a day
//! ("10 p.m. Wednesday", "noon Thursday") is joined by the tagger's refiner. Corpus: clock.corpus.

use super::start::*;
use super::Rule;
use crate::tagger::cursor::Cursor;
use crate::tagger::sem::{Part, Sem};
use crate::text::tokens::TokenKind;

pub const RULES: &[Rule] = &[
    Rule { name: "clock_colon", first: NUM_SMALL, parse: clock_colon },
    Rule { name: "clock_meridiem", first: NUM_SMALL, parse: clock_meridiem },
    Rule { name: "clock_military", first: NUM_FOUR, parse: clock_military },
    Rule { name: "clock_word", first: PART | GLUE, parse: clock_word },
];

const ZONES: &[&str] = &["gmt", "utc", "bst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest"];

/// "a.m." / "am" / "p.m." / "PM" → Some(false) for a.m., Some(true) for p.m.
fn meridiem(c: &mut Cursor) -> Option<bool> {
    let save = c.i;
    let word = c.lower_at(0);
    match word.as_str() {
        "am" | "pm" => {
            c.i += 1;
            c.attached_punct('.');
            return Some(word == "pm");
        }
        "a" | "p" => {
            c.i += 1;
            if c.attached_punct('.') && c.token().is_some_and(|t| t.attached()) && c.word("m") {
                c.attached_punct('.');
                return Some(word == "p");
            }
        }
        _ => {}
    }
    c.i = save;
    None
}

fn zone(c: &mut Cursor) {
    if ZONES.iter().any(|z| c.is(z)) {
        c.i += 1;
    }
}

fn to_24h(hour: u32, pm: Option<bool>) -> Option<u32> {
    match pm {
        None => Some(hour),
        Some(_) if hour == 0 || hour > 12 => None,
        Some(true) if hour == 12 => Some(12),
        Some(true) => Some(hour + 12),
        Some(false) if hour == 12 => Some(0),
        Some(false) => Some(hour),
    }
}

/// "in the morning" after a bare hour: 4 in the morning → 04:00, 8 in the evening → 20:00.
fn part_suffix(c: &mut Cursor) -> Option<bool> {
    let save = c.i;
    if c.words(&["in", "the"]) {
        match c.one_of(&["morning", "afternoon", "evening", "night"]) {
            Some("morning") => return Some(false),
            Some(_) => return Some(true),
            None => {}
        }
    }
    c.i = save;
    None
}

fn clock_colon(c: &mut Cursor) -> Option<Sem> {
    let hour = c.number_in(0, 24)?;
    let sep = c.token()?;
    if !(sep.attached() && (sep.is_punct(':') || sep.is_punct('.'))) {
        return None;
    }
    let dot = sep.is_punct('.');
    c.i += 1;
    let minutes = c.token()?;
    if !(minutes.attached() && minutes.kind == TokenKind::Number && minutes.end - minutes.start == 2) {
        return None;
    }
    let minute: u32 = minutes.text(c.text).parse().ok()?;
    c.i += 1;
    if minute > 59 {
        return None;
    }
    let pm = meridiem(c).or_else(|| part_suffix(c));
    // "2.38" alone is a number; "2.38pm" is a time.
    if dot && pm.is_none() {
        return None;
    }
    zone(c);
    Some(Sem::Clock { hour: to_24h(hour, pm)?, minute, base: None })
}

fn clock_meridiem(c: &mut Cursor) -> Option<Sem> {
    let hour = c.number_in(1, 12)?;
    let pm = if c.words(&["o", "'", "clock"]) { part_suffix(c) } else { meridiem(c).or_else(|| part_suffix(c)) }?;
    zone(c);
    Some(Sem::Clock { hour: to_24h(hour, Some(pm))?, minute: 0, base: None })
}

/// "1440 GMT", "0600 hours": four digits need a time zone or "hours" after them.
fn clock_military(c: &mut Cursor) -> Option<Sem> {
    let token = c.token()?;
    if token.kind != TokenKind::Number || token.end - token.start != 4 {
        return None;
    }
    let (value, _) = c.digits()?;
    let (hour, minute) = (value / 100, value % 100);
    if hour > 23 || minute > 59 {
        return None;
    }
    if ZONES.iter().any(|z| c.is(z)) || c.is("hrs") {
        c.i += 1;
        return Some(Sem::Clock { hour, minute, base: None });
    }
    None
}

fn clock_word(c: &mut Cursor) -> Option<Sem> {
    match c.one_of(&["noon", "midday", "midnight"])? {
        "midnight" => Some(Sem::Clock { hour: 24, minute: 0, base: None }),
        _ => {
            // "noon" is a clock time; "midday" alone is the part of day in TimeML, but both
            // mean 12:00 on a timeline.
            let _ = Part::Midday;
            Some(Sem::Clock { hour: 12, minute: 0, base: None })
        }
    }
}
