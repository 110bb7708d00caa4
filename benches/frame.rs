//! Per-frame cost of the timeline drawing: `build_scene` (culling, row stacking, clustering,
//! shapes) for 10,000 synthetic events spread over a month, viewed whole (also in the Story
//! view, once the story layer has gathered them) and zoomed to a week,
//! plus one full headless PNG export for scale. Target: ≤ 8 ms per frame on one core. Also
//! what a click and a drag frame cost beside it: finding an event by id (`Timeline::event`, was
//! a scan) and copying the timeline (what each drag frame did before `SceneOptions::preview`).

use chrono::{Duration, NaiveDate};
use chronoscope::render::time_axis::{self, to_seconds};
use chronoscope::render::{build_scene, render_png, Picture, SceneOptions, TimelineView, Viewport};
use chronoscope::timeline::{DocumentInfo, Event, Placement, SentenceRef, Timeline};
use chronoscope::timex::Granularity;
use criterion::{criterion_group, criterion_main, Criterion};
use epaint::text::{FontDefinitions, TextOptions};
use epaint::Fonts;
use std::hint::black_box;

fn synthetic(n: usize) -> Timeline {
    let anchor = NaiveDate::from_ymd_opt(2017, 3, 1).unwrap_or_default();
    let base = anchor.and_hms_opt(0, 0, 0).unwrap_or_default();
    let mut tl = Timeline::empty(anchor);
    for d in 1..=4 {
        tl.documents.push(DocumentInfo {
            id: format!("d{d}"),
            path: format!("d{d}.txt"),
            title: format!("Synthetic source {d}"),
            dct: None,
            dct_source: None,
            chars: 0,
            warnings: vec![],
        });
    }
    let grans = [Granularity::Minute, Granularity::Hour, Granularity::Day, Granularity::Week, Granularity::Month];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..n {
        let doc = format!("d{}", 1 + next() % 4);
        let start = base + Duration::minutes((next() % (31 * 24 * 60)) as i64);
        let g = grans[(next() % grans.len() as u64) as usize];
        let end = start + Duration::seconds(g.snap_seconds());
        let sentence = SentenceRef { start: 0, end: 0, text: "".into() };
        let place = Placement { start, end, granularity: g };
        let mut event = Event::new(
            format!("{doc}-e{i}").into(),
            doc.into(),
            format!("Synthetic event number {i}"),
            place,
            sentence,
        );
        event.mentions = Box::new([format!("d-m{i}").into()]);
        event.edited = i % 17 == 0;
        tl.events.push(event);
    }
    tl
}

fn frame(c: &mut Criterion) {
    let tl = synthetic(10_000);
    let mut fonts = Fonts::new(TextOptions::default(), FontDefinitions::default());
    let options = SceneOptions {
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
    };
    let whole = match tl.extent() {
        Some(extent) => time_axis::fit(extent, 1600.0, 900.0),
        None => Viewport { start: 0.0, end: 1.0, width: 1600.0, height: 900.0 },
    };
    let week_start =
        to_seconds(NaiveDate::from_ymd_opt(2017, 3, 13).unwrap_or_default().and_hms_opt(0, 0, 0).unwrap_or_default());
    let week = Viewport { start: week_start, end: week_start + 7.0 * 86_400.0, ..whole };
    let day = Viewport { start: week_start, end: week_start + 86_400.0, ..whole };
    for (name, vp) in [("scene_10k_month", whole), ("scene_10k_week", week), ("scene_10k_day", day)] {
        c.bench_function(name, |b| {
            b.iter(|| {
                let mut view = fonts.with_pixels_per_point(1.0);
                black_box(build_scene(black_box(&tl), &vp, &options, &mut view))
            })
        });
    }
    // The Story view (the default with two articles or more): the same events, gathered into
    // story events by the story layer.
    let mut story = tl.clone();
    chronoscope::story::assemble(&mut story);
    let story_options = SceneOptions { view: TimelineView::Story, ..options.clone() };
    c.bench_function("scene_10k_month_story", |b| {
        b.iter(|| {
            let mut view = fonts.with_pixels_per_point(1.0);
            black_box(build_scene(black_box(&story), &whole, &story_options, &mut view))
        })
    });
    let last = tl.events.last().map(|e| e.id.clone()).unwrap_or_default();
    let _ = tl.event(&last);
    c.bench_function("event_by_id_10k", |b| b.iter(|| black_box(tl.event(black_box(&last)).is_some())));
    c.bench_function("event_by_scan_10k", |b| {
        b.iter(|| black_box(tl.events.iter().any(|e| e.id == *black_box(&last))))
    });
    // Clicking a time phrase in the document pane: the event it placed.
    let last_mention = tl.events.last().and_then(|e| e.mentions.first().cloned()).unwrap_or_default();
    let _ = tl.event_placed_by(&last_mention);
    c.bench_function("event_of_clicked_phrase_10k", |b| {
        b.iter(|| black_box(tl.event_placed_by(black_box(&last_mention)).is_some()))
    });
    c.bench_function("event_of_clicked_phrase_by_scan_10k", |b| {
        b.iter(|| black_box(tl.events.iter().any(|e| e.mentions.contains(black_box(&last_mention)))))
    });
    c.bench_function("timeline_copy_10k", |b| b.iter(|| black_box(tl.clone())));
    let mut group = c.benchmark_group("png");
    group.sample_size(10);
    group.bench_function("png_10k_1920x1080", |b| {
        b.iter(|| black_box(render_png(&tl, &Picture::whole(TimelineView::Sources, 1920, 1080))))
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
