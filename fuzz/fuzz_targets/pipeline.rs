//! Fuzz target: tagger, resolver and events (`pipeline::build_timeline`) on a plain-text document,
//! against a fixed anchor and against the anchor `infer_anchor` finds in the text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::pipeline(data, false));
