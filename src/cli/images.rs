//! The drawn outputs that `extract` and `export` both offer: `--png` (a raster image) and `--svg`
//! (the same drawing as vectors, for print), both of `--png-size` and of the `--view` chosen.

use chronoscope::render::{png, svg, Picture, TimelineView};
use chronoscope::timeline::Timeline;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct ImageArgs {
    /// Render the whole timeline as a PNG (no window needed).
    #[arg(long, value_name = "OUT.png")]
    pub png: Option<PathBuf>,
    /// Render the whole timeline as an SVG: the PNG's drawing as vectors (text stays text), for
    /// print and for editing in a drawing program.
    #[arg(long, value_name = "OUT.svg")]
    pub svg: Option<PathBuf>,
    /// Image size, WIDTHxHEIGHT (from 320x180 to 3840x2160), for the PNG and the SVG.
    #[arg(long, visible_alias = "image-size", default_value = "1920x1080", value_parser = parse_size)]
    pub png_size: (u32, u32),
    /// What the images draw: `story` (each story event once, with its sources' badges) or
    /// `sources` (one lane per article).
    #[arg(long, default_value = "story", value_parser = TimelineView::parse)]
    pub view: TimelineView,
}

/// Smallest image the timeline can be drawn legibly in (axis labels, one row of events).
const MIN_WIDTH: u32 = 320;
const MIN_HEIGHT: u32 = 180;

pub fn parse_size(value: &str) -> Result<(u32, u32), String> {
    let (w, h) = value.split_once(['x', 'X']).ok_or_else(|| format!("{value:?}: write the size as WIDTHxHEIGHT"))?;
    let w: u32 = w.trim().parse().map_err(|_| format!("{value:?}: width is not a whole number"))?;
    let h: u32 = h.trim().parse().map_err(|_| format!("{value:?}: height is not a whole number"))?;
    png::check_size(w, h)?;
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Err(format!(
            "image size {w}x{h} is too small to draw a timeline in: at least {MIN_WIDTH}x{MIN_HEIGHT}"
        ));
    }
    Ok((w, h))
}

impl ImageArgs {
    /// Writes every image asked for; false when one failed (each failure is said).
    pub fn write(&self, timeline: &Timeline) -> bool {
        let (w, h) = self.png_size;
        let picture = Picture::whole(self.view, w, h);
        let mut ok = true;
        if let Some(path) = &self.png {
            ok &= report("PNG", path, png::write_png(path, timeline, &picture), (w, h));
        }
        if let Some(path) = &self.svg {
            ok &= report("SVG", path, svg::write_svg(path, timeline, &picture), (w, h));
        }
        ok
    }
}

fn report(kind: &str, path: &std::path::Path, written: Result<(), String>, (w, h): (u32, u32)) -> bool {
    match written {
        Ok(()) => {
            say!("wrote {} ({w}x{h})", path.display());
            true
        }
        Err(e) => {
            say!("error: {kind} export: {e}");
            false
        }
    }
}
