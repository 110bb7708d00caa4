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
use std::collections::HashMap;

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
/// edits survive anchor changes and re-extraction. Only what the user changed is carried: a hidden
/// or renamed event that was never moved takes the fresh placement (so it follows a new anchor),
/// and a moved event keeps the fresh extraction as its `original`. An edited event whose sentence
/// no longer yields an event is kept as it was.
pub fn carry_edits(mut fresh: Timeline, previous: &Timeline) -> Timeline {
    // Document id -> path, made once per timeline (matching runs for every edited event).
    let paths = |timeline: &Timeline| -> HashMap<String, String> {
        timeline.documents.iter().map(|d| (d.id.clone(), d.path.clone())).collect()
    };
    let (old_paths, fresh_paths) = (paths(previous), paths(&fresh));
    let no_path = String::new();
    for old in previous.events.iter().filter(|e| e.edited || e.hidden) {
        let old_path = old_paths.get(&old.doc).unwrap_or(&no_path);
        let matching = fresh.events.iter().position(|e| {
            e.sentence.start == old.sentence.start
                && e.sentence.end == old.sentence.end
                && e.mentions.len() == old.mentions.len()
                && fresh_paths.get(&e.doc).unwrap_or(&no_path) == old_path
                && !e.edited
                && !e.hidden
        });
        match matching {
            Some(index) => {
                let event = &mut fresh.events[index];
                if old.original.is_some() {
                    let extracted = event.placement();
                    event.start = old.start;
                    event.end = old.end;
                    event.granularity = old.granularity;
                    event.original = Some(extracted);
                }
                if old.original_label.is_some() {
                    let extracted = std::mem::replace(&mut event.label, old.label.clone());
                    event.original_label = Some(extracted);
                }
                event.hidden = old.hidden;
                event.edited = old.edited;
            }
            None => {
                if let Some(doc) = fresh.documents.iter().find(|d| &d.path == old_path) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::SourceFormat;
    use std::path::PathBuf;

    fn story() -> Vec<Document> {
        vec![Document {
            path: PathBuf::from("story.txt"),
            title: "story".into(),
            text: "The bridge closed on Thursday. Crews worked on Friday. The mayor spoke on Saturday.".into(),
            dct: None,
            format: SourceFormat::Text,
            warnings: Vec::new(),
        }]
    }

    fn settings(anchor: (i32, u32, u32)) -> Settings {
        Settings { anchor: NaiveDate::from_ymd_opt(anchor.0, anchor.1, anchor.2).unwrap(), dct: None }
    }

    /// Regression: a hidden or renamed (never moved) event kept the old anchor's dates after an
    /// anchor change, because carry_edits copied it whole.
    #[test]
    fn hidden_or_renamed_events_follow_a_new_anchor() {
        let mut before = build_timeline(&story(), &settings((2017, 3, 22)));
        before.events[0].hidden = true;
        before.events[1].original_label = Some(before.events[1].label.clone());
        before.events[1].label = "Night shift".into();
        before.events[1].edited = true;
        let after = carry_edits(build_timeline(&story(), &settings((2024, 2, 20))), &before);
        let fresh = build_timeline(&story(), &settings((2024, 2, 20)));
        assert!(after.events[0].hidden);
        assert_eq!(after.events[0].start, fresh.events[0].start);
        assert_eq!(after.events[1].label, "Night shift");
        assert_eq!(after.events[1].start, fresh.events[1].start);
        assert_eq!(after.events[1].original_label.as_deref(), Some(fresh.events[1].label.as_str()));
    }

    #[test]
    fn moved_events_keep_their_time_and_remember_the_new_extraction() {
        let mut before = build_timeline(&story(), &settings((2017, 3, 22)));
        let moved = before.events[2].start + chrono::Duration::days(3);
        before.events[2].original = Some(before.events[2].placement());
        before.events[2].start = moved;
        before.events[2].end = moved + chrono::Duration::days(1);
        before.events[2].edited = true;
        let after = carry_edits(build_timeline(&story(), &settings((2024, 2, 20))), &before);
        let fresh = build_timeline(&story(), &settings((2024, 2, 20)));
        assert_eq!(after.events[2].start, moved);
        assert_eq!(after.events[2].original, Some(fresh.events[2].placement()));
        assert_eq!(after.events.len(), fresh.events.len());
    }
}
