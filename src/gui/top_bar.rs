//! The bar under the menu: the story anchor (a validated YYYY-MM-DD field plus the calendar
//! picker), the Story / By source switch, the "Fit all" and "Show hidden" controls, the
//! Conflicts button, the loading progress, and the status line.

use crate::gui::actions::Action;
use crate::gui::calendar;
use crate::gui::format;
use crate::gui::state::{Drafts, Selection};
use crate::render::TimelineView;
use crate::session::jobs::{Progress, Stage};
use crate::session::project::{AnchorChoice, Project};
use crate::timeline::PlacementKind;

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
        // Until the articles give it, day zero is unknown: the field stays empty (not today's
        // date, which nothing said) and says it will be inferred, unless the user types one.
        let pending = project.anchor_choice == AnchorChoice::Infer;
        let hint = if pending { "from the articles" } else { "YYYY-MM-DD" };
        let field = egui::TextEdit::singleline(&mut drafts.anchor).desired_width(92.0).hint_text(hint);
        let response = ui.add(field).on_hover_text("The story's day zero: relative phrases resolve against it");
        if response.lost_focus() && !(pending && drafts.anchor.trim().is_empty()) {
            match format::parse_date(&drafts.anchor) {
                Ok(date) => {
                    drafts.anchor_error = None;
                    actions.push(Action::SetAnchor(date));
                }
                Err(e) => drafts.anchor_error = Some(e),
            }
        } else if !response.has_focus() && drafts.anchor_error.is_none() {
            drafts.anchor = if pending { String::new() } else { project.anchor.to_string() };
        }
        if let Some(day) = calendar::picker(ui, project.anchor) {
            actions.push(Action::SetAnchor(day));
        }
        if !pending {
            ui.weak(project.anchor.format("%A").to_string());
        }
        if let Some(error) = &drafts.anchor_error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.separator();
        view_switch(ui, project, selection, actions);
        if ui.button("Fit all").on_hover_text("Show the story's own span (F); what lies outside is counted at the edges").clicked() {
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
        let placed = project.timeline.events.iter().filter(|e| e.placement != PlacementKind::Phrase).count();
        if placed > 0 {
            let mut show_context = !selection.hide_context;
            let toggle = ui
                .checkbox(&mut show_context, format!("Context-placed ({placed})"))
                .on_hover_text("Sentences that report a happening with no time phrase of their own, placed by the paragraph's last time, the publication date of a lede, or the event they follow. Drawn lighter.");
            if toggle.changed() {
                actions.push(Action::ToggleContext);
            }
        }
        conflicts_button(ui, project, selection, actions);
        ui.separator();
        match progress {
            Some(p) => {
                ui.add(progress_bar(p));
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

/// Story | By source.
fn view_switch(ui: &mut egui::Ui, project: &Project, selection: &Selection, actions: &mut Vec<Action>) {
    let current = selection.timeline_view(project.timeline.documents.len());
    for (view, hint) in [
        (TimelineView::Story, "Each story event once, with a badge for each source that reports it"),
        (TimelineView::Sources, "One lane per article"),
    ] {
        if ui.selectable_label(current == view, view.title()).on_hover_text(hint).clicked() && current != view {
            actions.push(Action::SetView(view));
        }
    }
    ui.separator();
}

/// "Conflicts (N)", in the error colour while sources disagree.
fn conflicts_button(ui: &mut egui::Ui, project: &Project, selection: &Selection, actions: &mut Vec<Action>) {
    let n = project.timeline.conflicts.len();
    let text = egui::RichText::new(format!("Conflicts ({n})"));
    let text = if n > 0 { text.color(ui.visuals().error_fg_color).strong() } else { text };
    let hint = "Where sources disagree (figures, ages, times), and where they agree";
    if ui.selectable_label(selection.conflicts_open, text).on_hover_text(hint).clicked() {
        actions.push(Action::ToggleConflicts);
    }
}

/// The loading bar: how far the current stage has come ("extracting time phrases (120/2452)"),
/// and a moving bar while the story is joined (a stage with no count).
fn progress_bar(p: &Progress) -> egui::ProgressBar {
    let fraction = if p.total == 0 { 0.0 } else { p.done as f32 / p.total as f32 };
    match p.stage {
        Stage::Joining => egui::ProgressBar::new(1.0).desired_width(260.0).animate(true).text(p.step.as_str()),
        Stage::Reading | Stage::Extracting => {
            egui::ProgressBar::new(fraction).desired_width(260.0).text(format!("{} ({}/{})", p.step, p.done, p.total))
        }
    }
}
