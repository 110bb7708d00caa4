//! Small drawing primitives of event markers: the edit mark, the faded bar of a coarse time and
//! dashed outlines for approximate ones.

use super::*;

/// The "edited by the user" mark: a small dark dot with a ring, at a marker's top-right corner.
pub(super) fn edit_mark(shapes: &mut Vec<Shape>, theme: &Theme, at: epaint::Pos2) {
    shapes.push(Shape::circle_filled(at, 3.8, theme.marker_ring));
    shapes.push(Shape::circle_filled(at, 2.8, theme.edited_mark));
}

/// A bar whose value is only known coarsely: solid middle, both ends fading out.
pub(super) fn faded_bar(shapes: &mut Vec<Shape>, r: Rect, fill: Color32, edge: Color32) {
    let fade = (r.width() / 3.0).min(18.0);
    let left = Rect::from_min_max(r.min, pos2(r.left() + fade, r.bottom()));
    let right = Rect::from_min_max(pos2(r.right() - fade, r.top()), r.max);
    let middle = Rect::from_min_max(pos2(left.right(), r.top()), pos2(right.left(), r.bottom()));
    if middle.width() > 0.0 {
        shapes.push(Shape::rect_filled(middle, 0, fill));
        // Top and bottom edges mark the certain core.
        let stroke = Stroke::new(1.0, with_alpha(edge, f32::from(edge.a()) / 255.0 * 0.7));
        shapes.push(Shape::hline(middle.x_range(), r.top() + 0.5, stroke));
        shapes.push(Shape::hline(middle.x_range(), r.bottom() - 0.5, stroke));
    }
    shapes.push(Shape::gradient_rect(left, Direction::LeftToRight, [Color32::TRANSPARENT, fill]));
    shapes.push(Shape::gradient_rect(right, Direction::LeftToRight, [fill, Color32::TRANSPARENT]));
}

pub(super) fn dashed_rect(shapes: &mut Vec<Shape>, r: Rect, stroke: Stroke) {
    let pts = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
    Shape::dashed_line_many(&pts, stroke, 4.0, 3.0, shapes);
}

pub(super) fn dashed_circle(shapes: &mut Vec<Shape>, c: epaint::Pos2, r: f32, stroke: Stroke) {
    let pts: Vec<epaint::Pos2> = (0..=16)
        .map(|i| {
            let a = i as f32 / 16.0 * std::f32::consts::TAU;
            c + vec2(a.cos(), a.sin()) * r
        })
        .collect();
    Shape::dashed_line_many(&pts, stroke, 2.5, 2.0, shapes);
}
