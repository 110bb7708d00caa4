//! The headless image exports: the PNG decodes, has the requested size, is not blank, carries
//! readable (dark) text, rejects sizes outside 1x1..4K, and writes atomically; the SVG draws the
//! same scene with its labels as text.
//!
//! Set `CHRONOSCOPE_SAMPLE_PNG=/some/path.png` to also save the sample figure for a visual check.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use chronoscope::render::time_axis::to_seconds;
use chronoscope::render::{render_png, write_png, Picture, TimelineView, Viewport};
use chronoscope::timeline::{Event, Mention, Placement, SentenceRef, Timeline};
use chronoscope::timex::{Granularity, Interval, TimexType};
use std::collections::HashSet;

mod common;
use common::*;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
}

fn ev(id: &str, label: &str, start: NaiveDateTime, end: NaiveDateTime, g: Granularity, mentions: &[&str]) -> Event {
    let doc = id.split('-').next().unwrap_or("d1").into();
    let sentence = SentenceRef { start: 0, end: 1, text: label.into() };
    let mut event = Event::new(id.into(), doc, label.into(), Placement { start, end, granularity: g }, sentence);
    event.mentions = mentions.iter().map(|m| (*m).into()).collect();
    event
}

fn mention(id: &str, text: &str, modifier: Option<&str>, interval: Option<Interval>) -> Mention {
    Mention {
        id: id.into(),
        doc: id.split('-').next().unwrap_or("d1").into(),
        text: text.into(),
        start: 0,
        end: text.chars().count(),
        timex_type: if interval.is_some() { TimexType::Date } else { TimexType::Duration },
        value: "X".into(),
        modifier: modifier.map(Box::from),
        interval,
        granularity: None,
        rule: "hand".into(),
        explanation: "hand-made".into(),
        sentence: 0,
    }
}

/// A small made-up story: a storm, a council, an insurer.
fn story() -> Timeline {
    let d = |m: u32, dd: u32| at(2017, m, dd, 0, 0);
    let mut tl = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    tl.documents = vec![
        doc("d1", "Coast Gazette: storm makes landfall"),
        doc("d2", "City Hall Daily: emergency budget"),
        doc("d3", "Insurance Weekly: claims surge"),
    ];
    let mut landfall = ev(
        "d1-e3",
        "Landfall near the harbour",
        at(2017, 3, 22, 6, 0),
        at(2017, 3, 22, 7, 0),
        Granularity::Hour,
        &["d1-m3"],
    );
    landfall.label = "Landfall near the harbour".into();
    let mut vote = ev("d2-e1", "Budget vote", d(3, 20), d(3, 21), Granularity::Day, &[]);
    vote.edited = true;
    let mut evs = vec![
        ev("d1-e1", "Storm forms offshore", d(3, 17), d(3, 18), Granularity::Day, &[]),
        ev("d1-e2", "Evacuation ordered", at(2017, 3, 21, 14, 0), at(2017, 3, 21, 15, 0), Granularity::Hour, &[]),
        landfall,
        ev("d1-e4", "Power restored to most homes", d(3, 27), d(4, 3), Granularity::Week, &[]),
        ev("d1-e5", "Rebuilding season", d(3, 1), d(4, 1), Granularity::Month, &[]),
        ev("d1-e6", "Storm of the decade remembered", d(3, 22), d(3, 23), Granularity::Day, &["d1-m6"]),
        vote,
        ev("d2-e2", "Emergency fund approved", d(3, 23), d(3, 24), Granularity::Day, &[]),
        ev("d2-e3", "Night session", at(2017, 3, 23, 18, 0), at(2017, 3, 24, 0, 0), Granularity::PartOfDay, &[]),
        ev("d3-e1", "Claims deadline", d(4, 7), d(4, 8), Granularity::Day, &["d3-m1"]),
    ];
    for i in 0..14 {
        let t = at(2017, 3, 24, 8, 0) + Duration::minutes(17 * i);
        evs.push(ev(
            &format!("d3-e{}", i + 2),
            &format!("Claim filed #{}", i + 1),
            t,
            t + Duration::minutes(1),
            Granularity::Minute,
            &[],
        ));
    }
    tl.events = evs;
    tl.mentions = vec![
        mention(
            "d1-m3",
            "about 6 a.m.",
            Some("APPROX"),
            Some(Interval::new(at(2017, 3, 22, 6, 0), at(2017, 3, 22, 7, 0))),
        ),
        mention(
            "d1-m6",
            "around the 22nd",
            Some("APPROX"),
            Some(Interval::day(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap())),
        ),
        mention(
            "d3-m1",
            "roughly two weeks later",
            Some("APPROX"),
            Some(Interval::day(NaiveDate::from_ymd_opt(2017, 4, 7).unwrap())),
        ),
        mention("d1-m9", "for decades", None, None),
        mention("d2-m9", "three weeks", None, None),
        mention("d3-m9", "recently", None, None),
    ];
    tl
}

fn decode(bytes: &[u8]) -> tiny_skia::Pixmap {
    tiny_skia::Pixmap::decode_png(bytes).expect("the export must be a valid PNG")
}

#[test]
fn png_decodes_with_size_colour_and_text() {
    let tl = story();
    let bytes = render_png(&tl, &Picture::whole(TimelineView::Sources, 1200, 640)).unwrap();
    if let Ok(path) = std::env::var("CHRONOSCOPE_SAMPLE_PNG") {
        std::fs::write(path, &bytes).unwrap();
    }
    let png = decode(&bytes);
    assert_eq!((png.width(), png.height()), (1200, 640));
    let pixels = png.pixels();
    let distinct: HashSet<[u8; 4]> = pixels.iter().map(|p| [p.red(), p.green(), p.blue(), p.alpha()]).collect();
    assert!(distinct.len() > 200, "only {} colours: blank-looking image", distinct.len());
    let dark = pixels.iter().filter(|p| p.red() < 80 && p.green() < 80 && p.blue() < 80).count();
    assert!(dark > 2_000, "only {dark} dark pixels: no readable text");
    // The lanes are coloured: the document blue (0,114,178) tints some pixels.
    let bluish = pixels.iter().filter(|p| p.blue() > p.red().saturating_add(60)).count();
    assert!(bluish > 200, "only {bluish} blue-ish pixels");
    // The background is the light report theme.
    let white = pixels.iter().filter(|p| p.red() > 245 && p.green() > 245 && p.blue() > 245).count();
    assert!(white > pixels.len() / 3);
}

#[test]
fn explicit_viewport_is_honoured() {
    let tl = story();
    let vp = Viewport {
        start: to_seconds(at(2017, 3, 24, 7, 0)),
        end: to_seconds(at(2017, 3, 24, 13, 0)),
        width: 1.0,
        height: 1.0,
    };
    let zoomed =
        render_png(&tl, &Picture { view: TimelineView::Sources, viewport: Some(vp), width: 900, height: 500 }).unwrap();
    let fitted = render_png(&tl, &Picture::whole(TimelineView::Sources, 900, 500)).unwrap();
    assert_ne!(zoomed, fitted);
    let png = decode(&zoomed);
    assert_eq!((png.width(), png.height()), (900, 500));
}

#[test]
fn sizes_outside_one_pixel_to_4k_are_errors() {
    let tl = story();
    for (w, h) in [(0, 0), (0, 100), (100, 0), (5000, 5000), (3841, 100), (3840, 2161)] {
        let err = render_png(&tl, &Picture::whole(TimelineView::Sources, w, h)).unwrap_err();
        assert!(err.contains(&format!("{w}x{h}")), "{err}");
    }
    let nan = Viewport { start: f64::NAN, end: 1.0, width: 1.0, height: 1.0 };
    assert!(render_png(&tl, &Picture { view: TimelineView::Sources, viewport: Some(nan), width: 100, height: 100 })
        .unwrap_err()
        .contains("time range"));
    assert!(chronoscope::render::png::check_size(3840, 2160).is_ok());
    assert!(chronoscope::render::png::check_size(1, 1).is_ok());
}

#[test]
fn tiny_and_empty_timelines_still_render() {
    let empty = Timeline::empty(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap());
    let png = decode(&render_png(&empty, &Picture::whole(TimelineView::Sources, 320, 200)).unwrap());
    assert_eq!((png.width(), png.height()), (320, 200));
    let png = decode(&render_png(&story(), &Picture::whole(TimelineView::Sources, 1, 1)).unwrap());
    assert_eq!((png.width(), png.height()), (1, 1));
}

#[test]
fn write_png_is_atomic_and_reports_bad_paths() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("timeline.png");
    write_png(&path, &story(), &Picture::whole(TimelineView::Sources, 640, 360)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(decode(&bytes).width(), 640);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let err =
        write_png(&dir.path().join("missing/dir/x.png"), &story(), &Picture::whole(TimelineView::Sources, 64, 64))
            .unwrap_err();
    assert!(err.contains("x.png"), "{err}");
}

#[test]
fn the_svg_draws_the_same_scene_with_text_and_checks_sizes_like_the_png() {
    let tl = story();
    let svg = chronoscope::render::svg::render_svg(&tl, &Picture::whole(TimelineView::Sources, 1200, 640)).unwrap();
    assert!(svg.starts_with("<?xml") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("width=\"1200\" height=\"640\" viewBox=\"0 0 1200 640\""), "{}", &svg[..400]);
    // Every label the scene draws is a text element, in the order the scene draws them.
    for label in tl.events.iter().map(|e| e.label.as_str()) {
        let first_word = label.split_whitespace().next().unwrap();
        assert!(svg.contains(&format!(">{first_word}")), "{label} is not text in the SVG");
    }
    // A 4K export keeps the scene in points, scaled to the pixels.
    let big = chronoscope::render::svg::render_svg(&tl, &Picture::whole(TimelineView::Sources, 3840, 2160)).unwrap();
    assert!(big.contains("width=\"3840\" height=\"2160\" viewBox=\"0 0 1920 1080\""));
    for (w, h) in [(0, 10), (3841, 100), (4000, 4000)] {
        assert!(
            chronoscope::render::svg::render_svg(&tl, &Picture::whole(TimelineView::Sources, w, h)).is_err(),
            "{w}x{h}"
        );
    }
}
