//! The window's dialogs and messages: the dismissable message list, the path field used when the
//! system file dialog is unavailable, the PNG export choices, and the "unsaved changes" question
//! asked when the window is closed.

use crate::gui::actions::{Action, ImageChoice, ImageFormat, PathPurpose, IMAGE_SIZES};
use crate::gui::state::Notices;
use std::path::PathBuf;

/// A path the user types because no file dialog could be shown (or tests drive the app).
#[derive(Debug, Clone)]
pub struct PathPrompt {
    pub purpose: PathPurpose,
    pub text: String,
    /// Why the system dialog did not appear.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Dialogs {
    pub path_prompt: Option<PathPrompt>,
    /// The PNG export dialog, with its current choice.
    pub image: Option<ImageChoice>,
    pub confirm_close: bool,
    /// Closing was confirmed (or nothing is unsaved): let the window go.
    pub allow_close: bool,
    /// Close once the project is saved ("Save and close").
    pub close_after_save: bool,
    /// One line about the last thing done ("Saved ...", "Undid: Move").
    pub status: String,
    /// A project to open once the user agrees to discard unsaved changes.
    pub confirm_open: Option<PathBuf>,
}

impl Dialogs {
    pub fn ask_path(&mut self, purpose: PathPurpose, reason: Option<String>) {
        self.path_prompt = Some(PathPrompt { purpose, text: String::new(), reason });
    }

    pub fn open_image_export(&mut self) {
        let (width, height) = IMAGE_SIZES[0];
        self.image = Some(ImageChoice { format: ImageFormat::Png, width, height, whole: true });
    }
}

/// Handles a close request: with unsaved changes the close is cancelled and the question shown.
pub fn close_requested(ctx: &egui::Context, dialogs: &mut Dialogs, dirty: bool) -> bool {
    if !ctx.input(|i| i.viewport().close_requested()) || dialogs.allow_close || !dirty {
        return false;
    }
    ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
    dialogs.confirm_close = true;
    true
}

/// The message list (only when there is something to say); each message has a dismiss button.
pub fn notices_panel(ui: &mut egui::Ui, notices: &Notices, actions: &mut Vec<Action>) {
    if notices.items.is_empty() {
        return;
    }
    egui::Panel::top("notices").show(ui, |ui| {
        egui::ScrollArea::vertical().max_height(96.0).show(ui, |ui| {
            for (index, notice) in notices.items.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                        actions.push(Action::DismissNotice(index));
                    }
                    let color = if notice.error { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
                    ui.colored_label(color, &notice.text);
                });
            }
        });
        if notices.items.len() > 1 && ui.small_button("Dismiss all").clicked() {
            for index in (0..notices.items.len()).rev() {
                actions.push(Action::DismissNotice(index));
            }
        }
    });
}

/// Splits the path field: one path per line (several only when opening articles).
fn parse_paths(text: &str) -> Vec<PathBuf> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(PathBuf::from).collect()
}

fn path_prompt_window(ctx: &egui::Context, dialogs: &mut Dialogs, actions: &mut Vec<Action>) {
    let Some(prompt) = &mut dialogs.path_prompt else { return };
    let mut close = false;
    egui::Window::new(prompt.purpose.title()).collapsible(false).resizable(true).show(ctx, |ui| {
        if let Some(reason) = &prompt.reason {
            ui.colored_label(ui.visuals().warn_fg_color, reason);
        }
        let hint = match prompt.purpose {
            PathPurpose::OpenArticles => "One file or folder path per line",
            PathPurpose::OpenFolder => "The folder's path: every article file under it is opened",
            PathPurpose::LocateDocument => "The article's path now",
            PathPurpose::OpenProject => "Path of a .chronoscope.json project",
            PathPurpose::SaveProject => "Where to save, e.g. story.chronoscope.json",
            PathPurpose::ExportJson => "Where to write the JSON, e.g. timeline.json",
            PathPurpose::ExportCsv => "Where to write the CSV, e.g. timeline.csv",
            PathPurpose::ExportTimelineJs => "Where to write the TimelineJS file, e.g. timelinejs.json",
            PathPurpose::ExportReport => "Where to write the report, e.g. chronology.html or chronology.md",
            PathPurpose::ExportImage(ImageChoice { format: ImageFormat::Png, .. }) => {
                "Where to write the PNG, e.g. timeline.png"
            }
            PathPurpose::ExportImage(ImageChoice { format: ImageFormat::Svg, .. }) => {
                "Where to write the SVG, e.g. timeline.svg"
            }
        };
        let hint_label = ui.label(hint);
        let field = if prompt.purpose == PathPurpose::OpenArticles {
            egui::TextEdit::multiline(&mut prompt.text).desired_rows(3)
        } else {
            egui::TextEdit::singleline(&mut prompt.text)
        };
        let response = ui.add(field.desired_width(420.0).hint_text("path")).labelled_by(hint_label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let label = if prompt.purpose.saving() { "Save" } else { "Open" };
            let paths = parse_paths(&prompt.text);
            if (ui.add_enabled(!paths.is_empty(), egui::Button::new(label)).clicked() || entered) && !paths.is_empty() {
                actions.push(Action::PathsChosen(prompt.purpose, paths));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close {
        dialogs.path_prompt = None;
    }
}

fn image_window(ctx: &egui::Context, dialogs: &mut Dialogs, actions: &mut Vec<Action>) {
    let Some(choice) = &mut dialogs.image else { return };
    let mut close = false;
    egui::Window::new("Export image").collapsible(false).resizable(false).show(ctx, |ui| {
        ui.label("Format");
        ui.radio_value(&mut choice.format, ImageFormat::Png, "PNG: pixels, for slides and the web");
        ui.radio_value(&mut choice.format, ImageFormat::Svg, "SVG: vectors with real text, for print");
        ui.separator();
        ui.label("Size");
        for (width, height) in IMAGE_SIZES {
            let selected = choice.width == width && choice.height == height;
            if ui.radio(selected, format!("{width} × {height}")).clicked() {
                choice.width = width;
                choice.height = height;
            }
        }
        ui.separator();
        ui.label("Time range");
        ui.radio_value(&mut choice.whole, true, "Whole timeline");
        ui.radio_value(&mut choice.whole, false, "Current view");
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Export…").clicked() {
                actions.push(Action::ChoosePath(PathPurpose::ExportImage(*choice)));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close {
        dialogs.image = None;
    }
}

fn confirm_close_modal(ctx: &egui::Context, dialogs: &mut Dialogs, actions: &mut Vec<Action>) {
    if !dialogs.confirm_close {
        return;
    }
    egui::Modal::new(egui::Id::unique("confirm_close")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label("This project has changes that are not saved. Save them before closing?");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save and close").clicked() {
                dialogs.confirm_close = false;
                dialogs.close_after_save = true;
                actions.push(Action::SaveProject);
            }
            if ui.button("Discard changes").clicked() {
                dialogs.confirm_close = false;
                dialogs.allow_close = true;
                actions.push(Action::Quit);
            }
            if ui.button("Cancel").clicked() {
                dialogs.confirm_close = false;
            }
        });
    });
}

fn confirm_open_modal(ctx: &egui::Context, dialogs: &mut Dialogs, actions: &mut Vec<Action>) {
    let Some(path) = dialogs.confirm_open.clone() else { return };
    egui::Modal::new(egui::Id::unique("confirm_open")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!("Opening {} replaces the current project, whose changes are not saved.", path.display()));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Discard changes and open").clicked() {
                dialogs.confirm_open = None;
                actions.push(Action::OpenProjectDiscarding(path.clone()));
            }
            if ui.button("Cancel").clicked() {
                dialogs.confirm_open = None;
            }
        });
    });
}

/// All floating windows of the frame.
pub fn windows(ctx: &egui::Context, dialogs: &mut Dialogs, dirty: bool, actions: &mut Vec<Action>) {
    path_prompt_window(ctx, dialogs, actions);
    image_window(ctx, dialogs, actions);
    confirm_close_modal(ctx, dialogs, actions);
    confirm_open_modal(ctx, dialogs, actions);
    if dialogs.close_after_save && !dirty {
        dialogs.close_after_save = false;
        dialogs.allow_close = true;
        actions.push(Action::Quit);
    }
}
