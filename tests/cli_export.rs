//! End-to-end tests of `chronoscope export PROJECT`: a project saved with the user's corrections
//! is written as JSON, PNG and TimeML by the real binary, without a window, and a project whose
//! articles moved or changed gets clear messages instead of wrong output.

use chrono::NaiveDate;
use chronoscope::export::json;
use chronoscope::pipeline::{self, Settings};
use chronoscope::session::edit;
use chronoscope::session::project_file::{self, hash_hex, ProjectData, ProjectDocument};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXAMPLES: [&str; 3] =
    ["marrowby-courier-fire.txt", "valley-ledger-aftermath.md", "marrowby-courier-investigation.html"];

/// The label the user gives one event of the saved project: far longer than the ten words a
/// story event prefers, so only the user's choice can make it the story event's.
const RENAMED: &str = "Corrected by the reporter: investigators from the state fire marshal's office reached the ruins on Thursday morning after a call with the county fire service";

fn chronoscope(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronoscope")).args(args).output().unwrap()
}

/// The examples copied into `dir`, extracted, with one event moved and another renamed, saved as
/// a project there. Returns the project path and its data.
fn corrected_project(dir: &Path) -> (PathBuf, ProjectData) {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    let paths: Vec<PathBuf> = EXAMPLES
        .iter()
        .map(|name| {
            let copy = dir.join(name);
            std::fs::copy(examples.join(name), &copy).unwrap();
            copy
        })
        .collect();
    let docs: Vec<_> = paths.iter().map(|p| chronoscope::ingest::load(p).unwrap()).collect();
    let anchor = NaiveDate::from_ymd_opt(2023, 6, 13).unwrap();
    let mut timeline = pipeline::build_timeline(&docs, &Settings { anchor, dct: None });
    timeline.events[0] = edit::retime(&timeline.events[0], 3).unwrap();
    // The renamed event is one of a happening several outlets report, so the story event, its
    // TimelineJS slide and its report entry all show the new label; the story is regrouped
    // after the edits, as the window does.
    let renamed = (1..timeline.events.len())
        .find(|&i| {
            let story = timeline.events[i].story.as_ref();
            timeline.stories.iter().any(|s| Some(&s.id) == story && s.documents.len() >= 2)
        })
        .expect("an event of a story event several outlets report");
    timeline.events[renamed] = edit::relabel(&timeline.events[renamed], RENAMED).unwrap();
    chronoscope::story::assemble(&mut timeline);
    let documents = paths
        .iter()
        .zip(&docs)
        .zip(&timeline.documents)
        .map(|((path, doc), info)| ProjectDocument {
            id: Some(info.id.clone()),
            path: path.clone(),
            content_hash: Some(hash_hex(pipeline::content_hash(&doc.text))),
            published: None,
        })
        .collect();
    let data = ProjectData { anchor, documents, timeline };
    let project = dir.join("story.chronoscope.json");
    project_file::save(&project, &data).unwrap();
    (project, data)
}

#[test]
fn export_writes_the_users_corrections_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let (project, data) = corrected_project(dir.path());
    let out_path = dir.path().join("out.json");
    let out = chronoscope(&["export".as_ref(), project.as_os_str(), "--json".as_ref(), out_path.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(written, json::to_string(&data.timeline), "exactly the saved timeline, edits included");
    let timeline = json::from_str(&written).unwrap();
    assert!(timeline.events[0].edited && timeline.events[0].original.is_some());
    assert!(timeline.events.iter().any(|e| e.label == RENAMED && e.original_label.is_some()));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("2 edited or hidden by the user"), "{summary}");
}

/// The spreadsheet, TimelineJS and report exports of a saved project carry the user's
/// corrections: the renamed event's row, its story event's slide and its report entry. The
/// rename keeps the event in the story event several outlets report.
#[test]
fn export_writes_the_users_corrections_as_csv_timelinejs_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let (project, data) = corrected_project(dir.path());
    let (csv, slides, report) = (dir.path().join("t.csv"), dir.path().join("t.json"), dir.path().join("t.md"));
    let out = chronoscope(&[
        "export".as_ref(),
        project.as_os_str(),
        "--csv".as_ref(),
        csv.as_os_str(),
        "--timelinejs".as_ref(),
        slides.as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let renamed = data.timeline.events.iter().find(|e| e.label == RENAMED).unwrap();
    let story = renamed.story.as_deref().unwrap();
    let shared = data.timeline.stories.iter().find(|s| s.id == story).unwrap();
    assert!(shared.documents.len() >= 2, "a rename does not move the event out of its story event: {shared:?}");
    let mut rows = csv::Reader::from_path(&csv).unwrap();
    let headers = rows.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name} column"));
    let (label, edited, sentence) = (column("label"), column("edited"), column("sentence"));
    let row = rows
        .records()
        .map(Result::unwrap)
        .find(|r| &r[label] == RENAMED)
        .expect("the renamed event has its row under its new label");
    assert_eq!(&row[edited], "true");
    assert_eq!(&row[sentence], renamed.sentence.text.trim());
    let timelinejs: serde_json::Value = serde_json::from_slice(&std::fs::read(&slides).unwrap()).unwrap();
    let slide = timelinejs["events"].as_array().unwrap().iter().find(|s| s["unique_id"] == story).unwrap();
    assert_eq!(slide["text"]["headline"], RENAMED, "the story event shows the user's label");
    let markdown = std::fs::read_to_string(&report).unwrap();
    assert!(markdown.contains(RENAMED), "{markdown}");
}

#[test]
fn export_draws_a_png_and_an_svg_and_writes_timeml_for_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = corrected_project(dir.path());
    let png = dir.path().join("timeline.png");
    let svg = dir.path().join("timeline.svg");
    let tml = dir.path().join("tml");
    let out = chronoscope(&[
        "export".as_ref(),
        project.as_os_str(),
        "--png".as_ref(),
        png.as_os_str(),
        "--svg".as_ref(),
        svg.as_os_str(),
        "--png-size".as_ref(),
        "800x600".as_ref(),
        "--timeml".as_ref(),
        tml.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 800);
    let vectors = std::fs::read_to_string(&svg).unwrap();
    assert!(vectors.contains("width=\"800\" height=\"600\""), "{}", &vectors[..300.min(vectors.len())]);
    assert!(vectors.contains(">Anchor: "), "the drawing's text is text: {vectors}");
    for name in EXAMPLES {
        let stem = Path::new(name).file_stem().unwrap().to_string_lossy().into_owned();
        let xml = std::fs::read_to_string(tml.join(format!("{stem}.tml"))).unwrap();
        assert!(xml.contains("<TIMEX3 tid=\"t1\""), "{stem}: {xml}");
    }
}

/// A file that changed since the save no longer holds the saved phrases at their offsets: its
/// TimeML is refused with a message saying why, and the other articles are still written.
#[test]
fn export_refuses_timeml_for_an_article_that_changed_since_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let (project, data) = corrected_project(dir.path());
    let changed = &data.documents[0].path;
    let text = std::fs::read_to_string(changed).unwrap();
    std::fs::write(changed, format!("Update.\n{text}")).unwrap();
    std::fs::remove_file(&data.documents[1].path).unwrap();
    let tml = dir.path().join("tml");
    let out = chronoscope(&["export".as_ref(), project.as_os_str(), "--timeml".as_ref(), tml.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("changed since the project was saved"), "{stderr}");
    assert!(stderr.contains("valley-ledger-aftermath.md") && stderr.contains("locate it"), "{stderr}");
    assert!(tml.join("marrowby-courier-investigation.tml").exists(), "the unchanged article is written");
    assert!(!tml.join("marrowby-courier-fire.tml").exists());
}

#[test]
fn export_needs_an_output_and_a_readable_project() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = corrected_project(dir.path());
    let out = chronoscope(&["export".as_ref(), project.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to write"));
    let timeline_json = dir.path().join("timeline.json");
    std::fs::write(&timeline_json, "{\"format\": \"chronoscope-timeline\", \"version\": 1}").unwrap();
    let out_path = dir.path().join("out.json");
    let out = chronoscope(&["export".as_ref(), timeline_json.as_os_str(), "--json".as_ref(), out_path.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("exported timeline, not a project"));
    assert!(!out_path.exists());
}

/// Regression guard: an export must never overwrite the project or one of its articles.
#[test]
fn export_never_writes_over_the_project_or_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (project, data) = corrected_project(dir.path());
    let saved = std::fs::read(&project).unwrap();
    let out = chronoscope(&["export".as_ref(), project.as_os_str(), "--json".as_ref(), project.as_os_str()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&project).unwrap(), saved);
    let article = data.documents[0].path.as_os_str();
    let out = chronoscope(&["export".as_ref(), project.as_os_str(), "--png".as_ref(), article]);
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_to_string(&data.documents[0].path).unwrap().len() > 100, "the article is intact");
}
