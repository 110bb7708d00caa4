//! `chronoscope extract ARTICLE...`: the main headless job. Checks every argument and output
//! path first (no output may overwrite an input), then reads the articles, resolves every time
//! phrase, prints a per-document summary to stderr and writes JSON / TimeML / PNG. Printing never
//! aborts the job; the exit code says whether every input loaded and every output was written.

use chronoscope::export::{atomic::write_atomic, json, targets, timeml};
use chronoscope::ingest::{self, Document};
use chronoscope::pipeline::{self, Reusable, Settings};
use chronoscope::timeline::{AnchorSource, DocumentInfo, Mention, Timeline};
use clap::Args;
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ExtractArgs {
    /// Article files (.txt, .md, .html, .tml, .docx, .pdf, .eml), or folders of them: every article file under a
    /// folder is read, in path order, and the others are listed as skipped.
    #[arg(required = true)]
    articles: Vec<PathBuf>,
    /// The story's day zero, YYYY-MM-DD. Without it: the first publication date, else the first
    /// full date in the texts (and the summary says which).
    #[arg(long, value_parser = super::parse_date)]
    anchor: Option<chrono::NaiveDate>,
    /// Publication date of every article, YYYY-MM-DD or YYYY-MM-DDTHH:MM (overrides dates found
    /// in TimeML files).
    #[arg(long, value_parser = super::parse_dct)]
    dct: Option<String>,
    /// Write the timeline JSON here (`-` for stdout).
    #[arg(long, value_name = "OUT|-")]
    json: Option<String>,
    /// Write one TimeML file per article into this directory.
    #[arg(long, value_name = "DIR")]
    timeml: Option<PathBuf>,
    #[command(flatten)]
    images: super::images::ImageArgs,
    #[command(flatten)]
    tables: super::tables::TableArgs,
    /// Write one line per article here (`-` for stdout): that article's own timeline, in the
    /// `--json` format on one line, in the order given; written batch by batch, for corpora and
    /// pipelines. Day zero is `--anchor`, else inferred from each article alone. Not with the
    /// other outputs.
    #[arg(long, value_name = "OUT|-", conflicts_with_all = ["json", "timeml", "png", "svg", "csv", "timelinejs", "report"])]
    jsonl: Option<String>,
}

/// Day zero from a `--dct` value when the articles give none (regression: `extract --dct D`
/// without `--anchor` on articles with no date of their own was refused).
fn dct_anchor(dct: Option<&str>) -> Option<(chrono::NaiveDate, String)> {
    let day = dct.and_then(chronoscope::resolve::parse_dct)?.date();
    Some((day, "the publication date given with --dct; the articles name no date of their own".to_string()))
}

/// Day zero from the texts (else from `--dct`), why, and what inferring it extracted, for
/// the timeline to reuse (not with `--dct`, which the inference does not apply). `observer`
/// is told of each document extracted.
pub(super) fn infer_day_zero(
    sources: &[(&str, &Document)],
    dct: Option<&str>,
    observer: pipeline::Observer<'_>,
) -> Option<(chrono::NaiveDate, String, Option<Reusable>)> {
    match pipeline::infer_anchor_keeping(sources, observer) {
        Some((day, why, reusable)) => Some((day, why, Some(reusable).filter(|_| dct.is_none()))),
        None => dct_anchor(dct).map(|(day, why)| (day, why, None)),
    }
}

/// `infer_day_zero` for a whole run. With `release` (nothing will read the texts but the
/// extraction), inferring lets go of each text once it is read (not under `--dct`, which
/// extracts every document again); `pipeline::build_timeline_reading_again` then reads again
/// the ones extracted again.
fn infer_for_run(
    ids: &[String],
    docs: &mut [Document],
    dct: Option<&str>,
    release: bool,
    observer: pipeline::Observer<'_>,
) -> Option<(chrono::NaiveDate, String, Option<Reusable>)> {
    if release && dct.is_none() {
        let (day, why, reusable) = pipeline::infer_anchor_releasing_texts(ids, docs, observer)?;
        return Some((day, why, Some(reusable)));
    }
    infer_day_zero(&sources(ids, docs), dct, observer)
}

/// Each document beside its id.
fn sources<'a>(ids: &'a [String], docs: &'a [Document]) -> Vec<(&'a str, &'a Document)> {
    ids.iter().map(String::as_str).zip(docs).collect()
}

pub fn run(args: &ExtractArgs) -> i32 {
    let outputs = targets::Outputs {
        json: args.json.as_deref().map(Path::new),
        png: args.images.png.as_deref(),
        svg: args.images.svg.as_deref(),
        timeml_dir: args.timeml.as_deref(),
        csv: args.tables.csv.as_deref().map(Path::new),
        timelinejs: args.tables.timelinejs.as_deref().map(Path::new),
        report: args.tables.report.as_deref().map(Path::new),
        jsonl: args.jsonl.as_deref().map(Path::new),
    };
    let Some(articles) = expand_folders(&args.articles) else { return 2 };
    if let Err(message) = targets::check(&articles, &outputs) {
        say!("chronoscope extract: {message}");
        return 2;
    }
    if let Err(message) = args.tables.report_format() {
        say!("chronoscope extract: {message}");
        return 2;
    }
    if let Some(target) = &args.jsonl {
        let settings = super::jsonl::LineSettings { anchor: args.anchor, dct: args.dct.clone() };
        return super::jsonl::run(&articles, &settings, target);
    }
    let bar = super::progress::Bar::new(articles.len());
    bar.stage("reading", articles.len());
    let (mut docs, failed) = load_all(&articles, &bar);
    if docs.is_empty() {
        bar.finish();
        say!("chronoscope extract: no article could be read");
        return 2;
    }
    let ids = pipeline::document_ids(&docs);
    bar.stage("extracting", docs.len());
    let tick = || bar.tick();
    // Without TimeML every output is written from the timeline alone (events keep their
    // sentences): each text is let go as soon as its document is extracted.
    let release = args.timeml.is_none();
    let (anchor, source, extracted) = match args.anchor {
        Some(anchor) => (anchor, AnchorSource::given("--anchor"), None),
        None => match infer_for_run(&ids, &mut docs, args.dct.as_deref(), release, &tick) {
            Some((anchor, why, extracted)) => {
                bar.suspend(|| say!("note: no --anchor given; using {anchor} ({why})"));
                (anchor, AnchorSource::inferred(why), extracted)
            }
            None => {
                bar.finish();
                say!("chronoscope extract: no --anchor given and no date found in the articles to use instead");
                say!("give the story's day zero: --anchor YYYY-MM-DD");
                return 2;
            }
        },
    };
    let settings = Settings { anchor, dct: args.dct.clone() };
    let extraction = match extracted {
        Some(reusable) if release && args.dct.is_none() => {
            if let Reusable::Documents(results) = &reusable {
                // The first extraction's timeline is gone: its freed room goes back to the
                // system before the documents the day zero placed something in are read and
                // extracted again.
                super::allocator::return_freed_memory();
                bar.stage("extracting again", results.iter().filter(|r| r.is_none()).count());
            }
            match pipeline::build_timeline_reading_again(&ids, &docs, &settings, reusable, &tick) {
                Ok(timeline) => Err(timeline),
                Err(message) => {
                    bar.finish();
                    say!("chronoscope extract: {message}");
                    return 2;
                }
            }
        }
        Some(reusable) => {
            bar.whole("story");
            Err(pipeline::build_timeline_reusing(&sources(&ids, &docs), &settings, reusable))
        }
        None if release => Ok(pipeline::extract_all_releasing_texts(&ids, &mut docs, &settings, &tick)),
        None => Ok(pipeline::extract_all_observed(&sources(&ids, &docs), &settings, &tick)),
    };
    if args.timeml.is_none() {
        // The texts inferring day zero kept (or all of them): their room goes to the story
        // layer.
        docs.iter_mut().for_each(|doc| doc.text = String::new());
    }
    let mut timeline = match extraction {
        Ok(results) => {
            bar.whole("story");
            pipeline::join(results, settings.anchor)
        }
        Err(joined) => joined,
    };
    bar.finish();
    timeline.anchor_source = Some(source);
    print_summary(&timeline);

    let mut write_failed = false;
    if let Some(target) = &args.json {
        write_failed |= !write_json(target, &timeline);
    }
    write_failed |= !args.tables.write(&timeline);
    if let Some(dir) = &args.timeml {
        let pairs: Vec<_> = docs.iter().zip(&timeline.documents).collect();
        write_failed |= !write_timeml(dir, &pairs, &timeline);
    }
    write_failed |= !args.images.write(&timeline);
    // The process ends here: handing back every string of a large timeline one by one only
    // delays the exit (a tenth of the run's serial time on 20 MB of news).
    std::mem::forget(timeline);
    std::mem::forget(docs);
    i32::from(write_failed || failed > 0)
}

/// The article files the inputs name (folders expanded), after a note on what the folders held
/// besides articles; `None` (reported) when there is none.
fn expand_folders(inputs: &[PathBuf]) -> Option<Vec<PathBuf>> {
    let expanded = ingest::folder::expand(inputs);
    if let Some(line) = ingest::folder::skipped_summary(&expanded.skipped, 5) {
        say!("note: {line}");
    }
    if expanded.files.is_empty() {
        say!("chronoscope extract: no article file ({}) in the folders given", ingest::READ_TYPES);
        return None;
    }
    Some(expanded.files)
}

/// Loads every article, a tick of `bar` each; the ones that fail are reported and counted.
fn load_all(paths: &[PathBuf], bar: &super::progress::Bar) -> (Vec<Document>, usize) {
    use rayon::prelude::*;
    // Read and decoded on every core; reported in the order given.
    let results: Vec<_> = paths
        .par_iter()
        .map(|path| {
            let loaded = ingest::load(path);
            bar.tick();
            loaded
        })
        .collect();
    let mut failed = 0;
    let mut docs = Vec::with_capacity(paths.len());
    for result in results {
        match result {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                bar.suspend(|| say!("error: {e}"));
                failed += 1;
            }
        }
    }
    (docs, failed)
}

/// Streams the JSON to stdout (`-`) or through the safe writer into `target`.
pub(super) fn write_json(target: &str, timeline: &Timeline) -> bool {
    if target == "-" {
        let stdout = std::io::stdout();
        match json::to_writer(timeline, BufWriter::new(stdout.lock())) {
            Ok(()) => true,
            Err(e) => {
                say!("error: writing JSON to stdout: {e}");
                false
            }
        }
    } else {
        match json::write_file(Path::new(target), timeline) {
            Ok(()) => {
                say!("wrote {target}");
                true
            }
            Err(e) => {
                say!("error: writing {target}: {e}");
                false
            }
        }
    }
}

/// Writes one `<stem>.tml` per document of `docs` (each with its timeline record) into `dir`.
pub(super) fn write_timeml(dir: &Path, docs: &[(&Document, &DocumentInfo)], timeline: &Timeline) -> bool {
    if let Err(e) = std::fs::create_dir_all(dir) {
        say!("error: creating {}: {e}", dir.display());
        return false;
    }
    let mut by_doc: HashMap<&str, Vec<&Mention>> = HashMap::new();
    for mention in &timeline.mentions {
        by_doc.entry(&*mention.doc).or_default().push(mention);
    }
    let mut ok = true;
    for &(doc, info) in docs {
        let mentions = by_doc.get(info.id.as_str()).map_or(&[][..], Vec::as_slice);
        let name = timeml::output_name(&doc.path).unwrap_or_else(|| PathBuf::from(format!("{}.tml", info.id)));
        let target = dir.join(name);
        let text = timeml::render(doc, mentions.iter().copied(), info.dct.as_deref());
        if text.replaced > 0 {
            say!(
                "warning: {}: {} control characters XML cannot hold are written as U+FFFD in {} (offsets unchanged)",
                doc.path.display(),
                text.replaced,
                target.display()
            );
        }
        match write_atomic(&target, text.xml.as_bytes()) {
            Ok(()) => say!("wrote {}", target.display()),
            Err(e) => {
                say!("error: writing {}: {e}", target.display());
                ok = false;
            }
        }
    }
    ok
}

/// The per-document summary on stderr, buffered; a failing stderr loses it, nothing more.
fn print_summary(timeline: &Timeline) {
    use rayon::prelude::*;
    // A document's mentions and events lie next to each other: a pass over the runs, not a
    // lookup per item.
    let mut mentions_per_doc: HashMap<&str, usize> = HashMap::new();
    for run in timeline.mentions.chunk_by(|a, b| a.doc == b.doc) {
        *mentions_per_doc.entry(&*run[0].doc).or_default() += run.len();
    }
    let mut events_per_doc: HashMap<&str, Vec<&chronoscope::timeline::Event>> = HashMap::new();
    for run in timeline.events.chunk_by(|a, b| a.doc == b.doc) {
        events_per_doc.entry(&*run[0].doc).or_default().extend(run);
    }
    // The lines are written on every core, a slice of a document's events at a time (a line per
    // event: tens of thousands on a large corpus, and a few documents may hold most of them),
    // then printed in order.
    let minute: Vec<chrono::format::Item<'static>> = chrono::format::StrftimeItems::new("%Y-%m-%d %H:%M").collect();
    let mut pieces: Vec<(&DocumentInfo, Option<&[&chronoscope::timeline::Event]>)> = Vec::new();
    for doc in &timeline.documents {
        let events = events_per_doc.get(doc.id.as_str()).map_or(&[][..], Vec::as_slice);
        pieces.push((doc, None));
        pieces.extend(events.chunks(EVENT_LINES_PER_TASK).map(|slice| (doc, Some(slice))));
    }
    let blocks: Vec<String> = pieces
        .par_iter()
        .map(|&(doc, slice)| match slice {
            None => {
                let mentions = mentions_per_doc.get(doc.id.as_str()).copied().unwrap_or(0);
                let events = events_per_doc.get(doc.id.as_str()).map_or(0, Vec::len);
                document_heading(doc, mentions, events, timeline.anchor)
            }
            Some(events) => event_lines(events, &minute),
        })
        .collect();
    let mut err = BufWriter::new(std::io::stderr().lock());
    let _ = writeln!(err, "anchor (day zero): {}", chronoscope::resolve::day_name(timeline.anchor));
    for block in blocks {
        let _ = err.write_all(block.as_bytes());
    }
    let _ = err.flush();
}

/// Event lines of the summary written by one task.
const EVENT_LINES_PER_TASK: usize = 2048;

/// A document's line in the summary (counts, publication date) and its warnings.
fn document_heading(doc: &DocumentInfo, mentions: usize, events: usize, anchor: chrono::NaiveDate) -> String {
    use std::fmt::Write as _;
    let reference = match &doc.dct {
        Some(dct) => format!("publication date {dct}"),
        None => format!("no publication date: relative phrases resolve against the anchor {anchor}"),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {} time phrases, {} events, {} warnings ({reference})",
        doc.id,
        doc.path,
        mentions,
        events,
        doc.warnings.len()
    );
    for warning in &doc.warnings {
        let _ = writeln!(out, "  warning: {warning}");
    }
    out
}

/// A summary line per event: its start to the minute and its label.
fn event_lines(events: &[&chronoscope::timeline::Event], minute: &[chrono::format::Item<'static>]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(events.len() * 80);
    for event in events {
        let _ = writeln!(out, "  {}  {}", event.start.format_with_items(minute.iter()), event.label);
    }
    out
}
