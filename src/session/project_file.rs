//! The project file (`.chronoscope.json`): the article paths with their stable document ids,
//! content hashes and publication dates, the anchor, and the whole timeline with every edit in the
//! `export::json` format, wrapped with its own format name and version. Version 2 added the ids
//! and hashes; version 1 files still open (ids are then taken from the saved timeline by path).
//! Written atomically.

use crate::export::{atomic, json};
use crate::timeline::Timeline;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FORMAT_NAME: &str = "chronoscope-project";
pub const FORMAT_VERSION: u32 = 2;
/// The oldest version this build still opens.
const OLDEST_VERSION: u32 = 1;

/// One article of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectDocument {
    /// The document's id in the timeline (absent in version 1 files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub path: PathBuf,
    /// `pipeline::content_hash` of the text the timeline was extracted from, as 16 hex digits
    /// (absent in version 1 files and for files that were never read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

impl ProjectDocument {
    /// The saved content hash as a number, when there is a well-formed one.
    pub fn hash(&self) -> Option<u64> {
        u64::from_str_radix(self.content_hash.as_deref()?, 16).ok()
    }
}

/// The hex form `ProjectDocument::content_hash` keeps.
pub fn hash_hex(hash: u64) -> String {
    format!("{hash:016x}")
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
    check_version(&value)?;
    let file: ProjectFile = serde_json::from_value(value).map_err(|e| format!("malformed project: {e}"))?;
    let timeline = json::from_value(file.timeline).map_err(|e| format!("project timeline: {e}"))?;
    let mut documents = file.documents;
    for document in documents.iter_mut().filter(|d| d.id.is_none()) {
        let path = document.path.display().to_string();
        document.id = timeline.documents.iter().find(|d| d.path == path).map(|d| d.id.clone());
    }
    Ok(ProjectData { anchor: file.anchor, documents, timeline })
}

/// The format name, and a version from `OLDEST_VERSION` to `FORMAT_VERSION`.
fn check_version(value: &serde_json::Value) -> Result<(), String> {
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(u64::from(FORMAT_VERSION));
    let readable = u32::try_from(version).ok().filter(|v| (OLDEST_VERSION..=FORMAT_VERSION).contains(v));
    json::check_header(value, FORMAT_NAME, readable.unwrap_or(FORMAT_VERSION)).map_err(|e| format!("project: {e}"))
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
            documents: vec![ProjectDocument {
                id: Some("d1".into()),
                path: "/a/b.txt".into(),
                content_hash: Some(hash_hex(0xfeed)),
                published: Some("2023-06-12".into()),
            }],
            timeline: Timeline::empty(anchor),
        };
        let text = to_string(&data).unwrap();
        assert_eq!(from_str(&text).unwrap(), data);
        let exported = json::to_string(&data.timeline);
        assert!(from_str(&exported).unwrap_err().contains("exported timeline"));
        assert!(from_str("{").is_err());
        assert_eq!(data.documents[0].hash(), Some(0xfeed));
    }

    /// Version 1 files (no document ids) still open; their ids come from the saved timeline.
    #[test]
    fn version_1_projects_open_with_ids_from_their_timeline() {
        let anchor = NaiveDate::from_ymd_opt(2023, 6, 13).unwrap();
        let mut timeline = Timeline::empty(anchor);
        timeline.documents.push(crate::timeline::DocumentInfo {
            id: "d1".into(),
            path: "/a/b.txt".into(),
            title: "b".into(),
            dct: None,
            dct_source: None,
            chars: 10,
            warnings: vec![],
        });
        let v1 = serde_json::json!({
            "format": FORMAT_NAME,
            "version": 1,
            "anchor": "2023-06-13",
            "documents": [{"path": "/a/b.txt"}, {"path": "/a/never-read.txt"}],
            "timeline": json::to_value(&timeline).unwrap(),
        });
        let data = from_str(&v1.to_string()).unwrap();
        assert_eq!(data.documents[0].id.as_deref(), Some("d1"));
        assert_eq!(data.documents[1].id, None);
        let v9 = v1.to_string().replace("\"version\":1", "\"version\":9");
        assert!(from_str(&v9).unwrap_err().contains("version 9"));
    }
}
