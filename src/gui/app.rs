//! The application object: owns the project and the window state, lays the panels out each
//! frame, and carries out the actions they push (selection, edits, view); the work with files
//! (loading, extraction, projects, exports) is in [`files`].

use crate::gui::actions::{Action, PathPurpose};
use crate::gui::dialogs::{self, Dialogs};
use crate::gui::recent::Recent;
use crate::gui::screenshot::Screenshot;
use crate::gui::state::{Drafts, Focus, Notices, Selection, View};
use crate::gui::{canvas, conflicts, documents, inspector, keys, menus, text_pane, top_bar};
use crate::render::time_axis;
use crate::session::edit;
use crate::session::history::EventEdit;
use crate::session::jobs::Loader;
use crate::session::project::{AnchorChoice, Project};
use chrono::NaiveDate;
use std::path::PathBuf;

mod files;

/// How the app talks to the world outside the window (tests turn these off).
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// Use the system file dialog (rfd); when false, every path is typed into a field.
    pub native_dialogs: bool,
    /// Where the "Open recent" list is kept; `None` keeps it in memory only.
    pub recent_file: Option<PathBuf>,
    /// Save a screenshot of the window here once loading is done, then close.
    pub screenshot: Option<PathBuf>,
}

/// Work waiting for the loader to be free.
#[derive(Debug, Clone, Default)]
struct Pending {
    paths: Vec<PathBuf>,
    reextract: bool,
}

pub struct ChronoscopeApp {
    pub project: Project,
    pub selection: Selection,
    pub view: View,
    pub notices: Notices,
    pub recent: Recent,
    pub(crate) dialogs: Dialogs,
    pub(crate) drafts: Drafts,
    loader: Loader,
    pending: Pending,
    options: AppOptions,
    screenshot: Option<Screenshot>,
    actions: Vec<Action>,
    /// The document whose missing file the user is locating.
    locating: Option<String>,
    ctx: egui::Context,
    title: String,
}

/// The fonts of every drawing (`render::fonts`), so the window and the exports draw the same
/// characters.
fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(crate::render::fonts::definitions());
}

impl ChronoscopeApp {
    /// A window showing `files` (read in the background) against `anchor`; without one, the
    /// anchor is inferred from the articles (`pipeline::infer_anchor`), else today.
    pub fn new(ctx: &egui::Context, files: Vec<PathBuf>, anchor: Option<NaiveDate>, options: AppOptions) -> Self {
        install_fonts(ctx);
        let given = anchor.is_some();
        let choice = if given { AnchorChoice::Given } else { AnchorChoice::Infer };
        // Until the articles give a date, today stands in; the user is told if it stays.
        let anchor = anchor.unwrap_or_else(|| chrono::Local::now().date_naive());
        let mut app = ChronoscopeApp {
            project: Project::new(anchor, choice),
            selection: Selection { inspector_open: true, ..Selection::default() },
            view: View::default(),
            notices: Notices::default(),
            recent: Recent::load(options.recent_file.clone()),
            dialogs: Dialogs::default(),
            drafts: Drafts { anchor: if given { anchor.to_string() } else { String::new() }, ..Drafts::default() },
            loader: Loader::default(),
            pending: Pending::default(),
            screenshot: options.screenshot.clone().map(Screenshot::new),
            options,
            actions: Vec::new(),
            locating: None,
            ctx: ctx.clone(),
            title: String::new(),
        };
        if !files.is_empty() {
            app.add_files(files);
        }
        app
    }

    /// True while files are read or extraction runs.
    pub fn is_busy(&self) -> bool {
        self.loader.busy() || !self.pending.paths.is_empty() || self.pending.reextract
    }

    /// Queues an action as if a panel had pushed it (carried out at the end of the next frame).
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Carries out one action now.
    pub fn perform(&mut self, action: Action) {
        match action {
            Action::ChoosePath(purpose) => self.choose_path(purpose),
            Action::PathsChosen(purpose, paths) => self.paths_chosen(purpose, paths),
            Action::AddFiles(paths) => self.add_files(paths),
            Action::Locate(doc_id) => {
                self.locating = Some(doc_id);
                self.choose_path(PathPurpose::LocateDocument);
            }
            Action::OpenProjectDiscarding(path) => self.open_project(&path),
            Action::SaveProject => match self.project.path.clone() {
                Some(path) => self.save_project(&path),
                None => self.choose_path(PathPurpose::SaveProject),
            },
            Action::ShowExportImage => self.dialogs.open_image_export(),
            Action::Undo => match self.project.undo() {
                Some(what) => self.notices_status(format!("Undid: {what}")),
                None => self.notices_status("Nothing to undo".into()),
            },
            Action::Redo => match self.project.redo() {
                Some(what) => self.notices_status(format!("Redid: {what}")),
                None => self.notices_status("Nothing to redo".into()),
            },
            Action::Fit => self.view.fit_requested = true,
            Action::ZoomTo(start, end) => {
                if let Some(vp) = self.view.viewport {
                    let margin = ((end - start) * 0.1).max(3_600.0);
                    let fitted = time_axis::fit(
                        crate::timex::Interval::new(
                            time_axis::from_seconds(start - margin).unwrap_or_default(),
                            time_axis::from_seconds(end + margin).unwrap_or_default(),
                        ),
                        vp.width,
                        vp.height,
                    );
                    self.view.viewport = Some(fitted);
                }
            }
            Action::SetAnchor(date) => self.set_anchor(date),
            Action::SetPublished { path, date } => {
                if let Some(slot) = self.project.slots.iter_mut().find(|s| s.path == path) {
                    if slot.published != date {
                        slot.published = date;
                        self.reextract();
                    }
                }
            }
            Action::Select(id) => self.select(id),
            Action::SelectFromText(id) => {
                self.select(Some(id));
                self.selection.scroll_text = false;
            }
            Action::SelectDocument(doc) => {
                self.selection.doc = Some(doc);
            }
            Action::Step(direction) => self.step_selection(direction),
            Action::OpenInspector => self.selection.inspector_open = true,
            Action::Edit(change) => self.apply_edit(*change),
            Action::EditMany(change) => {
                let what = change.what.clone();
                if self.project.edit_many(*change) {
                    self.notices_status(what);
                }
            }
            Action::HideSelected => self.hide_selected(),
            Action::ResetSelected => self.edit_selected("Reset to extracted", |e| Some(edit::reset(e))),
            Action::ToggleShowHidden => self.selection.show_hidden = !self.selection.show_hidden,
            Action::ToggleImplied => self.selection.hide_implied = !self.selection.hide_implied,
            Action::ToggleContext => self.selection.hide_context = !self.selection.hide_context,
            Action::SetView(view) => self.selection.view = Some(view),
            Action::ToggleLane(doc) => match self.selection.collapsed.iter().position(|d| *d == doc) {
                Some(i) => {
                    self.selection.collapsed.remove(i);
                }
                None => self.selection.collapsed.push(doc),
            },
            Action::ToggleConflicts => self.selection.conflicts_open = !self.selection.conflicts_open,
            Action::JumpToClaim(id) => self.jump_to_claim(&id),
            Action::ToggleTheme => {
                let theme = if self.ctx.theme() == egui::Theme::Dark { egui::Theme::Light } else { egui::Theme::Dark };
                self.ctx.set_theme(theme);
            }
            Action::DismissNotice(index) => {
                if index < self.notices.items.len() {
                    self.notices.items.remove(index);
                }
            }
            Action::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn notices_status(&mut self, text: String) {
        self.dialogs.status = text;
    }

    /// Selects an event (or nothing), shows its document's text, and brings it into view when
    /// it is off-screen.
    fn select(&mut self, id: Option<String>) {
        if let Some(event) = id.as_deref().and_then(|id| self.project.timeline.event(id)) {
            self.selection.doc = Some(event.doc.to_string());
            self.selection.scroll_text = true;
            if let Some(vp) = self.view.viewport {
                let t = time_axis::to_seconds(event.start);
                if t < vp.start || t > vp.end {
                    self.view.viewport = Some(time_axis::pan_by_seconds(&vp, t - (vp.start + vp.end) / 2.0));
                }
            }
        }
        self.selection.event = id;
        self.selection.focus = None;
    }

    /// Hides the selected event; in the Story view, every event of its story event (one step).
    fn hide_selected(&mut self) {
        let timeline = &self.project.timeline;
        let story_view = self.selection.timeline_view(timeline.documents.len()) == crate::render::TimelineView::Story;
        let story = self
            .selection
            .event
            .as_deref()
            .and_then(|id| timeline.event(id))
            .and_then(|e| e.story.as_deref())
            .and_then(|id| timeline.story(id))
            .filter(|s| story_view && s.events.len() > 1);
        let Some(story) = story else {
            self.edit_selected("Hide", |e| Some(edit::set_hidden(e, true)));
            return;
        };
        let before: Vec<_> =
            story.events.iter().filter_map(|id| timeline.event(id)).filter(|e| !e.hidden).cloned().collect();
        let after = before.iter().map(|e| edit::set_hidden(e, true)).collect();
        let what = "Hide story event".to_string();
        self.project.edit_many(crate::session::history::EventsEdit { what, before, after });
    }

    /// Shows a claim's sentence: selects its event (when it has one), opens its document in the
    /// text pane and highlights the claim's phrase there.
    fn jump_to_claim(&mut self, id: &str) {
        let Some(claim) = self.project.timeline.claim(id) else { return };
        let focus = Focus { doc: claim.doc.to_string(), start: claim.start, end: claim.end };
        let event = claim.event.as_ref().map(ToString::to_string);
        self.select(event);
        self.selection.doc = Some(focus.doc.clone());
        self.selection.focus = Some(focus);
        self.selection.scroll_text = true;
    }

    fn edit_selected(
        &mut self,
        what: &str,
        change: impl Fn(&crate::timeline::Event) -> Option<crate::timeline::Event>,
    ) {
        let Some(before) = self.selection.event.as_deref().and_then(|id| self.project.timeline.event(id)).cloned()
        else {
            return;
        };
        if let Some(after) = change(&before) {
            self.apply_edit(EventEdit { what: what.to_string(), before, after });
        }
    }

    /// Applies one event edit; the status line then names it, so an earlier "Redid: Move" or
    /// "Undid: Hide" never stays under a later edit.
    fn apply_edit(&mut self, change: EventEdit) {
        let what = change.what.clone();
        if self.project.edit(change) {
            self.notices_status(what);
        }
    }

    /// Visible events in time order (start, end, id): the order arrow keys walk.
    fn time_order(&self) -> Vec<String> {
        let mut events: Vec<_> =
            self.project.timeline.events.iter().filter(|e| self.selection.show_hidden || !e.hidden).collect();
        events.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
        events.into_iter().map(|e| e.id.to_string()).collect()
    }

    fn step_selection(&mut self, direction: i32) {
        let order = self.time_order();
        if order.is_empty() {
            return;
        }
        let current = self.selection.event.as_ref().and_then(|id| order.iter().position(|o| o == id));
        let next = match current {
            None if direction >= 0 => 0,
            None => order.len() - 1,
            Some(i) if direction >= 0 => (i + 1).min(order.len() - 1),
            Some(i) => i.saturating_sub(1),
        };
        self.select(Some(order[next].clone()));
    }

    // ----- the frame --------------------------------------------------------------------------

    fn poll_loader(&mut self) {
        match self.loader.poll() {
            Some(Ok(outcome)) => {
                self.finish_job(outcome);
                self.start_next_job();
            }
            Some(Err(e)) => {
                self.notices.error(e);
                self.start_next_job();
            }
            None => {}
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if dropped.is_empty() {
            return;
        }
        let (projects, articles): (Vec<_>, Vec<_>) =
            dropped.into_iter().partition(|p| p.to_string_lossy().ends_with(".chronoscope.json"));
        if let Some(project) = projects.first() {
            self.paths_chosen(PathPurpose::OpenProject, vec![project.clone()]);
        }
        if !articles.is_empty() {
            self.add_files(articles);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.project.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last sent to the window.
    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn loader_progress(&self) -> Option<&crate::session::jobs::Progress> {
        self.loader.progress()
    }
}

impl eframe::App for ChronoscopeApp {
    /// In a screenshot run the pointer is ignored, so no hover or tooltip depends on where the
    /// virtual display happens to put it.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.screenshot.is_some() {
            raw_input.events.retain(|e| !matches!(e, egui::Event::PointerMoved(_) | egui::Event::PointerButton { .. }));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_loader();
        self.handle_dropped_files(&ctx);
        let mut actions = std::mem::take(&mut self.actions);
        keys::shortcuts(&ctx, &mut actions);
        if dialogs::close_requested(&ctx, &mut self.dialogs, self.project.dirty) {
            // The confirmation dialog is open; the window stays.
        }

        egui::Panel::top("menu_bar").show(ui, |ui| {
            menus::show(ui, &self.project, &self.selection, &self.recent, &mut actions);
        });
        egui::Panel::top("top_bar").show(ui, |ui| {
            top_bar::show(
                ui,
                &self.project,
                self.loader.progress(),
                &self.selection,
                &self.dialogs.status,
                &mut self.drafts,
                &mut actions,
            );
        });
        dialogs::notices_panel(ui, &self.notices, &mut actions);
        egui::Panel::left("documents").resizable(true).default_size(270.0).size_range(180.0..=480.0).show(ui, |ui| {
            let stage = self.loader.progress().map(|p| p.stage);
            documents::show(ui, &self.project, stage, &self.selection, &mut self.drafts, &mut actions);
        });
        if self.selection.conflicts_open {
            egui::Panel::right("conflicts").resizable(true).default_size(340.0).size_range(240.0..=560.0).show(
                ui,
                |ui| {
                    conflicts::show(ui, &self.project.timeline, &mut actions);
                },
            );
        }
        if self.selection.inspector_open {
            egui::Panel::right("inspector").resizable(true).default_size(360.0).size_range(240.0..=560.0).show(
                ui,
                |ui| {
                    inspector::show(ui, &self.project, &mut self.selection, &mut self.drafts.inspector, &mut actions);
                },
            );
        }
        egui::Panel::bottom("text_pane").resizable(true).min_size(140.0).default_size(250.0).show(ui, |ui| {
            text_pane::show(ui, &self.project, &mut self.selection, &mut actions);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            canvas::show(ui, &self.project.timeline, &mut self.selection, &mut self.view, &mut actions);
        });

        dialogs::windows(&ctx, &mut self.dialogs, self.project.dirty, &mut actions);

        for action in actions {
            self.perform(action);
        }
        self.update_title(&ctx);
        if self.loader.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(shot) = &mut self.screenshot {
            shot.tick(&ctx, self.loader.busy() || !self.pending.paths.is_empty(), &mut self.notices);
            if shot.finished() {
                self.dialogs.allow_close = true;
            }
        }
    }
}
