//! Reading and extracting articles off the UI thread: one worker thread per job, reporting
//! progress (file name, count) over a channel so the window keeps drawing while fifty articles
//! load. A failed file is reported and skipped; the others still load. A job returns a fresh
//! extraction; the caller merges it into the timeline as it is *when the job ends*
//! (`session::merge`), so edits made while the job ran are kept.

use crate::ingest::{self, Document};
use crate::pipeline::{self, Settings};
use crate::timeline::Timeline;
use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Why a job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Read new article files and extract everything.
    AddFiles,
    /// Extract everything again (anchor or a publication date changed, a file was located).
    Reextract,
    /// Read the files of a saved project; its saved timeline is kept as it is.
    OpenProject,
}

/// A file to read, and the id its document gets (`None`: derive one from its text).
#[derive(Debug, Clone)]
pub struct FileToRead {
    pub path: PathBuf,
    pub id: Option<String>,
}

/// What one job does.
#[derive(Debug, Clone)]
pub struct Job {
    pub kind: JobKind,
    pub files: Vec<FileToRead>,
    /// Documents already loaded (publication dates applied) with their ids, in project order.
    pub sources: Vec<(String, Document)>,
    pub settings: Settings,
    /// The user gave no anchor: infer one from the documents (`pipeline::infer_anchor`).
    pub infer_anchor: bool,
}

/// A file the job read (or could not read), with the id its document was given.
#[derive(Debug)]
pub struct Loaded {
    pub path: PathBuf,
    pub id: String,
    pub result: Result<Document, String>,
}

/// What anchor inference found, when it was asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum AnchorFound {
    NotAsked,
    Inferred(NaiveDate, String),
    /// No date in the articles: extraction used the stand-in anchor it was given.
    Nothing,
}

/// The result of a finished job.
#[derive(Debug)]
pub struct Outcome {
    pub kind: JobKind,
    /// Each file with its document or the reason it could not be read, in request order.
    pub loaded: Vec<Loaded>,
    /// The fresh extraction (`None` for `OpenProject`, which keeps the saved timeline).
    pub timeline: Option<Timeline>,
    pub anchor: AnchorFound,
}

/// The stages of a job, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Files are read (counted in files).
    Reading,
    /// Time phrases are found and resolved (counted in documents).
    Extracting,
    /// The documents' events become one story (not counted).
    Joining,
}

/// Where a running job is: its stage, what it does, and how far the stage has come.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub stage: Stage,
    /// The files being read, or what is being done.
    pub step: String,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Whether `self` is further on than `other` (reports from several threads can arrive out
    /// of order).
    fn is_after(&self, other: &Progress) -> bool {
        (self.stage, self.done) >= (other.stage, other.done)
    }
}

/// What the worker sends the UI thread.
pub enum Message {
    Progress(Progress),
    Finished(Box<Outcome>),
}

/// Files read at once, on every core, between two progress reports.
const FILES_PER_REPORT: usize = 32;

/// Reads `files` (a batch at a time on every core), giving each document its id, in the order
/// given: the one asked for, else one derived from its text that no other document has.
fn read_files(files: &[FileToRead], taken: &mut HashSet<String>, report: &mut impl FnMut(Progress)) -> Vec<Loaded> {
    use rayon::prelude::*;
    let total = files.len();
    let mut loaded = Vec::with_capacity(files.len());
    for batch in files.chunks(FILES_PER_REPORT) {
        let name = |file: &FileToRead| {
            file.path.file_name().map_or_else(|| file.path.display().to_string(), |n| n.to_string_lossy().into_owned())
        };
        let step = match batch {
            [one] => format!("reading {}", name(one)),
            [first, ..] => format!("reading {} and {} more", name(first), batch.len() - 1),
            [] => continue,
        };
        report(Progress { stage: Stage::Reading, step, done: loaded.len(), total });
        let results: Vec<_> = batch.par_iter().map(|file| ingest::load(&file.path).map_err(|e| e.message)).collect();
        for (file, result) in batch.iter().zip(results) {
            let id = match (&file.id, &result) {
                (Some(id), _) => id.clone(),
                (None, Ok(doc)) => pipeline::unique_id(pipeline::document_id(&doc.text), |c| taken.contains(c)),
                (None, Err(_)) => String::new(),
            };
            taken.insert(id.clone());
            loaded.push(Loaded { path: file.path.clone(), id, result });
        }
    }
    loaded
}

/// Reports of documents extracted per job: often enough for a smooth bar, rarely enough not to
/// flood the window with messages.
const EXTRACTION_REPORTS: usize = 100;

/// Runs a job to the end on the current thread, calling `report` as each stage starts and as
/// it goes (from the extracting threads too).
pub fn run(job: Job, report: &(dyn Fn(Progress) + Sync)) -> Outcome {
    let mut taken: HashSet<String> = job.sources.iter().map(|(id, _)| id.clone()).collect();
    let loaded = read_files(&job.files, &mut taken, &mut |p| report(p));
    if job.kind == JobKind::OpenProject {
        return Outcome { kind: job.kind, loaded, timeline: None, anchor: AnchorFound::NotAsked };
    }
    let mut sources = job.sources;
    sources.extend(loaded.iter().filter_map(|l| Some((l.id.clone(), l.result.as_ref().ok()?.clone()))));
    let refs: Vec<(&str, &Document)> = sources.iter().map(|(id, doc)| (id.as_str(), doc)).collect();
    let total = refs.len();
    let extracting = |done| Progress { stage: Stage::Extracting, step: "extracting time phrases".into(), done, total };
    report(extracting(0));
    let extracted = std::sync::atomic::AtomicUsize::new(0);
    let every = (total / EXTRACTION_REPORTS).max(1);
    let tick = || {
        let done = extracted.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if done.is_multiple_of(every) || done == total {
            report(extracting(done));
        }
    };
    let joining = || Progress { stage: Stage::Joining, step: "joining the story".into(), done: 0, total: 1 };
    let mut settings = job.settings;
    let mut anchor = AnchorFound::NotAsked;
    let mut reusable = None;
    if job.infer_anchor {
        anchor = match pipeline::infer_anchor_keeping(&refs, &tick) {
            Some((date, why, extracted)) => {
                settings.anchor = date;
                // Inferring extracted the articles already; reused unless a forced date applies.
                reusable = settings.dct.is_none().then_some(extracted);
                AnchorFound::Inferred(date, why)
            }
            None => AnchorFound::Nothing,
        };
    }
    let timeline = match reusable {
        Some(extracted) => {
            report(joining());
            pipeline::build_timeline_reusing(&refs, &settings, extracted)
        }
        None => {
            let results = pipeline::extract_all_observed(&refs, &settings, &tick);
            report(joining());
            pipeline::join(results, settings.anchor)
        }
    };
    Outcome { kind: job.kind, loaded, timeline: Some(timeline), anchor }
}

/// The background worker's state: idle, or running one job of a kind, with its progress.
#[derive(Default)]
pub enum Loader {
    #[default]
    Idle,
    Running {
        kind: JobKind,
        receiver: Receiver<Message>,
        progress: Progress,
    },
}

impl Loader {
    /// Starts `job` on a worker thread; `wake` is called after each message (to repaint the UI).
    /// Returns an error if the thread could not be started.
    pub fn start(&mut self, job: Job, wake: impl Fn() + Send + Sync + 'static) -> Result<(), String> {
        let (sender, receiver) = mpsc::channel();
        let total = job.files.len();
        let kind = job.kind;
        std::thread::Builder::new()
            .name("chronoscope-loader".into())
            .spawn(move || {
                let outcome = run(job, &|p| {
                    let _ = sender.send(Message::Progress(p));
                    wake();
                });
                let _ = sender.send(Message::Finished(Box::new(outcome)));
                wake();
            })
            .map_err(|e| format!("could not start the loading thread: {e}"))?;
        let starting = Progress { stage: Stage::Reading, step: "starting".into(), done: 0, total };
        *self = Loader::Running { kind, receiver, progress: starting };
        Ok(())
    }

    pub fn busy(&self) -> bool {
        matches!(self, Loader::Running { .. })
    }

    pub fn progress(&self) -> Option<&Progress> {
        match self {
            Loader::Running { progress, .. } => Some(progress),
            Loader::Idle => None,
        }
    }

    /// Takes the messages that arrived; returns the outcome when the job finished, or an error
    /// when the worker died without finishing.
    pub fn poll(&mut self) -> Option<Result<Outcome, String>> {
        let Loader::Running { receiver, progress, .. } = self else { return None };
        loop {
            match receiver.try_recv() {
                Ok(Message::Progress(p)) if p.is_after(progress) => *progress = p,
                Ok(Message::Progress(_)) => {}
                Ok(Message::Finished(outcome)) => {
                    *self = Loader::Idle;
                    return Some(Ok(*outcome));
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    *self = Loader::Idle;
                    return Some(Err("the loading thread stopped unexpectedly".into()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (issue #11, window defects): the bar read "2452/2452" while every article was
    /// still being extracted. Each stage now reports its own count, in order, up to its total.
    #[test]
    fn a_job_reports_reading_then_extracting_then_joining() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<FileToRead> = (0..5)
            .map(|i| {
                let path = dir.path().join(format!("{i}.txt"));
                std::fs::write(&path, format!("The mill burned on Monday, {} June 2023.", i + 1)).unwrap();
                FileToRead { path, id: None }
            })
            .collect();
        let anchor = chrono::NaiveDate::from_ymd_opt(2023, 6, 1).unwrap();
        let job = Job {
            kind: JobKind::AddFiles,
            files,
            sources: Vec::new(),
            settings: pipeline::Settings { anchor, dct: None },
            infer_anchor: false,
        };
        let reports = std::sync::Mutex::new(Vec::new());
        let outcome = run(job, &|p| reports.lock().unwrap().push(p));
        assert_eq!(outcome.timeline.map(|t| t.documents.len()), Some(5));
        let mut reports = reports.into_inner().unwrap();
        let stages: Vec<Stage> = reports.iter().map(|p| p.stage).collect();
        assert!(stages.windows(2).all(|w| w[0] <= w[1]), "{stages:?}");
        assert_eq!(stages.last(), Some(&Stage::Joining));
        reports.retain(|p| p.stage == Stage::Extracting);
        let counts: Vec<(usize, usize)> = reports.iter().map(|p| (p.done, p.total)).collect();
        assert_eq!(counts.first(), Some(&(0, 5)), "extracting starts from none");
        assert!(counts.contains(&(5, 5)), "and ends at every document: {counts:?}");
    }

    /// Files are read in batches on every core: the results keep the order given, and copies of
    /// one text still get ids of their own, across batch boundaries too.
    #[test]
    fn files_read_in_batches_keep_their_order_and_unique_ids() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<FileToRead> = (0..FILES_PER_REPORT * 2 + 3)
            .map(|i| {
                let path = dir.path().join(format!("{i:03}.txt"));
                std::fs::write(&path, if i % 2 == 0 { "The mill burned on Monday." } else { "Rain fell on Tuesday." })
                    .unwrap();
                FileToRead { path, id: None }
            })
            .collect();
        let mut steps = Vec::new();
        let loaded = read_files(&files, &mut HashSet::new(), &mut |p: Progress| steps.push(p.done));
        let paths: Vec<_> = loaded.iter().map(|l| l.path.clone()).collect();
        assert_eq!(paths, files.iter().map(|f| f.path.clone()).collect::<Vec<_>>());
        let ids: HashSet<_> = loaded.iter().map(|l| l.id.clone()).collect();
        assert_eq!(ids.len(), files.len(), "every copy has an id of its own");
        assert_eq!(steps, [0, FILES_PER_REPORT, FILES_PER_REPORT * 2], "one report per batch");
    }
}
