//! Colours of the timeline drawing: the light report theme (PNG export, light window) and the
//! dark variant, plus the colour-blind-friendly palette documents are coloured with.

use epaint::Color32;

/// Okabe–Ito colours (safe for the common colour-vision deficiencies), ordered so that
/// neighbouring documents differ most; yellow comes last because it is weak on white.
const PALETTE_LIGHT: [Color32; 7] = [
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0xC8, 0xB4, 0x00), // yellow, darkened to read on white
];

/// The same hues, lifted to read on a dark background.
const PALETTE_DARK: [Color32; 7] = [
    Color32::from_rgb(0x4C, 0xA3, 0xE0),
    Color32::from_rgb(0xF0, 0x84, 0x3C),
    Color32::from_rgb(0x2E, 0xC4, 0x9A),
    Color32::from_rgb(0xE0, 0x9C, 0xC4),
    Color32::from_rgb(0xF2, 0xB8, 0x3A),
    Color32::from_rgb(0x86, 0xCC, 0xF2),
    Color32::from_rgb(0xF0, 0xE4, 0x42),
];

/// The colour of the document in lane `index` (cycles after seven documents).
pub fn doc_color(index: usize, dark: bool) -> Color32 {
    let palette = if dark { &PALETTE_DARK } else { &PALETTE_LIGHT };
    palette[index % palette.len()]
}

/// Every colour a scene uses besides the document palette.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub background: Color32,
    pub lane_even: Color32,
    pub lane_odd: Color32,
    pub lane_separator: Color32,
    pub grid_major: Color32,
    pub grid_minor: Color32,
    pub axis: Color32,
    pub text: Color32,
    pub text_muted: Color32,
    pub anchor: Color32,
    pub anchor_text: Color32,
    pub selected: Color32,
    pub hovered: Color32,
    pub chip_fill: Color32,
    pub chip_stroke: Color32,
    pub badge_text: Color32,
    pub edited_mark: Color32,
    /// Outline drawn around point markers so they stand out from bars and grid lines.
    pub marker_ring: Color32,
    /// Story events reported by several sources (the Story view), apart from every document colour.
    pub story: Color32,
    /// The "sources disagree" mark.
    pub conflict: Color32,
}

impl Theme {
    /// The light report theme (`dark == false`) or the dark variant.
    pub fn new(dark: bool) -> Theme {
        if dark {
            Theme {
                dark,
                background: Color32::from_rgb(0x1B, 0x1D, 0x21),
                lane_even: Color32::from_rgb(0x1B, 0x1D, 0x21),
                lane_odd: Color32::from_rgb(0x22, 0x25, 0x2A),
                lane_separator: Color32::from_rgb(0x34, 0x38, 0x3F),
                grid_major: Color32::from_rgb(0x33, 0x37, 0x3E),
                grid_minor: Color32::from_rgb(0x28, 0x2B, 0x31),
                axis: Color32::from_rgb(0x8A, 0x90, 0x99),
                text: Color32::from_rgb(0xE8, 0xEA, 0xED),
                text_muted: Color32::from_rgb(0xA0, 0xA6, 0xAF),
                anchor: Color32::from_rgb(0xFF, 0x6B, 0x6B),
                anchor_text: Color32::from_rgb(0x1B, 0x1D, 0x21),
                selected: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                hovered: Color32::from_rgb(0xB8, 0xC4, 0xD6),
                chip_fill: Color32::from_rgb(0x2A, 0x2E, 0x35),
                chip_stroke: Color32::from_rgb(0x48, 0x4E, 0x57),
                badge_text: Color32::from_rgb(0x10, 0x12, 0x14),
                edited_mark: Color32::from_rgb(0xFF, 0xD1, 0x66),
                marker_ring: Color32::from_rgb(0x1B, 0x1D, 0x21),
                story: Color32::from_rgb(0xC9, 0xCF, 0xD8),
                conflict: Color32::from_rgb(0xE5, 0x48, 0x4D),
            }
        } else {
            Theme {
                dark,
                background: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                lane_even: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                lane_odd: Color32::from_rgb(0xF6, 0xF7, 0xF9),
                lane_separator: Color32::from_rgb(0xE3, 0xE6, 0xEA),
                grid_major: Color32::from_rgb(0xE4, 0xE7, 0xEB),
                grid_minor: Color32::from_rgb(0xF0, 0xF2, 0xF4),
                axis: Color32::from_rgb(0x5F, 0x66, 0x70),
                text: Color32::from_rgb(0x1F, 0x23, 0x28),
                text_muted: Color32::from_rgb(0x5F, 0x66, 0x70),
                anchor: Color32::from_rgb(0xC0, 0x39, 0x2B),
                anchor_text: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                selected: Color32::from_rgb(0x11, 0x11, 0x11),
                hovered: Color32::from_rgb(0x6B, 0x72, 0x80),
                chip_fill: Color32::from_rgb(0xF3, 0xF4, 0xF6),
                chip_stroke: Color32::from_rgb(0xD1, 0xD5, 0xDB),
                badge_text: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                edited_mark: Color32::from_rgb(0x11, 0x11, 0x11),
                marker_ring: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                story: Color32::from_rgb(0x3B, 0x44, 0x52),
                conflict: Color32::from_rgb(0xC6, 0x28, 0x28),
            }
        }
    }

    /// The translucent fill of a bar in document colour `color`.
    pub fn bar_fill(&self, color: Color32) -> Color32 {
        let alpha = if self.dark { 0.38 } else { 0.26 };
        with_alpha(color, alpha)
    }
}

/// `color` (opaque) at opacity `alpha` (0..=1), premultiplied as epaint expects.
pub fn with_alpha(color: Color32, alpha: f32) -> Color32 {
    let a = (alpha.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_cycles_and_differs_between_neighbours() {
        assert_eq!(doc_color(0, false), doc_color(7, false));
        for i in 0..6 {
            assert_ne!(doc_color(i, false), doc_color(i + 1, false));
            assert_ne!(doc_color(i, true), doc_color(i + 1, true));
        }
    }

    #[test]
    fn with_alpha_premultiplies() {
        let c = with_alpha(Color32::from_rgb(200, 100, 0), 0.5);
        assert_eq!(c.a(), 128);
        assert!(c.r() <= 101 && c.r() >= 99);
    }
}
