//! Builds the [`Scene`] of a timeline for one viewport: background, legend, one lane per
//! document with its events (points, bars, faded coarse bars, dashed approximate outlines,
//! edit marks, selection), cluster badges where labels would not fit, the anchor line, the time
//! axis and the "Undated" strip. The GUI paints the shapes; the PNG export rasterises them.
//!
//! Vertical layout, top to bottom: legend band, anchor band, lanes, axis, undated strip (only
//! when the timeline has undated mentions). See [`bands`].

use super::stack::{self, Candidate};
use super::theme::{doc_color, with_alpha, Theme};
use super::time_axis::{self, to_seconds};
use super::{Hit, HitTarget, Scene, SceneOptions, Viewport};
use crate::timeline::{Event, Timeline};
use crate::timex::Granularity;
use epaint::text::{LayoutJob, TextFormat, TextWrapping};
use epaint::{
    pos2, vec2, Color32, CornerRadius, Direction, FontId, FontsView, Galley, Rect, Shape, Stroke, StrokeKind,
};
use std::collections::HashSet;
use std::sync::Arc;

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
const LABEL_SIZE: f32 = 12.5;
const SMALL_SIZE: f32 = 11.5;

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

/// One lane: a document (or an event's document id missing from `documents`).
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub doc: String,
    pub title: String,
    pub color: Color32,
    /// The lane's background (lanes alternate).
    pub background: Color32,
    pub rect: Rect,
}

/// The lanes of a timeline inside `lanes_rect`: documents in timeline order, then any document
/// id used by an event but missing from `documents`. Equal heights.
pub fn lanes(timeline: &Timeline, lanes_rect: Rect, dark: bool) -> Vec<Lane> {
    let theme = Theme::new(dark);
    let mut ids: Vec<(&str, &str)> = timeline.documents.iter().map(|d| (d.id.as_str(), d.title.as_str())).collect();
    for e in &timeline.events {
        if !ids.iter().any(|(id, _)| *id == e.doc) {
            ids.push((e.doc.as_str(), e.doc.as_str()));
        }
    }
    let n = ids.len().max(1) as f32;
    let lane_h = lanes_rect.height() / n;
    ids.iter()
        .enumerate()
        .map(|(i, (id, title))| {
            let y0 = lanes_rect.top() + lane_h * i as f32;
            Lane {
                doc: (*id).to_string(),
                title: if title.trim().is_empty() { (*id).to_string() } else { (*title).to_string() },
                color: doc_color(i, dark),
                background: if i % 2 == 0 { theme.lane_even } else { theme.lane_odd },
                rect: Rect::from_min_max(pos2(lanes_rect.left(), y0), pos2(lanes_rect.right(), y0 + lane_h)),
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
    let lanes = lanes(timeline, bands.lanes, options.dark);
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
    b.anchor_line(anchor_x, &bands);
    b.events(timeline, options, &lanes);
    b.anchor_pill(anchor_x, timeline, &bands);
    b.axis(&ticks, &bands);
    b.legend(&lanes, &bands);
    if lanes.is_empty() || timeline.events.is_empty() {
        b.centered_note("No dated events", bands.lanes);
    }
    if has_undated {
        b.undated(timeline, &lanes, &bands);
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

    fn grid(&mut self, ticks: &time_axis::Ticks, bands: &Bands) {
        let y = bands.anchor.top()..=bands.lanes.bottom();
        let minor_spacing = ticks.minor.windows(2).map(|w| w[1] - w[0]).fold(f32::INFINITY, f32::min);
        if minor_spacing >= 14.0 {
            for &x in &ticks.minor {
                self.shapes.push(Shape::vline(x, y.clone(), Stroke::new(1.0, self.theme.grid_minor)));
            }
        }
        for t in &ticks.major {
            self.shapes.push(Shape::vline(t.x, y.clone(), Stroke::new(1.0, self.theme.grid_major)));
        }
    }

    fn axis(&mut self, ticks: &time_axis::Ticks, bands: &Bands) {
        let theme = self.theme;
        let r = bands.axis;
        if r.height() <= 0.0 {
            return;
        }
        self.shapes.push(Shape::rect_filled(r, 0, theme.background));
        self.shapes.push(Shape::hline(r.x_range(), r.top() + 0.5, Stroke::new(1.0, theme.axis)));
        for &x in &ticks.minor {
            self.shapes.push(Shape::vline(x, r.top()..=r.top() + 3.5, Stroke::new(1.0, theme.axis)));
        }
        let mut last_right = f32::NEG_INFINITY;
        for t in &ticks.major {
            self.shapes.push(Shape::vline(t.x, r.top()..=r.top() + 6.0, Stroke::new(1.0, theme.axis)));
            let g = self.galley(t.label.clone(), SMALL_SIZE, theme.text, f32::INFINITY);
            let w = g.size().x;
            let x = t.x - w / 2.0;
            if x < 2.0 || x + w > r.right() - 2.0 || x < last_right + 6.0 {
                continue;
            }
            last_right = x + w;
            self.text(pos2(x, r.top() + 8.0), g, theme.text);
        }
        // Context row: the month (or day) the ticks belong to.
        let y = r.top() + 24.0;
        let mut placed: Vec<(f32, f32)> = Vec::new();
        for c in &ticks.context {
            let g = self.galley(c.label.clone(), SMALL_SIZE, theme.text_muted, f32::INFINITY);
            let x = c.x + 3.0;
            if c.x < 0.0 || x + g.size().x > r.right() - 2.0 {
                continue;
            }
            self.shapes.push(Shape::vline(c.x, y..=y + 14.0, Stroke::new(1.0, theme.axis)));
            placed.push((x, x + g.size().x));
            self.text(pos2(x, y), g, theme.text_muted);
        }
        if let Some(label) = &ticks.context_left {
            let g = self.galley(label.clone(), SMALL_SIZE, theme.text_muted, f32::INFINITY);
            let (x0, x1) = (4.0, 4.0 + g.size().x);
            if placed.iter().all(|&(a, _)| a > x1 + 12.0) && x1 < r.right() {
                self.text(pos2(x0, y), g, theme.text_muted);
            }
        }
    }

    fn anchor_line(&mut self, x: f32, bands: &Bands) {
        if x < 0.0 || x > self.vp.width {
            return;
        }
        let stroke = Stroke::new(1.5, with_alpha(self.theme.anchor, 0.85));
        self.shapes.push(Shape::vline(x, bands.anchor.center().y..=bands.lanes.bottom(), stroke));
    }

    fn anchor_pill(&mut self, x: f32, timeline: &Timeline, bands: &Bands) {
        let theme = self.theme;
        let day = time_axis::format_day(timeline.anchor);
        let (text, x) = if x < 0.0 {
            (format!("\u{ab} Anchor: {day}"), 0.0)
        } else if x > self.vp.width {
            (format!("Anchor: {day} \u{bb}"), self.vp.width)
        } else {
            (format!("Anchor: {day}"), x)
        };
        let g = self.galley(text, SMALL_SIZE, theme.anchor_text, f32::INFINITY);
        let size = g.size() + vec2(14.0, 4.0);
        let r = bands.anchor;
        if r.height() < size.y {
            return;
        }
        let left = (x - size.x / 2.0).clamp(2.0, (self.vp.width - size.x - 2.0).max(2.0));
        let pill = Rect::from_min_size(pos2(left, r.center().y - size.y / 2.0), size);
        self.shapes.push(Shape::rect_filled(pill, CornerRadius::same(9), theme.anchor));
        self.text(pill.min + vec2(7.0, 2.0), g, theme.anchor_text);
    }

    fn legend(&mut self, lanes: &[Lane], bands: &Bands) {
        let theme = self.theme;
        let r = bands.legend;
        if r.height() <= 0.0 {
            return;
        }
        let mut x = 10.0;
        let cy = r.center().y;
        for (i, lane) in lanes.iter().enumerate() {
            let g = self.galley(lane.title.clone(), LABEL_SIZE, theme.text, 300.0);
            let item_w = 16.0 + g.size().x;
            let rest = lanes.len() - i;
            let more_w = if rest > 1 { 70.0 } else { 0.0 };
            if x + item_w + more_w > r.right() - 8.0 {
                let more = self.galley(format!("+{rest} more"), LABEL_SIZE, theme.text_muted, f32::INFINITY);
                let h = more.size().y;
                self.text(pos2(x, cy - h / 2.0), more, theme.text_muted);
                break;
            }
            let swatch = Rect::from_center_size(pos2(x + 5.0, cy), vec2(10.0, 10.0));
            self.shapes.push(Shape::rect_filled(swatch, CornerRadius::same(2), lane.color));
            let h = g.size().y;
            self.text(pos2(x + 16.0, cy - h / 2.0), g, theme.text);
            x += item_w + 18.0;
        }
        self.key(x, r);
        self.shapes.push(Shape::hline(r.x_range(), r.bottom() - 0.5, Stroke::new(1.0, theme.lane_separator)));
    }

    /// The symbol key at the right of the legend band, drawn only where it fits after the
    /// document legend (which ends at `legend_end`).
    fn key(&mut self, legend_end: f32, r: Rect) {
        let theme = self.theme;
        let sample = theme.axis;
        let entries = ["day or finer", "month or coarser", "approximate", "edited"];
        let galleys: Vec<Arc<Galley>> = entries
            .iter()
            .map(|t| self.galley((*t).to_string(), SMALL_SIZE, theme.text_muted, f32::INFINITY))
            .collect();
        const SYMBOL_W: f32 = 22.0;
        let total: f32 = galleys.iter().map(|g| SYMBOL_W + 5.0 + g.size().x + 14.0).sum();
        let mut x = r.right() - total;
        if x < legend_end + 24.0 {
            return;
        }
        let cy = r.center().y;
        for (i, g) in galleys.into_iter().enumerate() {
            let sym = Rect::from_min_size(pos2(x, cy - 5.0), vec2(SYMBOL_W, 10.0));
            let fill = with_alpha(sample, 0.35);
            match i {
                0 => self.shapes.push(Shape::Rect(epaint::RectShape::new(
                    sym,
                    CornerRadius::same(2),
                    fill,
                    Stroke::new(1.0, sample),
                    StrokeKind::Inside,
                ))),
                1 => faded_bar(&mut self.shapes, sym, fill, sample),
                2 => {
                    self.shapes.push(Shape::rect_filled(sym, CornerRadius::same(2), fill));
                    dashed_rect(&mut self.shapes, sym.shrink(0.5), Stroke::new(1.2, sample));
                }
                _ => {
                    self.shapes.push(Shape::Rect(epaint::RectShape::new(
                        sym,
                        CornerRadius::same(2),
                        fill,
                        Stroke::new(1.0, sample),
                        StrokeKind::Inside,
                    )));
                    edit_mark(&mut self.shapes, &theme, pos2(sym.right() - 1.0, sym.top() + 1.0));
                }
            }
            let h = g.size().y;
            let w = g.size().x;
            self.text(pos2(x + SYMBOL_W + 5.0, cy - h / 2.0), g, theme.text_muted);
            x += SYMBOL_W + 5.0 + w + 14.0;
        }
    }

    fn centered_note(&mut self, text: &str, r: Rect) {
        if r.height() < 20.0 {
            return;
        }
        let g = self.galley(text.to_string(), LABEL_SIZE, self.theme.text_muted, f32::INFINITY);
        let pos = r.center() - g.size() / 2.0;
        self.text(pos, g, self.theme.text_muted);
    }

    fn undated(&mut self, timeline: &Timeline, lanes: &[Lane], bands: &Bands) {
        let theme = self.theme;
        let r = bands.undated;
        if r.height() <= 0.0 {
            return;
        }
        self.shapes.push(Shape::rect_filled(r, 0, theme.lane_odd));
        self.shapes.push(Shape::hline(r.x_range(), r.top() + 0.5, Stroke::new(1.0, theme.lane_separator)));
        let title = self.galley("Undated".to_string(), SMALL_SIZE, theme.text_muted, f32::INFINITY);
        let cy = r.center().y;
        let th = title.size().y;
        let mut x = 10.0 + title.size().x + 10.0;
        self.text(pos2(10.0, cy - th / 2.0), title, theme.text_muted);
        let undated: Vec<_> = timeline.undated_mentions().collect();
        for (i, m) in undated.iter().enumerate() {
            let g = self.galley(m.text.clone(), SMALL_SIZE, theme.text, 160.0);
            let chip_w = g.size().x + 22.0;
            let rest = undated.len() - i;
            let reserve = if rest > 1 { 70.0 } else { 0.0 };
            if x + chip_w + reserve > r.right() - 6.0 {
                let more = self.galley(format!("+{rest} more"), SMALL_SIZE, theme.text_muted, f32::INFINITY);
                let h = more.size().y;
                self.text(pos2(x, cy - h / 2.0), more, theme.text_muted);
                break;
            }
            let chip = Rect::from_min_size(pos2(x, cy - 9.0), vec2(chip_w, 18.0));
            self.shapes.push(Shape::Rect(epaint::RectShape::new(
                chip,
                CornerRadius::same(9),
                theme.chip_fill,
                Stroke::new(1.0, theme.chip_stroke),
                StrokeKind::Inside,
            )));
            let color = lanes.iter().find(|l| l.doc == m.doc).map_or(theme.text_muted, |l| l.color);
            self.shapes.push(Shape::circle_filled(pos2(x + 9.0, cy), 3.0, color));
            let h = g.size().y;
            self.text(pos2(x + 16.0, cy - h / 2.0), g, theme.text);
            self.hits.push(Hit { rect: chip, target: HitTarget::Undated { mention_id: m.id.clone() } });
            x += chip_w + 6.0;
        }
    }

    fn events(&mut self, timeline: &Timeline, options: &SceneOptions, lanes: &[Lane]) {
        if lanes.is_empty() {
            return;
        }
        let w = self.vp.width;
        let mut per_lane: Vec<Vec<Cand>> = vec![Vec::new(); lanes.len()];
        let mut last_lane = 0usize;
        for (i, e) in timeline.events.iter().enumerate() {
            if (e.hidden && !options.show_hidden) || (e.implied.is_some() && !options.show_implied) {
                continue;
            }
            let Some(c) = self.candidate(i, e) else { continue };
            if lanes[last_lane].doc != e.doc {
                match lanes.iter().position(|l| l.doc == e.doc) {
                    Some(l) => last_lane = l,
                    None => continue,
                }
            }
            per_lane[last_lane].push(c);
        }
        let approx: HashSet<&str> = timeline
            .mentions
            .iter()
            .filter(|m| m.modifier.as_deref().is_some_and(|md| md.eq_ignore_ascii_case("APPROX")))
            .map(|m| m.id.as_str())
            .collect();
        for (lane, cands) in lanes.iter().zip(per_lane.iter_mut()) {
            cands.sort_unstable_by(|a, b| a.geo.key_x.total_cmp(&b.geo.key_x).then(a.event.cmp(&b.event)));
            self.lane_events(timeline, options, lane, cands, &approx, w);
        }
    }

    fn candidate(&self, index: usize, e: &Event) -> Option<Cand> {
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
        timeline: &Timeline,
        options: &SceneOptions,
        lane: &Lane,
        cands: &[Cand],
        approx: &HashSet<&str>,
        width: f32,
    ) {
        if cands.is_empty() {
            return;
        }
        let geos: Vec<Candidate> = cands.iter().map(|c| c.geo).collect();
        let mut galleys: Vec<Option<Arc<Galley>>> = vec![None; cands.len()];
        let text_color = self.theme.text;
        let avail = lane.rect.height() - 2.0 * LANE_PAD;
        let rows_plain = (avail / ROW_H).floor().max(0.0) as usize;
        let rows_strip = ((avail - STRIP_H) / ROW_H).floor().max(0.0) as usize;

        let measure = |this: &mut Self, i: usize, galleys: &mut Vec<Option<Arc<Galley>>>| -> f32 {
            if galleys[i].is_none() {
                let e = &timeline.events[cands[i].event];
                galleys[i] = Some(this.galley(e.label.clone(), LABEL_SIZE, text_color, MAX_LABEL_W));
            }
            galleys[i].as_ref().map_or(0.0, |g| g.size().x)
        };

        let mut stacked = stack::stack_lane(&geos, rows_plain, GROUP_PX, &mut |i| measure(self, i, &mut galleys));
        let mut strip = false;
        let mut compact = false;
        if !stacked.folded.is_empty() {
            if rows_strip >= 1 {
                strip = true;
                stacked = stack::stack_lane(&geos, rows_strip, GROUP_PX, &mut |i| measure(self, i, &mut galleys));
            } else {
                compact = true;
            }
        }
        let top = lane.rect.top() + LANE_PAD;
        let rows_top = if strip { top + STRIP_H } else { top };

        if compact {
            // Too little height for labels: groups become badges, lone events bare markers.
            let mut groups = Vec::new();
            for group in stack::groups(&geos, GROUP_PX) {
                if group.len() == 1 {
                    let c = cands[group.start];
                    let cy = top + lane.rect.height().min(ROW_H + 2.0 * LANE_PAD) / 2.0 - LANE_PAD;
                    self.draw_event(timeline, options, lane, &c, cy, None, approx);
                } else {
                    groups.push(group);
                }
            }
            self.badges(timeline, options, lane, cands, &geos, &groups, top, width);
            return;
        }

        for &(i, row) in &stacked.placed {
            let c = cands[i];
            let cy = rows_top + row as f32 * ROW_H + ROW_H / 2.0;
            let g = galleys[i].take();
            self.draw_event(timeline, options, lane, &c, cy, g, approx);
        }
        if strip {
            self.badges(timeline, options, lane, cands, &geos, &stacked.folded, top, width);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn badges(
        &mut self,
        timeline: &Timeline,
        options: &SceneOptions,
        lane: &Lane,
        cands: &[Cand],
        geos: &[Candidate],
        groups: &[std::ops::Range<usize>],
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
        for badge in badges {
            let ids: Vec<String> = badge.members.iter().map(|&i| timeline.events[cands[i].event].id.clone()).collect();
            let selected = options.selected_event.as_ref().is_some_and(|s| ids.contains(s));
            let hovered = options.hovered_event.as_ref().is_some_and(|s| ids.contains(s));
            // The extent of the folded events, as a thin rule under the badge.
            let (s0, s1) = badge.span;
            if s1 - s0 > 1.0 {
                let rule = Rect::from_min_max(pos2(s0, cy - 1.0), pos2(s1, cy + 1.0));
                self.shapes.push(Shape::rect_filled(rule, 1, with_alpha(lane.color, 0.45)));
            }
            let rect = Rect::from_min_max(pos2(badge.x0, cy - 8.0), pos2(badge.x1, cy + 8.0));
            let stroke = if selected {
                Stroke::new(2.0, theme.selected)
            } else if hovered {
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
    fn draw_event(
        &mut self,
        timeline: &Timeline,
        options: &SceneOptions,
        lane: &Lane,
        c: &Cand,
        cy: f32,
        label: Option<Arc<Galley>>,
        approx: &HashSet<&str>,
    ) {
        let theme = self.theme;
        let e = &timeline.events[c.event];
        // Implied events (a birth from an age) are drawn as approximate and lighter.
        let is_approx = e.implied.is_some() || e.mentions.iter().any(|m| approx.contains(m.as_str()));
        let opacity = if e.hidden {
            0.35
        } else if e.implied.is_some() {
            0.6
        } else {
            1.0
        };
        let color = with_alpha(lane.color, opacity);
        let marker = if c.point {
            Rect::from_center_size(pos2(c.x0, cy), vec2(2.0 * POINT_R, 2.0 * POINT_R))
        } else {
            Rect::from_min_max(pos2(c.x0, cy - BAR_H / 2.0), pos2(c.x1, cy + BAR_H / 2.0))
        };
        if c.point {
            if is_approx {
                self.shapes.push(Shape::circle_filled(marker.center(), POINT_R, theme.bar_fill(color)));
                dashed_circle(&mut self.shapes, marker.center(), POINT_R, Stroke::new(1.3, color));
            } else {
                self.shapes.push(Shape::circle_filled(marker.center(), POINT_R + 1.2, theme.marker_ring));
                self.shapes.push(Shape::circle_filled(marker.center(), POINT_R, color));
            }
        } else {
            let fill = theme.bar_fill(color);
            if is_coarse(e.granularity) {
                faded_bar(&mut self.shapes, marker, fill, color);
            } else {
                let stroke = if is_approx { Stroke::NONE } else { Stroke::new(1.0, color) };
                self.shapes.push(Shape::Rect(epaint::RectShape::new(
                    marker,
                    CornerRadius::same(3),
                    fill,
                    stroke,
                    StrokeKind::Inside,
                )));
            }
            if is_approx {
                dashed_rect(&mut self.shapes, marker.shrink(0.5), Stroke::new(1.3, color));
            }
        }
        if e.edited {
            edit_mark(&mut self.shapes, &theme, pos2(marker.right() - 1.0, marker.top() + 1.0));
        }
        let mut item = marker;
        if let Some(g) = label {
            let size = g.size();
            let label_color = if e.hidden { theme.text_muted } else { theme.text };
            let x = c.geo.label_x(size.x);
            let pos = pos2(x, cy - size.y / 2.0);
            if c.point || x >= c.x1 || x + size.x <= c.x0 {
                // A halo in the lane colour keeps the label readable over grid and anchor lines.
                let halo = Rect::from_min_size(pos, size).expand2(vec2(2.0, -1.0));
                self.shapes.push(Shape::rect_filled(halo, CornerRadius::same(2), with_alpha(lane.background, 0.88)));
            }
            let r = self.text(pos, g, label_color);
            item = item.union(r);
        }
        let selected = options.selected_event.as_deref() == Some(e.id.as_str());
        let hovered = options.hovered_event.as_deref() == Some(e.id.as_str());
        if selected || hovered {
            let stroke = if selected { Stroke::new(2.0, theme.selected) } else { Stroke::new(1.5, theme.hovered) };
            self.shapes.push(Shape::rect_stroke(item.expand(2.0), CornerRadius::same(4), stroke, StrokeKind::Outside));
        }
        self.hits.push(Hit { rect: item, target: HitTarget::Event(e.id.clone()) });
    }
}

/// The "edited by the user" mark: a small dark dot with a ring, at a marker's top-right corner.
fn edit_mark(shapes: &mut Vec<Shape>, theme: &Theme, at: epaint::Pos2) {
    shapes.push(Shape::circle_filled(at, 3.8, theme.marker_ring));
    shapes.push(Shape::circle_filled(at, 2.8, theme.edited_mark));
}

/// A bar whose value is only known coarsely: solid middle, both ends fading out.
fn faded_bar(shapes: &mut Vec<Shape>, r: Rect, fill: Color32, edge: Color32) {
    let fade = (r.width() / 3.0).min(18.0);
    let left = Rect::from_min_max(r.min, pos2(r.left() + fade, r.bottom()));
    let right = Rect::from_min_max(pos2(r.right() - fade, r.top()), r.max);
    let middle = Rect::from_min_max(pos2(left.right(), r.top()), pos2(right.left(), r.bottom()));
    if middle.width() > 0.0 {
        shapes.push(Shape::rect_filled(middle, 0, fill));
        // Top and bottom edges mark the certain core.
        let stroke = Stroke::new(1.0, with_alpha(edge, f32::from(edge.a()) / 255.0 * 0.7));
        shapes.push(Shape::hline(middle.x_range(), r.top() + 0.5, stroke));
        shapes.push(Shape::hline(middle.x_range(), r.bottom() - 0.5, stroke));
    }
    shapes.push(Shape::gradient_rect(left, Direction::LeftToRight, [Color32::TRANSPARENT, fill]));
    shapes.push(Shape::gradient_rect(right, Direction::LeftToRight, [fill, Color32::TRANSPARENT]));
}

fn dashed_rect(shapes: &mut Vec<Shape>, r: Rect, stroke: Stroke) {
    let pts = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
    Shape::dashed_line_many(&pts, stroke, 4.0, 3.0, shapes);
}

fn dashed_circle(shapes: &mut Vec<Shape>, c: epaint::Pos2, r: f32, stroke: Stroke) {
    let pts: Vec<epaint::Pos2> = (0..=16)
        .map(|i| {
            let a = i as f32 / 16.0 * std::f32::consts::TAU;
            c + vec2(a.cos(), a.sin()) * r
        })
        .collect();
    Shape::dashed_line_many(&pts, stroke, 2.5, 2.0, shapes);
}
