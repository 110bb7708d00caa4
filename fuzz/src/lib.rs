//! What the fuzz targets check. Each function takes the raw input of one libFuzzer run, drives one
//! part of Chronoscope with it and panics (a finding) when the program panics or breaks one of the
//! invariants below; an input the program refuses with an error is a normal outcome.
//!
//! - `ingest`: a loaded document has visible text, a text file no `\r`, and gold TIMEX3 offsets
//!   (TimeML) point at the gold text.
//! - `pipeline`: mention and event offsets lie in the text and quote it, ids are unique, events
//!   refer to their document's mentions, and the timeline survives a JSON round trip.
//! - `project_file` and `timeline_json`: whatever is read can be written, and reading what was
//!   written gives the same file again.

use chrono::NaiveDate;
use chronoscope::export::json;
use chronoscope::ingest::{self, Document};
use chronoscope::pipeline::{self, Settings};
use chronoscope::session::project_file;
use chronoscope::timeline::Timeline;
use std::collections::HashSet;
use std::path::PathBuf;

/// The story anchor used when the input itself gives none (the bundled examples' day zero).
fn default_anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 13).unwrap_or(NaiveDate::MIN)
}

/// `ingest::from_bytes` on `data` as a file with extension `ext`; TimeML also through the gold reader.
pub fn ingest(ext: &str, data: &[u8]) {
    let path = PathBuf::from(format!("fuzz.{ext}"));
    if let Ok(doc) = ingest::from_bytes(&path, data) {
        check_document(&doc);
        // Decoding turns every line ending into `\n`; only the markup readers can give a `\r`
        // back, from a character reference such as `&#13;` (which XML keeps as a carriage return).
        if ext == "txt" {
            assert!(!doc.text.contains('\r'), "a loaded text file still holds \\r");
        }
    }
    if ext == "tml" {
        if let Ok((doc, gold)) = ingest::parse_timeml_gold(&path, data) {
            check_document(&doc);
            let chars: Vec<char> = doc.text.chars().collect();
            for g in &gold {
                assert!(
                    g.start <= g.end && g.end <= chars.len(),
                    "gold {} at {}..{} outside the text",
                    g.tid,
                    g.start,
                    g.end
                );
                let quoted: String = chars[g.start..g.end].iter().collect();
                assert_eq!(quoted, g.text, "gold {} does not quote the text at its offsets", g.tid);
            }
        }
    }
}

fn check_document(doc: &Document) {
    assert!(!doc.text.trim().is_empty(), "a loaded document has no visible text");
}

/// The pipeline on `data` as plain text. With `with_dct`, the first line is the publication date
/// given to `Settings::dct` (as leniently as a TimeML file's DCT is read) and the anchor is its
/// day when it parses; without, the text runs against the fixed anchor and, as `extract` without
/// `--anchor` does, against the anchor `pipeline::infer_anchor` finds in it.
pub fn pipeline(data: &[u8], with_dct: bool) {
    let input = String::from_utf8_lossy(data);
    if with_dct {
        let (dct, text) = input.split_once('\n').unwrap_or((&input, ""));
        let anchor = chronoscope::resolve::parse_dct(dct).map(|d| d.date()).unwrap_or_else(default_anchor);
        let docs = [Document::plain_text("fuzz.txt", text)];
        check_timeline(&docs, &Settings { anchor, dct: Some(dct.to_string()) });
    } else {
        let docs = [Document::plain_text("fuzz.txt", input.as_ref())];
        check_timeline(&docs, &Settings { anchor: default_anchor(), dct: None });
        if let Some((anchor, _why)) = pipeline::infer_anchor(&docs) {
            if anchor != default_anchor() {
                check_timeline(&docs, &Settings { anchor, dct: None });
            }
        }
    }
}

fn check_timeline(docs: &[Document], settings: &Settings) {
    let timeline = pipeline::build_timeline(docs, settings);
    let chars: Vec<char> = docs[0].text.chars().collect();
    let quote = |start: usize, end: usize| -> String { chars[start..end].iter().collect() };
    let mut mention_ids = HashSet::new();
    for m in &timeline.mentions {
        assert!(m.start < m.end && m.end <= chars.len(), "mention {} at {}..{} outside the text", m.id, m.start, m.end);
        assert_eq!(quote(m.start, m.end), m.text, "mention {} does not quote the text", m.id);
        assert!(mention_ids.insert(m.id.as_str()), "two mentions share the id {}", m.id);
        if let Some(interval) = &m.interval {
            assert!(interval.start <= interval.end, "mention {} ends before it starts", m.id);
        }
    }
    let mut event_ids = HashSet::new();
    for e in &timeline.events {
        let s = &e.sentence;
        assert!(
            s.start < s.end && s.end <= chars.len(),
            "event {} sentence {}..{} outside the text",
            e.id,
            s.start,
            s.end
        );
        assert_eq!(quote(s.start, s.end).as_str(), &*s.text, "event {} does not quote its sentence", e.id);
        assert!(event_ids.insert(e.id.as_str()), "two events share the id {}", e.id);
        assert!(e.start <= e.end, "event {} ends before it starts", e.id);
        // An implied event (a birth from "Piotr Nowak, 62") may have no time mention; it quotes
        // the phrase that implies it instead. An event placed by context has none either; it
        // says why it sits where it does.
        let placed_by_context = e.placement != chronoscope::timeline::PlacementKind::Phrase;
        assert_eq!(placed_by_context, e.placement_explanation.is_some(), "event {} placement unexplained", e.id);
        match &e.implied {
            None if placed_by_context => assert!(e.mentions.is_empty(), "context event {} has a mention", e.id),
            None => assert!(!e.mentions.is_empty(), "event {} was placed by no mention", e.id),
            Some(why) => {
                assert!(
                    why.start < why.end && why.end <= chars.len(),
                    "implied event {} phrase outside the text",
                    e.id
                );
                assert_eq!(quote(why.start, why.end), why.phrase, "implied event {} does not quote its phrase", e.id);
            }
        }
        for id in &e.mentions {
            assert!(mention_ids.contains(id.as_str()), "event {} refers to an unknown mention {id}", e.id);
        }
    }
    let written =
        json::try_to_string(&timeline).unwrap_or_else(|e| panic!("an extracted timeline cannot be written: {e}"));
    let read =
        json::from_str(&written).unwrap_or_else(|e| panic!("an extracted timeline, written, cannot be read back: {e}"));
    assert_timelines_match(&timeline, &read);
}

/// The same timeline, whatever the order of mentions and events (the writer sorts them).
fn assert_timelines_match(a: &Timeline, b: &Timeline) {
    assert_eq!(a.anchor, b.anchor, "anchor changed in a round trip");
    assert_eq!(a.documents, b.documents, "documents changed in a round trip");
    let sorted = |t: &Timeline| {
        let mut mentions: Vec<String> = t.mentions.iter().map(|m| format!("{m:?}")).collect();
        let mut events: Vec<String> = t.events.iter().map(|e| format!("{e:?}")).collect();
        mentions.sort();
        events.sort();
        (mentions, events)
    };
    assert_eq!(sorted(a), sorted(b), "mentions or events changed in a round trip");
}

/// Reads `data` as a project file; a project that opens must save, and the saved file must open
/// to the same project.
pub fn project_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(project) = project_file::from_str(text) else { return };
    let written =
        project_file::to_string(&project).unwrap_or_else(|e| panic!("a project that opened cannot be saved: {e}"));
    let reread = project_file::from_str(&written).unwrap_or_else(|e| panic!("a saved project does not open: {e}"));
    assert_eq!(reread.anchor, project.anchor, "anchor changed in a save and reopen");
    assert_eq!(reread.documents, project.documents, "documents changed in a save and reopen");
    assert_timelines_match(&project.timeline, &reread.timeline);
}

/// Reads `data` as a timeline JSON file; a timeline that reads must write, and read back the same.
pub fn timeline_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(timeline) = json::from_str(text) else { return };
    let written =
        json::try_to_string(&timeline).unwrap_or_else(|e| panic!("a timeline that was read cannot be written: {e}"));
    let reread = json::from_str(&written).unwrap_or_else(|e| panic!("a written timeline cannot be read back: {e}"));
    assert_timelines_match(&timeline, &reread);
}

/// Reads `data` as a part-of-speech model (`pos::Model::from_bytes`): a model that reads must
/// check itself and tag without a panic, whatever its arrays hold, and write back its bytes.
pub fn pos_model(data: &[u8]) {
    let Ok(model) = chronoscope::pos::Model::from_bytes(data) else { return };
    let _ = model.is_well_formed();
    let features: Vec<u64> =
        data.chunks_exact(8).take(64).map(|c| c.iter().fold(0u64, |n, &b| (n << 8) | u64::from(b))).collect();
    let _ = model.predict(&features);
    let _ = chronoscope::pos::tag(&model, &["The", "armed", "men", "fled", "the", "city", "."]);
    assert_eq!(model.to_bytes(), data, "a model writes back the bytes it was read from");
}
