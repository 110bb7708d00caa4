//! The timeline canvas: paints the scene `render::build_scene` describes and answers the pointer
//! through the scene's hit regions. Wheel / pinch zoom around the pointer, drag the background
//! or scroll sideways to pan, hover for a tooltip, click to select, drag an event to re-time it
//! (snapped to whole units of its granularity, the new time shown while dragging).

use crate::gui::actions::Action;
use crate::gui::format;
use crate::gui::state::{Drag, Selection, View};
use crate::render::{self, time_axis, HitTarget, SceneOptions, Viewport};
use crate::session::edit;
use crate::session::history::EventEdit;
use crate::timeline::{Event, Timeline};
use egui::{Rect, Sense};
use std::borrow::Cow;

/// What assistive technology (and the UI tests) call an event marker.
pub fn accessible_label(event: &Event, timeline: &Timeline) -> String {
    let source = timeline.document(&event.doc).map_or(event.doc.as_str(), |d| d.title.as_str());
    format!("Event: {} ({}), from {source}", event.label, format::placement(event.start, event.end, event.granularity))
}

/// The viewport for a canvas of `size`: the whole timeline when "Fit all" was asked for, the
/// story (day-precise events and the anchor) when there is no view yet.
fn current_viewport(timeline: &Timeline, view: &mut View, size: egui::Vec2) -> Viewport {
    let fit = view.fit_requested;
    view.fit_requested = false;
    let mut vp = match view.viewport {
        _ if fit => render::png::default_viewport(timeline, size.x, size.y),
        Some(vp) => vp,
        None => render::png::story_viewport(timeline, size.x, size.y),
    };
    vp.width = size.x;
    vp.height = size.y;
    vp
}

/// Zoom with the wheel (and pinch / Ctrl+wheel) around the pointer; sideways scroll pans.
fn zoom_and_scroll(ui: &egui::Ui, rect: Rect, vp: Viewport) -> Viewport {
    let Some(pointer) = ui.input(|i| i.pointer.hover_pos()).filter(|p| rect.contains(*p)) else { return vp };
    let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta()));
    let x = pointer.x - rect.left();
    let mut vp = vp;
    if zoom != 1.0 {
        vp = time_axis::zoom_at(&vp, x, f64::from(zoom));
    }
    if scroll.y != 0.0 {
        vp = time_axis::zoom_at(&vp, x, (f64::from(scroll.y) * 0.003).exp());
    }
    if scroll.x != 0.0 {
        vp = time_axis::pan_by_pixels(&vp, scroll.x);
    }
    vp
}

/// Follows an event drag: updates the preview and, once the button is released, commits it as
/// one undoable step. The move is applied to the event as the timeline holds it at the release:
/// a re-extraction that ended during the drag is not undone by a stale copy.
fn follow_drag(ui: &egui::Ui, timeline: &Timeline, view: &mut View, vp: &Viewport, actions: &mut Vec<Action>) {
    let Some(drag) = &mut view.drag else { return };
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        view.drag = None;
        return;
    }
    if let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) {
        let seconds = f64::from(pointer.x - drag.origin_x) * vp.seconds_per_px();
        let units = edit::units_for_drag(drag.before.granularity, seconds);
        drag.preview = edit::retime(&drag.before, units).unwrap_or_else(|| drag.before.clone());
    }
    if !ui.input(|i| i.pointer.primary_down()) {
        if let Some(done) = view.drag.take() {
            let units = edit::units_between(&done.before, &done.preview);
            let now = timeline.event(&done.before.id).cloned().unwrap_or(done.before);
            if let Some(after) = edit::retime(&now, units).filter(|after| *after != now) {
                actions.push(Action::Edit(Box::new(EventEdit { what: "Move".into(), before: now, after })));
            }
        }
    }
}

fn event_tooltip(ui: &mut egui::Ui, event: &Event, timeline: &Timeline) {
    ui.set_max_width(380.0);
    ui.strong(&event.label);
    ui.label(format::placement(event.start, event.end, event.granularity));
    if event.edited {
        ui.weak("edited by you");
    }
    if let Some(doc) = timeline.document(&event.doc) {
        ui.weak(&doc.title);
    }
    ui.separator();
    ui.label(egui::RichText::new(&*event.sentence.text).italics());
}

fn draw_drag_label(ui: &egui::Ui, rect: Rect, drag: &Drag) {
    let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) else { return };
    let text = format!("move to {}", format::placement(drag.preview.start, drag.preview.end, drag.preview.granularity));
    let painter = ui.painter_at(rect);
    let galley = painter.layout_no_wrap(text, egui::FontId::proportional(13.0), ui.visuals().strong_text_color());
    let pos = egui::pos2(pointer.x + 14.0, pointer.y - 26.0);
    let bg = Rect::from_min_size(pos, galley.size()).expand(4.0);
    painter.rect_filled(bg, 4.0, ui.visuals().extreme_bg_color);
    painter.rect_stroke(bg, 4.0, ui.visuals().selection.stroke, egui::StrokeKind::Outside);
    painter.galley(pos, galley, ui.visuals().strong_text_color());
}

fn draw_hint(ui: &egui::Ui, rect: Rect, text: &str) {
    ui.painter_at(rect).text(
        rect.center() + egui::vec2(0.0, 48.0),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(16.0),
        ui.visuals().weak_text_color(),
    );
}

pub fn show(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    selection: &mut Selection,
    view: &mut View,
    actions: &mut Vec<Action>,
) {
    let rect = ui.available_rect_before_wrap();
    if rect.width() < 20.0 || rect.height() < 20.0 {
        return;
    }
    let background = ui.allocate_rect(rect, Sense::click_and_drag());
    background.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline"));
    let origin = rect.min.to_vec2();
    let mut vp = current_viewport(timeline, view, rect.size());
    vp = zoom_and_scroll(ui, rect, vp);
    if background.dragged() && view.drag.is_none() {
        vp = time_axis::pan_by_pixels(&vp, background.drag_delta().x);
    }
    follow_drag(ui, timeline, view, &vp, actions);

    let shown: Cow<'_, Timeline> = match &view.drag {
        Some(drag) => {
            let mut copy = timeline.clone();
            if let Some(e) = copy.events.iter_mut().find(|e| e.id == drag.preview.id) {
                *e = drag.preview.clone();
            }
            Cow::Owned(copy)
        }
        None => Cow::Borrowed(timeline),
    };
    let options = SceneOptions {
        dark: ui.visuals().dark_mode,
        selected_event: selection.event.clone(),
        hovered_event: selection.hovered.clone(),
        show_hidden: selection.show_hidden,
        show_implied: !selection.hide_implied,
    };
    let scene = ui.ctx().fonts_mut(|fonts| render::build_scene(&shown, &vp, &options, fonts));
    ui.painter_at(rect).extend(scene.shapes.into_iter().map(|mut shape| {
        shape.translate(origin);
        shape
    }));

    // One id index per frame: looking every hit up by a linear search cost hits x events.
    let by_id: std::collections::HashMap<&str, &Event> = shown.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut hovered = None;
    for hit in &scene.hits {
        let r = hit.rect.translate(origin).intersect(rect);
        if !r.is_positive() {
            continue;
        }
        match &hit.target {
            HitTarget::Event(id) => {
                let Some(event) = by_id.get(id.as_str()).copied() else { continue };
                let response = ui.interact(r, ui.scope_id().with(("event", id)), Sense::click_and_drag());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, accessible_label(event, &shown))
                });
                if response.hovered() || response.dragged() {
                    hovered = Some(id.clone());
                }
                let response = if view.drag.is_none() {
                    response.on_hover_ui(|ui| event_tooltip(ui, event, &shown))
                } else {
                    response
                };
                if response.clicked() {
                    actions.push(Action::Select(Some(id.clone())));
                }
                if response.drag_started() && view.drag.is_none() {
                    if let Some(before) = timeline.event(id) {
                        let origin_x = ui
                            .input(|i| i.pointer.press_origin().or(i.pointer.latest_pos()))
                            .map_or(r.center().x, |p| p.x);
                        view.drag = Some(Drag { before: before.clone(), origin_x, preview: before.clone() });
                        actions.push(Action::Select(Some(id.clone())));
                    }
                }
            }
            HitTarget::Cluster { event_ids } => {
                let response = ui.interact(r, ui.scope_id().with(("cluster", event_ids)), Sense::click());
                let label = format!("{} events here: click to zoom in", event_ids.len());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                let response = response.on_hover_text(&label);
                if response.clicked() {
                    let events = event_ids.iter().filter_map(|id| by_id.get(id.as_str()).copied());
                    let start = events.clone().map(|e| time_axis::to_seconds(e.start)).fold(f64::INFINITY, f64::min);
                    let end = events.map(|e| time_axis::to_seconds(e.end)).fold(f64::NEG_INFINITY, f64::max);
                    if start < end {
                        actions.push(Action::ZoomTo(start, end));
                    }
                }
            }
            HitTarget::Undated { mention_id } => {
                let Some(mention) = shown.mention(mention_id) else { continue };
                let response = ui.interact(r, ui.scope_id().with(("undated", mention_id)), Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Undated: {}", mention.text))
                });
                let response = response.on_hover_ui(|ui| {
                    ui.set_max_width(380.0);
                    ui.strong(&mention.text);
                    ui.label(format!("{} {}", mention.timex_type.as_str(), mention.value));
                    ui.weak(&mention.explanation);
                });
                if response.clicked() {
                    actions.push(Action::SelectDocument(mention.doc.clone()));
                }
            }
        }
    }
    selection.hovered = hovered;
    if background.clicked() {
        actions.push(Action::Select(None));
    }
    if let Some(drag) = &view.drag {
        draw_drag_label(ui, rect, drag);
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
    }
    if timeline.documents.is_empty() {
        draw_hint(ui, rect, "Open articles (File › Open, Ctrl+O) or drop files here");
    }
    if ui.input(|i| !i.raw.hovered_files.is_empty()) {
        ui.painter_at(rect).rect_filled(rect, 0.0, ui.visuals().selection.bg_fill.gamma_multiply(0.3));
        draw_hint(ui, rect, "Drop to add these articles");
    }
    view.viewport = Some(vp);
}
