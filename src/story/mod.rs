//! The story layer: what many articles say about one story, joined. `merge` groups the events of
//! every document into story events, using the event families of `families`; `day_zero` finds the
//! story's day zero from its main event when the user gives none. `claims` reads the counts and ages
//! a source states (counts through `numbers`); `implied` turns ages, tenures and anniversaries into
//! the dated events they imply.

pub mod claims;
pub mod day_zero;
pub mod evidence;
pub mod families;
pub mod implied;
pub mod merge;
pub mod numbers;
