//! The extraction pipeline for a set of documents: sentences → tagger → resolver → events, and the
//! merge that keeps a user's edits when a timeline is extracted again (new anchor, new files).

use crate::events;
use crate::ingest::Document;
use crate::resolve::{self, ReferenceMode};
use crate::tagger;
use crate::text::offsets::CharOffsets;
use crate::text::sentences;
use crate::timeline::{DocumentInfo, Event, Mention, Timeline};
use chrono::NaiveDate;

/// What the user chose for a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The story's day zero.
    pub anchor: NaiveDate,
    /// Publication time forced for every document (`--dct`), overriding what the files say.
    pub dct: Option<String>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct DocumentResult {
    pub info: DocumentInfo,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
}

/// Runs the whole pipeline on one document; `doc_id` becomes the prefix of every id.
pub fn extract_document(doc: &Document, doc_id: &str, settings: &Settings) -> DocumentResult {
    let offsets = CharOffsets::new(&doc.text);
    let sentence_spans = sentences::split(&doc.text);
    let tokens = tagger::Tokens::new(&doc.text);
    let raw = tagger::tag_tokens(&tokens);
    let mut warnings = doc.warnings.clone();
    let dct = settings.dct.clone().or_else(|| doc.dct.clone());
    let mode = match &dct {
        Some(value) => match resolve::parse_dct(value) {
            Some(dct) => ReferenceMode::DocumentDate { dct, anchor: settings.anchor },
            None => {
                warnings.push(format!(
                    "publication date {value:?} is not a date; resolving against the story anchor {}",
                    settings.anchor
                ));
                ReferenceMode::Story { anchor: settings.anchor }
            }
        },
        None => ReferenceMode::Story { anchor: settings.anchor },
    };
    let mentions = resolve::resolve_document(doc_id, &tokens, &offsets, &sentence_spans, &raw, &mode);
    let events = events::extract(doc_id, &doc.text, &offsets, &sentence_spans, &mentions);
    let info = DocumentInfo {
        id: doc_id.to_string(),
        path: doc.path.display().to_string(),
        title: doc.title.clone(),
        dct,
        chars: offsets.len_chars(),
        warnings,
    };
    DocumentResult { info, mentions, events }
}

/// Extracts every document (ids `d1`, `d2`, ... in the given order) into one timeline.
pub fn build_timeline(docs: &[Document], settings: &Settings) -> Timeline {
    let mut timeline = Timeline::empty(settings.anchor);
    for (index, doc) in docs.iter().enumerate() {
        let result = extract_document(doc, &format!("d{}", index + 1), settings);
        timeline.documents.push(result.info);
        timeline.mentions.extend(result.mentions);
        timeline.events.extend(result.events);
    }
    timeline
}

/// Carries the user's edits (moved, renamed or hidden events) from `previous` into a freshly
/// extracted `fresh` timeline. Events are matched by document path and source sentence span, so
/// edits survive anchor changes and re-extraction; an edited event whose sentence no longer yields
/// an event is kept as it was.
pub fn carry_edits(mut fresh: Timeline, previous: &Timeline) -> Timeline {
    let path_of = |timeline: &Timeline, doc: &str| timeline.document(doc).map(|d| d.path.clone()).unwrap_or_default();
    for old in previous.events.iter().filter(|e| e.edited || e.hidden) {
        let old_path = path_of(previous, &old.doc);
        let matching = fresh.events.iter().position(|e| {
            e.sentence.start == old.sentence.start
                && e.sentence.end == old.sentence.end
                && e.mentions.len() == old.mentions.len()
                && path_of(&fresh, &e.doc) == old_path
                && !e.edited
        });
        match matching {
            Some(index) => {
                let doc = fresh.events[index].doc.clone();
                let id = fresh.events[index].id.clone();
                let mentions = fresh.events[index].mentions.clone();
                let extracted = fresh.events[index].placement();
                let extracted_label = fresh.events[index].label.clone();
                let event = &mut fresh.events[index];
                *event = Event { id, doc, mentions, ..old.clone() };
                if event.edited && event.original.is_some() {
                    event.original = Some(extracted);
                }
                if event.original_label.is_some() {
                    event.original_label = Some(extracted_label);
                }
            }
            None => {
                if let Some(doc) = fresh.documents.iter().find(|d| d.path == old_path) {
                    let mut kept = old.clone();
                    kept.doc = doc.id.clone();
                    fresh.events.push(kept);
                }
            }
        }
    }
    fresh.events.sort_by(|a, b| {
        (a.doc.len(), &a.doc, a.sentence.start, &a.id).cmp(&(b.doc.len(), &b.doc, b.sentence.start, &b.id))
    });
    fresh
}

/// A story anchor for when the user gave none: the first document's publication date, else the
/// first full calendar date written in the texts. Returns the date and where it came from.
pub fn infer_anchor(docs: &[Document]) -> Option<(NaiveDate, String)> {
    for doc in docs {
        if let Some(dct) = doc.dct.as_deref().and_then(resolve::parse_dct) {
            return Some((dct.date(), format!("publication date of {}", doc.path.display())));
        }
    }
    for doc in docs {
        for raw in tagger::tag(&doc.text) {
            if let crate::tagger::sem::Sem::Calendar { year: Some(y), month: Some(m), day: Some(d) } = raw.sem {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    let phrase = &doc.text[raw.start..raw.end];
                    return Some((date, format!("first date written in {}: \"{phrase}\"", doc.path.display())));
                }
            }
        }
    }
    None
}
