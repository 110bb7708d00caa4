//! Event dating against TimeML gold (issue #10 §1): the gold TLINKs say which events happened on
//! a date (an EVENT `IS_INCLUDED` in, `DURING`, `SIMULTANEOUS` with, `BEGINS` or `ENDS` a dated
//! TIMEX3 or the publication date, or the same as such an event); a sentence holding one is a
//! sentence that reports a dated event. Recall is the share of those sentences that Chronoscope
//! gives an event; precision the share of its events in them that start on a gold date. The unit
//! is the sentence, as in `tests/event_gold.rs`: which of a sentence's events an event stands for
//! is not asked. States (`STATE`, `I_STATE`) are not happenings and date no sentence.

use crate::ingest::timeml::{LinkEnd, ParsedTimeMl};
use crate::text::offsets::CharOffsets;
use crate::text::sentences;
use crate::timeline::{Event, PlacementKind};
use crate::timex::TimexType;
use chrono::{Duration, Months, NaiveDate};
use std::collections::HashMap;

/// A gold date as the days it covers, half-open: a day, an ISO week, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoldDate {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl GoldDate {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day < self.end
    }
}

/// A TIMEX3 value that names a day, week, month or year (`1998-01-20`, `1998-01-20T18:30`,
/// `1998-W03`, `1998-01`, `1998`); anything vaguer dates nothing.
pub fn parse_gold_date(value: &str) -> Option<GoldDate> {
    let date = value.split('T').next()?.trim();
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, digits: usize| -> Option<u32> {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let year = i32::try_from(number(parts.first()?, 4)?).ok()?;
    let (start, end) = match parts.as_slice() {
        [_] => (NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year + 1, 1, 1)?),
        [_, week] if week.starts_with('W') => {
            let start = NaiveDate::from_isoywd_opt(year, number(&week[1..], 2)?, chrono::Weekday::Mon)?;
            (start, start + Duration::days(7))
        }
        [_, month] => {
            let month = number(month, 2)?;
            let start = NaiveDate::from_ymd_opt(year, month, 1)?;
            (start, start.checked_add_months(Months::new(1))?)
        }
        [_, month, day] => {
            let start = NaiveDate::from_ymd_opt(year, number(month, 2)?, number(day, 2)?)?;
            (start, start.succ_opt()?)
        }
        _ => return None,
    };
    Some(GoldDate { start, end })
}

/// Relations in which an event (first) lies within a time (second).
const EVENT_WITHIN_TIME: &[&str] = &["IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"];
/// The same relations with the time first.
const TIME_AROUND_EVENT: &[&str] = &["INCLUDES", "DURING_INV", "SIMULTANEOUS", "IDENTITY", "BEGUN_BY", "ENDED_BY"];
/// Relations between two events that give them the same time.
const SAME_TIME: &[&str] = &["SIMULTANEOUS", "IDENTITY"];
/// Event classes that are not happenings.
const STATE_CLASSES: &[&str] = &["STATE", "I_STATE"];

/// The gold dates of each event (by `eid`) that the TLINKs tie to a date, directly or through
/// events with the same time.
pub fn event_dates(parsed: &ParsedTimeMl) -> HashMap<String, Vec<GoldDate>> {
    let mut times: HashMap<&str, GoldDate> = parsed
        .timexes
        .iter()
        .filter(|t| matches!(t.timex_type, TimexType::Date | TimexType::Time))
        .filter_map(|t| Some((t.tid.as_str(), parse_gold_date(&t.value)?)))
        .collect();
    if let (Some(tid), Some(date)) = (&parsed.dct_tid, parsed.dct.as_deref().and_then(parse_gold_date)) {
        times.insert(tid, date);
    }
    let event_of: HashMap<&str, &str> = parsed.instances.iter().map(|(ei, e)| (ei.as_str(), e.as_str())).collect();
    let instance = |end: &LinkEnd| match end {
        LinkEnd::EventInstance(ei) => event_of.get(ei.as_str()).copied(),
        LinkEnd::Time(_) => None,
    };
    let time = |end: &LinkEnd| match end {
        LinkEnd::Time(t) => times.get(t.as_str()).copied(),
        LinkEnd::EventInstance(_) => None,
    };
    let mut dates: HashMap<String, Vec<GoldDate>> = HashMap::new();
    let mut same: Vec<(&str, &str)> = Vec::new();
    for link in &parsed.links {
        let rel = link.rel_type.as_str();
        match (instance(&link.from), time(&link.to), time(&link.from), instance(&link.to)) {
            (Some(event), Some(date), _, _) if EVENT_WITHIN_TIME.contains(&rel) => add_date(&mut dates, event, date),
            (_, _, Some(date), Some(event)) if TIME_AROUND_EVENT.contains(&rel) => add_date(&mut dates, event, date),
            (Some(a), _, _, Some(b)) if SAME_TIME.contains(&rel) => same.push((a, b)),
            _ => {}
        }
    }
    // Events with the same time share their dates (a short chain at most: three rounds).
    for _ in 0..3 {
        for &(a, b) in &same {
            for (from, to) in [(a, b), (b, a)] {
                let shared: Vec<GoldDate> = dates.get(from).cloned().unwrap_or_default();
                for date in shared {
                    add_date(&mut dates, to, date);
                }
            }
        }
    }
    dates
}

fn add_date(dates: &mut HashMap<String, Vec<GoldDate>>, eid: &str, date: GoldDate) {
    let known = dates.entry(eid.to_string()).or_default();
    if !known.contains(&date) {
        known.push(date);
    }
}

/// A sentence of the document (code point offsets) that reports a dated event, with its dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSentence {
    pub start: usize,
    pub end: usize,
    pub dates: Vec<GoldDate>,
}

/// The document's sentences (as Chronoscope splits them) that hold a dated gold happening.
pub fn dated_sentences(text: &str, breaks: &[usize], parsed: &ParsedTimeMl) -> Vec<GoldSentence> {
    let dates = event_dates(parsed);
    let offsets = CharOffsets::new(text);
    let mut gold: Vec<GoldSentence> = sentences::split_at_breaks(text, breaks)
        .iter()
        .map(|s| GoldSentence { start: offsets.char_at(s.start), end: offsets.char_at(s.end), dates: Vec::new() })
        .collect();
    for event in parsed.events.iter().filter(|e| !STATE_CLASSES.contains(&e.class.as_str())) {
        let Some(event_dates) = dates.get(&event.eid) else { continue };
        let at = gold.partition_point(|s| s.end <= event.start);
        if let Some(sentence) = gold.get_mut(at).filter(|s| s.start <= event.start) {
            for date in event_dates {
                if !sentence.dates.contains(date) {
                    sentence.dates.push(*date);
                }
            }
        }
    }
    gold.retain(|s| !s.dates.is_empty());
    gold
}

/// Counts of one way of scoring.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DatingCounts {
    /// Sentences that report a dated event.
    pub reporting: usize,
    /// Of those, the ones with at least one event.
    pub found: usize,
    /// Events in those sentences.
    pub placed: usize,
    /// Of those, the ones that start on a gold date of their sentence.
    pub right: usize,
}

impl DatingCounts {
    pub fn add(&mut self, other: &DatingCounts) {
        self.reporting += other.reporting;
        self.found += other.found;
        self.placed += other.placed;
        self.right += other.right;
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found, self.reporting)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.right, self.placed)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// One document's event-dating scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DatingScore {
    pub name: String,
    /// Every event Chronoscope places.
    pub all: DatingCounts,
    /// Only events dated by a time phrase of their own (context placement off).
    pub phrase_only: DatingCounts,
    /// Per way of placing (`PLACEMENTS`): events placed and right.
    pub by_placement: [(usize, usize); PLACEMENTS.len()],
    /// Sentences whose gold dates include the publication date: what dating every event at its
    /// article's publication date would get right.
    pub publication_date_right: usize,
    /// One line per sentence with no event or with a wrongly dated one.
    pub errors: Vec<String>,
}

impl DatingScore {
    /// Adds another document's counts (its errors too).
    pub fn add(&mut self, other: &DatingScore) {
        self.all.add(&other.all);
        self.phrase_only.add(&other.phrase_only);
        for (total, (placed, right)) in self.by_placement.iter_mut().zip(other.by_placement) {
            total.0 += placed;
            total.1 += right;
        }
        self.publication_date_right += other.publication_date_right;
        self.errors.extend(other.errors.iter().cloned());
    }
}

/// The ways an event is placed, as the report names them: its own phrase, the context
/// placements by what placed them (told by their explanation), and a relation.
pub const PLACEMENTS: [&str; 7] = [
    "phrase",
    "context: statement",
    "context: lede",
    "context: report",
    "context: present perfect",
    "context: paragraph",
    "relation",
];

fn placement_index(event: &Event) -> usize {
    let why = event.placement_explanation.as_deref().unwrap_or("");
    match event.placement {
        PlacementKind::Phrase => 0,
        PlacementKind::Context if why.contains("a statement") => 1,
        PlacementKind::Context if why.contains("a lede") => 2,
        PlacementKind::Context if why.contains("a report with no time phrase") => 3,
        PlacementKind::Context if why.contains("present perfect") => 4,
        PlacementKind::Context => 5,
        PlacementKind::Relation => 6,
    }
}

/// Scores the events extracted from one document against its dated sentences.
pub fn score_events(
    name: &str,
    text: &str,
    gold: &[GoldSentence],
    events: &[Event],
    dct: Option<NaiveDate>,
) -> DatingScore {
    let mut in_sentence: HashMap<usize, Vec<&Event>> = HashMap::new();
    for event in events.iter().filter(|e| e.implied.is_none()) {
        in_sentence.entry(event.sentence.start).or_default().push(event);
    }
    let mut score = DatingScore { name: name.to_string(), ..DatingScore::default() };
    for sentence in gold {
        let events = in_sentence.get(&sentence.start).map_or(&[][..], Vec::as_slice);
        let on_gold_date = |e: &&Event| sentence.dates.iter().any(|d| d.contains(e.start.date()));
        count(&mut score.all, events.iter(), on_gold_date);
        count(&mut score.phrase_only, events.iter().filter(|e| e.placement == PlacementKind::Phrase), on_gold_date);
        for event in events {
            let slot = &mut score.by_placement[placement_index(event)];
            slot.0 += 1;
            slot.1 += usize::from(on_gold_date(event));
        }
        score.publication_date_right += usize::from(dct.is_some_and(|d| sentence.dates.iter().any(|g| g.contains(d))));
        if events.is_empty() || !events.iter().all(on_gold_date) {
            score.errors.push(error_line(name, text, sentence, events));
        }
    }
    score
}

fn count<'a>(counts: &mut DatingCounts, events: impl Iterator<Item = &'a &'a Event>, right: impl Fn(&&Event) -> bool) {
    counts.reporting += 1;
    let mut any = false;
    for event in events {
        any = true;
        counts.placed += 1;
        counts.right += usize::from(right(event));
    }
    counts.found += usize::from(any);
}

fn error_line(name: &str, text: &str, sentence: &GoldSentence, events: &[&Event]) -> String {
    let gold: Vec<String> = sentence
        .dates
        .iter()
        .map(|d| {
            if d.end == d.start.succ_opt().unwrap_or(d.end) {
                d.start.to_string()
            } else {
                format!("{}..{}", d.start, d.end)
            }
        })
        .collect();
    let got: Vec<String> =
        events.iter().map(|e| format!("{} {} {:?}", e.start.date(), PLACEMENTS[placement_index(e)], e.label)).collect();
    let words: String = text.chars().skip(sentence.start).take(sentence.end - sentence.start).collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{name}: {} gold [{}] got [{}] | {words}",
        if events.is_empty() { "MISS " } else { "WRONG" },
        gold.join(", "),
        got.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::timeml;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn gold_dates_cover_their_unit() {
        let d = parse_gold_date("1998-01-20T18:30").unwrap();
        assert_eq!((d.start, d.end), (day("1998-01-20"), day("1998-01-21")));
        let m = parse_gold_date("1998-12").unwrap();
        assert_eq!((m.start, m.end), (day("1998-12-01"), day("1999-01-01")));
        let w = parse_gold_date("1998-W03").unwrap();
        assert_eq!((w.start, w.end), (day("1998-01-12"), day("1998-01-19")));
        assert!(parse_gold_date("1998").unwrap().contains(day("1998-07-01")));
        for vague in ["PAST_REF", "1998-Q1", "199X", "P3Y", "1998-SU", "", "98-01-20"] {
            assert_eq!(parse_gold_date(vague), None, "{vague}");
        }
    }

    const DOC: &str = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-20" functionInDocument="CREATION_TIME">01/20/1998</TIMEX3></DCT>
<TEXT><s>Police <EVENT eid="e1" class="OCCURRENCE">arrested</EVENT> two men <TIMEX3 tid="t1" type="DATE" value="1998-01-18">Sunday</TIMEX3>.</s>
<s>The men <EVENT eid="e2" class="STATE">are</EVENT> brothers.</s>
<s>They were <EVENT eid="e3" class="OCCURRENCE">charged</EVENT> and <EVENT eid="e4" class="OCCURRENCE">released</EVENT>.</s>
<s>Nobody <EVENT eid="e5" class="OCCURRENCE">knows</EVENT> more.</s></TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1"/><MAKEINSTANCE eiid="ei2" eventID="e2"/><MAKEINSTANCE eiid="ei3" eventID="e3"/>
<MAKEINSTANCE eiid="ei4" eventID="e4"/><MAKEINSTANCE eiid="ei5" eventID="e5"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei2"/>
<TLINK lid="l3" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t0"/>
<TLINK lid="l4" relType="SIMULTANEOUS" eventInstanceID="ei4" relatedToEventInstance="ei3"/>
<TLINK lid="l5" relType="BEFORE" eventInstanceID="ei5" relatedToTime="t0"/></TimeML>"#;

    #[test]
    fn tlinks_date_events_directly_through_times_and_through_simultaneous_events() {
        let parsed = timeml::parse(DOC).unwrap();
        assert_eq!(parsed.dct_tid.as_deref(), Some("t0"));
        assert_eq!(parsed.events.len(), 5);
        let dates = event_dates(&parsed);
        assert_eq!(dates["e1"], vec![parse_gold_date("1998-01-18").unwrap()]);
        assert_eq!(dates["e2"], vec![parse_gold_date("1998-01-20").unwrap()], "the DCT includes e2");
        assert_eq!(dates["e4"], dates["e3"], "simultaneous with e3");
        assert!(!dates.contains_key("e5"), "before the DCT is no date");
    }

    #[test]
    fn states_and_undated_events_date_no_sentence() {
        let parsed = timeml::parse(DOC).unwrap();
        let gold = dated_sentences(&parsed.text, &parsed.breaks, &parsed);
        let texts: Vec<String> =
            gold.iter().map(|s| parsed.text.chars().skip(s.start).take(s.end - s.start).collect()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].starts_with("Police arrested"), "{texts:?}");
        assert!(texts[1].starts_with("They were charged"), "{texts:?}");
    }
}
