//! Undo / redo of the user's edits to events. Every step stores the event before and after the
//! edit, so a drag (one step however long it lasts), a rename, hiding or a reset can be reverted
//! and replayed without re-running extraction.

use crate::timeline::{Event, Timeline};

/// One user edit of one event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventEdit {
    /// What the step did, for the Edit menu ("Move", "Rename", ...).
    pub what: String,
    pub before: Event,
    pub after: Event,
}

/// One user edit of several events at once: splitting, joining or moving story events changes
/// which story event each of them belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct EventsEdit {
    pub what: String,
    pub before: Vec<Event>,
    pub after: Vec<Event>,
}

/// One undoable step.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    One(Box<EventEdit>),
    Many(EventsEdit),
}

impl Step {
    fn what(&self) -> &str {
        match self {
            Step::One(edit) => &edit.what,
            Step::Many(edit) => &edit.what,
        }
    }
}

/// The undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// Puts `event` in place of the event with the same id; false when the timeline has no such event.
fn replace(timeline: &mut Timeline, event: &Event) -> bool {
    match timeline.event_position(&event.id) {
        Some(at) => {
            timeline.events[at] = event.clone();
            true
        }
        None => false,
    }
}

/// Puts every event of `events` in place, or none when one of them is gone.
fn replace_all(timeline: &mut Timeline, events: &[Event]) -> bool {
    if !events.iter().all(|e| timeline.event(&e.id).is_some()) {
        return false;
    }
    events.iter().all(|e| replace(timeline, e))
}

/// What undoing `edit` puts back. An edit of an event as extracted returns it to its extraction
/// *as the timeline knows it now*: after a re-extraction (new anchor) that is the fresh placement
/// recorded in `original`, not the stale one saved in the step.
fn restored_before(timeline: &Timeline, edit: &EventEdit) -> Option<Event> {
    if edit.before.edited {
        return Some(edit.before.clone());
    }
    let current = timeline.event(&edit.before.id)?;
    let mut restored = crate::session::edit::reset(current);
    restored.hidden = edit.before.hidden;
    restored.story_pin = edit.before.story_pin.clone();
    Some(restored)
}

/// Did a step change only which story event `before` belongs to (not its time, label or look)?
fn only_story_changed(before: &Event, after: &Event) -> bool {
    before.placement() == after.placement()
        && before.label == after.label
        && before.hidden == after.hidden
        && before.edited == after.edited
}

/// What undoing a several-event edit puts back. A story decision restores only the pin, on each
/// event as it is now, so a re-extraction in between is not undone with it; a move of several
/// events (a story event dragged in the Story view) restores each as a one-event undo would.
fn restored_many(timeline: &Timeline, edit: &EventsEdit) -> Option<Vec<Event>> {
    edit.before
        .iter()
        .zip(&edit.after)
        .map(|(before, after)| {
            let mut restored = if only_story_changed(before, after) {
                timeline.event(&before.id)?.clone()
            } else {
                let one = EventEdit { what: edit.what.clone(), before: before.clone(), after: after.clone() };
                restored_before(timeline, &one)?
            };
            restored.story_pin = before.story_pin.clone();
            Some(restored)
        })
        .collect()
}

/// What replaying a several-event edit puts in place (the mirror of [`restored_many`]).
fn replayed_many(timeline: &Timeline, edit: &EventsEdit) -> Option<Vec<Event>> {
    edit.before
        .iter()
        .zip(&edit.after)
        .map(|(before, after)| {
            if !only_story_changed(before, after) {
                return Some(after.clone());
            }
            let mut now = timeline.event(&after.id)?.clone();
            now.story_pin = after.story_pin.clone();
            Some(now)
        })
        .collect()
}

impl History {
    /// Applies `edit.after` to `timeline` and records the step (clearing the redo stack). Returns
    /// false, recording nothing, when the event is gone or the edit changes nothing.
    pub fn apply(&mut self, timeline: &mut Timeline, edit: EventEdit) -> bool {
        if edit.before == edit.after || !replace(timeline, &edit.after) {
            return false;
        }
        self.undo.push(Step::One(Box::new(edit)));
        self.redo.clear();
        true
    }

    /// As `apply`, for an edit of several events (all of them exist, or nothing happens).
    pub fn apply_many(&mut self, timeline: &mut Timeline, edit: EventsEdit) -> bool {
        let paired =
            edit.before.len() == edit.after.len() && edit.before.iter().zip(&edit.after).all(|(b, a)| b.id == a.id);
        if !paired || edit.before == edit.after || edit.after.is_empty() || !replace_all(timeline, &edit.after) {
            return false;
        }
        self.undo.push(Step::Many(edit));
        self.redo.clear();
        true
    }

    /// Reverts the last step; returns what it did, or `None` when there is nothing to undo or the
    /// event no longer exists (the step is then dropped).
    pub fn undo(&mut self, timeline: &mut Timeline) -> Option<String> {
        let step = self.undo.pop()?;
        let done = match &step {
            Step::One(edit) => restored_before(timeline, edit).is_some_and(|e| replace(timeline, &e)),
            Step::Many(edit) => restored_many(timeline, edit).is_some_and(|events| replace_all(timeline, &events)),
        };
        if !done {
            return None;
        }
        let what = step.what().to_string();
        self.redo.push(step);
        Some(what)
    }

    /// Replays the last undone step.
    pub fn redo(&mut self, timeline: &mut Timeline) -> Option<String> {
        let step = self.redo.pop()?;
        let done = match &step {
            Step::One(edit) => replace(timeline, &edit.after),
            Step::Many(edit) => replayed_many(timeline, edit).is_some_and(|events| replace_all(timeline, &events)),
        };
        if !done {
            return None;
        }
        let what = step.what().to_string();
        self.undo.push(step);
        Some(what)
    }

    pub fn undo_name(&self) -> Option<&str> {
        self.undo.last().map(Step::what)
    }

    pub fn redo_name(&self) -> Option<&str> {
        self.redo.last().map(Step::what)
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::edit;
    use crate::timeline::{Placement, SentenceRef};
    use crate::timex::Granularity;
    use chrono::{Duration, NaiveDate};

    fn timeline_with(day: u32) -> Timeline {
        let anchor = NaiveDate::from_ymd_opt(2023, 6, 13).unwrap();
        let start = NaiveDate::from_ymd_opt(2023, 6, day).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let mut t = Timeline::empty(anchor);
        let place = Placement { start, end: start + Duration::days(1), granularity: Granularity::Day };
        let sentence = SentenceRef { start: 0, end: 5, text: "Fire.".into() };
        t.events.push(Event::new("d1-e1".into(), "d1".into(), "fire".into(), place, sentence));
        t
    }

    #[test]
    fn undo_redo_round_trip() {
        let mut t = timeline_with(13);
        let before = t.events[0].clone();
        let after = edit::retime(&before, 2).unwrap();
        let mut h = History::default();
        assert!(h.apply(&mut t, EventEdit { what: "Move".into(), before: before.clone(), after: after.clone() }));
        assert_eq!(h.undo(&mut t).as_deref(), Some("Move"));
        assert_eq!(t.events[0], before);
        assert_eq!(h.redo(&mut t).as_deref(), Some("Move"));
        assert_eq!(t.events[0], after);
        assert!(h.redo(&mut t).is_none());
    }

    /// Moving a story event moves all its events in one step; undo puts every one back.
    #[test]
    fn a_several_event_move_undoes_and_redoes_as_one_step() {
        let mut t = timeline_with(13);
        let mut second = t.events[0].clone();
        second.id = "d2-e1".into();
        second.doc = "d2".into();
        t.events.push(second);
        let before = t.events.clone();
        let after: Vec<Event> = before.iter().map(|e| edit::retime(e, 1).unwrap()).collect();
        let mut h = History::default();
        assert!(h.apply_many(
            &mut t,
            EventsEdit { what: "Move story event".into(), before: before.clone(), after: after.clone() }
        ));
        assert_eq!(t.events, after);
        assert_eq!(h.undo(&mut t).as_deref(), Some("Move story event"));
        assert_eq!(t.events, before);
        assert_eq!(h.redo(&mut t).as_deref(), Some("Move story event"));
        assert_eq!(t.events, after);
    }

    /// Regression: undoing a move after the anchor changed restored the placement extracted
    /// under the old anchor instead of the current extraction.
    #[test]
    fn undo_after_re_extraction_returns_to_the_fresh_extraction() {
        let mut t = timeline_with(13);
        let before = t.events[0].clone();
        let after = edit::retime(&before, 2).unwrap();
        let mut h = History::default();
        h.apply(&mut t, EventEdit { what: "Move".into(), before, after });
        // A new anchor re-resolved the phrase to the 20th; carry_edits keeps the move and records
        // the fresh extraction as `original`.
        let fresh = timeline_with(20).events[0].clone();
        t.events[0].original =
            Some(Box::new(Placement { start: fresh.start, end: fresh.end, granularity: fresh.granularity }));
        h.undo(&mut t);
        assert_eq!(t.events[0], fresh);
    }
}
