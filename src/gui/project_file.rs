//! The project file (`.chronoscope.json`): the article paths with their publication dates, the
//! anchor, and the whole timeline with every edit in the `export::json` format, wrapped with its
//! own format name and version. Written atomically.

use crate::export::{atomic, json};
use crate::timeline::Timeline;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FORMAT_NAME: &str = "chronoscope-project";
pub const FORMAT_VERSION: u32 = 1;

/// One article of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectDocument {
    pub path: PathBuf,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// What a project file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectData {
    pub anchor: NaiveDate,
    pub documents: Vec<ProjectDocument>,
    pub timeline: Timeline,
}

#[derive(Serialize, Deserialize)]
struct ProjectFile {
    format: String,
    version: u32,
    anchor: NaiveDate,
    documents: Vec<ProjectDocument>,
    /// A `chronoscope-timeline` document, as `export::json` writes it.
    timeline: serde_json::Value,
}

pub fn to_string(data: &ProjectData) -> Result<String, String> {
    let timeline = json::to_value(&data.timeline)?;
    let file = ProjectFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        anchor: data.anchor,
        documents: data.documents.clone(),
        timeline,
    };
    let mut out = serde_json::to_string_pretty(&file).map_err(|e| format!("could not serialise the project: {e}"))?;
    out.push('\n');
    Ok(out)
}

pub fn from_str(text: &str) -> Result<ProjectData, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    if value.get("format").and_then(|f| f.as_str()) == Some(json::FORMAT_NAME) {
        return Err("this is an exported timeline, not a project; open the articles instead".into());
    }
    json::check_header(&value, FORMAT_NAME, FORMAT_VERSION).map_err(|e| format!("project: {e}"))?;
    let file: ProjectFile = serde_json::from_value(value).map_err(|e| format!("malformed project: {e}"))?;
    let timeline = json::from_value(file.timeline).map_err(|e| format!("project timeline: {e}"))?;
    Ok(ProjectData { anchor: file.anchor, documents: file.documents, timeline })
}

pub fn save(path: &Path, data: &ProjectData) -> Result<(), String> {
    let text = to_string(data)?;
    atomic::write_atomic(path, text.as_bytes()).map_err(|e| format!("saving {}: {e}", path.display()))
}

pub fn open(path: &Path) -> Result<ProjectData, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_other_formats() {
        let anchor = NaiveDate::from_ymd_opt(2023, 6, 13).unwrap();
        let data = ProjectData {
            anchor,
            documents: vec![ProjectDocument { path: "/a/b.txt".into(), published: Some("2023-06-12".into()) }],
            timeline: Timeline::empty(anchor),
        };
        let text = to_string(&data).unwrap();
        assert_eq!(from_str(&text).unwrap(), data);
        let exported = json::to_string(&data.timeline);
        assert!(from_str(&exported).unwrap_err().contains("exported timeline"));
        assert!(from_str("{").is_err());
    }
}
