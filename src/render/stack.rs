//! Label placement inside one lane, free of any drawing: greedy row stacking of event items and
//! folding of crowded neighbourhoods into cluster badges. Pure geometry on x extents, so it can
//! be tested without fonts and reused by any front end.
//!
//! Events are first split into *groups*: runs of events (sorted by x) that start within
//! `group_px` of the group's first event. A group is placed all-or-nothing: every member gets a
//! row where its marker and label fit, or the whole group folds into one cluster badge. Zooming
//! in spreads events apart, groups shrink and fit, so clusters split by themselves.

use std::ops::Range;

/// One event of a lane, in points. Candidates must be sorted by `key_x`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Where the event sits for grouping and badges (bar start clamped into view, or point x).
    pub key_x: f32,
    /// Left edge of the marker.
    pub left: f32,
    /// Right edge of the marker.
    pub marker_right: f32,
    /// Where the label starts when it fits inside the marker (a bar).
    pub label_inside: f32,
    /// Where the label starts when it does not: just after the marker.
    pub label_outside: f32,
    /// Labels must end before this x (the viewport's right edge); one that would not is put
    /// before the marker instead.
    pub limit: f32,
}

impl Candidate {
    /// Where a label `width` wide starts: inside the bar when it fits there with a margin,
    /// otherwise right after the marker, or (near the right edge) just before the marker.
    pub fn label_x(&self, width: f32) -> f32 {
        if self.marker_right - self.label_inside >= width + 5.0 {
            self.label_inside
        } else if self.label_outside + width <= self.limit || self.left - 4.0 - width < 0.0 {
            self.label_outside
        } else {
            self.left - 4.0 - width
        }
    }

    /// Left and right edge of the marker and its label together.
    pub fn extent(&self, width: f32) -> (f32, f32) {
        let x = self.label_x(width);
        (self.left.min(x), self.marker_right.max(x + width))
    }
}

/// Where the events of one lane went.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stacked {
    /// `(candidate index, row)` of events drawn individually, in candidate order.
    pub placed: Vec<(usize, usize)>,
    /// Candidate ranges that did not fit, one per folded group, in x order.
    pub folded: Vec<Range<usize>>,
}

/// Horizontal gap kept between neighbouring items in a row.
pub const ITEM_GAP: f32 = 8.0;

/// Stacks the candidates into `rows` rows. `label_width(i)` gives the label width of candidate
/// `i` (only asked for candidates that might be placed, so callers can measure lazily).
pub fn stack_lane(
    cands: &[Candidate],
    rows: usize,
    group_px: f32,
    label_width: &mut dyn FnMut(usize) -> f32,
) -> Stacked {
    let mut out = Stacked::default();
    let mut row_end = vec![f32::NEG_INFINITY; rows];
    let mut trial = row_end.clone();
    let mut trial_rows: Vec<usize> = Vec::new();
    for group in groups(cands, group_px) {
        let (start, end) = (group.start, group.end);
        let fits = end - start <= rows && {
            trial.copy_from_slice(&row_end);
            trial_rows.clear();
            let mut ok = true;
            for (i, c) in cands.iter().enumerate().take(end).skip(start) {
                let (left, right) = c.extent(label_width(i));
                let right = right + ITEM_GAP;
                match trial.iter().position(|&e| e <= left) {
                    Some(row) => {
                        trial[row] = right;
                        trial_rows.push(row);
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            ok
        };
        if fits {
            row_end.copy_from_slice(&trial);
            out.placed.extend((start..end).zip(trial_rows.iter().copied()));
        } else {
            out.folded.push(group);
        }
    }
    out
}

/// Splits candidates (sorted by `key_x`) into runs that start within `group_px` of the run's
/// first candidate.
pub fn groups(cands: &[Candidate], group_px: f32) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < cands.len() {
        let limit = cands[start].key_x + group_px;
        let mut end = start + 1;
        while end < cands.len() && cands[end].key_x < limit {
            end += 1;
        }
        out.push(start..end);
        start = end;
    }
    out
}

/// A cluster badge on the badge strip of a lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Badge {
    /// Candidate indices folded into this badge, ascending.
    pub members: Vec<usize>,
    /// Extent (key x) of the members.
    pub span: (f32, f32),
    /// Left and right edge of the badge.
    pub x0: f32,
    pub x1: f32,
}

/// Turns folded groups into badges centred on their events, merging badges that would touch
/// (so badges never overlap), and keeping them inside `0..width`. `badge_width(count)` gives the
/// width of a badge showing `count`.
pub fn badges(
    cands: &[Candidate],
    groups: &[Range<usize>],
    width: f32,
    badge_width: &mut dyn FnMut(usize) -> f32,
) -> Vec<Badge> {
    let mut out: Vec<Badge> = Vec::new();
    for group in groups {
        if group.is_empty() {
            continue;
        }
        let span = (cands[group.start].key_x, cands[group.end - 1].key_x);
        let mut badge = Badge { members: group.clone().collect(), span, x0: 0.0, x1: 0.0 };
        position(&mut badge, width, badge_width);
        while let Some(prev) = out.last() {
            if prev.x1 + 3.0 <= badge.x0 {
                break;
            }
            let Some(mut prev) = out.pop() else { break };
            prev.members.extend_from_slice(&badge.members);
            prev.span = (prev.span.0.min(badge.span.0), prev.span.1.max(badge.span.1));
            badge = prev;
            position(&mut badge, width, badge_width);
        }
        out.push(badge);
    }
    out
}

fn position(badge: &mut Badge, width: f32, badge_width: &mut dyn FnMut(usize) -> f32) {
    let w = badge_width(badge.members.len());
    let centre = (badge.span.0 + badge.span.1) / 2.0;
    let x0 = (centre - w / 2.0).min(width - w).max(0.0);
    badge.x0 = x0;
    badge.x1 = x0 + w;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(x: f32) -> Candidate {
        Candidate {
            key_x: x,
            left: x - 5.0,
            marker_right: x + 5.0,
            label_inside: x + 5.0,
            label_outside: x + 8.0,
            limit: 10_000.0,
        }
    }

    #[test]
    fn spread_events_share_one_row() {
        let cands: Vec<_> = (0..5).map(|i| point(i as f32 * 200.0)).collect();
        let s = stack_lane(&cands, 3, 80.0, &mut |_| 60.0);
        assert!(s.folded.is_empty());
        assert!(s.placed.iter().all(|&(_, row)| row == 0));
    }

    #[test]
    fn close_events_stack_into_rows() {
        let cands: Vec<_> = (0..3).map(|i| point(100.0 + i as f32 * 10.0)).collect();
        let s = stack_lane(&cands, 3, 80.0, &mut |_| 60.0);
        assert!(s.folded.is_empty());
        let rows: Vec<usize> = s.placed.iter().map(|p| p.1).collect();
        assert_eq!(rows, vec![0, 1, 2]);
    }

    #[test]
    fn crowded_group_folds_and_splits_when_spread() {
        let crowded: Vec<_> = (0..6).map(|i| point(100.0 + i as f32 * 10.0)).collect();
        let s = stack_lane(&crowded, 3, 80.0, &mut |_| 60.0);
        assert_eq!(s.folded, vec![0..6]);
        assert!(s.placed.is_empty());
        // Zoomed in 20x: the same events are 200 px apart and all fit.
        let spread: Vec<_> = (0..6).map(|i| point(100.0 + i as f32 * 200.0)).collect();
        let s = stack_lane(&spread, 3, 80.0, &mut |_| 60.0);
        assert!(s.folded.is_empty());
        assert_eq!(s.placed.len(), 6);
    }

    #[test]
    fn labels_go_inside_wide_bars_and_after_narrow_ones() {
        let bar = Candidate {
            key_x: 10.0,
            left: 10.0,
            marker_right: 200.0,
            label_inside: 15.0,
            label_outside: 204.0,
            limit: 1000.0,
        };
        assert_eq!(bar.label_x(100.0), 15.0);
        assert_eq!(bar.label_x(190.0), 204.0);
        // Near the right edge the label goes before the marker, if there is room there.
        let edge = Candidate {
            key_x: 900.0,
            left: 900.0,
            marker_right: 920.0,
            label_inside: 905.0,
            label_outside: 924.0,
            ..bar
        };
        assert_eq!(edge.label_x(100.0), 796.0);
        assert_eq!(edge.extent(100.0), (796.0, 920.0));
        // A narrow bar with a long label: the item reaches past the label after the bar.
        let narrow = Candidate { marker_right: 30.0, label_outside: 34.0, ..bar };
        let s = stack_lane(&[narrow, Candidate { key_x: 100.0, left: 100.0, ..narrow }], 2, 10.0, &mut |_| 80.0);
        assert_eq!(s.placed, vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn badges_merge_instead_of_overlapping() {
        let cands: Vec<_> = (0..10).map(|i| point(i as f32 * 8.0)).collect();
        let groups = vec![0..3, 3..6, 6..10];
        let b = badges(&cands, &groups, 500.0, &mut |_| 40.0);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].members, (0..10).collect::<Vec<_>>());
        let far: Vec<_> = (0..4).map(|i| point(i as f32 * 200.0)).collect();
        let b = badges(&far, &[0..2, 2..4], 1000.0, &mut |_| 30.0);
        assert_eq!(b.len(), 2);
        assert!(b[0].x1 <= b[1].x0);
        assert!(b.iter().all(|b| b.x0 >= 0.0 && b.x1 <= 1000.0));
    }
}
