//! PNG export of a timeline. The drawing and the CPU rasteriser live in `render` (one scene for
//! the window and the file); this module is the export-side name for them.
//!
//! Needs `pub mod png;` in `export/mod.rs` to be compiled.

pub use crate::render::png::{check_size, default_viewport, render_png, write_png, MAX_PIXELS, MAX_SIDE};
