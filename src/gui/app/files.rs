//! The app's work with files: adding articles and running extraction on the loader thread,
//! opening and saving projects, exporting JSON and PNG, and asking for paths (system dialog or
//! the path field).

use super::{ChronoscopeApp, Pending};
use crate::gui::actions::{PathPurpose, PngChoice};
use crate::gui::file_dialog;
use crate::gui::loader::{Job, Outcome};
use crate::gui::project::{DocSlot, Project};
use crate::gui::project_file::{self, ProjectData, ProjectDocument};
use crate::gui::state::{Drafts, Selection, View};
use crate::render;
use crate::timeline::Timeline;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

impl ChronoscopeApp {
    // ----- files and extraction -------------------------------------------------------------

    pub(super) fn add_files(&mut self, paths: Vec<PathBuf>) {
        let mut fresh = Vec::new();
        for path in paths {
            let path = std::fs::canonicalize(&path).unwrap_or(path);
            if self.project.has_file(&path) || fresh.contains(&path) {
                self.notices.info(format!("{} is already open", path.display()));
                continue;
            }
            if let Err(e) = self.recent.add(&path) {
                self.notices.error(e);
            }
            fresh.push(path);
        }
        for path in &fresh {
            self.project.slots.push(DocSlot { path: path.clone(), published: None, document: None, error: None });
        }
        if fresh.is_empty() {
            return;
        }
        self.pending.paths.extend(fresh);
        self.start_next_job();
    }

    pub(super) fn set_anchor(&mut self, date: NaiveDate) {
        self.infer_anchor = false;
        self.drafts.anchor = date.to_string();
        self.drafts.anchor_error = None;
        if date == self.project.anchor {
            return;
        }
        self.project.anchor = date;
        self.project.dirty = true;
        self.reextract();
    }

    /// Extracts everything again (anchor or publication date changed), keeping the user's edits.
    pub(super) fn reextract(&mut self) {
        self.pending.reextract = true;
        self.start_next_job();
    }

    pub(super) fn start_next_job(&mut self) {
        if self.loader.busy() || (self.pending.paths.is_empty() && !self.pending.reextract) {
            return;
        }
        let job = Job {
            new_paths: std::mem::take(&mut self.pending.paths),
            documents: self.project.extraction_input(),
            settings: self.project.settings(),
            previous: self.project.timeline.clone(),
            saved: None,
            infer_anchor: self.infer_anchor,
        };
        self.pending.reextract = false;
        self.start_job(job);
    }

    pub(super) fn start_job(&mut self, job: Job) {
        let ctx = self.ctx.clone();
        if let Err(e) = self.loader.start(job, move || ctx.request_repaint()) {
            self.notices.error(e);
        }
    }

    pub(super) fn finish_job(&mut self, outcome: Outcome) {
        for (path, result) in outcome.loaded {
            let index = match self.project.slots.iter().position(|s| s.path == path) {
                Some(i) => i,
                None => {
                    self.project.slots.push(DocSlot {
                        path: path.clone(),
                        published: None,
                        document: None,
                        error: None,
                    });
                    self.project.slots.len() - 1
                }
            };
            let slot = &mut self.project.slots[index];
            match result {
                Ok(doc) => {
                    slot.document = Some(doc);
                    slot.error = None;
                }
                Err(message) => {
                    self.notices.error(format!("{}: {message}", path.display()));
                    slot.error = Some(message);
                }
            }
        }
        if let Some((anchor, why)) = outcome.inferred_anchor {
            self.infer_anchor = false;
            self.project.anchor = anchor;
            self.drafts.anchor = anchor.to_string();
            self.notices.info(format!("Anchor (day zero) set to {anchor}: {why}. Change it in the top bar."));
        }
        let had_events = !self.project.timeline.events.is_empty();
        self.project.timeline = outcome.timeline;
        if self.opening_project {
            self.opening_project = false;
        } else {
            self.project.dirty = true;
        }
        // The first events loaded open on the story itself (see `render::png::story_viewport`);
        // "Fit all" shows everything.
        if !had_events || self.view.viewport.is_none() {
            self.view.viewport = None;
        }
        if let Some(id) = &self.selection.event {
            if self.project.timeline.event(id).is_none() {
                self.selection.event = None;
            }
        }
        if self.selection.doc.as_ref().is_none_or(|d| self.project.timeline.document(d).is_none()) {
            self.selection.doc = self.project.timeline.documents.first().map(|d| d.id.clone());
        }
    }

    // ----- paths, dialogs, saving and exporting ----------------------------------------------

    pub(super) fn choose_path(&mut self, purpose: PathPurpose) {
        if !self.options.native_dialogs {
            self.dialogs.ask_path(purpose, None);
            return;
        }
        match file_dialog::ask(purpose, self.project.path.as_deref()) {
            file_dialog::Answer::Paths(paths) => self.paths_chosen(purpose, paths),
            file_dialog::Answer::Cancelled => {}
            file_dialog::Answer::Unavailable(why) => self.dialogs.ask_path(purpose, Some(why)),
        }
    }

    pub(super) fn paths_chosen(&mut self, purpose: PathPurpose, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else { return };
        match purpose {
            PathPurpose::OpenArticles => self.add_files(paths),
            PathPurpose::OpenProject if self.project.dirty => self.dialogs.confirm_open = Some(first),
            PathPurpose::OpenProject => self.open_project(&first),
            PathPurpose::SaveProject => self.save_project(&first),
            PathPurpose::ExportJson => self.export_json(&first),
            PathPurpose::ExportPng(choice) => self.export_png(&first, choice),
        }
    }

    /// Opens a saved project (replacing the current one); its files are read in the background.
    pub fn open_project(&mut self, path: &Path) {
        let data = match project_file::open(path) {
            Ok(data) => data,
            Err(e) => {
                self.notices.error(e);
                return;
            }
        };
        if self.loader.busy() {
            self.notices.error("still loading articles; open the project once loading is done");
            return;
        }
        if let Err(e) = self.recent.add(path) {
            self.notices.error(e);
        }
        let mut project = Project::new(data.anchor);
        project.path = Some(path.to_path_buf());
        project.slots = data
            .documents
            .iter()
            .map(|d| DocSlot { path: d.path.clone(), published: d.published.clone(), document: None, error: None })
            .collect();
        project.timeline = data.timeline.clone();
        self.project = project;
        self.selection = Selection { inspector_open: true, ..Selection::default() };
        self.view = View::default();
        self.drafts = Drafts { anchor: data.anchor.to_string(), ..Drafts::default() };
        self.pending = Pending::default();
        self.opening_project = true;
        let job = Job {
            new_paths: data.documents.into_iter().map(|d| d.path).collect(),
            documents: Vec::new(),
            settings: self.project.settings(),
            previous: Timeline::empty(data.anchor),
            saved: Some(data.timeline),
            infer_anchor: false,
        };
        self.infer_anchor = false;
        self.start_job(job);
    }

    /// Saves the project (atomically) and remembers `path` as its place.
    pub fn save_project(&mut self, path: &Path) {
        let data = ProjectData {
            anchor: self.project.anchor,
            documents: self
                .project
                .slots
                .iter()
                .map(|s| ProjectDocument { path: s.path.clone(), published: s.published.clone() })
                .collect(),
            timeline: self.project.timeline.clone(),
        };
        match project_file::save(path, &data) {
            Ok(()) => {
                self.project.path = Some(path.to_path_buf());
                self.project.dirty = false;
                if let Err(e) = self.recent.add(path) {
                    self.notices.error(e);
                }
                self.notices_status(format!("Saved {}", path.display()));
            }
            Err(e) => self.notices.error(e),
        }
    }

    /// Writes the timeline (with edits) in the `chronoscope-timeline` JSON format.
    pub fn export_json(&mut self, path: &Path) {
        let text = crate::export::json::to_string(&self.project.timeline);
        match crate::export::atomic::write_atomic(path, text.as_bytes()) {
            Ok(()) => self.notices_status(format!("Exported JSON to {}", path.display())),
            Err(e) => self.notices.error(format!("exporting JSON to {}: {e}", path.display())),
        }
    }

    /// Renders the timeline to a PNG of the chosen size (light theme, no window involved).
    pub fn export_png(&mut self, path: &Path, choice: PngChoice) {
        let viewport = if choice.whole { None } else { self.view.viewport };
        match render::write_png(path, &self.project.timeline, viewport, choice.width, choice.height) {
            Ok(()) => {
                self.notices_status(format!("Exported {}x{} PNG to {}", choice.width, choice.height, path.display()))
            }
            Err(e) => self.notices.error(e),
        }
    }
}
