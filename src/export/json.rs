//! The versioned JSON contract (`format: "chronoscope-timeline"`, `version: 1`), documented in
//! `docs/json-format.md`. Reading checks the format name and version so a user gets a clear
//! message instead of a half-loaded timeline.

use crate::timeline::{DocumentInfo, Event, Mention, Timeline};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const FORMAT_NAME: &str = "chronoscope-timeline";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct TimelineFile {
    format: String,
    version: u32,
    anchor: NaiveDate,
    documents: Vec<DocumentInfo>,
    mentions: Vec<Mention>,
    events: Vec<Event>,
}

/// The file contents for `timeline`, with mentions and events sorted for stable output.
fn file_of(timeline: &Timeline) -> TimelineFile {
    let mut file = TimelineFile {
        format: FORMAT_NAME.to_string(),
        version: FORMAT_VERSION,
        anchor: timeline.anchor,
        documents: timeline.documents.clone(),
        mentions: timeline.mentions.clone(),
        events: timeline.events.clone(),
    };
    let doc_order = |doc: &str| timeline.documents.iter().position(|d| d.id == doc).unwrap_or(usize::MAX);
    file.mentions.sort_by_key(|m| (doc_order(&m.doc), m.start, m.end));
    file.events.sort_by(|a, b| {
        (doc_order(&a.doc), a.sentence.start, a.start, &a.id).cmp(&(
            doc_order(&b.doc),
            b.sentence.start,
            b.start,
            &b.id,
        ))
    });
    file
}

/// Serialises a timeline as pretty JSON, with mentions and events sorted for stable output.
pub fn to_string(timeline: &Timeline) -> String {
    let mut out =
        serde_json::to_string_pretty(&file_of(timeline)).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The timeline as a JSON value (for files that embed it, like a project).
pub fn to_value(timeline: &Timeline) -> Result<serde_json::Value, String> {
    serde_json::to_value(file_of(timeline)).map_err(|e| format!("could not serialise the timeline: {e}"))
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
    check_header(&value, FORMAT_NAME, FORMAT_VERSION)?;
    let file: TimelineFile = serde_json::from_value(value).map_err(|e| format!("malformed timeline: {e}"))?;
    Ok(Timeline { anchor: file.anchor, documents: file.documents, mentions: file.mentions, events: file.events })
}
