//! The story layer on the bundled examples, end to end through the CLI: `chronoscope extract` on
//! the three example articles (`--json -`) must give what the `story` section of
//! `assets/examples/expected.json` states: which events are one story event and which stay apart,
//! the conflicts (the injured and the guard's age, where the outlets disagree), the agreements,
//! the implied events, and day zero inferred without `--anchor`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join("examples")
}

fn gold() -> Value {
    let raw = std::fs::read_to_string(examples_dir().join("expected.json")).expect("expected.json is readable");
    serde_json::from_str(&raw).expect("expected.json is JSON")
}

/// `chronoscope extract` on every example file, with `extra` arguments, as JSON.
fn extract_all(extra: &[&str]) -> Value {
    let gold = gold();
    let files: Vec<PathBuf> = gold["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| examples_dir().join(d["file"].as_str().unwrap()))
        .collect();
    let output = Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .arg("extract")
        .args(&files)
        .args(extra)
        .args(["--json", "-"])
        .output()
        .expect("the chronoscope binary runs");
    assert!(output.status.success(), "extract failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("extract writes JSON")
}

fn with_anchor() -> Value {
    let gold = gold();
    extract_all(&["--anchor", gold["anchor"].as_str().unwrap()])
}

fn list<'v>(json: &'v Value, key: &str) -> &'v [Value] {
    json[key].as_array().map(Vec::as_slice).unwrap_or(&[])
}

fn doc_id_of(json: &Value, file: &str) -> String {
    list(json, "documents")
        .iter()
        .find(|d| d["path"].as_str().is_some_and(|p| p.ends_with(file)))
        .and_then(|d| d["id"].as_str())
        .unwrap_or_else(|| panic!("no document for {file}"))
        .to_string()
}

/// The event named by `spec` ({file, in, day}): in that file, its sentence holding `in`, on `day`.
fn event<'v>(json: &'v Value, spec: &Value) -> &'v Value {
    let doc = doc_id_of(json, spec["file"].as_str().unwrap());
    let piece = spec["in"].as_str().unwrap();
    let day = spec["day"].as_str().unwrap();
    list(json, "events")
        .iter()
        .find(|e| {
            e["doc"] == doc.as_str()
                && e["sentence"]["text"].as_str().is_some_and(|t| t.contains(piece))
                && e["start"].as_str().is_some_and(|s| s.starts_with(day))
        })
        .unwrap_or_else(|| panic!("no event on {day} in the sentence with {piece:?} of {}", spec["file"]))
}

fn claim<'v>(json: &'v Value, id: &Value) -> &'v Value {
    list(json, "claims").iter().find(|c| c["id"] == *id).unwrap_or_else(|| panic!("no claim {id}"))
}

fn values_of(json: &Value, claims: &Value) -> Vec<u64> {
    let mut values: Vec<u64> =
        claims.as_array().unwrap().iter().map(|id| claim(json, id)["quantity"]["value"].as_u64().unwrap()).collect();
    values.sort_unstable();
    values.dedup();
    values
}

fn numbers(v: &Value) -> Vec<u64> {
    v.as_array().unwrap().iter().map(|n| n.as_u64().unwrap()).collect()
}

#[test]
fn example_events_join_and_stay_apart_as_expected() {
    let gold = gold();
    let json = with_anchor();
    for (key, same) in [("same_story", true), ("different_story", false)] {
        for pair in list(&gold["story"], key) {
            let (a, b) = (event(&json, &pair[0]), event(&json, &pair[1]));
            assert_eq!(
                a["story"] == b["story"],
                same,
                "{} and {} should {}be one story event",
                a["label"],
                b["label"],
                if same { "" } else { "not " }
            );
            if same {
                let story = list(&json, "stories").iter().find(|s| s["id"] == a["story"]).unwrap();
                assert!(list(story, "reasons").len() >= 2, "a merge says why: {story}");
            }
        }
    }
}

#[test]
fn example_conflicts_and_agreements_are_as_expected() {
    let gold = gold();
    let json = with_anchor();
    let conflicts = list(&json, "conflicts");
    for want in list(&gold["story"], "conflicts") {
        let subject = want["subject"].as_str().unwrap();
        let found = conflicts
            .iter()
            .find(|c| c["subject"] == subject)
            .unwrap_or_else(|| panic!("no conflict on {subject}: {}", Value::from(conflicts.to_vec())));
        assert_eq!(values_of(&json, &found["claims"]), numbers(&want["values"]), "{}", found["explanation"]);
        let docs: std::collections::BTreeSet<&str> =
            found["claims"].as_array().unwrap().iter().map(|id| claim(&json, id)["doc"].as_str().unwrap()).collect();
        assert!(docs.len() >= 2, "a conflict is between sources: {found}");
        for piece in list(want, "sources") {
            let piece = piece.as_str().unwrap();
            assert!(
                found["claims"].as_array().unwrap().iter().any(|id| claim(&json, id)["text"] == piece),
                "{subject}: no claim reads {piece:?}"
            );
        }
    }
    assert_eq!(conflicts.len(), list(&gold["story"], "conflicts").len(), "no other conflicts: {conflicts:?}");
    for want in list(&gold["story"], "agreements") {
        let subject = want["subject"].as_str().unwrap();
        let found = list(&json, "agreements")
            .iter()
            .find(|a| a["subject"] == subject)
            .unwrap_or_else(|| panic!("no agreement on {subject}"));
        assert_eq!(values_of(&json, &found["claims"]), numbers(&want["values"]));
    }
}

#[test]
fn example_implied_events_are_placed_and_joined() {
    let gold = gold();
    let json = with_anchor();
    for want in list(&gold["story"], "implied") {
        let from = want["from"].as_str().unwrap();
        let kind = want["kind"].as_str().unwrap();
        let found: Vec<&Value> = list(&json, "events")
            .iter()
            .filter(|e| {
                e["implied"]["kind"] == kind && e["implied"]["phrase"].as_str().is_some_and(|p| p.contains(from))
            })
            .collect();
        assert_eq!(found.len() as u64, want["sources"].as_u64().unwrap(), "{kind} from {from:?}: {found:?}");
        let years: Vec<u64> = numbers(&want["years"]);
        for e in &found {
            let start: u64 = e["start"].as_str().unwrap()[..4].parse().unwrap();
            assert!(years.contains(&start), "{kind} from {from:?} starts in {start}, expected one of {years:?}");
            assert!(!e["label"].as_str().unwrap().is_empty());
        }
        if want["one_story_event"].as_bool() == Some(true) {
            assert!(found.windows(2).all(|w| w[0]["story"] == w[1]["story"]), "the sources' {kind} is one story event");
        }
    }
}

#[test]
fn example_day_zero_is_inferred_without_an_anchor() {
    let gold = gold();
    let json = extract_all(&[]);
    assert_eq!(json["anchor"], gold["story"]["inferred_anchor"], "{}", json["anchor_source"]);
    assert_eq!(json["anchor_source"]["kind"], "inferred");
}
