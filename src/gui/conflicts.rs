//! The Conflicts panel: every place the sources disagree (figures, ages, times) with the values
//! side by side and, under each value, the sources that give it and their sentences (click one
//! to show it in its article); then the figures sources revise, with the date of each source,
//! and the agreements across sources, which are information too.

use crate::gui::actions::Action;
use crate::gui::format;
use crate::story::claims::{Claim, ClaimStatus};
use crate::story::conflicts::Conflict;
use crate::timeline::Timeline;

/// The panel's accessible name (the UI tests look it up).
pub const TITLE: &str = "Conflicts";

pub fn show(ui: &mut egui::Ui, timeline: &Timeline, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.heading(TITLE);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button("Close").on_hover_text("Close the Conflicts panel").clicked() {
                actions.push(Action::ToggleConflicts);
            }
        });
    });
    ui.weak("Where the sources disagree. Check these before publishing.");
    ui.separator();
    egui::ScrollArea::vertical().id_salt("conflicts_scroll").auto_shrink([false, false]).show(ui, |ui| {
        if timeline.conflicts.is_empty() {
            ui.label("No conflicts: where two sources give a figure, an age or a time, they agree.");
        }
        for conflict in &timeline.conflicts {
            conflict_card(ui, conflict, timeline, actions);
        }
        revisions(ui, timeline, actions);
        agreements(ui, timeline, actions);
    });
}

fn story_label<'t>(timeline: &'t Timeline, story: Option<&str>) -> Option<&'t str> {
    story.and_then(|id| timeline.story(id)).map(|s| s.label.as_str())
}

fn title_of<'t>(timeline: &'t Timeline, doc: &'t str) -> &'t str {
    timeline.document(doc).map_or(doc, |d| d.title.as_str())
}

fn conflict_card(ui: &mut egui::Ui, conflict: &Conflict, timeline: &Timeline, actions: &mut Vec<Action>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let what = match story_label(timeline, conflict.story.as_deref()) {
            Some(label) => format!("{}: {label}", capitalised(&conflict.subject)),
            None => capitalised(&conflict.subject),
        };
        ui.label(egui::RichText::new(what).strong().color(ui.visuals().error_fg_color));
        if conflict.kind == "time" {
            time_values(ui, conflict, timeline, actions);
        } else {
            quantity_values(ui, conflict, timeline, actions);
        }
    });
    ui.add_space(4.0);
}

/// The claims of a quantity conflict, one group per value: "4", then each source saying 4.
fn quantity_values(ui: &mut egui::Ui, conflict: &Conflict, timeline: &Timeline, actions: &mut Vec<Action>) {
    let claims: Vec<&Claim> = conflict.claims.iter().filter_map(|id| timeline.claim(id)).collect();
    let mut values: Vec<String> = Vec::new();
    for claim in &claims {
        let value = claim.quantity.describe();
        if !values.contains(&value) {
            values.push(value);
        }
    }
    for value in values {
        ui.label(egui::RichText::new(&value).strong().size(15.0));
        for claim in claims.iter().filter(|c| c.quantity.describe() == value) {
            claim_line(ui, claim, timeline, actions);
        }
    }
}

/// The events of a time conflict, each with its time and source.
fn time_values(ui: &mut egui::Ui, conflict: &Conflict, timeline: &Timeline, actions: &mut Vec<Action>) {
    for event in conflict.events.iter().filter_map(|id| timeline.event(id)) {
        ui.label(egui::RichText::new(format::placement(event.start, event.end, event.granularity)).strong());
        let phrase = event.mentions.first().and_then(|m| timeline.mention(m)).map_or("", |m| m.text.as_str());
        let text = format!("{} — “{phrase}”", title_of(timeline, &event.doc));
        let link = ui.link(text).on_hover_text(&*event.sentence.text);
        if link.clicked() {
            actions.push(Action::Select(Some(event.id.to_string())));
        }
    }
}

/// One source of a claim: document, quoted phrase (a link to its sentence), status and date.
fn claim_line(ui: &mut egui::Ui, claim: &Claim, timeline: &Timeline, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.add_space(12.0);
        let doc = timeline.document(&claim.doc);
        ui.weak(title_of(timeline, &claim.doc));
        let link = ui.link(format!("“{}”", claim.text)).on_hover_text("Show this sentence in its article");
        if link.clicked() {
            actions.push(Action::JumpToClaim(claim.id.to_string()));
        }
        match claim.status {
            ClaimStatus::Revised => {
                ui.weak("(revised figure)");
            }
            ClaimStatus::Earlier => {
                ui.weak("(earlier figure)");
            }
            ClaimStatus::Current => {}
        }
        if let Some(dct) = doc.and_then(|d| d.dct.as_deref()) {
            ui.weak(format!("published {dct}"));
        }
        if !claim.qualifiers.is_empty() {
            ui.weak(claim.qualifiers.join(", "));
        }
    });
}

/// Figures a source says changed ("the death toll rose to five") or reports as earlier, in
/// publication order, so a later correction shows as a revision with its date.
fn revisions(ui: &mut egui::Ui, timeline: &Timeline, actions: &mut Vec<Action>) {
    let mut changed: Vec<&Claim> =
        timeline.claims.iter().filter(|c| c.status != ClaimStatus::Current || c.superseded_by.is_some()).collect();
    if changed.is_empty() {
        return;
    }
    let date = |c: &Claim| timeline.document(&c.doc).and_then(|d| d.dct.clone()).unwrap_or_default();
    changed.sort_by(|a, b| (date(a), &a.id).cmp(&(date(b), &b.id)));
    ui.add_space(6.0);
    ui.strong(format!("Revisions ({})", changed.len()));
    for claim in changed {
        let verb = match (claim.status, &claim.superseded_by) {
            (ClaimStatus::Revised, _) => "revised to",
            (_, Some(_)) => "superseded by a later revision:",
            _ => "earlier figure",
        };
        ui.label(format!("{} {verb} {}", capitalised(&claim.subject.replace('_', " ")), claim.quantity.describe()));
        claim_line(ui, claim, timeline, actions);
    }
}

fn agreements(ui: &mut egui::Ui, timeline: &Timeline, actions: &mut Vec<Action>) {
    if timeline.agreements.is_empty() {
        return;
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new(format!("Agreements ({})", timeline.agreements.len())).default_open(false).show(
        ui,
        |ui| {
            for agreement in &timeline.agreements {
                let what = match story_label(timeline, agreement.story.as_deref()) {
                    Some(label) => format!("{}: {label}", capitalised(&agreement.subject)),
                    None => capitalised(&agreement.subject),
                };
                ui.label(egui::RichText::new(what).strong());
                for claim in agreement.claims.iter().filter_map(|id| timeline.claim(id)) {
                    claim_line(ui, claim, timeline, actions);
                }
            }
        },
    );
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
