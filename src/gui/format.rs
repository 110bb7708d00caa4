//! The window's editable time fields (YYYY-MM-DD and HH:MM) and, from the core's `time_text`,
//! how placements read.

pub use crate::time_text::{at_granularity, placement};
use chrono::{NaiveDate, NaiveDateTime};

pub fn date_field(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d").to_string()
}

pub fn time_field(t: NaiveDateTime) -> String {
    t.format("%H:%M").to_string()
}

/// Parses a YYYY-MM-DD field, with a message a user can act on.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::timex::parse_day(text)
}

/// Parses the date and HH:MM fields into one date-time.
pub fn parse_date_time(date: &str, time: &str) -> Result<NaiveDateTime, String> {
    let day = parse_date(date)?;
    let time = chrono::NaiveTime::parse_from_str(time.trim(), "%H:%M")
        .map_err(|_| format!("{:?} is not a time; use HH:MM, e.g. 14:30", time.trim()))?;
    Ok(day.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn t(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn bad_fields_are_errors() {
        assert!(parse_date("2023-13-01").is_err());
        assert!(parse_date_time("2023-06-13", "25:00").is_err());
        assert_eq!(parse_date_time("2023-06-13", "14:30").unwrap(), t(2023, 6, 13, 14) + Duration::minutes(30));
    }
}
