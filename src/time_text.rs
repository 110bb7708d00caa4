//! How a time reads for people: a placement at its own granularity ("Tue 13 Jun 2023",
//! "June 2023", "winter 2009–10", "the 1990s", "21st century"), shared by the window and the
//! chronology report so that they read alike.

use crate::tagger::sem::Part;
use crate::timex::{day_label, Granularity};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};

/// The named part of the day `t` falls in, on the day it belongs to ("Tue 13 Jun 2023 night"
/// for 02:00 on Wednesday).
fn part_of_day(t: NaiveDateTime) -> String {
    let (part, day) = Part::containing(t);
    format!("{} {}", day_label(day), part.name())
}

/// The season `day` is in: "spring 2010", and "winter 2009–10" for a winter across two years.
fn season_label(day: NaiveDate) -> String {
    match day.month() {
        3..=5 => format!("spring {}", day.year()),
        6..=8 => format!("summer {}", day.year()),
        9..=11 => format!("autumn {}", day.year()),
        12 => format!("winter {}\u{2013}{:02}", day.year(), (day.year() + 1).rem_euclid(100)),
        _ => format!("winter {}\u{2013}{:02}", day.year() - 1, day.year().rem_euclid(100)),
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd".
fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The century a year is in, counted as people do: 1900–1999 is the 20th century (TimeML's
/// century value 19), year 0 and before are centuries BC.
fn century_label(year: i32) -> String {
    let century = i64::from(year.div_euclid(100)) + 1;
    if century >= 1 {
        format!("{} century", ordinal(century))
    } else {
        format!("{} century BC", ordinal(1 - century))
    }
}

/// One point in time at `granularity`.
pub fn at_granularity(t: NaiveDateTime, granularity: Granularity) -> String {
    match granularity {
        Granularity::Minute | Granularity::Hour => format!("{} {:02}:{:02}", day_label(t.date()), t.hour(), t.minute()),
        Granularity::PartOfDay => part_of_day(t),
        Granularity::Day => day_label(t.date()),
        Granularity::Week => format!("week of {}", t.format("%-d %b %Y")),
        Granularity::Month => t.format("%B %Y").to_string(),
        Granularity::Season => season_label(t.date()),
        Granularity::Quarter => format!("Q{} {}", (t.month0() / 3) + 1, t.year()),
        Granularity::Half => format!("H{} {}", (t.month0() / 6) + 1, t.year()),
        Granularity::Year => t.year().to_string(),
        Granularity::Decade => format!("the {}s", t.year().div_euclid(10) * 10),
        Granularity::Century => century_label(t.year()),
    }
}

/// A placement `[start, end)`: one unit reads as that unit, longer spans as "first – last".
pub fn placement(start: NaiveDateTime, end: NaiveDateTime, granularity: Granularity) -> String {
    if granularity == Granularity::PartOfDay {
        // A named part reads as itself: a night runs into the next day, an evening overlaps it.
        if let Some((part, day)) = Part::of_interval(start, end) {
            return format!("{} {}", day_label(day), part.name());
        }
    }
    let first = at_granularity(start, granularity);
    // Calendar units vary (a month is 28 to 31 days): a tenth of slack still tells one from two.
    let unit = Duration::seconds(granularity.snap_seconds() + granularity.snap_seconds() / 10);
    if end - start <= unit {
        return first;
    }
    // The last unit inside the half-open interval.
    let Some(last_moment) = end.checked_sub_signed(Duration::seconds(1)) else { return first };
    let last = at_granularity(last_moment, granularity);
    if last == first {
        first
    } else {
        format!("{first} – {last}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (issue #11, window defects): "1th century", "3th century".
    #[test]
    fn centuries_read_with_their_ordinal() {
        let at = |year: i32| NaiveDate::from_ymd_opt(year, 6, 1).unwrap().and_time(chrono::NaiveTime::MIN);
        let read = |year: i32| at_granularity(at(year), Granularity::Century);
        assert_eq!(read(50), "1st century");
        assert_eq!(read(150), "2nd century");
        assert_eq!(read(250), "3rd century");
        assert_eq!(read(1050), "11th century");
        assert_eq!(read(1150), "12th century");
        assert_eq!(read(1250), "13th century");
        assert_eq!(read(1999), "20th century");
        assert_eq!(read(2017), "21st century");
        assert_eq!(read(-50), "1st century BC");
        assert_eq!(ordinal(102), "102nd");
        assert_eq!(ordinal(111), "111th");
    }

    fn t(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    /// Regression (issue #11, window defects): "late Tuesday night" (21:00 to 06:00) read
    /// "Tue evening – Wed night".
    #[test]
    fn a_named_part_of_the_day_reads_as_itself() {
        assert_eq!(placement(t(2023, 6, 13, 21), t(2023, 6, 14, 6), Granularity::PartOfDay), "Tue 13 Jun 2023 night");
        assert_eq!(
            placement(t(2023, 6, 13, 18), t(2023, 6, 13, 22), Granularity::PartOfDay),
            "Tue 13 Jun 2023 evening"
        );
        assert_eq!(at_granularity(t(2023, 6, 14, 3), Granularity::PartOfDay), "Tue 13 Jun 2023 night");
        assert_eq!(
            placement(t(2023, 6, 13, 18), t(2023, 6, 14, 12), Granularity::PartOfDay),
            "Tue 13 Jun 2023 evening – Wed 14 Jun 2023 morning"
        );
    }

    /// Regression (issue #10 §4): "the winter of 2010" read "Q4 2009 – Q1 2010" and "the first
    /// half of 2016" read as two quarters in the inspector.
    #[test]
    fn seasons_and_half_years_keep_their_own_granularity() {
        assert_eq!(placement(t(2009, 12, 1, 0), t(2010, 3, 1, 0), Granularity::Season), "winter 2009\u{2013}10");
        assert_eq!(placement(t(2010, 6, 1, 0), t(2010, 9, 1, 0), Granularity::Season), "summer 2010");
        assert_eq!(placement(t(2016, 1, 1, 0), t(2016, 7, 1, 0), Granularity::Half), "H1 2016");
        assert_eq!(placement(t(2016, 1, 1, 0), t(2017, 1, 1, 0), Granularity::Half), "H1 2016 \u{2013} H2 2016");
    }

    #[test]
    fn single_units_read_naturally() {
        assert_eq!(placement(t(2023, 6, 13, 0), t(2023, 6, 14, 0), Granularity::Day), "Tue 13 Jun 2023");
        assert_eq!(placement(t(2023, 6, 1, 0), t(2023, 7, 1, 0), Granularity::Month), "June 2023");
        assert_eq!(placement(t(1990, 1, 1, 0), t(2000, 1, 1, 0), Granularity::Decade), "the 1990s");
        assert_eq!(placement(t(2023, 6, 13, 6), t(2023, 6, 13, 12), Granularity::PartOfDay), "Tue 13 Jun 2023 morning");
    }

    #[test]
    fn spans_show_first_and_last_unit() {
        assert_eq!(
            placement(t(2023, 6, 13, 0), t(2023, 6, 20, 0), Granularity::Day),
            "Tue 13 Jun 2023 – Mon 19 Jun 2023"
        );
    }
}
