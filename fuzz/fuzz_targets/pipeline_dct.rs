//! Fuzz target: the pipeline with a publication date: the input's first line is the DCT (read as
//! leniently as a TimeML file's), the rest is the article.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chronoscope_fuzz::pipeline(data, true));
