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

/// The undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<EventEdit>,
    redo: Vec<EventEdit>,
}

/// Puts `event` in place of the event with the same id; false when the timeline has no such event.
fn replace(timeline: &mut Timeline, event: &Event) -> bool {
    match timeline.events.iter_mut().find(|e| e.id == event.id) {
        Some(slot) => {
            *slot = event.clone();
            true
        }
        None => false,
    }
}

impl History {
    /// Applies `edit.after` to `timeline` and records the step (clearing the redo stack). Returns
    /// false, recording nothing, when the event is gone or the edit changes nothing.
    pub fn apply(&mut self, timeline: &mut Timeline, edit: EventEdit) -> bool {
        if edit.before == edit.after || !replace(timeline, &edit.after) {
            return false;
        }
        self.undo.push(edit);
        self.redo.clear();
        true
    }

    /// Reverts the last step; returns what it did, or `None` when there is nothing to undo or the
    /// event no longer exists (the step is then dropped).
    pub fn undo(&mut self, timeline: &mut Timeline) -> Option<String> {
        let edit = self.undo.pop()?;
        if !replace(timeline, &edit.before) {
            return None;
        }
        let what = edit.what.clone();
        self.redo.push(edit);
        Some(what)
    }

    /// Replays the last undone step.
    pub fn redo(&mut self, timeline: &mut Timeline) -> Option<String> {
        let edit = self.redo.pop()?;
        if !replace(timeline, &edit.after) {
            return None;
        }
        let what = edit.what.clone();
        self.undo.push(edit);
        Some(what)
    }

    pub fn undo_name(&self) -> Option<&str> {
        self.undo.last().map(|e| e.what.as_str())
    }

    pub fn redo_name(&self) -> Option<&str> {
        self.redo.last().map(|e| e.what.as_str())
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
