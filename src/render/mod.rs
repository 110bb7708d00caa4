//! The one drawing description of a timeline: layout of axis, lanes, events, clusters and the
//! anchor line as epaint shapes (no window, no GPU). The GUI paints these shapes on screen; the PNG
//! export tessellates and rasterises the very same shapes on the CPU.
//!
//! Interface fixed up front (the types below); submodules:
//! - [`time_axis`]: time <-> x mapping, ticks, zoom / pan / fit helpers;
//! - [`layout`]: [`build_scene`], the whole drawing for one viewport;
//! - [`items`]: what each row draws (events by source, or story events with source badges);
//! - [`stack`]: row stacking and cluster folding of labels (pure geometry);
//! - [`theme`]: light / dark colours and the document palette;
//! - [`raster`] and [`png`]: the headless CPU rasteriser and the PNG export;
//! - [`svg`]: the same scene as vector elements, for print;
//! - [`fonts`]: the fonts of every drawing.
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

pub mod fonts;
pub mod items;
pub mod layout;
pub mod png;
pub mod raster;
pub mod stack;
pub mod svg;
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
    Cluster {
        event_ids: Vec<String>,
    },
    Undated {
        mention_id: String,
    },
    /// The count of items before (`earlier`) or after the visible range: click to show them.
    Outside {
        event_ids: Vec<String>,
        earlier: bool,
    },
    /// A lane's letter badge (By source view): click to collapse or expand the lane.
    Lane {
        doc: String,
    },
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

/// A picture of a timeline to export: what it draws (`view`), the time range (`None`: the whole
/// timeline) and its size in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Picture {
    pub view: TimelineView,
    pub viewport: Option<Viewport>,
    pub width: u32,
    pub height: u32,
}

impl Picture {
    /// The whole timeline in `view`, `width`x`height` pixels.
    pub fn whole(view: TimelineView, width: u32, height: u32) -> Self {
        Picture { view, viewport: None, width, height }
    }
}

/// Which rows a timeline is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimelineView {
    /// One row set for the whole story: each story event once, with a badge per source.
    #[default]
    Story,
    /// One lane per document, each event in its document's lane.
    Sources,
}

impl TimelineView {
    /// Reads `story` or `sources` (the CLI's `--view`).
    pub fn parse(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "story" => Ok(TimelineView::Story),
            "sources" | "source" | "by-source" => Ok(TimelineView::Sources),
            other => Err(format!("unknown view '{other}': use 'story' or 'sources'")),
        }
    }

    /// The view a timeline opens in: Story once two or more articles are open.
    pub fn default_for(documents: usize) -> Self {
        if documents >= 2 {
            TimelineView::Story
        } else {
            TimelineView::Sources
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            TimelineView::Story => "Story",
            TimelineView::Sources => "By source",
        }
    }
}

/// Look and content choices for one drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneOptions {
    /// Story events once (Story) or one lane per document (By source).
    pub view: TimelineView,
    /// Light report style (PNG) or the window's theme.
    pub dark: bool,
    pub selected_event: Option<String>,
    pub hovered_event: Option<String>,
    pub show_hidden: bool,
    /// Draw events the text implies (births from ages, ...); they are dashed and lighter.
    pub show_implied: bool,
    /// Draw the events placed by context (no time phrase of their own).
    pub show_context: bool,
    /// Documents whose lane is collapsed to one thin row (By source view).
    pub collapsed: Vec<String>,
    /// Labels written out whole wherever the lane has the rows for them (exports: a picture has
    /// no hover to read a cut label by); otherwise, and in the window, long labels end in "…".
    pub whole_labels: bool,
    /// Where a drag under way would put events: drawn there, the timeline left as it is.
    pub preview: Option<DragPreview>,
}

/// The events a drag moves, each with the start and end it would get, and the story event they
/// move with (by the lead event's shift).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DragPreview {
    pub events: Vec<(crate::timeline::SmolStr, chrono::NaiveDateTime, chrono::NaiveDateTime)>,
    pub story: Option<(crate::timeline::SmolStr, chrono::Duration)>,
}
