//! Tokenizer (work in progress).
