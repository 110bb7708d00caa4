//! The user's decisions about story events, as pure functions from the timeline to the edit they
//! make: split an event out of its story event, move an event into another story event, join two
//! story events. A decision pins the events it concerns (`Event::story_pin`): pinned events are
//! grouped as the user said, whatever the merge rules say, through re-extraction too. Each
//! function returns the several-event edit for the undo history, or `None` when nothing changes.

use super::history::EventsEdit;
use crate::timeline::{Event, SmolStr, StoryEvent, Timeline};

/// The pin a story event's members share after a decision: one a member has already, else one
/// named after its first event.
fn pin_of(story: &StoryEvent, timeline: &Timeline) -> String {
    story
        .events
        .iter()
        .filter_map(|id| timeline.event(id))
        .find_map(|e| e.story_pin.as_deref().map(str::to_string))
        .unwrap_or_else(|| format!("u-{}", story.events.first().map_or("", SmolStr::as_str)))
}

/// The edit that gives every event of `ids` the pin `pin`.
fn pin_all(timeline: &Timeline, what: &str, ids: &[&SmolStr], pin: &str) -> Option<EventsEdit> {
    let before: Vec<Event> = ids
        .iter()
        .filter_map(|id| timeline.event(id))
        .filter(|e| e.story_pin.as_deref() != Some(pin))
        .cloned()
        .collect();
    if before.is_empty() {
        return None;
    }
    let after = before
        .iter()
        .map(|e| {
            let mut pinned = e.clone();
            pinned.story_pin = Some(pin.into());
            pinned
        })
        .collect();
    Some(EventsEdit { what: what.to_string(), before, after })
}

/// Takes `event_id` out of its story event into one of its own. The others stay together.
pub fn split(timeline: &Timeline, event_id: &str) -> Option<EventsEdit> {
    let event = timeline.event(event_id)?;
    let story = timeline.story(event.story.as_deref()?)?;
    if story.events.len() < 2 {
        return None;
    }
    let others: Vec<&SmolStr> = story.events.iter().filter(|id| *id != event_id).collect();
    let mut rest_pin = pin_of(story, timeline);
    if rest_pin == format!("u-{event_id}") || event.story_pin.as_deref() == Some(rest_pin.as_str()) {
        rest_pin = format!("u-{}", others[0]);
    }
    let mut edit = pin_all(timeline, "Split story event", &others, &rest_pin).unwrap_or(EventsEdit {
        what: "Split story event".into(),
        before: Vec::new(),
        after: Vec::new(),
    });
    let mut alone = event.clone();
    alone.story_pin = Some(format!("u-{event_id}").into());
    edit.before.push(event.clone());
    edit.after.push(alone);
    Some(edit)
}

/// Moves `event_id` into the story event `story_id`.
pub fn move_into(timeline: &Timeline, event_id: &str, story_id: &str) -> Option<EventsEdit> {
    let event = timeline.event(event_id)?;
    let target = timeline.story(story_id)?;
    if event.story.as_deref() == Some(story_id) {
        return None;
    }
    let pin = pin_of(target, timeline);
    let mut ids: Vec<&SmolStr> = target.events.iter().collect();
    ids.push(&event.id);
    pin_all(timeline, "Move into story event", &ids, &pin)
}

/// Joins the story events `a` and `b` into one.
pub fn join(timeline: &Timeline, a: &str, b: &str) -> Option<EventsEdit> {
    if a == b {
        return None;
    }
    let (first, second) = (timeline.story(a)?, timeline.story(b)?);
    let pin = pin_of(first, timeline);
    let ids: Vec<&SmolStr> = first.events.iter().chain(second.events.iter()).collect();
    pin_all(timeline, "Join story events", &ids, &pin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Document;
    use crate::pipeline::{build_timeline, Settings};
    use crate::session::history::History;
    use crate::story::merge::group;
    use chrono::NaiveDate;

    fn two_reports() -> Timeline {
        let anchor = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
        let docs = [
            Document::plain_text("a.txt", "Wednesday’s terror attack in London left four people dead."),
            Document::plain_text("b.txt", "The London attack on March 22, 2017 was claimed by ISIS."),
            Document::plain_text("c.txt", "Police arrested eight people in Birmingham on Thursday."),
        ];
        build_timeline(&docs, &Settings { anchor, dct: None })
    }

    fn regroup(t: &mut Timeline) {
        t.stories = group(&mut t.events);
    }

    #[test]
    fn split_then_undo_then_redo() {
        let mut t = two_reports();
        let joined = t.stories.iter().find(|s| s.events.len() == 2).expect("the two reports are one").clone();
        let mut history = History::default();
        let edit = split(&t, &joined.events[1]).unwrap();
        assert!(history.apply_many(&mut t, edit));
        regroup(&mut t);
        assert!(t.stories.iter().all(|s| s.events.len() == 1), "split, and the rules do not join them again");
        assert!(t.stories.iter().any(|s| s.edited));
        assert_eq!(history.undo(&mut t).as_deref(), Some("Split story event"));
        regroup(&mut t);
        assert!(t.stories.iter().any(|s| s.events == joined.events));
        history.redo(&mut t);
        regroup(&mut t);
        assert!(t.stories.iter().all(|s| s.events.len() == 1));
    }

    /// A split is the user's: re-extraction (a new anchor, a reloaded file) keeps it.
    #[test]
    fn a_split_survives_re_extraction() {
        let mut t = two_reports();
        let joined = t.stories.iter().find(|s| s.events.len() == 2).unwrap().clone();
        let edit = split(&t, &joined.events[0]).unwrap();
        History::default().apply_many(&mut t, edit);
        regroup(&mut t);
        let order: Vec<String> = t.documents.iter().map(|d| d.id.clone()).collect();
        let (fresh, _) = crate::session::merge::merge(two_reports(), &t, &[], &order);
        assert!(fresh.stories.iter().all(|s| s.events.len() == 1), "{:?}", fresh.stories);
    }

    #[test]
    fn join_and_move_pin_events_together() {
        let mut t = two_reports();
        let arrests = t.stories.iter().find(|s| s.events.len() == 1).unwrap().id.clone();
        let attack = t.stories.iter().find(|s| s.events.len() == 2).unwrap().id.clone();
        let edit = join(&t, &attack, &arrests).unwrap();
        History::default().apply_many(&mut t, edit);
        regroup(&mut t);
        assert_eq!(t.stories.len(), 1);
        assert!(t.stories[0].reasons.iter().any(|r| r == "joined by you"));
        // Splitting one out and moving it back.
        let moved = t.events[0].id.clone();
        let edit = split(&t, &moved).unwrap();
        History::default().apply_many(&mut t, edit);
        regroup(&mut t);
        assert_eq!(t.stories.len(), 2);
        let other = t.stories.iter().find(|s| !s.events.contains(&moved)).unwrap().id.clone();
        let edit = move_into(&t, &moved, &other).unwrap();
        History::default().apply_many(&mut t, edit);
        regroup(&mut t);
        assert_eq!(t.stories.len(), 1);
        assert!(move_into(&t, &moved, &t.stories[0].id.clone()).is_none(), "already there");
    }
}
