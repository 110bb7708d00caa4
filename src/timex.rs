//! TIMEX3 vocabulary shared by the tagger, resolver and exports: types, modifiers, granularities,
//! the half-open calendar intervals that mentions and events are drawn on, and the plain number
//! and day formatting that values and labels are written with.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// "Wed 22 Mar 2017": how whole days read everywhere (explanations, the axis, the window).
/// Plain formatting: chrono's strftime and `format!` are slow on the resolver's hot path.
pub fn day_label(d: NaiveDate) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut label = String::with_capacity(16);
    label.push_str(DAYS[d.weekday().num_days_from_monday() as usize]);
    label.push(' ');
    push_padded(&mut label, d.day().into(), 0);
    label.push(' ');
    label.push_str(MONTHS[d.month0() as usize]);
    label.push(' ');
    push_padded(&mut label, d.year().into(), 4);
    label
}

/// Appends `n` in decimal, zero-padded to `width` characters counting the sign: what
/// `format!("{n:0width$}")` writes, without the formatting machinery (TIMEX3 values and day labels
/// are made of such numbers, one set per mention).
pub fn push_padded(out: &mut String, n: i64, width: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = n.unsigned_abs();
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    let written = digits.len() - start + usize::from(n < 0);
    for _ in written..width {
        out.push('0');
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// Parses a YYYY-MM-DD date typed by a user (years 1 to 9999), with a message they can act on.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date; write it as YYYY-MM-DD, e.g. 2017-03-22"))?;
    if !(1..=9999).contains(&date.year()) {
        return Err(format!("{text:?}: the year must be between 1 and 9999"));
    }
    Ok(date)
}
use serde::{Deserialize, Serialize};

/// The four TIMEX3 types of TimeML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How precisely an interval is known; also the unit a dragged event snaps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Minute,
    Hour,
    PartOfDay,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    /// Half a year: "the first half of 2016" (TIMEX3 `2016-H1`).
    Half,
    Year,
    Decade,
    Century,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Minute => "minute",
            Granularity::Hour => "hour",
            Granularity::PartOfDay => "part_of_day",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Half => "half",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
        }
    }

    /// The step an edited event snaps to, in seconds (months and longer use 30-day / 365-day
    /// approximations only for snapping a drag; calendar arithmetic elsewhere is exact).
    pub fn snap_seconds(self) -> i64 {
        match self {
            Granularity::Minute => 60,
            Granularity::Hour => 3_600,
            Granularity::PartOfDay => 6 * 3_600,
            Granularity::Day => 86_400,
            Granularity::Week => 7 * 86_400,
            Granularity::Month => 30 * 86_400,
            Granularity::Season | Granularity::Quarter => 91 * 86_400,
            Granularity::Half => 182 * 86_400,
            Granularity::Year => 365 * 86_400,
            Granularity::Decade => 3_652 * 86_400,
            Granularity::Century => 36_524 * 86_400,
        }
    }
}

/// The first day of the meteorological season `day` is in: 1 December, 1 March, 1 June or 1
/// September (a winter starts in the December of the year before its January).
pub fn season_start(day: NaiveDate) -> Option<NaiveDate> {
    let month = day.month();
    let (year, start) = match month {
        12 => (day.year(), 12),
        1 | 2 => (day.year() - 1, 12),
        m => (day.year(), m / 3 * 3),
    };
    NaiveDate::from_ymd_opt(year, start, 1)
}

/// A half-open interval `[start, end)` of local (story) time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Interval {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

impl Interval {
    pub fn new(start: NaiveDateTime, end: NaiveDateTime) -> Self {
        Interval { start, end }
    }

    /// The whole calendar day `day`.
    pub fn day(day: NaiveDate) -> Self {
        let start = day.and_time(NaiveTime::MIN);
        Interval { start, end: start + Duration::days(1) }
    }

    pub fn days(first: NaiveDate, count: i64) -> Self {
        let start = first.and_time(NaiveTime::MIN);
        Interval { start, end: start + Duration::days(count) }
    }

    pub fn contains(&self, t: NaiveDateTime) -> bool {
        self.start <= t && t < self.end
    }

    pub fn duration(&self) -> Duration {
        self.end - self.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_numbers_match_the_formatter() {
        for n in [0, 7, -7, 42, 2017, -2017, 99_999, i64::MIN, i64::MAX] {
            for width in [0, 1, 2, 3, 4, 6] {
                let mut out = String::new();
                push_padded(&mut out, n, width);
                assert_eq!(out, format!("{n:0width$}"));
            }
        }
    }

    #[test]
    fn day_labels_read_weekday_day_month_year() {
        let day = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
        assert_eq!(day_label(day), "Wed 22 Mar 2017");
        assert_eq!(day_label(NaiveDate::from_ymd_opt(987, 1, 5).unwrap()), "Fri 5 Jan 0987");
    }
}
