//! Calendar values at a granularity ("the day 2017-03-23", "the morning of it", "1989-Q3"): their
//! TIMEX3 value strings, their intervals, and the calendar arithmetic the resolver needs
//! (shifting by units, truncating to a coarser unit).

use crate::tagger::sem::{Holiday, Part, Season, Unit};
use crate::timex::{push_padded, Granularity, Interval};
use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// A point on the calendar at some precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cal {
    Minute(NaiveDateTime),
    /// "midnight" at the end of this day (TIMEX3 `T24:00`).
    Midnight(NaiveDate),
    PartOfDay(NaiveDate, Part),
    Day(NaiveDate),
    /// The Saturday that starts the weekend.
    Weekend(NaiveDate),
    /// The Monday of an ISO week.
    Week(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    /// Year / 10: 199 is the 1990s.
    Decade(i32),
    /// Year / 100: 19 is the 1900s.
    Century(i32),
}

/// Appends the day as "2017-03-23" (plain formatting: chrono's strftime and `format!` are slow on
/// a hot path).
fn push_iso_day(out: &mut String, d: NaiveDate) {
    push_padded(out, d.year().into(), 4);
    out.push('-');
    push_padded(out, d.month().into(), 2);
    out.push('-');
    push_padded(out, d.day().into(), 2);
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Appends the ISO week of `d`: "2017-W12" (the ISO year, unpadded).
fn push_iso_week(out: &mut String, d: NaiveDate) {
    let week = d.iso_week();
    push_padded(out, week.year().into(), 0);
    out.push_str("-W");
    push_padded(out, week.week().into(), 2);
}

/// Appends a numbered part of a year: "2016-Q4", "2016-H1".
fn push_year_part(out: &mut String, year: i64, tag: &str, part: i64) {
    push_padded(out, year, 4);
    out.push_str(tag);
    push_padded(out, part, 0);
}

fn season_start_month(season: Season) -> (i32, u32) {
    match season {
        Season::Spring => (0, 3),
        Season::Summer => (0, 6),
        Season::Fall => (0, 9),
        Season::Winter => (-1, 12),
    }
}

impl Cal {
    /// The TIMEX3 value: "2017-03-23T14:40", "2017-W12-WE", "1989-Q3", "199".
    pub fn value(&self) -> String {
        let mut out = String::with_capacity(16);
        match *self {
            Cal::Minute(t) => {
                push_iso_day(&mut out, t.date());
                out.push('T');
                push_padded(&mut out, t.time().hour_of().into(), 2);
                out.push(':');
                push_padded(&mut out, t.time().minute_of().into(), 2);
            }
            Cal::Midnight(d) => {
                push_iso_day(&mut out, d);
                out.push_str("T24:00");
            }
            Cal::PartOfDay(d, p) => {
                push_iso_day(&mut out, d);
                out.push('T');
                out.push_str(p.code());
            }
            Cal::Day(d) => push_iso_day(&mut out, d),
            Cal::Weekend(sat) => {
                push_iso_week(&mut out, sat);
                out.push_str("-WE");
            }
            Cal::Week(mon) => push_iso_week(&mut out, mon),
            Cal::Month(y, m) => {
                push_padded(&mut out, y.into(), 4);
                out.push('-');
                push_padded(&mut out, m.into(), 2);
            }
            Cal::Quarter(y, q) => push_year_part(&mut out, y.into(), "-Q", q.into()),
            Cal::Half(y, h) => push_year_part(&mut out, y.into(), "-H", h.into()),
            Cal::Season(y, s) => {
                push_padded(&mut out, y.into(), 4);
                out.push('-');
                out.push_str(s.code());
            }
            Cal::Year(y) => push_padded(&mut out, y.into(), 4),
            Cal::Decade(d) => push_padded(&mut out, d.into(), 3),
            Cal::Century(c) => push_padded(&mut out, c.into(), 2),
        }
        out
    }

    /// The calendar year it belongs to: a season's or a period's own year (the winter of 2010
    /// is 2010's, though it starts in December 2009), else the year it starts in.
    pub fn year(&self) -> i32 {
        match *self {
            Cal::Month(y, _) | Cal::Quarter(y, _) | Cal::Half(y, _) | Cal::Season(y, _) | Cal::Year(y) => y,
            _ => self.interval().start.year(),
        }
    }

    pub fn granularity(&self) -> Granularity {
        match self {
            Cal::Minute(_) | Cal::Midnight(_) => Granularity::Minute,
            Cal::PartOfDay(..) => Granularity::PartOfDay,
            Cal::Day(_) => Granularity::Day,
            Cal::Weekend(_) | Cal::Week(_) => Granularity::Week,
            Cal::Month(..) => Granularity::Month,
            Cal::Quarter(..) => Granularity::Quarter,
            Cal::Half(..) => Granularity::Half,
            Cal::Season(..) => Granularity::Season,
            Cal::Year(_) => Granularity::Year,
            Cal::Decade(_) => Granularity::Decade,
            Cal::Century(_) => Granularity::Century,
        }
    }

    pub fn interval(&self) -> Interval {
        let at = |d: NaiveDate| d.and_time(NaiveTime::MIN);
        match *self {
            Cal::Minute(t) => Interval::new(t, t + Duration::minutes(1)),
            Cal::Midnight(d) => {
                let t = at(d) + Duration::days(1);
                Interval::new(t, t + Duration::minutes(1))
            }
            Cal::PartOfDay(d, p) => {
                let (from, to) = p.hours();
                Interval::new(at(d) + Duration::hours(from.into()), at(d) + Duration::hours(to.into()))
            }
            Cal::Day(d) => Interval::day(d),
            Cal::Weekend(sat) => Interval::days(sat, 2),
            Cal::Week(mon) => Interval::days(mon, 7),
            Cal::Month(y, m) => {
                let start = at(date(y, m, 1));
                Interval::new(start, shift_time(start, 1, Unit::Month))
            }
            Cal::Quarter(y, q) => {
                let start = at(date(y, (q - 1) * 3 + 1, 1));
                Interval::new(start, shift_time(start, 3, Unit::Month))
            }
            Cal::Half(y, h) => {
                let start = at(date(y, (h - 1) * 6 + 1, 1));
                Interval::new(start, shift_time(start, 6, Unit::Month))
            }
            Cal::Season(y, s) => {
                let (dy, m) = season_start_month(s);
                let start = at(date(y + dy, m, 1));
                Interval::new(start, shift_time(start, 3, Unit::Month))
            }
            Cal::Year(y) => Interval::new(at(date(y, 1, 1)), at(date(y + 1, 1, 1))),
            Cal::Decade(d) => Interval::new(at(date(d * 10, 1, 1)), at(date(d * 10 + 10, 1, 1))),
            Cal::Century(c) => Interval::new(at(date(c * 100, 1, 1)), at(date(c * 100 + 100, 1, 1))),
        }
    }

    pub fn start(&self) -> NaiveDateTime {
        self.interval().start
    }

    /// The day this value falls on, when it is a day or finer.
    pub fn day(&self) -> Option<NaiveDate> {
        match *self {
            Cal::Minute(t) => Some(t.date()),
            Cal::Midnight(d) | Cal::PartOfDay(d, _) | Cal::Day(d) => Some(d),
            _ => None,
        }
    }

    /// The value of `unit` that contains `t` ("the week of", "the year of").
    pub fn containing(t: NaiveDateTime, unit: Unit) -> Cal {
        let d = t.date();
        match unit {
            Unit::Second | Unit::Minute => Cal::Minute(t.with_second0()),
            Unit::Hour => Cal::Minute(d.and_hms_opt(t.time().hour_of(), 0, 0).unwrap_or(t)),
            Unit::Day => Cal::Day(d),
            Unit::Week | Unit::Fortnight => Cal::Week(d - Duration::days(d.weekday().num_days_from_monday().into())),
            Unit::Weekend => {
                let monday = d - Duration::days(d.weekday().num_days_from_monday().into());
                Cal::Weekend(monday + Duration::days(5))
            }
            Unit::Month => Cal::Month(d.year(), d.month()),
            Unit::Quarter => Cal::Quarter(d.year(), (d.month() - 1) / 3 + 1),
            Unit::Half => Cal::Half(d.year(), (d.month() - 1) / 6 + 1),
            Unit::Year => Cal::Year(d.year()),
            Unit::Decade => Cal::Decade(d.year().div_euclid(10)),
            Unit::Century => Cal::Century(d.year().div_euclid(100)),
        }
    }

    /// The unit this value is counted in.
    pub fn unit(&self) -> Unit {
        match self {
            Cal::Minute(_) | Cal::Midnight(_) => Unit::Minute,
            Cal::PartOfDay(..) | Cal::Day(_) => Unit::Day,
            Cal::Weekend(_) => Unit::Weekend,
            Cal::Week(_) => Unit::Week,
            Cal::Month(..) => Unit::Month,
            Cal::Quarter(..) => Unit::Quarter,
            Cal::Half(..) => Unit::Half,
            Cal::Season(..) => Unit::Year,
            Cal::Year(_) => Unit::Year,
            Cal::Decade(_) => Unit::Decade,
            Cal::Century(_) => Unit::Century,
        }
    }

    /// This value moved by `n` units, keeping its own precision ("1989-Q3" minus a year is
    /// "1988-Q3"; the morning of the 22nd plus a day is the morning of the 23rd).
    pub fn shifted(&self, n: i64, unit: Unit) -> Cal {
        match *self {
            Cal::Minute(t) => Cal::Minute(shift_time(t, n, unit)),
            Cal::Midnight(d) => Cal::Midnight(shift_time(d.and_time(NaiveTime::MIN), n, unit).date()),
            Cal::PartOfDay(d, p) => Cal::PartOfDay(shift_time(d.and_time(NaiveTime::MIN), n, unit).date(), p),
            Cal::Day(d) => Cal::Day(shift_time(d.and_time(NaiveTime::MIN), n, unit).date()),
            Cal::Season(y, s) => {
                let years = match unit {
                    Unit::Year => n,
                    Unit::Decade => n * 10,
                    Unit::Century => n * 100,
                    _ => 0,
                };
                Cal::Season(y + years as i32, s)
            }
            other => {
                let moved = shift_time(other.start(), n, unit);
                Cal::containing(moved, other.unit())
            }
        }
    }

    /// This value at the coarser `unit` (a day truncated to its year). Finer units leave it as is.
    pub fn truncated(&self, unit: Unit) -> Cal {
        if unit_rank(unit) <= unit_rank(self.unit()) {
            return *self;
        }
        Cal::containing(self.start(), unit)
    }
}

trait TimeParts {
    fn with_second0(self) -> NaiveDateTime;
}

impl TimeParts for NaiveDateTime {
    fn with_second0(self) -> NaiveDateTime {
        self.date().and_hms_opt(self.time().hour_of(), self.time().minute_of(), 0).unwrap_or(self)
    }
}

trait HourMinute {
    fn hour_of(&self) -> u32;
    fn minute_of(&self) -> u32;
}

impl HourMinute for NaiveTime {
    fn hour_of(&self) -> u32 {
        chrono::Timelike::hour(self)
    }
    fn minute_of(&self) -> u32 {
        chrono::Timelike::minute(self)
    }
}

/// Orders units from fine to coarse.
pub fn unit_rank(unit: Unit) -> u8 {
    match unit {
        Unit::Second => 0,
        Unit::Minute => 1,
        Unit::Hour => 2,
        Unit::Day => 3,
        Unit::Weekend => 4,
        Unit::Week => 5,
        Unit::Fortnight => 6,
        Unit::Month => 7,
        Unit::Quarter => 8,
        Unit::Half => 9,
        Unit::Year => 10,
        Unit::Decade => 11,
        Unit::Century => 12,
    }
}

/// `t` moved by `n` units, calendar-aware for months and longer.
pub fn shift_time(t: NaiveDateTime, n: i64, unit: Unit) -> NaiveDateTime {
    let by_months = |count: i64| {
        let count = count.clamp(-(u32::MAX as i64), u32::MAX as i64);
        let m = Months::new(count.unsigned_abs().min(u32::MAX as u64) as u32);
        if count >= 0 {
            t.checked_add_months(m).unwrap_or(t)
        } else {
            t.checked_sub_months(m).unwrap_or(t)
        }
    };
    // Checked arithmetic: a text may count more units than the calendar holds ("999999999 days
    // ago"); the resolver refuses to place such phrases, and this never panics on them.
    let by = |delta: Option<Duration>| delta.and_then(|d| t.checked_add_signed(d)).unwrap_or(t);
    match unit {
        Unit::Second => by(Duration::try_seconds(n)),
        Unit::Minute => by(Duration::try_minutes(n)),
        Unit::Hour => by(Duration::try_hours(n)),
        Unit::Day => by(Duration::try_days(n)),
        Unit::Week | Unit::Weekend => by(Duration::try_weeks(n)),
        Unit::Fortnight => by(n.checked_mul(2).and_then(Duration::try_weeks)),
        Unit::Month => by_months(n),
        Unit::Quarter => by_months(n.saturating_mul(3)),
        Unit::Half => by_months(n.saturating_mul(6)),
        Unit::Year => by_months(n.saturating_mul(12)),
        Unit::Decade => by_months(n.saturating_mul(120)),
        Unit::Century => by_months(n.saturating_mul(1200)),
    }
}

/// The weekday `iso` (Monday = 1) as chrono's type.
/// The date of `holiday` in `year`.
pub fn holiday_in(holiday: Holiday, year: i32) -> Option<NaiveDate> {
    match holiday {
        Holiday::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
        Holiday::NthWeekday { month, weekday, nth } if nth > 0 => {
            NaiveDate::from_weekday_of_month_opt(year, month, weekday_of(weekday), u8::try_from(nth).ok()?)
        }
        Holiday::NthWeekday { month, weekday, .. } => {
            // The last one: the first of the next month, stepped back to the weekday.
            let next_month = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)
            }?;
            let last_day = next_month.pred_opt()?;
            let back = (7 + last_day.weekday().num_days_from_monday() - weekday_of(weekday).num_days_from_monday()) % 7;
            last_day.checked_sub_days(chrono::Days::new(u64::from(back)))
        }
        // The Tuesday after the first Monday of November.
        Holiday::ElectionDay => NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Mon, 1)?.succ_opt(),
    }
}

pub fn weekday_of(iso: u32) -> Weekday {
    match iso {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_follow_timex3() {
        let d = date(2017, 3, 23);
        assert_eq!(Cal::PartOfDay(d, Part::Morning).value(), "2017-03-23TMO");
        assert_eq!(Cal::Week(date(2017, 3, 13)).value(), "2017-W11");
        assert_eq!(Cal::Decade(199).value(), "199");
        assert_eq!(Cal::Quarter(1989, 3).shifted(-1, Unit::Year).value(), "1988-Q3");
        assert_eq!(Cal::Midnight(d).value(), "2017-03-23T24:00");
        let t = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(Cal::Minute(t).value(), "2017-03-23T09:05");
        assert_eq!(Cal::Weekend(date(2017, 3, 25)).value(), "2017-W12-WE");
        assert_eq!(Cal::Month(987, 1).value(), "0987-01");
        assert_eq!(Cal::Half(2017, 2).value(), "2017-H2");
        assert_eq!(Cal::Season(2017, Season::Fall).value(), "2017-FA");
        assert_eq!(Cal::Year(-5).value(), "-005");
        assert_eq!(Cal::Century(20).value(), "20");
    }

    #[test]
    fn intervals_cover_the_unit() {
        let q = Cal::Quarter(2016, 4).interval();
        assert_eq!(q.start, date(2016, 10, 1).and_time(NaiveTime::MIN));
        assert_eq!(q.end, date(2017, 1, 1).and_time(NaiveTime::MIN));
        let morning = Cal::PartOfDay(date(2017, 3, 23), Part::Morning).interval();
        assert_eq!(morning.duration(), Duration::hours(6));
    }
}
