//! Subcommands of the `chronoscope` binary; each file owns one.

pub mod eval;
pub mod extract;
pub mod window;

/// Parses a YYYY-MM-DD date argument.
pub fn parse_date(value: &str) -> Result<chrono::NaiveDate, String> {
    use chrono::Datelike;
    let date = chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{value:?} is not a date; write it as YYYY-MM-DD, e.g. 2017-03-22"))?;
    if !(1..=9999).contains(&date.year()) {
        return Err(format!("{value:?}: the year must be between 1 and 9999"));
    }
    Ok(date)
}
