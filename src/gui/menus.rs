//! The menu bar: File (open, recent, project, export, quit), Edit (undo / redo, hide, reset) and
//! View (fit, hidden events, inspector).

use crate::gui::actions::{Action, PathPurpose};
use crate::gui::recent::Recent;
use crate::gui::state::Selection;
use crate::session::project::Project;

fn item(ui: &mut egui::Ui, label: &str, shortcut: &str, enabled: bool) -> bool {
    let mut button = egui::Button::new(label);
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    let clicked = ui.add_enabled(enabled, button).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

fn file_menu(ui: &mut egui::Ui, recent: &Recent, actions: &mut Vec<Action>) {
    if item(ui, "Open articles…", "Ctrl+O", true) {
        actions.push(Action::ChoosePath(PathPurpose::OpenArticles));
    }
    if item(ui, "Open folder…", "", true) {
        actions.push(Action::ChoosePath(PathPurpose::OpenFolder));
    }
    ui.menu_button("Open recent", |ui| {
        if recent.entries.is_empty() {
            ui.label("Nothing opened yet");
        }
        for path in &recent.entries {
            if item(ui, &path.display().to_string(), "", true) {
                let is_project = path.to_string_lossy().ends_with(".json");
                actions.push(if is_project {
                    Action::PathsChosen(PathPurpose::OpenProject, vec![path.clone()])
                } else {
                    Action::AddFiles(vec![path.clone()])
                });
            }
        }
    });
    ui.separator();
    if item(ui, "Open project…", "", true) {
        actions.push(Action::ChoosePath(PathPurpose::OpenProject));
    }
    if item(ui, "Save project", "Ctrl+S", true) {
        actions.push(Action::SaveProject);
    }
    if item(ui, "Save project as…", "", true) {
        actions.push(Action::ChoosePath(PathPurpose::SaveProject));
    }
    ui.separator();
    ui.menu_button("Export", |ui| {
        if item(ui, "JSON…", "", true) {
            actions.push(Action::ChoosePath(PathPurpose::ExportJson));
        }
        if item(ui, "CSV (spreadsheet)…", "", true) {
            actions.push(Action::ChoosePath(PathPurpose::ExportCsv));
        }
        if item(ui, "TimelineJS…", "", true) {
            actions.push(Action::ChoosePath(PathPurpose::ExportTimelineJs));
        }
        if item(ui, "Chronology report (HTML, Markdown)…", "", true) {
            actions.push(Action::ChoosePath(PathPurpose::ExportReport));
        }
        if item(ui, "Image (PNG, SVG)…", "Ctrl+E", true) {
            actions.push(Action::ShowExportImage);
        }
    });
    ui.separator();
    if item(ui, "Quit", "", true) {
        actions.push(Action::Quit);
    }
}

fn edit_menu(ui: &mut egui::Ui, project: &Project, selection: &Selection, actions: &mut Vec<Action>) {
    let undo = project.history.undo_name().map_or("Undo".to_string(), |w| format!("Undo {w}"));
    if item(ui, &undo, "Ctrl+Z", project.history.undo_name().is_some()) {
        actions.push(Action::Undo);
    }
    let redo = project.history.redo_name().map_or("Redo".to_string(), |w| format!("Redo {w}"));
    if item(ui, &redo, "Ctrl+Shift+Z", project.history.redo_name().is_some()) {
        actions.push(Action::Redo);
    }
    ui.separator();
    let selected = selection.event.is_some();
    if item(ui, "Hide selected event", "Delete", selected) {
        actions.push(Action::HideSelected);
    }
    if item(ui, "Reset selected to extracted", "", selected) {
        actions.push(Action::ResetSelected);
    }
}

fn view_menu(ui: &mut egui::Ui, selection: &Selection, actions: &mut Vec<Action>) {
    if item(ui, "Fit all", "F", true) {
        actions.push(Action::Fit);
    }
    let hidden = if selection.show_hidden { "Hide hidden events" } else { "Show hidden events" };
    if item(ui, hidden, "", true) {
        actions.push(Action::ToggleShowHidden);
    }
    let theme = if ui.visuals().dark_mode { "Light theme" } else { "Dark theme" };
    if item(ui, theme, "", true) {
        actions.push(Action::ToggleTheme);
    }
    if item(ui, "Inspector", "Enter", true) {
        actions.push(Action::OpenInspector);
    }
}

pub fn show(ui: &mut egui::Ui, project: &Project, selection: &Selection, recent: &Recent, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, recent, actions));
        ui.menu_button("Edit", |ui| edit_menu(ui, project, selection, actions));
        ui.menu_button("View", |ui| view_menu(ui, selection, actions));
    });
}
