//! Label placement inside one lane, free of any drawing: greedy row stacking of event items and
//! folding of crowded neighbourhoods into cluster badges. Pure geometry on x extents, so it can
//! be tested without fonts and reused by any front end.
//!
//! Events are placed by rank (the caller's order of importance, then x): each gets the first row
//! where its marker and label overlap nothing placed before it, so where not every label fits,
//! the most important ones are shown. Those that fit nowhere fold: runs of them (sorted by x)
//! that start within `group_px` of the run's first event become one cluster badge. Zooming in
//! spreads events apart and more of them fit, so clusters split by themselves.

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
    /// Candidates that did not fit, one ascending list per folded group, in x order.
    pub folded: Vec<Vec<usize>>,
}

/// Horizontal gap kept between neighbouring items in a row.
pub const ITEM_GAP: f32 = 8.0;

/// Stacks the candidates into `rows` rows, the best ranked first: `rank[i]` orders candidate `i`
/// (lower first; equal ranks in x order). Each goes in the first row where its marker and label
/// overlap nothing already there; those that fit nowhere fold, and neighbouring folded ones
/// (within `group_px` of the first) make one group. `label_width(i)` gives the label width of
/// candidate `i`, asked only for candidates whose marker still fits in some row.
pub fn stack_lane(
    cands: &[Candidate],
    rank: &[u8],
    rows: usize,
    group_px: f32,
    label_width: &mut dyn FnMut(usize) -> f32,
) -> Stacked {
    stack(cands, rank, rows, group_px, label_width, OnFold::GoOn)
}

/// What `stack` does when a candidate fits in no row.
#[derive(Clone, Copy, PartialEq)]
enum OnFold {
    /// Folds it and goes on: the whole answer.
    GoOn,
    /// Stops there: the caller only asks whether every candidate fits, and a lane of 10,000
    /// story events answers that within its first rows' worth.
    Stop,
}

fn stack(
    cands: &[Candidate],
    rank: &[u8],
    rows: usize,
    group_px: f32,
    label_width: &mut dyn FnMut(usize) -> f32,
    on_fold: OnFold,
) -> Stacked {
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| rank.get(i).copied().unwrap_or(u8::MAX));
    let mut occupied: Vec<Row> = (0..rows).map(|_| Row::default()).collect();
    let mut out = Stacked::default();
    let mut unplaced = Vec::new();
    // The last marker extent that fit in no row: rows only fill up, so the same extent again
    // (events of one day, at a zoom where a day is a pixel) folds without asking every row.
    let mut full: Option<(f32, f32)> = None;
    for i in order {
        let c = &cands[i];
        let marker = (c.left, c.marker_right + ITEM_GAP);
        // The label can only widen the item: when the marker alone fits in no row, fold it
        // without measuring the label.
        if full == Some(marker) || !occupied.iter().any(|row| row.is_free(marker.0, marker.1)) {
            full = Some(marker);
            unplaced.push(i);
        } else {
            let (left, right) = c.extent(label_width(i));
            match occupied.iter_mut().enumerate().find(|(_, row)| row.is_free(left, right + ITEM_GAP)) {
                Some((index, row)) => {
                    row.take(left, right + ITEM_GAP);
                    out.placed.push((i, index));
                }
                None => unplaced.push(i),
            }
        }
        if on_fold == OnFold::Stop && !unplaced.is_empty() {
            break;
        }
    }
    out.placed.sort_unstable();
    unplaced.sort_unstable();
    out.folded = runs(cands, &unplaced, group_px);
    out
}

/// `stack_lane`, and when candidate `keep` (the selected event) folds, again with it ranked
/// first: selecting an event that is drawn moves nothing, and one picked elsewhere (the
/// inspector, a conflict) is drawn.
pub fn stack_lane_keeping(
    cands: &[Candidate],
    rank: &[u8],
    keep: Option<usize>,
    rows: usize,
    group_px: f32,
    label_width: &mut dyn FnMut(usize) -> f32,
) -> Stacked {
    let stacked = stack_lane(cands, rank, rows, group_px, label_width);
    match keep {
        Some(k) if k < rank.len() && stacked.folded.iter().any(|run| run.contains(&k)) => {
            stack_lane(cands, &ranked_first(rank, k), rows, group_px, label_width)
        }
        _ => stacked,
    }
}

/// `rank` with candidate `k` (an index into it) ranked before every other.
fn ranked_first(rank: &[u8], k: usize) -> Vec<u8> {
    let mut rank = rank.to_vec();
    rank[k] = 0;
    rank
}

/// `stack_lane_keeping`'s answer when it folds nothing, else `None`, found without stacking
/// every candidate where one folds early.
pub fn stack_lane_if_all_fit(
    cands: &[Candidate],
    rank: &[u8],
    keep: Option<usize>,
    rows: usize,
    group_px: f32,
    label_width: &mut dyn FnMut(usize) -> f32,
) -> Option<Stacked> {
    let first = stack(cands, rank, rows, group_px, label_width, OnFold::Stop);
    if first.folded.is_empty() {
        return Some(first);
    }
    // Something folds in the first order; `stack_lane_keeping` answers with the order that puts
    // `keep` first only when `keep` folds in the first, so that case alone needs the whole run.
    let k = keep.filter(|&k| k < rank.len())?;
    let second = stack(cands, &ranked_first(rank, k), rows, group_px, label_width, OnFold::Stop);
    if !second.folded.is_empty() {
        return None;
    }
    let whole = stack(cands, rank, rows, group_px, label_width, OnFold::GoOn);
    whole.folded.iter().any(|run| run.contains(&k)).then_some(second)
}

/// The spans taken in one row: disjoint `[left, right)`, sorted by left edge (`f32::total_cmp`).
/// A row holds as many spans as fit across the view (a few hundred at most), so a sorted vector
/// searched by halves beats a tree: the Story view asks every row about each of 10,000 events.
#[derive(Default)]
struct Row {
    spans: Vec<(f32, f32)>,
}

impl Row {
    /// How many spans start before `x`.
    fn starting_before(&self, x: f32) -> usize {
        self.spans.partition_point(|(left, _)| left.total_cmp(&x).is_lt())
    }

    /// Whether `[left, right)` overlaps no span of the row. The spans are disjoint, so only the
    /// last one starting before `right` can reach into it.
    fn is_free(&self, left: f32, right: f32) -> bool {
        match self.starting_before(right) {
            0 => true,
            n => self.spans[n - 1].1 <= left,
        }
    }

    fn take(&mut self, left: f32, right: f32) {
        let at = self.starting_before(left);
        match self.spans.get_mut(at) {
            // Same left edge (a zero-width span before): replaced, as a map by left edge did.
            Some(span) if span.0.total_cmp(&left).is_eq() => span.1 = right,
            _ => self.spans.insert(at, (left, right)),
        }
    }
}

/// `members` (ascending candidate indices) split into runs that start within `group_px` of the
/// run's first member.
pub fn runs(cands: &[Candidate], members: &[usize], group_px: f32) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &i in members {
        match out.last_mut() {
            Some(run) if run.first().is_some_and(|&first| cands[i].key_x < cands[first].key_x + group_px) => {
                run.push(i)
            }
            _ => out.push(vec![i]),
        }
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
    groups: &[Vec<usize>],
    width: f32,
    badge_width: &mut dyn FnMut(usize) -> f32,
) -> Vec<Badge> {
    let mut out: Vec<Badge> = Vec::new();
    for group in groups {
        let (Some(&first), Some(&last)) = (group.first(), group.last()) else { continue };
        let span = (cands[first].key_x, cands[last].key_x);
        let mut badge = Badge { members: group.clone(), span, x0: 0.0, x1: 0.0 };
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
        let s = stack_lane(&cands, &[0; 5], 3, 80.0, &mut |_| 60.0);
        assert!(s.folded.is_empty());
        assert!(s.placed.iter().all(|&(_, row)| row == 0));
    }

    #[test]
    fn close_events_stack_into_rows() {
        let cands: Vec<_> = (0..3).map(|i| point(100.0 + i as f32 * 10.0)).collect();
        let s = stack_lane(&cands, &[0; 5], 3, 80.0, &mut |_| 60.0);
        assert!(s.folded.is_empty());
        let rows: Vec<usize> = s.placed.iter().map(|p| p.1).collect();
        assert_eq!(rows, vec![0, 1, 2]);
    }

    #[test]
    fn crowded_group_shows_what_fits_folds_the_rest_and_splits_when_spread() {
        let crowded: Vec<_> = (0..6).map(|i| point(100.0 + i as f32 * 10.0)).collect();
        let s = stack_lane(&crowded, &[0; 6], 3, 80.0, &mut |_| 60.0);
        assert_eq!(s.placed, vec![(0, 0), (1, 1), (2, 2)], "equal ranks: in x order");
        assert_eq!(s.folded, vec![vec![3, 4, 5]]);
        // Zoomed in 20x: the same events are 200 px apart and all fit.
        let spread: Vec<_> = (0..6).map(|i| point(100.0 + i as f32 * 200.0)).collect();
        let s = stack_lane(&spread, &[0; 6], 3, 80.0, &mut |_| 60.0);
        assert!(s.folded.is_empty());
        assert_eq!(s.placed.len(), 6);
    }

    /// Regression: with fifty articles, the statements placed on each publication day folded
    /// the events dated there by their own phrases into one badge of 240, since a crowded group
    /// was shown whole or not at all.
    #[test]
    fn a_crowded_group_shows_its_best_ranked_members() {
        let crowded: Vec<_> = (0..6).map(|i| point(100.0 + i as f32 * 10.0)).collect();
        let s = stack_lane(&crowded, &[5, 5, 5, 1, 1, 5], 3, 80.0, &mut |_| 60.0);
        assert_eq!(s.placed, vec![(0, 2), (3, 0), (4, 1)]);
        assert_eq!(s.folded, vec![vec![1, 2, 5]]);
        // An event placed in an earlier group keeps its row: the best-ranked member goes after
        // it in that row (its marker starts at 125, past the first item's end at 116), the next
        // one in the free row.
        let mut lane = vec![point(40.0)];
        lane.extend((0..4).map(|i| point(100.0 + i as f32 * 10.0)));
        let s = stack_lane(&lane, &[3, 5, 5, 5, 1], 2, 50.0, &mut |_| 60.0);
        assert_eq!(s.placed, vec![(0, 0), (1, 1), (4, 0)]);
        assert_eq!(s.folded, vec![vec![2, 3]]);
        // A crowd of low rank does not take the rows a better-ranked neighbour needs, and an
        // item goes into a row left of one placed before it when there is room.
        let mut lane: Vec<_> = (0..5).map(|i| point(100.0 + i as f32 * 10.0)).collect();
        lane.push(point(180.0));
        let s = stack_lane(&lane, &[5, 5, 5, 5, 5, 2], 2, 50.0, &mut |_| 60.0);
        assert_eq!(s.placed, vec![(0, 1), (5, 0)]);
        assert_eq!(s.folded, vec![vec![1, 2, 3, 4]]);
        let s = stack_lane(&lane, &[3, 5, 5, 5, 5, 2], 1, 50.0, &mut |_| 10.0);
        assert_eq!(s.placed, vec![(0, 0), (4, 0), (5, 0)], "{s:?}");
    }

    /// Selecting an event must not move it from under the pointer; a folded one is drawn.
    #[test]
    fn the_selected_event_is_kept_drawn_without_moving_the_others() {
        let crowded: Vec<_> = (0..6).map(|i| point(100.0 + i as f32 * 10.0)).collect();
        let plain = stack_lane(&crowded, &[3; 6], 3, 80.0, &mut |_| 60.0);
        let drawn = stack_lane_keeping(&crowded, &[3; 6], Some(1), 3, 80.0, &mut |_| 60.0);
        assert_eq!(drawn, plain, "a drawn selection changes nothing");
        let folded = stack_lane_keeping(&crowded, &[3; 6], Some(4), 3, 80.0, &mut |_| 60.0);
        assert!(folded.placed.iter().any(|&(i, _)| i == 4), "{folded:?}");
        assert!(folded.folded.iter().all(|run| !run.contains(&4)));
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
        let s =
            stack_lane(&[narrow, Candidate { key_x: 100.0, left: 100.0, ..narrow }], &[0; 2], 2, 10.0, &mut |_| 80.0);
        assert_eq!(s.placed, vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn badges_merge_instead_of_overlapping() {
        let cands: Vec<_> = (0..10).map(|i| point(i as f32 * 8.0)).collect();
        let groups = vec![(0..3).collect(), (3..6).collect(), (6..10).collect()];
        let b = badges(&cands, &groups, 500.0, &mut |_| 40.0);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].members, (0..10).collect::<Vec<_>>());
        let far: Vec<_> = (0..4).map(|i| point(i as f32 * 200.0)).collect();
        let b = badges(&far, &[vec![0, 1], vec![2, 3]], 1000.0, &mut |_| 30.0);
        assert_eq!(b.len(), 2);
        assert!(b[0].x1 <= b[1].x0);
        assert!(b.iter().all(|b| b.x0 >= 0.0 && b.x1 <= 1000.0));
    }

    /// The early answer is the whole one's: over many crowded and spread lanes, ranks, selected
    /// events and row counts, `stack_lane_if_all_fit` is `stack_lane_keeping` when that folds
    /// nothing, and `None` when it folds anything.
    #[test]
    fn the_early_answer_to_whether_all_fit_is_the_whole_ones() {
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let (mut fitting, mut folding, mut kept_first_fits) = (0, 0, 0);
        for _ in 0..20_000 {
            let n = 1 + next(12) as usize;
            let spread = 5.0 + next(120) as f32;
            let mut xs: Vec<f32> = (0..n).map(|_| next(1 + (spread as u64) * n as u64) as f32).collect();
            xs.sort_by(f32::total_cmp);
            let cands: Vec<Candidate> = xs.iter().map(|&x| point(x)).collect();
            let rank: Vec<u8> = (0..n).map(|_| next(5) as u8 + 1).collect();
            let keep = (next(2) == 0).then(|| next(n as u64) as usize);
            let rows = next(4) as usize;
            let widths: Vec<f32> = (0..n).map(|_| next(90) as f32).collect();
            let whole = stack_lane_keeping(&cands, &rank, keep, rows, 80.0, &mut |i| widths[i]);
            let early = stack_lane_if_all_fit(&cands, &rank, keep, rows, 80.0, &mut |i| widths[i]);
            if whole.folded.is_empty() {
                fitting += 1;
                // The case that needs the keep-first order: the first order folds the kept one.
                kept_first_fits +=
                    usize::from(!stack_lane(&cands, &rank, rows, 80.0, &mut |i| widths[i]).folded.is_empty());
                assert_eq!(early, Some(whole));
            } else {
                folding += 1;
                assert_eq!(early, None);
            }
        }
        assert!(fitting > 100 && folding > 100, "both answers are tried: {fitting} fit, {folding} fold");
        assert!(kept_first_fits > 0, "the keep-first order is tried where it alone fits: {kept_first_fits}");
    }
}
