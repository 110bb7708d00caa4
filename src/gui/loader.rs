//! Reading and extracting articles off the UI thread: one worker thread per job, reporting
//! progress (file name, count) over a channel so the window keeps drawing while fifty articles
//! load. A failed file is reported and skipped; the others still load.

use crate::ingest::{self, Document};
use crate::pipeline::{self, Settings};
use crate::timeline::Timeline;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// What one job does.
#[derive(Debug, Clone)]
pub struct Job {
    /// Files to read and add.
    pub new_paths: Vec<PathBuf>,
    /// Documents already loaded (publication dates applied), in project order.
    pub documents: Vec<Document>,
    pub settings: Settings,
    /// The timeline so far, whose edits the new one keeps.
    pub previous: Timeline,
    /// A timeline saved in a project: used as-is instead of extracting again.
    pub saved: Option<Timeline>,
    /// The user gave no anchor: infer one from the documents (`pipeline::infer_anchor`).
    pub infer_anchor: bool,
}

/// The result of a finished job.
#[derive(Debug)]
pub struct Outcome {
    /// Each new path with its document or the reason it could not be read, in request order.
    pub loaded: Vec<(PathBuf, Result<Document, String>)>,
    pub timeline: Timeline,
    /// The anchor inferred from the documents, and where it came from.
    pub inferred_anchor: Option<(NaiveDate, String)>,
}

/// Where a running job is.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// The file being read, or "extracting".
    pub step: String,
    pub done: usize,
    pub total: usize,
}

enum Message {
    Progress(Progress),
    Finished(Outcome),
}

/// Runs a job to the end on the current thread, calling `report` before each step.
pub fn run(job: Job, mut report: impl FnMut(Progress)) -> Outcome {
    let total = job.new_paths.len() + 1;
    let mut loaded = Vec::with_capacity(job.new_paths.len());
    for (done, path) in job.new_paths.iter().enumerate() {
        let name =
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
        report(Progress { step: format!("reading {name}"), done, total });
        loaded.push((path.clone(), ingest::load(path).map_err(|e| e.message)));
    }
    report(Progress { step: "extracting time phrases".to_string(), done: total - 1, total });
    let mut inferred_anchor = None;
    let timeline = match job.saved {
        Some(saved) => saved,
        None => {
            let mut documents = job.documents;
            documents.extend(loaded.iter().filter_map(|(_, doc)| doc.as_ref().ok().cloned()));
            let mut settings = job.settings;
            if job.infer_anchor {
                inferred_anchor = pipeline::infer_anchor(&documents);
                if let Some((anchor, _)) = &inferred_anchor {
                    settings.anchor = *anchor;
                }
            }
            pipeline::carry_edits(pipeline::build_timeline(&documents, &settings), &job.previous)
        }
    };
    Outcome { loaded, timeline, inferred_anchor }
}

/// The background worker: at most one job at a time.
#[derive(Default)]
pub struct Loader {
    receiver: Option<Receiver<Message>>,
    progress: Option<Progress>,
}

impl Loader {
    /// Starts `job` on a worker thread; `wake` is called after each message (to repaint the UI).
    /// Returns an error if the thread could not be started.
    pub fn start(&mut self, job: Job, wake: impl Fn() + Send + 'static) -> Result<(), String> {
        let (sender, receiver) = mpsc::channel();
        let total = job.new_paths.len() + 1;
        std::thread::Builder::new()
            .name("chronoscope-loader".into())
            .spawn(move || {
                let outcome = run(job, |p| {
                    let _ = sender.send(Message::Progress(p));
                    wake();
                });
                let _ = sender.send(Message::Finished(outcome));
                wake();
            })
            .map_err(|e| format!("could not start the loading thread: {e}"))?;
        self.receiver = Some(receiver);
        self.progress = Some(Progress { step: "starting".into(), done: 0, total });
        Ok(())
    }

    pub fn busy(&self) -> bool {
        self.receiver.is_some()
    }

    pub fn progress(&self) -> Option<&Progress> {
        self.progress.as_ref()
    }

    /// Takes the messages that arrived; returns the outcome when the job finished, or an error
    /// when the worker died without finishing.
    pub fn poll(&mut self) -> Option<Result<Outcome, String>> {
        let receiver = self.receiver.as_ref()?;
        loop {
            match receiver.try_recv() {
                Ok(Message::Progress(p)) => self.progress = Some(p),
                Ok(Message::Finished(outcome)) => {
                    self.receiver = None;
                    self.progress = None;
                    return Some(Ok(outcome));
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.receiver = None;
                    self.progress = None;
                    return Some(Err("the loading thread stopped unexpectedly".into()));
                }
            }
        }
    }
}
