//! End-to-end check of the bundled example articles in `assets/examples/` against their gold file
//! `assets/examples/expected.json`: runs the real `chronoscope extract` binary with the story
//! anchor and `--json -`, and checks every expected phrase (span, TIMEX3 type, value, mod), that
//! the events of dated phrases land on their `event_day`, and that the traps are not tagged.
//! The newcomer command in README.md runs exactly these files, so this test keeps it honest.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join("examples")
}

fn expected() -> Value {
    let path = examples_dir().join("expected.json");
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

fn anchor(gold: &Value) -> String {
    gold["anchor"].as_str().expect("expected.json has an \"anchor\" string").to_string()
}

/// The gold entry of one file.
fn gold_document<'a>(gold: &'a Value, file: &str) -> &'a Value {
    gold["documents"]
        .as_array()
        .expect("expected.json has a \"documents\" array")
        .iter()
        .find(|d| d["file"] == file)
        .unwrap_or_else(|| panic!("expected.json has no entry for {file}"))
}

fn files_with_extension(ext: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(examples_dir())
        .expect("assets/examples is readable")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(ext))
        .collect();
    files.sort();
    files
}

/// Code point slice `[start, end)` of `text`.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

/// Code point offsets of every occurrence of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let len = needle.chars().count();
    text.match_indices(needle)
        .map(|(byte, _)| {
            let start = text[..byte].chars().count();
            (start, start + len)
        })
        .collect()
}

/// Runs `chronoscope extract FILE --anchor ANCHOR --json -` and parses what it writes to stdout.
fn extract(file: &str, anchor: &str) -> Value {
    let path = examples_dir().join(file);
    let output = Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .arg("extract")
        .arg(&path)
        .args(["--anchor", anchor, "--json", "-"])
        .output()
        .expect("the chronoscope binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "chronoscope extract {} --anchor {anchor} --json - failed ({})\nstderr:\n{stderr}",
        path.display(),
        output.status
    );
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!("chronoscope extract {file} did not write JSON to stdout: {e}\nstdout:\n{stdout}\nstderr:\n{stderr}")
    });
    assert_eq!(json["format"], "chronoscope-timeline", "wrong format name for {file}");
    assert_eq!(json["version"], chronoscope::export::json::FORMAT_VERSION, "wrong format version for {file}");
    assert_eq!(json["anchor"], anchor, "anchor not echoed for {file}");
    json
}

fn mentions(json: &Value) -> &[Value] {
    json["mentions"].as_array().map(Vec::as_slice).unwrap_or(&[])
}

fn events(json: &Value) -> &[Value] {
    json["events"].as_array().map(Vec::as_slice).unwrap_or(&[])
}

fn usize_field(v: &Value, key: &str) -> Option<usize> {
    v[key].as_u64().and_then(|n| usize::try_from(n).ok())
}

/// Checks type, value and mod of one found mention against its gold entry.
fn check_annotation(label: &str, want: &Value, got: &Value, failures: &mut Vec<String>) {
    for key in ["type", "value"] {
        if got[key] != want[key] {
            failures.push(format!("{label}: {key} is {}, expected {}", got[key], want[key]));
        }
    }
    if want.get("mod").is_some() && got["mod"] != want["mod"] {
        failures.push(format!("{label}: mod is {}, expected {}", got["mod"], want["mod"]));
    }
}

/// Checks that the events placed by mention `id` exist and all start on `want["event_day"]`.
fn check_event_day(label: &str, want: &Value, id: &Value, json: &Value, failures: &mut Vec<String>) {
    let Some(day) = want["event_day"].as_str() else {
        return;
    };
    let placed: Vec<&Value> =
        events(json).iter().filter(|e| e["mentions"].as_array().is_some_and(|ids| ids.contains(id))).collect();
    if placed.is_empty() {
        failures.push(format!("{label}: no event carries mention {id}, expected one on {day}"));
    }
    for event in placed {
        let start = event["start"].as_str().unwrap_or("");
        if start.get(..10) != Some(day) {
            failures.push(format!(
                "{label}: event {} ({}) starts at {start:?}, expected on {day}",
                event["id"], event["label"]
            ));
        }
    }
}

/// Every mention's `text` must be exactly the code point slice its `start`/`end` name.
fn check_offsets(file: &str, text: &str, json: &Value, failures: &mut Vec<String>) {
    // Each event quotes its sentence: what the reader decoded must be the text itself (a legacy
    // encoding read wrong keeps the offsets but not the accents, quotes and currency signs).
    for e in json["events"].as_array().map_or(&[][..], Vec::as_slice) {
        let sentence = &e["sentence"];
        let (Some(start), Some(end)) = (usize_field(sentence, "start"), usize_field(sentence, "end")) else { continue };
        if slice(text, start, end) != sentence["text"].as_str().unwrap_or("") {
            failures.push(format!(
                "{file}: event {} quotes {} but the text there is {:?}",
                e["id"],
                sentence["text"],
                slice(text, start, end)
            ));
        }
    }
    for m in mentions(json) {
        let (Some(start), Some(end)) = (usize_field(m, "start"), usize_field(m, "end")) else {
            failures.push(format!("{file}: mention {} has no numeric start/end", m["id"]));
            continue;
        };
        if start >= end || slice(text, start, end) != m["text"].as_str().unwrap_or("") {
            failures.push(format!(
                "{file}: mention {} says {} at [{start}, {end}) but the text there is {:?}",
                m["id"],
                m["text"],
                slice(text, start, end)
            ));
        }
    }
}

/// The text of a .txt example as its gold offsets count it: the file as UTF-8, or, for the one
/// saved in a legacy encoding, as Windows-1252 (decoded here, not by the reader under test).
fn article_text(file: &str) -> String {
    let bytes = std::fs::read(examples_dir().join(file)).expect("example article is readable");
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(e.as_bytes()).0.into_owned(),
    }
}

fn report(failures: Vec<String>) {
    assert!(failures.is_empty(), "{} problem(s):\n  {}", failures.len(), failures.join("\n  "));
}

/// The gold file itself must agree with the articles, or every other check here means nothing.
#[test]
fn expected_json_spans_match_the_txt_articles() {
    let gold = expected();
    let files = files_with_extension(".txt");
    assert!(!files.is_empty(), "no .txt example article in assets/examples");
    let mut failures = Vec::new();
    for file in &files {
        let text = article_text(file);
        let doc = gold_document(&gold, file);
        for want in doc["mentions"].as_array().expect("mentions array") {
            let span = &want["span"];
            let (Some(start), Some(end)) = (span[0].as_u64(), span[1].as_u64()) else {
                failures.push(format!("{file}: {} has no [start, end] span", want["text"]));
                continue;
            };
            let found = slice(&text, start as usize, end as usize);
            if found != want["text"].as_str().unwrap_or("") {
                failures.push(format!("{file}: span [{start}, {end}) is {found:?}, gold says {}", want["text"]));
            }
        }
        for phrase in doc["must_not_tag"].as_array().expect("must_not_tag array") {
            let phrase = phrase.as_str().unwrap_or("");
            if occurrences(&text, phrase).is_empty() {
                failures.push(format!("{file}: must_not_tag phrase {phrase:?} does not occur in the file"));
            }
        }
    }
    report(failures);
}

#[test]
fn txt_examples_match_expected_spans_values_and_event_days() {
    let gold = expected();
    let anchor = anchor(&gold);
    let mut failures = Vec::new();
    for file in files_with_extension(".txt") {
        let text = article_text(&file);
        let doc = gold_document(&gold, &file);
        let json = extract(&file, &anchor);
        check_offsets(&file, &text, &json, &mut failures);
        for want in doc["mentions"].as_array().expect("mentions array") {
            let (start, end) = (want["span"][0].as_u64(), want["span"][1].as_u64());
            let label = format!("{file} {} [{}, {})", want["text"], want["span"][0], want["span"][1]);
            let found = mentions(&json).iter().find(|m| m["start"].as_u64() == start && m["end"].as_u64() == end);
            let Some(got) = found else {
                let near: Vec<String> = mentions(&json)
                    .iter()
                    .filter(|m| {
                        let (s, e) = (m["start"].as_u64().unwrap_or(0), m["end"].as_u64().unwrap_or(0));
                        s < end.unwrap_or(0) && start.unwrap_or(0) < e
                    })
                    .map(|m| format!("{} [{}, {})", m["text"], m["start"], m["end"]))
                    .collect();
                failures.push(format!("{label}: not tagged with this exact span (overlapping: {near:?})"));
                continue;
            };
            check_annotation(&label, want, got, &mut failures);
            check_event_day(&label, want, &got["id"], &json, &mut failures);
        }
        for phrase in doc["must_not_tag"].as_array().expect("must_not_tag array") {
            let phrase = phrase.as_str().unwrap_or("");
            for (start, end) in occurrences(&text, phrase) {
                for m in mentions(&json) {
                    let (s, e) = (usize_field(m, "start").unwrap_or(0), usize_field(m, "end").unwrap_or(0));
                    if s < end && start < e {
                        failures.push(format!(
                            "{file}: {} [{s}, {e}) is tagged inside the trap {phrase:?} [{start}, {end})",
                            m["text"]
                        ));
                    }
                }
            }
        }
    }
    report(failures);
}

/// The .md, .html, .docx, .pdf and .eml gold has no spans (the shown text is the ingest's), so
/// phrases are matched by text, in text order; traps are checked by the mention text they would
/// produce (the Word and PDF examples' traps are in their running footers, the e-mail's in its
/// headers, none of which is read).
#[test]
fn md_html_docx_pdf_and_eml_examples_match_expected_values_and_event_days() {
    let gold = expected();
    let anchor = anchor(&gold);
    let mut failures = Vec::new();
    let mut files = files_with_extension(".md");
    files.extend(files_with_extension(".html"));
    files.extend(files_with_extension(".docx"));
    files.extend(files_with_extension(".pdf"));
    files.extend(files_with_extension(".eml"));
    assert!(files.len() >= 5, "expected a .md, .html, .docx, .pdf and .eml example, found {files:?}");
    for file in files {
        let doc = gold_document(&gold, &file);
        let json = extract(&file, &anchor);
        let found = mentions(&json);
        let wanted = doc["mentions"].as_array().expect("mentions array");
        let mut next = 0;
        for want in wanted {
            let label = format!("{file} {}", want["text"]);
            match found[next..].iter().position(|m| m["text"] == want["text"]) {
                Some(offset) => {
                    let got = &found[next + offset];
                    next += offset + 1;
                    check_annotation(&label, want, got, &mut failures);
                    check_event_day(&label, want, &got["id"], &json, &mut failures);
                }
                None => failures.push(format!("{label}: not tagged (in text order after the previous phrase)")),
            }
        }
        for phrase in doc["must_not_tag"].as_array().expect("must_not_tag array") {
            let phrase = phrase.as_str().unwrap_or("");
            for m in found {
                let text = m["text"].as_str().unwrap_or("");
                let legit_elsewhere = wanted.iter().any(|w| w["text"] == m["text"]);
                if !text.is_empty() && phrase.contains(text) && !legit_elsewhere {
                    failures.push(format!(
                        "{file}: {} [{}, {}) comes from the trap {phrase:?}",
                        m["text"], m["start"], m["end"]
                    ));
                }
            }
        }
    }
    report(failures);
}
