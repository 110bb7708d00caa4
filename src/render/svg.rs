//! SVG export of a timeline, for print: the very scene the PNG rasterises (built by
//! [`super::png::export_scene`]), written shape by shape as vector elements. Rectangles, circles,
//! lines and paths map one to one; gradient meshes become linear gradients; each row of text
//! becomes a `<text>` element at its laid-out baseline, stretched to its laid-out width so the
//! layout holds in whichever sans-serif font the reader has.

use super::png::export_scene;
use super::theme::Theme;
use super::Picture;
use crate::timeline::Timeline;
use epaint::{Color32, Mesh, Pos2, Rect, Shape, Stroke, StrokeKind, TextShape};
use std::fmt::Write;
use std::path::Path;

/// Fonts asked for, first the one the layout was measured with.
const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Noto Sans', 'DejaVu Sans', Helvetica, Arial, sans-serif";

/// Renders `timeline` as an SVG document of `picture` (light theme), drawing what
/// [`super::png::render_png`] draws for the same picture.
pub fn render_svg(timeline: &Timeline, picture: &Picture) -> Result<String, String> {
    let scene = export_scene(timeline, picture)?;
    let mut svg = SvgWriter::new(picture.width, picture.height, scene.width_pt, scene.height_pt);
    for shape in &scene.shapes {
        svg.shape(shape);
    }
    Ok(svg.finish())
}

/// [`render_svg`], written atomically to `path`.
pub fn write_svg(path: &Path, timeline: &Timeline, picture: &Picture) -> Result<(), String> {
    let text = render_svg(timeline, picture)?;
    crate::export::atomic::write_atomic(path, text.as_bytes()).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// The document being written, and how many gradients it has defined (each gets its own id).
struct SvgWriter {
    out: String,
    gradients: usize,
}

impl SvgWriter {
    fn new(width: u32, height: u32, width_pt: f32, height_pt: f32) -> SvgWriter {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {} {}\" \
             font-family=\"{FONT_FAMILY}\" xml:space=\"preserve\">",
            num(width_pt),
            num(height_pt)
        );
        let background = Theme::new(false).background;
        let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\"{}/>", fill(background));
        SvgWriter { out, gradients: 0 }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Noop | Shape::Callback(_) => {}
            Shape::Vec(shapes) => shapes.iter().for_each(|s| self.shape(s)),
            Shape::Rect(r) => self.rect(r.rect, r.corner_radius.average(), r.fill, r.stroke, r.stroke_kind),
            Shape::Circle(c) => {
                let at = format!("cx=\"{}\" cy=\"{}\" r=\"{}\"", num(c.center.x), num(c.center.y), num(c.radius));
                self.filled_and_stroked("circle", &at, c.fill, c.stroke);
            }
            Shape::Ellipse(e) => {
                let at = format!(
                    "cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\"",
                    num(e.center.x),
                    num(e.center.y),
                    num(e.radius.x),
                    num(e.radius.y)
                );
                self.filled_and_stroked("ellipse", &at, e.fill, e.stroke);
            }
            Shape::LineSegment { points: [a, b], stroke } => {
                let at = format!("x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"", num(a.x), num(a.y), num(b.x), num(b.y));
                self.filled_and_stroked("line", &at, Color32::TRANSPARENT, *stroke);
            }
            Shape::Path(p) => {
                let element = if p.closed { "polygon" } else { "polyline" };
                let at = format!("points=\"{}\"", points(&p.points));
                let fill = if p.closed { p.fill } else { Color32::TRANSPARENT };
                self.filled_and_stroked(element, &at, fill, solid(&p.stroke));
            }
            Shape::QuadraticBezier(q) => {
                let [a, b, c] = q.points;
                let d = format!("M{} {}Q{} {} {} {}", num(a.x), num(a.y), num(b.x), num(b.y), num(c.x), num(c.y));
                self.curve(&d, q.closed, q.fill, solid(&q.stroke));
            }
            Shape::CubicBezier(c) => {
                let [a, b, m, d] = c.points;
                let path = format!(
                    "M{} {}C{} {} {} {} {} {}",
                    num(a.x),
                    num(a.y),
                    num(b.x),
                    num(b.y),
                    num(m.x),
                    num(m.y),
                    num(d.x),
                    num(d.y)
                );
                self.curve(&path, c.closed, c.fill, solid(&c.stroke));
            }
            Shape::Mesh(mesh) => self.mesh(mesh),
            Shape::Text(text) => self.text(text),
            // A band of varying width: the timeline never draws one.
            Shape::Band(_) => {}
        }
    }

    /// A rectangle: its fill covers `r`, its stroke sits inside, on or outside the edge as epaint
    /// draws it (SVG always centres a stroke on the edge, so the stroke gets its own rectangle).
    fn rect(&mut self, r: Rect, radius: f32, fill_color: Color32, stroke: Stroke, kind: StrokeKind) {
        let geometry = |r: Rect, radius: f32| {
            let rounding = if radius > 0.0 { format!(" rx=\"{}\"", num(radius)) } else { String::new() };
            format!(
                "x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{rounding}",
                num(r.min.x),
                num(r.min.y),
                num(r.width()),
                num(r.height())
            )
        };
        if visible(fill_color) {
            self.filled_and_stroked("rect", &geometry(r, radius), fill_color, Stroke::NONE);
        }
        if stroke.width > 0.0 && visible(stroke.color) {
            let shift = match kind {
                StrokeKind::Inside => -stroke.width / 2.0,
                StrokeKind::Middle => 0.0,
                StrokeKind::Outside => stroke.width / 2.0,
            };
            let edge = r.expand(shift);
            let edge_radius = if radius > 0.0 { (radius + shift).max(0.0) } else { 0.0 };
            self.filled_and_stroked("rect", &geometry(edge, edge_radius), Color32::TRANSPARENT, stroke);
        }
    }

    fn curve(&mut self, d: &str, closed: bool, fill_color: Color32, stroke: Stroke) {
        let d = if closed { format!("{d}Z") } else { d.to_string() };
        let fill_color = if closed { fill_color } else { Color32::TRANSPARENT };
        self.filled_and_stroked("path", &format!("d=\"{d}\""), fill_color, stroke);
    }

    fn filled_and_stroked(&mut self, element: &str, geometry: &str, fill_color: Color32, stroke: Stroke) {
        let painted_stroke = stroke.width > 0.0 && visible(stroke.color);
        if !visible(fill_color) && !painted_stroke {
            return;
        }
        let fill_part = if visible(fill_color) { fill(fill_color) } else { " fill=\"none\"".to_string() };
        let stroke_part = if painted_stroke {
            let (hex, opacity) = colour(stroke.color);
            let opacity = opacity.map(|o| format!(" stroke-opacity=\"{o}\"")).unwrap_or_default();
            format!(" stroke=\"{hex}\"{opacity} stroke-width=\"{}\"", num(stroke.width))
        } else {
            String::new()
        };
        let _ = writeln!(self.out, "<{element} {geometry}{fill_part}{stroke_part}/>");
    }

    /// A mesh: epaint's gradient rectangle (four corners, two triangles) as a rectangle filled
    /// with a linear gradient; any other mesh as its triangles, each in its corners' mean colour.
    fn mesh(&mut self, mesh: &Mesh) {
        if let Some((rect, from, to, horizontal)) = gradient_rect(mesh) {
            self.gradients += 1;
            let id = format!("gradient{}", self.gradients);
            let (x2, y2) = if horizontal { ("1", "0") } else { ("0", "1") };
            let _ = writeln!(
                self.out,
                "<defs><linearGradient id=\"{id}\" x1=\"0\" y1=\"0\" x2=\"{x2}\" y2=\"{y2}\">{}{}</linearGradient></defs>",
                stop("0", from),
                stop("1", to)
            );
            let _ = writeln!(
                self.out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{id})\"/>",
                num(rect.min.x),
                num(rect.min.y),
                num(rect.width()),
                num(rect.height())
            );
            return;
        }
        for triangle in mesh.indices.chunks_exact(3) {
            let corners: Vec<_> = triangle.iter().filter_map(|&i| mesh.vertices.get(i as usize)).collect();
            if corners.len() != 3 {
                continue;
            }
            let mean = mean_colour(corners.iter().map(|v| v.color));
            let at = format!("points=\"{}\"", points(&corners.iter().map(|v| v.pos).collect::<Vec<_>>()));
            self.filled_and_stroked("polygon", &at, mean, Stroke::NONE);
        }
    }

    /// Each row of a galley as one `<text>` at its baseline, `textLength` set to the row's
    /// laid-out width.
    fn text(&mut self, shape: &TextShape) {
        let galley = &shape.galley;
        let Some(section) = galley.job.sections.first() else { return };
        let format = &section.format;
        let base = if format.color == Color32::PLACEHOLDER { shape.fallback_color } else { format.color };
        let color = shape.override_text_color.unwrap_or(base).gamma_multiply(shape.opacity_factor.clamp(0.0, 1.0));
        if !visible(color) {
            return;
        }
        for row in &galley.rows {
            let (Some(first), Some(last)) = (row.glyphs.first(), row.glyphs.last()) else { continue };
            let text: String = row.glyphs.iter().map(|g| g.chr).collect();
            if text.trim().is_empty() {
                continue;
            }
            let x = shape.pos.x + row.pos.x + first.pos.x;
            let y = shape.pos.y + row.pos.y + first.pos.y;
            let length = last.max_x() - first.pos.x;
            let _ = writeln!(
                self.out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"{}>{}</text>",
                num(x),
                num(y),
                num(format.font_id.size),
                num(length),
                fill(color),
                escape(&text)
            );
        }
    }
}

/// The rectangle, end colours and direction of a mesh made by `Shape::gradient_rect`.
fn gradient_rect(mesh: &Mesh) -> Option<(Rect, Color32, Color32, bool)> {
    let [lt, rt, lb, rb] = mesh.vertices.as_slice() else { return None };
    let aligned = lt.pos.y == rt.pos.y && lb.pos.y == rb.pos.y && lt.pos.x == lb.pos.x && rt.pos.x == rb.pos.x;
    if mesh.indices != [0, 1, 2, 2, 1, 3] || !aligned {
        return None;
    }
    let rect = Rect::from_min_max(lt.pos, rb.pos);
    if lt.color == lb.color && rt.color == rb.color {
        Some((rect, lt.color, rt.color, true))
    } else if lt.color == rt.color && lb.color == rb.color {
        Some((rect, lt.color, lb.color, false))
    } else {
        None
    }
}

fn stop(offset: &str, color: Color32) -> String {
    let (hex, opacity) = colour(color);
    format!(
        "<stop offset=\"{offset}\" stop-color=\"{hex}\" stop-opacity=\"{}\"/>",
        opacity.unwrap_or_else(|| "1".into())
    )
}

fn mean_colour(colours: impl Iterator<Item = Color32>) -> Color32 {
    let (mut sum, mut n) = ([0u32; 4], 0u32);
    for c in colours {
        for (total, part) in sum.iter_mut().zip(c.to_array()) {
            *total += u32::from(part);
        }
        n += 1;
    }
    let [r, g, b, a] = sum.map(|total| (total / n.max(1)) as u8);
    Color32::from_rgba_premultiplied(r, g, b, a)
}

fn solid(stroke: &epaint::PathStroke) -> Stroke {
    match stroke.color {
        epaint::ColorMode::Solid(color) => Stroke::new(stroke.width, color),
        // A colour per point (a callback): the timeline never strokes one; draw it neutral.
        epaint::ColorMode::UV(_) => Stroke::new(stroke.width, Color32::GRAY),
    }
}

fn visible(color: Color32) -> bool {
    color.a() > 0
}

/// ` fill="#rrggbb"`, with `fill-opacity` when the colour is not opaque.
fn fill(color: Color32) -> String {
    let (hex, opacity) = colour(color);
    match opacity {
        Some(o) => format!(" fill=\"{hex}\" fill-opacity=\"{o}\""),
        None => format!(" fill=\"{hex}\""),
    }
}

/// A colour as `#rrggbb` (not premultiplied) and its opacity when below 1.
fn colour(color: Color32) -> (String, Option<String>) {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let hex = format!("#{r:02x}{g:02x}{b:02x}");
    let opacity = (a < 255).then(|| num(f32::from(a) / 255.0));
    (hex, opacity)
}

fn points(points: &[Pos2]) -> String {
    let pairs: Vec<String> = points.iter().map(|p| format!("{},{}", num(p.x), num(p.y))).collect();
    pairs.join(" ")
}

/// A coordinate with at most two decimals and no trailing zeros ("12", "12.5", "-0.25").
fn num(value: f32) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let text = format!("{:.2}", value);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" | "" => "0".to_string(),
        t => t.to_string(),
    }
}

/// Character data: markup characters as entities (as in the HTML exports), and characters XML
/// forbids (control characters from a damaged file) as U+FFFD.
fn escape(text: &str) -> String {
    let allowed: String =
        text.chars().map(|c| if crate::export::timeml::forbidden_in_xml(c) { '\u{FFFD}' } else { c }).collect();
    crate::export::html_text::escape(&allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(1.006), "1.01");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn colours_are_unmultiplied_with_their_opacity() {
        assert_eq!(colour(Color32::from_rgb(255, 0, 16)), ("#ff0010".to_string(), None));
        let half = Color32::from_rgba_unmultiplied(200, 100, 0, 128);
        let (hex, opacity) = colour(half);
        assert_eq!(opacity.as_deref(), Some("0.5"));
        assert!(hex.starts_with("#c"), "{hex}");
    }

    #[test]
    fn text_escapes_markup_and_forbidden_characters() {
        assert_eq!(escape("a<b & c>\u{1}"), "a&lt;b &amp; c&gt;\u{FFFD}");
    }

    #[test]
    fn a_gradient_rectangle_becomes_a_linear_gradient() {
        let rect = Rect::from_min_max(Pos2::new(1.0, 2.0), Pos2::new(11.0, 7.0));
        let shape = Shape::gradient_rect(rect, epaint::Direction::LeftToRight, [Color32::TRANSPARENT, Color32::RED]);
        let mut svg = SvgWriter::new(100, 100, 100.0, 100.0);
        svg.shape(&shape);
        let out = svg.finish();
        assert!(out.contains("<linearGradient id=\"gradient1\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">"), "{out}");
        assert!(out.contains("<rect x=\"1\" y=\"2\" width=\"10\" height=\"5\" fill=\"url(#gradient1)\"/>"), "{out}");
    }

    #[test]
    fn an_outside_stroke_is_drawn_outside_the_fill() {
        let mut svg = SvgWriter::new(100, 100, 100.0, 100.0);
        let rect = Rect::from_min_max(Pos2::new(10.0, 10.0), Pos2::new(20.0, 20.0));
        svg.rect(rect, 0.0, Color32::RED, Stroke::new(2.0, Color32::BLUE), StrokeKind::Outside);
        let out = svg.finish();
        assert!(out.contains("<rect x=\"10\" y=\"10\" width=\"10\" height=\"10\" fill=\"#ff0000\"/>"), "{out}");
        assert!(
            out.contains("<rect x=\"9\" y=\"9\" width=\"12\" height=\"12\" fill=\"none\" stroke=\"#0000ff\""),
            "{out}"
        );
    }
}
