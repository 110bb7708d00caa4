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
//!
//! Using it from a window (egui), once per frame:
//!
//! ```ignore
//! let vp = Viewport { start, end, width: rect.width(), height: rect.height() };
//! let scene = ctx.fonts_mut(|fonts| render::build_scene(&timeline, &vp, &options, fonts));
//! let offset = rect.min.to_vec2();
//! ui.painter().extend(scene.shapes.into_iter().map(|mut s| { s.translate(offset); s }));
//! // Hit-test `pointer - offset` against `scene.hits`, last hit first (it is on top).
//! // Zoom / pan with `time_axis::zoom_at`, `pan_by_pixels`; map x <-> time with
//! // `Viewport::time_to_x` / `x_to_time`; start with `png::default_viewport` or `time_axis::fit`.
//! ```

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
    /// Draw events the text implies (births from ages, ...); they are dashed and lighter.
    pub show_implied: bool,
}
