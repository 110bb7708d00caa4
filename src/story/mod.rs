//! The story layer: what many articles say about one story, joined. `merge` groups the events of
//! every document into story events, using the event families of `families`; `day_zero` finds the
//! story's day zero from its main event when the user gives none. `claims` reads the counts and ages
//! a source states (counts through `numbers`, ages through `ages`, who through `names`; `words`
//! indexes the word lists they share); `implied` turns ages, tenures and anniversaries into
//! the dated events they imply; `conflicts` compares the claims of one story event across sources.

pub mod ages;
pub mod claims;
pub mod conflicts;
pub mod day_zero;
pub mod evidence;
pub mod families;
pub mod implied;
pub mod merge;
pub mod names;
pub mod numbers;
pub mod per_document;
pub mod reading;
pub mod words;

use crate::timeline::Timeline;

/// Joins the events of `timeline` into story events and compares its claims: run after every
/// extraction, re-extraction and edit, since each can change which events report one happening.
pub fn assemble(timeline: &mut Timeline) {
    timeline.stories = merge::group(&mut timeline.events);
    conflicts::compare(timeline);
}
