//! Builds the [`Scene`] of a timeline for one viewport: the lanes (one per document in the By
//! source view, one for the whole story in the Story view) and their items (points, bars, faded
//! coarse bars, dashed approximate outlines, edit marks, conflict marks, source badges,
//! selection), with cluster badges where labels would not fit. What surrounds them (legend, axis,
//! anchor, "Undated" strip, edge chips) is in `chrome`, the marker primitives in `marks`. The GUI
//! paints the shapes; the PNG export rasterises them.
//!
//! Vertical layout, top to bottom: legend band, anchor band, lanes, axis, undated strip (only
//! when the timeline has undated mentions). See [`bands`].

use super::items::{self, Item, Source};
use super::stack::{self, Candidate};
use super::theme::{with_alpha, Theme};
use super::time_axis::{self, to_seconds};
use super::{Hit, HitTarget, Scene, SceneOptions, TimelineView, Viewport};
use crate::timeline::Timeline;
use crate::timex::Granularity;
use epaint::text::{LayoutJob, TextFormat, TextWrapping};
use epaint::{
    pos2, vec2, Color32, CornerRadius, Direction, FontId, FontsView, Galley, Rect, Shape, Stroke, StrokeKind,
};
use std::sync::Arc;

mod chrome;
mod marks;

use marks::{dashed_circle, dashed_rect, edit_mark, faded_bar};

const LEGEND_H: f32 = 28.0;
const ANCHOR_H: f32 = 22.0;
const AXIS_H: f32 = 42.0;
const UNDATED_H: f32 = 30.0;
const LANE_PAD: f32 = 5.0;
const ROW_H: f32 = 22.0;
const STRIP_H: f32 = 20.0;
const BAR_H: f32 = 16.0;
const POINT_R: f32 = 4.5;
const GROUP_PX: f32 = 90.0;
const MAX_LABEL_W: f32 = 240.0;
/// Widest label of a picture with whole labels (labels are at most 14 words).
const WHOLE_LABEL_W: f32 = 900.0;
const LABEL_SIZE: f32 = 12.5;
const SMALL_SIZE: f32 = 11.5;
/// Side of a source badge (a document's letter on its colour).
const BADGE_SIDE: f32 = 14.0;
/// Badges drawn after a story event's label before the rest are counted ("+4").
const MAX_BADGES: usize = 6;
/// Room for the conflict marker after a label.
const CONFLICT_W: f32 = 18.0;
/// Height of a collapsed lane (By source view).
const COLLAPSED_H: f32 = 18.0;

/// The horizontal bands of a scene, in scene coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    pub legend: Rect,
    pub anchor: Rect,
    pub lanes: Rect,
    pub axis: Rect,
    /// Zero height when there is nothing undated.
    pub undated: Rect,
}

/// Splits the viewport into bands (legend, anchor, lanes, axis, undated strip).
pub fn bands(viewport: &Viewport, has_undated: bool) -> Bands {
    let w = viewport.width.max(0.0);
    let h = viewport.height.max(0.0);
    let undated_h = if has_undated { UNDATED_H } else { 0.0 };
    let row = |y0: f32, y1: f32| Rect::from_min_max(pos2(0.0, y0.min(h)), pos2(w, y1.clamp(y0.min(h), h)));
    let lanes_top = LEGEND_H + ANCHOR_H;
    let lanes_bottom = (h - AXIS_H - undated_h).max(lanes_top);
    Bands {
        legend: row(0.0, LEGEND_H),
        anchor: row(LEGEND_H, lanes_top),
        lanes: row(lanes_top, lanes_bottom),
        axis: row(lanes_bottom, lanes_bottom + AXIS_H),
        undated: row(lanes_bottom + AXIS_H, lanes_bottom + AXIS_H + undated_h),
    }
}

/// One lane: a document (By source view), or the whole story (Story view).
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The document id, or `story` for the Story view's one lane.
    pub doc: String,
    pub title: String,
    /// The document's letter (empty for the story lane).
    pub letter: String,
    pub color: Color32,
    /// The lane's background (lanes alternate).
    pub background: Color32,
    pub rect: Rect,
    /// Collapsed to a thin row: markers and cluster badges, no labels.
    pub collapsed: bool,
}

/// The lanes of a timeline inside `lanes_rect`: in the By source view one per source, in
/// order, collapsed ones `COLLAPSED_H` high and the others sharing the rest equally; in the
/// Story view one lane for the whole story. `sources` are the timeline's (`items::sources`),
/// made once per scene.
pub fn lanes(sources: &[Source], lanes_rect: Rect, dark: bool, view: TimelineView, collapsed: &[String]) -> Vec<Lane> {
    let theme = Theme::new(dark);
    if view == TimelineView::Story {
        return vec![Lane {
            doc: "story".into(),
            title: "Story".into(),
            letter: String::new(),
            color: theme.story,
            background: theme.lane_even,
            rect: lanes_rect,
            collapsed: false,
        }];
    }
    let is_collapsed = |s: &Source| collapsed.contains(&s.doc);
    let n_collapsed = sources.iter().filter(|s| is_collapsed(s)).count();
    let n_open = sources.len() - n_collapsed;
    let thin_h = if n_open == 0 {
        lanes_rect.height() / sources.len().max(1) as f32
    } else {
        COLLAPSED_H.min(lanes_rect.height() / sources.len().max(1) as f32)
    };
    let open_h = (lanes_rect.height() - thin_h * n_collapsed as f32) / n_open.max(1) as f32;
    let mut y0 = lanes_rect.top();
    sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            let collapsed = is_collapsed(source);
            let h = if collapsed { thin_h } else { open_h };
            let rect = Rect::from_min_max(pos2(lanes_rect.left(), y0), pos2(lanes_rect.right(), y0 + h));
            y0 += h;
            Lane {
                doc: source.doc.clone(),
                title: source.title.clone(),
                letter: source.letter.clone(),
                color: source.color,
                background: if i % 2 == 0 { theme.lane_even } else { theme.lane_odd },
                rect,
                collapsed,
            }
        })
        .collect()
}

/// Builds everything to paint for `timeline` in `viewport`.
///
/// Coordinates are scene coordinates: (0,0) is the top-left of the viewport, x grows right to
/// `viewport.width`, y grows down to `viewport.height` (points). To paint on a canvas, translate
/// every shape by the canvas' top-left corner (`Shape::translate`) and hit-test pointer positions
/// relative to it. `fonts` is the text layout of the context that will paint the shapes (in egui:
/// `ctx.fonts_mut(|f| build_scene(..., f))`); galleys are cached by epaint between frames.
///
/// Hits are listed in paint order: when several contain the pointer, the last one is on top.
pub fn build_scene(
    timeline: &Timeline,
    viewport: &Viewport,
    options: &SceneOptions,
    fonts: &mut FontsView<'_>,
) -> Scene {
    let theme = Theme::new(options.dark);
    if !viewport.is_valid() {
        // Nothing sensible to place: paint the background (when the size allows) and stop.
        let mut scene = Scene::default();
        if viewport.width.is_finite() && viewport.height.is_finite() {
            let r = Rect::from_min_size(pos2(0.0, 0.0), vec2(viewport.width.max(0.0), viewport.height.max(0.0)));
            scene.shapes.push(Shape::rect_filled(r, 0, theme.background));
        }
        return scene;
    }
    let has_undated = timeline.mentions.iter().any(|m| m.interval.is_none());
    let bands = bands(viewport, has_undated);
    let sources = items::sources(timeline, options.dark);
    let lanes = lanes(&sources, bands.lanes, options.dark, options.view, &options.collapsed);
    let mut b = Builder { shapes: Vec::with_capacity(512), hits: Vec::new(), fonts, theme, vp: *viewport };

    b.shapes.push(Shape::rect_filled(
        Rect::from_min_size(pos2(0.0, 0.0), vec2(viewport.width, viewport.height)),
        0,
        theme.background,
    ));
    for (i, lane) in lanes.iter().enumerate() {
        b.shapes.push(Shape::rect_filled(lane.rect, 0, lane.background));
        if i > 0 {
            b.shapes.push(Shape::hline(lane.rect.x_range(), lane.rect.top(), Stroke::new(1.0, theme.lane_separator)));
        }
        // A colour stripe at the left edge ties the lane to its legend entry.
        let stripe = Rect::from_min_max(lane.rect.min, pos2(lane.rect.left() + 3.0, lane.rect.bottom()));
        b.shapes.push(Shape::rect_filled(stripe, 0, with_alpha(lane.color, 0.8)));
    }
    let ticks = time_axis::ticks(viewport);
    b.grid(&ticks, &bands);
    let anchor_x = viewport.datetime_to_x(timeline.anchor.and_time(chrono::NaiveTime::MIN));
    // With no article there is no story and no day zero to mark (the anchor is a stand-in).
    let has_anchor = !timeline.documents.is_empty();
    if has_anchor {
        b.anchor_line(anchor_x, &bands);
    }
    let items = items::items(timeline, options, &sources, theme.story);
    b.events(&items, options, &lanes, &sources);
    let free = b.outside(&items, &bands);
    if has_anchor {
        b.anchor_pill(anchor_x, timeline, &bands, free);
    }
    b.axis(&ticks, &bands);
    b.legend(&sources, &bands, options.whole_labels);
    if lanes.is_empty() || timeline.events.is_empty() {
        b.centered_note("No dated events", bands.lanes);
    }
    if has_undated {
        b.undated(timeline, &sources, &bands);
    }
    Scene { shapes: b.shapes, hits: b.hits }
}

struct Builder<'f, 'a> {
    shapes: Vec<Shape>,
    hits: Vec<Hit>,
    fonts: &'f mut FontsView<'a>,
    theme: Theme,
    vp: Viewport,
}

/// Is the event's extent known only to the month or coarser?
fn is_coarse(g: Granularity) -> bool {
    g >= Granularity::Month
}

fn is_point(g: Granularity) -> bool {
    matches!(g, Granularity::Minute | Granularity::Hour)
}

/// One event that survived culling, with its marker geometry.
#[derive(Clone, Copy)]
struct Cand {
    event: usize,
    x0: f32,
    x1: f32,
    point: bool,
    geo: Candidate,
}

impl Builder<'_, '_> {
    fn galley(&mut self, text: String, size: f32, color: Color32, max_width: f32) -> Arc<Galley> {
        let mut job = LayoutJob::single_section(text, TextFormat::simple(FontId::proportional(size), color));
        job.wrap = TextWrapping::truncate_at_width(max_width);
        job.break_on_newline = false;
        self.fonts.layout_job(job)
    }

    fn text(&mut self, pos: epaint::Pos2, galley: Arc<Galley>, color: Color32) -> Rect {
        let rect = Rect::from_min_size(pos, galley.size());
        self.shapes.push(Shape::galley(pos, galley, color));
        rect
    }

    fn events(&mut self, items: &[Item<'_>], options: &SceneOptions, lanes: &[Lane], sources: &[Source]) {
        if lanes.is_empty() {
            return;
        }
        let w = self.vp.width;
        let mut per_lane: Vec<Vec<Cand>> = vec![Vec::new(); lanes.len()];
        for (i, item) in items.iter().enumerate() {
            let Some(c) = self.candidate(i, item) else { continue };
            if let Some(lane) = per_lane.get_mut(item.row) {
                lane.push(c);
            }
        }
        for (lane, cands) in lanes.iter().zip(per_lane.iter_mut()) {
            cands.sort_unstable_by(|a, b| a.geo.key_x.total_cmp(&b.geo.key_x).then(a.event.cmp(&b.event)));
            let first_hit = self.hits.len();
            self.lane_events(items, options, lane, cands, sources, w);
            self.lane_toggle(lane, sources, first_hit);
        }
    }

    fn candidate(&self, index: usize, e: &Item<'_>) -> Option<Cand> {
        let w = self.vp.width;
        let s0 = to_seconds(e.start);
        let s1 = to_seconds(e.end).max(s0);
        let point = is_point(e.granularity);
        let x0 = self.vp.time_to_x(s0);
        if point {
            if !(-POINT_R..=w + POINT_R).contains(&x0) {
                return None;
            }
            let geo = Candidate {
                key_x: x0,
                left: x0 - POINT_R - 1.0,
                marker_right: x0 + POINT_R + 1.0,
                label_inside: x0 + POINT_R + 1.0,
                label_outside: x0 + POINT_R + 4.0,
                limit: w - 2.0,
            };
            return Some(Cand { event: index, x0, x1: x0, point, geo });
        }
        let x1 = self.vp.time_to_x(s1);
        if x1 < 0.0 || x0 > w || !x0.is_finite() || !x1.is_finite() {
            return None;
        }
        let (mut a, mut b) = (x0.max(-4.0), x1.min(w + 4.0));
        if b - a < 4.0 {
            let mid = (a + b) / 2.0;
            a = mid - 2.0;
            b = mid + 2.0;
        }
        let geo = Candidate {
            key_x: a.max(0.0),
            left: a,
            marker_right: b,
            label_inside: a.max(0.0) + 5.0,
            label_outside: b + 4.0,
            limit: w - 2.0,
        };
        Some(Cand { event: index, x0: a, x1: b, point, geo })
    }

    fn lane_events(
        &mut self,
        items: &[Item<'_>],
        options: &SceneOptions,
        lane: &Lane,
        cands: &[Cand],
        sources: &[Source],
        width: f32,
    ) {
        if cands.is_empty() {
            return;
        }
        let geos: Vec<Candidate> = cands.iter().map(|c| c.geo).collect();
        let selected = options.selected_event.as_deref();
        let ranks: Vec<u8> = cands.iter().map(|c| items[c.event].rank()).collect();
        let keep = cands.iter().position(|c| items[c.event].is_selected(selected));
        let mut galleys: Vec<Option<Arc<Galley>>> = vec![None; cands.len()];
        let text_color = self.theme.text;
        let avail = lane.rect.height() - 2.0 * LANE_PAD;
        let rows_plain = (avail / ROW_H).floor().max(0.0) as usize;
        let rows_strip = ((avail - STRIP_H) / ROW_H).floor().max(0.0) as usize;

        let measure = |this: &mut Self, i: usize, galleys: &mut Vec<Option<Arc<Galley>>>, max_w: f32| -> f32 {
            let item = &items[cands[i].event];
            if galleys[i].is_none() {
                galleys[i] = Some(this.galley(item.label.to_string(), LABEL_SIZE, text_color, max_w));
            }
            galleys[i].as_ref().map_or(0.0, |g| g.size().x) + trailer_width(item)
        };

        // Whole labels when they stack without folding any event away, else labels cut short;
        // when those fold, a strip of badges above fewer rows, or with no room for a row, badges
        // alone.
        let whole = options.whole_labels.then(|| {
            stack::stack_lane_if_all_fit(&geos, &ranks, keep, rows_plain, GROUP_PX, &mut |i| {
                measure(self, i, &mut galleys, WHOLE_LABEL_W)
            })
        });
        let cut = |this: &mut Self, galleys: &mut Vec<Option<Arc<Galley>>>| {
            galleys.iter_mut().for_each(|g| *g = None);
            stack::stack_lane_if_all_fit(&geos, &ranks, keep, rows_plain, GROUP_PX, &mut |i| {
                measure(this, i, galleys, MAX_LABEL_W)
            })
        };
        let fitting = match whole.flatten() {
            Some(stacked) => Some(stacked),
            None => cut(self, &mut galleys),
        };
        let strip = fitting.is_none() && rows_strip >= 1;
        let compact = fitting.is_none() && !strip;
        let stacked = match fitting {
            Some(stacked) => stacked,
            None if strip => stack::stack_lane_keeping(&geos, &ranks, keep, rows_strip, GROUP_PX, &mut |i| {
                measure(self, i, &mut galleys, MAX_LABEL_W)
            }),
            None => stack::Stacked::default(),
        };
        let top = lane.rect.top() + LANE_PAD;
        let rows_top = if strip { top + STRIP_H } else { top };

        if compact {
            // Too little height for labels: groups become badges, lone events bare markers.
            let every: Vec<usize> = (0..geos.len()).collect();
            let mut groups = Vec::new();
            for group in stack::runs(&geos, &every, GROUP_PX) {
                if let [lone] = group[..] {
                    let c = cands[lone];
                    let cy = top + lane.rect.height().min(ROW_H + 2.0 * LANE_PAD) / 2.0 - LANE_PAD;
                    self.draw_item(&items[c.event], options, lane, &c, cy, None, sources);
                } else {
                    groups.push(group);
                }
            }
            self.badges(items, options, lane, cands, &geos, &groups, top, width);
            return;
        }

        for &(i, row) in &stacked.placed {
            let c = cands[i];
            let cy = rows_top + row as f32 * ROW_H + ROW_H / 2.0;
            let g = galleys[i].take();
            self.draw_item(&items[c.event], options, lane, &c, cy, g, sources);
        }
        if strip {
            self.badges(items, options, lane, cands, &geos, &stacked.folded, top, width);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn badges(
        &mut self,
        items: &[Item<'_>],
        options: &SceneOptions,
        lane: &Lane,
        cands: &[Cand],
        geos: &[Candidate],
        groups: &[Vec<usize>],
        top: f32,
        width: f32,
    ) {
        let theme = self.theme;
        let badge_text = theme.badge_text;
        let mut widths: Vec<(usize, f32)> = Vec::new();
        let mut badge_width = |this: &mut Self, n: usize| -> f32 {
            if let Some(&(_, w)) = widths.iter().find(|(k, _)| *k == n) {
                return w;
            }
            let w = this.galley(n.to_string(), SMALL_SIZE, badge_text, f32::INFINITY).size().x + 14.0;
            widths.push((n, w));
            w
        };
        let badges = stack::badges(geos, groups, width, &mut |n| badge_width(self, n));
        let cy = top + STRIP_H / 2.0 - 1.0;
        let selected = options.selected_event.as_deref();
        let hovered = options.hovered_event.as_deref();
        for badge in badges {
            let members: Vec<&Item<'_>> = badge.members.iter().map(|&i| &items[cands[i].event]).collect();
            let ids: Vec<String> = members.iter().map(|item| item.id.to_string()).collect();
            let is_selected = members.iter().any(|item| item.is_selected(selected));
            let is_hovered = members.iter().any(|item| item.is_selected(hovered));
            // The extent of the folded events, as a thin rule under the badge.
            let (s0, s1) = badge.span;
            if s1 - s0 > 1.0 {
                let rule = Rect::from_min_max(pos2(s0, cy - 1.0), pos2(s1, cy + 1.0));
                self.shapes.push(Shape::rect_filled(rule, 1, with_alpha(lane.color, 0.45)));
            }
            let rect = Rect::from_min_max(pos2(badge.x0, cy - 8.0), pos2(badge.x1, cy + 8.0));
            let stroke = if is_selected {
                Stroke::new(2.0, theme.selected)
            } else if is_hovered {
                Stroke::new(1.5, theme.hovered)
            } else {
                Stroke::new(1.0, theme.marker_ring)
            };
            self.shapes.push(Shape::Rect(epaint::RectShape::new(
                rect,
                CornerRadius::same(8),
                lane.color,
                stroke,
                StrokeKind::Outside,
            )));
            let g = self.galley(ids.len().to_string(), SMALL_SIZE, badge_text, f32::INFINITY);
            let pos = rect.center() - g.size() / 2.0;
            self.text(pos, g, badge_text);
            self.hits.push(Hit { rect, target: HitTarget::Cluster { event_ids: ids } });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_item(
        &mut self,
        e: &Item<'_>,
        options: &SceneOptions,
        lane: &Lane,
        c: &Cand,
        cy: f32,
        label: Option<Arc<Galley>>,
        sources: &[Source],
    ) {
        let theme = self.theme;
        // Implied events (a birth from an age) are drawn as approximate and lighter; events
        // placed by context lighter still, with a muted label.
        let opacity = if e.hidden {
            0.35
        } else if e.context {
            0.45
        } else if e.implied {
            0.6
        } else {
            1.0
        };
        let color = with_alpha(e.color, opacity);
        let marker = if c.point {
            Rect::from_center_size(pos2(c.x0, cy), vec2(2.0 * POINT_R, 2.0 * POINT_R))
        } else {
            Rect::from_min_max(pos2(c.x0, cy - BAR_H / 2.0), pos2(c.x1, cy + BAR_H / 2.0))
        };
        self.marker(e, c, marker, color);
        if e.edited {
            edit_mark(&mut self.shapes, &theme, pos2(marker.right() - 1.0, marker.top() + 1.0));
        }
        let mut item = marker;
        if let Some(g) = label {
            let size = g.size();
            let label_color = if e.hidden || e.context { theme.text_muted } else { theme.text };
            let x = c.geo.label_x(size.x + trailer_width(e));
            let pos = pos2(x, cy - size.y / 2.0);
            if c.point || x >= c.x1 || x + size.x <= c.x0 {
                // A halo in the lane colour keeps the label readable over grid and anchor lines.
                let halo = Rect::from_min_size(pos, size).expand2(vec2(2.0, -1.0));
                self.shapes.push(Shape::rect_filled(halo, CornerRadius::same(2), with_alpha(lane.background, 0.88)));
            }
            let r = self.text(pos, g, label_color);
            item = item.union(r);
            let end = self.trailer(e, pos2(r.right() + 4.0, cy), sources);
            item = item
                .union(Rect::from_min_max(pos2(r.right(), cy - BADGE_SIDE / 2.0), pos2(end, cy + BADGE_SIDE / 2.0)));
        } else if e.conflict {
            self.conflict_mark(pos2(marker.right() + 2.0, cy));
        }
        let selected = e.is_selected(options.selected_event.as_deref());
        let hovered = e.is_selected(options.hovered_event.as_deref());
        if selected || hovered {
            let stroke = if selected { Stroke::new(2.0, theme.selected) } else { Stroke::new(1.5, theme.hovered) };
            self.shapes.push(Shape::rect_stroke(item.expand(2.0), CornerRadius::same(4), stroke, StrokeKind::Outside));
        }
        self.hits.push(Hit { rect: item, target: HitTarget::Event(e.id.to_string()) });
    }

    /// The marker of an item: a point, a bar, or a faded bar for coarse times; dashed when
    /// approximate.
    fn marker(&mut self, e: &Item<'_>, c: &Cand, marker: Rect, color: Color32) {
        let theme = self.theme;
        if c.point {
            if e.approx {
                self.shapes.push(Shape::circle_filled(marker.center(), POINT_R, theme.bar_fill(color)));
                dashed_circle(&mut self.shapes, marker.center(), POINT_R, Stroke::new(1.3, color));
            } else {
                self.shapes.push(Shape::circle_filled(marker.center(), POINT_R + 1.2, theme.marker_ring));
                self.shapes.push(Shape::circle_filled(marker.center(), POINT_R, color));
            }
            return;
        }
        let fill = theme.bar_fill(color);
        if is_coarse(e.granularity) {
            faded_bar(&mut self.shapes, marker, fill, color);
        } else {
            let stroke = if e.approx { Stroke::NONE } else { Stroke::new(1.0, color) };
            self.shapes.push(Shape::Rect(epaint::RectShape::new(
                marker,
                CornerRadius::same(3),
                fill,
                stroke,
                StrokeKind::Inside,
            )));
        }
        if e.approx {
            dashed_rect(&mut self.shapes, marker.shrink(0.5), Stroke::new(1.3, color));
        }
    }

    /// What follows a label: the conflict mark, then the source badges of a story event. Returns
    /// the x where it ends.
    fn trailer(&mut self, e: &Item<'_>, at: epaint::Pos2, sources: &[Source]) -> f32 {
        let mut x = at.x;
        if e.conflict {
            self.conflict_mark(pos2(x, at.y));
            x += CONFLICT_W;
        }
        for &i in e.sources.iter().take(MAX_BADGES) {
            if let Some(source) = sources.get(i) {
                self.source_badge(pos2(x, at.y - BADGE_SIDE / 2.0), source);
                x += BADGE_SIDE + 2.0;
            }
        }
        if e.sources.len() > MAX_BADGES {
            let g = self.galley(
                format!("+{}", e.sources.len() - MAX_BADGES),
                SMALL_SIZE,
                self.theme.text_muted,
                f32::INFINITY,
            );
            let h = g.size().y;
            let w = g.size().x;
            self.text(pos2(x + 1.0, at.y - h / 2.0), g, self.theme.text_muted);
            x += w + 3.0;
        }
        x
    }

    /// The "sources disagree" mark: a white `!` on the conflict colour, its left edge at `at.x`.
    fn conflict_mark(&mut self, at: epaint::Pos2) {
        let center = pos2(at.x + 7.0, at.y);
        self.shapes.push(Shape::circle_filled(center, 7.5, self.theme.marker_ring));
        self.shapes.push(Shape::circle_filled(center, 6.5, self.theme.conflict));
        let g = self.galley("!".into(), 10.5, self.theme.badge_text, f32::INFINITY);
        let pos = center - g.size() / 2.0;
        self.text(pos, g, Color32::WHITE);
    }
}

/// Width of what follows an item's label: the conflict mark and the source badges.
fn trailer_width(e: &Item<'_>) -> f32 {
    let conflict = if e.conflict { CONFLICT_W } else { 0.0 };
    let badges = e.sources.len().min(MAX_BADGES) as f32 * (BADGE_SIDE + 2.0);
    let more = if e.sources.len() > MAX_BADGES { 24.0 } else { 0.0 };
    let gap = if conflict + badges > 0.0 { 4.0 } else { 0.0 };
    gap + conflict + badges + more
}
