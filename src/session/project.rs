//! The user's project: the article files (loaded or failed) with their stable document ids, the
//! story anchor and where it came from, each document's publication date, the timeline with its
//! edits, the undo history, whether anything is unsaved, and where the project was last saved.
//! Pure state, no drawing; the window and the CLI share it.

use crate::ingest::Document;
use crate::pipeline::Settings;
use crate::session::history::{EventEdit, EventsEdit, History};
use crate::session::project_file::{hash_hex, ProjectData, ProjectDocument};
use crate::timeline::{DocumentInfo, Timeline};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// One article file the user added.
#[derive(Debug, Clone)]
pub struct DocSlot {
    pub path: PathBuf,
    /// The document's stable id in the timeline: given when it is first read (from its text,
    /// `pipeline::document_id`) or by the project file, and kept from then on.
    pub id: Option<String>,
    /// `pipeline::content_hash` of the text the timeline was extracted from, as saved in the
    /// project: a file whose text hashes otherwise has changed since.
    pub saved_hash: Option<u64>,
    /// Publication date (TIMEX3 value, e.g. `2023-06-12`) chosen by the user; overrides the file's.
    pub published: Option<String>,
    /// The text, once read.
    pub document: Option<Document>,
    /// Why the file could not be read.
    pub error: Option<String>,
}

impl DocSlot {
    /// A slot for a file that is still to be read.
    pub fn new(path: PathBuf) -> Self {
        DocSlot { path, id: None, saved_hash: None, published: None, document: None, error: None }
    }

    /// The string the pipeline records as the document's path.
    pub fn path_key(&self) -> String {
        self.path.display().to_string()
    }

    /// The file's text differs from the one the project was saved with.
    pub fn changed_since_saved(&self) -> bool {
        match (&self.document, self.saved_hash) {
            (Some(doc), Some(saved)) => crate::pipeline::content_hash(&doc.text) != saved,
            _ => false,
        }
    }
}

/// Where the story anchor came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorChoice {
    /// The user gave it (command line, anchor field, project file).
    Given,
    /// Not given: infer it from the articles at the next extraction.
    Infer,
    /// Inferred from the articles, and why.
    Inferred(String),
    /// Nothing in the articles gave a date: a stand-in (today) until the user sets one, and why.
    StandIn(String),
}

impl AnchorChoice {
    /// What the timeline records of this choice (`None` while an inference is pending).
    pub fn source(&self) -> Option<crate::timeline::AnchorSource> {
        use crate::timeline::AnchorSource;
        match self {
            AnchorChoice::Given => Some(AnchorSource::given("set by the user")),
            AnchorChoice::Infer => None,
            AnchorChoice::Inferred(why) => Some(AnchorSource::inferred(why.clone())),
            AnchorChoice::StandIn(why) => Some(AnchorSource::inferred(why.clone())),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Project {
    pub slots: Vec<DocSlot>,
    pub anchor: NaiveDate,
    pub anchor_choice: AnchorChoice,
    pub timeline: Timeline,
    pub history: History,
    /// Changes since the last save.
    pub dirty: bool,
    /// Where the project was last saved or opened from.
    pub path: Option<PathBuf>,
}

impl Project {
    pub fn new(anchor: NaiveDate, anchor_choice: AnchorChoice) -> Self {
        Project {
            slots: Vec::new(),
            anchor,
            anchor_choice,
            timeline: Timeline::empty(anchor),
            history: History::default(),
            dirty: false,
            path: None,
        }
    }

    pub fn settings(&self) -> Settings {
        Settings { anchor: self.anchor, dct: None }
    }

    /// The loaded documents in slot order with their ids, each with the user's publication date
    /// applied: what the pipeline extracts from.
    pub fn extraction_input(&self) -> Vec<(String, Document)> {
        self.slots
            .iter()
            .filter_map(|slot| {
                let mut doc = slot.document.clone()?;
                if let Some(date) = &slot.published {
                    doc.dct = Some(date.clone());
                }
                Some((slot.id.clone()?, doc))
            })
            .collect()
    }

    /// Records that the publication dates the user set came from them (`dct_source: "user"`);
    /// run after every extraction, which only sees the date.
    pub fn mark_user_dates(&mut self) {
        for slot in self.slots.iter().filter(|s| s.published.is_some()) {
            let Some(id) = slot.id.as_deref() else { continue };
            if let Some(info) = self.timeline.documents.iter_mut().find(|d| d.id == id) {
                info.dct_source = Some("user".to_string());
            }
        }
    }

    /// Ids of documents whose file could not be read this time: the timeline keeps what they had.
    pub fn unreadable_ids(&self) -> Vec<String> {
        self.slots.iter().filter(|s| s.document.is_none()).filter_map(|s| s.id.clone()).collect()
    }

    /// Every document id, in slot order (the timeline's document order).
    pub fn document_order(&self) -> Vec<String> {
        self.slots.iter().filter_map(|s| s.id.clone()).collect()
    }

    pub fn has_file(&self, path: &Path) -> bool {
        self.slots.iter().any(|s| s.path == path)
    }

    /// The slot a timeline document came from.
    pub fn slot_of(&self, info: &DocumentInfo) -> Option<&DocSlot> {
        self.slots.iter().find(|s| s.id.as_deref() == Some(info.id.as_str()))
    }

    /// The timeline document read from a slot, once extracted.
    pub fn info_of(&self, slot: &DocSlot) -> Option<&DocumentInfo> {
        self.timeline.document(slot.id.as_deref()?)
    }

    /// The text of timeline document `doc_id`, when its file is loaded.
    pub fn text_of(&self, doc_id: &str) -> Option<&str> {
        let info = self.timeline.document(doc_id)?;
        self.slot_of(info)?.document.as_ref().map(|d| d.text.as_str())
    }

    /// Applies one user edit as an undoable step.
    pub fn edit(&mut self, edit: EventEdit) -> bool {
        let changed = self.history.apply(&mut self.timeline, edit);
        self.after_edit(changed)
    }

    /// Applies a user edit of several events (a story decision) as one undoable step.
    pub fn edit_many(&mut self, edit: EventsEdit) -> bool {
        let changed = self.history.apply_many(&mut self.timeline, edit);
        self.after_edit(changed)
    }

    pub fn undo(&mut self) -> Option<String> {
        let what = self.history.undo(&mut self.timeline)?;
        self.after_edit(true);
        Some(what)
    }

    pub fn redo(&mut self) -> Option<String> {
        let what = self.history.redo(&mut self.timeline)?;
        self.after_edit(true);
        Some(what)
    }

    /// An edit moves events and story decisions: the story events are grouped again.
    fn after_edit(&mut self, changed: bool) -> bool {
        if changed {
            self.dirty = true;
            crate::story::assemble(&mut self.timeline);
        }
        changed
    }

    /// What a project file records of the project now.
    pub fn to_data(&self) -> ProjectData {
        let documents = self
            .slots
            .iter()
            .map(|s| ProjectDocument {
                id: s.id.clone(),
                path: s.path.clone(),
                content_hash: s
                    .document
                    .as_ref()
                    .map(|d| crate::pipeline::content_hash(&d.text))
                    .or(s.saved_hash)
                    .map(hash_hex),
                published: s.published.clone(),
            })
            .collect();
        ProjectData { anchor: self.anchor, documents, timeline: self.timeline.clone() }
    }

    /// Short name for the window title: the project file, or how many articles are open (and
    /// how many of them could not be read).
    pub fn display_name(&self) -> String {
        let read = self.slots.iter().filter(|s| s.document.is_some()).count();
        let failed = self.slots.iter().filter(|s| s.error.is_some()).count();
        match &self.path {
            Some(path) => path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            None if self.slots.is_empty() => "no articles".to_string(),
            None if failed > 0 => format!("{read} of {} articles ({failed} unreadable)", self.slots.len()),
            None => format!("{} article{}", self.slots.len(), if self.slots.len() == 1 { "" } else { "s" }),
        }
    }

    /// The window title: name, and `*` when there are unsaved changes.
    pub fn title(&self) -> String {
        format!("{}{} — Chronoscope", if self.dirty { "*" } else { "" }, self.display_name())
    }
}
