//! Headless PNG export of a timeline: the same [`Scene`](super::Scene) the window paints, built
//! with the light report theme, tessellated by epaint and rasterised on the CPU (no window, no
//! GPU), then encoded with tiny-skia.
//!
//! Lives in `render` until `export/mod.rs` declares `pub mod png;` (then `export::png` re-exports
//! this module's functions).

use super::layout::build_scene;
use super::raster::Canvas;
use super::theme::Theme;
use super::time_axis;
use super::{Picture, SceneOptions, Viewport};
use crate::timeline::Timeline;
use crate::timex::Interval;
use epaint::text::TextOptions;
use epaint::{ClippedShape, FontColorTransferFunction, Fonts, Rect, TessellationOptions, Tessellator};
use std::path::Path;

/// Largest accepted side, in pixels.
pub const MAX_SIDE: u32 = 3840;
/// Largest accepted pixel count (one 4K UHD frame).
pub const MAX_PIXELS: u64 = 3840 * 2160;

/// Checks an export size: both sides at least 1, no side above 3840 and at most 3840x2160 pixels.
pub fn check_size(width: u32, height: u32) -> Result<(), String> {
    if width == 0 || height == 0 {
        return Err(format!("PNG size {width}x{height} is empty: both sides must be at least 1 pixel"));
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "PNG size {width}x{height} is too large: at most 4K ({MAX_SIDE} px per side, 3840x2160 pixels in all)"
        ));
    }
    Ok(())
}

/// Scale of text and lines for an image `width` pixels wide: 1 up to 1920 px, then growing to 2
/// at 3840 px, so a 4K export looks like a full-HD one with finer detail.
pub fn pixels_per_point(width: u32) -> f32 {
    (width as f32 / 1920.0).clamp(1.0, 2.0)
}

/// The first view of a timeline: the story itself (events placed to the day or finer, and the
/// anchor), else the whole timeline. "Fit all" uses [`default_viewport`].
pub fn story_viewport(timeline: &Timeline, width: f32, height: f32) -> Viewport {
    match timeline.story_extent() {
        Some(extent) => time_axis::fit(extent, width, height),
        None => default_viewport(timeline, width, height),
    }
}

/// The viewport a PNG of `width`x`height` points shows when none is given, and "Fit all": the
/// whole timeline (every visible event, with margins), or two weeks around the anchor when
/// nothing is dated.
pub fn default_viewport(timeline: &Timeline, width: f32, height: f32) -> Viewport {
    match timeline.extent() {
        Some(extent) => time_axis::fit(extent, width, height),
        None => {
            let day = Interval::day(timeline.anchor);
            let week = chrono::Duration::days(7);
            time_axis::fit(Interval::new(day.start - week, day.end + week), width, height)
        }
    }
}

/// Renders `timeline` as a PNG (light theme) of `picture`. Its viewport chooses the time range
/// (its size is replaced by the image size); `None` fits the whole timeline.
pub fn render_png(timeline: &Timeline, picture: &Picture) -> Result<Vec<u8>, String> {
    let (width, height) = (picture.width, picture.height);
    let canvas = render_canvas(timeline, picture)?;
    let size =
        tiny_skia::IntSize::from_wh(width, height).ok_or_else(|| format!("invalid PNG size {width}x{height}"))?;
    let pixmap = tiny_skia::Pixmap::from_vec(canvas.pixels, size)
        .ok_or_else(|| format!("could not make a {width}x{height} pixmap"))?;
    pixmap.encode_png().map_err(|e| format!("encoding the {width}x{height} PNG failed: {e}"))
}

/// [`render_png`], written atomically to `path`.
pub fn write_png(path: &Path, timeline: &Timeline, picture: &Picture) -> Result<(), String> {
    let bytes = render_png(timeline, picture)?;
    crate::export::atomic::write_atomic(path, &bytes).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// The scene an export draws: built with the light report theme at the export's scale. Shared
/// by the PNG (rasterised here) and the SVG (written element by element in [`super::svg`]).
pub(super) struct ExportScene {
    pub shapes: Vec<epaint::Shape>,
    /// Points per pixel of the image: sizes below are in points.
    pub pixels_per_point: f32,
    pub width_pt: f32,
    pub height_pt: f32,
    /// The fonts the text was laid out with (their atlas holds the glyphs the PNG samples).
    pub fonts: Fonts,
}

/// Builds the scene of `timeline` for `picture`. Its viewport chooses the time range (its size
/// is replaced by the image size); `None` fits the whole timeline.
pub(super) fn export_scene(timeline: &Timeline, picture: &Picture) -> Result<ExportScene, String> {
    let Picture { view, viewport, width, height } = *picture;
    check_size(width, height)?;
    let ppp = pixels_per_point(width);
    let (w_pt, h_pt) = (width as f32 / ppp, height as f32 / ppp);
    let viewport = match viewport {
        Some(v) if (Viewport { width: w_pt, height: h_pt, ..v }).is_valid() => {
            let span = (v.end - v.start).clamp(time_axis::MIN_SPAN, time_axis::MAX_SPAN);
            let mid = v.start / 2.0 + v.end / 2.0;
            Viewport { start: mid - span / 2.0, end: mid + span / 2.0, width: w_pt, height: h_pt }
        }
        Some(v) => return Err(format!("cannot draw the time range {}..{} (seconds)", v.start, v.end)),
        None => default_viewport(timeline, w_pt, h_pt),
    };
    let text_options = TextOptions {
        max_texture_side: 8192,
        color_transfer_function: FontColorTransferFunction::LIGHT_MODE_DEFAULT,
        ..TextOptions::default()
    };
    let mut fonts = Fonts::new(text_options, crate::render::fonts::definitions());
    let options = SceneOptions {
        view,
        dark: false,
        selected_event: None,
        hovered_event: None,
        show_hidden: false,
        show_implied: true,
        show_context: true,
        collapsed: Vec::new(),
        whole_labels: true,
        preview: None,
    };
    let scene = {
        let mut view = fonts.with_pixels_per_point(ppp);
        build_scene(timeline, &viewport, &options, &mut view)
    };
    Ok(ExportScene { shapes: scene.shapes, pixels_per_point: ppp, width_pt: w_pt, height_pt: h_pt, fonts })
}

/// Renders into a premultiplied RGBA canvas (what [`render_png`] encodes).
pub fn render_canvas(timeline: &Timeline, picture: &Picture) -> Result<Canvas, String> {
    let (width, height) = (picture.width, picture.height);
    let scene = export_scene(timeline, picture)?;
    let ppp = scene.pixels_per_point;
    let atlas = scene.fonts.image();
    let mut tessellator = Tessellator::new(
        ppp,
        TessellationOptions::default(),
        scene.fonts.font_image_size(),
        scene.fonts.texture_atlas().prepared_discs(),
    );
    let clip = Rect::from_min_size(epaint::Pos2::ZERO, epaint::vec2(scene.width_pt, scene.height_pt));
    let shapes = scene.shapes.into_iter().map(|s| ClippedShape::new(clip, s)).collect();
    let primitives = tessellator.tessellate_shapes(shapes);
    let mut canvas = Canvas::new(width as usize, height as usize, Theme::new(false).background);
    canvas.paint(&primitives, ppp, &atlas);
    Ok(canvas)
}
