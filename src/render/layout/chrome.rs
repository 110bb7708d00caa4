//! What a scene draws around the events: the time grid and axis, the anchor line and its pill,
//! the legend and symbol key, the "Undated" strip, the lanes' letter toggles and the chips that
//! count the items outside the visible range.

use super::*;

impl Builder<'_, '_> {
    pub(super) fn grid(&mut self, ticks: &time_axis::Ticks, bands: &Bands) {
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

    /// "+N more" where a row of legend entries or chips runs out of room, centred on `at.y`.
    fn more_note(&mut self, at: epaint::Pos2, rest: usize, size: f32) {
        let more = self.galley(format!("+{rest} more"), size, self.theme.text_muted, f32::INFINITY);
        let h = more.size().y;
        self.text(pos2(at.x, at.y - h / 2.0), more, self.theme.text_muted);
    }

    /// A rounded chip (undated phrases, the edge counts).
    fn chip(&mut self, rect: Rect) {
        let theme = self.theme;
        let stroke = Stroke::new(1.0, theme.chip_stroke);
        self.shapes.push(Shape::Rect(epaint::RectShape::new(
            rect,
            CornerRadius::same(9),
            theme.chip_fill,
            stroke,
            StrokeKind::Inside,
        )));
    }

    /// Paints a band's background and its top rule; false (nothing painted) when it has no height.
    fn open_band(&mut self, r: Rect, fill: Color32, rule: Color32) -> bool {
        if r.height() <= 0.0 {
            return false;
        }
        self.shapes.push(Shape::rect_filled(r, 0, fill));
        self.shapes.push(Shape::hline(r.x_range(), r.top() + 0.5, Stroke::new(1.0, rule)));
        true
    }

    pub(super) fn axis(&mut self, ticks: &time_axis::Ticks, bands: &Bands) {
        let theme = self.theme;
        let r = bands.axis;
        if !self.open_band(r, theme.background, theme.axis) {
            return;
        }
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

    pub(super) fn anchor_line(&mut self, x: f32, bands: &Bands) {
        if x < 0.0 || x > self.vp.width {
            return;
        }
        let stroke = Stroke::new(1.5, with_alpha(self.theme.anchor, 0.85));
        self.shapes.push(Shape::vline(x, bands.anchor.center().y..=bands.lanes.bottom(), stroke));
    }

    /// The anchor's pill on its line, kept inside `free` (the x range the outside chips leave).
    pub(super) fn anchor_pill(&mut self, x: f32, timeline: &Timeline, bands: &Bands, free: (f32, f32)) {
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
        if free.1 - free.0 < size.x {
            return;
        }
        let left = (x - size.x / 2.0).clamp(free.0, free.1 - size.x);
        let pill = Rect::from_min_size(pos2(left, r.center().y - size.y / 2.0), size);
        self.shapes.push(Shape::rect_filled(pill, CornerRadius::same(9), theme.anchor));
        self.text(pill.min + vec2(7.0, 2.0), g, theme.anchor_text);
    }

    /// The sources' badges and titles along the top, then the symbol key where it fits. With
    /// `whole_titles` (a picture: no hover to read a cut title by) each title may take its share
    /// of the band the key leaves, not the window's fixed width.
    pub(super) fn legend(&mut self, sources: &[Source], bands: &Bands, whole_titles: bool) {
        let theme = self.theme;
        let r = bands.legend;
        if r.height() <= 0.0 {
            return;
        }
        let mut x = 10.0;
        let cy = r.center().y;
        // Many sources: shorter titles, so more of them fit.
        let short_w: f32 = if sources.len() > 6 { 120.0 } else { 300.0 };
        let share = (r.width() - 20.0 - self.key_width() - 24.0) / sources.len().max(1) as f32 - BADGE_SIDE - 19.0;
        let title_w = if whole_titles { short_w.max(share) } else { short_w };
        for (i, source) in sources.iter().enumerate() {
            let g = self.galley(source.title.clone(), LABEL_SIZE, theme.text, title_w);
            let item_w = BADGE_SIDE + 5.0 + g.size().x;
            let rest = sources.len() - i;
            let more_w = if rest > 1 { 70.0 } else { 0.0 };
            if x + item_w + more_w > r.right() - 8.0 {
                self.more_note(pos2(x, cy), rest, LABEL_SIZE);
                break;
            }
            self.source_badge(pos2(x, cy - BADGE_SIDE / 2.0), source);
            let h = g.size().y;
            self.text(pos2(x + BADGE_SIDE + 5.0, cy - h / 2.0), g, theme.text);
            x += item_w + 14.0;
        }
        self.key(x, r);
        self.shapes.push(Shape::hline(r.x_range(), r.bottom() - 0.5, Stroke::new(1.0, theme.lane_separator)));
    }

    /// A document's letter on its colour, `BADGE_SIDE` square, top-left at `at`.
    pub(super) fn source_badge(&mut self, at: epaint::Pos2, source: &Source) {
        let rect = Rect::from_min_size(at, vec2(BADGE_SIDE, BADGE_SIDE));
        self.shapes.push(Shape::rect_filled(rect, CornerRadius::same(3), source.color));
        let size = if source.letter.len() > 1 { 8.5 } else { 10.0 };
        let g = self.galley(source.letter.clone(), size, self.theme.badge_text, f32::INFINITY);
        let pos = rect.center() - g.size() / 2.0;
        self.text(pos, g, self.theme.badge_text);
    }

    /// The symbol key's entries, laid out.
    fn key_galleys(&mut self) -> Vec<Arc<Galley>> {
        let muted = self.theme.text_muted;
        KEY_ENTRIES.iter().map(|t| self.galley((*t).to_string(), SMALL_SIZE, muted, f32::INFINITY)).collect()
    }

    /// How wide the symbol key is.
    fn key_width(&mut self) -> f32 {
        let galleys = self.key_galleys();
        key_width_of(&galleys)
    }

    /// The symbol key at the right of the legend band, drawn only where it fits after the
    /// document legend (which ends at `legend_end`).
    pub(super) fn key(&mut self, legend_end: f32, r: Rect) {
        let theme = self.theme;
        let sample = theme.axis;
        let galleys = self.key_galleys();
        let total = key_width_of(&galleys);
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

    pub(super) fn centered_note(&mut self, text: &str, r: Rect) {
        if r.height() < 20.0 {
            return;
        }
        let g = self.galley(text.to_string(), LABEL_SIZE, self.theme.text_muted, f32::INFINITY);
        let pos = r.center() - g.size() / 2.0;
        // On a plate of the background, so that the anchor line and the grid do not cross it.
        let plate = Rect::from_min_size(pos, g.size()).expand2(vec2(10.0, 5.0));
        self.shapes.push(Shape::rect_filled(plate, CornerRadius::same(4), self.theme.background));
        self.text(pos, g, self.theme.text_muted);
    }

    pub(super) fn undated(&mut self, timeline: &Timeline, sources: &[Source], bands: &Bands) {
        let theme = self.theme;
        let r = bands.undated;
        if !self.open_band(r, theme.lane_odd, theme.lane_separator) {
            return;
        }
        let title = self.galley("Undated".to_string(), SMALL_SIZE, theme.text_muted, f32::INFINITY);
        let cy = r.center().y;
        let th = title.size().y;
        let mut x = 10.0 + title.size().x + 10.0;
        self.text(pos2(10.0, cy - th / 2.0), title, theme.text_muted);
        let undated: Vec<_> = timeline.undated_mentions().collect();
        for (i, m) in undated.iter().enumerate() {
            let g = self.galley(m.text.to_string(), SMALL_SIZE, theme.text, 160.0);
            let chip_w = g.size().x + 22.0;
            let rest = undated.len() - i;
            let reserve = if rest > 1 { 70.0 } else { 0.0 };
            if x + chip_w + reserve > r.right() - 6.0 {
                self.more_note(pos2(x, cy), rest, SMALL_SIZE);
                break;
            }
            let chip = Rect::from_min_size(pos2(x, cy - 9.0), vec2(chip_w, 18.0));
            self.chip(chip);
            let color = sources.iter().find(|s| *s.doc == *m.doc).map_or(theme.text_muted, |s| s.color);
            self.shapes.push(Shape::circle_filled(pos2(x + 9.0, cy), 3.0, color));
            let h = g.size().y;
            self.text(pos2(x + 16.0, cy - h / 2.0), g, theme.text);
            self.hits.push(Hit { rect: chip, target: HitTarget::Undated { mention_id: m.id.to_string() } });
            x += chip_w + 6.0;
        }
    }

    /// The lane's letter at its top-left (else bottom-left) corner, where no event of the lane is
    /// drawn (its hits start at `first_hit`): it ties the lane to the legend when colours repeat,
    /// and collapses or expands the lane when clicked.
    pub(super) fn lane_toggle(&mut self, lane: &Lane, sources: &[Source], first_hit: usize) {
        if lane.letter.is_empty() || lane.rect.height() < BADGE_SIDE + 2.0 {
            return;
        }
        let Some(source) = sources.iter().find(|s| s.doc == lane.doc) else { return };
        let top = lane.rect.top() + (lane.rect.height().min(BADGE_SIDE + 4.0) - BADGE_SIDE) / 2.0;
        let bottom = lane.rect.bottom() - BADGE_SIDE - 2.0;
        let label_w = if lane.collapsed { 226.0 } else { 0.0 };
        let free = |y: f32, hits: &[Hit]| {
            let room = Rect::from_min_size(
                pos2(lane.rect.left() + 3.0, y - 1.0),
                vec2(BADGE_SIDE + 4.0 + label_w, BADGE_SIDE + 2.0),
            );
            !hits[first_hit..].iter().any(|h| h.rect.intersects(room))
        };
        let Some(y) = [top, bottom].into_iter().find(|&y| free(y, &self.hits)) else { return };
        let at = pos2(lane.rect.left() + 5.0, y);
        self.source_badge(at, source);
        let rect = Rect::from_min_size(at, vec2(BADGE_SIDE, BADGE_SIDE));
        if lane.collapsed {
            // A collapsed lane names itself, since it shows no labels.
            let g = self.galley(lane.title.clone(), SMALL_SIZE, self.theme.text_muted, 220.0);
            let pos = pos2(rect.right() + 4.0, rect.center().y - g.size().y / 2.0);
            let r = Rect::from_min_size(pos, g.size());
            self.shapes.push(Shape::rect_filled(
                r.expand(1.0),
                CornerRadius::same(2),
                with_alpha(lane.background, 0.88),
            ));
            self.text(pos, g, self.theme.text_muted);
        }
        self.hits.push(Hit { rect, target: HitTarget::Lane { doc: lane.doc.clone() } });
    }

    /// Chips at the ends of the anchor band counting the items before and after the visible
    /// range ("« 12 earlier"); clicking one shows those items. Returns the x range between them
    /// (where the anchor pill may go).
    pub(super) fn outside(&mut self, items: &[Item<'_>], bands: &Bands) -> (f32, f32) {
        let (t0, t1) = (self.vp.start, self.vp.end);
        let earlier: Vec<String> = items.iter().filter(|i| to_seconds(i.end) <= t0).map(|i| i.id.to_string()).collect();
        let later: Vec<String> = items.iter().filter(|i| to_seconds(i.start) >= t1).map(|i| i.id.to_string()).collect();
        let r = bands.anchor;
        let mut free = (2.0, self.vp.width - 2.0);
        if r.height() < 18.0 {
            return free;
        }
        let theme = self.theme;
        for (ids, earlier) in [(earlier, true), (later, false)] {
            if ids.is_empty() {
                continue;
            }
            let left = earlier;
            let text =
                if left { format!("\u{ab} {} earlier", ids.len()) } else { format!("{} later \u{bb}", ids.len()) };
            let g = self.galley(text, SMALL_SIZE, theme.text, f32::INFINITY);
            let size = g.size() + vec2(14.0, 4.0);
            let x = if left { r.left() + 4.0 } else { r.right() - 4.0 - size.x };
            let chip = Rect::from_min_size(pos2(x, r.center().y - size.y / 2.0), size);
            if left {
                free.0 = chip.right() + 6.0;
            } else {
                free.1 = chip.left() - 6.0;
            }
            self.chip(chip);
            self.text(chip.min + vec2(7.0, 2.0), g, theme.text);
            self.hits.push(Hit { rect: chip, target: HitTarget::Outside { event_ids: ids, earlier } });
        }
        free
    }
}

/// The symbol key's entries, in order.
const KEY_ENTRIES: [&str; 4] = ["day or finer", "month or coarser", "approximate", "edited"];

/// Width of one symbol in the key.
const SYMBOL_W: f32 = 22.0;

/// How wide the key's laid-out entries are, with their symbols and gaps.
fn key_width_of(galleys: &[Arc<Galley>]) -> f32 {
    galleys.iter().map(|g| SYMBOL_W + 5.0 + g.size().x + 14.0).sum()
}
