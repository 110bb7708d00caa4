//! Exports of a timeline: the versioned JSON contract, TimeML with inline TIMEX3 tags, PNG (drawn
//! by `render`), the safe file writer shared by all of them (`atomic`, with `cleanup` for
//! interrupted writes), and the checks that keep outputs off the inputs (`targets`).

pub mod atomic;
pub mod cleanup;
pub mod json;
pub mod png;
pub mod targets;
pub mod timeml;
