//! The edits a user makes to one event, as pure functions from the event before to the event
//! after: move by whole units of its granularity, set a new start, rename, hide, reset. Every
//! edit keeps what extraction found (`original`, `original_label`) so it can be restored.

use crate::timeline::Event;
use crate::timex::Granularity;
use chrono::{Duration, Months, NaiveDateTime};

/// How many whole units of `granularity` a drag of `seconds` amounts to (rounded to nearest).
pub fn units_for_drag(granularity: Granularity, seconds: f64) -> i64 {
    if !seconds.is_finite() {
        return 0;
    }
    let units = (seconds / granularity.snap_seconds() as f64).round();
    units.clamp(-1.0e6, 1.0e6) as i64
}

/// Months in one unit for calendar granularities (month and coarser), `None` for fixed-length ones.
fn months_per_unit(granularity: Granularity) -> Option<i64> {
    match granularity {
        Granularity::Month => Some(1),
        Granularity::Season | Granularity::Quarter => Some(3),
        Granularity::Half => Some(6),
        Granularity::Year => Some(12),
        Granularity::Decade => Some(120),
        Granularity::Century => Some(1200),
        _ => None,
    }
}

/// `t` moved by `units` whole units of `granularity`: calendar months for month and coarser (so
/// 1 June stays the first of a month), exact seconds otherwise. `None` when out of range.
pub fn shift(t: NaiveDateTime, granularity: Granularity, units: i64) -> Option<NaiveDateTime> {
    match months_per_unit(granularity) {
        Some(per_unit) => {
            let months = u32::try_from((units * per_unit).unsigned_abs()).ok()?;
            if units >= 0 {
                t.checked_add_months(Months::new(months))
            } else {
                t.checked_sub_months(Months::new(months))
            }
        }
        None => t.checked_add_signed(Duration::try_seconds(granularity.snap_seconds().checked_mul(units)?)?),
    }
}

/// How many whole units of `before`'s granularity `after` starts later (negative: earlier); 0
/// when they differ in granularity or by no whole unit.
pub fn units_between(before: &Event, after: &Event) -> i64 {
    if before.granularity != after.granularity {
        return 0;
    }
    let estimate = units_for_drag(before.granularity, (after.start - before.start).num_seconds() as f64);
    // Calendar units (months and coarser) vary in length: settle on the exact count nearby.
    (estimate - 2..=estimate + 2)
        .find(|&units| shift(before.start, before.granularity, units) == Some(after.start))
        .unwrap_or(0)
}

/// Marks `event` as moved, remembering the extracted placement the first time.
fn mark_moved(event: &mut Event, before: &Event) {
    if event.original.is_none() {
        event.original = Some(before.placement());
    }
    event.edited = true;
}

/// The event moved by `units` whole units of its granularity (start and end alike).
pub fn retime(event: &Event, units: i64) -> Option<Event> {
    if units == 0 {
        return Some(event.clone());
    }
    let mut after = event.clone();
    after.start = shift(event.start, event.granularity, units)?;
    after.end = shift(event.end, event.granularity, units)?;
    mark_moved(&mut after, event);
    Some(after)
}

/// The event starting at `start`, keeping its length.
pub fn set_start(event: &Event, start: NaiveDateTime) -> Option<Event> {
    if start == event.start {
        return Some(event.clone());
    }
    let mut after = event.clone();
    after.end = start.checked_add_signed(event.end - event.start)?;
    after.start = start;
    mark_moved(&mut after, event);
    Some(after)
}

/// The event at another granularity: it keeps its start and lasts one unit of the new one (a
/// day becomes that day's month, an hour that hour's day...), with the start snapped to the
/// beginning of the unit for day and coarser.
pub fn set_granularity(event: &Event, granularity: Granularity) -> Option<Event> {
    use chrono::Datelike;
    if granularity == event.granularity {
        return Some(event.clone());
    }
    let day = event.start.date();
    let start = match granularity {
        Granularity::Minute | Granularity::Hour | Granularity::PartOfDay => event.start,
        Granularity::Day | Granularity::Week => day.and_time(chrono::NaiveTime::MIN),
        Granularity::Month => day.with_day(1)?.and_time(chrono::NaiveTime::MIN),
        Granularity::Season => crate::timex::season_start(day)?.and_time(chrono::NaiveTime::MIN),
        Granularity::Quarter | Granularity::Half => {
            let months = if granularity == Granularity::Half { 6 } else { 3 };
            chrono::NaiveDate::from_ymd_opt(day.year(), day.month0() / months * months + 1, 1)?
                .and_time(chrono::NaiveTime::MIN)
        }
        Granularity::Year => chrono::NaiveDate::from_ymd_opt(day.year(), 1, 1)?.and_time(chrono::NaiveTime::MIN),
        Granularity::Decade => {
            chrono::NaiveDate::from_ymd_opt(day.year().div_euclid(10) * 10, 1, 1)?.and_time(chrono::NaiveTime::MIN)
        }
        Granularity::Century => {
            chrono::NaiveDate::from_ymd_opt(day.year().div_euclid(100) * 100, 1, 1)?.and_time(chrono::NaiveTime::MIN)
        }
    };
    let mut after = event.clone();
    after.start = start;
    after.end = shift(start, granularity, 1)?;
    after.granularity = granularity;
    mark_moved(&mut after, event);
    Some(after)
}

/// The event with a new label (trimmed; an empty label is refused).
pub fn relabel(event: &Event, label: &str) -> Option<Event> {
    let label = label.trim();
    if label.is_empty() {
        return None;
    }
    let mut after = event.clone();
    if label == event.label {
        return Some(after);
    }
    if after.original_label.is_none() {
        after.original_label = Some(event.label.clone());
    }
    after.label = label.to_string();
    after.edited = true;
    Some(after)
}

/// The event hidden or shown again.
pub fn set_hidden(event: &Event, hidden: bool) -> Event {
    Event { hidden, ..event.clone() }
}

/// The event as extraction placed and named it, visible again.
pub fn reset(event: &Event) -> Event {
    let mut after = event.clone();
    if let Some(original) = after.original.take() {
        after.start = original.start;
        after.end = original.end;
        after.granularity = original.granularity;
    }
    if let Some(label) = after.original_label.take() {
        after.label = label;
    }
    after.edited = false;
    after.hidden = false;
    after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::SentenceRef;
    use chrono::NaiveDate;

    fn day_event(y: i32, m: u32, d: u32, granularity: Granularity) -> Event {
        let start = NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(0, 0, 0).unwrap();
        Event {
            id: "d1-e1".into(),
            doc: "d1".into(),
            label: "fire".into(),
            start,
            end: start + Duration::days(1),
            granularity,
            mentions: vec!["d1-m1".into()],
            sentence: SentenceRef { start: 0, end: 10, text: "The fire.".into() },
            edited: false,
            original: None,
            original_label: None,
            hidden: false,
            story: None,
            implied: None,
            placement: Default::default(),
            placement_explanation: None,
            story_pin: None,
        }
    }

    #[test]
    fn drag_rounds_to_whole_days() {
        assert_eq!(units_for_drag(Granularity::Day, 86_400.0 * 2.4), 2);
        assert_eq!(units_for_drag(Granularity::Day, -86_400.0 * 0.6), -1);
        assert_eq!(units_for_drag(Granularity::Day, f64::NAN), 0);
    }

    #[test]
    fn retime_keeps_original_of_first_move() {
        let e = day_event(2023, 6, 13, Granularity::Day);
        let once = retime(&e, 2).unwrap();
        let twice = retime(&once, -5).unwrap();
        assert_eq!(twice.start, e.start - Duration::days(3));
        assert_eq!(twice.original, Some(e.placement()));
        assert!(twice.edited);
        assert_eq!(reset(&twice), e);
    }

    #[test]
    fn units_between_counts_the_move_a_drag_made() {
        let e = day_event(2023, 6, 13, Granularity::Day);
        assert_eq!(units_between(&e, &retime(&e, -4).unwrap()), -4);
        let mut m = day_event(2023, 1, 1, Granularity::Month);
        m.end = NaiveDate::from_ymd_opt(2023, 2, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
        assert_eq!(units_between(&m, &retime(&m, 7).unwrap()), 7);
        assert_eq!(units_between(&e, &e), 0);
    }

    #[test]
    fn months_move_by_calendar_months() {
        let mut e = day_event(2023, 6, 1, Granularity::Month);
        e.end = NaiveDate::from_ymd_opt(2023, 7, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let moved = retime(&e, 1).unwrap();
        assert_eq!(moved.start.date(), NaiveDate::from_ymd_opt(2023, 7, 1).unwrap());
        assert_eq!(moved.end.date(), NaiveDate::from_ymd_opt(2023, 8, 1).unwrap());
    }

    #[test]
    fn coarser_granularity_covers_the_whole_unit_and_resets() {
        let e = day_event(2023, 6, 13, Granularity::Day);
        let month = set_granularity(&e, Granularity::Month).unwrap();
        assert_eq!(month.start.date(), NaiveDate::from_ymd_opt(2023, 6, 1).unwrap());
        assert_eq!(month.end.date(), NaiveDate::from_ymd_opt(2023, 7, 1).unwrap());
        assert_eq!(month.original, Some(e.placement()));
        assert_eq!(reset(&month), e);
        let hour = set_granularity(&e, Granularity::Hour).unwrap();
        assert_eq!(hour.end - hour.start, Duration::hours(1));
    }

    #[test]
    fn relabel_refuses_empty_and_keeps_first_label() {
        let e = day_event(2023, 6, 13, Granularity::Day);
        assert!(relabel(&e, "  ").is_none());
        let a = relabel(&e, "blaze").unwrap();
        let b = relabel(&a, "inferno").unwrap();
        assert_eq!(b.original_label.as_deref(), Some("fire"));
        assert_eq!(reset(&b).label, "fire");
    }
}
