//! Dated phrases of one sentence that make one event between them: a range ("from 1980 to
//! 1988", "between 2004 and 2005", "in July and August", "on Friday and Saturday") is one span
//! of time, a time restated in brackets ("at around 9 am (0700 GMT)") is the same time, and a
//! period named by its last day ("the quarter ended Sept. 30") is dated by that day.
//! Without this a sentence got one event per phrase, each with the same label.

use crate::timeline::Mention;
use crate::timex::Interval;

/// The dated phrases that make one event, and the span they cover together when it is wider
/// than any one of them (a range).
pub struct Joined<'m> {
    pub mentions: Vec<&'m Mention>,
    pub span: Option<Interval>,
}

/// How a group of phrases joins the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// The two ends of one span of time, and the span.
    Range(Interval),
    /// The same time said again, in brackets.
    Restated,
    /// The last day of the period before it: "the six months ended Aug. 12".
    EndsOn,
}

/// The longest text between two phrases that can join them ("which ended").
const MAX_JOINING_BYTES: usize = 12;

/// Words between a period and a date that make the date its last day.
const ENDING_WORDS: &[&str] = &["ended", "ending", "that ended", "which ended"];

/// Words between two dated phrases that make them the ends of a range.
const RANGE_WORDS: &[&str] = &["to", "until", "till", "through", "-", "\u{2013}", "\u{2014}"];
/// Words between two dated phrases that join them as neighbours ("July and August").
const COORDINATIONS: &[&str] = &["and", "or"];
/// Words before the first phrase that make "and"/"to" join a range of any length ("between
/// 2006 and 2008", "from 1927 to 1956").
const RANGE_OPENERS: &[&str] = &["between", "from"];

/// Joins neighbouring groups of overlapping phrases (in text order; `byte_at` maps a code point
/// offset to a byte offset of `text`) where the text makes them one span or one time.
pub fn join<'m>(text: &str, byte_at: impl Fn(usize) -> usize, groups: Vec<Vec<&'m Mention>>) -> Vec<Joined<'m>> {
    let mut joined: Vec<Joined<'m>> = Vec::with_capacity(groups.len());
    for group in groups {
        let how = joined.last().and_then(|before| join_of(text, &byte_at, before, &group));
        match (how, joined.last_mut()) {
            (Some(Join::Range(span)), Some(before)) => {
                before.span = Some(span);
                before.mentions.extend(group);
            }
            (Some(Join::Restated), Some(before)) => before.mentions.extend(group),
            (Some(Join::EndsOn), Some(before)) => {
                before.span = time_of(&group);
                before.mentions.extend(group);
            }
            _ => joined.push(Joined { mentions: group, span: None }),
        }
    }
    joined
}

/// How `group` joins `before`, read from the words between them (and before `before`).
fn join_of(text: &str, byte_at: &impl Fn(usize) -> usize, before: &Joined, group: &[&Mention]) -> Option<Join> {
    let last_end = before.mentions.iter().map(|m| m.end).max()?;
    let first = group.first()?;
    let between = text.get(byte_at(last_end)..byte_at(first.start))?.trim();
    // Every joining word is short; a long stretch between two phrases joins nothing.
    if between.len() > MAX_JOINING_BYTES {
        return None;
    }
    if between == "(" && text.get(byte_at(first.end)..).is_some_and(|rest| rest.starts_with(')')) {
        return Some(Join::Restated);
    }
    let word = between.to_ascii_lowercase();
    if ENDING_WORDS.contains(&word.as_str()) {
        return Some(Join::EndsOn);
    }
    let (a, b) = (span_of(before)?, time_of(group)?);
    if b.start < a.start {
        return None;
    }
    let opened = || {
        let first_start = before.mentions.iter().map(|m| m.start).min().unwrap_or(0);
        let ahead = text.get(..byte_at(first_start)).unwrap_or("");
        let opener = ahead.split_whitespace().next_back().unwrap_or("").to_ascii_lowercase();
        RANGE_OPENERS.contains(&opener.as_str())
    };
    let neighbours = || b.start <= a.end + (a.end - a.start);
    let range =
        RANGE_WORDS.contains(&word.as_str()) || COORDINATIONS.contains(&word.as_str()) && (neighbours() || opened());
    range.then(|| Join::Range(Interval { start: a.start.min(b.start), end: a.end.max(b.end) }))
}

/// The time a joined group covers so far: its range, else its finest phrase's time.
fn span_of(joined: &Joined) -> Option<Interval> {
    joined.span.or_else(|| finest(&joined.mentions)?.interval)
}

/// The time of the finest placed phrase of `group` (the one an event takes).
fn time_of(group: &[&Mention]) -> Option<Interval> {
    finest(group)?.interval
}

/// The phrase of `group` with the finest granularity (the first of equals): the one that
/// dates the event.
pub fn finest<'m>(group: &[&'m Mention]) -> Option<&'m Mention> {
    group.iter().copied().filter(|m| m.interval.is_some()).min_by_key(|m| (m.granularity, m.start))
}
