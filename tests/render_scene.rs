//! Scene layout properties: labels never overlap, crowded events fold into clusters that split
//! when zoomed in, hidden events stay hidden, and the hit targets match what is drawn.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use chronoscope::render::time_axis::{self, to_seconds};
use chronoscope::render::{build_scene, HitTarget, Scene, SceneOptions, TimelineView, Viewport};
use chronoscope::timeline::{Event, Mention, Placement, SentenceRef, Timeline};
use chronoscope::timex::{Granularity, Interval, TimexType};
use epaint::text::{FontDefinitions, TextOptions};
use epaint::{Fonts, Rect, Shape};

mod common;
use common::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(0, 0, 0).unwrap()
}

fn event(id: &str, doc: &str, label: &str, start: NaiveDateTime, g: Granularity) -> Event {
    let end = match g {
        Granularity::Minute => start + Duration::minutes(1),
        Granularity::Hour => start + Duration::hours(1),
        Granularity::PartOfDay => start + Duration::hours(6),
        Granularity::Day => start + Duration::days(1),
        Granularity::Week => start + Duration::days(7),
        Granularity::Month => start + Duration::days(30),
        _ => start + Duration::days(365),
    };
    let sentence = SentenceRef { start: 0, end: 1, text: label.into() };
    Event::new(id.into(), doc.into(), label.into(), Placement { start, end, granularity: g }, sentence)
}

const WORDS: [&str; 12] = [
    "vote", "storm", "talks", "strike", "ruling", "launch", "summit", "merger", "election", "protest", "recall",
    "audit",
];

fn random_timeline(n: usize, seed: u64) -> Timeline {
    let mut rng = Rng(seed);
    let mut tl = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    tl.documents = vec![doc("d1", "Harbour News"), doc("d2", "City Desk"), doc("d3", "Wire Report")];
    let grans = [Granularity::Minute, Granularity::Hour, Granularity::Day, Granularity::Week, Granularity::Month];
    for i in 0..n {
        let d = format!("d{}", 1 + rng.below(3));
        let start = day(2017, 3, 1) + Duration::minutes(rng.below(31 * 24 * 60) as i64);
        let g = grans[rng.below(grans.len() as u64) as usize];
        let label = format!("{} {} {}", WORDS[rng.below(12) as usize], WORDS[rng.below(12) as usize], i);
        tl.events.push(event(&format!("{d}-e{i}"), &d, &label, start, g));
    }
    tl
}

fn fonts() -> Fonts {
    Fonts::new(TextOptions::default(), FontDefinitions::default())
}

fn scene(tl: &Timeline, vp: &Viewport, options: &SceneOptions, fonts: &mut Fonts) -> Scene {
    let mut view = fonts.with_pixels_per_point(1.0);
    build_scene(tl, vp, options, &mut view)
}

fn light() -> SceneOptions {
    SceneOptions {
        view: TimelineView::Sources,
        dark: false,
        selected_event: None,
        hovered_event: None,
        show_hidden: false,
        show_implied: true,
        show_context: true,
        collapsed: Vec::new(),
        whole_labels: false,
        preview: None,
    }
}

fn text_rects(scene: &Scene) -> Vec<Rect> {
    fn walk(shape: &Shape, out: &mut Vec<Rect>) {
        match shape {
            Shape::Text(t) => out.push(Rect::from_min_size(t.pos, t.galley.size())),
            Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    scene.shapes.iter().for_each(|s| walk(s, &mut out));
    out
}

fn assert_disjoint(rects: &[Rect], what: &str) {
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            assert!(!a.shrink(0.5).intersects(b.shrink(0.5)), "{what} overlap: {a:?} and {b:?}");
        }
    }
}

fn event_and_cluster_hits(scene: &Scene) -> (usize, usize) {
    let events = scene.hits.iter().filter(|h| matches!(h.target, HitTarget::Event(_))).count();
    let clusters = scene.hits.iter().filter(|h| matches!(h.target, HitTarget::Cluster { .. })).count();
    (events, clusters)
}

#[test]
fn labels_never_overlap_in_a_random_scene() {
    let mut fonts = fonts();
    for seed in [1u64, 7, 42] {
        let tl = random_timeline(300, seed);
        let full = time_axis::fit(tl.extent().unwrap(), 1200.0, 700.0);
        let week = Viewport { start: to_seconds(day(2017, 3, 10)), end: to_seconds(day(2017, 3, 17)), ..full };
        for vp in [full, week, time_axis::zoom_at(&week, 300.0, 6.0)] {
            let s = scene(&tl, &vp, &light(), &mut fonts);
            let texts = text_rects(&s);
            assert!(texts.len() > 10, "seed {seed}: only {} labels", texts.len());
            assert_disjoint(&texts, "text");
            for r in &texts {
                assert!(r.left() >= -0.5 && r.right() <= vp.width + 0.5, "label cut at the edge: {r:?}");
            }
            let items: Vec<Rect> =
                s.hits.iter().filter(|h| !matches!(h.target, HitTarget::Undated { .. })).map(|h| h.rect).collect();
            assert_disjoint(&items, "event/cluster hit");
        }
    }
}

#[test]
fn every_visible_event_is_drawn_alone_or_in_a_cluster() {
    let mut fonts = fonts();
    let tl = random_timeline(300, 3);
    let vp = time_axis::fit(tl.extent().unwrap(), 1200.0, 700.0);
    let s = scene(&tl, &vp, &light(), &mut fonts);
    let mut seen: Vec<String> = Vec::new();
    for h in &s.hits {
        match &h.target {
            HitTarget::Event(id) => seen.push(id.clone()),
            HitTarget::Cluster { event_ids } => seen.extend(event_ids.iter().cloned()),
            _ => {}
        }
    }
    seen.sort();
    let before = seen.len();
    seen.dedup();
    assert_eq!(before, seen.len(), "an event appears twice");
    assert_eq!(seen.len(), tl.events.len(), "fitted view must account for every event");
}

fn crowded_timeline() -> Timeline {
    let mut tl = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    tl.documents = vec![doc("d1", "Live blog")];
    let base = day(2017, 3, 14) + Duration::hours(9);
    for i in 0..60 {
        let t = base + Duration::minutes(i);
        tl.events.push(event(&format!("d1-e{i}"), "d1", &format!("update {i}"), t, Granularity::Minute));
    }
    tl.events.push(event("d1-e60", "d1", "Press conference", day(2017, 3, 2), Granularity::Day));
    tl.events.push(event("d1-e61", "d1", "Inquiry opens", day(2017, 3, 28), Granularity::Day));
    tl
}

#[test]
fn crowded_events_cluster_and_split_when_zoomed_in() {
    let mut fonts = fonts();
    let tl = crowded_timeline();
    let month =
        Viewport { start: to_seconds(day(2017, 3, 1)), end: to_seconds(day(2017, 4, 1)), width: 1200.0, height: 500.0 };
    let s = scene(&tl, &month, &light(), &mut fonts);
    let (month_events, clusters) = event_and_cluster_hits(&s);
    assert!(clusters >= 1, "60 events in one hour cannot all have a row at month zoom");
    let drawn: Vec<&str> = s
        .hits
        .iter()
        .filter_map(|h| match &h.target {
            HitTarget::Event(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    assert!(drawn.contains(&"d1-e60") && drawn.contains(&"d1-e61"), "the two lone events stay individual");
    let folded: usize = s
        .hits
        .iter()
        .map(|h| match &h.target {
            HitTarget::Cluster { event_ids } => event_ids.len(),
            _ => 0,
        })
        .sum();
    assert!(month_events > 2, "as many updates as the rows hold are drawn, not all folded");
    assert_eq!(month_events + folded, 62, "every event is drawn or folded, once");

    // Zoom into the busy hour: the cluster splits into individual events.
    let hour = Viewport {
        start: to_seconds(day(2017, 3, 14) + Duration::minutes(8 * 60 + 50)),
        end: to_seconds(day(2017, 3, 14) + Duration::minutes(10 * 60 + 10)),
        ..month
    };
    let s = scene(&tl, &hour, &light(), &mut fonts);
    let (events, clusters) = event_and_cluster_hits(&s);
    assert_eq!(clusters, 0, "zoomed to the hour, every update has room");
    assert_eq!(events, 60);

    // Half way: fewer events folded than at month zoom.
    let mid = time_axis::zoom_at(&month, month.time_to_x(to_seconds(day(2017, 3, 14) + Duration::hours(9))), 60.0);
    let s = scene(&tl, &mid, &light(), &mut fonts);
    let (mid_events, _) = event_and_cluster_hits(&s);
    assert!(mid_events > month_events, "more events split off at intermediate zoom ({mid_events} vs {month_events})");
}

#[test]
fn hidden_events_are_skipped_unless_asked_for() {
    let mut fonts = fonts();
    let mut tl = crowded_timeline();
    tl.events.truncate(62);
    tl.events[60].hidden = true;
    let vp =
        Viewport { start: to_seconds(day(2017, 3, 1)), end: to_seconds(day(2017, 3, 5)), width: 900.0, height: 400.0 };
    let ids = |s: &Scene| -> Vec<String> {
        s.hits
            .iter()
            .filter_map(|h| match &h.target {
                HitTarget::Event(id) => Some(id.clone()),
                _ => None,
            })
            .collect()
    };
    let s = scene(&tl, &vp, &light(), &mut fonts);
    assert!(!ids(&s).contains(&"d1-e60".to_string()));
    let shown = SceneOptions { show_hidden: true, ..light() };
    let s = scene(&tl, &vp, &shown, &mut fonts);
    assert!(ids(&s).contains(&"d1-e60".to_string()));
}

#[test]
fn undated_mentions_become_chips_and_selection_is_drawn() {
    let mut fonts = fonts();
    let mut tl = crowded_timeline();
    tl.mentions.push(Mention {
        id: "d1-m1".into(),
        doc: "d1".into(),
        text: "three weeks".into(),
        start: 0,
        end: 11,
        timex_type: TimexType::Duration,
        value: "P3W".into(),
        modifier: None,
        interval: None,
        granularity: None,
        rule: "test".into(),
        explanation: "a duration".into(),
        sentence: 0,
    });
    let vp =
        Viewport { start: to_seconds(day(2017, 3, 1)), end: to_seconds(day(2017, 3, 5)), width: 900.0, height: 400.0 };
    let plain = scene(&tl, &vp, &light(), &mut fonts);
    assert!(plain.hits.iter().any(|h| h.target == HitTarget::Undated { mention_id: "d1-m1".into() }));
    let chip = plain.hits.iter().find(|h| matches!(h.target, HitTarget::Undated { .. })).unwrap();
    assert!(chip.rect.bottom() <= 400.0 && chip.rect.top() > 300.0, "chip in the bottom strip: {:?}", chip.rect);
    let selected = SceneOptions { selected_event: Some("d1-e60".into()), ..light() };
    let sel = scene(&tl, &vp, &selected, &mut fonts);
    assert!(sel.shapes.len() > plain.shapes.len(), "selection adds an outline");
    let dark = scene(&tl, &vp, &SceneOptions { dark: true, ..light() }, &mut fonts);
    assert_eq!(dark.hits, plain.hits, "theme changes colours, not layout");
}

#[test]
fn empty_and_degenerate_inputs_do_not_panic() {
    let mut fonts = fonts();
    let tl = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    let vp = Viewport { start: 0.0, end: 86_400.0, width: 800.0, height: 300.0 };
    let s = scene(&tl, &vp, &light(), &mut fonts);
    assert!(s.hits.is_empty());
    for (w, h) in [(0.0, 0.0), (10.0, 10.0), (2000.0, 60.0)] {
        let vp = Viewport { width: w, height: h, ..vp };
        let _ = scene(&crowded_timeline(), &vp, &light(), &mut fonts);
    }
    let inverted = Viewport { start: 10.0, end: -10.0, width: 800.0, height: 300.0 };
    assert!(scene(&crowded_timeline(), &inverted, &light(), &mut fonts).hits.is_empty());
    let nan = Viewport { start: f64::NAN, end: 10.0, width: 800.0, height: 300.0 };
    assert_eq!(scene(&crowded_timeline(), &nan, &light(), &mut fonts).shapes.len(), 1, "background only");
    // An interval that the axis cannot even reach (year 9999) must not panic either.
    let mut far = crowded_timeline();
    far.events[0].start = day(9999, 12, 31);
    far.events[0].end = day(9999, 12, 31);
    let ext = far.extent().unwrap_or(Interval::day(far.anchor));
    let _ = scene(&far, &time_axis::fit(ext, 800.0, 300.0), &light(), &mut fonts);
}

#[test]
fn many_documents_fall_back_to_compact_lanes_without_overlap() {
    let mut fonts = fonts();
    let mut tl = random_timeline(400, 11);
    tl.documents = (1..=20).map(|i| doc(&format!("d{i}"), &format!("Source number {i}"))).collect();
    for (i, e) in tl.events.iter_mut().enumerate() {
        e.doc = format!("d{}", 1 + i % 20).into();
        e.id = format!("{}-e{i}", e.doc).into();
    }
    let vp = time_axis::fit(tl.extent().unwrap(), 1000.0, 500.0);
    let s = scene(&tl, &vp, &light(), &mut fonts);
    assert_disjoint(&text_rects(&s), "text");
    let mut seen: Vec<String> = Vec::new();
    for h in &s.hits {
        match &h.target {
            HitTarget::Event(id) => seen.push(id.clone()),
            HitTarget::Cluster { event_ids } => seen.extend(event_ids.iter().cloned()),
            _ => {}
        }
    }
    assert_eq!(seen.len(), tl.events.len(), "compact lanes still account for every event");
}

#[test]
fn ten_thousand_events_fold_into_a_bounded_scene() {
    // The frame budget depends on the shape count staying bounded however many events there are.
    let mut fonts = fonts();
    let tl = random_timeline(10_000, 5);
    let vp = time_axis::fit(tl.extent().unwrap(), 1600.0, 900.0);
    let s = scene(&tl, &vp, &light(), &mut fonts);
    let (events, clusters) = event_and_cluster_hits(&s);
    assert!(clusters > 0 && clusters < 200, "{clusters} clusters");
    assert!(events < 500, "{events} individual events");
    assert!(s.shapes.len() < 3_000, "{} shapes", s.shapes.len());
    let folded: usize = s
        .hits
        .iter()
        .map(|h| match &h.target {
            HitTarget::Cluster { event_ids } => event_ids.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(folded + events, 10_000);
}

/// Three sources; the fire is reported by two of them (one story event), the arrest by one.
fn shared_story_timeline() -> Timeline {
    use chronoscope::timeline::StoryEvent;
    let mut tl = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    tl.documents = vec![doc("d1", "Harbour News"), doc("d2", "City Desk"), doc("d3", "Wire Report")];
    let fire_a = event("d1-e1", "d1", "Fire at the docks", day(2017, 3, 22), Granularity::Day);
    let fire_b = event("d2-e1", "d2", "Blaze at the docks", day(2017, 3, 22), Granularity::Day);
    let arrest = event("d3-e1", "d3", "Two arrested", day(2017, 3, 24), Granularity::Day);
    for (mut e, story) in [(fire_a, "s-d1-e1"), (fire_b, "s-d1-e1"), (arrest, "s-d3-e1")] {
        e.story = Some(story.into());
        tl.events.push(e);
    }
    let story = |id: &str, label: &str, events: &[&str], docs: &[&str], d: u32| StoryEvent {
        id: id.into(),
        label: label.into(),
        start: day(2017, 3, d),
        end: day(2017, 3, d + 1),
        granularity: Granularity::Day,
        events: events.iter().map(|s| (*s).into()).collect(),
        documents: docs.iter().map(|s| (*s).into()).collect(),
        reasons: Box::default(),
        edited: false,
    };
    tl.stories = vec![
        story("s-d1-e1", "Fire at the docks", &["d1-e1", "d2-e1"], &["d1", "d2"], 22),
        story("s-d3-e1", "Two arrested", &["d3-e1"], &["d3"], 24),
    ];
    tl
}

fn texts(scene: &Scene) -> Vec<String> {
    fn walk(shape: &Shape, out: &mut Vec<String>) {
        match shape {
            Shape::Text(t) => out.push(t.galley.text().to_string()),
            Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    scene.shapes.iter().for_each(|s| walk(s, &mut out));
    out
}

fn event_hits(scene: &Scene) -> Vec<String> {
    scene
        .hits
        .iter()
        .filter_map(|h| match &h.target {
            HitTarget::Event(id) => Some(id.clone()),
            _ => None,
        })
        .collect()
}

/// Issue #9 §5: the Story view draws a story event once, with a badge per source (the source's
/// letter), where By source draws one marker per report.
#[test]
fn the_story_view_draws_each_story_event_once_with_its_source_badges() {
    let mut fonts = fonts();
    let tl = shared_story_timeline();
    let vp = time_axis::fit(Interval::new(day(2017, 3, 20), day(2017, 3, 27)), 1000.0, 500.0);
    let story = scene(&tl, &vp, &SceneOptions { view: TimelineView::Story, ..light() }, &mut fonts);
    assert_eq!(event_hits(&story), ["d1-e1", "d3-e1"], "one marker per story event, answering for its lead event");
    let words = texts(&story);
    assert_eq!(words.iter().filter(|t| *t == "Fire at the docks").count(), 1);
    assert!(!words.iter().any(|t| t == "Blaze at the docks"), "the second report is not drawn apart");
    for letter in ["A", "B", "C"] {
        assert!(words.iter().filter(|t| *t == letter).count() >= 2, "source {letter}: legend and badge");
    }
    let by_source = scene(&tl, &vp, &light(), &mut fonts);
    assert_eq!(event_hits(&by_source).len(), 3, "By source draws every report");
    assert_disjoint(&text_rects(&story), "text");
}

/// Issue #9 §2: a story event whose sources disagree carries the conflict mark.
#[test]
fn a_story_event_with_a_conflict_is_marked() {
    let mut fonts = fonts();
    let mut tl = shared_story_timeline();
    let vp = time_axis::fit(Interval::new(day(2017, 3, 20), day(2017, 3, 27)), 1000.0, 500.0);
    let options = SceneOptions { view: TimelineView::Story, ..light() };
    assert!(!texts(&scene(&tl, &vp, &options, &mut fonts)).iter().any(|t| t == "!"));
    tl.conflicts.push(chronoscope::story::conflicts::Conflict {
        id: "x-1".into(),
        kind: "quantity".into(),
        subject: "dead".into(),
        story: Some("s-d1-e1".into()),
        claims: vec![],
        events: vec![],
        explanation: String::new(),
    });
    assert_eq!(texts(&scene(&tl, &vp, &options, &mut fonts)).iter().filter(|t| *t == "!").count(), 1);
}

/// Issue #9 §6: events outside the view are counted at its edges, and the chips name them.
#[test]
fn events_outside_the_view_are_counted_at_the_edges() {
    let mut fonts = fonts();
    let mut tl = shared_story_timeline();
    tl.events.push(event("d3-e2", "d3", "Dock built", day(1990, 1, 1), Granularity::Year));
    let vp = time_axis::fit(Interval::new(day(2017, 3, 21), day(2017, 3, 23)), 1000.0, 500.0);
    let s = scene(&tl, &vp, &light(), &mut fonts);
    let words = texts(&s);
    assert!(words.iter().any(|t| t == "\u{ab} 1 earlier"), "{words:?}");
    assert!(words.iter().any(|t| t == "1 later \u{bb}"), "{words:?}");
    let earlier: Vec<&Vec<String>> = s
        .hits
        .iter()
        .filter_map(|h| match &h.target {
            HitTarget::Outside { event_ids, earlier: true } => Some(event_ids),
            _ => None,
        })
        .collect();
    assert_eq!(earlier, [&vec!["d3-e2".to_string()]]);
    assert_disjoint(&text_rects(&s), "text");
}

/// Issue #9 §6: a collapsed lane is a thin row whose events stay reachable (markers or badges),
/// and the other lanes get its room.
#[test]
fn a_collapsed_lane_is_thin_and_its_events_stay_reachable() {
    let mut fonts = fonts();
    let tl = random_timeline(120, 9);
    let vp = time_axis::fit(tl.extent().unwrap(), 1200.0, 700.0);
    let open = scene(&tl, &vp, &light(), &mut fonts);
    let collapsed = scene(&tl, &vp, &SceneOptions { collapsed: vec!["d2".into()], ..light() }, &mut fonts);
    let lane_toggles = |s: &Scene| {
        s.hits.iter().filter(|h| matches!(&h.target, HitTarget::Lane { .. })).map(|h| h.rect).collect::<Vec<_>>()
    };
    assert!(!lane_toggles(&open).is_empty(), "lanes carry their letter toggle");
    let accounted = |s: &Scene| {
        let mut ids: Vec<String> = Vec::new();
        for h in &s.hits {
            match &h.target {
                HitTarget::Event(id) => ids.push(id.clone()),
                HitTarget::Cluster { event_ids } => ids.extend(event_ids.iter().cloned()),
                _ => {}
            }
        }
        ids.sort();
        ids
    };
    assert_eq!(accounted(&collapsed), accounted(&open), "every event still drawn, alone or folded");
    assert!(texts(&collapsed).iter().any(|t| t == "City Desk"), "a collapsed lane names itself");
    assert_disjoint(&text_rects(&collapsed), "text");
}

/// Regression (issue #11, the empty window): with no article the anchor line ran through "No
/// dated events" and a pill named a day zero nothing had given; with articles but no dated
/// event the note sits on a plate the anchor line does not cross.
#[test]
fn an_empty_timeline_draws_no_anchor_and_a_readable_note() {
    let vp =
        Viewport { start: to_seconds(day(2017, 3, 1)), end: to_seconds(day(2017, 4, 1)), width: 1200.0, height: 500.0 };
    let mut fonts = fonts();
    let empty = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    let drawn = texts(&scene(&empty, &vp, &light(), &mut fonts));
    assert!(drawn.iter().any(|t| t == "No dated events"), "{drawn:?}");
    assert!(!drawn.iter().any(|t| t.contains("Anchor")), "no day zero to mark: {drawn:?}");
    let mut undated = empty.clone();
    undated.documents = vec![doc("d1", "Harbour News")];
    let drawn = texts(&scene(&undated, &vp, &light(), &mut fonts));
    assert!(drawn.iter().any(|t| t.contains("Anchor")) && drawn.iter().any(|t| t == "No dated events"), "{drawn:?}");
}

/// Whether each text shape of `scene` that lays out `text` was cut short ("…").
fn elided(scene: &Scene, text: &str) -> Vec<bool> {
    scene
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text(t) if t.galley.text() == text => Some(t.galley.elided),
            _ => None,
        })
        .collect()
}

/// Regression (issue #11, window defects): the exported PNG cut the sources' titles in the legend,
/// at the window's 300 px. A picture gives each title its share of the legend band.
#[test]
fn pictures_write_the_sources_titles_out_whole_when_the_legend_has_room() {
    let mut fonts = fonts();
    let mut tl = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    let title = "Fire guts the Dunmore cold store in Marrowby; the night security guard is still missing";
    tl.documents = vec![doc("d1", title), doc("d2", "Valley Ledger")];
    tl.events.push(event("d1-e1", "d1", "Crews fought the blaze", day(2017, 3, 20), Granularity::Day));
    tl.events.push(event("d2-e1", "d2", "Divers searched the quay", day(2017, 3, 24), Granularity::Day));
    let vp = time_axis::fit(tl.extent().unwrap(), 1920.0, 600.0);
    let cut = |s: &Scene| elided(s, title);
    assert_eq!(cut(&scene(&tl, &vp, &light(), &mut fonts)), [true], "the window cuts it");
    assert_eq!(cut(&scene(&tl, &vp, &SceneOptions { whole_labels: true, ..light() }, &mut fonts)), [false]);
}

/// Regression (issue #11, window defects): the exported PNG cut labels with "…" although the
/// picture had room and no hover to read them by. With `whole_labels` a label is written out
/// whole where the lane has the rows; the window keeps its short labels.
#[test]
fn pictures_write_long_labels_out_whole_when_there_is_room() {
    let mut fonts = fonts();
    let mut tl = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    tl.documents = vec![doc("d1", "Harbour News")];
    let long = "The harbour authority closed the northern quay to all shipping after the storm damage";
    tl.events.push(event("d1-e1", "d1", long, day(2017, 3, 20), Granularity::Day));
    tl.events.push(event("d1-e2", "d1", "Divers searched the quay", day(2017, 3, 24), Granularity::Day));
    let vp = time_axis::fit(tl.extent().unwrap(), 1400.0, 500.0);
    let cut = |s: &Scene| elided(s, long);
    assert_eq!(cut(&scene(&tl, &vp, &light(), &mut fonts)), [true], "the window cuts it");
    assert_eq!(cut(&scene(&tl, &vp, &SceneOptions { whole_labels: true, ..light() }, &mut fonts)), [false]);
    // Where whole labels would fold events away, the picture falls back to short labels and
    // accounts for every event as the window does.
    let crowded = random_timeline(300, 5);
    let vp = time_axis::fit(crowded.extent().unwrap(), 1200.0, 700.0);
    let count = |s: &Scene| {
        let mut n = 0;
        for h in &s.hits {
            match &h.target {
                HitTarget::Event(_) => n += 1,
                HitTarget::Cluster { event_ids } => n += event_ids.len(),
                _ => {}
            }
        }
        n
    };
    let whole = scene(&crowded, &vp, &SceneOptions { whole_labels: true, ..light() }, &mut fonts);
    assert_eq!(count(&whole), crowded.events.len());
    assert_disjoint(&text_rects(&whole), "text");
}

/// A drag under way is drawn from `SceneOptions::preview` (issue #11: the window copied the
/// whole timeline every frame of a drag to draw it): the moved event's marker goes where the
/// preview says, the other events stay, and the timeline is not touched.
#[test]
fn a_drag_preview_moves_the_event_without_copying_the_timeline() {
    let mut fonts = fonts();
    let mut tl = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    tl.documents = vec![doc("d1", "Harbour News")];
    tl.events.push(event("d1-e1", "d1", "Storm hit the quay", day(2017, 3, 20), Granularity::Day));
    tl.events.push(event("d1-e2", "d1", "Divers searched", day(2017, 3, 24), Granularity::Day));
    let vp = time_axis::fit(tl.extent().unwrap(), 1400.0, 500.0);
    let marker = |s: &Scene, id: &str| {
        s.hits.iter().find(|h| h.target == HitTarget::Event(id.into())).map(|h| h.rect.left()).unwrap()
    };
    let still = scene(&tl, &vp, &light(), &mut fonts);
    let preview = chronoscope::render::DragPreview {
        events: vec![("d1-e1".into(), day(2017, 3, 22), day(2017, 3, 23))],
        story: None,
    };
    let dragging = scene(&tl, &vp, &SceneOptions { preview: Some(preview), ..light() }, &mut fonts);
    let two_days = (vp.datetime_to_x(day(2017, 3, 22)) - vp.datetime_to_x(day(2017, 3, 20))) as f32;
    assert!((marker(&dragging, "d1-e1") - marker(&still, "d1-e1") - two_days).abs() < 2.0);
    assert_eq!(marker(&dragging, "d1-e2"), marker(&still, "d1-e2"));
    assert_eq!(tl.events[0].start, day(2017, 3, 20), "the timeline itself is unchanged");
}
