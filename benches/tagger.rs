//! Throughput of tag + resolve, of extraction without the story layer (sentences, tags,
//! resolution, events), of extraction with each document's claims and implied events, and of the
//! whole story (every document extracted, then joined into story events and conflicts), on
//! the plain text of the TempEval-3 silver corpus (../shared/corpora/silver), one core. Falls back
//! to the bundled example articles where the corpus is absent. Run: cargo bench --bench tagger

use chronoscope::ingest::{self, Document};
use chronoscope::pipeline::{build_timeline, document_ids, extract_document, extract_events, Settings};
use chronoscope::resolve::{self, ReferenceMode};
use chronoscope::story::per_document;
use chronoscope::tagger;
use chronoscope::text::offsets::CharOffsets;
use chronoscope::text::sentences;
use chronoscope::timeline::Timeline;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

mod common;

fn corpus() -> Vec<Document> {
    common::corpus_paths().iter().filter_map(|p| ingest::load(p).ok()).collect()
}

fn bench_extraction(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    eprintln!("corpus: {} documents, {:.1} MB of text", docs.len(), bytes as f64 / 1e6);
    let settings = Settings { anchor: chrono::NaiveDate::from_ymd_opt(2017, 3, 22).unwrap_or_default(), dct: None };
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("tokenize", |b| {
        b.iter(|| docs.iter().map(|d| chronoscope::tagger::Tokens::new(black_box(&d.text)).tokens.len()).sum::<usize>())
    });
    group.bench_function("tag", |b| {
        b.iter(|| docs.iter().map(|d| chronoscope::tagger::tag(black_box(&d.text)).len()).sum::<usize>())
    });
    group.bench_function("sentences", |b| {
        b.iter(|| docs.iter().map(|d| chronoscope::text::sentences::split(black_box(&d.text)).len()).sum::<usize>())
    });
    // What the target names: everything up to resolved mentions (sentences, tokens, tagging,
    // resolution with explanations), without event labels.
    group.bench_function("tag+resolve", |b| {
        b.iter(|| {
            let mut mentions = 0;
            for doc in &docs {
                let offsets = CharOffsets::new(&doc.text);
                let sentence_spans = sentences::split(&doc.text);
                let tokens = tagger::Tokens::new(black_box(&doc.text));
                let raw = tagger::tag_tokens(&tokens);
                let mode = match doc.dct.as_deref().and_then(resolve::parse_dct) {
                    Some(dct) => ReferenceMode::DocumentDate { dct, anchor: settings.anchor },
                    None => ReferenceMode::Story { anchor: settings.anchor },
                };
                mentions += resolve::resolve_document("d1", &tokens, &offsets, &sentence_spans, &raw, &mode).len();
            }
            mentions
        })
    });
    // Extraction without the story layer: what the story layer's cost is measured against.
    group.bench_function("extract without story (sentences, tag, resolve, events)", |b| {
        b.iter(|| docs.iter().map(|doc| extract_events(black_box(doc), "d1", &settings).events.len()).sum::<usize>())
    });
    // The same as the window and the CLI extract: every document under its id, all results kept
    // in one timeline, without the story layer. The story layer's cost is measured against this
    // (the line above keeps nothing, so it leaves out the cost of holding 2,452 results).
    group.bench_function("extract all into one timeline, without the story layer", |b| {
        b.iter(|| {
            let ids = document_ids(&docs);
            let mut timeline = Timeline::empty(settings.anchor);
            for (id, doc) in ids.iter().zip(&docs) {
                let extraction = extract_events(black_box(doc), id, &settings);
                timeline.documents.push(extraction.info);
                timeline.mentions.extend(extraction.mentions);
                timeline.events.extend(extraction.events);
            }
            timeline.events.len()
        })
    });
    group.bench_function("tag+resolve+events (with each document's claims and implied events)", |b| {
        b.iter(|| docs.iter().map(|doc| extract_document(black_box(doc), "d1", &settings).events.len()).sum::<usize>())
    });
    // The whole corpus as one story: every document extracted, then the story layer joining them
    // (story events across all 2,452 documents). Compare with tag+resolve+events for its cost.
    // One core, as every line above, so that the story layer's share is measured like for like.
    let one_core = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a one-thread pool");
    group.bench_function("whole story (extract all + story events)", |b| {
        b.iter(|| one_core.install(|| build_timeline(black_box(&docs), &settings).stories.len()))
    });
    // What `extract` does: the documents on every core, then the story layer.
    group.bench_function("whole story, documents on every core", |b| {
        b.iter(|| build_timeline(black_box(&docs), &settings).stories.len())
    });
    let timeline = build_timeline(&docs, &settings);
    group.bench_function("story events only", |b| {
        b.iter_batched(
            || timeline.events.clone(),
            |mut events| chronoscope::story::merge::group(black_box(&mut events)).len(),
            criterion::BatchSize::LargeInput,
        )
    });
    // The story layer's share of extraction: each document's claims and implied events (inside
    // extract_document, so inside tag+resolve+events too) ...
    let inputs: Vec<_> = docs.iter().map(|d| extract_events(d, "d1", &settings)).collect();
    let id: chronoscope::timeline::DocId = "d1".into();
    group.bench_function("story claims+implied only", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&inputs)
                .map(|(d, x)| {
                    let text = per_document::DocumentText {
                        id: &id,
                        text: black_box(&d.text),
                        offsets: &x.offsets,
                        sentences: &x.sentences,
                        breaks: &d.breaks,
                        blocks: &x.blocks,
                    };
                    per_document::read(&text, &x.mentions, &x.events, x.reference).0.len()
                })
                .sum::<usize>()
        })
    });
    // ... and joining them: story events, then claims compared across sources.
    group.bench_function("story assemble only (merge + conflicts)", |b| {
        b.iter_batched(
            || timeline.clone(),
            |mut t| {
                chronoscope::story::assemble(black_box(&mut t));
                t.conflicts.len()
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
    let merged = timeline.stories.iter().filter(|s| s.events.len() > 1).count();
    let multi_source = timeline.stories.iter().filter(|s| s.documents.len() > 1).count();
    eprintln!(
        "story: {} events in {} story events; {merged} join several events, {multi_source} several documents",
        timeline.events.len(),
        timeline.stories.len()
    );
}

criterion_group!(benches, bench_extraction);
criterion_main!(benches);
