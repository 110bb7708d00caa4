//! The document pane: the selected article's full text with every time phrase highlighted
//! (colour by TIMEX3 type, the selected event's phrases underlined). Clicking a phrase selects
//! its event; selecting an event scrolls the text to its sentence, jumping to a claim scrolls to
//! its phrase and marks it.

use crate::gui::actions::Action;
use crate::gui::highlight::{self, Span};
use crate::gui::state::Selection;
use crate::session::project::Project;
use crate::timeline::Mention;
use crate::timex::TimexType;
use egui::text::CCursor;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

fn legend(ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    // Laid out right to left: reversed so the legend reads DATE TIME DURATION SET.
    for kind in [TimexType::Set, TimexType::Duration, TimexType::Time, TimexType::Date] {
        ui.label(
            egui::RichText::new(format!(" {} ", kind.as_str()))
                .small()
                .background_color(highlight::type_color(kind, dark)),
        );
    }
}

/// Background of a claim's phrase the user jumped to.
fn focus_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgba_unmultiplied(255, 196, 0, 120)
    } else {
        egui::Color32::from_rgba_unmultiplied(255, 196, 0, 150)
    }
}

/// The pane's text laid out, kept from frame to frame while the article, its highlights, the
/// colours and the width stay the same: building the layout job and hashing a long article's
/// whole text for egui's galley cache cost every frame as much as the article is long.
#[derive(Clone)]
struct LaidOut {
    key: u64,
    galley: Arc<egui::Galley>,
}

fn laid_out(
    ui: &egui::Ui,
    text: &str,
    doc: &str,
    spans: &[Span],
    color: egui::Color32,
    strong: egui::Color32,
) -> Arc<egui::Galley> {
    let width = ui.available_width();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (doc, text.len(), width.to_bits(), color.to_array(), strong.to_array()).hash(&mut hasher);
    for span in spans {
        (span.start, span.end, span.background.to_array(), span.strong).hash(&mut hasher);
    }
    let key = hasher.finish();
    let id = ui.scope_id().with("laid_out_text");
    if let Some(kept) = ui.data(|d| d.get_temp::<LaidOut>(id)).filter(|kept| kept.key == key) {
        return kept.galley;
    }
    let job = highlight::job(text, spans, egui::FontId::proportional(14.0), color, strong, width);
    let galley = ui.painter().layout_job(job);
    ui.data_mut(|d| d.insert_temp(id, LaidOut { key, galley: galley.clone() }));
    galley
}

pub fn show(ui: &mut egui::Ui, project: &Project, selection: &mut Selection, actions: &mut Vec<Action>) {
    let timeline = &project.timeline;
    let doc_id = selection.doc.clone().or_else(|| timeline.documents.first().map(|d| d.id.clone()));
    let Some(info) = doc_id.as_deref().and_then(|id| timeline.document(id)) else {
        ui.weak("The selected article's text appears here, with its time phrases highlighted.");
        return;
    };
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            legend(ui);
            ui.add_space(8.0);
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(egui::RichText::new(&info.title).strong()).truncate())
                    .on_hover_text(&info.path);
            });
        });
    });
    ui.separator();
    let Some(text) = project.text_of(&info.id) else {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The text of this article is not available (the file could not be read).",
        );
        return;
    };
    let selected = selection.event.as_deref().and_then(|id| timeline.event(id)).filter(|e| *e.doc == *info.id);
    let mentions: Vec<&Mention> = timeline.mentions.iter().filter(|m| *m.doc == *info.id).collect();
    let dark = ui.visuals().dark_mode;
    let spans: Vec<Span> = mentions
        .iter()
        .map(|m| Span {
            start: m.start,
            end: m.end,
            background: highlight::type_color(m.timex_type, dark),
            strong: selected.is_some_and(|e| e.mentions.contains(&m.id)),
        })
        .collect();
    // A claim jumped to from the Conflicts panel: its phrase stands out, and the text scrolls to it.
    let focus = selection.focus.as_ref().filter(|f| f.doc == info.id);
    let mut spans = spans;
    if let Some(f) = focus {
        spans.retain(|s| s.end <= f.start || s.start >= f.end);
        spans.push(Span { start: f.start, end: f.end, background: focus_color(dark), strong: true });
    }
    let scroll_to = match focus {
        Some(f) if selection.scroll_text => Some(f.start),
        _ => selected.filter(|_| selection.scroll_text).map(|e| e.sentence.start),
    };
    egui::ScrollArea::vertical().id_salt("text_pane_scroll").auto_shrink([false, false]).show(ui, |ui| {
        let color = ui.visuals().text_color();
        let strong = ui.visuals().strong_text_color();
        let galley = laid_out(ui, text, &info.id, &spans, color, strong);
        let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::click());
        let pointed = response.hover_pos().map(|p| galley.cursor_from_pos(p - rect.min).index.0);
        let under_pointer = pointed.and_then(|i| mentions.iter().find(|m| m.start <= i && i < m.end));
        ui.painter().galley(rect.min, galley.clone(), color);
        let response = match under_pointer {
            Some(m) => {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                response.on_hover_text_at_pointer(format!("{} {} — {}", m.timex_type.as_str(), m.value, m.explanation))
            }
            None => response,
        };
        if response.clicked() {
            if let Some(event) = under_pointer.and_then(|m| timeline.event_placed_by(&m.id)) {
                actions.push(Action::SelectFromText(event.id.to_string()));
            }
        }
        if let Some(start) = scroll_to {
            let at = galley.pos_from_cursor(CCursor::new(start)).translate(rect.min.to_vec2());
            ui.scroll_to_rect(at.expand2(egui::vec2(0.0, 30.0)), Some(egui::Align::Center));
        }
    });
    if scroll_to.is_some() {
        selection.scroll_text = false;
    }
}
