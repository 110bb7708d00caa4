//! The chronology report (issue #11): the story in time order, grouped by day (or by the
//! period a coarser event names), each story event with every source's sentence quoted and
//! numbered to the list of sources, then the conflicts and agreements between sources. Built
//! once as a `Chronology` from the timeline with the user's edits (hidden events left out) and
//! written as Markdown (`markdown`) or as self-contained HTML (`html`).

pub mod html;
pub mod markdown;

use super::atomic;
use crate::time_text;
use crate::timeline::{Event, PlacementKind, SentenceRef, StoryEvent, Timeline};
use crate::timex::{day_label, Granularity};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

/// The two report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    /// `md`/`markdown` or `html`/`htm`, as an option value or a file extension.
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format a file name asks for by its extension.
    pub fn of_path(path: &Path) -> Option<Format> {
        path.extension().and_then(|e| e.to_str()).and_then(Format::parse)
    }
}

/// The report's content, independent of its format.
pub struct Chronology<'a> {
    pub day_zero: String,
    /// Why that day: "given: --anchor", "inferred: the day of ...".
    pub day_zero_why: Option<String>,
    pub sources: Vec<Source<'a>>,
    pub periods: Vec<Period<'a>>,
    pub conflicts: Vec<Finding<'a>>,
    pub agreements: Vec<Finding<'a>>,
}

/// A document, numbered from 1 in the timeline's order.
pub struct Source<'a> {
    pub number: usize,
    pub title: &'a str,
    pub path: &'a str,
    pub published: Option<&'a str>,
}

/// A day (or a coarser period) and what happened in it, in time order.
pub struct Period<'a> {
    pub heading: String,
    pub entries: Vec<Entry<'a>>,
}

/// One story event.
pub struct Entry<'a> {
    pub id: &'a str,
    /// The time within the period ("14:40", "morning"), when finer than the period.
    pub time: Option<String>,
    pub label: &'a str,
    /// "implied", "placed by context", "corrected", "disputed".
    pub marks: Vec<&'static str>,
    pub quotes: Vec<Quote<'a>>,
}

/// One source's sentence.
pub struct Quote<'a> {
    pub source: usize,
    pub sentence: &'a str,
}

/// A conflict or an agreement: what it is about, its explanation and each source's words.
pub struct Finding<'a> {
    pub subject: &'a str,
    pub explanation: &'a str,
    /// The entry (story event) concerned, when it is in the report.
    pub entry: Option<&'a str>,
    pub quotes: Vec<Quote<'a>>,
}

impl<'a> Chronology<'a> {
    pub fn of(timeline: &'a Timeline) -> Self {
        let numbers: HashMap<&str, usize> =
            timeline.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i + 1)).collect();
        let sources = timeline
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| Source { number: i + 1, title: &d.title, path: &d.path, published: d.dct.as_deref() })
            .collect();
        let disputed: std::collections::HashSet<&str> =
            timeline.conflicts.iter().filter_map(|c| c.story.as_deref()).collect();
        let periods = periods(timeline, &numbers, &disputed);
        let shown: std::collections::HashSet<&str> =
            periods.iter().flat_map(|p| p.entries.iter().map(|e| e.id)).collect();
        let claims = ClaimQuotes::new(timeline, &numbers);
        let finding =
            |subject: &'a str, explanation: &'a str, story: Option<&'a str>, claims_of: &'a [String]| Finding {
                subject,
                explanation,
                entry: story.filter(|s| shown.contains(s)),
                quotes: claims_of.iter().filter_map(|id| claims.quote(id)).collect(),
            };
        let conflicts = timeline
            .conflicts
            .iter()
            .map(|c| {
                let mut found = finding(&c.subject, &c.explanation, c.story.as_deref(), &c.claims);
                if found.quotes.is_empty() {
                    // A time conflict: the sentences of the events whose times disagree.
                    found.quotes = c.events.iter().filter_map(|id| claims.event_quote(id)).collect();
                }
                found
            })
            .collect();
        let agreements = timeline
            .agreements
            .iter()
            .map(|a| finding(&a.subject, &a.explanation, a.story.as_deref(), &a.claims))
            .collect();
        let why = timeline.anchor_source.as_ref().map(|s| format!("{}: {}", s.kind, s.explanation));
        Chronology { day_zero: day_label(timeline.anchor), day_zero_why: why, sources, periods, conflicts, agreements }
    }

    /// How many story events the report lists.
    pub fn entry_count(&self) -> usize {
        self.periods.iter().map(|p| p.entries.len()).sum()
    }
}

/// Claims and events by id, quoted with their source's number.
struct ClaimQuotes<'a, 'n> {
    claims: HashMap<&'a str, (&'a str, &'a str)>,
    events: HashMap<&'a str, &'a Event>,
    numbers: &'n HashMap<&'a str, usize>,
}

impl<'a, 'n> ClaimQuotes<'a, 'n> {
    fn new(timeline: &'a Timeline, numbers: &'n HashMap<&'a str, usize>) -> Self {
        let events: HashMap<&str, &Event> = timeline.events.iter().map(|e| (e.id.as_str(), e)).collect();
        // The sentences the events quote, per document, to quote a claim's whole sentence.
        let mut sentences: HashMap<&str, Vec<&SentenceRef>> = HashMap::new();
        for e in &timeline.events {
            sentences.entry(&*e.doc).or_default().push(&e.sentence);
        }
        let claims = timeline
            .claims
            .iter()
            .map(|c| {
                let around = sentences
                    .get(&*c.doc)
                    .and_then(|all| all.iter().find(|s| s.start <= c.start && c.end <= s.end).map(|s| &*s.text));
                (c.id.as_str(), (&*c.doc, around.unwrap_or(c.text.as_str())))
            })
            .collect();
        ClaimQuotes { claims, events, numbers }
    }

    fn quote(&self, claim: &str) -> Option<Quote<'a>> {
        let (doc, words) = self.claims.get(claim)?;
        Some(Quote { source: *self.numbers.get(doc)?, sentence: words })
    }

    fn event_quote(&self, event: &str) -> Option<Quote<'a>> {
        let e = self.events.get(event)?;
        Some(Quote { source: *self.numbers.get(&*e.doc)?, sentence: &e.sentence.text })
    }
}

/// The story events with a visible event, in time order, grouped under their period headings
/// (a heading met again later joins its first group).
fn periods<'a>(
    timeline: &'a Timeline,
    numbers: &HashMap<&str, usize>,
    disputed: &std::collections::HashSet<&str>,
) -> Vec<Period<'a>> {
    let mut members: HashMap<&str, Vec<&Event>> = HashMap::new();
    let mut loose: Vec<&Event> = Vec::new();
    for e in timeline.events.iter().filter(|e| !e.hidden) {
        match e.story.as_deref() {
            Some(story) => members.entry(story).or_default().push(e),
            None => loose.push(e),
        }
    }
    let mut entries: Vec<(Placement, Entry)> = timeline
        .stories
        .iter()
        .filter_map(|story| {
            let events = members.get(story.id.as_str())?;
            Some((Placement::of_story(story), entry(&story.id, &story.label, events, numbers, disputed)))
        })
        .collect();
    entries.extend(loose.iter().map(|e| (Placement::of_event(e), entry(&e.id, &e.label, &[*e], numbers, disputed))));
    entries.sort_by(|(a, ea), (b, eb)| (a.start, a.end, ea.id).cmp(&(b.start, b.end, eb.id)));
    let mut periods: Vec<Period> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (placement, mut entry) in entries {
        let (heading, time) = placement.heading_and_time();
        entry.time = time;
        let at = *index.entry(heading.clone()).or_insert_with(|| {
            periods.push(Period { heading, entries: Vec::new() });
            periods.len() - 1
        });
        periods[at].entries.push(entry);
    }
    periods
}

fn entry<'a>(
    id: &'a str,
    label: &'a str,
    events: &[&'a Event],
    numbers: &HashMap<&str, usize>,
    disputed: &std::collections::HashSet<&str>,
) -> Entry<'a> {
    let mut marks = Vec::new();
    if events.iter().all(|e| e.implied.is_some()) {
        marks.push("implied");
    }
    if events.iter().all(|e| e.placement != PlacementKind::Phrase) {
        marks.push("placed by context");
    }
    if events.iter().any(|e| e.edited) {
        marks.push("corrected");
    }
    if disputed.contains(id) {
        marks.push("disputed");
    }
    let mut quotes: Vec<Quote> = events
        .iter()
        .filter_map(|e| Some(Quote { source: *numbers.get(&*e.doc)?, sentence: &e.sentence.text }))
        .collect();
    quotes.sort_by_key(|q| q.source);
    quotes.dedup_by(|a, b| a.source == b.source && a.sentence == b.sentence);
    Entry { id, time: None, label, marks, quotes }
}

/// Where an entry sits.
struct Placement {
    start: chrono::NaiveDateTime,
    end: chrono::NaiveDateTime,
    granularity: Granularity,
}

impl Placement {
    fn of_story(story: &StoryEvent) -> Self {
        Placement { start: story.start, end: story.end, granularity: story.granularity }
    }

    fn of_event(e: &Event) -> Self {
        Placement { start: e.start, end: e.end, granularity: e.granularity }
    }

    /// The period heading ("Wed 22 Mar 2017", "March 2017", "the 1990s") and, for a time
    /// within one day, that time ("14:40", "evening").
    fn heading_and_time(&self) -> (String, Option<String>) {
        let within_a_day = self.end - self.start <= chrono::Duration::days(1);
        if self.granularity < Granularity::Day && within_a_day {
            let full = time_text::at_granularity(self.start, self.granularity);
            let day = day_label(self.start.date());
            let time = full.strip_prefix(&day).map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
            return (day, time);
        }
        (time_text::placement(self.start, self.end, self.granularity), None)
    }
}

/// Writes the report of `timeline` in `format` into `out`.
pub fn to_writer<W: Write>(timeline: &Timeline, format: Format, mut out: W) -> io::Result<()> {
    let chronology = Chronology::of(timeline);
    let text = match format {
        Format::Markdown => markdown::render(&chronology),
        Format::Html => html::render(&chronology),
    };
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes the report of `timeline` to `path` through the safe writer.
pub fn write_file(path: &Path, timeline: &Timeline, format: Format) -> io::Result<()> {
    atomic::write_atomic_with(path, |out| to_writer(timeline, format, out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> chrono::NaiveDateTime {
        NaiveDate::from_ymd_opt(2017, 3, d).unwrap().and_hms_opt(h, m, 0).unwrap()
    }

    fn read(
        start: chrono::NaiveDateTime,
        end: chrono::NaiveDateTime,
        granularity: Granularity,
    ) -> (String, Option<String>) {
        Placement { start, end, granularity }.heading_and_time()
    }

    /// A time within a day goes under that day with its clock time or part of day; a day or a
    /// coarser period is its own heading.
    #[test]
    fn entries_go_under_their_day_or_their_period() {
        assert_eq!(
            read(at(22, 14, 40), at(22, 14, 41), Granularity::Minute),
            ("Wed 22 Mar 2017".into(), Some("14:40".into()))
        );
        assert_eq!(
            read(at(22, 18, 0), at(23, 0, 0), Granularity::PartOfDay),
            ("Wed 22 Mar 2017".into(), Some("evening".into()))
        );
        assert_eq!(read(at(22, 0, 0), at(23, 0, 0), Granularity::Day), ("Wed 22 Mar 2017".into(), None));
        assert_eq!(read(at(1, 0, 0), at(31, 0, 0), Granularity::Month).0, "March 2017");
    }

    /// Article text reads as written in both formats: no emphasis, link, raw HTML or entity.
    #[test]
    fn article_text_never_becomes_markup() {
        let text = "Police *said* [it] was <b>over</b> & done_with `it`\nnext line";
        assert_eq!(
            markdown::escape(text),
            "Police \\*said\\* \\[it\\] was \\<b\\>over\\</b\\> \\& done\\_with \\`it\\` next line"
        );
        assert_eq!(markdown::link("my articles/a (1)>.txt"), "my%20articles/a%20%281%29%3E.txt");
        assert_eq!(Format::of_path(Path::new("out/Chronology.HTML")), Some(Format::Html));
        assert_eq!(Format::of_path(Path::new("chronology.txt")), None);
    }
}
