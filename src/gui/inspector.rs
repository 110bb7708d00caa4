//! The inspector for the selected event: editable label and start (date + time), granularity,
//! the time phrases with their TIMEX3 type / value and how each was resolved, the document, and
//! the whole source sentence with the phrases highlighted; "Reset to extracted" and hide / show.

use crate::gui::actions::Action;
use crate::gui::format;
use crate::gui::highlight::{self, Span};
use crate::gui::state::{InspectorDraft, Selection};
use crate::session::edit;
use crate::session::history::EventEdit;
use crate::session::project::Project;
use crate::timeline::{Event, PlacementKind, Timeline};
use crate::timex::Granularity;

/// The granularities offered in the inspector, finest first.
const GRANULARITIES: [Granularity; 12] = [
    Granularity::Minute,
    Granularity::Hour,
    Granularity::PartOfDay,
    Granularity::Day,
    Granularity::Week,
    Granularity::Month,
    Granularity::Season,
    Granularity::Quarter,
    Granularity::Half,
    Granularity::Year,
    Granularity::Decade,
    Granularity::Century,
];

fn sync(draft: &mut InspectorDraft, event: &Event) {
    if draft.synced_from.as_ref() == Some(event) {
        return;
    }
    draft.label = event.label.to_string();
    draft.date = format::date_field(event.start);
    draft.time = format::time_field(event.start);
    draft.error = None;
    draft.synced_from = Some(event.clone());
}

fn sentence_spans(event: &Event, timeline: &Timeline, dark: bool) -> Vec<Span> {
    event
        .mentions
        .iter()
        .filter_map(|id| timeline.mention(id))
        .filter(|m| m.start >= event.sentence.start && m.end <= event.sentence.end)
        .map(|m| Span {
            start: m.start - event.sentence.start,
            end: m.end - event.sentence.start,
            background: highlight::type_color(m.timex_type, dark),
            strong: true,
        })
        .collect()
}

fn edit_fields(ui: &mut egui::Ui, event: &Event, draft: &mut InspectorDraft, actions: &mut Vec<Action>) {
    egui::Grid::new("inspector_fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        let caption = ui.label("Label");
        let response =
            ui.add(egui::TextEdit::singleline(&mut draft.label).desired_width(f32::INFINITY)).labelled_by(caption.id);
        let cancelled = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
        if cancelled {
            // Escape takes back what was typed, as in any text field of a desktop program.
            draft.label = event.label.to_string();
            draft.error = None;
        } else if response.lost_focus() && draft.label.trim() != event.label {
            match edit::relabel(event, &draft.label) {
                Some(after) => actions.push(Action::Edit(Box::new(EventEdit {
                    what: "Rename".into(),
                    before: event.clone(),
                    after,
                }))),
                None => draft.error = Some("a label cannot be empty".into()),
            }
        }
        ui.end_row();

        ui.label("Starts");
        ui.horizontal(|ui| {
            let date = ui.add(egui::TextEdit::singleline(&mut draft.date).desired_width(88.0).hint_text("YYYY-MM-DD"));
            date.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Start date"));
            let time = ui.add(egui::TextEdit::singleline(&mut draft.time).desired_width(48.0).hint_text("HH:MM"));
            time.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Start time"));
            let entered = (date.lost_focus() || time.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Move").on_hover_text("Move the event to start at this date and time").clicked() || entered {
                match format::parse_date_time(&draft.date, &draft.time) {
                    Ok(start) => match edit::set_start(event, start) {
                        Some(after) => {
                            draft.error = None;
                            actions.push(Action::Edit(Box::new(EventEdit {
                                what: "Move".into(),
                                before: event.clone(),
                                after,
                            })));
                        }
                        None => draft.error = Some("that date is out of range".into()),
                    },
                    Err(e) => draft.error = Some(e),
                }
            }
        });
        ui.end_row();

        ui.label("Placed");
        ui.label(format::placement(event.start, event.end, event.granularity));
        ui.end_row();
        let caption = ui.label("Granularity");
        let mut granularity = event.granularity;
        let combo = egui::ComboBox::from_id_salt("inspector_granularity")
            .selected_text(granularity.as_str().replace('_', " "))
            .show_ui(ui, |ui| {
                for g in GRANULARITIES {
                    ui.selectable_value(&mut granularity, g, g.as_str().replace('_', " "));
                }
            });
        combo.response.labelled_by(caption.id);
        if granularity != event.granularity {
            match edit::set_granularity(event, granularity) {
                Some(after) => actions.push(Action::Edit(Box::new(EventEdit {
                    what: "Change granularity".into(),
                    before: event.clone(),
                    after,
                }))),
                None => draft.error = Some("that granularity does not fit this date".into()),
            }
        }
        ui.end_row();
    });
    if let Some(error) = &draft.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
}

fn provenance(ui: &mut egui::Ui, event: &Event, project: &Project) {
    let timeline = &project.timeline;
    if event.edited {
        let mut note = String::from("Edited by you.");
        if let Some(original) = &event.original {
            note.push_str(&format!(
                " Extracted as {}.",
                format::placement(original.start, original.end, original.granularity)
            ));
        }
        if let Some(label) = &event.original_label {
            note.push_str(&format!(" Extracted label: \"{label}\"."));
        }
        ui.colored_label(ui.visuals().warn_fg_color, note);
    }
    if event.hidden {
        ui.colored_label(ui.visuals().warn_fg_color, "Hidden from the timeline.");
    }
    if let Some(info) = &event.implied {
        let approximately = if info.approximate { " (approximate)" } else { "" };
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Implied{approximately} by “{}”: {}", info.phrase, info.explanation),
        );
    }
    if let Some(why) = &event.placement_explanation {
        let how = if event.placement == PlacementKind::Relation { "Placed by relation" } else { "Placed by context" };
        ui.colored_label(ui.visuals().warn_fg_color, format!("{how}: {why}"));
    }
    ui.add_space(6.0);
    ui.strong("Time phrase");
    for mention in event.mentions.iter().filter_map(|id| timeline.mention(id)) {
        ui.horizontal_wrapped(|ui| {
            let bg = highlight::type_color(mention.timex_type, ui.visuals().dark_mode);
            ui.label(egui::RichText::new(format!("“{}”", mention.text)).background_color(bg));
            let mut value = format!("{} {}", mention.timex_type.as_str(), mention.value);
            if let Some(m) = &mention.modifier {
                value.push_str(&format!(" mod={m}"));
            }
            ui.monospace(value);
        });
        ui.label(&mention.explanation);
        ui.weak(format!("rule: {}", mention.rule));
    }
    ui.add_space(6.0);
    ui.strong("Document");
    match timeline.document(&event.doc) {
        Some(doc) => {
            ui.label(&doc.title);
            ui.weak(&doc.path);
            if let Some(dct) = &doc.dct {
                ui.weak(format!("published {dct}"));
            }
        }
        None => {
            ui.weak(&*event.doc);
        }
    }
    ui.add_space(6.0);
    ui.strong("Sentence");
    let dark = ui.visuals().dark_mode;
    let spans = sentence_spans(event, timeline, dark);
    let color = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    let job = highlight::job(
        &event.sentence.text,
        &spans,
        egui::FontId::proportional(14.0),
        color,
        strong,
        ui.available_width(),
    );
    ui.label(job);
}

/// With nothing selected: every event in time order, each a link that selects it.
fn event_list(ui: &mut egui::Ui, timeline: &Timeline, show_hidden: bool, actions: &mut Vec<Action>) {
    let mut events: Vec<&Event> = timeline.events.iter().filter(|e| show_hidden || !e.hidden).collect();
    events.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
    ui.strong(format!("Events in time order ({})", events.len()));
    // Only the rows in view are laid out, so ten thousand events cost no more than thirty.
    let row_height = 18.0 + ui.spacing().item_spacing.y;
    let scroll = egui::ScrollArea::vertical().id_salt("event_list").auto_shrink([false, true]);
    scroll.show_rows(ui, row_height, events.len(), |ui, rows| {
        for event in &events[rows] {
            ui.horizontal(|ui| {
                let when = egui::Label::new(
                    egui::RichText::new(format::at_granularity(event.start, event.granularity)).weak(),
                );
                ui.add_sized([150.0, 18.0], when.truncate().halign(egui::Align::LEFT));
                let label = ui.add(egui::Label::new(event.label.as_str()).truncate().sense(egui::Sense::click()));
                if label.on_hover_text(&*event.sentence.text).clicked() {
                    actions.push(Action::Select(Some(event.id.to_string())));
                }
            });
        }
    });
}

pub fn show(
    ui: &mut egui::Ui,
    project: &Project,
    selection: &mut Selection,
    draft: &mut InspectorDraft,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.heading("Inspector");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button("×").on_hover_text("Close the inspector (Enter opens it)").clicked() {
                selection.inspector_open = false;
            }
        });
    });
    ui.separator();
    let Some(event) = selection.event.as_deref().and_then(|id| project.timeline.event(id)) else {
        draft.synced_from = None;
        ui.weak("Select an event on the timeline: click it, or use the arrow keys.");
        ui.add_space(6.0);
        event_list(ui, &project.timeline, selection.show_hidden, actions);
        return;
    };
    sync(draft, event);
    egui::ScrollArea::vertical().id_salt("inspector_scroll").show(ui, |ui| {
        edit_fields(ui, event, draft, actions);
        ui.horizontal(|ui| {
            let changed = event.edited || event.hidden;
            if ui.add_enabled(changed, egui::Button::new("Reset to extracted")).clicked() {
                actions.push(Action::ResetSelected);
            }
            if event.hidden {
                if ui.button("Show").clicked() {
                    let after = edit::set_hidden(event, false);
                    actions.push(Action::Edit(Box::new(EventEdit {
                        what: "Show".into(),
                        before: event.clone(),
                        after,
                    })));
                }
            } else if ui.button("Hide").on_hover_text("Hide the event (Delete); recoverable").clicked() {
                actions.push(Action::HideSelected);
            }
        });
        crate::gui::story_section::show(ui, event, project, actions);
        ui.separator();
        provenance(ui, event, project);
    });
}
