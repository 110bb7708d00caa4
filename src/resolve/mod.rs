//! The resolver: turns the tagger's relative meanings into TIMEX3 values, calendar intervals and a
//! one-line explanation, walking the document in order so that anaphoric phrases ("two days
//! later", "that evening") see the last time mentioned and relative phrases that name an event
//! ("the morning after the attack") see that event's date.

pub mod calendar;
pub mod counted;
pub mod named_events;
pub mod tense;

use crate::tagger::rules::set::period;
use crate::tagger::sem::{Amount, Sem, Unit, Vague};
use crate::tagger::{RawMention, Tokens};
use crate::text::offsets::CharOffsets;
use crate::text::tokens::TokenKind;
use crate::text::SentenceSpan;
use crate::timeline::{DocId, Mention, SmolStr};
use crate::timex::{push_padded, TimexType};
use calendar::{weekday_of, Cal};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use counted::{counted_back, happening_name, CountedFrom};
use named_events::{event_reference, EventDates};
use std::borrow::Cow;
use tense::{tense_near, Tense};

/// What relative phrases are resolved against.
#[derive(Debug, Clone, PartialEq)]
pub enum ReferenceMode {
    /// No publication date: the story's day zero is the reference.
    Story { anchor: NaiveDate },
    /// TempEval style: the document creation time is the reference; the anchor still dates the
    /// story's main event.
    DocumentDate { dct: NaiveDateTime, anchor: NaiveDate },
}

impl ReferenceMode {
    fn anchor(&self) -> NaiveDate {
        match self {
            ReferenceMode::Story { anchor } | ReferenceMode::DocumentDate { anchor, .. } => *anchor,
        }
    }

    fn speech_time(&self) -> NaiveDateTime {
        match self {
            ReferenceMode::Story { anchor } => anchor.and_time(NaiveTime::MIN),
            ReferenceMode::DocumentDate { dct, .. } => *dct,
        }
    }

    fn describe(&self) -> String {
        match self {
            ReferenceMode::Story { anchor } => ["the story anchor ", &day_name(*anchor)].concat(),
            ReferenceMode::DocumentDate { dct, .. } => ["the publication date ", &day_name(dct.date())].concat(),
        }
    }
}

/// Parses a DCT given as a TIMEX3 value or ISO date/time.
pub fn parse_dct(value: &str) -> Option<NaiveDateTime> {
    let value = value.trim();
    for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(value, format) {
            return Some(dt);
        }
    }
    let date_part = value.get(..10).unwrap_or(value);
    NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value.get(..8).unwrap_or(value), "%Y%m%d"))
        .ok()
        .map(|d| d.and_time(NaiveTime::MIN))
}

/// "Wed 22 Mar 2017".
pub fn day_name(d: NaiveDate) -> String {
    crate::timex::day_label(d)
}

/// "Sat 18 Mar 2017", "March 2016", "2016": a day, month or year as a sentence names it.
fn when(cal: &Cal) -> String {
    match *cal {
        Cal::Day(d) => day_name(d),
        Cal::Month(y, m) => {
            NaiveDate::from_ymd_opt(y, m, 1).map_or_else(|| cal.value(), |d| d.format("%B %Y").to_string())
        }
        other => describe(&other),
    }
}

fn describe(cal: &Cal) -> String {
    match *cal {
        Cal::Minute(t) => {
            use chrono::Timelike;
            format!("{:02}:{:02} on {}", t.hour(), t.minute(), day_name(t.date()))
        }
        Cal::Midnight(d) => format!("midnight at the end of {}", day_name(d)),
        Cal::PartOfDay(d, p) => format!("the {} of {}", p.name(), day_name(d)),
        Cal::Day(d) => day_name(d),
        other => other.value(),
    }
}

/// "1 day", "3 years", "1.5 hours".
fn unit_name(unit: Unit, n: f64) -> String {
    let name = unit_word(unit);
    let mut out = String::with_capacity(name.len() + 8);
    if n == 1.0 {
        out.push_str("1 ");
        out.push_str(name);
    } else {
        push_count(&mut out, n);
        out.push(' ');
        out.push_str(name);
        out.push('s');
    }
    out
}

/// Appends `n` as `format!("{n}")` writes it: whole counts digit by digit, anything else through
/// the float formatter.
fn push_count(out: &mut String, n: f64) {
    if n.fract() == 0.0 && (1.0..1e15).contains(&n) {
        push_padded(out, n as i64, 0);
    } else {
        out.push_str(&n.to_string());
    }
}

/// "day", "half-year": the singular name of `unit`.
fn unit_word(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "second",
        Unit::Minute => "minute",
        Unit::Hour => "hour",
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Weekend => "weekend",
        Unit::Fortnight => "fortnight",
        Unit::Month => "month",
        Unit::Quarter => "quarter",
        Unit::Half => "half-year",
        Unit::Year => "year",
        Unit::Decade => "decade",
        Unit::Century => "century",
    }
}

/// Why a mention resolved as it did: most reasons are fixed phrases, the rest are built once.
type Why = Cow<'static, str>;

/// How one mention came out.
struct Outcome {
    cal: Option<Cal>,
    value: String,
    kind: TimexType,
    why: Why,
    /// The happening the phrase counts from, when the phrase dates it ("on Monday, two days
    /// after the vote").
    counted: Option<Box<CountedFrom>>,
}

impl Outcome {
    fn at(cal: Cal, kind: TimexType, why: impl Into<Why>) -> Self {
        Outcome { value: cal.value(), cal: Some(cal), kind, why: why.into(), counted: None }
    }

    fn undated(value: impl Into<String>, kind: TimexType, why: impl Into<Why>) -> Self {
        Outcome { cal: None, value: value.into(), kind, why: why.into(), counted: None }
    }
}

/// What the resolver knows while walking a document, carried from block to block.
struct Known<'a> {
    /// `mode.describe()`, made once per document.
    reference: String,
    /// The last time the text placed on the calendar, and the phrase that did.
    last: Option<(Cal, &'a str)>,
    /// Where (byte offset) the phrase that set `last` ends.
    last_end: usize,
    events: EventDates,
    /// The day a bare clock time takes from a dated phrase right after it in its clause ("at 6
    /// a.m. near the house 10 days before the murder"), while that clock time is resolved.
    clock_day: Option<(NaiveDate, &'a str)>,
    /// The day a length of time that opens its sentence counts to, from the main clause after it
    /// ("Two days after the vote, the talks resumed on Monday"), while that length is resolved.
    clause_day: Option<(NaiveDate, &'a str)>,
    /// The happenings dated so far by a count to a day (`counted`), in text order.
    counted: Vec<CountedFrom>,
    /// In story mode, the day a bare weekday takes when a count beside it from an undated
    /// happening, taken for the story's main event, lands on that weekday ("on Sunday, four days
    /// after the raid", with day zero a Wednesday), while that weekday is resolved; and why.
    weekday_day: Option<(NaiveDate, String)>,
    /// Whether a phrase was placed from the story's day zero (always so without a publication
    /// date): a document that never is extracts the same under any day zero.
    used_anchor: std::cell::Cell<bool>,
}

/// The resolver at work on one block of sentences: what it knows, and the block's tokens.
struct Discourse<'a, 'b> {
    mode: &'a ReferenceMode,
    /// The tokens of the block of sentences being resolved (`DocumentResolver`).
    tokens: &'b Tokens<'a>,
    known: &'b mut Known<'a>,
}

/// The point a relative phrase counts from, and words for the explanation.
struct Base {
    cal: Cal,
    what: String,
    /// The base is the story's day zero, taken for an event the text does not date.
    assumed: bool,
}

impl<'a> Discourse<'a, '_> {
    fn speech_day(&self) -> Cal {
        Cal::Day(self.mode.speech_time().date())
    }

    /// The date of the event named at `reference`, else of the story's main event; none for an
    /// undated event the text names as another's ("300 days after the assassination of the
    /// former mayor" is not counted from day zero).
    fn named_event_base(&self, reference: &(i32, String, usize)) -> Option<Base> {
        let (_, noun, noun_token) = reference;
        if let Some((day, phrase)) = self.known.events.get(noun) {
            let what = format!("the {noun} (dated {} by \"{phrase}\")", day_name(*day));
            return Some(Base { cal: Cal::Day(*day), what, assumed: false });
        }
        if self.tokens.is(noun_token + 1, "of") {
            return None;
        }
        let anchor = self.mode.anchor();
        self.known.used_anchor.set(true);
        Some(Base {
            cal: Cal::Day(anchor),
            what: format!("the {noun} (the story's main event, on the anchor {})", day_name(anchor)),
            assumed: true,
        })
    }

    /// Whether `cal`, counted from `base`, contradicts the tense of its clause against the
    /// publication date when `base` is only assumed to be the story's main event: "the coup"
    /// undated, "17 years after the coup" in a past-tense sentence of 2005 cannot be 2034, nor a
    /// future-tense phrase a time already past. Then the named event is another happening.
    fn contradicts_tense(&self, base: &Base, cal: &Cal, tense: Tense) -> bool {
        let ReferenceMode::DocumentDate { dct, .. } = self.mode else { return false };
        let interval = cal.interval();
        base.assumed
            && match tense {
                Tense::Past | Tense::Completed => interval.start > *dct,
                Tense::Future | Tense::Scheduled | Tense::Deferred => {
                    interval.end <= dct.date().and_time(NaiveTime::MIN)
                }
                Tense::Present | Tense::Unknown => false,
            }
    }

    /// The day of the happening a bare clock time tells the hour of, when its clause's verb
    /// names one the text has dated ("the shooting" on Oct. 23, then "was shot to death at 10
    /// p.m."), and why.
    fn happening_before(&self, raw: &RawMention) -> Option<(NaiveDate, Why)> {
        let (verb, (day, phrase)) = self.known.events.of_verb_before(self.tokens, raw.first_token)?;
        let why = format!("on the day the text gave what \"{verb}\" tells of ({}, by \"{phrase}\")", day_name(*day));
        Some((*day, why.into()))
    }

    /// What an anaphoric phrase counts from: the last time mentioned, else the reference date.
    fn discourse_base(&self) -> Base {
        match &self.known.last {
            Some((cal, phrase)) => Base {
                cal: *cal,
                what: format!("{} (the last time mentioned: \"{phrase}\")", describe(cal)),
                assumed: false,
            },
            None => Base {
                cal: self.speech_day(),
                what: [&self.known.reference, " (no earlier time in the text)"].concat(),
                assumed: false,
            },
        }
    }

    /// A named event after the phrase ("... after the attack"), looked for at the phrase's own
    /// last word ("the morning after") or right after it ("24 hours after").
    fn event_after(&self, raw: &RawMention) -> Option<(i32, String, usize)> {
        let last = raw.end_token.checked_sub(1)?;
        event_reference(self.tokens, last).or_else(|| event_reference(self.tokens, raw.end_token))
    }

    /// Whether `next` dates the named event `raw` counts from, and so is resolved first: a
    /// possessive inside the reference ("The day before [last Tuesday]'s federal court hearing",
    /// "two days after [Friday]'s vote") or a date right after its noun ("10 days before the
    /// murder on [Oct. 23]").
    fn dates_the_event_counted_from(&self, raw: &RawMention, next: &RawMention) -> bool {
        // The word tests are cheap, so they come first: this runs for every mention.
        let possessive = self.tokens.is_possessive_at(next.end_token);
        let after_on = next.first_token >= 2 && ["on", "in"].iter().any(|w| self.tokens.is(next.first_token - 1, w));
        if !possessive && !after_on {
            return false;
        }
        let reference = self.event_after(raw).or_else(|| event_reference(self.tokens, raw.end_token));
        let Some((_, _, noun_token)) = reference else { return false };
        // Even when the text dated such a happening before: "a hearing the week of March 6 ...
        // the day before last Tuesday's hearing" counts from last Tuesday.
        (possessive && next.end_token < noun_token) || (after_on && next.first_token == noun_token + 2)
    }

    /// Whether `raw` is a bare clock time that `next`, a few words on in the same clause, may
    /// date: "at 6 a.m. near the judge's home 10 days before the murder", or a bare clock time
    /// that may itself be dated so ("from 10 a.m. to 2 p.m. for November 27").
    fn clock_before_its_day(&self, raw: &RawMention, next: &RawMention) -> bool {
        let bare_clock = matches!(raw.sem, Sem::Clock { base: None, .. });
        let near = next.first_token >= raw.end_token && next.first_token - raw.end_token <= 6;
        bare_clock
            && near
            && !matches!(next.sem, Sem::Clock { base: Some(_), .. })
            && self.tokens.tokens[raw.end_token..next.first_token]
                .iter()
                .all(|t| matches!(t.kind, TokenKind::Word | TokenKind::Punct('\'')))
    }

    /// The day right before `raw` (only a space or a comma between) when `raw` counts from the
    /// named event `noun` that the text has not dated: "resigned on Friday, two days after the
    /// vote" places the resignation on Friday, with the vote left undated.
    fn day_before_undated_event(&self, raw: &RawMention, noun: &str) -> Option<(Cal, &'a str)> {
        if self.known.events.get(noun).is_some() {
            return None;
        }
        let clause_day = self.known.clause_day.map(|(day, phrase)| (Cal::Day(day), phrase));
        clause_day.or_else(|| self.day_right_before(raw, &["", ","]))
    }

    /// The day `raw` stands in apposition to: the last time mentioned, when it is a day and only
    /// a comma separates it from `raw` ("Nov. 3, the day before ...").
    fn restated_day(&self, raw: &RawMention) -> Option<(Cal, &'a str)> {
        self.day_right_before(raw, &[","])
    }

    /// The last time mentioned, when it is a day and what stands between it and `raw` is one of
    /// `separators` (trimmed).
    fn day_right_before(&self, raw: &RawMention, separators: &[&str]) -> Option<(Cal, &'a str)> {
        let (cal, phrase) = self.known.last?;
        let between = self.tokens.text.get(self.known.last_end..raw.start)?.trim();
        (matches!(cal, Cal::Day(_)) && separators.contains(&between)).then_some((cal, phrase))
    }

    /// Takes in what `phrase` (the text of `raw`) resolved to: a placed phrase that moves the
    /// discourse becomes the last time mentioned, and a placed day may date a named event.
    /// A happening the phrase dated by counting (`counted`) is kept with its day for the phrases
    /// that name it later, and for the story layer.
    fn remember(&mut self, raw: &RawMention, phrase: &'a str, outcome: &mut Outcome) {
        let Some(cal) = outcome.cal else { return };
        if moves_discourse(&raw.sem) && outcome.kind != TimexType::Duration {
            self.known.last = Some((cal, phrase));
            self.known.last_end = raw.end;
        }
        if let Some(day) = cal.day() {
            self.known.events.learn(self.tokens, (raw.first_token, raw.end_token), raw.start, day, phrase);
        }
        if let Some(counted) = outcome.counted.take() {
            // A month or year is not learned as a day, so a second count from the same
            // happening finds it undated again: it is dated once.
            if self.known.counted.iter().any(|c| c.noun == counted.noun) {
                return;
            }
            if counted.granularity == crate::timex::Granularity::Day {
                self.known.events.learn_counted(&counted.noun, counted.start.date(), phrase, raw.start);
            }
            self.known.counted.push(*counted);
        }
    }

    fn resolve(&self, raw: &RawMention, sem: &Sem, tense: Tense) -> Outcome {
        let speech = self.mode.speech_time();
        let reference = self.known.reference.as_str();
        match sem {
            Sem::Calendar { year: Some(y), month: Some(m), day: Some(d) } => {
                match NaiveDate::from_ymd_opt(*y, *m, *d) {
                    Some(date) => Outcome::at(Cal::Day(date), TimexType::Date, "an explicit calendar date"),
                    None => Outcome::undated("XXXX-XX-XX", TimexType::Date, "not a real calendar date"),
                }
            }
            Sem::Calendar { year: None, month: Some(m), day: Some(d) } => {
                let (year, pick) = year_for_day(speech.date(), *m, *d, tense);
                let how = pick.describe();
                match NaiveDate::from_ymd_opt(year, *m, *d) {
                    Some(date) => {
                        Outcome::at(Cal::Day(date), TimexType::Date, ["no year given: ", how, " ", reference].concat())
                    }
                    None => Outcome::undated(format!("XXXX-{m:02}-{d:02}"), TimexType::Date, "no such day"),
                }
            }
            Sem::Calendar { year: Some(y), month: Some(m), day: None } => {
                Outcome::at(Cal::Month(*y, *m), TimexType::Date, "an explicit month")
            }
            Sem::Calendar { year: Some(y), month: None, .. } => {
                Outcome::at(Cal::Year(*y), TimexType::Date, "an explicit year")
            }
            Sem::Calendar { year: None, month: Some(m), day: None } => {
                let (y, why) = month_year(speech.date(), *m, tense);
                Outcome::at(Cal::Month(y, *m), TimexType::Date, [why, " relative to ", reference].concat())
            }
            Sem::Calendar { .. } => Outcome::undated("XXXX", TimexType::Date, "an incomplete date"),
            Sem::Decade { decade } => Outcome::at(Cal::Decade(*decade), TimexType::Date, "a decade"),
            Sem::Century { century } => Outcome::at(Cal::Century(*century), TimexType::Date, "a century"),
            Sem::Quarter { quarter, year } => {
                let (y, why) = match year {
                    Some(y) => (*y, "an explicit quarter and year".into()),
                    None => period_year((quarter - 1) * 3 + 1, self, reference, tense),
                };
                Outcome::at(Cal::Quarter(y, *quarter), TimexType::Date, why)
            }
            Sem::Half { half, year } => {
                let (y, why) = match year {
                    Some(y) => (*y, "an explicit half-year and year".into()),
                    None => period_year((half - 1) * 6 + 1, self, reference, tense),
                };
                Outcome::at(Cal::Half(y, *half), TimexType::Date, why)
            }
            Sem::SeasonOf { season, year, shift } => {
                let (y, why): (i32, Why) = match (year, shift) {
                    (Some(y), _) => (*y, "an explicit season and year".into()),
                    (None, Some(s)) => {
                        (speech.year() + *s, format!("the season {s:+} year(s) from {reference}").into())
                    }
                    (None, None) => (speech.year(), ["the season in the year of ", reference].concat().into()),
                };
                Outcome::at(Cal::Season(y, *season), TimexType::Date, why)
            }
            Sem::SharedYear { base, from } => {
                let Some(y) = self.resolve(raw, from, tense).cal.map(|c| c.year()) else {
                    return self.resolve(raw, base, tense);
                };
                let pinned = match base.as_ref() {
                    Sem::SeasonOf { season, .. } => Sem::SeasonOf { season: *season, year: Some(y), shift: None },
                    other => Sem::InYear { base: Box::new(other.clone()), year: Some(y), shift: 0 },
                };
                let inner = self.resolve(raw, &pinned, tense);
                let why = format!(
                    "no year of its own: {y}, the year written once for it and the date it is coordinated with"
                );
                Outcome { why: why.into(), ..inner }
            }
            Sem::InYear { base, year, shift } => {
                let y = year.unwrap_or(speech.year() + shift);
                let pinned = match base.as_ref() {
                    Sem::Calendar { year: None, month, day } => {
                        Sem::Calendar { year: Some(y), month: *month, day: *day }
                    }
                    Sem::Quarter { quarter, year: None } => Sem::Quarter { quarter: *quarter, year: Some(y) },
                    Sem::Half { half, year: None } => Sem::Half { half: *half, year: Some(y) },
                    // "the 1988 period": the quarter the text is at, in that year.
                    Sem::SameUnit { unit: Unit::Quarter } => match self.resolve(raw, base, tense).cal {
                        Some(Cal::Quarter(_, quarter)) => Sem::Quarter { quarter, year: Some(y) },
                        _ => Sem::Calendar { year: Some(y), month: None, day: None },
                    },
                    other => other.clone(),
                };
                let inner = self.resolve(raw, &pinned, tense);
                // The inner decision read a year it was given: only the shift explains it.
                let why = match (year, shift) {
                    (Some(_), _) => inner.why,
                    (None, -1) => format!("{y}, the year before that of {reference}").into(),
                    (None, 1) => format!("{y}, the year after that of {reference}").into(),
                    (None, _) => format!("{y}, the year of {reference}").into(),
                };
                Outcome { why, ..inner }
            }
            Sem::Weekday { weekday, shift } => {
                let (day, why) = match (&self.known.weekday_day, shift) {
                    (Some((day, why)), None) => (*day, why.clone()),
                    _ => self.weekday(*weekday, *shift, tense),
                };
                Outcome::at(Cal::Day(day), TimexType::Date, why)
            }
            Sem::WeekdayFrom { weekday, direction } => {
                let base = self.discourse_base();
                match base.cal.day() {
                    Some(from) => {
                        let (day, why) = weekday_from(from, *weekday, *direction, &base.what);
                        Outcome::at(Cal::Day(day), TimexType::Date, why)
                    }
                    // "In 2016 the port closed. It reopened the following Monday": which Monday
                    // the text does not say.
                    None => Outcome::undated(
                        format!("XXXX-WXX-{weekday}"),
                        TimexType::Date,
                        format!(
                            "a {} near {}, which names no day",
                            WEEKDAY_NAMES[weekday_of(*weekday).num_days_from_monday() as usize],
                            base.what
                        ),
                    ),
                }
            }
            Sem::HolidayOf { holiday, shift } => {
                let day_in = |year: i32| calendar::holiday_in(*holiday, year);
                let reference_day = speech.date();
                let (day, how) = match shift {
                    Some(-1) => {
                        let last = day_in(reference_day.year()).filter(|d| *d < reference_day);
                        (last.or_else(|| day_in(reference_day.year() - 1)), "the last one before")
                    }
                    Some(1) => {
                        let next = day_in(reference_day.year()).filter(|d| *d > reference_day);
                        (next.or_else(|| day_in(reference_day.year() + 1)), "the next one after")
                    }
                    Some(_) => (day_in(reference_day.year()), "the one in the year of"),
                    None => match pick_year(reference_day, tense, day_in) {
                        Some((year, pick)) => (day_in(year), pick.describe()),
                        None => (None, YearPick::Nearest.describe()),
                    },
                };
                match day {
                    Some(day) => {
                        Outcome::at(Cal::Day(day), TimexType::Date, ["a holiday: ", how, " ", reference].concat())
                    }
                    None => Outcome::undated("XXXX-XX-XX", TimexType::Date, "a holiday with no date"),
                }
            }
            Sem::DayOffset { days } => {
                let day = speech.date() + Duration::days((*days).into());
                let what: Cow<str> = match days {
                    0 => "the day of".into(),
                    -1 => "the day before".into(),
                    1 => "the day after".into(),
                    n => format!("{n:+} days from").into(),
                };
                Outcome::at(Cal::Day(day), TimexType::Date, [&what, " ", reference].concat())
            }
            Sem::MonthShift { month, shift } => {
                let current = speech.month();
                let y = speech.year()
                    + match shift {
                        -1 if *month >= current => -1,
                        1 if *month <= current => 1,
                        _ => 0,
                    };
                Outcome::at(Cal::Month(y, *month), TimexType::Date, ["shifted month relative to ", reference].concat())
            }
            Sem::UnitShift { unit, shift } => self.unit_shift(*unit, *shift, tense),
            Sem::Ago { amount, unit } => match amount {
                // "a year ago" in a report about a quarter is that quarter a year before.
                Amount::Exact(n)
                    if *unit == Unit::Year
                        && matches!(self.known.last, Some((Cal::Quarter(..) | Cal::Half(..), _))) =>
                {
                    let (base, phrase) = self.known.last.unwrap_or((self.speech_day(), ""));
                    let back = base.shifted(-(n.round() as i64), Unit::Year);
                    Outcome::at(
                        back,
                        TimexType::Date,
                        format!(
                            "{} before {} (the period last mentioned: \"{phrase}\")",
                            unit_name(*unit, *n),
                            describe(&base)
                        ),
                    )
                }
                Amount::Exact(n) if placeable(n * unit_seconds(*unit)).is_none() => Outcome::undated(
                    "PAST_REF",
                    TimexType::Date,
                    format!("{} before {reference}: too far to place", unit_name(*unit, *n)),
                ),
                Amount::Exact(n) => {
                    let back = Cal::containing(speech, coarse_unit(*unit)).shifted(-(n.round() as i64), *unit);
                    let back = back.truncated(coarse_unit(*unit));
                    Outcome::at(back, TimexType::Date, [&unit_name(*unit, *n), " before ", reference].concat())
                }
                Amount::Unknown => {
                    Outcome::undated("PAST_REF", TimexType::Date, ["an unspecified time before ", reference].concat())
                }
            },
            Sem::Relative { amount, unit, direction } => {
                // "He was last seen Nov. 3, the day before authorities issued a warrant": a
                // phrase in apposition to a date restates it.
                if let (Amount::Exact(_), Some((cal, phrase))) = (amount, self.restated_day(raw)) {
                    return Outcome::at(
                        cal,
                        TimexType::Date,
                        format!("the same day as \"{phrase}\", which it restates"),
                    );
                }
                let reference = self.event_after(raw);
                let base = match &reference {
                    Some(reference) => match self.named_event_base(reference) {
                        Some(base) => base,
                        None => return undated_event_outcome(reference),
                    },
                    None => self.discourse_base(),
                };
                match amount {
                    Amount::Exact(n) if placeable(n * unit_seconds(*unit)).is_none() => Outcome::undated(
                        if *direction > 0 { "FUTURE_REF" } else { "PAST_REF" },
                        TimexType::Date,
                        format!("{} from {}: too far to place", unit_name(*unit, *n), base.what),
                    ),
                    Amount::Exact(n) => {
                        let moved = relative_shift(base.cal, (n.round() as i64) * i64::from(*direction), *unit);
                        if let Some(reference) = reference.filter(|_| self.contradicts_tense(&base, &moved, tense)) {
                            return undated_event_outcome(&reference);
                        }
                        let word = if *direction > 0 { "after" } else { "before" };
                        let kind = if matches!(moved, Cal::Minute(_)) { TimexType::Time } else { TimexType::Date };
                        Outcome::at(moved, kind, format!("{} {word} {}", unit_name(*unit, *n), base.what))
                    }
                    Amount::Unknown => {
                        let value = if *direction > 0 { "FUTURE_REF" } else { "PAST_REF" };
                        Outcome::undated(value, TimexType::Date, ["an unspecified time from ", &base.what].concat())
                    }
                }
            }
            // "the quarter", "the latest quarter" with no quarter named yet: in news, the last
            // quarter that has ended (the one being reported).
            Sem::SameUnit { unit: Unit::Quarter } if !matches!(self.known.last, Some((Cal::Quarter(..), _))) => {
                let cal = Cal::containing(speech, Unit::Quarter).shifted(-1, Unit::Quarter);
                Outcome::at(cal, TimexType::Date, ["the last quarter ended before ", reference].concat())
            }
            Sem::SameUnit { unit } => {
                let base = self.discourse_base();
                let cal = base.cal.truncated(*unit);
                let cal = if crate::resolve::calendar::unit_rank(*unit)
                    < crate::resolve::calendar::unit_rank(base.cal.unit())
                {
                    base.cal
                } else {
                    cal
                };
                Outcome::at(cal, TimexType::Date, ["the same ", unit_word(*unit), " as ", &base.what].concat())
            }
            Sem::PartOf { base, part } => {
                let inner = self.resolve(raw, base, tense);
                match inner.cal.and_then(|c| c.day()) {
                    Some(day) => Outcome::at(
                        Cal::PartOfDay(day, *part),
                        TimexType::Time,
                        ["the ", part.name(), " of ", &day_name(day), ": ", &inner.why].concat(),
                    ),
                    None => inner,
                }
            }
            Sem::Clock { hour, minute, base } => {
                let (day, why): (NaiveDate, Why) = match base {
                    Some(base) => {
                        let inner = self.resolve(raw, base, tense);
                        match inner.cal.and_then(|c| c.day()) {
                            Some(day) => (day, inner.why),
                            None => (speech.date(), ["on the day of ", reference].concat().into()),
                        }
                    }
                    None => match self.known.clock_day {
                        Some((day, phrase)) => {
                            (day, ["on the day of \"", phrase, "\", later in its clause"].concat().into())
                        }
                        None => self.happening_before(raw).unwrap_or_else(|| {
                            match self.known.last.and_then(|(cal, phrase)| cal.day().map(|d| (d, phrase))) {
                                Some((day, phrase)) => {
                                    (day, ["on the day last mentioned (\"", phrase, "\")"].concat().into())
                                }
                                None => (speech.date(), ["on the day of ", reference].concat().into()),
                            }
                        }),
                    },
                };
                let cal = if *hour == 24 {
                    Cal::Midnight(day)
                } else {
                    Cal::Minute(day.and_hms_opt(*hour, *minute, 0).unwrap_or(day.and_time(NaiveTime::MIN)))
                };
                Outcome::at(cal, TimexType::Time, ["a clock time, ", &why].concat())
            }
            Sem::Vague(kind) => {
                let value = match kind {
                    Vague::Past => "PAST_REF",
                    Vague::Present => "PRESENT_REF",
                    Vague::Future => "FUTURE_REF",
                };
                Outcome::undated(value, TimexType::Date, "a vague reference: places nothing on the calendar")
            }
            Sem::Duration { amount, unit } => self.duration(raw, *amount, *unit, tense),
            Sem::Set { value } => {
                Outcome::undated(value.clone(), TimexType::Set, "a recurring time: places no single event")
            }
        }
    }

    /// The happening a length of time counts from, dated by the day the length is said of: "on
    /// Monday, two days after the vote" puts the vote on Saturday. `None` for a count that names
    /// no day, month or year (`counted_back`).
    fn counted_to(
        &self,
        raw: &RawMention,
        (amount, unit): (Amount, Unit),
        (direction, noun, noun_token): (i32, &str, usize),
        (said_of, phrase): (Cal, &str),
    ) -> Option<Box<CountedFrom>> {
        let Amount::Exact(n) = amount else { return None };
        let day = said_of.day()?;
        let cal = counted_back(day, n, unit, direction)?;
        let (name, name_end) = happening_name(self.tokens, raw.end_token, noun_token)?;
        let (length, word) = (unit_name(unit, n), if direction > 0 { "after" } else { "before" });
        let interval = cal.interval();
        let explanation =
            format!("{length} {word} {name} is {} (\"{phrase}\"), which dates {name} to {}", day_name(day), when(&cal));
        let tokens = self.tokens.tokens.get(raw.first_token..=name_end)?;
        let span = tokens.first()?.start as usize..tokens.last()?.end as usize;
        let granularity = cal.granularity();
        let noun = noun.to_string();
        let (start, end) = (interval.start, interval.end);
        Some(Box::new(CountedFrom { name, noun, start, end, granularity, phrase: span, explanation }))
    }

    fn duration(&self, raw: &RawMention, amount: Amount, unit: Unit, tense: Tense) -> Outcome {
        let value = match amount {
            Amount::Exact(n) => period(n, unit),
            Amount::Unknown => unknown_period(unit),
        };
        let length = match amount {
            Amount::Exact(n) => unit_name(unit, n),
            Amount::Unknown => ["some ", unit_word(unit), "s"].concat(),
        };
        let reference = event_reference(self.tokens, raw.end_token);
        // "resigned on Friday, two days after the vote": with the vote undated, the phrase says
        // how long after it Friday was, not when the vote was plus two days.
        if let Some((direction, noun, noun_token)) = &reference {
            if let Some((cal, phrase)) = self.day_before_undated_event(raw, noun) {
                let word = if *direction > 0 { "after" } else { "before" };
                let counted = self.counted_to(raw, (amount, unit), (*direction, noun, *noun_token), (cal, phrase));
                let why = match &counted {
                    Some(counted) => format!("{length} {word} {}: said of \"{phrase}\", so that day", counted.name),
                    None => format!(
                        "{length} {word} the {noun}, which the text does not date: said of \"{phrase}\", so that day"
                    ),
                };
                return Outcome { cal: Some(cal), value, kind: TimexType::Duration, why: why.into(), counted };
            }
        }
        // "24 hours after the attack": a duration counted from a named event places a time.
        let counted_from = reference.and_then(|reference| Some((self.named_event_base(&reference)?, reference)));
        if let Some((base, (direction, noun, _))) = counted_from {
            let n = match amount {
                Amount::Exact(n) => n,
                Amount::Unknown => 0.0,
            };
            let seconds = n * unit_seconds(unit) * f64::from(direction);
            let Some(start) = placeable(seconds).and_then(|s| base.cal.start().checked_add_signed(s)) else {
                return Outcome::undated(
                    value,
                    TimexType::Duration,
                    format!("{length}: too far from {} to place", base.what),
                );
            };
            let cal = match base.cal {
                Cal::Minute(_) if unit_seconds(unit) < 86_400.0 => Cal::Minute(start),
                _ => Cal::containing(start, coarse_unit(unit).max_by_rank(Unit::Day)),
            };
            let word = if direction > 0 { "after" } else { "before" };
            if self.contradicts_tense(&base, &cal, tense) {
                let why = format!("{length} {word} the {noun}, which the text does not date: places nothing");
                return Outcome::undated(value, TimexType::Duration, why);
            }
            return Outcome {
                cal: Some(cal),
                value,
                kind: TimexType::Duration,
                why: format!("{length} {word} {}: {}", base.what, describe(&cal)).into(),
                counted: None,
            };
        }
        let why = ["a length of time (", &length, "): places nothing by itself"].concat();
        Outcome::undated(value, TimexType::Duration, why)
    }

    /// In story mode, the day the bare weekday `day_raw` is when the count `count_raw` beside it
    /// runs from an undated happening taken for the story's main event and lands on that weekday:
    /// "on Sunday, four days after the raid", with day zero a Wednesday, is the Sunday after it
    /// (the nearest Sunday, before it, would put the raid a week early); and why.
    fn weekday_counted_from_day_zero(
        &self,
        day_raw: &RawMention,
        count_raw: &RawMention,
    ) -> Option<(NaiveDate, String)> {
        let ReferenceMode::Story { anchor } = self.mode else { return None };
        let Sem::Weekday { weekday, shift: None } = day_raw.sem else { return None };
        let Sem::Duration { amount: Amount::Exact(n), unit } = count_raw.sem else { return None };
        let (direction, noun, noun_token) = event_reference(self.tokens, count_raw.end_token)?;
        if self.known.events.get(&noun).is_some() || self.tokens.is(noun_token + 1, "of") {
            return None;
        }
        // Only a happening the count names can be counted from ("after it leaked fuel" names none).
        happening_name(self.tokens, count_raw.end_token, noun_token)?;
        let Cal::Day(day) = counted_back(*anchor, n, unit, -direction)? else { return None };
        if day.weekday() != weekday_of(weekday) {
            return None;
        }
        let (length, word) = (unit_name(unit, n), if direction > 0 { "after" } else { "before" });
        let why = format!(
            "the {} {length} {word} the {noun}, taken for the story's main event on the story anchor {}",
            day.format("%A"),
            day_name(*anchor)
        );
        Some((day, why))
    }

    fn weekday(&self, weekday: u32, shift: Option<i32>, tense: Tense) -> (NaiveDate, String) {
        let reference = self.known.reference.as_str();
        let ref_day = self.mode.speech_time().date();
        let target = weekday_of(weekday);
        let offset =
            |d: NaiveDate| i64::from(target.num_days_from_monday()) - i64::from(d.weekday().num_days_from_monday());
        let name = WEEKDAY_NAMES[target.num_days_from_monday() as usize];
        let back = (offset(ref_day) - 7) % 7; // 0 or negative: on or before
        let forward = (offset(ref_day) + 7) % 7; // 0 or positive: on or after
        match shift {
            Some(-1) => {
                let days = if back == 0 { -7 } else { back };
                (ref_day + Duration::days(days), ["last ", name, ": the one before ", reference].concat())
            }
            Some(1) => {
                let days = if forward == 0 { 7 } else { forward };
                (ref_day + Duration::days(days), ["next ", name, ": the one after ", reference].concat())
            }
            Some(_) => {
                (ref_day + Duration::days(offset(ref_day)), ["this ", name, ": in the week of ", reference].concat())
            }
            None => match self.mode {
                ReferenceMode::Story { .. } => {
                    let nearest = if -back <= forward { back } else { forward };
                    if tense.looks_ahead() && nearest < 0 {
                        (
                            ref_day + Duration::days(forward),
                            ["the coming ", name, " after ", reference, " (", tense.ahead_reason(), ")"].concat(),
                        )
                    } else {
                        (ref_day + Duration::days(nearest), ["the nearest ", name, " to ", reference].concat())
                    }
                }
                ReferenceMode::DocumentDate { .. } => match tense {
                    tense if tense.looks_ahead() => (
                        ref_day + Duration::days(forward),
                        ["the ", name, " on or after ", reference, " (", tense.ahead_reason(), ")"].concat(),
                    ),
                    Tense::Present | Tense::Unknown if forward < -back => {
                        (ref_day + Duration::days(forward), ["the nearest ", name, " to ", reference].concat())
                    }
                    _ => (
                        ref_day + Duration::days(back),
                        ["the ", name, " on or before ", reference, " (past or no tense)"].concat(),
                    ),
                },
            },
        }
    }

    fn unit_shift(&self, unit: Unit, shift: i32, tense: Tense) -> Outcome {
        let speech = self.mode.speech_time();
        let reference = self.known.reference.as_str();
        if unit == Unit::Weekend && shift == 0 {
            let this_week = Cal::containing(speech, Unit::Weekend);
            let past = tense.is_past() && this_week.start() > speech;
            let cal = if past { this_week.shifted(-1, Unit::Week) } else { this_week };
            let which = if past { "the weekend before" } else { "the weekend of" };
            return Outcome::at(cal, TimexType::Date, [which, " ", reference].concat());
        }
        let cal = Cal::containing(speech, unit).shifted(shift.into(), unit);
        let which = match shift {
            -1 => "the previous",
            0 => "the current",
            1 => "the next",
            _ => "a shifted",
        };
        Outcome::at(cal, TimexType::Date, [which, " ", unit_word(unit), " relative to ", reference].concat())
    }
}

trait RankMax {
    fn max_by_rank(self, other: Unit) -> Unit;
}

impl RankMax for Unit {
    fn max_by_rank(self, other: Unit) -> Unit {
        if calendar::unit_rank(self) >= calendar::unit_rank(other) {
            self
        } else {
            other
        }
    }
}

/// "months" → PXM, "decades" → PXDE, "hours" → PTXH.
fn unknown_period(unit: Unit) -> String {
    match unit {
        Unit::Decade => "PXDE".into(),
        Unit::Century => "PXCE".into(),
        Unit::Half => "PXM".into(),
        Unit::Fortnight => "PXW".into(),
        other => period(1.0, other).replacen('1', "X", 1),
    }
}

/// The longest span a relative phrase may move the calendar by: beyond it ("999999999 days
/// ago") the phrase is kept but not placed.
const MAX_PLACEABLE_YEARS: f64 = 10_000.0;

/// `seconds` as a duration, when within `MAX_PLACEABLE_YEARS`.
fn placeable(seconds: f64) -> Option<Duration> {
    if !seconds.is_finite() || seconds.abs() > MAX_PLACEABLE_YEARS * unit_seconds(Unit::Year) {
        return None;
    }
    Duration::try_seconds(seconds as i64)
}

fn unit_seconds(unit: Unit) -> f64 {
    match unit {
        Unit::Second => 1.0,
        Unit::Minute => 60.0,
        Unit::Hour => 3_600.0,
        Unit::Day => 86_400.0,
        Unit::Week | Unit::Weekend => 7.0 * 86_400.0,
        Unit::Fortnight => 14.0 * 86_400.0,
        Unit::Month => 30.44 * 86_400.0,
        Unit::Quarter => 91.31 * 86_400.0,
        Unit::Half => 182.6 * 86_400.0,
        Unit::Year => 365.25 * 86_400.0,
        Unit::Decade => 3_652.5 * 86_400.0,
        Unit::Century => 36_525.0 * 86_400.0,
    }
}

/// The unit a phrase counted in units of `unit` is placed at ("two days ago" is a day; "a
/// decade ago" a year; "two hours ago" a day on a day-precise reference).
fn coarse_unit(unit: Unit) -> Unit {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Unit::Day,
        Unit::Decade | Unit::Century => Unit::Year,
        Unit::Fortnight => Unit::Week,
        other => other,
    }
}

/// `base` moved by `n` units at the precision TimeML expects: a month/quarter/season reference
/// keeps its precision when counted in years ("a year earlier" than 1989-Q3 is 1988-Q3); a finer
/// reference is placed at the counted unit ("the next day" after 14:40 is a day).
fn relative_shift(base: Cal, n: i64, unit: Unit) -> Cal {
    let keeps_precision = matches!(base, Cal::Month(..) | Cal::Quarter(..) | Cal::Half(..) | Cal::Season(..))
        && calendar::unit_rank(unit) >= calendar::unit_rank(Unit::Year);
    let moved = base.shifted(n, unit);
    if keeps_precision {
        return moved;
    }
    match (base, unit) {
        // "the morning after" is built by PartOf on the shifted day; minutes stay minutes when
        // counted in hours or minutes.
        (Cal::Minute(_), Unit::Second | Unit::Minute | Unit::Hour) => moved,
        _ => {
            if calendar::unit_rank(coarse_unit(unit)) > calendar::unit_rank(base.unit()) {
                moved.truncated(coarse_unit(unit))
            } else {
                match moved {
                    Cal::Minute(t) if unit == Unit::Day => Cal::Day(t.date()),
                    Cal::PartOfDay(d, _) if unit == Unit::Day => Cal::Day(d),
                    other => other,
                }
            }
        }
    }
}

/// How far ahead of the reference a past-tense text may still mean the nearest date or month
/// ("results due Jan. 14" written in December): beyond it, the last one before is meant.
const NEAR_FUTURE_DAYS: i64 = 60;
/// How many days ahead a day named after a finished happening (`Tense::Completed`) may still be
/// this year's: a paper dates its editorial a day ahead ("said in an editorial on Monday, Oct.
/// 26", filed on the 25th), and one past form may be an adjective before a noun.
const COMPLETED_AHEAD_DAYS: i64 = 7;

/// How many days before the reference future-tense text may still mean a day rather than next
/// year's: a deadline just passed, or the future of a report made days earlier ("said they would
/// act by Jan. 14", written on the 15th).
const FUTURE_REACH_BACK_DAYS: i64 = 7;

/// Which of the yearly occurrences of a day `pick_year` chose: the decision both the value and
/// its explanation are made from, so the two cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearPick {
    /// Future-tense text: the next one on or after the reference.
    NextOnOrAfter,
    /// Future-tense text, but the day fell within `FUTURE_REACH_BACK_DAYS` before the reference:
    /// next year's would be a year off.
    JustBefore,
    /// The one nearest the reference.
    Nearest,
    /// The nearest was too far ahead for text that is not about the future.
    LastOnOrBefore,
}

impl YearPick {
    fn describe(self) -> &'static str {
        match self {
            YearPick::NextOnOrAfter => "the next such day on or after",
            YearPick::JustBefore => "looking ahead, but the day fell within a week before",
            YearPick::Nearest => "the nearest such day to",
            YearPick::LastOnOrBefore => "the last such day on or before",
        }
    }
}

/// The year of a month/day given without one (`pick_year`), and how it was chosen.
fn year_for_day(reference: NaiveDate, month: u32, day: u32, tense: Tense) -> (i32, YearPick) {
    pick_year(reference, tense, |year| NaiveDate::from_ymd_opt(year, month, day))
        .unwrap_or((reference.year(), YearPick::Nearest))
}

/// The year of a day that falls on `day_in(year)` each year: the next one on or after the
/// reference in future-tense text (`Tense::looks_months_ahead`), unless the day fell within
/// `FUTURE_REACH_BACK_DAYS` before it; else the nearest one, unless
/// it would be more than `NEAR_FUTURE_DAYS` ahead (or, after a finished happening,
/// `COMPLETED_AHEAD_DAYS`), when the last one on or before is meant.
fn pick_year(reference: NaiveDate, tense: Tense, day_in: impl Fn(i32) -> Option<NaiveDate>) -> Option<(i32, YearPick)> {
    let y = reference.year();
    let candidates: Vec<(i32, i64)> = [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|year| day_in(year).map(|d| (year, (d - reference).num_days())))
        .collect();
    let nearest = candidates.iter().min_by_key(|(_, days)| days.abs());
    let just_before = candidates.iter().find(|(_, days)| (-FUTURE_REACH_BACK_DAYS..0).contains(days));
    let (pick, how) = match tense {
        tense if tense.looks_months_ahead() && just_before.is_some() => (just_before, YearPick::JustBefore),
        tense if tense.looks_months_ahead() => {
            (candidates.iter().filter(|(_, days)| *days >= 0).min_by_key(|(_, days)| *days), YearPick::NextOnOrAfter)
        }
        // News reports the past: only future-tense text reaches further ahead, and a finished
        // happening no more than a few days.
        tense
            if nearest.is_some_and(|(_, days)| {
                *days > NEAR_FUTURE_DAYS || (tense == Tense::Completed && *days > COMPLETED_AHEAD_DAYS)
            }) =>
        {
            (candidates.iter().filter(|(_, days)| *days <= 0).max_by_key(|(_, days)| *days), YearPick::LastOnOrBefore)
        }
        _ => (nearest, YearPick::Nearest),
    };
    pick.map(|(year, _)| (*year, how))
}

/// A month with no year, by the same rule as `year_for_day` at month precision.
fn month_year(reference: NaiveDate, month: u32, tense: Tense) -> (i32, &'static str) {
    let y = reference.year();
    let ahead = |year: i32| (year - y) * 12 + month as i32 - reference.month() as i32;
    let nearest = [y - 1, y, y + 1].into_iter().min_by_key(|year| ahead(*year).abs()).unwrap_or(y);
    match tense {
        tense if tense.looks_months_ahead() => {
            let year = if ahead(y) >= 0 { y } else { y + 1 };
            (year, "the next such month")
        }
        tense if ahead(nearest) > 2 || (tense == Tense::Completed && ahead(nearest) > 0) => {
            let year = if ahead(y) <= 0 { y } else { y - 1 };
            (year, "the last such month")
        }
        _ => (nearest, "the nearest such month"),
    }
}

/// The year of a quarter or half given without one: the year of the recent quarter or half the
/// text last named, else the reference year (the year before when that
/// period has not begun yet and the text is not about the future).
fn period_year(period_start_month: u32, discourse: &Discourse, reference: &str, tense: Tense) -> (i32, Why) {
    let speech = discourse.mode.speech_time();
    if let Some((cal, phrase)) = discourse.known.last {
        // Only a recent period sets the year: after "the third quarter of 1984" or "the first
        // two quarters of 1990", a bare "third-quarter" in a report is still this year's.
        let recent = cal.start() <= speech && cal.start().year() >= speech.year() - 1;
        if recent && matches!(cal, Cal::Quarter(..) | Cal::Half(..)) {
            let why = ["the year of the last time mentioned (\"", phrase, "\")"].concat();
            return (cal.start().year(), why.into());
        }
    }
    if period_start_month > speech.month() && !tense.looks_months_ahead() {
        return (speech.year() - 1, ["the last such period before ", reference].concat().into());
    }
    (speech.year(), ["the year of ", reference].concat().into())
}

/// Whether resolving `sem` depends on tense (which Friday, which March): only then is the
/// clause read for it.
fn needs_tense(sem: &Sem) -> bool {
    match sem {
        Sem::Calendar { year: None, .. } | Sem::Quarter { year: None, .. } | Sem::Half { year: None, .. } => true,
        Sem::Weekday { shift: None, .. } | Sem::UnitShift { unit: Unit::Weekend, .. } => true,
        Sem::HolidayOf { shift: None, .. } => true,
        Sem::PartOf { base, .. } | Sem::Clock { base: Some(base), .. } => needs_tense(base),
        _ => false,
    }
}

/// A phrase counted from a named event that the text does not date, and does not name as the
/// story's main event: the value says only that it is some date.
fn undated_event_outcome(reference: &(i32, String, usize)) -> Outcome {
    let (direction, noun, _) = reference;
    let word = if *direction > 0 { "after" } else { "before" };
    let why = format!("some time {word} the {noun} named after it, which the text does not date");
    Outcome::undated("XXXX-XX-XX", TimexType::Date, why)
}

/// Words between an opening count and a later time that make the time another happening's: a
/// report ("the minister said the talks resume on Monday") or a plan ("planned to reopen on
/// Monday"; an infinitive's "to" is told apart where it is read).
const REPORTS_OR_PLANS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "added",
    "stated",
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "shall",
    "plans",
    "planned",
    "expects",
    "expected",
];

/// How many tokens after the comma that ends an opening count its main clause's time may be.
const MAIN_CLAUSE_REACH: usize = 12;

/// Whether a phrase moves the time the discourse is at. Comparisons ("a year ago", "a year
/// earlier", "year-earlier") look back without moving the story there.
fn moves_discourse(sem: &Sem) -> bool {
    match sem {
        Sem::Ago { .. } => false,
        Sem::Relative { unit, .. } => calendar::unit_rank(*unit) < calendar::unit_rank(Unit::Year),
        _ => true,
    }
}

/// Resolves the raw mentions of one document, in text order.
pub fn resolve_document(
    doc_id: &str,
    tokens: &Tokens,
    offsets: &CharOffsets,
    sentences: &[SentenceSpan],
    raw: &[RawMention],
    mode: &ReferenceMode,
) -> Vec<Mention> {
    resolve_document_noting_anchor(doc_id, tokens, offsets, sentences, raw, mode).0
}

/// `resolve_document`, and whether any phrase was placed from the story's day zero (always
/// `true` in story mode): when none was, the mentions are the same under any day zero.
pub fn resolve_document_noting_anchor(
    doc_id: &str,
    tokens: &Tokens,
    offsets: &CharOffsets,
    sentences: &[SentenceSpan],
    raw: &[RawMention],
    mode: &ReferenceMode,
) -> (Vec<Mention>, bool) {
    let doc: DocId = doc_id.into();
    let mut resolver = DocumentResolver::new(&doc, offsets, sentences, mode);
    resolver.resolve_block(tokens, raw);
    resolver.finish()
}

/// Resolves a document's raw mentions block of sentences by block, in text order, carrying the
/// discourse (the last time mentioned, the dated named events) from one block to the next: a
/// long text's tokens are then held one block at a time.
pub struct DocumentResolver<'a> {
    /// The document's id, shared by all its mentions.
    doc: &'a DocId,
    offsets: &'a CharOffsets,
    sentences: &'a [SentenceSpan],
    mode: &'a ReferenceMode,
    known: Known<'a>,
    mentions: Vec<Mention>,
}

impl<'a> DocumentResolver<'a> {
    pub fn new(
        doc: &'a DocId,
        offsets: &'a CharOffsets,
        sentences: &'a [SentenceSpan],
        mode: &'a ReferenceMode,
    ) -> Self {
        let known = Known {
            reference: mode.describe(),
            last: None,
            last_end: 0,
            events: EventDates::default(),
            clock_day: None,
            clause_day: None,
            counted: Vec::new(),
            weekday_day: None,
            used_anchor: std::cell::Cell::new(matches!(mode, ReferenceMode::Story { .. })),
        };
        DocumentResolver { doc, offsets, sentences, mode, known, mentions: Vec::new() }
    }

    /// Resolves `raw`, the tagger's mentions over `tokens` (a block of whole sentences, after
    /// the blocks resolved so far).
    pub fn resolve_block(&mut self, tokens: &Tokens<'a>, raw: &[RawMention]) {
        let site = Site { doc: self.doc, offsets: self.offsets, sentences: self.sentences };
        let mut discourse = Discourse { mode: self.mode, tokens, known: &mut self.known };
        self.mentions.reserve(raw.len());
        let mut i = 0;
        while i < raw.len() {
            i += site.resolve_group(&mut discourse, raw, i, &mut self.mentions, 0).0;
        }
    }

    /// The mentions of every block, in text order, and whether the story's day zero placed any.
    pub fn finish(self) -> (Vec<Mention>, bool) {
        (self.mentions, self.known.used_anchor.get())
    }

    /// `finish`, with what the text told of its happenings: those it dated by counting from
    /// them (`counted`) and every date it gave one, where (`DatedHappening`).
    pub fn finish_with_happenings(self) -> Resolved {
        Resolved {
            mentions: self.mentions,
            uses_anchor: self.known.used_anchor.get(),
            counted: self.known.counted,
            happenings: self.known.events.into_log(),
        }
    }
}

/// A document's resolved mentions and what they told of its happenings.
pub struct Resolved {
    pub mentions: Vec<Mention>,
    /// Whether the story's day zero placed any phrase.
    pub uses_anchor: bool,
    /// Happenings dated by a count from them ("two days after the vote").
    pub counted: Vec<CountedFrom>,
    /// Every date the text gave a named happening, in text order.
    pub happenings: Vec<named_events::DatedHappening>,
}

/// Where a document's mentions are: its id, offsets and sentences.
#[derive(Clone, Copy)]
struct Site<'a> {
    doc: &'a DocId,
    offsets: &'a CharOffsets,
    sentences: &'a [SentenceSpan],
}

impl<'a> Site<'a> {
    /// Resolves `raw[i]` and the mention after it when `raw[i]` waits for it, pushing them to
    /// `out` in text order; returns how many it resolved and the day `raw[i]` was placed on.
    /// `depth` counts the groups this one is inside: a clock time waits for at most one other
    /// clock time, so a schedule of many clock times is not one deep chain.
    fn resolve_group(
        self,
        discourse: &mut Discourse<'a, '_>,
        raw: &[RawMention],
        i: usize,
        out: &mut Vec<Mention>,
        depth: usize,
    ) -> (usize, Option<NaiveDate>) {
        let next = raw.get(i + 1);
        if let Some(next) = next.filter(|next| discourse.dates_the_event_counted_from(&raw[i], next)) {
            // "The day before last Tuesday's hearing": the hearing's date comes first.
            let dating = self.resolve_one(discourse, next);
            let (counting, day) = self.resolve_with_day(discourse, &raw[i]);
            out.extend([counting, dating]);
            return (2, day);
        }
        if let Some(next) = next.filter(|next| self.opens_a_count_to(discourse, &raw[i], next)) {
            let (counting, dating, day) = self.resolve_opening_count(discourse, &raw[i], next);
            out.extend([counting, dating]);
            return (2, day);
        }
        let counted_after = next.filter(|next| {
            let between = discourse.tokens.text.get(raw[i].end..next.start).map(str::trim);
            matches!(between, Some("," | ""))
        });
        if let Some(count) = counted_after {
            // "on Sunday, four days after the raid": in story mode, the Sunday after day zero.
            if let Some(day) = discourse.weekday_counted_from_day_zero(&raw[i], count) {
                discourse.known.weekday_day = Some(day);
                let (mention, day) = self.resolve_with_day(discourse, &raw[i]);
                discourse.known.weekday_day = None;
                out.push(mention);
                return (1, day);
            }
        }
        let may_wait = |next: &&RawMention| {
            let chained_clock = matches!(next.sem, Sem::Clock { .. });
            (depth == 0 || !chained_clock)
                && discourse.clock_before_its_day(&raw[i], next)
                && self.sentence_of(next.start) == self.sentence_of(raw[i].start)
        };
        if let Some(next) = next.filter(may_wait) {
            // "at 6 a.m. near the house 10 days before the murder": the day comes first.
            let at = out.len();
            let before_group = (discourse.known.last, discourse.known.last_end);
            let (count, day) = self.resolve_group(discourse, raw, i + 1, out, depth + 1);
            let after_group = (discourse.known.last, discourse.known.last_end);
            match day {
                Some(day) => discourse.known.clock_day = Some((day, &discourse.tokens.text[next.start..next.end])),
                // "2:46 before the end of the first half": no day there, so the day before it.
                None => (discourse.known.last, discourse.known.last_end) = before_group,
            }
            let (clock, clock_day) = self.resolve_with_day(discourse, &raw[i]);
            discourse.known.clock_day = None;
            if after_group.1 > raw[i].end {
                // The last time mentioned stays the one last in the text.
                (discourse.known.last, discourse.known.last_end) = after_group;
            }
            out.insert(at, clock);
            return (count + 1, clock_day);
        }
        let (mention, day) = self.resolve_with_day(discourse, &raw[i]);
        out.push(mention);
        (1, day)
    }

    /// Resolves the opening count `count` after the time `next` of its main clause ("Two days
    /// after the vote, the talks resumed on Monday": Monday comes first, and the count is said
    /// of it); returns the count's mention, `next`'s and the count's day.
    fn resolve_opening_count(
        self,
        discourse: &mut Discourse<'a, '_>,
        count: &RawMention,
        next: &RawMention,
    ) -> (Mention, Mention, Option<NaiveDate>) {
        discourse.known.weekday_day = discourse.weekday_counted_from_day_zero(next, count);
        let (dating, day) = self.resolve_with_day(discourse, next);
        discourse.known.weekday_day = None;
        if let Some((_, noun, _)) = event_reference(discourse.tokens, count.end_token) {
            // Checked undated before: Monday is two days after the vote, not its day.
            discourse.known.events.forget(&noun, next.start);
        }
        let phrase = &discourse.tokens.text[next.start..next.end];
        discourse.known.clause_day = day.map(|day| (day, phrase));
        let (counting, counting_day) = self.resolve_with_day(discourse, count);
        discourse.known.clause_day = None;
        (counting, dating, counting_day)
    }

    /// Whether `raw` is a whole count of time from a happening the text has not dated, opening its
    /// sentence (after at most one word: "Retaliating", "Exactly") and ending at a comma, and `next`
    /// is the time of the main clause right after it, with no report or plan between that could
    /// make it another's: "Two days after the vote, the talks resumed on Monday".
    fn opens_a_count_to(self, discourse: &Discourse, raw: &RawMention, next: &RawMention) -> bool {
        let tokens = discourse.tokens;
        if !matches!(raw.sem, Sem::Duration { amount: Amount::Exact(_), .. }) {
            return false;
        }
        let Some((_, noun, noun_token)) = event_reference(tokens, raw.end_token) else { return false };
        let sentence = self.sentence_of(raw.start);
        if discourse.known.events.get(&noun).is_some() || self.sentence_of(next.start) != sentence {
            return false;
        }
        let opening = self.sentences.get(sentence).and_then(|s| tokens.text.get(s.start..raw.start)).unwrap_or("");
        let opening = opening.trim();
        if opening.split_whitespace().count() > 1 || !opening.chars().all(char::is_alphabetic) {
            return false;
        }
        let between = noun_token + 1..next.first_token;
        let Some(comma) = between.clone().find(|&k| tokens.tokens[k].kind == TokenKind::Punct(',')) else {
            return false;
        };
        let breaks = between.clone().any(|k| matches!(tokens.tokens[k].kind, TokenKind::Punct(';' | ':' | '"' | '(')));
        let reported = (comma..next.first_token).any(|k| {
            let lower_after = tokens.lower(k + 1).as_str().starts_with(|c: char| c.is_ascii_lowercase());
            let determiner_after = ["the", "a", "an", "his", "her", "its", "their"].iter().any(|d| tokens.is(k + 1, d));
            let infinitive = tokens.is(k, "to") && lower_after && !determiner_after;
            infinitive || REPORTS_OR_PLANS.iter().any(|w| tokens.is(k, w))
        });
        // "at 9 a.m. on Monday": a bare clock time waits for its day (`clock_before_its_day`).
        let bare_clock = matches!(next.sem, Sem::Clock { base: None, .. });
        !breaks && !reported && !bare_clock && next.first_token - comma <= MAIN_CLAUSE_REACH
    }

    /// The index of the sentence holding byte `at` (the last sentence for text after it).
    fn sentence_of(self, at: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= at).min(self.sentences.len().saturating_sub(1))
    }

    /// Resolves one raw mention in the discourse so far, and lets the discourse take it in.
    fn resolve_one(self, discourse: &mut Discourse<'a, '_>, mention: &RawMention) -> Mention {
        self.resolve_with_day(discourse, mention).0
    }

    /// `resolve_one`, and the day the mention was placed on, if it was placed within one.
    fn resolve_with_day(self, discourse: &mut Discourse<'a, '_>, mention: &RawMention) -> (Mention, Option<NaiveDate>) {
        let (tokens, sentences, offsets) = (discourse.tokens, self.sentences, self.offsets);
        let sentence = self.sentence_of(mention.start);
        let tense = match (tense_of(mention, tokens, sentences.get(sentence)), discourse.mode) {
            // A finished happening is over by the time of writing, not by the story's day zero:
            // what came after the attack is told in the past too.
            (Tense::Completed, ReferenceMode::Story { .. }) => Tense::Past,
            (tense, _) => tense,
        };
        let mut outcome = discourse.resolve(mention, &mention.sem, tense);
        let phrase = &tokens.text[mention.start..mention.end];
        discourse.remember(mention, phrase, &mut outcome);
        let start = offsets.char_at(mention.start);
        let day = outcome.cal.and_then(|c| c.day());
        let mention = Mention {
            id: mention_id(self.doc, start),
            doc: std::sync::Arc::clone(self.doc),
            text: phrase.into(),
            start,
            end: offsets.char_at(mention.end),
            timex_type: outcome.kind,
            value: outcome.value.into(),
            modifier: mention.modifier.map(Box::from),
            interval: outcome.cal.map(|c| c.interval()),
            granularity: outcome.cal.map(|c| c.granularity()),
            rule: std::borrow::Cow::Borrowed(mention.rule),
            explanation: [phrase, " → ", &outcome.why].concat().into(),
            sentence,
        };
        (mention, day)
    }
}

/// The tense `mention` is read in: past for a possessive date ("Wednesday’s attack": what it owns
/// has happened), else the clause's tense within `sentence`, read only when the meaning needs it.
fn tense_of(mention: &RawMention, tokens: &Tokens, sentence: Option<&SentenceSpan>) -> Tense {
    if tokens.is_possessive_at(mention.end_token) {
        return Tense::Past;
    }
    if !needs_tense(&mention.sem) && !counts_from_named_event(mention, tokens) {
        return Tense::Unknown;
    }
    let (from, to) = match sentence {
        Some(s) => (
            tokens.tokens.partition_point(|t| (t.start as usize) < s.start),
            tokens.tokens.partition_point(|t| (t.start as usize) < s.end),
        ),
        None => (0, tokens.tokens.len()),
    };
    tense_near(tokens, mention.first_token, mention.end_token, from, to.max(mention.end_token))
}

/// Whether `mention` is a length or shift counted from a named event after it ("two days after
/// the vote"): its tense says whether that event can be the story's main event
/// (`contradicts_tense`). The words looked at are those `event_after` and `duration` read.
fn counts_from_named_event(mention: &RawMention, tokens: &Tokens) -> bool {
    let counted = matches!(mention.sem, Sem::Relative { .. } | Sem::Duration { .. });
    let at = |i: usize| event_reference(tokens, i).is_some();
    counted && (at(mention.end_token) || mention.end_token.checked_sub(1).is_some_and(at))
}

/// "d1-m7": the mention of document `doc_id` that starts at code point `start`. Derived from
/// where the phrase is, not from how many came before it, so an id survives re-extraction.
pub fn mention_id(doc_id: &str, start: usize) -> SmolStr {
    smol_str::format_smolstr!("{doc_id}-m{start}")
}

/// The weekdays' English names, Monday first.
const WEEKDAY_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The first `weekday` (ISO number) after `from` (`direction` 1) or before it (-1), never `from`
/// itself ("the following Monday" after a Monday is a week on), and why, naming `what` `from` is.
fn weekday_from(from: NaiveDate, weekday: u32, direction: i32, what: &str) -> (NaiveDate, String) {
    let target = weekday_of(weekday);
    let step = Duration::days(if direction < 0 { -1 } else { 1 });
    let mut day = from + step;
    while day.weekday() != target {
        day += step;
    }
    let word = if direction < 0 { "before" } else { "after" };
    (day, format!("the first {} {word} {what}", day.format("%A")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_count_like_the_formatter() {
        assert_eq!(unit_name(Unit::Day, 1.0), "1 day");
        assert_eq!(unit_name(Unit::Half, 3.0), "3 half-years");
        for n in [0.0, -0.0, 0.25, 1.5, 2.0, 12.0, 1e15, 2.5e20, f64::NAN] {
            assert_eq!(unit_name(Unit::Week, n), format!("{n} weeks"));
        }
    }

    #[test]
    fn mention_ids_name_the_document_and_the_start() {
        assert_eq!(mention_id("d12", 7), "d12-m7");
        assert_eq!(mention_id("AFP_ENG_1997", 1042), "AFP_ENG_1997-m1042");
    }
}
