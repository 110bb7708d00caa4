//! Publication dates written in an article's text when its file states none: a byline or dateline
//! near the top ("Valley Times, Tuesday 17 September 2019", "Published March 23, 2017", "LONDON,
//! March 23, 2017 (Reuters) -"). Only lines shaped like one count, so a headline with a date in it
//! ("Fire on March 3, 2017 kills four") is not taken for the publication date. Beside a file's own
//! date, the dateline says the day the story was filed (`filed`), which may leave out the year
//! ("WASHINGTON, March 12 (Xinhua) --").

use crate::tagger::{self, sem::Sem};

/// How many non-empty lines from the top a byline may be on.
const MAX_LINES: usize = 8;
/// A byline or dateline is short.
const MAX_LINE_CHARS: usize = 160;

/// Words that open a byline line ("Published March 23, 2017").
const OPENERS: &[&str] = &["published", "updated", "posted", "last updated", "first published", "date", "dated", "by"];
/// Lower-case words a byline may hold besides names and the date.
const BYLINE_WORDS: &[&str] =
    &["by", "and", "of", "the", "on", "at", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "edt", "est", "bst"];

/// A publication date found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The date (and clock time when given) as a TIMEX3 value: `2017-03-23`, `2017-03-23T10:32`.
    pub value: String,
    /// Byte span of the date phrase in the text (weekday and clock time included).
    pub start: usize,
    pub end: usize,
}

/// The publication date of `text` from its byline or dateline, if it has one.
pub fn find(text: &str) -> Option<Byline> {
    top_lines(text).find_map(|(line, start)| byline_in(line, start))
}

/// The day a story with publication date `published` was filed, from a byline or a dateline
/// near its top. A dateline may leave out the year ("WASHINGTON, March 12 (Xinhua) --"): it is
/// then the last such day on or before `published`.
pub fn filed(text: &str, published: chrono::NaiveDate) -> Option<Byline> {
    // One tagging per line serves both readings; a full date anywhere wins over a year-less one.
    let mut without_year = None;
    for (line, start) in top_lines(text) {
        let mentions = tagger::tag(line);
        if let Some(found) = byline_among(line, start, &mentions) {
            return Some(found);
        }
        if without_year.is_none() {
            without_year = dateline_without_year(line, start, &mentions, published);
        }
    }
    without_year
}

/// The lines of the top of `text` a byline may be on (short ones, or ones opening like a
/// dateline, among the first `MAX_LINES` non-empty ones), each with its byte offset.
fn top_lines(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .map(move |line| {
            let start = offset;
            offset += line.len();
            (line, start)
        })
        .filter(|(line, _)| !line.trim().is_empty())
        .take(MAX_LINES)
        .filter(|(line, _)| {
            let trimmed = line.trim();
            trimmed.chars().count() <= MAX_LINE_CHARS || is_dateline_start(trimmed)
        })
}

/// "WASHINGTON, March 12 (Xinhua) --": a dateline whose date has a month and day only.
fn dateline_without_year(
    line: &str,
    line_start: usize,
    mentions: &[tagger::RawMention],
    published: chrono::NaiveDate,
) -> Option<Byline> {
    use chrono::Datelike;
    let date = mentions.first()?;
    let Sem::Calendar { year: None, month: Some(month), day: Some(day) } = date.sem else { return None };
    if !is_dateline(&line[..date.start], &line[date.end..]) {
        return None;
    }
    let this_year = chrono::NaiveDate::from_ymd_opt(published.year(), month, day);
    let day = match this_year {
        Some(d) if d <= published => d,
        _ => chrono::NaiveDate::from_ymd_opt(published.year() - 1, month, day)?,
    };
    let value = day.format("%Y-%m-%d").to_string();
    Some(Byline { value, start: line_start + date.start, end: line_start + date.end })
}

/// A file's publication date that is not a TIMEX3 date ("03-02-2009", "03/02/2009": month and
/// day in an order the value does not say), read as the dateline in the text confirms it: the
/// reading of the two that falls on the dateline's day, with that byline. `None` when the text
/// has no dateline or it agrees with neither reading (the value is then kept, and reported).
pub fn confirm_dct(value: &str, text: &str) -> Option<(String, Byline)> {
    let byline = find(text)?;
    let day = byline.value.get(..10)?;
    ambiguous_day_readings(value).into_iter().any(|reading| reading == day).then(|| (byline.value.clone(), byline))
}

/// The calendar days "NN-NN-YYYY" or "NN/NN/YYYY" can be: month first, or day first.
fn ambiguous_day_readings(value: &str) -> Vec<String> {
    let parts: Vec<&str> = value.trim().split(['-', '/', '.']).collect();
    let [a, b, year] = parts[..] else { return Vec::new() };
    let numbers = (a.parse::<u32>(), b.parse::<u32>(), year.parse::<i32>());
    let (Ok(a), Ok(b), Ok(year)) = numbers else { return Vec::new() };
    if year < 1000 {
        return Vec::new();
    }
    [(a, b), (b, a)]
        .into_iter()
        .filter_map(|(month, day)| chrono::NaiveDate::from_ymd_opt(year, month, day))
        .map(|date| date.format("%Y-%m-%d").to_string())
        .collect()
}

/// The full date of `line` (at byte `line_start` of the text) when the line reads as a byline or
/// dateline around it.
fn byline_in(line: &str, line_start: usize) -> Option<Byline> {
    byline_among(line, line_start, &tagger::tag(line))
}

/// `byline_in` with the line's time phrases already found.
fn byline_among(line: &str, line_start: usize, mentions: &[tagger::RawMention]) -> Option<Byline> {
    let (index, value) = mentions.iter().enumerate().find_map(|(i, m)| timex_of_date(&m.sem).map(|v| (i, v)))?;
    let date = &mentions[index];
    // A weekday or clock time right before the date belongs to it ("Tuesday 17 September 2019").
    let start = mentions[..index]
        .iter()
        .rev()
        .take_while(|m| line[m.end..date.start].trim_matches([' ', ',']).is_empty())
        .last()
        .map_or(date.start, |m| m.start);
    let before = &line[..start];
    let after = &line[date.end..];
    let shaped = opens_byline(before) || (names_only(before) && ends_line(after)) || is_dateline(before, after);
    shaped.then(|| Byline { value, start: line_start + start, end: line_start + date.end })
}

/// The TIMEX3 value of a full calendar date (with its clock time when the phrase gives one).
fn timex_of_date(sem: &Sem) -> Option<String> {
    match sem {
        Sem::Calendar { year: Some(y), month: Some(m), day: Some(d) } => {
            chrono::NaiveDate::from_ymd_opt(*y, *m, *d).map(|date| date.format("%Y-%m-%d").to_string())
        }
        Sem::Clock { hour, minute, base: Some(base) } => {
            let day = timex_of_date(base)?;
            Some(format!("{day}T{hour:02}:{minute:02}"))
        }
        _ => None,
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '—' | '–' | '-' | ':' | '/'))
        .filter(|w| !w.is_empty())
}

/// "Published", "Updated", "By Jane Doe, Valley Times," before the date.
fn opens_byline(before: &str) -> bool {
    let lower = before.trim_start().to_lowercase();
    OPENERS.iter().any(|opener| {
        lower.strip_prefix(opener).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', ',']))
    }) && names_only(before)
}

/// Nothing but names (capitalised words) and byline glue words: an outlet, a place, an author.
fn names_only(text: &str) -> bool {
    words(text).all(|w| {
        let lower = w.to_lowercase();
        w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || BYLINE_WORDS.contains(&lower.as_str())
            || OPENERS.contains(&lower.as_str())
    })
}

/// Only punctuation, a clock time or a time zone after the date.
fn ends_line(after: &str) -> bool {
    words(after).all(|w| {
        let lower = w.to_lowercase();
        BYLINE_WORDS.contains(&lower.as_str()) || w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ':')
    })
}

/// "LONDON, March 23, 2017 (Reuters) -": a place in capitals, the date, an optional agency in
/// brackets and a dash.
fn is_dateline(before: &str, after: &str) -> bool {
    let place = before.trim().trim_end_matches(',');
    let place_ok = !place.is_empty()
        && place.chars().all(|c| c.is_uppercase() || c.is_whitespace() || c == '.' || c == '\'')
        && place.chars().any(char::is_alphabetic);
    let rest = after.trim_start_matches([',', ' ']);
    let rest = match rest.strip_prefix('(') {
        Some(agency) => agency.split_once(')').map_or("", |(_, tail)| tail).trim_start(),
        None => rest,
    };
    place_ok && (rest.starts_with(['-', '—', '–']) || rest.starts_with("--"))
}

fn is_dateline_start(line: &str) -> bool {
    line.split(',').next().is_some_and(|place| {
        place.len() < 40 && place.chars().any(char::is_alphabetic) && !place.chars().any(char::is_lowercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #10 §4, regression: a TimeML DCT written "03-02-2009" was rejected and the
    /// document resolved against day zero; the dateline that agrees with one reading fixes it.
    #[test]
    fn an_ambiguous_file_date_is_read_as_the_dateline_confirms() {
        let text = "WASHINGTON, March 2, 2009 (AP) - The Senate met on Monday.";
        let (value, byline) = confirm_dct("03-02-2009", text).unwrap();
        assert_eq!(value, "2009-03-02");
        assert_eq!(&text[byline.start..byline.end], "March 2, 2009");
        assert_eq!(confirm_dct("02/03/2009", text).map(|(v, _)| v).as_deref(), Some("2009-03-02"));
        assert_eq!(confirm_dct("04-02-2009", text), None, "neither reading is the dateline's day");
        assert_eq!(confirm_dct("03-02-2009", "The Senate met on Monday."), None, "no dateline");
        assert_eq!(confirm_dct("soon", text), None);
    }

    /// Issue #10: wire copy dated the day after it was filed ("WASHINGTON, March 12 (Xinhua) --"
    /// in a story of 13 March) placed its undated statements on the 13th.
    #[test]
    fn a_dateline_without_a_year_is_the_last_such_day_on_or_before_publication() {
        let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let filed_on = |text: &str, published: &str| filed(text, day(published)).map(|b| b.value);
        let text = "Poland Joins NATO\n\nWASHINGTON, March 12 (Xinhua) --\n\nPoland joined NATO on Friday.";
        assert_eq!(filed_on(text, "1999-03-13").as_deref(), Some("1999-03-12"));
        let byline = filed(text, day("1999-03-13")).unwrap();
        assert_eq!(&text[byline.start..byline.end], "March 12");
        assert_eq!(
            filed_on("JOHANNESBURG, December 31 (Xinhua) -- Talks ended.", "2000-01-01").as_deref(),
            Some("1999-12-31")
        );
        assert_eq!(filed_on("The talks ended on March 12 (Friday) -- at last.", "1999-03-13"), None, "not a dateline");
        assert_eq!(filed_on("Talks ended.", "1999-03-13"), None);
    }

    fn value(text: &str) -> Option<String> {
        find(text).map(|b| b.value)
    }

    #[test]
    fn bylines_and_datelines_give_the_publication_date() {
        assert_eq!(
            value("Bridge reopens\nValley Times, Tuesday 17 September 2019\n\nThe bridge..."),
            Some("2019-09-17".into())
        );
        assert_eq!(value("Published March 23, 2017\n\nPolice said..."), Some("2017-03-23".into()));
        assert_eq!(value("LONDON, March 23, 2017 (Reuters) - Police said on Thursday..."), Some("2017-03-23".into()));
        assert_eq!(value("By Jane Doe | Updated 10:32 GMT, 23 March 2017\n\nText."), Some("2017-03-23T10:32".into()));
        let text = "Bridge reopens\nValley Times, Tuesday 17 September 2019\n";
        let byline = find(text).unwrap();
        assert_eq!(&text[byline.start..byline.end], "Tuesday 17 September 2019");
    }

    #[test]
    fn dates_in_headlines_and_sentences_are_not_bylines() {
        assert_eq!(value("Fire on March 3, 2017 kills four\n\nThe fire..."), None);
        assert_eq!(value("The council met on March 3, 2017 and voted."), None);
        assert_eq!(value("LONDON, March 23 (Reuters) - Police said"), None, "no year: not a full date");
        let deep = "Line\n".repeat(10) + "Published March 23, 2017\n";
        assert_eq!(value(&deep), None, "a byline is near the top");
    }
}
