//! Merging a fresh extraction into the timeline the user has now: the user's edits (moved,
//! renamed, hidden events) are carried over by event id, or by sentence and phrase where a changed
//! file moved the text; documents that could not be read this time keep what they had, edits
//! included. Nothing the user did is dropped silently: the report says what could not be placed.

use crate::timeline::{Event, SmolStr, Timeline};
use std::collections::{HashMap, HashSet};

/// What a merge could not do the simple way, for the user to hear about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Edited events found again through their sentence and phrase (their file changed).
    pub rematched: usize,
    /// Edited events whose sentence no longer yields an event: kept as they were.
    pub kept_unmatched: usize,
}

/// Merges `fresh` (just extracted, its story assembled by the pipeline) with `current` (what the
/// user sees now, edits included). Documents of `current` listed in `keep` (their file is missing
/// or unreadable now) keep their document record, mentions and events; `order` gives the
/// document order (slot order).
pub fn merge(fresh: Timeline, current: &Timeline, keep: &[String], order: &[String]) -> (Timeline, MergeReport) {
    let (mut fresh, kept_any) = keep_documents(fresh, current, keep);
    let report = carry_edits(&mut fresh, current);
    let reordered = sort(&mut fresh, order);
    // Kept documents, carried edits and another order change which events report one
    // happening. With none of them the pipeline's story stands: assembling it again was 40 ms
    // of a 0.17 s frame when 2,452 articles came into an empty window.
    if kept_any || reordered || current.events.iter().any(touched) {
        crate::story::assemble(&mut fresh);
    }
    (fresh, report)
}

/// Copies the documents listed in `keep` from `current` into `fresh` when `fresh` lacks them;
/// says whether it copied any.
fn keep_documents(mut fresh: Timeline, current: &Timeline, keep: &[String]) -> (Timeline, bool) {
    let mut kept_any = false;
    for id in keep {
        if fresh.document(id).is_some() {
            continue;
        }
        let Some(info) = current.document(id) else { continue };
        kept_any = true;
        fresh.documents.push(info.clone());
        fresh.mentions.extend(current.mentions.iter().filter(|m| *m.doc == **id).cloned());
        fresh.events.extend(current.events.iter().filter(|e| *e.doc == **id).cloned());
    }
    (fresh, kept_any)
}

/// True when the user changed `event` (moved, renamed or hidden it).
fn touched(event: &Event) -> bool {
    event.edited || event.hidden || event.story_pin.is_some()
}

/// Applies the user's changes of `old` onto the freshly extracted `event`. Only what the user
/// changed is carried: a hidden or renamed event that was never moved takes the fresh placement
/// (so it follows a new anchor), and a moved event keeps the fresh extraction as its `original`.
fn apply_edits(event: &mut Event, old: &Event) {
    if old.original.is_some() {
        let extracted = event.placement();
        event.start = old.start;
        event.end = old.end;
        event.granularity = old.granularity;
        event.original = Some(Box::new(extracted));
    }
    if old.original_label.is_some() {
        let extracted = std::mem::replace(&mut event.label, old.label.clone());
        event.original_label = Some(extracted.as_str().into());
    }
    event.hidden = old.hidden;
    event.edited = old.edited;
    event.story_pin = old.story_pin.clone();
}

/// The text of each mention of `timeline`, by id.
fn mention_texts(timeline: &Timeline) -> HashMap<&str, &str> {
    timeline.mentions.iter().map(|m| (m.id.as_str(), m.text.as_str())).collect()
}

/// What an event says, independent of where its file put it: its document, sentence text and the
/// words of its phrases.
fn content_key<'t>(event: &'t Event, texts: &HashMap<&str, &'t str>) -> (&'t str, &'t str, Vec<&'t str>) {
    let phrases = event.mentions.iter().map(|id| texts.get(id.as_str()).copied().unwrap_or("")).collect();
    (&*event.doc, &*event.sentence.text, phrases)
}

/// Carries every edited or hidden event of `current` into `fresh`: by id first, then by sentence
/// and phrase (a changed file shifts offsets, so ids change); a matched event keeps the id the
/// user's history refers to. An edited event that matches nothing is kept as it was, as long as
/// its document is still there.
pub fn carry_edits(fresh: &mut Timeline, current: &Timeline) -> MergeReport {
    let touched_events: Vec<&Event> = current.events.iter().filter(|e| touched(e)).collect();
    if touched_events.is_empty() {
        // Nothing to carry: the maps below cost 25 ms for 18,000 events.
        return MergeReport::default();
    }
    let targets = find_targets(fresh, current, &touched_events);
    let mut report = MergeReport::default();
    let fresh_ids: HashSet<SmolStr> = fresh.events.iter().map(|e| e.id.clone()).collect();
    let mut kept: Vec<Event> = Vec::new();
    for (old, target) in touched_events.into_iter().zip(targets) {
        match target {
            Target::SameId(index) => apply_edits(&mut fresh.events[index], old),
            Target::SameContent(index) => {
                report.rematched += 1;
                apply_edits(&mut fresh.events[index], old);
                // The event takes the id the user's edits and history know it by, unless a
                // fresh event already has that id.
                if !fresh_ids.contains(&old.id) {
                    fresh.events[index].id = old.id.clone();
                }
            }
            Target::Nothing if fresh.document(&old.doc).is_some() => {
                report.kept_unmatched += 1;
                let mut event = old.clone();
                event.id = crate::pipeline::unique_id(event.id.to_string(), |id| fresh_ids.contains(id)).into();
                kept.push(event);
            }
            Target::Nothing => {}
        }
    }
    fresh.events.extend(kept);
    report
}

/// Where an edited event of `current` lands in the fresh extraction.
enum Target {
    SameId(usize),
    SameContent(usize),
    Nothing,
}

/// The fresh event each of `touched` matches: the one with its id, else one that says the same
/// thing (document, sentence, phrases) and that no other edited event claims by id. Each fresh
/// event takes at most one edit.
fn find_targets(fresh: &Timeline, current: &Timeline, touched: &[&Event]) -> Vec<Target> {
    let by_id: HashMap<&str, usize> = fresh.events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let (old_texts, fresh_texts) = (mention_texts(current), mention_texts(fresh));
    let mut by_content: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, event) in fresh.events.iter().enumerate() {
        by_content.entry(content_key(event, &fresh_texts)).or_default().push(i);
    }
    // Ids that edited events claim for themselves: never taken by another edit.
    let edited_ids: HashSet<&str> = touched.iter().map(|e| e.id.as_str()).collect();
    let mut claimed: HashSet<usize> = HashSet::new();
    let mut targets = Vec::with_capacity(touched.len());
    for old in touched {
        if let Some(&index) = by_id.get(old.id.as_str()).filter(|i| !claimed.contains(i)) {
            claimed.insert(index);
            targets.push(Target::SameId(index));
            continue;
        }
        let candidates = by_content.get(&content_key(old, &old_texts)).map(Vec::as_slice).unwrap_or(&[]);
        let free = |i: &&usize| !claimed.contains(*i) && !edited_ids.contains(fresh.events[**i].id.as_str());
        match candidates.iter().find(free) {
            Some(&index) => {
                claimed.insert(index);
                targets.push(Target::SameContent(index));
            }
            None => targets.push(Target::Nothing),
        }
    }
    targets
}

/// Documents in `order` (others after, as they were), mentions and events by document then text
/// position: the order every front end and export expects. Says whether anything moved.
fn sort(timeline: &mut Timeline, order: &[String]) -> bool {
    let rank: HashMap<&str, usize> = order.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let rank_of = |id: &str| rank.get(id).copied().unwrap_or(usize::MAX);
    let mut moved = sort_if_needed(&mut timeline.documents, |d| rank_of(&d.id));
    let doc_rank: HashMap<String, usize> =
        timeline.documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
    let doc_of = |id: &str| doc_rank.get(id).copied().unwrap_or(usize::MAX);
    moved |= sort_if_needed(&mut timeline.mentions, |m| (doc_of(&m.doc), m.start, m.end));
    moved |= sort_if_needed(&mut timeline.events, |e| (doc_of(&e.doc), e.sentence.start, e.start, e.id.clone()));
    moved
}

/// Sorts `items` by `key` (computed once per item) unless they are in order already; says
/// whether it sorted.
fn sort_if_needed<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) -> bool {
    if items.is_sorted_by_key(&key) {
        return false;
    }
    items.sort_by_cached_key(key);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Document;
    use crate::pipeline::{build_timeline, build_timeline_of, Settings};
    use chrono::NaiveDate;

    fn doc(path: &str, text: &str) -> Document {
        Document::plain_text(path, text)
    }

    fn story() -> Vec<Document> {
        vec![doc("story.txt", "The bridge closed on Thursday. Crews worked on Friday. The mayor spoke on Saturday.")]
    }

    fn settings(anchor: (i32, u32, u32)) -> Settings {
        Settings { anchor: NaiveDate::from_ymd_opt(anchor.0, anchor.1, anchor.2).unwrap(), dct: None }
    }

    fn carried(fresh: Timeline, current: &Timeline) -> Timeline {
        let order: Vec<String> = fresh.documents.iter().map(|d| d.id.clone()).collect();
        merge(fresh, current, &[], &order).0
    }

    /// Regression: a hidden or renamed (never moved) event kept the old anchor's dates after an
    /// anchor change, because carry_edits copied it whole.
    #[test]
    fn hidden_or_renamed_events_follow_a_new_anchor() {
        let mut before = build_timeline(&story(), &settings((2017, 3, 22)));
        before.events[0].hidden = true;
        before.events[1].original_label = Some(before.events[1].label.as_str().into());
        before.events[1].label = "Night shift".into();
        before.events[1].edited = true;
        let after = carried(build_timeline(&story(), &settings((2024, 2, 20))), &before);
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
        before.events[2].original = Some(Box::new(before.events[2].placement()));
        before.events[2].start = moved;
        before.events[2].end = moved + chrono::Duration::days(1);
        before.events[2].edited = true;
        let after = carried(build_timeline(&story(), &settings((2024, 2, 20))), &before);
        let fresh = build_timeline(&story(), &settings((2024, 2, 20)));
        assert_eq!(after.events[2].start, moved);
        assert_eq!(after.events[2].original.as_deref(), Some(&fresh.events[2].placement()));
        assert_eq!(after.events.len(), fresh.events.len());
    }

    /// Regression: with positional ids, a document that failed to load shifted every later
    /// document's ids, so carried edits produced two events with one id, or an id naming another
    /// document.
    #[test]
    fn a_document_failing_to_load_keeps_its_events_and_the_others_keep_their_ids() {
        let docs = vec![
            doc("a.txt", "The bridge closed on Thursday."),
            doc("b.txt", "Crews worked on Friday. The mayor spoke on Saturday."),
        ];
        let mut before = build_timeline(&docs, &settings((2017, 3, 22)));
        let a = before.documents[0].id.clone();
        let b = before.documents[1].id.clone();
        for event in &mut before.events {
            event.hidden = true;
        }
        // a.txt is missing now: only b.txt is extracted again.
        let ids = [b.as_str()];
        let fresh = build_timeline_of(&[(ids[0], &docs[1])], &settings((2017, 3, 22)));
        let (after, report) = merge(fresh, &before, std::slice::from_ref(&a), &[a.clone(), b.clone()]);
        assert_eq!(report, MergeReport::default());
        assert_eq!(after.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>(), vec![a.clone(), b.clone()]);
        assert_eq!(after.events.len(), before.events.len());
        let ids: HashSet<&str> = after.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), after.events.len(), "every event id is unique");
        assert!(after.events.iter().all(|e| e.id.starts_with(&format!("{}-", e.doc))), "ids name their document");
        assert!(after.events.iter().all(|e| e.hidden), "every edit survived");
    }

    /// A file that changed since the project was saved: offsets moved, so ids changed; the edit
    /// is found again by its sentence and phrase and keeps the id its history refers to.
    #[test]
    fn an_edit_follows_its_sentence_when_the_file_changed() {
        let old = doc("a.txt", "The bridge closed on Thursday. Crews worked on Friday.");
        let changed = doc("a.txt", "UPDATED. The bridge closed on Thursday. Crews worked on Friday.");
        let mut before = build_timeline(std::slice::from_ref(&old), &settings((2017, 3, 22)));
        let id = before.documents[0].id.clone();
        before.events[1].label = "Crews at work".into();
        before.events[1].original_label = Some("Crews worked".into());
        before.events[1].edited = true;
        let edited_id = before.events[1].id.clone();
        let fresh = build_timeline_of(&[(id.as_str(), &changed)], &settings((2017, 3, 22)));
        assert!(fresh.event(&edited_id).is_none(), "the offsets moved");
        let (after, report) = merge(fresh, &before, &[], std::slice::from_ref(&id));
        assert_eq!(report.rematched, 1);
        let event = after.event(&edited_id).expect("the edited event keeps its id");
        assert_eq!(event.label, "Crews at work");
        assert_eq!(&*event.sentence.text, "Crews worked on Friday.");
    }

    #[test]
    fn an_edit_whose_sentence_is_gone_is_kept_and_reported() {
        let old = doc("a.txt", "The bridge closed on Thursday. Crews worked on Friday.");
        let changed = doc("a.txt", "The bridge closed on Thursday.");
        let mut before = build_timeline(std::slice::from_ref(&old), &settings((2017, 3, 22)));
        let id = before.documents[0].id.clone();
        before.events[1].hidden = true;
        let fresh = build_timeline_of(&[(id.as_str(), &changed)], &settings((2017, 3, 22)));
        let (after, report) = merge(fresh, &before, &[], std::slice::from_ref(&id));
        assert_eq!(report.kept_unmatched, 1);
        assert_eq!(after.events.len(), 2);
    }

    /// The pipeline gives events in the order the window and exports show, so articles loaded
    /// into an empty window need no sorting and keep the pipeline's story: regression for the
    /// 0.17 s frame that ended a 2,452-file load (merging sorted and assembled the story again).
    #[test]
    fn a_fresh_extraction_into_an_empty_window_is_taken_as_it_is() {
        let docs = vec![
            doc(
                "a.txt",
                "Police said on Thursday that two men were arrested on Tuesday. The mayor resigned after the \
                 arrests. Officers searched two houses in Leeds. Crews worked on Friday and on Saturday.",
            ),
            doc("b.txt", "Two men were arrested on Tuesday, police said. The mayor resigned on Wednesday."),
        ];
        let fresh = build_timeline(&docs, &settings((2017, 3, 22)));
        let order: Vec<String> = fresh.documents.iter().map(|d| d.id.clone()).collect();
        let mut sorted = fresh.clone();
        assert!(!sort(&mut sorted, &order), "the pipeline's events are in text order");
        assert!(fresh.events.iter().any(|e| e.placement == crate::timeline::PlacementKind::Context));
        let (merged, report) = merge(fresh.clone(), &Timeline::empty(fresh.anchor), &[], &order);
        assert_eq!(report, MergeReport::default());
        let mut assembled = fresh.clone();
        crate::story::assemble(&mut assembled);
        assert_eq!(merged, assembled, "the pipeline's story is the one assembling again gives");
        assert_eq!(merged, fresh);
    }
}
