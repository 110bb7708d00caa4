//! Fuzz target: reading a project file (`session::project_file::from_str`), and writing back what
//! was read.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::project_file(data));
