//! Fuzz target: `ingest::from_bytes` on a `.md` file (decoding, then the md reader), checked by
//! `chronoscope_fuzz::ingest`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::ingest("md", data));
