//! The timeline canvas: paints the scene `render::build_scene` describes and answers the pointer
//! through the scene's hit regions. Wheel / pinch zoom around the pointer, drag the background
//! or scroll sideways to pan, hover for a tooltip, click to select, drag an event to re-time it
//! (snapped to whole units of its granularity, the new time shown while dragging).

use crate::gui::actions::Action;
use crate::gui::format;
use crate::gui::state::{Drag, Selection, View};
use crate::render::{self, time_axis, DragPreview, HitTarget, SceneOptions, TimelineView, Viewport};
use crate::session::edit;
use crate::session::history::{EventEdit, EventsEdit};
use crate::timeline::{Event, StoryEvent, Timeline};
use egui::{Rect, Sense};

/// What assistive technology (and the UI tests) call an event marker.
pub fn accessible_label(event: &Event, timeline: &Timeline) -> String {
    let source = timeline.document(&event.doc).map_or(&*event.doc, |d| d.title.as_str());
    format!("Event: {} ({}), from {source}", event.label, format::placement(event.start, event.end, event.granularity))
}

/// What assistive technology (and the UI tests) call a story event's marker in the Story view.
pub fn accessible_story_label(story: &StoryEvent) -> String {
    let sources = match story.documents.len() {
        1 => "1 source".to_string(),
        n => format!("{n} sources"),
    };
    format!(
        "Story event: {} ({}), {sources}",
        story.label,
        format::placement(story.start, story.end, story.granularity)
    )
}

/// The story event an item of the Story view stands for: the story of its lead event.
fn story_of<'t>(timeline: &'t Timeline, event: &Event) -> Option<&'t StoryEvent> {
    event.story.as_deref().and_then(|id| timeline.story(id))
}

/// The viewport for a canvas of `size`: the story (day-precise events and the anchor) when
/// there is no view yet or "Fit all" was asked for; what lies outside is counted at the edges.
fn current_viewport(timeline: &Timeline, view: &mut View, size: egui::Vec2) -> Viewport {
    let fit = view.fit_requested;
    view.fit_requested = false;
    let mut vp = match view.viewport {
        Some(vp) if !fit => vp,
        _ => render::png::story_viewport(timeline, size.x, size.y),
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
/// a re-extraction that ended during the drag is not undone by a stale copy. A story event's
/// other events (Story view) move by the same time, each in whole units of its own granularity.
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
    if ui.input(|i| i.pointer.primary_down()) {
        return;
    }
    let Some(done) = view.drag.take() else { return };
    let seconds = (done.preview.start - done.before.start).num_seconds() as f64;
    let moved = |before: &Event, units: i64| {
        let now = timeline.event(&before.id).cloned().unwrap_or_else(|| before.clone());
        edit::retime(&now, units).filter(|after| *after != now).map(|after| (now, after))
    };
    let lead = moved(&done.before, edit::units_between(&done.before, &done.preview));
    if done.followers.is_empty() {
        if let Some((before, after)) = lead {
            actions.push(Action::Edit(Box::new(EventEdit { what: "Move".into(), before, after })));
        }
        return;
    }
    let (before, after): (Vec<Event>, Vec<Event>) = lead
        .into_iter()
        .chain(done.followers.iter().filter_map(|f| moved(f, edit::units_for_drag(f.granularity, seconds))))
        .unzip();
    if !after.is_empty() {
        actions.push(Action::EditMany(Box::new(EventsEdit { what: "Move story event".into(), before, after })));
    }
}

/// Where the drag puts the dragged event, its followers (each in whole units of its own
/// granularity) and their story event: drawn there, without a copy of the timeline per frame.
fn drag_preview(drag: &Drag) -> DragPreview {
    let shift = drag.preview.start - drag.before.start;
    let seconds = shift.num_seconds() as f64;
    let mut events = vec![(drag.preview.id.clone(), drag.preview.start, drag.preview.end)];
    for follower in &drag.followers {
        if let Some(moved) = edit::retime(follower, edit::units_for_drag(follower.granularity, seconds)) {
            events.push((moved.id, moved.start, moved.end));
        }
    }
    DragPreview { events, story: drag.before.story.clone().map(|story| (story, shift)) }
}

/// The list a cluster (or an outside chip) opens into on hover: each event's time and label.
fn cluster_tooltip(ui: &mut egui::Ui, title: &str, events: &[&Event], view: TimelineView, timeline: &Timeline) {
    ui.set_max_width(420.0);
    ui.strong(title);
    const LISTED: usize = 15;
    for event in events.iter().take(LISTED) {
        let (label, start, end, g) = match (view, story_of(timeline, event)) {
            (TimelineView::Story, Some(s)) => (&s.label, s.start, s.end, s.granularity),
            _ => (&event.label, event.start, event.end, event.granularity),
        };
        ui.label(format!("{} · {label}", format::placement(start, end, g)));
    }
    if events.len() > LISTED {
        ui.weak(format!("and {} more", events.len() - LISTED));
    }
}

fn story_tooltip(ui: &mut egui::Ui, story: &StoryEvent, timeline: &Timeline) {
    ui.set_max_width(420.0);
    ui.strong(story.label.as_str());
    ui.label(format::placement(story.start, story.end, story.granularity));
    if story.edited {
        ui.weak("story decision by you");
    }
    if timeline.conflicts.iter().any(|c| c.story.as_deref() == Some(story.id.as_str())) {
        ui.colored_label(ui.visuals().error_fg_color, "Sources disagree: see Conflicts");
    }
    ui.separator();
    for event in story.events.iter().filter_map(|id| timeline.event(id)) {
        let source = timeline.document(&event.doc).map_or(&*event.doc, |d| d.title.as_str());
        ui.label(egui::RichText::new(source).strong());
        ui.label(egui::RichText::new(&*event.sentence.text).italics());
    }
}

fn event_tooltip(ui: &mut egui::Ui, event: &Event, timeline: &Timeline) {
    ui.set_max_width(380.0);
    ui.strong(event.label.as_str());
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

    let kind = selection.timeline_view(timeline.documents.len());
    let options = SceneOptions {
        view: kind,
        dark: ui.visuals().dark_mode,
        selected_event: selection.event.clone(),
        hovered_event: selection.hovered.clone(),
        show_hidden: selection.show_hidden,
        show_implied: !selection.hide_implied,
        show_context: !selection.hide_context,
        collapsed: selection.collapsed.clone(),
        whole_labels: false,
        preview: view.drag.as_ref().map(drag_preview),
    };
    let scene = ui.ctx().fonts_mut(|fonts| render::build_scene(timeline, &vp, &options, fonts));
    ui.painter_at(rect).extend(scene.shapes.into_iter().map(|mut shape| {
        shape.translate(origin);
        shape
    }));

    let mut hovered = None;
    for hit in &scene.hits {
        let r = hit.rect.translate(origin).intersect(rect);
        if !r.is_positive() {
            continue;
        }
        match &hit.target {
            HitTarget::Event(id) => {
                let Some(event) = timeline.event(id) else { continue };
                // A story event standing for several reports answers as one; a lone report as itself.
                let story = story_of(timeline, event).filter(|s| kind == TimelineView::Story && s.events.len() > 1);
                let response = ui.interact(r, ui.scope_id().with(("event", id)), Sense::click_and_drag());
                response.widget_info(|| {
                    let label = match story {
                        Some(s) => accessible_story_label(s),
                        None => accessible_label(event, timeline),
                    };
                    egui::WidgetInfo::labeled(egui::Role::Button, true, label)
                });
                if response.hovered() || response.dragged() {
                    hovered = Some(id.clone());
                }
                let response = match story {
                    _ if view.drag.is_some() => response,
                    Some(s) => response.on_hover_ui(|ui| story_tooltip(ui, s, timeline)),
                    None => response.on_hover_ui(|ui| event_tooltip(ui, event, timeline)),
                };
                if response.clicked() {
                    actions.push(Action::Select(Some(id.clone())));
                }
                if response.drag_started() && view.drag.is_none() {
                    if let Some(before) = timeline.event(id) {
                        let origin_x = ui
                            .input(|i| i.pointer.press_origin().or(i.pointer.latest_pos()))
                            .map_or(r.center().x, |p| p.x);
                        let followers = story
                            .map(|s| {
                                s.events
                                    .iter()
                                    .filter(|e| *e != id)
                                    .filter_map(|e| timeline.event(e).cloned())
                                    .collect()
                            })
                            .unwrap_or_default();
                        view.drag = Some(Drag { before: before.clone(), followers, origin_x, preview: before.clone() });
                        actions.push(Action::Select(Some(id.clone())));
                    }
                }
            }
            HitTarget::Cluster { event_ids } | HitTarget::Outside { event_ids, .. } => {
                let label = match &hit.target {
                    HitTarget::Outside { earlier: true, .. } => {
                        format!("{} earlier events: click to show them", event_ids.len())
                    }
                    HitTarget::Outside { .. } => format!("{} later events: click to show them", event_ids.len()),
                    _ => format!("{} events here: click to zoom in", event_ids.len()),
                };
                let response = ui.interact(r, ui.scope_id().with(("cluster", event_ids)), Sense::click());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                let members: Vec<&Event> = event_ids.iter().filter_map(|id| timeline.event(id)).collect();
                let response = response.on_hover_ui(|ui| cluster_tooltip(ui, &label, &members, kind, timeline));
                if response.clicked() {
                    let events =
                        members.iter().map(|e| match story_of(timeline, e).filter(|_| kind == TimelineView::Story) {
                            Some(s) => (s.start, s.end),
                            None => (e.start, e.end),
                        });
                    let mut start = events.clone().map(|(s, _)| time_axis::to_seconds(s)).fold(f64::INFINITY, f64::min);
                    let mut end = events.map(|(_, e)| time_axis::to_seconds(e)).fold(f64::NEG_INFINITY, f64::max);
                    if matches!(hit.target, HitTarget::Outside { .. }) {
                        // Widen the view to take them in, keeping what is shown now.
                        start = start.min(vp.start);
                        end = end.max(vp.end);
                    }
                    if start < end {
                        actions.push(Action::ZoomTo(start, end));
                    }
                }
            }
            HitTarget::Lane { doc } => {
                let title = timeline.document(doc).map_or(doc.as_str(), |d| d.title.as_str());
                let collapsed = selection.collapsed.contains(doc);
                let label = format!("{} lane: {title}", if collapsed { "Expand" } else { "Collapse" });
                let response = ui.interact(r, ui.scope_id().with(("lane", doc)), Sense::click());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if response.on_hover_text(&label).clicked() {
                    actions.push(Action::ToggleLane(doc.clone()));
                }
            }
            HitTarget::Undated { mention_id } => {
                let Some(mention) = timeline.mention(mention_id) else { continue };
                let response = ui.interact(r, ui.scope_id().with(("undated", mention_id)), Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Undated: {}", mention.text))
                });
                let response = response.on_hover_ui(|ui| {
                    ui.set_max_width(380.0);
                    ui.strong(mention.text.as_str());
                    ui.label(format!("{} {}", mention.timex_type.as_str(), mention.value));
                    ui.weak(&mention.explanation);
                });
                if response.clicked() {
                    actions.push(Action::SelectDocument(mention.doc.to_string()));
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
