//! The story layer on the two seed articles (../shared/seeds/expected_story.json): which events
//! are one story event and which stay apart. Events are named by file, a piece of their sentence
//! and their day. Skips, saying why, where the folder is absent.

use chronoscope::pipeline::{build_timeline, Settings};
use chronoscope::timeline::{Event, Timeline};
use serde_json::Value;
use std::path::PathBuf;

fn seeds() -> Option<(PathBuf, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let text = std::fs::read_to_string(dir.join("expected_story.json")).ok()?;
    Some((dir, serde_json::from_str(&text).ok()?))
}

fn story_timeline(dir: &std::path::Path, expected: &Value) -> (Timeline, Vec<(String, String)>) {
    let anchor = chrono::NaiveDate::parse_from_str(expected["anchor"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let mut files: Vec<String> =
        expected["events"].as_array().unwrap().iter().map(|e| e["file"].as_str().unwrap().to_string()).collect();
    files.sort();
    files.dedup();
    let docs: Vec<_> = files.iter().map(|f| chronoscope::ingest::load(&dir.join(f)).unwrap()).collect();
    let timeline = build_timeline(&docs, &Settings { anchor, dct: None });
    let doc_files = timeline.documents.iter().map(|d| d.id.clone()).zip(files).collect();
    (timeline, doc_files)
}

/// The event of `spec` (file, sentence piece, day), or why it is not there.
fn find<'t>(timeline: &'t Timeline, doc_files: &[(String, String)], spec: &Value) -> Result<&'t Event, String> {
    let file = spec["file"].as_str().unwrap();
    let piece = spec["in"].as_str().unwrap();
    let day = spec["day"].as_str().unwrap();
    let doc = doc_files.iter().find(|(_, f)| f == file).map(|(id, _)| id.as_str()).unwrap();
    timeline
        .events
        .iter()
        .find(|e| *e.doc == *doc && e.sentence.text.contains(piece) && e.start.date().to_string() == day)
        .ok_or_else(|| format!("no event on {day} in the sentence with {piece:?} of {file}"))
}

#[test]
fn seed_events_join_and_stay_apart_as_expected() {
    let Some((dir, expected)) = seeds() else {
        eprintln!("skipped: ../shared/seeds/expected_story.json is not here; nothing to check");
        return;
    };
    let (timeline, doc_files) = story_timeline(&dir, &expected);
    let by_id = |id: &str| {
        let spec = expected["events"].as_array().unwrap().iter().find(|e| e["id"] == id).unwrap();
        find(&timeline, &doc_files, spec)
    };
    let mut problems = Vec::new();
    for event in &timeline.events {
        if event.story.as_deref().and_then(|s| timeline.story(s)).is_none() {
            problems.push(format!("event {} belongs to no story event", event.id));
        }
    }
    for (pairs, same) in [(&expected["same_story"], true), (&expected["different_story"], false)] {
        for pair in pairs.as_array().unwrap() {
            let (a, b) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
            match (by_id(a), by_id(b)) {
                (Ok(ea), Ok(eb)) if (ea.story == eb.story) != same => problems.push(format!(
                    "{a} ({:?}) and {b} ({:?}) should {}be one story event",
                    ea.label,
                    eb.label,
                    if same { "" } else { "not " }
                )),
                (Err(e), _) | (_, Err(e)) => problems.push(e),
                _ => {}
            }
        }
    }
    if let (Ok(a), Ok(b)) = (by_id("attack-000"), by_id("attack-002")) {
        if let Some(story) = a.story.as_deref().and_then(|s| timeline.story(s)) {
            let reasons = story.reasons.join("; ");
            assert!(reasons.contains("same day") && reasons.contains("attack"), "{reasons}");
            assert_eq!(story.documents.len(), 2, "{story:?}");
            assert!(story.events.contains(&b.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Regression: without --anchor, the first date written (a photo caption's "March 23, 2017") was
/// taken as day zero, so "the morning after" the attack landed on Friday 24.
#[test]
fn seed_day_zero_is_inferred_from_the_main_event() {
    let Some((dir, expected)) = seeds() else {
        eprintln!("skipped: ../shared/seeds/expected_story.json is not here; nothing to check");
        return;
    };
    let mut files: Vec<String> =
        expected["events"].as_array().unwrap().iter().map(|e| e["file"].as_str().unwrap().to_string()).collect();
    files.sort();
    files.dedup();
    let docs: Vec<_> = files.iter().map(|f| chronoscope::ingest::load(&dir.join(f)).unwrap()).collect();
    let (day, why) = chronoscope::pipeline::infer_anchor(&docs).expect("the seeds give a date");
    assert_eq!(day.to_string(), expected["inferred_anchor"].as_str().unwrap(), "{why}");
    assert!(why.contains("main event") && why.contains("agrees"), "{why}");
}

/// Issue #9 §2: the seeds' death tolls (four, five, two) are one conflict on the attack; the
/// arrests (eight and eight) and Khalid Masood's age (52 and 52) are agreements, not conflicts.
#[test]
fn seed_conflicts_and_agreements_are_as_expected() {
    let Some((dir, expected)) = seeds() else {
        eprintln!("skipped: ../shared/seeds/expected_story.json is not here; nothing to check");
        return;
    };
    let (timeline, doc_files) = story_timeline(&dir, &expected);
    let attack = find(&timeline, &doc_files, &expected["events"][1]).unwrap().story.clone();
    for want in expected["conflicts"].as_array().unwrap() {
        let subject = want["subject"].as_str().unwrap();
        let conflict = timeline
            .conflicts
            .iter()
            .find(|c| c.kind == want["kind"].as_str().unwrap() && c.subject == subject)
            .unwrap_or_else(|| panic!("no {subject} conflict in {:?}", timeline.conflicts));
        let claims: Vec<_> = conflict.claims.iter().map(|id| timeline.claim(id).unwrap()).collect();
        let mut values: Vec<u64> = claims.iter().map(|c| c.quantity.value).collect();
        values.sort();
        let want_values: Vec<u64> = want["values"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
        assert_eq!(values, want_values, "{}", conflict.explanation);
        for source in want["sources"].as_array().unwrap() {
            let piece = source.as_str().unwrap();
            let sentence_holds = |c: &&chronoscope::story::claims::Claim| {
                let doc = timeline.documents.iter().position(|d| *d.id == *c.doc).unwrap();
                let text = std::fs::read_to_string(dir.join(&doc_files[doc].1)).unwrap();
                text.contains(piece) && piece.contains(c.text.as_str()) || c.text.contains(piece)
            };
            assert!(claims.iter().any(sentence_holds), "no claim of the conflict comes from {piece:?}");
        }
        assert_eq!(conflict.story.as_deref(), attack.as_deref(), "the death toll conflict is about the attack");
    }
    for want in expected["agreements"].as_array().unwrap() {
        let subject = want["subject"].as_str().unwrap();
        assert!(
            !timeline.conflicts.iter().any(|c| c.subject.contains(subject)),
            "{subject} must not be flagged: {:?}",
            timeline.conflicts
        );
        assert!(
            timeline.agreements.iter().any(|a| a.subject.contains(subject) && a.claims.len() >= 2),
            "{subject}: the sources' agreement is reported ({:?})",
            timeline.agreements
        );
    }
}

/// Issue #9 §3: ages, tenures and anniversaries place the events they imply.
#[test]
fn seed_implied_events_are_placed() {
    let Some((dir, expected)) = seeds() else {
        eprintln!("skipped: ../shared/seeds/expected_story.json is not here; nothing to check");
        return;
    };
    let (timeline, _) = story_timeline(&dir, &expected);
    let implied: Vec<&Event> = timeline.events.iter().filter(|e| e.implied.is_some()).collect();
    for want in expected["implied"].as_array().unwrap() {
        let kind = want["kind"].as_str().unwrap();
        let years: Vec<i32> = want["years"].as_array().unwrap().iter().map(|y| y.as_i64().unwrap() as i32).collect();
        let found = implied.iter().find(|e| {
            use chrono::Datelike;
            let info = e.implied.as_ref().unwrap();
            let last = (e.end - chrono::Duration::seconds(1)).year();
            info.kind == kind && e.start.year() == years[0] && last == *years.last().unwrap()
        });
        let found =
            found.unwrap_or_else(|| panic!("no implied {kind} in {years:?} (from {}): {implied:?}", want["from"]));
        assert!(!found.label.trim().is_empty());
        assert!(found.story.is_some());
    }
    // Both articles imply Khalid Masood's birth: one story event with two sources.
    let births: Vec<&&Event> = implied.iter().filter(|e| e.label.contains("Masood")).collect();
    assert_eq!(births.len(), 2);
    assert_eq!(births[0].story, births[1].story, "{:?}", births);
}

/// Two dated reports of one harbour attack: `first` on 16 September, `later` on 17 September.
fn harbour_story(first_text: &str, later_text: &str) -> chronoscope::timeline::Timeline {
    use chronoscope::ingest::Document;
    let mut first = Document::plain_text("first.txt", format!("Harbour attack\n\n{first_text}\n"));
    first.dct = Some("2019-09-16".into());
    let mut later = Document::plain_text("later.txt", format!("Harbour toll rises\n\n{later_text}\n"));
    later.dct = Some("2019-09-17".into());
    let anchor = chrono::NaiveDate::from_ymd_opt(2019, 9, 16).unwrap();
    build_timeline(&[first, later], &Settings { anchor, dct: None })
}

const FOUR_DEAD: &str = "An attack at the harbour on Monday left four people dead, police said.";

/// Issue #9 §2, regression: a later article revising a figure ("the death toll rose to five")
/// was flagged as a conflict with the figure it revises. It is a revision: the earlier figure
/// names the claim that supersedes it, and no conflict is made.
#[test]
fn a_later_revision_supersedes_the_figure_it_revises() {
    let timeline =
        harbour_story(FOUR_DEAD, "The death toll from Monday's attack at the harbour rose to five on Tuesday.");
    let dead: Vec<&chronoscope::story::claims::Claim> =
        timeline.claims.iter().filter(|c| c.subject == "dead").collect();
    assert_eq!(dead.len(), 2, "{dead:?}");
    let (four, five) = if dead[0].quantity.value == 4 { (dead[0], dead[1]) } else { (dead[1], dead[0]) };
    assert_eq!(four.superseded_by.as_deref(), Some(five.id.as_str()), "{dead:?}");
    assert_eq!(five.superseded_by, None);
    assert!(timeline.conflicts.iter().all(|c| c.subject != "dead"), "{:?}", timeline.conflicts);
}

/// A later source that only gives another figure ("five people were killed"), without saying
/// the toll changed, still disagrees.
#[test]
fn a_later_figure_that_is_not_a_revision_is_still_a_conflict() {
    let timeline = harbour_story(FOUR_DEAD, "Five people were killed in Monday's attack at the harbour.");
    let conflict = timeline
        .conflicts
        .iter()
        .find(|c| c.subject == "dead")
        .unwrap_or_else(|| panic!("four then five dead: {:?} / {:?}", timeline.claims, timeline.conflicts));
    assert!(conflict.explanation.contains("4 in first:"), "{}", conflict.explanation);
    assert!(timeline.claims.iter().all(|c| c.superseded_by.is_none()));
}

/// A revision published before the other figure cannot revise it: the two disagree.
#[test]
fn an_earlier_revision_does_not_supersede_a_later_figure() {
    let timeline =
        harbour_story("The death toll from Monday's attack at the harbour rose to five on Tuesday.", FOUR_DEAD);
    assert!(timeline.conflicts.iter().any(|c| c.subject == "dead"), "{:?}", timeline.claims);
    assert!(timeline.claims.iter().all(|c| c.superseded_by.is_none()));
}

/// Issue #11 (no linear search per frame): the conflicts panel found each listed claim by
/// scanning every claim of the timeline, every frame. `Timeline::claim` answers by id as that
/// scan did, also once the claims have changed under it.
#[test]
fn claims_are_found_by_id_as_a_scan_finds_them() {
    let Some((dir, expected)) = seeds() else {
        eprintln!("skipped: ../shared/seeds/expected_story.json is not here; nothing to check");
        return;
    };
    let (mut timeline, _) = story_timeline(&dir, &expected);
    let scan = |t: &Timeline, id: &str| t.claims.iter().position(|c| c.id == id);
    let listed: Vec<String> = timeline
        .conflicts
        .iter()
        .flat_map(|c| c.claims.iter())
        .chain(timeline.agreements.iter().flat_map(|a| a.claims.iter()))
        .cloned()
        .collect();
    assert!(listed.len() >= 4, "the seeds' conflicts and agreements list claims: {listed:?}");
    for id in &listed {
        let found = timeline.claim(id).map(|c| c.id.to_string());
        assert_eq!(found.as_deref(), Some(id.as_str()));
    }
    assert!(timeline.claim("no-such-claim").is_none());
    // The first claim removed: every other is found where it now is.
    timeline.claims.remove(0);
    for claim in timeline.claims.clone() {
        let at = scan(&timeline, &claim.id).unwrap();
        assert_eq!(timeline.claim(&claim.id), Some(&timeline.claims[at]));
    }
}
