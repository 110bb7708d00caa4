//! The story layer: what many articles say about one story, joined. `merge` groups the events of
//! every document into story events, using the event families of `families`; `day_zero` finds the
//! story's day zero from its main event when the user gives none.

pub mod day_zero;
pub mod evidence;
pub mod families;
pub mod merge;
