//! CSV export for spreadsheets (issue #11): one row per event the user has not hidden, in time
//! order, with RFC 4180 quoting (the `csv` crate), so a sentence with commas, quotes or line
//! breaks reads back as one cell. Columns: start, end, granularity, label, document, sentence,
//! time phrase, value, edited, story, sources, placement.

use super::atomic;
use crate::timeline::{Event, Timeline};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

/// The header row.
pub const COLUMNS: [&str; 12] = [
    "start",
    "end",
    "granularity",
    "label",
    "document",
    "sentence",
    "time_phrase",
    "value",
    "edited",
    "story",
    "sources",
    "placement",
];

/// The events a table export writes: not hidden, in time order (then by id, for stable output).
pub fn visible_in_time_order(timeline: &Timeline) -> Vec<&Event> {
    let mut events: Vec<&Event> = timeline.events.iter().filter(|e| !e.hidden).collect();
    events.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
    events
}

/// Writes `timeline` as CSV into `out`.
pub fn to_writer<W: Write>(timeline: &Timeline, out: W) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let sources: HashMap<&str, usize> = timeline.stories.iter().map(|s| (s.id.as_str(), s.documents.len())).collect();
    let titles: HashMap<&str, &str> = timeline.documents.iter().map(|d| (d.id.as_str(), d.title.as_str())).collect();
    for e in visible_in_time_order(timeline) {
        let mention = e.mentions.first().and_then(|id| timeline.mention(id));
        let placement = serde_json::to_value(e.placement).ok().and_then(|v| v.as_str().map(str::to_string));
        let story = e.story.as_deref().unwrap_or("");
        writer.write_record([
            e.start.format("%Y-%m-%dT%H:%M").to_string(),
            e.end.format("%Y-%m-%dT%H:%M").to_string(),
            e.granularity.as_str().to_string(),
            e.label.to_string(),
            titles.get(&*e.doc).copied().unwrap_or(&*e.doc).to_string(),
            e.sentence.text.to_string(),
            mention.map(|m| m.text.to_string()).unwrap_or_default(),
            mention.map(|m| m.value.to_string()).unwrap_or_default(),
            e.edited.to_string(),
            story.to_string(),
            sources.get(story).copied().unwrap_or(1).to_string(),
            placement.unwrap_or_default(),
        ])?;
    }
    writer.flush()
}

/// Writes `timeline` as CSV to `path` through the safe writer.
pub fn write_file(path: &Path, timeline: &Timeline) -> io::Result<()> {
    atomic::write_atomic_with(path, |out| to_writer(timeline, out))
}
