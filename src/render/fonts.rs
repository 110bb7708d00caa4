//! The fonts every drawing uses, in the window and in the exports alike: egui's defaults, with
//! the monospace font as a fallback for proportional text (it has the arrows and symbols, e.g.
//! the resolver's "→", that the proportional font lacks), and our one-glyph font for U+FFFD
//! last in every family, so text decoded from a damaged file shows the replacement character
//! instead of empty boxes (none of egui's fonts has it; the font is drawn by
//! `scripts/make_replacement_font.py`).

use epaint::text::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// The name of the U+FFFD font among the definitions.
const REPLACEMENT_FONT: &str = "chronoscope-replacement";

/// egui's default fonts plus the fallbacks described above.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let mono = fonts.families.get(&FontFamily::Monospace).and_then(|f| f.first()).cloned();
    if let (Some(mono), Some(family)) = (mono, fonts.families.get_mut(&FontFamily::Proportional)) {
        if !family.contains(&mono) {
            family.push(mono);
        }
    }
    let replacement = FontData::from_static(include_bytes!("../../assets/fonts/chronoscope-replacement.ttf"));
    fonts.font_data.insert(REPLACEMENT_FONT.to_string(), Arc::new(replacement));
    for family in fonts.families.values_mut() {
        family.push(REPLACEMENT_FONT.to_string());
    }
    fonts
}

#[cfg(test)]
mod tests {
    use super::*;
    use epaint::text::{FontId, Fonts, TextOptions};

    /// Regression (issue #11, window defects): a title or label holding U+FFFD (an invalid byte
    /// in the article) drew as an empty box in every family.
    #[test]
    fn the_replacement_character_has_a_glyph_in_every_family() {
        let mut bare = Fonts::new(TextOptions::default(), FontDefinitions::default());
        let mut ours = Fonts::new(TextOptions::default(), definitions());
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            let font = FontId::new(14.0, family.clone());
            assert!(!bare.with_pixels_per_point(1.0).has_glyph(&font, '\u{FFFD}'), "egui's fonts gained it: drop ours");
            assert!(ours.with_pixels_per_point(1.0).has_glyph(&font, '\u{FFFD}'), "{family:?}");
            // The glyph is drawn: it has a width and leaves the other characters to their fonts.
            let galley =
                ours.with_pixels_per_point(1.0).layout_no_wrap("a\u{FFFD}b".into(), font, epaint::Color32::BLACK);
            let widths: Vec<f32> = galley.rows[0].glyphs.iter().map(|g| g.advance_width).collect();
            assert!(widths[1] > 5.0, "{widths:?}");
            assert!(ours.with_pixels_per_point(1.0).has_glyph(&FontId::new(14.0, family), 'a'));
        }
    }
}
