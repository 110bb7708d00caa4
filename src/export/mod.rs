//! Exports of a timeline: the versioned JSON contract, TimeML with inline TIMEX3 tags, and atomic
//! file writing shared by all of them.

pub mod atomic;
pub mod json;
pub mod timeml;
