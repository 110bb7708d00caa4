//! Subcommands of the `chronoscope` binary; each file owns one.

pub mod eval;
pub mod export;
pub mod extract;
pub mod window;

/// Parses a YYYY-MM-DD date argument.
pub fn parse_date(value: &str) -> Result<chrono::NaiveDate, String> {
    chronoscope::timex::parse_day(value)
}
