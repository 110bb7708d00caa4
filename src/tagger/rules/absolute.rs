//! Absolute dates: "March 22, 2017", "22 March 2017", "22/03/2017", "2017-03-22", "December
//! 2003", "2013", "the 1990s", "the 20th century", "the fourth quarter of 2016", "the first half
//! of 2016", "the winter of 2010", "March" (with context). Corpus: absolute.corpus.

use super::start::*;
use super::{Rule, MONTH_CONTEXT};
use crate::tagger::cursor::Cursor;
use crate::tagger::lexicon::Lex;
use crate::tagger::sem::{Holiday, Sem};
use crate::text::tokens::TokenKind;

pub const RULES: &[Rule] = &[
    Rule { name: "month_day_year", first: WEEKDAY | MONTH, parse: month_day_year },
    Rule { name: "day_month_year", first: WEEKDAY | THE | NUM_SMALL, parse: day_month_year },
    Rule { name: "month_year", first: MONTH, parse: month_year },
    Rule { name: "numeric_date", first: NUM_SMALL, parse: numeric_date },
    Rule { name: "iso_date", first: NUM_FOUR, parse: iso_date },
    Rule { name: "decade", first: THE | NUM_FOUR | APOS, parse: decade },
    Rule { name: "century", first: THE | ORD | NUM_SMALL, parse: century },
    Rule { name: "quarter", first: THE | ORD | GLUE, parse: quarter },
    Rule { name: "half_year", first: THE | ORD, parse: half_year },
    Rule { name: "period_of_year", first: THE | SHIFT | MONTH, parse: period_of_year },
    Rule { name: "holiday", first: SHIFT | GLUE, parse: holiday },
    Rule { name: "season", first: THE | THAT | SHIFT | SEASON, parse: season },
    Rule { name: "year", first: NUM_FOUR | GLUE | APOS, parse: year },
    Rule { name: "spelled_year", first: NUMW | THE, parse: spelled_year },
    Rule { name: "month", first: MONTH, parse: month_alone },
];

/// An optional "Wednesday," before a date: before a month ("Wednesday, March 22"), a day
/// ("Friday 16 June 2023", as British text writes it) or "the" ("Friday the 16th of June"). When
/// no date follows, the rule fails and the weekday is tagged on its own.
fn skip_weekday_prefix(c: &mut Cursor) {
    let save = c.i;
    if c.weekday().is_some() {
        c.punct(',');
        let date_follows = match c.token().map(|t| t.kind) {
            Some(TokenKind::Word) => c.peek_lex(month_of).is_some() || c.is("the"),
            Some(TokenKind::Number) => true,
            _ => false,
        };
        if date_follows {
            return;
        }
    }
    c.i = save;
}

fn month_of(l: Lex) -> Option<u32> {
    match l {
        Lex::Month(m) | Lex::MonthAbbr(m) => Some(m),
        _ => None,
    }
}

/// ", 2017" or " 2017" after a date.
fn trailing_year(c: &mut Cursor) -> Option<i32> {
    let save = c.i;
    c.punct(',');
    if let Some(year) = c.year() {
        return Some(year);
    }
    c.i = save;
    None
}

/// Words that may follow a date such as "May 5" (anything else lower-case after "May 5" reads as
/// a count: "May 5 people").
const AFTER_A_DATE: &[&str] = &[
    "in", "at", "on", "and", "or", "to", "the", "when", "as", "after", "before", "was", "is", "will", "that", "this",
    "for", "with", "by", "from", "of", "but", "last", "next", "said", "says", "until", "through",
];

/// Plurals that name what happens on a day, after which "May 1" is still a date.
#[rustfmt::skip]
const DAY_EVENT_NOUNS: &[&str] = &[
    "elections", "polls", "talks", "celebrations", "bombings", "attacks", "protests", "riots", "strikes",
    "demonstrations", "ceremonies", "festivities", "games", "hearings", "negotiations", "meetings", "rallies",
];

/// Plurals without an "s" that a number counts ("May 5 people").
const IRREGULAR_PLURALS: &[&str] = &["people", "men", "women", "children", "police", "staff", "personnel", "cattle"];

fn month_day_year(c: &mut Cursor) -> Option<Sem> {
    skip_weekday_prefix(c);
    let month = c.month()?;
    let day = c.day_of_month()?;
    // "May 5 people" is not a date: a plural noun after the number rules it out (only the
    // month names that are also common words can be misread that way; "Aug. 7 bombings" is a
    // date). Not a plural that names what happens on a day ("May 1 elections"), nor any other
    // word ("after May 1 general elections": regression, only "May" was read).
    let ambiguous_month = c.token_at(-2).is_some_and(|t| {
        let word = t.text(c.text);
        word.eq_ignore_ascii_case("may") || word.eq_ignore_ascii_case("march")
    });
    let next_is_lower_word =
        c.token().is_some_and(|t| t.kind == TokenKind::Word && !t.newline_before) && !c.capitalised();
    let next = c.lower_at(0);
    let regular_plural = next.as_str().len() > 3
        && next.as_str().ends_with('s')
        && !next.as_str().ends_with("ss")
        && !DAY_EVENT_NOUNS.contains(&next.as_str());
    // "the March 14 movement" names a group after its day.
    let counted_plural = regular_plural
        || IRREGULAR_PLURALS.contains(&next.as_str())
        || ["movement", "alliance", "coalition", "bloc", "camp"].contains(&next.as_str());
    if ambiguous_month && next_is_lower_word && counted_plural && !AFTER_A_DATE.iter().any(|w| c.is(w)) {
        return None;
    }
    let year = trailing_year(c);
    Some(Sem::Calendar { year, month: Some(month), day: Some(day) })
}

fn day_month_year(c: &mut Cursor) -> Option<Sem> {
    skip_weekday_prefix(c);
    c.word("the");
    let day = c.day_of_month()?;
    c.word("of");
    let month = c.month()?;
    let year = trailing_year(c);
    Some(Sem::Calendar { year, month: Some(month), day: Some(day) })
}

fn month_year(c: &mut Cursor) -> Option<Sem> {
    let month = c.month()?;
    c.punct(',');
    c.word("of");
    let year = c.year().or_else(|| spoken_year(c))?;
    Some(Sem::Calendar { year: Some(year), month: Some(month), day: None })
}

/// "22/03/2017" (day first when the first number cannot be a month, else month first as in
/// US news), "3/22/17".
fn numeric_date(c: &mut Cursor) -> Option<Sem> {
    let first = c.number_in(1, 31)?;
    if !(c.token().is_some_and(|t| t.attached()) && c.punct('/')) {
        return None;
    }
    let second = c.number_in(1, 31)?;
    if !(c.token().is_some_and(|t| t.attached()) && c.punct('/')) {
        return None;
    }
    let token = c.token()?;
    if !token.attached() || token.kind != TokenKind::Number {
        return None;
    }
    let digits = token.end - token.start;
    let (raw, _) = c.digits()?;
    let year = match digits {
        4 => raw as i32,
        2 => {
            if raw < 50 {
                2000 + raw as i32
            } else {
                1900 + raw as i32
            }
        }
        _ => return None,
    };
    let (month, day) = if first > 12 { (second, first) } else { (first, second) };
    if month > 12 {
        return None;
    }
    Some(Sem::Calendar { year: Some(year), month: Some(month), day: Some(day) })
}

fn iso_date(c: &mut Cursor) -> Option<Sem> {
    let year = c.year()?;
    if !c.hyphen() {
        return None;
    }
    let month = c.number_in(1, 12)?;
    if !c.hyphen() {
        return None;
    }
    let day = c.number_in(1, 31)?;
    Some(Sem::Calendar { year: Some(year), month: Some(month), day: Some(day) })
}

/// "the 1990s", "1990s", "the '90s", "the late 1970s" (the modifier is taken by the matcher).
fn decade(c: &mut Cursor) -> Option<Sem> {
    let had_the = c.word("the");
    if had_the {
        if let Some(word) = c.one_of(&["early", "late", "mid"]) {
            c.hyphen();
            c.modifier = Some(match word {
                "early" => "START",
                "late" => "END",
                _ => "MID",
            });
        }
    }
    let token = c.token()?;
    let decade = if token.is_punct('\'') {
        c.i += 1;
        let yy = c.token()?;
        if yy.kind != TokenKind::Number || yy.end - yy.start != 2 || !yy.attached() {
            return None;
        }
        let value: i32 = yy.text(c.text).parse().ok()?;
        c.i += 1;
        if value % 10 != 0 {
            return None;
        }
        190 + value / 10
    } else {
        if token.kind != TokenKind::Number || token.end - token.start != 4 {
            return None;
        }
        let value: i32 = token.text(c.text).parse().ok()?;
        c.i += 1;
        if value % 10 != 0 || !(1000..=2190).contains(&value) {
            return None;
        }
        value / 10
    };
    c.attached_punct('\'');
    let suffix = c.token()?;
    if !(suffix.attached() && suffix.text(c.text) == "s") {
        return None;
    }
    c.i += 1;
    Some(Sem::Decade { decade })
}

fn century(c: &mut Cursor) -> Option<Sem> {
    c.word("the");
    let ordinal = c.lex(|l| if let Lex::Ordinal(n) = l { Some(n) } else { None }).or_else(|| c.number_in(1, 21))?;
    c.hyphen();
    if !c.word("century") {
        return None;
    }
    Some(Sem::Century { century: ordinal as i32 - 1 })
}

fn quarter(c: &mut Cursor) -> Option<Sem> {
    let the = c.word("the");
    c.word("fiscal");
    let ordinal = c.lex(|l| match l {
        Lex::Ordinal(n) if (1..=4).contains(&n) => Some(n),
        _ => None,
    })?;
    let hyphenated = c.hyphen();
    if !c.word("quarter") {
        return None;
    }
    // "the third-quarter results": the hyphenated adjective alone is the phrase (matched from
    // the next token).
    if hyphenated && the {
        return None;
    }
    // "the first quarter of next year": the quarter of a year shifted from the reference.
    if let Some(shift) = of_shifted_year(c) {
        let base = Sem::Quarter { quarter: ordinal, year: None };
        return Some(Sem::InYear { base: Box::new(base), year: None, shift });
    }
    // "a quarter of the votes" is a fraction, but "first quarter of 2016" is a date.
    let save = c.i;
    let mut year = None;
    if c.word("of") || c.punct(',') || !hyphenated {
        c.word("fiscal");
        year = c.year();
    }
    if year.is_none() {
        c.i = save;
    }
    Some(Sem::Quarter { quarter: ordinal, year })
}

/// "this year's third quarter", "last year's quarter", "the 1988 third quarter", "the 1989
/// period", "June last year", "January this year".
fn period_of_year(c: &mut Cursor) -> Option<Sem> {
    if let Some(month) = c.month() {
        let shift = year_shift(c)?;
        if !c.word("year") {
            return None;
        }
        let base = Sem::Calendar { year: None, month: Some(month), day: None };
        return Some(Sem::InYear { base: Box::new(base), year: None, shift });
    }
    let (year, shift) = if c.word("the") {
        (Some(c.year()?), 0)
    } else {
        let shift = year_shift(c)?;
        if !(c.word("year") && c.punct('\'') && c.word("s")) {
            return None;
        }
        (None, shift)
    };
    let ordinal = c.lex(|l| match l {
        Lex::Ordinal(n) if (1..=4).contains(&n) => Some(n),
        _ => None,
    });
    if ordinal.is_some() {
        c.hyphen();
    }
    let base = match (ordinal, c.one_of(&["quarter", "period"])?) {
        (Some(quarter), "quarter") => Sem::Quarter { quarter, year: None },
        (None, _) => Sem::SameUnit { unit: crate::tagger::sem::Unit::Quarter },
        _ => return None,
    };
    Some(Sem::InYear { base: Box::new(base), year, shift })
}

/// Public holidays, capitalised: "Christmas", "Christmas Eve", "Thanksgiving Day", "Election
/// Day", "Labor Day", "Memorial Day", "Independence Day", "Veterans Day", "Halloween", "last
/// Thanksgiving". Not "Memorial Day parade organisers" read as anything but the day.
fn holiday(c: &mut Cursor) -> Option<Sem> {
    let shift = match c.one_of(&["last", "next", "this"]) {
        Some("last") => Some(-1),
        Some("next") => Some(1),
        Some(_) => Some(0),
        None => None,
    };
    if !c.capitalised() {
        return None;
    }
    let name = c.lower_at(0);
    c.i += 1;
    // The names that need "Day" after them.
    let with_day = |c: &mut Cursor, holiday: Holiday| c.word("day").then_some(holiday);
    let holiday = match name.as_str() {
        "christmas" => {
            if c.word("eve") {
                Holiday::Fixed { month: 12, day: 24 }
            } else {
                c.word("day");
                Holiday::Fixed { month: 12, day: 25 }
            }
        }
        "thanksgiving" => {
            c.word("day");
            Holiday::NthWeekday { month: 11, weekday: 4, nth: 4 }
        }
        "halloween" => Holiday::Fixed { month: 10, day: 31 },
        "election" => with_day(c, Holiday::ElectionDay)?,
        "labor" => with_day(c, Holiday::NthWeekday { month: 9, weekday: 1, nth: 1 })?,
        "memorial" => with_day(c, Holiday::NthWeekday { month: 5, weekday: 1, nth: -1 })?,
        "independence" => with_day(c, Holiday::Fixed { month: 7, day: 4 })?,
        "veterans" => with_day(c, Holiday::Fixed { month: 11, day: 11 })?,
        _ => return None,
    };
    Some(Sem::HolidayOf { holiday, shift })
}

/// "this" / "last" / "next" before "year": the shift from the reference year.
fn year_shift(c: &mut Cursor) -> Option<i32> {
    match c.one_of(&["this", "last", "next"])? {
        "last" => Some(-1),
        "next" => Some(1),
        _ => Some(0),
    }
}

/// "of next year", "of this year", "of last year" after a quarter or a half: the shift of its
/// year from the reference year (issue #10: "the second half of next year" read as this year's).
fn of_shifted_year(c: &mut Cursor) -> Option<i32> {
    let save = c.i;
    let shift = if c.word("of") { shifted_year(c) } else { None };
    if shift.is_none() {
        c.i = save;
    }
    shift
}

/// "next year", "this year", "last year" right after a season: the shift of its year.
fn shifted_year(c: &mut Cursor) -> Option<i32> {
    let save = c.i;
    let shift = year_shift(c).filter(|_| c.word("year"));
    if shift.is_none() {
        c.i = save;
    }
    shift
}

fn half_year(c: &mut Cursor) -> Option<Sem> {
    c.word("the");
    let half = c.lex(|l| match l {
        Lex::Ordinal(n) if n == 1 || n == 2 => Some(n),
        _ => None,
    })?;
    c.hyphen();
    if !c.word("half") {
        return None;
    }
    if let Some(shift) = of_shifted_year(c) {
        return Some(Sem::InYear { base: Box::new(Sem::Half { half, year: None }), year: None, shift });
    }
    let save = c.i;
    let year = if c.word("of") { c.year() } else { None };
    if year.is_none() {
        c.i = save;
        // "the second half" with no year is only a date in a financial context; keep it.
    }
    Some(Sem::Half { half, year })
}

fn season(c: &mut Cursor) -> Option<Sem> {
    let determiner = c.one_of(&["the", "this", "that", "last", "next"]);
    let before = c.lower_at(-1);
    let season = c.lex(|l| if let Lex::Season(s) = l { Some(s) } else { None })?;
    let save = c.i;
    c.word("of");
    let year = c.year().or_else(|| spoken_year(c));
    if year.is_none() {
        c.i = save;
        // "spring next year", "the autumn of last year": the season of a shifted year.
        if let Some(shift) = of_shifted_year(c).or_else(|| shifted_year(c)) {
            return Some(Sem::SeasonOf { season, year: None, shift: Some(shift) });
        }
        let context = determiner.is_some()
            || matches!(before.as_str(), "in" | "during" | "early" | "late" | "mid" | "since" | "until" | "by");
        if !context {
            return None;
        }
        // "the fall of Rome", "the spring of his career".
        if c.is("of") {
            return None;
        }
        // "The fall in prices was higher", "after the fall in prices": "the fall" not led by a
        // time preposition, or followed by "in", "to" or "from" (a decline in, to or from
        // something) unless "in" or "during" leads it, is a decline ("in the fall", "during the
        // fall" stay seasons).
        let before = c.lower_at(-3);
        let led = matches!(
            before.as_str(),
            "in" | "during" | "since" | "until" | "by" | "through" | "before" | "after" | "over"
        );
        let season_led = matches!(before.as_str(), "in" | "during");
        let of_something = c.is("in") || c.is("to") || c.is("from");
        if c.lower_at(-1) == "fall" && determiner == Some("the") && (!led || (of_something && !season_led)) {
            return None;
        }
    }
    let shift = match determiner {
        Some("last") => Some(-1),
        Some("next") => Some(1),
        Some("this") => Some(0),
        _ => None,
    };
    Some(Sem::SeasonOf { season, year, shift })
}

/// Words that make a four-digit number something other than a year.
const NOT_YEAR_BEFORE: &[&str] = &[
    "room",
    "no",
    "number",
    "flight",
    "route",
    "highway",
    "interstate",
    "page",
    "pages",
    "boeing",
    "airbus",
    "model",
    "suite",
    "unit",
    "apartment",
    "building",
    "gate",
    "platform",
    "bus",
    "code",
    "pin",
    "box",
    "line",
    "channel",
    "version",
    "article",
    "section",
    "resolution",
    "item",
];
const NOT_YEAR_AFTER: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "feet",
    "foot",
    "miles",
    "meters",
    "metres",
    "km",
    "kilometers",
    "men",
    "women",
    "children",
    "jobs",
    "acres",
    "dollars",
    "tons",
    "tonnes",
    "pounds",
    "yen",
    "shares",
    "cars",
    "units",
    "members",
    "employees",
    "workers",
    "students",
    "residents",
    "votes",
    "cases",
    "deaths",
    "times",
    "points",
    "hours",
    "minutes",
    "seconds",
    "days",
    "rooms",
    "homes",
    "houses",
    "barrels",
    "gallons",
    "euros",
    "marks",
    "francs",
    "copies",
    "hits",
    "words",
    "pages",
    "am",
    "pm",
    "gmt",
    "utc",
    "bst",
    "est",
    "edt",
    "pst",
    "cet",
    "local",
    "hrs",
];

fn year(c: &mut Cursor) -> Option<Sem> {
    let fiscal = c.word("fiscal");
    let before = c.lower_at(-1);
    // Most numbers are not four digits: that check is the cheap one, so it comes first.
    let year = c.year()?;
    if NOT_YEAR_BEFORE.contains(&before.as_str()) || before == "#" {
        return None;
    }
    if !fiscal && !(1900..=2099).contains(&year) {
        let date_context = matches!(
            before.as_str(),
            "in" | "since" | "by" | "until" | "from" | "of" | "during" | "before" | "after" | "year" | "circa"
        );
        if !date_context {
            return None;
        }
    }
    let after = c.lower_at(0);
    if NOT_YEAR_AFTER.contains(&after.as_str()) || c.token().is_some_and(|t| t.is_punct('%')) {
        return None;
    }
    // "1,440" or "2017.5" are numbers.
    if c.token().is_some_and(|t| (t.is_punct(',') || t.is_punct('.')) && t.attached())
        && c.token_at(1).is_some_and(|t| t.kind == TokenKind::Number && t.attached())
    {
        return None;
    }
    Some(Sem::Calendar { year: Some(year), month: None, day: None })
}

/// A month with no day or year: unambiguous months stand alone; "May" and "March" need a
/// preposition or determiner before them ("in May", "last March") and never own an apostrophe-s.
fn month_alone(c: &mut Cursor) -> Option<Sem> {
    let before = c.lower_at(-1);
    let word = c.lower_at(0);
    let month = c.month()?;
    let possessive = c.token().is_some_and(|t| t.is_punct('\'') && t.attached())
        && c.token_at(1).is_some_and(|t| t.text(c.text).eq_ignore_ascii_case("s"));
    if possessive {
        return None;
    }
    let ambiguous = matches!(word.as_str(), "may" | "march" | "june" | "august" | "april" | "jan" | "mar");
    if ambiguous && !MONTH_CONTEXT.contains(&before.as_str()) {
        return None;
    }
    if ambiguous && reads_as_first_name(c, before.as_str()) {
        return None;
    }
    Some(Sem::Calendar { year: None, month: Some(month), day: None })
}

/// "Jan Kavan", "and April Ryan": a month-like word right before a capitalised word is a first
/// name when it is a bare abbreviation (a written month abbreviation takes its period) or
/// when it is joined by "and"/"or" to what came before. A bare abbreviation before a name's
/// particle opens a place name ("Mar del Plata"). The cursor stands after the month.
fn reads_as_first_name(c: &Cursor, before: &str) -> bool {
    let word_follows = c.token().is_some_and(|t| t.kind == TokenKind::Word && !t.attached());
    let name_follows = word_follows && c.capitalised() && !crate::tagger::lexicon::is_time_word(c.lower_at(0).as_str());
    let particle_follows = word_follows && NAME_PARTICLES.contains(&c.lower_at(0).as_str());
    let bare_abbreviation =
        c.token_at(-1).is_some_and(|t| t.kind == TokenKind::Word) && c.lower_at(-1).as_str().len() == 3;
    (name_follows && (bare_abbreviation || matches!(before, "and" | "or"))) || (particle_follows && bare_abbreviation)
}

/// Particles inside place and family names ("Mar del Plata", "Mar de Ajó").
const NAME_PARTICLES: &[&str] = &["del", "de", "la", "do", "da", "dos", "das", "di"];

/// A year read out as words after a month or season: "January nineteen ninety-seven".
fn spoken_year(c: &mut Cursor) -> Option<i32> {
    let save = c.i;
    match spelled_year(c) {
        Some(Sem::Calendar { year: Some(year), .. }) => Some(year),
        _ => {
            c.i = save;
            None
        }
    }
}

/// Years read out as words (broadcast transcripts): "nineteen ninety-six", "nineteen eighty",
/// "the year two thousand", "two thousand and one".
fn spelled_year(c: &mut Cursor) -> Option<Sem> {
    if c.word("the") && !c.word("year") {
        return None;
    }
    let number = |c: &mut Cursor, low: f64, high: f64| {
        c.lex(|l| match l {
            Lex::Number(n) if (low..=high).contains(&n) => Some(n as i32),
            _ => None,
        })
    };
    if c.words(&["two", "thousand"]) {
        let save = c.i;
        c.word("and");
        let rest = number(c, 1.0, 19.0);
        if rest.is_none() {
            c.i = save;
        }
        return Some(Sem::Calendar { year: Some(2000 + rest.unwrap_or(0)), month: None, day: None });
    }
    let century = match c.one_of(&["nineteen", "eighteen", "twenty"])? {
        "eighteen" => 18,
        "nineteen" => 19,
        _ => 20,
    };
    let tens = c.lex(|l| match l {
        Lex::Tens(t) => Some(t as i32),
        _ => None,
    })?;
    let save = c.i;
    c.hyphen();
    let unit = number(c, 1.0, 9.0);
    if unit.is_none() {
        c.i = save;
    }
    Some(Sem::Calendar { year: Some(century * 100 + tens + unit.unwrap_or(0)), month: None, day: None })
}
