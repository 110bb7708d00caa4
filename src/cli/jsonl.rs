//! `chronoscope extract --jsonl OUT`: one line per article, each that article's own timeline
//! (the `--json` format, compact), in the order given. Articles are read and extracted in
//! batches on every core and written as each batch ends, so memory holds one batch, not the
//! corpus, and a line depends only on its article (and `--anchor`/`--dct`): shards of a corpus
//! run anywhere give lines that concatenate into the run of the whole.

use super::extract::infer_day_zero;
use chronoscope::export::{atomic, json};
use chronoscope::ingest;
use chronoscope::pipeline::{self, Settings};
use chronoscope::timeline::AnchorSource;
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Articles per thread in one batch: enough to even out long and short articles.
const ARTICLES_PER_THREAD: usize = 16;

/// What the user asked for, shared by every line.
pub struct LineSettings {
    pub anchor: Option<chrono::NaiveDate>,
    pub dct: Option<String>,
}

/// What was written, for the closing summary and the exit code.
#[derive(Default)]
struct Tally {
    articles: usize,
    events: usize,
    failed: usize,
}

/// One article's line, or why it has none.
struct Line {
    json: Vec<u8>,
    events: usize,
}

/// Writes the lines of `paths` to `target` (`-`: stdout); the exit code of `extract`.
pub fn run(paths: &[PathBuf], settings: &LineSettings, target: &str) -> i32 {
    let mut tally = Tally::default();
    let written = if target == "-" {
        write_lines(paths, settings, &mut BufWriter::new(io::stdout().lock()), &mut tally)
    } else {
        atomic::write_atomic_with(Path::new(target), |out| write_lines(paths, settings, out, &mut tally))
    };
    let ok = match written {
        Ok(()) => {
            say!("{} articles, {} events, one line each", tally.articles, tally.events);
            if target != "-" {
                say!("wrote {target}");
            }
            true
        }
        Err(e) => {
            say!("error: writing {target}: {e}");
            false
        }
    };
    i32::from(!ok || tally.failed > 0)
}

/// Extracts `paths` batch by batch on every core, writing each batch's lines in order.
fn write_lines(paths: &[PathBuf], settings: &LineSettings, out: &mut dyn Write, tally: &mut Tally) -> io::Result<()> {
    let batch = ARTICLES_PER_THREAD * rayon::current_num_threads().max(1);
    let bar = super::progress::Bar::new(paths.len());
    bar.stage("extracting", paths.len());
    for articles in paths.chunks(batch) {
        let lines: Vec<Result<Line, String>> = articles
            .par_iter()
            .map(|path| {
                let line = line_of(path, settings);
                bar.tick();
                line
            })
            .collect();
        for line in lines {
            match line {
                Ok(line) => {
                    out.write_all(&line.json)?;
                    out.write_all(b"\n")?;
                    tally.articles += 1;
                    tally.events += line.events;
                }
                Err(message) => {
                    bar.suspend(|| say!("error: {message}"));
                    tally.failed += 1;
                }
            }
        }
    }
    bar.finish();
    out.flush()
}

/// The line of the article at `path`: its timeline, its day zero given or inferred from it alone.
fn line_of(path: &Path, settings: &LineSettings) -> Result<Line, String> {
    let doc = ingest::load(path).map_err(|e| e.to_string())?;
    let ids = pipeline::document_ids(std::slice::from_ref(&doc));
    let sources = [(ids[0].as_str(), &doc)];
    let dct = settings.dct.clone();
    let timeline = match settings.anchor {
        Some(anchor) => {
            let mut timeline = pipeline::build_timeline_of(&sources, &Settings { anchor, dct });
            timeline.anchor_source = Some(AnchorSource::given("--anchor"));
            timeline
        }
        None => {
            let (anchor, why, extracted) = infer_day_zero(&sources, dct.as_deref(), &|| {}).ok_or_else(|| {
                format!("{}: no --anchor given and no date in the article to use instead", path.display())
            })?;
            let settings = Settings { anchor, dct };
            let mut timeline = match extracted {
                Some(reusable) => pipeline::build_timeline_reusing(&sources, &settings, reusable),
                None => pipeline::build_timeline_of(&sources, &settings),
            };
            timeline.anchor_source = Some(AnchorSource::inferred(why));
            timeline
        }
    };
    let json = json::to_line(&timeline).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Line { json, events: timeline.events.len() })
}
