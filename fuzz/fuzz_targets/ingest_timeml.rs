//! Fuzz target: `ingest::from_bytes` on a `.tml` file (decoding, then the tml reader), checked by
//! `chronoscope_fuzz::ingest`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::ingest("tml", data));
