//! The versioned JSON contract (`format: "chronoscope-timeline"`, `version: 1`), documented in
//! `docs/json-format.md`. Reading checks the format name and version so a user gets a clear
//! message instead of a half-loaded timeline. Writing streams borrowed, sorted views of the timeline
//! straight into the output, without a copy of the timeline or of the JSON text.

use super::atomic;
use super::pretty_json::ObjectWriter;
use crate::story::claims::Claim;
use crate::story::conflicts::{Agreement, Conflict};
use crate::timeline::{AnchorSource, DocumentInfo, Event, Mention, StoryEvent, Timeline};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

pub const FORMAT_NAME: &str = "chronoscope-timeline";
pub const FORMAT_VERSION: u32 = 2;
/// The oldest version this build reads (version 1 lacks the story fields, which read as empty).
pub const OLDEST_VERSION: u32 = 1;

/// The file as read: owned, checked against the contract.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct TimelineFile {
    format: String,
    version: u32,
    anchor: NaiveDate,
    #[serde(default)]
    anchor_source: Option<AnchorSource>,
    documents: Vec<DocumentInfo>,
    mentions: Vec<Mention>,
    events: Vec<Event>,
    #[serde(default)]
    stories: Vec<StoryEvent>,
    #[serde(default)]
    claims: Vec<Claim>,
    #[serde(default)]
    conflicts: Vec<Conflict>,
    #[serde(default)]
    agreements: Vec<Agreement>,
}

/// The file as written: the same fields in the same order, borrowed from the timeline (mentions
/// and events as sorted references), so writing never holds a second copy of it. `to_writer`
/// writes its fields one by one in this order; a test holds the two to the same bytes.
#[derive(Serialize)]
struct TimelineView<'a> {
    format: &'static str,
    version: u32,
    anchor: NaiveDate,
    anchor_source: Option<&'a AnchorSource>,
    documents: &'a [DocumentInfo],
    mentions: Vec<&'a Mention>,
    events: Vec<&'a Event>,
    stories: &'a [StoryEvent],
    claims: &'a [Claim],
    conflicts: &'a [Conflict],
    agreements: &'a [Agreement],
}

/// The view of `timeline`, with mentions and events sorted for stable output: by document (in
/// document order), then text position.
fn view_of(timeline: &Timeline) -> TimelineView<'_> {
    let mut doc_order: HashMap<&str, usize> = HashMap::with_capacity(timeline.documents.len());
    for (index, doc) in timeline.documents.iter().enumerate() {
        doc_order.entry(doc.id.as_str()).or_insert(index);
    }
    let order = |doc: &str| doc_order.get(doc).copied().unwrap_or(usize::MAX);
    // Extraction already gives this order: checked in one pass, sorted (stably, on every core)
    // only when an edit or a reader changed it.
    use rayon::slice::ParallelSliceMut;
    let mention_key = |m: &Mention| (order(&m.doc), m.start, m.end);
    let mut mentions: Vec<&Mention> = timeline.mentions.iter().collect();
    if !mentions.is_sorted_by_key(|m| mention_key(m)) {
        mentions.par_sort_by_key(|m| mention_key(m));
    }
    let event_order = |a: &&Event, b: &&Event| {
        (order(&a.doc), a.sentence.start, a.start, &a.id).cmp(&(order(&b.doc), b.sentence.start, b.start, &b.id))
    };
    let mut events: Vec<&Event> = timeline.events.iter().collect();
    if !events.is_sorted_by(|a, b| event_order(a, b).is_le()) {
        events.par_sort_by(event_order);
    }
    TimelineView {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        anchor: timeline.anchor,
        anchor_source: timeline.anchor_source.as_ref(),
        documents: &timeline.documents,
        mentions,
        events,
        stories: &timeline.stories,
        claims: &timeline.claims,
        conflicts: &timeline.conflicts,
        agreements: &timeline.agreements,
    }
}

/// Streams `timeline` as pretty JSON (and a final newline) into `out`, the long arrays rendered
/// on every core (`pretty_json`; the same bytes as `TimelineView` through serde_json). A failure,
/// in writing or in serialising, is returned; nothing stands in for the timeline.
pub fn to_writer<W: Write>(timeline: &Timeline, mut out: W) -> io::Result<()> {
    let view = view_of(timeline);
    let mut object = ObjectWriter::new(&mut out)?;
    object.field("format", view.format)?;
    object.field("version", &view.version)?;
    object.field("anchor", &view.anchor)?;
    object.field("anchor_source", &view.anchor_source)?;
    object.array("documents", view.documents)?;
    object.array("mentions", &view.mentions)?;
    object.array("events", &view.events)?;
    object.array("stories", view.stories)?;
    object.array("claims", view.claims)?;
    object.array("conflicts", view.conflicts)?;
    object.array("agreements", view.agreements)?;
    object.finish()?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `timeline` as one line of compact JSON, for JSON Lines: the same fields as `to_writer`, and
/// no line break inside (JSON strings escape theirs).
pub fn to_line(timeline: &Timeline) -> io::Result<Vec<u8>> {
    serde_json::to_vec(&view_of(timeline)).map_err(io::Error::from)
}

/// Writes `timeline` as JSON to `path` through the safe writer, streamed into the temp file.
pub fn write_file(path: &Path, timeline: &Timeline) -> io::Result<()> {
    atomic::write_atomic_with(path, |out| to_writer(timeline, out))
}

/// The JSON text of `timeline`, or why it could not be serialised.
pub fn try_to_string(timeline: &Timeline) -> Result<String, String> {
    let mut bytes = Vec::new();
    to_writer(timeline, &mut bytes).map_err(|e| format!("could not serialise the timeline: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("could not serialise the timeline: {e}"))
}

/// The JSON text of `timeline` in memory. Prefer [`write_file`] or [`to_writer`], which stream
/// and report failures. Serialising a timeline cannot fail in practice (every field is text, a
/// number, a date or an enum); should it ever, the result is empty rather than a document that
/// is not a timeline.
pub fn to_string(timeline: &Timeline) -> String {
    try_to_string(timeline).unwrap_or_default()
}

/// The timeline as a JSON value (for files that embed it, like a project).
pub fn to_value(timeline: &Timeline) -> Result<serde_json::Value, String> {
    serde_json::to_value(view_of(timeline)).map_err(|e| format!("could not serialise the timeline: {e}"))
}

/// Checks the `format` and `version` fields of a JSON file, with a message a user can act on.
pub fn check_header(value: &serde_json::Value, name: &str, version: u32) -> Result<(), String> {
    match value.get("format").and_then(|f| f.as_str()) {
        Some(found) if found == name => {}
        Some(other) => return Err(format!("format is {other:?}, expected {name:?}")),
        None => return Err(format!("no \"format\" field; not a {name} file")),
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(version) => Ok(()),
        Some(v) => Err(format!("version {v} is not supported (this build reads version {version})")),
        None => Err("no \"version\" field".to_string()),
    }
}

/// Reads a timeline written by `to_string` (or by another tool following the contract).
pub fn from_str(json: &str) -> Result<Timeline, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("not valid JSON: {e}"))?;
    from_value(value)
}

/// As `from_str`, from a parsed JSON value.
pub fn from_value(value: serde_json::Value) -> Result<Timeline, String> {
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(u64::from(FORMAT_VERSION));
    let readable = u32::try_from(version).ok().filter(|v| (OLDEST_VERSION..=FORMAT_VERSION).contains(v));
    check_header(&value, FORMAT_NAME, readable.unwrap_or(FORMAT_VERSION))?;
    let file: TimelineFile = serde_json::from_value(value).map_err(|e| format!("malformed timeline: {e}"))?;
    let mut events = file.events;
    share_sentences(&mut events);
    let mut timeline = Timeline {
        anchor: file.anchor,
        anchor_source: file.anchor_source,
        documents: file.documents,
        mentions: file.mentions,
        events,
        stories: file.stories,
        claims: file.claims,
        conflicts: file.conflicts,
        agreements: file.agreements,
        index: Default::default(),
    };
    timeline.share_document_ids();
    Ok(timeline)
}

/// Events read from a file each hold their own copy of their sentence; give the events of one
/// sentence one shared text again, as extraction does, so a reopened project costs no more
/// memory than the run that made it.
fn share_sentences(events: &mut [Event]) {
    let mut shared: HashMap<(crate::timeline::DocId, usize, usize), std::sync::Arc<str>> = HashMap::new();
    for event in events {
        let key = (event.doc.clone(), event.sentence.start, event.sentence.end);
        let text = shared.entry(key).or_insert_with(|| std::sync::Arc::clone(&event.sentence.text));
        if *text == event.sentence.text {
            event.sentence.text = std::sync::Arc::clone(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{build_timeline, infer_anchor, Settings};

    /// The timeline of the articles in `dir`, its day zero inferred (and so explained).
    fn timeline_of(dir: &str) -> Timeline {
        let mut paths: Vec<_> = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
        paths.sort();
        let docs: Vec<_> = paths.iter().filter_map(|p| crate::ingest::load(p).ok()).collect();
        let (anchor, why) = infer_anchor(&docs).unwrap();
        let mut timeline = build_timeline(&docs, &Settings { anchor, dct: None });
        timeline.anchor_source = Some(AnchorSource::inferred(why));
        timeline
    }

    /// The parallel writer against the plain one: serde_json's pretty printer on the whole view,
    /// on the bundled examples and the seeds (every section filled) and on an empty timeline.
    #[test]
    fn the_parallel_writer_writes_what_serde_json_writes() {
        let examples = timeline_of("assets/examples");
        if !std::path::Path::new("../shared/seeds").is_dir() {
            // A clone away from the shared data: the seeds part cannot run (as in every seeds test).
            eprintln!("skipped: ../shared/seeds is not here");
            return;
        }
        let seeds = timeline_of("../shared/seeds");
        let both = [&examples, &seeds];
        assert!(both.iter().any(|t| !t.conflicts.is_empty()) && both.iter().any(|t| !t.agreements.is_empty()));
        for timeline in [examples, seeds, Timeline::empty(chrono::NaiveDate::MIN)] {
            let mut expected = serde_json::to_vec_pretty(&view_of(&timeline)).unwrap();
            expected.push(b'\n');
            let mut written = Vec::new();
            to_writer(&timeline, &mut written).unwrap();
            assert!(written == expected, "the parallel writer differs from serde_json");
        }
    }
}
