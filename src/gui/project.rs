//! The user's project: the article files (loaded or failed), the story anchor, each document's
//! publication date, the timeline with its edits, the undo history, whether anything is unsaved,
//! and where the project was last saved. Pure state, no drawing.

use crate::gui::history::{EventEdit, History};
use crate::ingest::Document;
use crate::pipeline::Settings;
use crate::timeline::{DocumentInfo, Timeline};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// One article file the user added.
#[derive(Debug, Clone)]
pub struct DocSlot {
    pub path: PathBuf,
    /// Publication date (TIMEX3 value, e.g. `2023-06-12`) chosen by the user; overrides the file's.
    pub published: Option<String>,
    /// The text, once read.
    pub document: Option<Document>,
    /// Why the file could not be read.
    pub error: Option<String>,
}

impl DocSlot {
    /// The string the pipeline records as the document's path.
    pub fn path_key(&self) -> String {
        self.path.display().to_string()
    }
}

#[derive(Debug, Clone)]
pub struct Project {
    pub slots: Vec<DocSlot>,
    pub anchor: NaiveDate,
    pub timeline: Timeline,
    pub history: History,
    /// Changes since the last save.
    pub dirty: bool,
    /// Where the project was last saved or opened from.
    pub path: Option<PathBuf>,
}

impl Project {
    pub fn new(anchor: NaiveDate) -> Self {
        Project {
            slots: Vec::new(),
            anchor,
            timeline: Timeline::empty(anchor),
            history: History::default(),
            dirty: false,
            path: None,
        }
    }

    pub fn settings(&self) -> Settings {
        Settings { anchor: self.anchor, dct: None }
    }

    /// The loaded documents in slot order, each with the user's publication date applied: what
    /// the pipeline extracts from.
    pub fn extraction_input(&self) -> Vec<Document> {
        self.slots
            .iter()
            .filter_map(|slot| {
                let mut doc = slot.document.clone()?;
                if let Some(date) = &slot.published {
                    doc.dct = Some(date.clone());
                }
                Some(doc)
            })
            .collect()
    }

    pub fn has_file(&self, path: &Path) -> bool {
        self.slots.iter().any(|s| s.path == path)
    }

    /// The slot a timeline document came from.
    pub fn slot_of(&self, info: &DocumentInfo) -> Option<&DocSlot> {
        self.slots.iter().find(|s| s.path_key() == info.path)
    }

    /// The timeline document read from a slot, once extracted.
    pub fn info_of(&self, slot: &DocSlot) -> Option<&DocumentInfo> {
        let key = slot.path_key();
        self.timeline.documents.iter().find(|d| d.path == key)
    }

    /// The text of timeline document `doc_id`, when its file is loaded.
    pub fn text_of(&self, doc_id: &str) -> Option<&str> {
        let info = self.timeline.document(doc_id)?;
        self.slot_of(info)?.document.as_ref().map(|d| d.text.as_str())
    }

    /// Applies one user edit as an undoable step.
    pub fn edit(&mut self, edit: EventEdit) -> bool {
        let changed = self.history.apply(&mut self.timeline, edit);
        self.dirty |= changed;
        changed
    }

    pub fn undo(&mut self) -> Option<String> {
        let what = self.history.undo(&mut self.timeline)?;
        self.dirty = true;
        Some(what)
    }

    pub fn redo(&mut self) -> Option<String> {
        let what = self.history.redo(&mut self.timeline)?;
        self.dirty = true;
        Some(what)
    }

    /// Short name for the window title.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(path) => path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            None if self.slots.is_empty() => "no articles".to_string(),
            None => format!("{} article{}", self.slots.len(), if self.slots.len() == 1 { "" } else { "s" }),
        }
    }

    /// The window title: name, and `*` when there are unsaved changes.
    pub fn title(&self) -> String {
        format!("{}{} — Chronoscope", if self.dirty { "*" } else { "" }, self.display_name())
    }
}
