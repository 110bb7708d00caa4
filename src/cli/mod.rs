//! Subcommands of the `chronoscope` binary; each file owns one. Shared here: strict parsers for
//! arguments, and `say!`, the one way the CLI prints a message line.

use std::io::Write;

/// Prints one line to stderr, ignoring failures: with stderr closed or a broken pipe a message is
/// lost, but the job goes on and its exit code still reports what happened.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::stderr_line(format_args!($($arg)*))
    };
}

pub mod allocator;
pub mod eval;
pub mod export;
pub mod extract;
pub mod images;
pub mod jsonl;
pub mod progress;
pub mod tables;
pub mod window;

/// What `say!` calls.
pub fn stderr_line(args: std::fmt::Arguments) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.write_all(b"\n"));
}

/// Parses a YYYY-MM-DD date argument.
pub fn parse_date(value: &str) -> Result<chrono::NaiveDate, String> {
    chronoscope::timex::parse_day(value)
}

/// Parses a `--dct` argument strictly: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, a four-digit year from
/// 0001 to 9999 and a real date and clock time, so the value is a valid TIMEX3 value as given.
/// (DCTs read from TimeML files go through the lenient `resolve::parse_dct` instead.)
pub fn parse_dct(value: &str) -> Result<String, String> {
    let bad = |why: &str| format!("{value:?} {why}; write YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2017-03-22T09:30");
    let bytes = value.as_bytes();
    let shape_ok = match bytes.len() {
        10 => shape_matches(bytes, b"dddd-dd-dd"),
        16 => shape_matches(bytes, b"dddd-dd-ddTdd:dd"),
        _ => false,
    };
    if !shape_ok {
        return Err(bad("is not a date"));
    }
    let number = |range: std::ops::Range<usize>| value[range].parse::<u32>().unwrap_or(u32::MAX);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    if year == 0 {
        return Err(bad("has year 0000 (years run from 0001 to 9999)"));
    }
    let year = i32::try_from(year).map_err(|_| bad("has no valid year"))?;
    if chrono::NaiveDate::from_ymd_opt(year, month, day).is_none() {
        return Err(bad("is not a day of the calendar"));
    }
    if bytes.len() == 16 && (number(11..13) > 23 || number(14..16) > 59) {
        return Err(bad("is not a clock time (00:00 to 23:59)"));
    }
    Ok(value.to_string())
}

/// True when `bytes` has an ASCII digit wherever `shape` has `d` and the same byte elsewhere.
fn shape_matches(bytes: &[u8], shape: &[u8]) -> bool {
    bytes.len() == shape.len()
        && bytes.iter().zip(shape).all(|(&b, &s)| if s == b'd' { b.is_ascii_digit() } else { b == s })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: `--dct` accepted `0000`, `-500`, `T25:99` and trailing junk, giving invalid
    /// TIMEX3 values.
    #[test]
    fn strict_dct_refuses_what_timex3_cannot_hold() {
        for bad in [
            "0000-01-01",
            "-500-01-01",
            "2023-06-13T25:99",
            "2023-06-13T24:00",
            "2023-06-13T12:60",
            "20230613junk",
            "2023-06-13junk",
            "2023-02-30",
            "2023-13-01",
            "23-06-13",
            "2023-6-13",
            " 2023-06-13",
            "2023-06-13T09:30:00",
            "",
            "soon",
            "２０２３-06-13",
        ] {
            assert!(parse_dct(bad).is_err(), "{bad:?} was accepted");
        }
        for good in ["2023-06-13", "0001-01-01", "9999-12-31", "2024-02-29", "2023-06-13T00:00", "2023-06-13T23:59"] {
            assert_eq!(parse_dct(good).as_deref(), Ok(good));
        }
    }
}
