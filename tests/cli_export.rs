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
    timeline.events[1] = edit::relabel(&timeline.events[1], "Corrected by the reporter").unwrap();
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
    assert_eq!(timeline.events[1].label, "Corrected by the reporter");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("2 edited or hidden by the user"), "{summary}");
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
