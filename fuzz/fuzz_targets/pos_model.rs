//! Fuzz target: the part-of-speech model reader (`pos::Model::from_bytes`), its check and tagging.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::pos_model(data));
