//! Text with time phrases highlighted: turns code point spans into an egui `LayoutJob` with a
//! background colour per TIMEX3 type, shared by the inspector's sentence and the document pane.

use crate::timex::TimexType;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

/// Background colour of a highlighted phrase of `kind`.
pub fn type_color(kind: TimexType, dark: bool) -> Color32 {
    let (r, g, b) = match kind {
        TimexType::Date => (66, 133, 244),
        TimexType::Time => (171, 71, 188),
        TimexType::Duration => (245, 124, 0),
        TimexType::Set => (67, 160, 71),
    };
    let alpha = if dark { 110 } else { 70 };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// A highlighted span in code points, half-open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub background: Color32,
    pub strong: bool,
}

/// Byte offset of code point `index` in `text` (the end of the text when past it).
pub fn byte_of_char(text: &str, index: usize) -> usize {
    text.char_indices().nth(index).map_or(text.len(), |(b, _)| b)
}

/// Lays `text` out with `spans` highlighted (overlapping or out-of-range spans are clipped).
pub fn job(
    text: &str,
    spans: &[Span],
    font: FontId,
    color: Color32,
    strong_color: Color32,
    wrap_width: f32,
) -> LayoutJob {
    let mut spans: Vec<Span> = spans.to_vec();
    spans.sort_by_key(|s| (s.start, s.end));
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let plain = TextFormat { font_id: font.clone(), color, ..Default::default() };
    // Walk the text once, converting code point offsets to byte offsets incrementally.
    let mut byte_at = Vec::with_capacity(spans.len() * 2);
    let mut marks: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    marks.sort_unstable();
    marks.dedup();
    let mut chars = text.char_indices().enumerate();
    for mark in &marks {
        let byte = loop {
            match chars.next() {
                Some((i, (b, _))) if i == *mark => break b,
                Some(_) => continue,
                None => break text.len(),
            }
        };
        byte_at.push((*mark, byte));
    }
    // `byte_at` is in mark order: a binary search (a scan per span made a long article's
    // layout quadratic in its phrases).
    let to_byte = |c: usize| match byte_at.binary_search_by_key(&c, |(m, _)| *m) {
        Ok(at) => byte_at[at].1,
        Err(_) => text.len(),
    };
    let mut cursor = 0usize;
    for span in spans {
        let start = to_byte(span.start).max(cursor);
        let end = to_byte(span.end);
        if end <= start {
            continue;
        }
        if start > cursor {
            job.append(&text[cursor..start], 0.0, plain.clone());
        }
        let format = TextFormat {
            font_id: font.clone(),
            color: if span.strong { strong_color } else { color },
            background: span.background,
            underline: if span.strong { egui::Stroke::new(1.5, strong_color) } else { egui::Stroke::NONE },
            ..Default::default()
        };
        job.append(&text[start..end], 0.0, format);
        cursor = end;
    }
    if cursor < text.len() {
        job.append(&text[cursor..], 0.0, plain);
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_the_right_code_points() {
        let text = "Café fire on Monday, é";
        let spans = [Span { start: 13, end: 19, background: Color32::RED, strong: false }];
        let job = job(text, &spans, FontId::default(), Color32::WHITE, Color32::WHITE, 100.0);
        let pieces: Vec<&str> =
            job.sections.iter().map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0]).collect();
        assert_eq!(pieces, vec!["Café fire on ", "Monday", ", é"]);
        assert_eq!(byte_of_char(text, 4), 5);
    }
}
