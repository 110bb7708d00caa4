//! The bar under the menu: the story anchor (a validated YYYY-MM-DD field plus the calendar
//! picker), the "Fit all" and "Show hidden" controls, the loading progress, and the status line.

use crate::gui::actions::Action;
use crate::gui::calendar;
use crate::gui::format;
use crate::gui::state::{Drafts, Selection};
use crate::session::jobs::Progress;
use crate::session::project::Project;

pub fn show(
    ui: &mut egui::Ui,
    project: &Project,
    progress: Option<&Progress>,
    selection: &Selection,
    status: &str,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.label("Anchor (day zero):");
        let field = egui::TextEdit::singleline(&mut drafts.anchor).desired_width(92.0).hint_text("YYYY-MM-DD");
        let response = ui.add(field).on_hover_text("The story's day zero: relative phrases resolve against it");
        if response.lost_focus() {
            match format::parse_date(&drafts.anchor) {
                Ok(date) => {
                    drafts.anchor_error = None;
                    actions.push(Action::SetAnchor(date));
                }
                Err(e) => drafts.anchor_error = Some(e),
            }
        } else if !response.has_focus() && drafts.anchor_error.is_none() {
            drafts.anchor = project.anchor.to_string();
        }
        if let Some(day) = calendar::picker(ui, project.anchor) {
            actions.push(Action::SetAnchor(day));
        }
        ui.weak(project.anchor.format("%A").to_string());
        if let Some(error) = &drafts.anchor_error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.separator();
        if ui.button("Fit all").on_hover_text("Show every event (F)").clicked() {
            actions.push(Action::Fit);
        }
        let mut show_hidden = selection.show_hidden;
        let hidden = project.timeline.events.iter().filter(|e| e.hidden).count();
        if ui.checkbox(&mut show_hidden, format!("Show hidden ({hidden})")).changed() {
            actions.push(Action::ToggleShowHidden);
        }
        let implied = project.timeline.events.iter().filter(|e| e.implied.is_some()).count();
        if implied > 0 {
            let mut show_implied = !selection.hide_implied;
            let toggle = ui
                .checkbox(&mut show_implied, format!("Implied ({implied})"))
                .on_hover_text("Events the text implies but does not date: births from ages, starts from tenures, weddings from anniversaries. Drawn dashed.");
            if toggle.changed() {
                actions.push(Action::ToggleImplied);
            }
        }
        ui.separator();
        match progress {
            Some(p) => {
                let fraction = if p.total == 0 { 0.0 } else { p.done as f32 / p.total as f32 };
                ui.add(egui::ProgressBar::new(fraction).desired_width(260.0).text(format!(
                    "{} ({}/{})",
                    p.step,
                    p.done,
                    p.total.saturating_sub(1)
                )));
                ui.spinner();
            }
            None => {
                let t = &project.timeline;
                ui.weak(format!(
                    "{} documents · {} time phrases · {} events",
                    t.documents.len(),
                    t.mentions.len(),
                    t.events.len()
                ));
            }
        }
        if !status.is_empty() {
            ui.separator();
            ui.weak(status);
        }
    });
}
