//! Exports of a timeline: the versioned JSON contract, TimeML with inline TIMEX3 tags, PNG (drawn
//! by `render`), and atomic file writing shared by all of them.

pub mod atomic;
pub mod json;
pub mod png;
pub mod timeml;
