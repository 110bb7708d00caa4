//! Chronoscope: reconstruct timelines from news articles.
//!
//! The crate root only lists the modules. The core (everything below except `gui`) never depends on
//! egui; the desktop window in `gui` is a thin layer over it, behind the default `gui` feature.

pub mod eval;
pub mod events;
pub mod export;
pub mod id_index;
pub mod ingest;
pub mod pipeline;
pub mod pos;
pub mod render;
pub mod resolve;
pub mod session;
pub mod story;
pub mod tagger;
pub mod text;
pub mod time_text;
pub mod timeline;
pub mod timex;

#[cfg(feature = "gui")]
pub mod gui;
