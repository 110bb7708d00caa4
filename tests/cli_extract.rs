//! End-to-end tests of `chronoscope extract` as a user runs it: a JSON snapshot of the bundled
//! examples, the JSON round trip, TimeML and PNG outputs, and clear errors on bad input.
//! Refresh the snapshot after an intended change with `UPDATE_SNAPSHOTS=1 cargo test --test cli_extract`.

use std::path::{Path, PathBuf};
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

#[test]
fn examples_json_matches_snapshot() {
    let mut args = vec!["extract"];
    args.extend(EXAMPLES);
    args.extend(["--anchor", "2023-06-13", "--json", "-"]);
    let out = chronoscope(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json = String::from_utf8(out.stdout).unwrap();
    let snapshot = root().join("tests/snapshots/examples_timeline.json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snapshot, &json).unwrap();
    }
    let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
    if json != expected {
        let first_difference = json.lines().zip(expected.lines()).position(|(a, b)| a != b);
        panic!(
            "extract output differs from {} (first differing line: {:?}); if intended, rerun with UPDATE_SNAPSHOTS=1",
            snapshot.display(),
            first_difference.map(|n| n + 1)
        );
    }
    // The summary on stderr names every document and its events.
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("anchor (day zero): Tue 13 Jun 2023"), "{summary}");
    assert_eq!(summary.matches(" time phrases, ").count(), 3, "{summary}");
    // Each document's block in input order, each event on a line of its own with its minute.
    let first_document = summary.find("marrowby-courier-fire.txt").unwrap();
    let second_document = summary.find("valley-ledger-aftermath.md").unwrap();
    let event_line = summary.find("\n  2023-06-13 14:40  The first emergency call was logged\n").unwrap();
    assert!(first_document < event_line && event_line < second_document, "{summary}");
}

/// The first `count` silver articles (by name), then the bundled examples; `None` (and a note)
/// in a clone without the shared corpora next to it, as the seed tests do.
fn silver_and_examples(count: usize) -> Option<Vec<PathBuf>> {
    let silver = root().join("../shared/corpora/silver");
    if !silver.is_dir() {
        eprintln!("skipped: ../shared/corpora/silver is not here (a user's clone); nothing to compare");
        return None;
    }
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(&silver).into_iter().flatten().flatten().map(|e| e.path()).collect();
    paths.sort();
    paths.truncate(count);
    paths.extend(EXAMPLES.iter().map(|p| root().join(p)));
    Some(paths)
}

/// `extract` on one thread and on four (documents, day zero and JSON are spread over threads):
/// the same JSON, tables and summary, byte for byte (issue #11: output must not depend on the
/// number of cores). Several hundred silver articles make arrays longer than one rendering batch.
#[test]
fn one_thread_and_four_threads_write_the_same_bytes() {
    let Some(paths) = silver_and_examples(300) else { return };
    let dir = tempfile::tempdir().unwrap();
    let run = |threads: &str| {
        let (json, csv) = (dir.path().join(format!("{threads}.json")), dir.path().join(format!("{threads}.csv")));
        let out = Command::new(env!("CARGO_BIN_EXE_chronoscope"))
            .arg("extract")
            .args(&paths)
            .arg("--json")
            .arg(&json)
            .arg("--csv")
            .arg(&csv)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let summary = String::from_utf8(out.stderr)
            .unwrap()
            .replace(&json.display().to_string(), "OUT.json")
            .replace(&csv.display().to_string(), "OUT.csv");
        (std::fs::read(json).unwrap(), std::fs::read(csv).unwrap(), summary)
    };
    let (one, four) = (run("1"), run("4"));
    assert!(one.0.len() > 1_000_000, "the run wrote a real timeline ({} bytes)", one.0.len());
    assert!(one.0 == four.0, "the JSON depends on the number of threads");
    assert!(one.1 == four.1, "the CSV depends on the number of threads");
    assert_eq!(one.2, four.2, "the summary depends on the number of threads");
}

/// Inferring day zero extracts the articles once and reuses that extraction (issue #11): the
/// timeline must be the one `--anchor` with the same day gives, but for `anchor_source`.
#[test]
fn an_inferred_day_zero_gives_the_timeline_the_same_day_given_gives() {
    let Some(paths) = silver_and_examples(300) else { return };
    let run = |anchor: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_chronoscope"));
        command.arg("extract").args(&paths).args(["--json", "-"]);
        if let Some(anchor) = anchor {
            command.args(["--anchor", anchor]);
        }
        let out = command.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mut json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let source = json.as_object_mut().unwrap().remove("anchor_source").unwrap();
        (json, source)
    };
    let (inferred, why) = run(None);
    assert_eq!(why["kind"], "inferred", "{why}");
    let day = inferred["anchor"].as_str().unwrap().to_string();
    let (given, _) = run(Some(&day));
    assert!(inferred["events"].as_array().unwrap().len() > 1000);
    assert!(inferred == given, "the timeline under the inferred day zero {day} differs from --anchor {day}");
}

/// `extract DIR` reads every article file under the folder, in path order, as if they were
/// listed one by one, and notes what it skipped; a folder without articles is an error (issue
/// #11, inputs).
#[test]
fn a_folder_reads_as_its_articles_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("story");
    std::fs::create_dir_all(folder.join("sub")).unwrap();
    let names = ["b-fire.txt", "a-aftermath.md", "sub/investigation.html"];
    for (from, to) in EXAMPLES.iter().zip(names) {
        std::fs::copy(root().join(from), folder.join(to)).unwrap();
    }
    std::fs::write(folder.join("photo.jpg"), b"\xff\xd8\xff\xe0 JFIF").unwrap();
    std::fs::write(folder.join(".notes.txt"), b"On Monday.").unwrap();
    let folder_arg = folder.display().to_string();
    let by_folder = chronoscope(&["extract", &folder_arg, "--anchor", "2023-06-13", "--json", "-"]);
    assert!(by_folder.status.success(), "{}", String::from_utf8_lossy(&by_folder.stderr));
    let stderr = String::from_utf8_lossy(&by_folder.stderr);
    assert!(stderr.contains("note: skipped 1 entry") && stderr.contains("photo.jpg"), "{stderr}");
    assert!(!stderr.contains(".notes.txt"), "hidden files are left out silently: {stderr}");
    let mut sorted: Vec<String> = names.iter().map(|n| folder.join(n).display().to_string()).collect();
    sorted.sort();
    let mut args: Vec<&str> = vec!["extract"];
    args.extend(sorted.iter().map(String::as_str));
    args.extend(["--anchor", "2023-06-13", "--json", "-"]);
    let by_files = chronoscope(&args);
    assert_eq!(String::from_utf8_lossy(&by_folder.stdout), String::from_utf8_lossy(&by_files.stdout));
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = chronoscope(&["extract", &empty.display().to_string(), "--anchor", "2023-06-13"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the folder is empty") && stderr.contains("no article file"), "{stderr}");
}

#[test]
fn json_round_trips_through_the_reader() {
    let out = chronoscope(&["extract", EXAMPLES[0], "--anchor", "2023-06-13", "--json", "-"]);
    let json = String::from_utf8(out.stdout).unwrap();
    let timeline = chronoscope::export::json::from_str(&json).unwrap();
    assert!(!timeline.events.is_empty() && !timeline.mentions.is_empty());
    assert_eq!(chronoscope::export::json::to_string(&timeline), json);
}

#[test]
fn reader_refuses_other_formats_and_versions_with_a_reason() {
    let err = chronoscope::export::json::from_str(r#"{"format": "other", "version": 1}"#).unwrap_err();
    assert!(err.contains("other"), "{err}");
    let err = chronoscope::export::json::from_str(r#"{"format": "chronoscope-timeline", "version": 9}"#).unwrap_err();
    assert!(err.contains("version 9"), "{err}");
    assert!(chronoscope::export::json::from_str("{not json").unwrap_err().contains("not valid JSON"));
}

/// Version 2 readers open version 1 files: the story fields read as empty.
#[test]
fn a_version_1_timeline_still_reads() {
    let v1 = r#"{"format": "chronoscope-timeline", "version": 1, "anchor": "2017-03-22",
        "documents": [], "mentions": [], "events": []}"#;
    let timeline = chronoscope::export::json::from_str(v1).unwrap();
    assert!(timeline.stories.is_empty() && timeline.anchor_source.is_none());
}

#[test]
fn writes_timeml_and_png_files() {
    let dir = tempfile::tempdir().unwrap();
    let timeml = dir.path().join("tml");
    let png = dir.path().join("timeline.png");
    let out = chronoscope(&[
        "extract",
        EXAMPLES[0],
        "--anchor",
        "2023-06-13",
        "--timeml",
        timeml.to_str().unwrap(),
        "--png",
        png.to_str().unwrap(),
        "--png-size",
        "800x450",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let xml = std::fs::read_to_string(timeml.join("marrowby-courier-fire.tml")).unwrap();
    assert!(xml.contains("<TIMEX3 tid=\"t1\""), "{xml}");
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    // Width and height sit at bytes 16..24 of the IHDR chunk.
    assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 800);
    assert_eq!(u32::from_be_bytes(bytes[20..24].try_into().unwrap()), 450);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn bad_files_are_reported_and_the_rest_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let binary = write(dir.path(), "photo.txt", &[0x89, b'P', b'N', b'G', 0, 0, 1, 2, 3, 0, 0, 0]);
    let empty = write(dir.path(), "empty.txt", b"   \n");
    let out = chronoscope(&["extract", &binary, &empty, EXAMPLES[0], "--anchor", "2023-06-13", "--json", "-"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("photo.txt") && stderr.contains("binary"), "{stderr}");
    assert!(stderr.contains("empty.txt") && stderr.contains("empty"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("chronoscope-timeline"));
}

/// Regression: without --anchor and with no date in the text, extract must not fall back to
/// today's date silently.
#[test]
fn no_anchor_and_no_dates_is_an_error_not_today() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "undated.txt", b"The council met on Thursday and voted two days later.");
    let out = chronoscope(&["extract", &article, "--json", "-"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--anchor"), "{stderr}");
}

/// Regression: `extract --dct D` without --anchor, on an article naming no date, was refused
/// although the publication date it was given can stand as day zero.
#[test]
fn a_given_publication_date_stands_as_day_zero_when_the_text_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "undated.txt", b"The council met on Thursday and voted two days later.");
    let out = chronoscope(&["extract", &article, "--dct", "2010-06-16", "--json", "-"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("no --anchor given; using 2010-06-16 (the publication date given with --dct"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["anchor"], "2010-06-16");
    assert_eq!(json["anchor_source"]["kind"], "inferred");
}

#[test]
fn missing_anchor_falls_back_to_a_named_date_from_the_text() {
    let out = chronoscope(&["extract", EXAMPLES[0], "--json", "-"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("no --anchor given; using 2023-06-13"), "{stderr}");
}

#[test]
fn invalid_dates_are_clear_errors() {
    let out = chronoscope(&["extract", EXAMPLES[0], "--anchor", "22/03/2017"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = chronoscope(&["extract", EXAMPLES[0], "--anchor", "2023-06-13", "--dct", "soon"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--dct"));
}

/// `--jsonl` (issue #11): one line per article that loads, in the order given, each line that
/// article's own timeline exactly as `--json` writes it for the article alone; a bad file is
/// said and skipped; the lines do not depend on the number of threads.
#[test]
fn jsonl_writes_each_articles_own_timeline_on_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let binary = write(dir.path(), "photo.txt", &[0x89, b'P', b'N', b'G', 0, 0, 1, 2, 3, 0, 0, 0]);
    let lines_path = dir.path().join("lines.jsonl");
    let run = |threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_chronoscope"))
            .current_dir(root())
            .args(["extract", EXAMPLES[0], &binary, EXAMPLES[1], EXAMPLES[2], "--anchor", "2023-06-13", "--jsonl"])
            .arg(&lines_path)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("photo.txt") && stderr.contains("3 articles"), "{stderr}");
        std::fs::read_to_string(&lines_path).unwrap()
    };
    let lines = run("1");
    assert_eq!(lines, run("4"), "the lines depend on the number of threads");
    assert_eq!(lines.lines().count(), 3, "{lines}");
    for (line, article) in lines.lines().zip(EXAMPLES) {
        let alone = chronoscope(&["extract", article, "--anchor", "2023-06-13", "--json", "-"]);
        let expected: serde_json::Value = serde_json::from_slice(&alone.stdout).unwrap();
        let found: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(found == expected, "the line of {article} is not its --json timeline");
        assert!(chronoscope::export::json::from_str(line).is_ok(), "the timeline reader reads every line");
    }
}

/// `--jsonl` is checked like every output (never an input) and goes alone.
#[test]
fn jsonl_is_refused_over_an_input_and_beside_other_outputs() {
    let over = chronoscope(&["extract", EXAMPLES[0], "--anchor", "2023-06-13", "--jsonl", EXAMPLES[0]]);
    assert_eq!(over.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&over.stderr).contains("would destroy the input"));
    let both = chronoscope(&["extract", EXAMPLES[0], "--jsonl", "-", "--json", "-"]);
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("cannot be used with"));
}

/// Regression: `extract --help` listed the readers of an older build (no .pdf, no .eml).
#[test]
fn extract_help_names_every_type_it_reads() {
    let out = chronoscope(&["extract", "--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for kind in chronoscope::ingest::READ_TYPES.split(", ") {
        assert!(help.contains(kind), "extract --help does not name {kind}:\n{help}");
    }
}
