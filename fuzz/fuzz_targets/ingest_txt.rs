//! Fuzz target: `ingest::from_bytes` on a `.txt` file (decoding, then the txt reader), checked by
//! `chronoscope_fuzz::ingest`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::ingest("txt", data));
