//! The app's work with files: adding articles and running extraction on the loader thread,
//! opening and saving projects, exporting JSON, PNG, CSV and TimelineJS (never over an open
//! article), and asking for paths (system dialog or the path field).

use super::{ChronoscopeApp, Pending};
use crate::gui::actions::{ImageChoice, ImageFormat, PathPurpose};
use crate::gui::file_dialog;
use crate::gui::state::{Drafts, Selection, Topic, View};
use crate::render;
use crate::session::jobs::{AnchorFound, FileToRead, Job, JobKind, Loaded, Outcome};
use crate::session::merge;
use crate::session::project::{AnchorChoice, DocSlot, Project};
use crate::session::project_file::{self, ProjectData};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

impl ChronoscopeApp {
    // ----- files and extraction -------------------------------------------------------------

    /// Opens article files; a folder stands for every article file under it (what else it
    /// holds is reported).
    pub(super) fn add_files(&mut self, paths: Vec<PathBuf>) {
        let expanded = crate::ingest::folder::expand(&paths);
        if let Some(line) = crate::ingest::folder::skipped_summary(&expanded.skipped, 3) {
            self.notices.info(capitalized(&line));
        }
        if expanded.files.is_empty() {
            self.notices.error(format!("No article file ({}) in the folder", crate::ingest::READ_TYPES));
            return;
        }
        let mut fresh = Vec::new();
        // One set of the paths open (a folder of thousands would make a scan per file quadratic).
        let mut taken: std::collections::HashSet<PathBuf> = self.project.slots.iter().map(|s| s.path.clone()).collect();
        let mut already_open = Vec::new();
        for path in expanded.files {
            let path = std::fs::canonicalize(&path).unwrap_or(path);
            if !taken.insert(path.clone()) {
                already_open.push(path);
                continue;
            }
            fresh.push(path);
        }
        match already_open.as_slice() {
            [] => {}
            [one] => self.notices.info(format!("{} is already open", one.display())),
            many => self.notices.info(format!("{} of these articles are already open", many.len())),
        }
        // A folder is remembered as itself, not as its hundreds of files; the last paths given
        // are the newest, and only the few the list keeps are looked at.
        let already_open: std::collections::HashSet<PathBuf> = already_open.into_iter().collect();
        let remembered = paths
            .iter()
            .rev()
            .map(|path| std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
            .filter(|path| !already_open.contains(path) && path.exists());
        if let Err(e) = self.recent.add_newest_first(remembered) {
            self.notices.error(e);
        }
        for path in &fresh {
            self.project.slots.push(DocSlot::new(path.clone()));
        }
        if fresh.is_empty() {
            return;
        }
        self.pending.paths.extend(fresh);
        self.start_next_job();
    }

    pub(super) fn set_anchor(&mut self, date: NaiveDate) {
        self.project.anchor_choice = AnchorChoice::Given;
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
        let files: Vec<FileToRead> =
            std::mem::take(&mut self.pending.paths).into_iter().map(|path| FileToRead { path, id: None }).collect();
        let job = Job {
            kind: if files.is_empty() { JobKind::Reextract } else { JobKind::AddFiles },
            files,
            sources: self.project.extraction_input(),
            settings: self.project.settings(),
            infer_anchor: self.project.anchor_choice == AnchorChoice::Infer,
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

    /// Puts what a job read into the project's slots (a file the user removed meanwhile is
    /// dropped).
    fn store_loaded(&mut self, loaded: Vec<Loaded>) {
        if loaded.is_empty() {
            return;
        }
        // Each slot by its path, once: a search per file cost 2,452² path comparisons, a 0.37 s
        // frame, when the silver corpus came in.
        let mut slot_at: HashMap<PathBuf, usize> = HashMap::with_capacity(self.project.slots.len());
        for (at, slot) in self.project.slots.iter().enumerate() {
            slot_at.entry(slot.path.clone()).or_insert(at);
        }
        for Loaded { path, id, result } in loaded {
            let Some(slot) = slot_at.get(&path).and_then(|&at| self.project.slots.get_mut(at)) else { continue };
            match result {
                Ok(doc) => {
                    slot.id.get_or_insert(id);
                    slot.document = Some(doc);
                    slot.error = None;
                }
                Err(message) => {
                    let kept =
                        if slot.id.is_some() { " (its events are kept as saved; Locate… to find it)" } else { "" };
                    self.notices.error(format!("{}: {message}{kept}", path.display()));
                    slot.error = Some(message);
                }
            }
        }
    }

    fn apply_anchor(&mut self, found: AnchorFound) {
        match found {
            AnchorFound::NotAsked => {}
            AnchorFound::Inferred(anchor, why) => {
                self.project.anchor = anchor;
                self.drafts.anchor = anchor.to_string();
                self.notices.info(format!("Anchor (day zero) set to {anchor}: {why}. Change it in the top bar."));
                self.project.anchor_choice = AnchorChoice::Inferred(why);
            }
            AnchorFound::Nothing => {
                let why = format!(
                    "no date was found in the articles, so today ({}) stands in as day zero until you set one",
                    self.project.anchor
                );
                self.notices.error(format!("Anchor: {why}. Set the story's day zero in the top bar."));
                self.project.anchor_choice = AnchorChoice::StandIn(why);
            }
        }
    }

    pub(super) fn finish_job(&mut self, outcome: Outcome) {
        self.store_loaded(outcome.loaded);
        self.apply_anchor(outcome.anchor);
        let had_events = !self.project.timeline.events.is_empty();
        match outcome.timeline {
            Some(fresh) => self.merge_fresh(fresh, outcome.kind),
            None => self.check_opened_files(),
        }
        if let Some(source) = self.project.anchor_choice.source() {
            self.project.timeline.anchor_source = Some(source);
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

    /// Merges a fresh extraction into the timeline as it is now, so edits made while the job ran
    /// are kept, and documents that could not be read keep what they had.
    fn merge_fresh(&mut self, fresh: crate::timeline::Timeline, kind: JobKind) {
        let (timeline, report) =
            merge::merge(fresh, &self.project.timeline, &self.project.unreadable_ids(), &self.project.document_order());
        // Articles added to a saved project change what its file would hold; loading articles
        // into a new, never-saved window is not an edit (nothing is lost by closing it).
        self.project.dirty |= kind == JobKind::AddFiles && self.project.path.is_some();
        self.project.timeline = timeline;
        self.project.mark_user_dates();
        if report.rematched > 0 {
            self.notices.info(format!(
                "{} edit{} found again in changed articles by their sentence",
                report.rematched,
                if report.rematched == 1 { " was" } else { "s were" }
            ));
        }
        if report.kept_unmatched > 0 {
            self.notices.error(format!(
                "{} edited event{} no longer found in {} article text: kept as edited",
                report.kept_unmatched,
                if report.kept_unmatched == 1 { "" } else { "s" },
                if report.kept_unmatched == 1 { "its" } else { "their" }
            ));
        }
    }

    /// After a project's files are read: say which changed since the save and extract them again
    /// (edits are carried over), and which are missing (their saved events stay).
    fn check_opened_files(&mut self) {
        let changed: Vec<String> = self
            .project
            .slots
            .iter()
            .filter(|s| s.changed_since_saved())
            .map(|s| s.path.display().to_string())
            .collect();
        if !changed.is_empty() {
            self.notices.error(format!(
                "changed since the project was saved: {}. Extracting again; your edits are carried over.",
                changed.join(", ")
            ));
            self.reextract();
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
            PathPurpose::OpenArticles | PathPurpose::OpenFolder => self.add_files(paths),
            PathPurpose::LocateDocument => {
                if let Some(doc_id) = self.locating.take() {
                    self.locate_document(&doc_id, first);
                }
            }
            PathPurpose::OpenProject if self.project.dirty => self.dialogs.confirm_open = Some(first),
            PathPurpose::OpenProject => self.open_project(&first),
            PathPurpose::SaveProject => self.save_project(&first),
            PathPurpose::ExportJson => self.export_json(&first),
            PathPurpose::ExportCsv => self.export_table(&first, Table::Csv),
            PathPurpose::ExportTimelineJs => self.export_table(&first, Table::TimelineJs),
            PathPurpose::ExportReport => self.export_report(&first),
            PathPurpose::ExportImage(choice) => self.export_image(&first, choice),
        }
    }

    /// Opens a saved project (replacing the current one); its files are read in the background.
    /// The saved timeline is shown as saved; files that moved or changed are reported.
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
        let mut project = Project::new(data.anchor, AnchorChoice::Given);
        project.path = Some(path.to_path_buf());
        project.slots = data
            .documents
            .iter()
            .map(|d| DocSlot {
                id: d.id.clone(),
                saved_hash: d.hash(),
                published: d.published.clone(),
                ..DocSlot::new(d.path.clone())
            })
            .collect();
        project.timeline = data.timeline;
        self.project = project;
        self.selection = Selection { inspector_open: true, ..Selection::default() };
        self.view = View::default();
        self.drafts = Drafts { anchor: data.anchor.to_string(), ..Drafts::default() };
        self.pending = Pending::default();
        let job = Job {
            kind: JobKind::OpenProject,
            files: data.documents.into_iter().map(|d| FileToRead { path: d.path, id: d.id }).collect(),
            sources: Vec::new(),
            settings: self.project.settings(),
            infer_anchor: false,
        };
        self.start_job(job);
    }

    /// Points a document whose file is missing at `path` (the user located it), reads it there
    /// and extracts again; its edits are carried over.
    pub fn locate_document(&mut self, doc_id: &str, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        if self.project.has_file(&path) {
            self.notices.error(format!("{} is already open", path.display()));
            return;
        }
        let Some(slot) = self.project.slots.iter_mut().find(|s| s.id.as_deref() == Some(doc_id)) else { return };
        slot.path = path.clone();
        slot.error = None;
        self.project.dirty = true;
        if self.loader.busy() {
            self.notices.error("still loading; locate the file again once loading is done");
            return;
        }
        let job = Job {
            kind: JobKind::AddFiles,
            files: vec![FileToRead { path, id: Some(doc_id.to_string()) }],
            sources: self.project.extraction_input(),
            settings: self.project.settings(),
            infer_anchor: false,
        };
        self.start_job(job);
    }

    /// What a project file records of the project now.
    pub fn project_data(&self) -> ProjectData {
        self.project.to_data()
    }

    /// Saves the project (atomically) and remembers `path` as its place.
    pub fn save_project(&mut self, path: &Path) {
        if !self.may_write(path, Topic::Save) {
            return;
        }
        match project_file::save(path, &self.project.to_data()) {
            Ok(()) => {
                self.project.path = Some(path.to_path_buf());
                self.project.dirty = false;
                self.notices.succeeded(Topic::Save);
                if let Err(e) = self.recent.add(path) {
                    self.notices.error(e);
                }
                self.notices_status(format!("Saved {}", path.display()));
            }
            Err(e) => self.notices.failed(Topic::Save, e),
        }
    }

    /// Writes the timeline (with edits) in the `chronoscope-timeline` JSON format.
    pub fn export_json(&mut self, path: &Path) {
        if !self.may_write(path, Topic::Export) {
            return;
        }
        match crate::export::json::write_file(path, &self.project.timeline) {
            Ok(()) => {
                self.notices.succeeded(Topic::Export);
                self.notices_status(format!("Exported JSON to {}", path.display()))
            }
            Err(e) => self.notices.failed(Topic::Export, format!("exporting JSON to {}: {e}", path.display())),
        }
    }

    /// Draws the timeline as a PNG or SVG of the chosen size (light theme, no window involved).
    pub fn export_image(&mut self, path: &Path, choice: ImageChoice) {
        if !self.may_write(path, Topic::Export) {
            return;
        }
        let viewport = if choice.whole { None } else { self.view.viewport };
        // The image draws the view the window shows.
        let view = self.selection.timeline_view(self.project.timeline.documents.len());
        let (timeline, w, h) = (&self.project.timeline, choice.width, choice.height);
        let picture = render::Picture { view, viewport, width: w, height: h };
        let written = match choice.format {
            ImageFormat::Png => render::write_png(path, timeline, &picture),
            ImageFormat::Svg => render::svg::write_svg(path, timeline, &picture),
        };
        match written {
            Ok(()) => {
                self.notices.succeeded(Topic::Export);
                self.notices_status(format!("Exported {w}x{h} {} to {}", choice.format.name(), path.display()))
            }
            Err(e) => self.notices.failed(Topic::Export, e),
        }
    }

    /// Writes the visible events as a CSV table or a TimelineJS 3 file (with the user's edits),
    /// as `extract --csv` and `--timelinejs` do.
    pub(super) fn export_table(&mut self, path: &Path, table: Table) {
        if !self.may_write(path, Topic::Export) {
            return;
        }
        let (written, name) = match table {
            Table::Csv => (crate::export::csv::write_file(path, &self.project.timeline), "CSV"),
            Table::TimelineJs => (crate::export::timelinejs::write_file(path, &self.project.timeline), "TimelineJS"),
            Table::Report(format) => {
                (crate::export::report::write_file(path, &self.project.timeline, format), "the chronology report")
            }
        };
        match written {
            Ok(()) => {
                self.notices.succeeded(Topic::Export);
                self.notices_status(format!("Exported {name} to {}", path.display()))
            }
            Err(e) => self.notices.failed(Topic::Export, format!("exporting {name} to {}: {e}", path.display())),
        }
    }

    /// Writes the chronology report, HTML or Markdown as the file's extension says (as
    /// `extract --report` does); another extension is refused with what to do.
    pub(super) fn export_report(&mut self, path: &Path) {
        match crate::export::report::Format::of_path(path) {
            Some(format) => self.export_table(path, Table::Report(format)),
            None if !self.may_write(path, Topic::Export) => {}
            None => self.notices.failed(
                Topic::Export,
                format!("{}: name the report .html (a web page) or .md (Markdown)", path.display()),
            ),
        }
    }

    /// Whether `path` may be written: never over an article of the project (its text would be
    /// lost); the refusal is said in the notices.
    fn may_write(&mut self, path: &Path, topic: Topic) -> bool {
        let articles: Vec<PathBuf> = self.project.slots.iter().map(|slot| slot.path.clone()).collect();
        match crate::export::targets::not_an_input(path, &articles) {
            Ok(()) => true,
            Err(e) => {
                self.notices.failed(topic, e);
                false
            }
        }
    }
}

/// The tables the window exports besides JSON and PNG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Csv,
    TimelineJs,
    Report(crate::export::report::Format),
}

/// A message line starting with a capital, as the window's notices do.
fn capitalized(line: &str) -> String {
    let mut chars = line.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
