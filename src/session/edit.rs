//! The edits a user makes to one event, as pure functions from the event before to the event
//! after: move by whole units of its granularity, set a new start, rename, hide, reset. Every
//! edit keeps what extraction found (`original`, `original_label`) so it can be restored.

use crate::tagger::sem::Part;
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
    // Calendar units (months and coarser) and parts of the day vary in length: settle on the
    // exact count nearby.
    (estimate - 3..=estimate + 3)
        .find(|&units| moved_span(before, units).map(|(start, _)| start) == Some(after.start))
        .unwrap_or(0)
}

/// Where `event` starts and ends `units` units later. A part of the day steps through the named
/// parts (Tuesday night, then Wednesday morning), never to a span no phrase names.
fn moved_span(event: &Event, units: i64) -> Option<(NaiveDateTime, NaiveDateTime)> {
    if event.granularity == Granularity::PartOfDay {
        if let Some((part, day)) = Part::of_interval(event.start, event.end) {
            let (part, day) = part.step(day, units)?;
            return Some(part.interval_on(day));
        }
    }
    Some((shift(event.start, event.granularity, units)?, shift(event.end, event.granularity, units)?))
}

/// Marks `event` as moved, remembering the extracted placement the first time.
fn mark_moved(event: &mut Event, before: &Event) {
    if event.original.is_none() {
        event.original = Some(Box::new(before.placement()));
    }
    event.edited = true;
}

/// The event moved by `units` whole units of its granularity (start and end alike).
pub fn retime(event: &Event, units: i64) -> Option<Event> {
    if units == 0 {
        return Some(event.clone());
    }
    let mut after = event.clone();
    (after.start, after.end) = moved_span(event, units)?;
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
    if granularity == Granularity::PartOfDay {
        // The named part the start falls in ("09:40" becomes that morning).
        let (part, day) = Part::containing(event.start);
        let mut after = event.clone();
        (after.start, after.end) = part.interval_on(day);
        after.granularity = granularity;
        mark_moved(&mut after, event);
        return Some(after);
    }
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
        after.original_label = Some(event.label.as_str().into());
    }
    after.label = label.into();
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
        after.label = label.into();
    }
    after.edited = false;
    after.hidden = false;
    after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Placement, SentenceRef};
    use chrono::NaiveDate;

    fn day_event(y: i32, m: u32, d: u32, granularity: Granularity) -> Event {
        let start = NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let place = Placement { start, end: start + Duration::days(1), granularity };
        let sentence = SentenceRef { start: 0, end: 10, text: "The fire.".into() };
        let mut event = Event::new("d1-e1".into(), "d1".into(), "fire".into(), place, sentence);
        event.mentions = Box::new(["d1-m1".into()]);
        event
    }

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2023, 6, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    /// Regression (issue #11, window defects): dragging "late Tuesday night" (21:00 to 06:00)
    /// snapped to 09:00-15:00, a span no phrase names, which read "morning – afternoon".
    #[test]
    fn a_part_of_the_day_moves_through_the_named_parts() {
        let mut night = day_event(2023, 6, 13, Granularity::PartOfDay);
        (night.start, night.end) = (at(13, 21), at(14, 6));
        let span = |units: i64| {
            let moved = retime(&night, units).unwrap();
            assert_eq!(units_between(&night, &moved), units, "{units} steps are recovered from the result");
            (moved.start, moved.end)
        };
        assert_eq!(span(1), (at(14, 6), at(14, 12)), "Wednesday morning");
        assert_eq!(span(2), (at(14, 12), at(14, 18)), "Wednesday afternoon");
        assert_eq!(span(-1), (at(13, 18), at(13, 22)), "Tuesday evening");
        assert_eq!(span(-3), (at(13, 6), at(13, 12)), "Tuesday morning");
        assert_eq!(span(4), (at(14, 21), at(15, 6)), "Wednesday night");
        assert_eq!(units_for_drag(Granularity::PartOfDay, 6.5 * 3600.0), 1);
        // Midday is outside the cycle: it moves by whole days.
        let mut midday = night.clone();
        (midday.start, midday.end) = (at(13, 11), at(13, 14));
        assert_eq!((retime(&midday, 4).unwrap().start, retime(&midday, 1).unwrap().start), (at(14, 11), at(13, 11)));
    }

    #[test]
    fn a_time_becomes_the_part_of_the_day_it_falls_in() {
        let mut small_hours = day_event(2023, 6, 14, Granularity::Minute);
        (small_hours.start, small_hours.end) = (at(14, 2), at(14, 2) + Duration::minutes(1));
        let night = set_granularity(&small_hours, Granularity::PartOfDay).unwrap();
        assert_eq!((night.start, night.end), (at(13, 21), at(14, 6)), "02:00 belongs to the night before");
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
        assert_eq!(twice.original.as_deref(), Some(&e.placement()));
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
        assert_eq!(month.original.as_deref(), Some(&e.placement()));
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
