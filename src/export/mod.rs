//! Exports of a timeline: the versioned JSON contract (pretty-printed on every core by
//! `pretty_json`), TimeML with inline TIMEX3 tags, PNG and SVG (drawn
//! by `render`), CSV for spreadsheets, TimelineJS 3 for newsrooms, the chronology report (Markdown, HTML), the safe file writer shared by all of them (`atomic`, with `cleanup` for
//! interrupted writes and `writeback` to start the disk write early), and the checks that keep outputs off the inputs (`targets`).

pub mod atomic;
pub mod cleanup;
pub mod csv;
pub mod html_text;
pub mod json;
pub mod png;
pub mod pretty_json;
pub mod report;
pub mod targets;
pub mod timelinejs;
pub mod timeml;
pub mod writeback;
