//! Fuzz target: the timeline JSON reader (`export::json::from_str`), and writing back what was read.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::timeline_json(data));
