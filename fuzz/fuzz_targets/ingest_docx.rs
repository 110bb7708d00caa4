//! Fuzz target: `ingest::from_bytes` on a `.docx` file (the zip archive, then the Word body and
//! properties readers), checked by `chronoscope_fuzz::ingest`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::ingest("docx", data));
