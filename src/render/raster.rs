//! A small CPU rasteriser for epaint meshes: textured, vertex-coloured triangles with
//! premultiplied alpha, blended in gamma space like egui's own painters. Anti-aliasing comes from
//! epaint's feathering (vertex alpha) and the font atlas coverage, so plain point sampling of the
//! triangles is enough; the texture is sampled bilinearly.
//!
//! Triangles are filled with integer edge functions (8 bits of sub-pixel precision) and the
//! top-left rule, so triangles sharing an edge never blend a pixel twice.

use epaint::{ClippedPrimitive, Color32, ColorImage, Mesh, Primitive, Rect, TextureId};

/// Sub-pixel steps per pixel for the edge functions.
const SUB: i64 = 256;

/// An RGBA image with premultiplied alpha, row-major, 4 bytes per pixel.
#[derive(Debug, Clone, PartialEq)]
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Canvas {
    /// A canvas filled with one opaque colour.
    pub fn new(width: usize, height: usize, fill: Color32) -> Canvas {
        let px = fill.to_array();
        let mut pixels = Vec::with_capacity(width * height * 4);
        for _ in 0..width * height {
            pixels.extend_from_slice(&px);
        }
        Canvas { width, height, pixels }
    }

    /// Paints tessellated primitives (positions in points) at `pixels_per_point`, sampling
    /// `TextureId::Managed(0)` from `font_image`; other textures are treated as white.
    pub fn paint(&mut self, primitives: &[ClippedPrimitive], pixels_per_point: f32, font_image: &ColorImage) {
        let texture = Texture::new(font_image);
        for prim in primitives {
            if let Primitive::Mesh(mesh) = &prim.primitive {
                let clip = prim.clip_rect * pixels_per_point;
                let tex = (mesh.texture_id == TextureId::Managed(0)).then_some(&texture);
                self.paint_mesh(mesh, pixels_per_point, clip, tex);
            }
        }
    }

    fn paint_mesh(&mut self, mesh: &Mesh, ppp: f32, clip: Rect, texture: Option<&Texture>) {
        let clip_x0 = clip.min.x.floor().max(0.0) as i64;
        let clip_y0 = clip.min.y.floor().max(0.0) as i64;
        let clip_x1 = (clip.max.x.ceil() as i64).min(self.width as i64);
        let clip_y1 = (clip.max.y.ceil() as i64).min(self.height as i64);
        if clip_x0 >= clip_x1 || clip_y0 >= clip_y1 {
            return;
        }
        let clip = (clip_x0, clip_y0, clip_x1, clip_y1);
        for tri in mesh.indices.chunks_exact(3) {
            let (Some(a), Some(b), Some(c)) = (
                mesh.vertices.get(tri[0] as usize),
                mesh.vertices.get(tri[1] as usize),
                mesh.vertices.get(tri[2] as usize),
            ) else {
                continue;
            };
            self.triangle([a, b, c], ppp, clip, texture);
        }
    }

    fn triangle(&mut self, v: [&epaint::Vertex; 3], ppp: f32, clip: (i64, i64, i64, i64), texture: Option<&Texture>) {
        let fixed = |x: f32| -> Option<i64> {
            let f = (x * ppp * SUB as f32).round();
            (f.is_finite() && f.abs() < 1e12).then_some(f as i64)
        };
        let mut p = [(0i64, 0i64); 3];
        for (i, vert) in v.iter().enumerate() {
            match (fixed(vert.pos.x), fixed(vert.pos.y)) {
                (Some(x), Some(y)) => p[i] = (x, y),
                _ => return,
            }
        }
        let mut v = v;
        let edge = |a: (i64, i64), b: (i64, i64), q: (i64, i64)| (b.0 - a.0) * (q.1 - a.1) - (b.1 - a.1) * (q.0 - a.0);
        let mut area = edge(p[0], p[1], p[2]);
        if area == 0 {
            return;
        }
        if area < 0 {
            p.swap(1, 2);
            v.swap(1, 2);
            area = -area;
        }
        // Pixel bounding box (pixel centres at +0.5), clipped.
        let min_x = p.iter().map(|q| q.0).min().unwrap_or(0);
        let max_x = p.iter().map(|q| q.0).max().unwrap_or(0);
        let min_y = p.iter().map(|q| q.1).min().unwrap_or(0);
        let max_y = p.iter().map(|q| q.1).max().unwrap_or(0);
        let px0 = (min_x.div_euclid(SUB)).max(clip.0);
        let px1 = ((max_x + SUB - 1).div_euclid(SUB)).min(clip.2);
        let py0 = (min_y.div_euclid(SUB)).max(clip.1);
        let py1 = ((max_y + SUB - 1).div_euclid(SUB)).min(clip.3);
        if px0 >= px1 || py0 >= py1 {
            return;
        }
        // Edge i is opposite vertex i: w0 = E(p1, p2), w1 = E(p2, p0), w2 = E(p0, p1).
        let edges = [(p[1], p[2]), (p[2], p[0]), (p[0], p[1])];
        let bias: [i64; 3] = edges.map(|(a, b)| {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let top_left = (dy == 0 && dx > 0) || dy < 0;
            if top_left {
                0
            } else {
                -1
            }
        });
        let step_x: [i64; 3] = edges.map(|(a, b)| -(b.1 - a.1) * SUB);
        let step_y: [i64; 3] = edges.map(|(a, b)| (b.0 - a.0) * SUB);
        let start = (px0 * SUB + SUB / 2, py0 * SUB + SUB / 2);
        let mut row: [i64; 3] = [0, 1, 2].map(|i| edge(edges[i].0, edges[i].1, start) + bias[i]);

        let colors = v.map(|vert| vert.color.to_array().map(f32::from));
        let uvs = v.map(|vert| vert.uv);
        let textured = texture.filter(|_| uvs.iter().any(|uv| uv.x != 0.0 || uv.y != 0.0));
        let inv_area = 1.0 / area as f64;
        let flat = colors[0] == colors[1] && colors[1] == colors[2];

        for py in py0..py1 {
            let mut w = row;
            let mut was_inside = false;
            let line = (py as usize) * self.width;
            for px in px0..px1 {
                if w[0] >= 0 && w[1] >= 0 && w[2] >= 0 {
                    was_inside = true;
                    let l0 = ((w[0] - bias[0]) as f64 * inv_area) as f32;
                    let l1 = ((w[1] - bias[1]) as f64 * inv_area) as f32;
                    let l2 = 1.0 - l0 - l1;
                    let mut src = if flat {
                        colors[0]
                    } else {
                        [0, 1, 2, 3].map(|k| colors[0][k] * l0 + colors[1][k] * l1 + colors[2][k] * l2)
                    };
                    if let Some(tex) = textured {
                        let u = uvs[0].x * l0 + uvs[1].x * l1 + uvs[2].x * l2;
                        let vv = uvs[0].y * l0 + uvs[1].y * l1 + uvs[2].y * l2;
                        let t = tex.sample(u, vv);
                        src = [src[0] * t[0], src[1] * t[1], src[2] * t[2], src[3] * t[3]];
                    }
                    let i = (line + px as usize) * 4;
                    blend(&mut self.pixels[i..i + 4], src);
                } else if was_inside {
                    break;
                }
                for k in 0..3 {
                    w[k] += step_x[k];
                }
            }
            for k in 0..3 {
                row[k] += step_y[k];
            }
        }
    }
}

/// `src` (premultiplied, 0..=255) over the destination pixel.
#[inline]
fn blend(dst: &mut [u8], src: [f32; 4]) {
    let a = src[3];
    if a >= 254.5 {
        for k in 0..4 {
            dst[k] = src[k].round().clamp(0.0, 255.0) as u8;
        }
        return;
    }
    if a <= 0.0 && src[0] <= 0.0 && src[1] <= 0.0 && src[2] <= 0.0 {
        return;
    }
    let keep = 1.0 - a / 255.0;
    for k in 0..4 {
        dst[k] = (src[k] + f32::from(dst[k]) * keep).round().clamp(0.0, 255.0) as u8;
    }
}

/// The font atlas as normalised premultiplied floats, sampled bilinearly with clamping.
struct Texture {
    width: usize,
    height: usize,
    texels: Vec<[f32; 4]>,
}

impl Texture {
    fn new(image: &ColorImage) -> Texture {
        let texels = image.pixels.iter().map(|c| c.to_array().map(|v| f32::from(v) / 255.0)).collect();
        Texture { width: image.width(), height: image.height(), texels }
    }

    fn texel(&self, x: i64, y: i64) -> [f32; 4] {
        let x = x.clamp(0, self.width as i64 - 1) as usize;
        let y = y.clamp(0, self.height as i64 - 1) as usize;
        self.texels.get(y * self.width + x).copied().unwrap_or([1.0; 4])
    }

    fn sample(&self, u: f32, v: f32) -> [f32; 4] {
        if self.width == 0 || self.height == 0 {
            return [1.0; 4];
        }
        let x = u * self.width as f32 - 0.5;
        let y = v * self.height as f32 - 0.5;
        let (x0, y0) = (x.floor(), y.floor());
        let (fx, fy) = (x - x0, y - y0);
        let (x0, y0) = (x0 as i64, y0 as i64);
        let t00 = self.texel(x0, y0);
        let t10 = self.texel(x0 + 1, y0);
        let t01 = self.texel(x0, y0 + 1);
        let t11 = self.texel(x0 + 1, y0 + 1);
        [0, 1, 2, 3].map(|k| {
            let top = t00[k] + (t10[k] - t00[k]) * fx;
            let bottom = t01[k] + (t11[k] - t01[k]) * fx;
            top + (bottom - top) * fy
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use epaint::{pos2, Vertex, WHITE_UV};

    fn quad(x0: f32, y0: f32, x1: f32, y1: f32, color: Color32) -> Mesh {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(Rect::from_min_max(pos2(x0, y0), pos2(x1, y1)), color);
        mesh
    }

    fn paint(canvas: &mut Canvas, mesh: Mesh) {
        let prim = ClippedPrimitive { clip_rect: Rect::EVERYTHING, primitive: Primitive::Mesh(mesh) };
        canvas.paint(&[prim], 1.0, &ColorImage::filled([1, 1], Color32::WHITE));
    }

    #[test]
    fn shared_edges_are_not_blended_twice() {
        // A half-transparent quad is two triangles sharing a diagonal: every covered pixel must
        // get exactly one blend (a double blend darkens the diagonal).
        let mut canvas = Canvas::new(16, 16, Color32::WHITE);
        paint(&mut canvas, quad(2.0, 2.0, 14.0, 14.0, Color32::from_black_alpha(128)));
        let inside: Vec<u8> =
            (2..14).flat_map(|y| (2..14).map(move |x| (x, y))).map(|(x, y)| canvas.pixels[(y * 16 + x) * 4]).collect();
        assert!(inside.iter().all(|&v| v == inside[0]), "{inside:?}");
        assert_eq!(canvas.pixels[0], 255);
        assert_eq!(canvas.pixels[(15 * 16 + 15) * 4], 255);
        // Exactly the 12x12 pixels whose centres are inside are touched.
        let touched = canvas.pixels.chunks_exact(4).filter(|p| p[0] != 255).count();
        assert_eq!(touched, 144);
    }

    #[test]
    fn adjacent_quads_tile_without_gaps() {
        let mut canvas = Canvas::new(20, 4, Color32::WHITE);
        paint(&mut canvas, quad(0.0, 0.0, 10.3, 4.0, Color32::BLACK));
        paint(&mut canvas, quad(10.3, 0.0, 20.0, 4.0, Color32::BLACK));
        assert!(canvas.pixels.chunks_exact(4).all(|p| p[0] == 0));
    }

    #[test]
    fn vertex_colours_interpolate() {
        let mut canvas = Canvas::new(100, 1, Color32::BLACK);
        let mut mesh = Mesh::default();
        let v = |x: f32, y: f32, c: Color32| Vertex { pos: pos2(x, y), uv: WHITE_UV, color: c };
        mesh.vertices = vec![
            v(0.0, 0.0, Color32::BLACK),
            v(100.0, 0.0, Color32::WHITE),
            v(0.0, 1.0, Color32::BLACK),
            v(100.0, 1.0, Color32::WHITE),
        ];
        mesh.indices = vec![0, 1, 2, 2, 1, 3];
        paint(&mut canvas, mesh);
        let mid = canvas.pixels[50 * 4];
        assert!((120..=136).contains(&mid), "{mid}");
        assert!(canvas.pixels[4] < 10 && canvas.pixels[99 * 4] > 245);
    }

    #[test]
    fn texture_modulates_colour() {
        let mut canvas = Canvas::new(4, 4, Color32::WHITE);
        let mut mesh = Mesh::with_texture(TextureId::Managed(0));
        mesh.add_rect_with_uv(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0)),
            Rect::from_min_max(pos2(0.5, 0.0), pos2(1.0, 1.0)),
            Color32::BLACK,
        );
        // Left column of the texture white (opaque), right column transparent.
        let tex = ColorImage::new([2, 1], vec![Color32::WHITE, Color32::TRANSPARENT]);
        let prim = ClippedPrimitive { clip_rect: Rect::EVERYTHING, primitive: Primitive::Mesh(mesh) };
        canvas.paint(&[prim], 1.0, &tex);
        // Sampling the transparent half leaves the canvas (mostly) white on the right.
        assert!(canvas.pixels[(4 + 3) * 4] > 200);
    }

    #[test]
    fn clip_rect_limits_painting() {
        let mut canvas = Canvas::new(10, 10, Color32::WHITE);
        let prim = ClippedPrimitive {
            clip_rect: Rect::from_min_max(pos2(0.0, 0.0), pos2(5.0, 10.0)),
            primitive: Primitive::Mesh(quad(0.0, 0.0, 10.0, 10.0, Color32::BLACK)),
        };
        canvas.paint(&[prim], 1.0, &ColorImage::filled([1, 1], Color32::WHITE));
        assert_eq!(canvas.pixels[4 * 4], 0);
        assert_eq!(canvas.pixels[6 * 4], 255);
    }
}
