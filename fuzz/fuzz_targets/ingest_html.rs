//! Fuzz target: `ingest::from_bytes` on a `.html` file (decoding, then the html reader), checked by
//! `chronoscope_fuzz::ingest`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::ingest("html", data));
