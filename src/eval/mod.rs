//! TempEval-3 style evaluation of the whole pipeline against TimeML gold: collects the gold
//! files, runs `pipeline::extract_document` on each in document-date mode, scores the mentions
//! (`score`, over `tokens`) and renders the report (`report`); `events` scores the dating of
//! events against the gold TLINKs instead (`run_events`).

pub mod events;
pub mod report;
pub mod score;
pub mod tokens;

pub use score::{score_document, Counts, DocScore, Entity, ErrorKind, Prf, ScoreError, TypeCounts, TYPES};

use crate::ingest;
use crate::pipeline::{self, Settings};
use crate::resolve;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Scores of a whole evaluation run.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalReport {
    /// Micro totals over all documents.
    pub overall: Counts,
    /// Totals per TIMEX3 type, in the order of [`TYPES`].
    pub by_type: [TypeCounts; 4],
    /// Sorted by name.
    pub documents: Vec<DocScore>,
    /// Files that could not be scored and other things the reader should know.
    pub notes: Vec<String>,
}

impl EvalReport {
    /// Builds a report from per-document scores (sorts them by name and sums the counts).
    pub fn from_documents(mut documents: Vec<DocScore>, notes: Vec<String>) -> Self {
        documents.sort_by(|a, b| a.name.cmp(&b.name));
        let mut overall = Counts::default();
        let mut by_type = [TypeCounts::default(); 4];
        for doc in &documents {
            overall.add(&doc.counts);
            for (total, counts) in by_type.iter_mut().zip(&doc.by_type) {
                total.add(counts);
            }
        }
        EvalReport { overall, by_type, documents, notes }
    }

    /// A readable table (overall first, then per document), and with `errors` every miss,
    /// spurious match, extent, type and value error.
    pub fn render(&self, errors: bool) -> String {
        report::render(self, errors)
    }
}

/// Evaluates the pipeline on every TimeML file in `gold_paths` (files, or directories searched
/// recursively for `.tml` / `.TE3input`).
pub fn run(gold_paths: &[PathBuf]) -> Result<EvalReport, String> {
    let (documents, notes) = score_each_file(gold_paths, evaluate_file)?;
    Ok(EvalReport::from_documents(documents, notes))
}

/// A score of each gold file under `gold_paths` (`score` gives it and an optional note), with
/// the notes and a note per file that could not be scored; `Err` when none could be.
fn score_each_file<T>(
    gold_paths: &[PathBuf],
    score: impl Fn(&Path, &str) -> Result<(T, Option<String>), String>,
) -> Result<(Vec<T>, Vec<String>), String> {
    let files = collect_files(gold_paths)?;
    let mut documents = Vec::new();
    let mut notes = Vec::new();
    for (path, name) in &files {
        match score(path, name) {
            Ok((scored, note)) => {
                documents.push(scored);
                notes.extend(note);
            }
            Err(message) => notes.push(format!("{name}: skipped: {message}")),
        }
    }
    if documents.is_empty() {
        return Err(format!("no document could be scored:\n  {}", notes.join("\n  ")));
    }
    Ok((documents, notes))
}

/// Scores one gold file; the second value is a note for the report, if any.
fn evaluate_file(path: &Path, name: &str) -> Result<(DocScore, Option<String>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let (doc, gold) = ingest::parse_timeml_gold(path, &bytes).map_err(|e| e.message)?;
    let (anchor, note) = document_anchor(&doc, name)?;
    let result = pipeline::extract_document(&doc, "d1", &Settings { anchor, dct: None });
    let gold: Vec<Entity> = gold.iter().map(Entity::from).collect();
    let system: Vec<Entity> = result.mentions.iter().map(Entity::from).collect();
    Ok((score_document(name, &doc.text, &gold, &system), note))
}

/// The date a gold document resolves against: its DCT, else a date its text gives (as
/// `extract` does), never today; with a note when it is not the DCT.
fn document_anchor(doc: &ingest::Document, name: &str) -> Result<(NaiveDate, Option<String>), String> {
    match doc.dct.as_deref().and_then(resolve::parse_dct) {
        Some(dct) => Ok((dct.date(), None)),
        None => match pipeline::infer_anchor(std::slice::from_ref(doc)) {
            Some((date, why)) => {
                Ok((date, Some(format!("{name}: no usable DCT ({:?}); resolved against {date} ({why})", doc.dct))))
            }
            None => Err(format!("no usable DCT ({:?}) and no date in the text to resolve against", doc.dct)),
        },
    }
}

/// Event-dating scores of a whole run (`run_events`).
#[derive(Debug, Clone, PartialEq)]
pub struct EventReport {
    pub overall: events::DatingScore,
    /// Sorted by name.
    pub documents: Vec<events::DatingScore>,
    pub notes: Vec<String>,
}

impl EventReport {
    pub fn render(&self, errors: bool) -> String {
        report::render_events(self, errors)
    }
}

/// Scores the dating of events on every TimeML file in `gold_paths` against their TLINKs.
pub fn run_events(gold_paths: &[PathBuf]) -> Result<EventReport, String> {
    let (mut documents, notes) = score_each_file(gold_paths, date_events_of_file)?;
    documents.sort_by(|a, b| a.name.cmp(&b.name));
    let mut overall = events::DatingScore { name: "overall".to_string(), ..Default::default() };
    for doc in &documents {
        overall.add(doc);
    }
    Ok(EventReport { overall, documents, notes })
}

fn date_events_of_file(path: &Path, name: &str) -> Result<(events::DatingScore, Option<String>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let (doc, parsed) = ingest::parse_timeml_annotated(path, &bytes).map_err(|e| e.message)?;
    let (anchor, note) = document_anchor(&doc, name)?;
    let gold = events::dated_sentences(&doc.text, &doc.breaks, &parsed);
    let result = pipeline::extract_document(&doc, "d1", &Settings { anchor, dct: None });
    let dct = doc.dct.as_deref().and_then(resolve::parse_dct).map(|d| d.date());
    Ok((events::score_events(name, &doc.text, &gold, &result.events, dct), note))
}

fn is_timeml_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| {
        let ext = ext.to_string_lossy().to_ascii_lowercase();
        ext == "tml" || ext == "te3input"
    })
}

/// Every gold file with the name it is reported under (relative to the directory it was found
/// in, or the file name for files given directly), sorted and without duplicates.
fn collect_files(gold_paths: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, String> {
    let mut files = Vec::new();
    for root in gold_paths {
        let metadata = std::fs::metadata(root).map_err(|e| format!("{}: {e}", root.display()))?;
        if metadata.is_dir() {
            let mut found = Vec::new();
            walk(root, &mut found).map_err(|e| format!("{}: {e}", root.display()))?;
            for path in found {
                let name = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
                files.push((path, name));
            }
        } else {
            let name =
                root.file_name().map_or_else(|| root.display().to_string(), |n| n.to_string_lossy().into_owned());
            files.push((root.clone(), name));
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);
    if files.is_empty() {
        let roots: Vec<String> = gold_paths.iter().map(|p| p.display().to_string()).collect();
        return Err(format!("no TimeML files (.tml, .TE3input) found in {}", roots.join(", ")));
    }
    Ok(files)
}

/// Recursively lists TimeML files under `dir` (symlinked directories are not followed).
fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if is_timeml_file(&path) {
            found.push(path);
        }
    }
    Ok(())
}
