//! The inspector's story event section for the selected event: how many sources report the
//! happening, why their events were joined, each other source (document, time phrase, sentence;
//! click to select it), and the user's story decisions: split the event out, or join its story
//! event with another of the same days.

use crate::gui::actions::Action;
use crate::session::project::Project;
use crate::session::story_edit;
use crate::timeline::{Event, StoryEvent, Timeline};

/// Most story events offered to join with.
const MAX_JOIN_CHOICES: usize = 30;

pub fn show(ui: &mut egui::Ui, event: &Event, project: &Project, actions: &mut Vec<Action>) {
    let timeline = &project.timeline;
    let Some(story) = event.story.as_deref().and_then(|id| timeline.story(id)) else { return };
    ui.add_space(6.0);
    let sources = story.documents.len();
    let heading = match (story.events.len(), sources) {
        (1, _) => "Story event: only this report".to_string(),
        (n, 1) => format!("Story event: {n} reports in this article"),
        (n, s) => format!("Story event: reported by {s} sources ({n} reports)"),
    };
    ui.strong(heading);
    if story.events.len() > 1 {
        ui.label(format!("\u{201c}{}\u{201d}", story.label));
        if !story.reasons.is_empty() {
            ui.weak(format!("Joined because: {}", story.reasons.join("; ")));
        }
        for other in story.events.iter().filter(|id| **id != event.id).filter_map(|id| timeline.event(id)) {
            source_row(ui, other, timeline, actions);
        }
        if ui.button("Split from story event").on_hover_text("This report is about something else").clicked() {
            if let Some(edit) = story_edit::split(timeline, &event.id) {
                actions.push(Action::EditMany(Box::new(edit)));
            }
        }
    }
    join_choice(ui, story, timeline, actions);
}

/// One other source of the story event: its document, time phrase and sentence.
fn source_row(ui: &mut egui::Ui, other: &Event, timeline: &Timeline, actions: &mut Vec<Action>) {
    let title = timeline.document(&other.doc).map_or(&*other.doc, |d| d.title.as_str());
    let phrase = other.mentions.first().and_then(|id| timeline.mention(id)).map_or("", |m| m.text.as_str());
    let text = format!("{title} \u{2014} \u{201c}{phrase}\u{201d}: {}", other.sentence.text);
    let response = ui.add(egui::Label::new(text).sense(egui::Sense::click()).truncate());
    if response.on_hover_text(&*other.sentence.text).clicked() {
        actions.push(Action::Select(Some(other.id.to_string())));
    }
}

/// "Join with…": the story events whose time overlaps this one's.
fn join_choice(ui: &mut egui::Ui, story: &StoryEvent, timeline: &Timeline, actions: &mut Vec<Action>) {
    let candidates: Vec<&StoryEvent> = timeline
        .stories
        .iter()
        .filter(|s| s.id != story.id && s.start < story.end.max(story.start + chrono::Duration::days(1)))
        .filter(|s| story.start < s.end.max(s.start + chrono::Duration::days(1)))
        .take(MAX_JOIN_CHOICES)
        .collect();
    if candidates.is_empty() {
        return;
    }
    let mut chosen: Option<String> = None;
    ui.horizontal(|ui| {
        let caption = ui.label("Join with");
        let combo =
            egui::ComboBox::from_id_salt("join_story").selected_text("another story event\u{2026}").show_ui(ui, |ui| {
                for candidate in candidates {
                    let count = candidate.documents.len();
                    let text = format!("{} ({} source{})", candidate.label, count, if count == 1 { "" } else { "s" });
                    if ui.selectable_label(false, text).clicked() {
                        chosen = Some(candidate.id.to_string());
                    }
                }
            });
        combo.response.labelled_by(caption.id);
    });
    if let Some(target) = chosen {
        if let Some(edit) = story_edit::join(timeline, &story.id, &target) {
            actions.push(Action::EditMany(Box::new(edit)));
        }
    }
}
