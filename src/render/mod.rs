//! The one drawing description of a timeline: layout of axis, lanes, events, clusters and the
//! anchor line as epaint shapes (no window, no GPU). The GUI paints these shapes on screen; the PNG
//! export tessellates and rasterises the very same shapes on the CPU.
//!
//! Interface fixed up front (the types below); submodules:
//! - [`time_axis`]: time <-> x mapping, ticks, zoom / pan / fit helpers;
//! - [`layout`]: [`build_scene`], the whole drawing for one viewport;
//! - [`stack`]: row stacking and cluster folding of labels (pure geometry);
//! - [`theme`]: light / dark colours and the document palette;
//! - [`raster`] and [`png`]: the headless CPU rasteriser and the PNG export.

pub mod layout;
pub mod png;
pub mod raster;
pub mod stack;
pub mod theme;
pub mod time_axis;

pub use layout::build_scene;
pub use png::{render_png, write_png};

/// The visible time range and the pixel size it is drawn into. Times are seconds since
/// 1970-01-01T00:00 of story-local time, as f64 (never f32).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub start: f64,
    pub end: f64,
    pub width: f32,
    pub height: f32,
}

/// Something on screen that answers to the pointer.
#[derive(Debug, Clone, PartialEq)]
pub enum HitTarget {
    Event(String),
    Cluster { event_ids: Vec<String> },
    Undated { mention_id: String },
}

/// A clickable region of the scene, in scene coordinates (top-left of the viewport is 0,0).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub rect: epaint::Rect,
    pub target: HitTarget,
}

/// Shapes to paint plus the regions the pointer can hit.
#[derive(Debug, Clone, Default)]
pub struct Scene {
    pub shapes: Vec<epaint::Shape>,
    pub hits: Vec<Hit>,
}

/// Look and content choices for one drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneOptions {
    /// Light report style (PNG) or the window's theme.
    pub dark: bool,
    pub selected_event: Option<String>,
    pub hovered_event: Option<String>,
    pub show_hidden: bool,
}
