//! Vague references: "now", "currently", "recently", "previously", "soon", "the past", "the
//! future", "at this time", "these days", "at present" → PAST_REF / PRESENT_REF / FUTURE_REF.
//! Corpus: vague.corpus.

use super::start::*;
use super::Rule;
use crate::tagger::cursor::Cursor;
use crate::tagger::lexicon::Lex;
use crate::tagger::sem::{Sem, Vague};

pub const RULES: &[Rule] = &[
    Rule { name: "vague_word", first: VAGUE, parse: vague_word },
    Rule { name: "the_past_future", first: THE, parse: the_past_future },
    Rule { name: "at_this_time", first: GLUE, parse: at_this_time },
    Rule { name: "recent_units", first: VAGUE, parse: recent_units },
];

/// "recent years", "recent days", "in recent weeks": the recent past, not a length of time.
fn recent_units(c: &mut Cursor) -> Option<Sem> {
    if !c.word("recent") {
        return None;
    }
    c.lex(|l| matches!(l, Lex::UnitPlural(_)).then_some(()))?;
    Some(Sem::Vague(Vague::Past))
}

fn vague_word(c: &mut Cursor) -> Option<Sem> {
    if c.is("past") || c.is("recent") {
        return None;
    }
    // "now" in "now that" or "just now" is still the present; "soon after" is relative to an
    // event and says nothing of the calendar, still FUTURE_REF in TimeML terms.
    let kind = c.lex(|l| if let Lex::Vague(v) = l { Some(v) } else { None })?;
    Some(Sem::Vague(kind))
}

/// "the past" (not "the past two weeks"), "the future", "the near future".
fn the_past_future(c: &mut Cursor) -> Option<Sem> {
    if !c.word("the") {
        return None;
    }
    c.one_of(&["near", "distant", "recent"]);
    let kind = match c.one_of(&["past", "future"])? {
        "past" => Vague::Past,
        _ => Vague::Future,
    };
    // "the past two weeks", "the past year" are durations; "the past decade" too.
    if c.peek_lex(|l| matches!(l, Lex::Number(_) | Lex::Tens(_) | Lex::Unit(_) | Lex::UnitPlural(_)).then_some(()))
        .is_some()
        || c.token().is_some_and(|t| t.kind == crate::text::tokens::TokenKind::Number)
        || c.is("few")
        || c.is("several")
    {
        return None;
    }
    Some(Sem::Vague(kind))
}

fn at_this_time(c: &mut Cursor) -> Option<Sem> {
    if c.words(&["at", "this", "time"]) || c.words(&["at", "the", "moment"]) || c.words(&["at", "present"]) {
        return Some(Sem::Vague(Vague::Present));
    }
    if c.words(&["these", "days"]) {
        return Some(Sem::Vague(Vague::Present));
    }
    None
}
