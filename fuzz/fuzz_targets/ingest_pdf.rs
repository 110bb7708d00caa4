//! Fuzz target: `ingest::from_bytes` on a `.pdf` file (the PDF reader, contained on a thread of
//! its own with a time limit, then pages, running headers and page numbers), checked by
//! `chronoscope_fuzz::ingest`. A panic inside the third-party reader is contained and reported
//! to the user as a damaged file, so only panics in Chronoscope's own code are findings.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::ingest("pdf", data));
