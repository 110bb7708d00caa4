//! What one edit costs in the window (issue #11: the window stays fluid with 50 articles and
//! 10,000 events): every edit, undo or redo groups the story events again (`story::assemble`,
//! called by `Project::after_edit` on the UI thread). Measured on the timeline of the silver
//! corpus (2,452 articles, about 19,000 events; the bundled examples where it is absent), and on
//! its first 50 articles, read with the story's day zero 2017-03-22.
//! Run: cargo bench --bench story

use chrono::NaiveDate;
use chronoscope::pipeline::{build_timeline, Settings};
use chronoscope::timeline::Timeline;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;

mod common;

fn timeline_of(count: usize) -> Timeline {
    let paths = common::corpus_paths();
    let documents: Vec<_> = paths.iter().take(count).filter_map(|p| chronoscope::ingest::load(p).ok()).collect();
    let anchor = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap_or_default();
    build_timeline(&documents, &Settings { anchor, dct: None })
}

fn assemble(c: &mut Criterion) {
    let mut group = c.benchmark_group("story_assemble");
    group.sample_size(10);
    for (name, count) in [("50_articles", 50), ("whole_corpus", usize::MAX)] {
        let timeline = timeline_of(count);
        println!("{name}: {} articles, {} events", timeline.documents.len(), timeline.events.len());
        group.bench_function(name, |b| {
            b.iter_batched(
                || timeline.clone(),
                |mut timeline| {
                    chronoscope::story::assemble(&mut timeline);
                    black_box(timeline.stories.len())
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, assemble);
criterion_main!(benches);
