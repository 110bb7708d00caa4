//! The time axis: mapping between story time (f64 seconds since 1970-01-01T00:00, naive local
//! time) and x pixels of a [`Viewport`], tick generation that adapts from centuries down to
//! minutes, and the pure zoom / pan / fit helpers the GUI uses to move a viewport.
//!
//! Time is always `f64` here (an `f32` cannot even hold a minute-exact date); pixels are `f32`.

use super::Viewport;
use crate::timex::Interval;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// The narrowest viewport allowed: one minute across.
pub const MIN_SPAN: f64 = 60.0;
/// The widest viewport allowed: a thousand (Gregorian) years across.
pub const MAX_SPAN: f64 = 1000.0 * 365.2425 * 86_400.0;
/// Labelled ticks are at least this far apart (in points).
pub const MIN_LABEL_SPACING: f32 = 80.0;
/// Minor ticks closer than this are not drawn.
const MIN_MINOR_SPACING: f32 = 6.0;
/// Never generate more ticks than this, whatever the input.
const MAX_TICKS: usize = 2_000;

/// Earliest time the axis handles (0001-01-01): keeps calendar arithmetic in range.
pub const MIN_TIME: f64 = -62_135_596_800.0;
/// Latest time the axis handles (9999-12-31T23:59:59).
pub const MAX_TIME: f64 = 253_402_300_799.0;

/// Seconds since 1970-01-01T00:00 of a naive (story-local) date-time.
pub fn to_seconds(t: NaiveDateTime) -> f64 {
    let utc = t.and_utc();
    utc.timestamp() as f64 + f64::from(utc.timestamp_subsec_nanos()) * 1e-9
}

/// The naive date-time `seconds` after 1970-01-01T00:00; `None` when out of chrono's range or
/// not finite.
pub fn from_seconds(seconds: f64) -> Option<NaiveDateTime> {
    if !seconds.is_finite() {
        return None;
    }
    let whole = seconds.floor();
    if !(-9.0e15..=9.0e15).contains(&whole) {
        return None;
    }
    let nanos = ((seconds - whole) * 1e9).round().clamp(0.0, 999_999_999.0) as u32;
    DateTime::from_timestamp(whole as i64, nanos).map(|d| d.naive_utc())
}

impl Viewport {
    /// Finite times with `start < end` and a finite, non-negative size: what drawing needs.
    pub fn is_valid(&self) -> bool {
        self.start.is_finite()
            && self.end.is_finite()
            && self.start < self.end
            && self.width.is_finite()
            && self.height.is_finite()
            && self.width >= 0.0
            && self.height >= 0.0
    }

    /// Seconds shown across the whole width.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Seconds per point of width.
    pub fn seconds_per_px(&self) -> f64 {
        self.span() / f64::from(self.width.max(1.0))
    }

    /// The x (points from the left edge) where time `t` is drawn. Not clamped: times outside the
    /// viewport give x outside `0..width`.
    pub fn time_to_x(&self, t: f64) -> f32 {
        let span = self.span();
        if span <= 0.0 {
            return 0.0;
        }
        ((t - self.start) / span * f64::from(self.width)) as f32
    }

    /// The time drawn at x (points from the left edge).
    pub fn x_to_time(&self, x: f32) -> f64 {
        self.start + f64::from(x) / f64::from(self.width.max(1.0)) * self.span()
    }

    /// [`Self::time_to_x`] for a calendar date-time.
    pub fn datetime_to_x(&self, t: NaiveDateTime) -> f32 {
        self.time_to_x(to_seconds(t))
    }
}

/// Keeps a span within [`MIN_SPAN`, `MAX_SPAN`] and a range within [`MIN_TIME`, `MAX_TIME`].
fn clamp_range(mut start: f64, mut end: f64) -> (f64, f64) {
    if !start.is_finite() || !end.is_finite() || end <= start {
        let mid = if start.is_finite() { start } else { 0.0 };
        start = mid;
        end = mid + MIN_SPAN;
    }
    let span = (end - start).clamp(MIN_SPAN, MAX_SPAN);
    let mid = (start + end) / 2.0;
    start = mid - span / 2.0;
    end = mid + span / 2.0;
    if start < MIN_TIME {
        start = MIN_TIME;
        end = MIN_TIME + span;
    }
    if end > MAX_TIME {
        end = MAX_TIME;
        start = MAX_TIME - span;
    }
    (start, end)
}

/// Zooms around the pointer: the time under `pointer_x` stays under it. `factor > 1` zooms in
/// (the span shrinks by `factor`), `factor < 1` zooms out. The span is clamped between one minute
/// and a thousand years; non-finite or non-positive factors leave the viewport unchanged.
pub fn zoom_at(viewport: &Viewport, pointer_x: f32, factor: f64) -> Viewport {
    if !factor.is_finite() || factor <= 0.0 {
        return *viewport;
    }
    let pivot = viewport.x_to_time(pointer_x);
    let fraction = f64::from(pointer_x) / f64::from(viewport.width.max(1.0));
    let span = (viewport.span() / factor).clamp(MIN_SPAN, MAX_SPAN);
    let start = pivot - fraction * span;
    let (start, end) = clamp_pan(start, start + span);
    Viewport { start, end, ..*viewport }
}

/// Shifts a range into [`MIN_TIME`, `MAX_TIME`] without changing its span (when it fits).
fn clamp_pan(start: f64, end: f64) -> (f64, f64) {
    let span = end - start;
    if start < MIN_TIME {
        (MIN_TIME, MIN_TIME + span)
    } else if end > MAX_TIME {
        (MAX_TIME - span, MAX_TIME)
    } else {
        (start, end)
    }
}

/// Pans by a pointer drag of `dx` points: dragging right (`dx > 0`) moves the content right, so
/// earlier times come into view.
pub fn pan_by_pixels(viewport: &Viewport, dx: f32) -> Viewport {
    pan_by_seconds(viewport, -f64::from(dx) * viewport.seconds_per_px())
}

/// Shifts the visible range by `seconds` (positive = later).
pub fn pan_by_seconds(viewport: &Viewport, seconds: f64) -> Viewport {
    if !seconds.is_finite() {
        return *viewport;
    }
    let (start, end) = clamp_pan(viewport.start + seconds, viewport.end + seconds);
    Viewport { start, end, ..*viewport }
}

/// A viewport of `width` x `height` points showing `extent` with a margin on both sides (6% of
/// the extent, at least an hour), so the first and last events do not touch the edges.
pub fn fit(extent: Interval, width: f32, height: f32) -> Viewport {
    let start = to_seconds(extent.start);
    let end = to_seconds(extent.end).max(start);
    let margin = ((end - start) * 0.06).max(3_600.0);
    let (start, end) = clamp_range(start - margin, end + margin);
    Viewport { start, end, width, height }
}

/// The unit of one tick step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TickStep {
    Years(u32),
    Months(u32),
    /// Mondays.
    Weeks,
    Days(u32),
    Hours(u32),
    Minutes(u32),
}

/// Every step the axis can label, coarsest first.
pub const LEVELS: [TickStep; 23] = [
    TickStep::Years(1000),
    TickStep::Years(500),
    TickStep::Years(200),
    TickStep::Years(100),
    TickStep::Years(50),
    TickStep::Years(20),
    TickStep::Years(10),
    TickStep::Years(5),
    TickStep::Years(2),
    TickStep::Years(1),
    TickStep::Months(6),
    TickStep::Months(3),
    TickStep::Months(1),
    TickStep::Weeks,
    TickStep::Days(1),
    TickStep::Hours(12),
    TickStep::Hours(6),
    TickStep::Hours(3),
    TickStep::Hours(1),
    TickStep::Minutes(30),
    TickStep::Minutes(15),
    TickStep::Minutes(5),
    TickStep::Minutes(1),
];

impl TickStep {
    /// The shortest this step can be, in seconds (February for months, 365-day years).
    pub fn min_seconds(self) -> f64 {
        const DAY: f64 = 86_400.0;
        match self {
            TickStep::Years(n) => f64::from(n) * 365.0 * DAY,
            TickStep::Months(n) => f64::from(n) * 28.0 * DAY,
            TickStep::Weeks => 7.0 * DAY,
            TickStep::Days(n) => f64::from(n) * DAY,
            TickStep::Hours(n) => f64::from(n) * 3_600.0,
            TickStep::Minutes(n) => f64::from(n) * 60.0,
        }
    }

    /// The finer step drawn as unlabelled minor ticks between the labelled ones.
    pub fn minor(self) -> Option<TickStep> {
        Some(match self {
            TickStep::Years(1000) | TickStep::Years(500) => TickStep::Years(100),
            TickStep::Years(200) => TickStep::Years(50),
            TickStep::Years(100) | TickStep::Years(50) => TickStep::Years(10),
            TickStep::Years(20) => TickStep::Years(5),
            TickStep::Years(10) | TickStep::Years(5) => TickStep::Years(1),
            TickStep::Years(2) => TickStep::Months(6),
            TickStep::Years(_) => TickStep::Months(1),
            TickStep::Months(_) => TickStep::Days(1),
            TickStep::Weeks => TickStep::Days(1),
            TickStep::Days(_) => TickStep::Hours(6),
            TickStep::Hours(12) => TickStep::Hours(3),
            TickStep::Hours(6) | TickStep::Hours(3) => TickStep::Hours(1),
            TickStep::Hours(_) => TickStep::Minutes(15),
            TickStep::Minutes(30) | TickStep::Minutes(15) => TickStep::Minutes(5),
            TickStep::Minutes(5) => TickStep::Minutes(1),
            TickStep::Minutes(_) => return None,
        })
    }

    /// The label of the tick at `t` for this step: "1990s", "2017", "Mar 2017", "Wed 22 Mar",
    /// "14:00".
    pub fn label(self, t: NaiveDateTime) -> String {
        match self {
            TickStep::Years(10) => format!("{}s", t.year()),
            TickStep::Years(_) => format!("{}", t.year()),
            TickStep::Months(_) => t.format("%b %Y").to_string(),
            TickStep::Weeks | TickStep::Days(_) => t.format("%a %-d %b").to_string(),
            TickStep::Hours(_) | TickStep::Minutes(_) => t.format("%H:%M").to_string(),
        }
    }

    /// The first tick at or before `t`.
    fn floor(self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        let date = t.date();
        let start_of = |d: NaiveDate| d.and_time(NaiveTime::MIN);
        match self {
            TickStep::Years(n) => {
                let n = n as i32;
                let year = t.year().div_euclid(n) * n;
                NaiveDate::from_ymd_opt(year, 1, 1).map(start_of)
            }
            TickStep::Months(n) => {
                let index = i64::from(t.year()) * 12 + i64::from(t.month0());
                let index = index.div_euclid(i64::from(n)) * i64::from(n);
                month_start(index)
            }
            TickStep::Weeks => {
                let back = i64::from(date.weekday().num_days_from_monday());
                date.checked_sub_signed(Duration::days(back)).map(start_of)
            }
            TickStep::Days(_) => Some(start_of(date)),
            TickStep::Hours(n) => {
                let hour = t.hour() / n * n;
                Some(start_of(date) + Duration::hours(i64::from(hour)))
            }
            TickStep::Minutes(n) => {
                let minute = t.minute() / n * n;
                Some(start_of(date) + Duration::hours(i64::from(t.hour())) + Duration::minutes(i64::from(minute)))
            }
        }
    }

    /// The tick after `t` (which is on a tick).
    fn next(self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        match self {
            TickStep::Years(n) => {
                NaiveDate::from_ymd_opt(t.year().checked_add(n as i32)?, 1, 1).map(|d| d.and_time(NaiveTime::MIN))
            }
            TickStep::Months(n) => {
                let index = i64::from(t.year()) * 12 + i64::from(t.month0()) + i64::from(n);
                month_start(index)
            }
            TickStep::Weeks => t.checked_add_signed(Duration::days(7)),
            TickStep::Days(n) => t.checked_add_signed(Duration::days(i64::from(n))),
            TickStep::Hours(n) => t.checked_add_signed(Duration::hours(i64::from(n))),
            TickStep::Minutes(n) => t.checked_add_signed(Duration::minutes(i64::from(n))),
        }
    }

    /// Tick times in `[start, end]` (seconds), at most [`MAX_TICKS`].
    pub fn times_between(self, start: f64, end: f64) -> Vec<NaiveDateTime> {
        let mut out = Vec::new();
        let (start, end) = (start.max(MIN_TIME), end.min(MAX_TIME));
        if end < start {
            return out;
        }
        let Some(first) = from_seconds(start).and_then(|t| self.floor(t)) else {
            return out;
        };
        let mut t = first;
        while out.len() < MAX_TICKS {
            let s = to_seconds(t);
            if s > end {
                break;
            }
            if s >= start {
                out.push(t);
            }
            match self.next(t) {
                Some(next) if next > t => t = next,
                _ => break,
            }
        }
        out
    }
}

fn month_start(index: i64) -> Option<NaiveDateTime> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = index.rem_euclid(12) as u32 + 1;
    NaiveDate::from_ymd_opt(year, month, 1).map(|d| d.and_time(NaiveTime::MIN))
}

/// The finest step whose labelled ticks stay at least [`MIN_LABEL_SPACING`] points apart at
/// `seconds_per_px`.
pub fn choose_level(seconds_per_px: f64) -> TickStep {
    LEVELS
        .iter()
        .rev()
        .copied()
        .find(|step| step.min_seconds() / seconds_per_px >= f64::from(MIN_LABEL_SPACING))
        .unwrap_or(TickStep::Years(1000))
}

/// One labelled (major) tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub time: f64,
    pub x: f32,
    pub label: String,
}

/// A coarser-unit label under the tick labels ("March 2017" under day ticks, "Wed 22 Mar 2017"
/// under hour ticks), at the boundary where that unit starts.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextLabel {
    pub x: f32,
    pub label: String,
}

/// All ticks of a viewport.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    pub step: TickStep,
    pub major: Vec<Tick>,
    /// x of the minor ticks (those not on a major tick).
    pub minor: Vec<f32>,
    /// The context label for the left edge (the unit the left edge is in), when the step is finer
    /// than a month.
    pub context_left: Option<String>,
    /// Context labels at unit boundaries inside the viewport.
    pub context: Vec<ContextLabel>,
}

/// The ticks for a viewport: labelled major ticks at the level [`choose_level`] picks, minor
/// ticks one level finer (when at least a few points apart), and coarser context labels.
pub fn ticks(viewport: &Viewport) -> Ticks {
    let spp = viewport.seconds_per_px().max(1e-9);
    let step = choose_level(spp);
    if !viewport.is_valid() {
        return Ticks { step, major: Vec::new(), minor: Vec::new(), context_left: None, context: Vec::new() };
    }
    let (start, end) = (viewport.start, viewport.end);
    let major: Vec<Tick> = step
        .times_between(start, end)
        .into_iter()
        .map(|t| {
            let time = to_seconds(t);
            Tick { time, x: viewport.time_to_x(time), label: step.label(t) }
        })
        .collect();
    let mut minor = Vec::new();
    if let Some(minor_step) = step.minor() {
        if (minor_step.min_seconds() / spp) as f32 >= MIN_MINOR_SPACING {
            for t in minor_step.times_between(start, end) {
                let time = to_seconds(t);
                if !major.iter().any(|m| m.time == time) {
                    minor.push(viewport.time_to_x(time));
                }
            }
        }
    }
    let context_step = match step {
        TickStep::Weeks | TickStep::Days(_) => Some(TickStep::Months(1)),
        TickStep::Hours(_) | TickStep::Minutes(_) => Some(TickStep::Days(1)),
        _ => None,
    };
    let context_label = |t: NaiveDateTime| match context_step {
        Some(TickStep::Months(_)) => t.format("%B %Y").to_string(),
        _ => format_day(t.date()),
    };
    let (context_left, context) = match context_step {
        Some(cstep) => {
            let left = from_seconds(start.max(MIN_TIME)).and_then(|t| cstep.floor(t)).map(context_label);
            let inside = cstep
                .times_between(start, end)
                .into_iter()
                .map(|t| ContextLabel { x: viewport.datetime_to_x(t), label: context_label(t) })
                .collect();
            (left, inside)
        }
        None => (None, Vec::new()),
    };
    Ticks { step, major, minor, context_left, context }
}

/// "Wed 22 Mar 2017": how the anchor and other whole days are written.
pub fn format_day(date: NaiveDate) -> String {
    crate::timex::day_label(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    fn vp(start: NaiveDateTime, end: NaiveDateTime) -> Viewport {
        Viewport { start: to_seconds(start), end: to_seconds(end), width: 1000.0, height: 600.0 }
    }

    #[test]
    fn seconds_round_trip() {
        let t = dt(2017, 3, 22, 14, 5);
        assert_eq!(from_seconds(to_seconds(t)), Some(t));
        let old = dt(1066, 10, 14, 9, 0);
        assert_eq!(from_seconds(to_seconds(old)), Some(old));
        assert_eq!(from_seconds(f64::NAN), None);
        assert_eq!(from_seconds(1e300), None);
    }

    #[test]
    fn x_mapping_is_linear_and_invertible() {
        let v = vp(dt(2017, 3, 1, 0, 0), dt(2017, 4, 1, 0, 0));
        assert_eq!(v.time_to_x(v.start), 0.0);
        assert_eq!(v.time_to_x(v.end), 1000.0);
        let t = to_seconds(dt(2017, 3, 16, 12, 0));
        assert!((v.time_to_x(t) - 500.0).abs() < 0.01);
        assert!((v.x_to_time(v.time_to_x(t)) - t).abs() < 60.0);
    }

    #[test]
    fn levels_adapt_to_zoom() {
        let cases = [
            (vp(dt(1900, 1, 1, 0, 0), dt(2000, 1, 1, 0, 0)), TickStep::Years(10), "1900s"),
            (vp(dt(2010, 1, 1, 0, 0), dt(2020, 1, 1, 0, 0)), TickStep::Years(1), "2010"),
            (vp(dt(2017, 1, 1, 0, 0), dt(2018, 1, 1, 0, 0)), TickStep::Months(3), "Jan 2017"),
            (vp(dt(2017, 1, 1, 0, 0), dt(2017, 7, 1, 0, 0)), TickStep::Months(1), "Jan 2017"),
            (vp(dt(2017, 3, 1, 0, 0), dt(2017, 3, 11, 0, 0)), TickStep::Days(1), "Wed 1 Mar"),
            (vp(dt(2017, 3, 1, 0, 0), dt(2017, 4, 1, 0, 0)), TickStep::Weeks, "Mon 6 Mar"),
            (vp(dt(2017, 3, 22, 0, 0), dt(2017, 3, 23, 0, 0)), TickStep::Hours(3), "00:00"),
            (vp(dt(2017, 3, 22, 14, 0), dt(2017, 3, 23, 0, 0)), TickStep::Hours(1), "14:00"),
            (vp(dt(2017, 3, 22, 14, 0), dt(2017, 3, 22, 20, 0)), TickStep::Minutes(30), "14:00"),
            (vp(dt(2017, 3, 20, 0, 0), dt(2017, 3, 22, 0, 0)), TickStep::Hours(6), "00:00"),
            (vp(dt(2017, 3, 22, 14, 0), dt(2017, 3, 22, 16, 0)), TickStep::Minutes(15), "14:00"),
            (vp(dt(2017, 3, 22, 14, 0), dt(2017, 3, 22, 14, 10)), TickStep::Minutes(1), "14:00"),
        ];
        for (v, step, first) in cases {
            let ticks = ticks(&v);
            assert_eq!(ticks.step, step, "{:?}", v);
            assert_eq!(ticks.major.first().map(|t| t.label.as_str()), Some(first), "{:?}", v);
            for pair in ticks.major.windows(2) {
                assert!(pair[1].x - pair[0].x >= MIN_LABEL_SPACING - 0.01, "{:?}: {:?}", step, pair);
            }
        }
    }

    #[test]
    fn day_ticks_carry_month_context() {
        let v = vp(dt(2017, 3, 20, 0, 0), dt(2017, 4, 10, 0, 0));
        let t = ticks(&v);
        assert_eq!(t.context_left.as_deref(), Some("March 2017"));
        assert_eq!(t.context.len(), 1);
        assert_eq!(t.context[0].label, "April 2017");
        assert!(!t.minor.is_empty());
    }

    #[test]
    fn negative_years_and_extremes_do_not_panic() {
        let v = Viewport { start: MIN_TIME - 1e12, end: MAX_TIME + 1e12, width: 800.0, height: 400.0 };
        let t = ticks(&v);
        assert!(t.major.len() <= MAX_TICKS);
        let v = Viewport { start: f64::NAN, end: 5.0, width: 0.0, height: 0.0 };
        assert!(ticks(&v).major.is_empty());
    }

    #[test]
    fn zoom_keeps_pointer_time_and_clamps() {
        let v = vp(dt(2017, 3, 1, 0, 0), dt(2017, 4, 1, 0, 0));
        let under = v.x_to_time(250.0);
        let z = zoom_at(&v, 250.0, 2.0);
        assert!((z.span() - v.span() / 2.0).abs() < 1e-3);
        assert!((z.x_to_time(250.0) - under).abs() < 1e-3);
        let tiny = zoom_at(&v, 0.0, 1e12);
        assert_eq!(tiny.span(), MIN_SPAN);
        let huge = zoom_at(&v, 0.0, 1e-12);
        assert!((huge.span() - MAX_SPAN).abs() < 1.0);
        assert_eq!(zoom_at(&v, 0.0, f64::NAN), v);
    }

    #[test]
    fn pan_moves_content_with_the_pointer() {
        let v = vp(dt(2017, 3, 1, 0, 0), dt(2017, 4, 1, 0, 0));
        let t = to_seconds(dt(2017, 3, 10, 0, 0));
        let x = v.time_to_x(t);
        let p = pan_by_pixels(&v, 100.0);
        assert!((p.time_to_x(t) - (x + 100.0)).abs() < 0.01);
        assert_eq!(p.span(), v.span());
    }

    #[test]
    fn fit_adds_margins_and_a_minimum_span() {
        let ext = Interval::new(dt(2017, 3, 1, 0, 0), dt(2017, 4, 1, 0, 0));
        let v = fit(ext, 1000.0, 500.0);
        assert!(v.start < to_seconds(ext.start) && v.end > to_seconds(ext.end));
        let x0 = v.datetime_to_x(ext.start);
        assert!(x0 > 30.0 && x0 < 80.0, "{x0}");
        let instant = Interval::new(dt(2017, 3, 1, 12, 0), dt(2017, 3, 1, 12, 0));
        let v = fit(instant, 1000.0, 500.0);
        assert!(v.span() >= 7_200.0 - 1.0);
    }
}
