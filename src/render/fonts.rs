//! The fonts every drawing uses, in the window and in the exports alike: egui's defaults, with
//! the monospace font as a fallback for proportional text (it has the arrows and symbols, e.g.
//! the resolver's "→", that the proportional font lacks).

use epaint::text::{FontDefinitions, FontFamily};

/// egui's default fonts plus the fallbacks described above.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let mono = fonts.families.get(&FontFamily::Monospace).and_then(|f| f.first()).cloned();
    if let (Some(mono), Some(family)) = (mono, fonts.families.get_mut(&FontFamily::Proportional)) {
        if !family.contains(&mono) {
            family.push(mono);
        }
    }
    fonts
}
