//! `--csv` and `--timelinejs` (issue #11), run through the real binary on the bundled examples:
//! each output is parsed back (the CSV with the `csv` crate, the TimelineJS JSON against the
//! field set Knight Lab documents) and the CSV is compared with a snapshot
//! (`UPDATE_SNAPSHOTS=1 cargo test --test cli_tables` after an intended change).

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn chronoscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronoscope")).args(args).current_dir(root()).output().unwrap()
}

const EXAMPLES: [&str; 3] = [
    "assets/examples/marrowby-courier-fire.txt",
    "assets/examples/valley-ledger-aftermath.md",
    "assets/examples/marrowby-courier-investigation.html",
];

fn extract_to(flag: &str) -> Vec<u8> {
    let mut args = vec!["extract"];
    args.extend(EXAMPLES);
    args.extend(["--anchor", "2023-06-13", flag, "-"]);
    let out = chronoscope(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn csv_reads_back_with_one_row_per_visible_event() {
    let bytes = extract_to("--csv");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, chronoscope::export::csv::COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let json: Value = serde_json::from_slice(&extract_to("--json")).unwrap();
    let events = json["events"].as_array().unwrap();
    assert_eq!(rows.len(), events.iter().filter(|e| e["hidden"] != true).count());
    // Sentences with commas and quotes read back whole, and rows are in time order.
    let sentence = rows.iter().map(|r| &r[5]).find(|s| s.contains(',')).expect("a sentence with a comma");
    assert!(events.iter().any(|e| e["sentence"]["text"] == sentence), "{sentence}");
    let starts: Vec<&str> = rows.iter().map(|r| r.get(0).unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "rows are in time order");
    let snapshot = root().join("tests/snapshots/examples_timeline.csv");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snapshot, &bytes).unwrap();
    }
    let want = std::fs::read(&snapshot).expect("snapshot exists; create it with UPDATE_SNAPSHOTS=1");
    assert!(want == bytes, "CSV differs from {}; if intended, rerun with UPDATE_SNAPSHOTS=1", snapshot.display());
}

/// The fields of a TimelineJS 3 slide and date, as Knight Lab's JSON format documents them.
const SLIDE_FIELDS: &[&str] =
    &["start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"];
const DATE_FIELDS: &[&str] = &["year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"];

fn check_date(date: &Value) {
    let fields = date.as_object().unwrap();
    assert!(fields.keys().all(|k| DATE_FIELDS.contains(&k.as_str())), "{date}");
    assert!(date["year"].is_i64(), "a date has a year: {date}");
    if let Some(month) = date.get("month") {
        assert!((1..=12).contains(&month.as_i64().unwrap()));
    }
    if let Some(day) = date.get("day") {
        assert!((1..=31).contains(&day.as_i64().unwrap()));
    }
}

#[test]
fn timelinejs_holds_only_documented_fields_and_one_slide_per_story_event() {
    let json: Value = serde_json::from_slice(&extract_to("--timelinejs")).unwrap();
    let top = json.as_object().unwrap();
    assert!(top.keys().all(|k| ["events", "title", "eras", "scale"].contains(&k.as_str())), "{:?}", top.keys());
    let slides = json["events"].as_array().unwrap();
    assert!(!slides.is_empty());
    for slide in slides {
        assert!(slide.as_object().unwrap().keys().all(|k| SLIDE_FIELDS.contains(&k.as_str())), "{slide}");
        check_date(&slide["start_date"]);
        if let Some(end) = slide.get("end_date") {
            check_date(end);
        }
        let headline = slide["text"]["headline"].as_str().unwrap();
        assert!(!headline.is_empty() && !headline.contains('<'), "{headline}");
        assert!(slide["text"]["text"].as_str().unwrap().starts_with("<p>"));
    }
    let ids: std::collections::BTreeSet<&str> = slides.iter().map(|s| s["unique_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), slides.len(), "one slide per story event");
    let timeline: Value = serde_json::from_slice(&extract_to("--json")).unwrap();
    let shared = timeline["stories"].as_array().unwrap().iter().find(|s| s["documents"].as_array().unwrap().len() >= 2);
    let shared = shared.expect("two outlets report one happening");
    let slide = slides.iter().find(|s| s["unique_id"] == shared["id"]).expect("the shared story event has a slide");
    assert_eq!(
        slide["text"]["text"].as_str().unwrap().matches("<p>").count(),
        shared["events"].as_array().unwrap().len()
    );
    assert!(slide.get("group").is_none(), "a slide several sources report belongs to no one source");
}

#[test]
fn two_outputs_cannot_both_go_to_stdout() {
    let out = chronoscope(&["extract", EXAMPLES[0], "--anchor", "2023-06-13", "--csv", "-", "--timelinejs", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--csv and --timelinejs both name stdout"));
}
