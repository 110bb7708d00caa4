//! TimelineJS 3 export (issue #11): Knight Lab's JSON format, so a newsroom can publish the
//! story as it stands. One slide per story event the user has not hidden entirely, in time
//! order: `start_date` / `end_date` as date parts down to the event's granularity (a year, a
//! month, a day, or a day and a clock time), `text.headline` the story event's label,
//! `text.text` each source's sentence with its document title (HTML-escaped, since TimelineJS
//! renders it as HTML), `group` the source's title when one source reports it, and
//! `unique_id` the story event's id. `media` is left out; the `title` slide names the story's
//! documents. Field mapping: docs/json-format.md, "TimelineJS export".

use super::atomic;
use super::csv::visible_in_time_order;
use super::html_text::escape;
use crate::timeline::{Event, Timeline};
use crate::timex::Granularity;
use chrono::{Datelike, NaiveDateTime, Timelike};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

#[derive(Serialize)]
struct Document<'a> {
    title: Slide,
    events: Vec<Slide>,
    scale: &'a str,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<DateParts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<DateParts>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// A TimelineJS date: the year, then only the parts the granularity knows.
#[derive(Serialize, Debug, PartialEq)]
struct DateParts {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hour: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<u32>,
}

fn parts(t: NaiveDateTime, granularity: Granularity) -> DateParts {
    let month = granularity <= Granularity::Half;
    let day = granularity <= Granularity::Week;
    let clock = granularity <= Granularity::PartOfDay;
    DateParts {
        year: t.year(),
        month: month.then(|| t.month()),
        day: day.then(|| t.day()),
        hour: clock.then(|| t.hour()),
        minute: clock.then(|| t.minute()),
    }
}

/// The slide of one story event: its label, time and every source's sentence.
fn slide(timeline: &Timeline, id: &str, events: &[&Event]) -> Option<Slide> {
    let first = events.first()?;
    let story = timeline.story(id);
    let (label, start, end, granularity) = match story {
        Some(s) => (s.label.as_str(), s.start, s.end, s.granularity),
        None => (first.label.as_str(), first.start, first.end, first.granularity),
    };
    let title = |e: &Event| timeline.document(&e.doc).map_or_else(|| e.doc.to_string(), |d| d.title.clone());
    let text = events
        .iter()
        .map(|e| format!("<p>\u{201c}{}\u{201d} \u{2014} <em>{}</em></p>", escape(&e.sentence.text), escape(&title(e))))
        .collect::<String>();
    let one_source = events.iter().all(|e| e.doc == first.doc);
    // The last moment inside the half-open interval, at the event's granularity.
    let last = end - chrono::Duration::seconds(1);
    let end_parts = parts(last, granularity);
    let start_parts = parts(start, granularity);
    Some(Slide {
        end_date: (end_parts != start_parts).then_some(end_parts),
        start_date: Some(start_parts),
        text: Text { headline: escape(label), text },
        group: one_source.then(|| title(first)),
        unique_id: Some(id.to_string()),
    })
}

/// Writes `timeline` as TimelineJS 3 JSON into `out`.
pub fn to_writer<W: Write>(timeline: &Timeline, mut out: W) -> io::Result<()> {
    let mut by_story: BTreeMap<String, Vec<&Event>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for e in visible_in_time_order(timeline) {
        let id = e.story.as_deref().unwrap_or(&e.id).to_string();
        if !by_story.contains_key(&id) {
            order.push(id.clone());
        }
        by_story.entry(id).or_default().push(e);
    }
    let events: Vec<Slide> =
        order.iter().filter_map(|id| slide(timeline, id, by_story.get(id).map_or(&[][..], Vec::as_slice))).collect();
    let titles: Vec<String> = timeline.documents.iter().map(|d| escape(&d.title)).collect();
    let title = Slide {
        start_date: None,
        end_date: None,
        text: Text {
            headline: "Timeline".to_string(),
            text: format!(
                "<p>From {} article{}: {}</p>",
                titles.len(),
                if titles.len() == 1 { "" } else { "s" },
                titles.join("; ")
            ),
        },
        group: None,
        unique_id: None,
    };
    serde_json::to_writer_pretty(&mut out, &Document { title, events, scale: "human" }).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes `timeline` as TimelineJS 3 JSON to `path` through the safe writer.
pub fn write_file(path: &Path, timeline: &Timeline) -> io::Result<()> {
    atomic::write_atomic_with(path, |out| to_writer(timeline, out))
}
