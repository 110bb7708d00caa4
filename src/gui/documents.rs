//! The document list: every article with its state (loading, read, failed), its warnings, its
//! publication date (editable), and the hidden events that can be shown again. Only the rows in
//! view are laid out, and what they show of the timeline is looked up once per frame, so a list
//! of thousands of articles costs what a screenful does.

use crate::gui::actions::Action;
use crate::gui::format;
use crate::gui::state::{Drafts, Selection};
use crate::render::{items, theme};
use crate::session::edit;
use crate::session::history::EventEdit;
use crate::session::jobs::Stage;
use crate::session::project::{DocSlot, Project};
use crate::timeline::{DocumentInfo, Timeline};
use std::collections::HashMap;

/// Height a row is taken to have until it has been drawn once.
const ROW_HEIGHT_GUESS: f32 = 64.0;

/// What the rows show of the timeline, found once per frame.
struct Lookup<'a> {
    /// Each document by id, with its lane (its colour and letter).
    documents: HashMap<&'a str, (usize, &'a DocumentInfo)>,
    /// Time phrases and events per document.
    counts: HashMap<&'a str, (usize, usize)>,
    /// The stage of the job reading the articles still pending.
    stage: Option<Stage>,
}

impl<'a> Lookup<'a> {
    fn new(timeline: &'a Timeline, stage: Option<Stage>) -> Self {
        let documents = timeline.documents.iter().enumerate().map(|(lane, d)| (d.id.as_str(), (lane, d))).collect();
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::with_capacity(timeline.documents.len());
        for mention in &timeline.mentions {
            counts.entry(&*mention.doc).or_default().0 += 1;
        }
        for event in &timeline.events {
            counts.entry(&*event.doc).or_default().1 += 1;
        }
        Lookup { documents, counts, stage }
    }

    /// What a row whose article is not in the timeline yet says.
    fn pending(&self, slot: &DocSlot) -> &'static str {
        match self.stage {
            Some(Stage::Extracting) => "extracting…",
            Some(Stage::Joining) => "joining the story…",
            _ if slot.document.is_some() => "extracting…",
            _ => "reading…",
        }
    }
}

fn published_field(ui: &mut egui::Ui, slot: &DocSlot, drafts: &mut Drafts, actions: &mut Vec<Action>) {
    let draft = drafts.published.entry(slot.path.clone()).or_insert_with(|| slot.published.clone().unwrap_or_default());
    ui.horizontal(|ui| {
        ui.weak("published");
        let response = ui.add(egui::TextEdit::singleline(draft).desired_width(90.0).hint_text("from file"));
        let response = response.on_hover_text("Publication date (YYYY-MM-DD); empty uses the date the file states");
        if response.lost_focus() {
            let text = draft.trim().to_string();
            if text.is_empty() {
                actions.push(Action::SetPublished { path: slot.path.clone(), date: None });
            } else {
                match format::parse_date(&text) {
                    Ok(date) => {
                        actions.push(Action::SetPublished { path: slot.path.clone(), date: Some(date.to_string()) })
                    }
                    Err(e) => {
                        ui.colored_label(ui.visuals().error_fg_color, e);
                    }
                }
            }
        }
    });
}

fn slot_row(
    ui: &mut egui::Ui,
    index: usize,
    slot: &DocSlot,
    lookup: &Lookup<'_>,
    selection: &Selection,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let found = slot.id.as_deref().and_then(|id| lookup.documents.get(id));
    let info = found.map(|(_, info)| *info);
    let name = slot.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    ui.horizontal(|ui| {
        let lane = found.map(|(lane, _)| *lane);
        let color = lane.map_or(ui.visuals().weak_text_color(), |l| theme::doc_color(l, ui.visuals().dark_mode));
        // The document's letter on its colour: the badge its events carry on the timeline.
        let (badge, _) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::hover());
        ui.painter().rect_filled(badge, 3.0, color);
        if let Some(l) = lane {
            let font = egui::FontId::proportional(if l >= 26 { 8.5 } else { 10.5 });
            let ink = theme::Theme::new(ui.visuals().dark_mode).badge_text;
            ui.painter().text(badge.center(), egui::Align2::CENTER_CENTER, items::letter(l), font, ink);
        }
        let title = info.map_or(name.clone(), |i| if i.title.is_empty() { name.clone() } else { i.title.clone() });
        let selected = info.is_some_and(|i| selection.doc.as_deref() == Some(i.id.as_str()));
        let mut text = egui::RichText::new(title.as_str()).strong();
        if selected {
            text = text.color(ui.visuals().selection.stroke.color).underline();
        }
        let label = egui::Label::new(text).truncate().sense(egui::Sense::click());
        let response = ui.add(label).on_hover_text(format!("{title}\n{}", slot.path_key()));
        if response.clicked() {
            if let Some(info) = info {
                actions.push(Action::SelectDocument(info.id.clone()));
            }
        }
    });
    ui.indent(("doc", index), |ui| {
        if let Some(error) = &slot.error {
            ui.colored_label(ui.visuals().error_fg_color, format!("Error: {error}"));
            if let (Some(id), Some(_)) = (&slot.id, info) {
                ui.weak("Its events are kept as saved.");
                if ui.button("Locate…").on_hover_text("Point the project at the file's new place").clicked() {
                    actions.push(Action::Locate(id.clone()));
                }
            }
            return;
        }
        let Some(info) = info else {
            ui.weak(lookup.pending(slot));
            return;
        };
        let (phrases, events) = lookup.counts.get(info.id.as_str()).copied().unwrap_or_default();
        ui.weak(format!("{name} · {phrases} phrases · {events} events"));
        if let Some(dct) = &info.dct {
            ui.weak(format!("dated {dct}"));
        }
        for warning in &info.warnings {
            ui.colored_label(ui.visuals().warn_fg_color, format!("Warning: {warning}"));
        }
        published_field(ui, slot, drafts, actions);
    });
    ui.add_space(4.0);
}

fn hidden_events(ui: &mut egui::Ui, project: &Project, actions: &mut Vec<Action>) {
    let hidden: Vec<_> = project.timeline.events.iter().filter(|e| e.hidden).collect();
    egui::CollapsingHeader::new(format!("Hidden events ({})", hidden.len())).id_salt("hidden_events").show(ui, |ui| {
        if hidden.is_empty() {
            ui.weak("Delete hides the selected event; it is listed here.");
        }
        for event in hidden {
            ui.horizontal(|ui| {
                if ui.small_button("Show").clicked() {
                    let after = edit::set_hidden(event, false);
                    actions.push(Action::Edit(Box::new(EventEdit {
                        what: "Show".into(),
                        before: event.clone(),
                        after,
                    })));
                }
                if ui.link(event.label.as_str()).clicked() {
                    actions.push(Action::Select(Some(event.id.to_string())));
                }
            });
        }
    });
}

pub fn show(
    ui: &mut egui::Ui,
    project: &Project,
    stage: Option<Stage>,
    selection: &Selection,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    ui.heading("Articles");
    ui.separator();
    let lookup = Lookup::new(&project.timeline, stage);
    egui::ScrollArea::vertical().id_salt("documents_scroll").show_viewport(ui, |ui, viewport| {
        if project.slots.is_empty() {
            ui.weak(format!(
                "No articles yet. File › Open articles… (Ctrl+O), or drop {} files here.",
                crate::ingest::READ_TYPES
            ));
        }
        let heights_id = ui.scope_id().with("row_heights");
        let mut heights: Vec<f32> = ui.data(|d| d.get_temp(heights_id)).unwrap_or_default();
        heights.resize(project.slots.len(), ROW_HEIGHT_GUESS);
        let origin = ui.cursor().top();
        let spacing = ui.spacing().item_spacing.y;
        for (index, slot) in project.slots.iter().enumerate() {
            let top = ui.cursor().top() - origin;
            if top > viewport.max.y || top + heights[index] < viewport.min.y {
                // Out of view: only its space, at the height it had when last drawn.
                ui.allocate_space(egui::vec2(ui.available_width(), (heights[index] - spacing).max(0.0)));
                continue;
            }
            slot_row(ui, index, slot, &lookup, selection, drafts, actions);
            heights[index] = ui.cursor().top() - origin - top;
        }
        ui.data_mut(|d| d.insert_temp(heights_id, heights));
        ui.separator();
        hidden_events(ui, project, actions);
    });
}
