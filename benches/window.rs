//! How soon the window answers when it opens thousands of articles (issue #11: with 2,452 files
//! it used to be blank for the first ~1.7 s): the real app, driven headless by egui_kittest, on
//! the silver corpus (../shared/corpora/silver; the bundled examples where it is absent).
//! Measured per round: building the app (`ChronoscopeApp::new`, which reads nothing itself),
//! the first frames drawn, every frame while the articles load in the background, the time until
//! loading is done, and a frame once everything is in.
//! Run: cargo bench --bench window  (add a number of rounds; default 3)

use chrono::NaiveDate;
use chronoscope::gui::{AppOptions, ChronoscopeApp};
use egui_kittest::Harness;
use std::time::{Duration, Instant};

mod common;

/// How long loading may take before the benchmark gives up (a stuck loader would hang it).
const LOADING_LIMIT: Duration = Duration::from_secs(120);

/// Frames drawn after loading to time a settled frame.
const SETTLED_FRAMES: usize = 20;

fn main() {
    let rounds = std::env::args().skip(1).find_map(|a| a.parse::<usize>().ok()).unwrap_or(3).max(1);
    let files = common::corpus_paths();
    println!("opening {} articles in the window, {rounds} rounds", files.len());
    let anchor = NaiveDate::from_ymd_opt(2017, 3, 22);
    let mut rows = Vec::new();
    for _ in 0..rounds {
        rows.push(open_once(files.clone(), anchor));
    }
    let median = |pick: fn(&Round) -> Duration| {
        let mut all: Vec<Duration> = rows.iter().map(pick).collect();
        all.sort();
        all[all.len() / 2]
    };
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("medians of {rounds} rounds:");
    println!("  app built (ChronoscopeApp::new):           {:8.1} ms", ms(median(|r| r.built)));
    println!("  first frames drawn, from the start:        {:8.1} ms", ms(median(|r| r.first_frames)));
    println!("  slowest frame while loading:               {:8.1} ms", ms(median(|r| r.slowest_loading_frame)));
    println!("  median frame while loading:                {:8.1} ms", ms(median(|r| r.median_loading_frame)));
    println!("  loading done, from the start:              {:8.1} ms", ms(median(|r| r.loaded)));
    println!("  a frame with every article in:             {:8.1} ms", ms(median(|r| r.settled_frame)));
    if let Some(last) = rows.last() {
        println!("  ({} frames drawn while loading, {} events on the timeline)", last.loading_frames, last.events);
    }
}

/// One opening of the window, timed.
struct Round {
    built: Duration,
    first_frames: Duration,
    slowest_loading_frame: Duration,
    median_loading_frame: Duration,
    loading_frames: usize,
    loaded: Duration,
    settled_frame: Duration,
    events: usize,
}

fn open_once(files: Vec<std::path::PathBuf>, anchor: Option<NaiveDate>) -> Round {
    let options = AppOptions { native_dialogs: false, recent_file: None, screenshot: None };
    let start = Instant::now();
    let mut built = Duration::ZERO;
    // One step after the initial frame: the harness would otherwise run frames until the app
    // stops asking for them, which it does not while it loads.
    let mut harness = Harness::builder().with_size(egui::vec2(1400.0, 900.0)).with_max_steps(1).build_eframe(|cc| {
        let app = ChronoscopeApp::new(&cc.egui_ctx, files, anchor, options);
        built = start.elapsed();
        app
    });
    let first_frames = start.elapsed();
    let mut loading = Vec::new();
    while harness.state().is_busy() {
        assert!(start.elapsed() < LOADING_LIMIT, "loading took more than {LOADING_LIMIT:?}");
        let frame = Instant::now();
        harness.step();
        loading.push(frame.elapsed());
        // A display draws at most about 60 frames a second; the loader runs meanwhile.
        std::thread::sleep(Duration::from_millis(16));
    }
    let loaded = start.elapsed();
    let mut settled: Vec<Duration> = (0..SETTLED_FRAMES)
        .map(|_| {
            let frame = Instant::now();
            harness.step();
            frame.elapsed()
        })
        .collect();
    settled.sort();
    let loading_frames = loading.len();
    loading.sort();
    Round {
        built,
        first_frames,
        slowest_loading_frame: loading.last().copied().unwrap_or_default(),
        median_loading_frame: loading.get(loading_frames / 2).copied().unwrap_or_default(),
        loading_frames,
        loaded,
        settled_frame: settled[SETTLED_FRAMES / 2],
        events: harness.state().project.timeline.events.len(),
    }
}
