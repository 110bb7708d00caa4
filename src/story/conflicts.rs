//! Where sources agree and where they disagree. Claims (`claims`) are given the story event they
//! are about; claims on one subject of one story event ("dead" of the attack), or on one person's
//! age, are compared: values that cannot all be true make a quantity conflict ("four dead", "five
//! dead", "two killed"), values from two or more sources that all hold make an agreement ("eight
//! arrests", "arrested eight people"). An earlier figure a source itself reports ("the initial
//! reports of 20") is history, not a conflict, and so is a figure a later-published source says
//! changed ("the death toll rose to five" the day after "four dead"): a revision. A story event
//! whose sources place it at times that cannot both hold (21:15 and "shortly before 22:00" the
//! same evening) makes a time conflict.

use super::claims::{Claim, ClaimStatus};
use super::families;
use super::numbers::Quantity;
use crate::text::fast_hash::{FastMap as HashMap, FastSet as HashSet};
use crate::timeline::{Event, SmolStr, StoryEvent, Timeline};
use crate::timex::Granularity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Sources that cannot all be right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// `x-` and the id of its first claim (quantity) or first event (time).
    pub id: String,
    /// "quantity" or "time".
    pub kind: String,
    /// What they disagree on: a claim subject ("dead", "age"), or "time".
    pub subject: String,
    /// The story event concerned, when known.
    pub story: Option<String>,
    /// The claims that disagree (quantity conflicts), sorted.
    pub claims: Vec<String>,
    /// The events whose times disagree (time conflicts), or that the claims' sentences report.
    pub events: Vec<String>,
    pub explanation: String,
}

/// Sources, two or more, that say the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: String,
    pub subject: String,
    pub story: Option<String>,
    pub claims: Vec<String>,
    pub explanation: String,
}

/// Families whose events have a death toll, casualties or arrests to report.
pub const COUNTED_FAMILIES: &[&str] =
    &["attack", "bombing", "shooting", "fire", "crash", "flood", "storm", "earthquake", "protest", "arrest"];

/// Sets each claim's `story` (from its event, else the story event of its document that its
/// sentence names, else its document's most reported story event), then compares them.
pub fn compare(timeline: &mut Timeline) {
    // Events and story events do not change here: one index serves the claims and the times.
    let index = Index::new(&timeline.events, &timeline.stories, &timeline.claims);
    let stories: Vec<Option<SmolStr>> = {
        use rayon::prelude::*;
        timeline.claims.par_iter().map(|c| story_of_claim(&index, c)).collect()
    };
    for (claim, story) in timeline.claims.iter_mut().zip(stories) {
        claim.story = story;
        claim.superseded_by = None;
    }
    let titles: HashMap<&str, (&str, Option<&str>)> =
        timeline.documents.iter().map(|d| (d.id.as_str(), (d.title.as_str(), d.dct.as_deref()))).collect();
    // Grouped once, by position: a claim's group does not change when a revision supersedes it.
    let groups = claim_groups(&timeline.claims);
    let superseded = superseded_claims(&timeline.claims, &groups, &titles);
    for claim in &mut timeline.claims {
        claim.superseded_by = superseded.get(claim.id.as_str()).cloned();
    }
    let mut conflicts = Vec::new();
    let mut agreements = Vec::new();
    // A figure alone neither disagrees nor agrees with anything (most groups hold one claim);
    // the others are compared each on its own, on every core (a large story's groups list
    // thousands of claims).
    let several: Vec<_> = groups.iter().filter(|(_, members)| members.len() >= 2).collect();
    let findings: Vec<Finding> = {
        use rayon::prelude::*;
        let claims = &timeline.claims;
        several
            .par_iter()
            .filter_map(|((subject, story), members)| {
                let group: Vec<&Claim> = members.iter().map(|&at| &claims[at]).collect();
                compare_group(subject, story.as_deref(), &group, &titles)
            })
            .collect()
    };
    for finding in findings {
        match finding {
            Finding::Conflict(conflict) => conflicts.push(conflict),
            Finding::Agreement(agreement) => agreements.push(agreement),
        }
    }
    conflicts.extend(time_conflicts(timeline, &index, &titles));
    conflicts.sort_by(|a, b| a.id.cmp(&b.id));
    agreements.sort_by(|a, b| a.id.cmp(&b.id));
    timeline.conflicts = conflicts;
    timeline.agreements = agreements;
}

/// The counted kind of happening `sentence` names, if any ("attack").
pub fn named_happening(sentence: &str) -> Option<&'static str> {
    families::words_of(sentence).filter_map(families::family_of_word).find(|f| COUNTED_FAMILIES.contains(f))
}

/// Lookups by id, built once per comparison (a linear search per claim cost claims x stories).
struct Index<'t> {
    /// The events a claim names or a story event of several sources holds: the only ones looked
    /// up by id.
    events: HashMap<&'t str, &'t Event>,
    /// Each story event's family (from its label), found once, on every core; by id, in id order.
    family_of: Vec<(&'t str, Option<&'static str>)>,
    /// Each document's story events with their families, most reported first.
    by_document: HashMap<&'t str, Vec<(&'t StoryEvent, Option<&'static str>)>>,
    /// Per event family, the story event of that family most sources report (two or more).
    by_family: HashMap<&'static str, &'t StoryEvent>,
    /// Per document and family, the document's first story event of that family (most reported
    /// first) among those two or more sources report, and among all: found once, not by a pass
    /// over the document's story events per claim (quadratic on a long text).
    first_of_family: HashMap<(&'t str, &'static str), FirstOfFamily<'t>>,
}

/// A document's first story events of one family.
#[derive(Default, Clone, Copy)]
struct FirstOfFamily<'t> {
    shared: Option<&'t StoryEvent>,
    own: Option<&'t StoryEvent>,
}

impl<'t> Index<'t> {
    fn new(all_events: &'t [Event], all_stories: &'t [StoryEvent], claims: &[Claim]) -> Self {
        use rayon::prelude::*;
        let families: Vec<Option<&'static str>> =
            all_stories.par_iter().map(|s| families::family_of_label(&s.label)).collect();
        let mut family_of: Vec<(&str, Option<&'static str>)> =
            all_stories.par_iter().map(|s| s.id.as_str()).zip(families.par_iter().copied()).collect();
        // Story events come sorted by id from the merge; a list edited since is sorted here.
        if !family_of.is_sorted_by_key(|(id, _)| *id) {
            family_of.par_sort_unstable_by_key(|(id, _)| *id);
        }
        let mut by_document: HashMap<&str, Vec<(&StoryEvent, Option<&'static str>)>> = HashMap::default();
        for (story, &family) in all_stories.iter().zip(&families) {
            for doc in &story.documents {
                by_document.entry(&**doc).or_default().push((story, family));
            }
        }
        let mut lists: Vec<&mut Vec<(&StoryEvent, Option<&'static str>)>> = by_document.values_mut().collect();
        lists.par_iter_mut().for_each(|list| list.sort_by(|(a, _), (b, _)| most_reported_first(a, b)));
        let mut by_family: HashMap<&'static str, &StoryEvent> = HashMap::default();
        for (story, family) in all_stories.iter().zip(&families).filter(|(s, _)| s.documents.len() >= 2) {
            let Some(family) = *family else { continue };
            let slot = by_family.entry(family).or_insert(story);
            if most_reported_first(story, slot).is_lt() {
                *slot = story;
            }
        }
        // Only the documents with a claim about a named happening look their families up.
        let asking: HashSet<&str> = claims.iter().filter(|c| c.about.is_some()).map(|c| &*c.doc).collect();
        let mut first_of_family: HashMap<(&str, &'static str), FirstOfFamily> = HashMap::default();
        for (doc, list) in by_document.iter().filter(|(doc, _)| asking.contains(*doc)) {
            for &(story, family) in list {
                let Some(family) = family else { continue };
                let first = first_of_family.entry((*doc, family)).or_default();
                first.own = first.own.or(Some(story));
                if story.documents.len() >= 2 {
                    first.shared = first.shared.or(Some(story));
                }
            }
        }
        let events = Self::events_looked_up(all_events, all_stories, claims);
        Index { events, family_of, by_document, by_family, first_of_family }
    }

    /// The events claims name and those of story events several sources report, by id: the
    /// rest are never looked up, and indexing every event cost more than the comparison.
    fn events_looked_up(
        all_events: &'t [Event],
        all_stories: &[StoryEvent],
        claims: &[Claim],
    ) -> HashMap<&'t str, &'t Event> {
        use rayon::prelude::*;
        let mut wanted: HashSet<&str> = claims.iter().filter_map(|c| c.event.as_deref()).collect();
        let shared = all_stories.iter().filter(|s| s.documents.len() > 1);
        wanted.extend(shared.flat_map(|s| s.events.iter().map(SmolStr::as_str)));
        let found: Vec<(&str, &Event)> =
            all_events.par_iter().filter(|e| wanted.contains(e.id.as_str())).map(|e| (e.id.as_str(), e)).collect();
        found.into_iter().collect()
    }

    fn story_family(&self, story: &str) -> Option<&'static str> {
        let found = self.family_of.binary_search_by(|(id, _)| (*id).cmp(story)).ok();
        found.and_then(|at| self.family_of[at].1)
    }
}

/// The story event a claim is about.
fn story_of_claim(index: &Index<'_>, claim: &Claim) -> Option<SmolStr> {
    if let Some(story) = claim.event.as_deref().and_then(|id| index.events.get(id)).and_then(|e| e.story.clone()) {
        if index.story_family(&story).is_some_and(|f| COUNTED_FAMILIES.contains(&f)) || claim.subject == "age" {
            return Some(story);
        }
    }
    let doc_stories = index.by_document.get(&*claim.doc).map_or(&[][..], Vec::as_slice);
    let Some(about) = claim.about.as_deref() else {
        // The list is sorted most reported first, ties by id: its first is the most reported.
        return doc_stories.first().map(|(s, _)| s.id.clone());
    };
    // The happening the sentence names, as several sources report it: the document's own report
    // of it, else the one the other sources report (an article that only mentions "the fire").
    let first = index.first_of_family.get(&(&*claim.doc, about)).copied().unwrap_or_default();
    let (shared, own) = (first.shared, first.own);
    shared
        .or_else(|| index.by_family.get(about).copied())
        .or(own)
        .or(doc_stories.first().map(|&(s, _)| s))
        .map(|s| s.id.clone())
}

/// Sort order of story events: most documents first, then by id.
fn most_reported_first(a: &StoryEvent, b: &StoryEvent) -> std::cmp::Ordering {
    b.documents.len().cmp(&a.documents.len()).then(a.id.cmp(&b.id))
}

/// The positions of claims by what they are about: (subject, story event) for counts, (age of
/// whom, none) for ages.
fn claim_groups(claims: &[Claim]) -> BTreeMap<(SmolStr, Option<SmolStr>), Vec<usize>> {
    let mut groups: BTreeMap<(SmolStr, Option<SmolStr>), Vec<usize>> = BTreeMap::new();
    for (at, claim) in claims.iter().enumerate() {
        let key = match (&claim.subject[..], &claim.person) {
            ("age", Some(person)) => (smol_str::format_smolstr!("age of {}", person_key(person)), None),
            ("age", None) => continue,
            _ => (claim.subject.clone(), claim.story.clone()),
        };
        groups.entry(key).or_default().push(at);
    }
    groups
}

/// The day a document was published, when known (`YYYY-MM-DD` of its publication date).
fn published<'a>(titles: &HashMap<&str, (&str, Option<&'a str>)>, doc: &str) -> Option<&'a str> {
    titles.get(doc).and_then(|(_, dct)| *dct).and_then(|d| d.get(..10))
}

/// Current figures that a later-published source revises ("rose to five" the day after "four
/// dead"), each with the id of the latest such revision. Only a stated revision supersedes: a
/// later source that just gives another figure still disagrees.
fn superseded_claims(
    claims: &[Claim],
    groups: &BTreeMap<(SmolStr, Option<SmolStr>), Vec<usize>>,
    titles: &HashMap<&str, (&str, Option<&str>)>,
) -> HashMap<SmolStr, SmolStr> {
    let mut superseded = HashMap::default();
    // A revision comes from another source: a claim alone in its group has none.
    for members in groups.values().filter(|members| members.len() >= 2) {
        let group = || members.iter().map(|&at| &claims[at]);
        let revisions: Vec<(&str, &Claim)> = group()
            .filter(|c| c.status == ClaimStatus::Revised)
            .filter_map(|c| Some((published(titles, &c.doc)?, c)))
            .collect();
        for claim in group().filter(|c| c.status == ClaimStatus::Current) {
            let Some(day) = published(titles, &claim.doc) else { continue };
            let latest = revisions
                .iter()
                .filter(|(revised_on, r)| r.doc != claim.doc && *revised_on > day)
                .max_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
            if let Some((_, revision)) = latest {
                superseded.insert(claim.id.clone(), revision.id.clone());
            }
        }
    }
    superseded
}

/// A person's name as compared: lower case, without titles and punctuation.
fn person_key(person: &str) -> String {
    person
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "mr" | "mrs" | "ms" | "dr" | "the"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What comparing one group of claims finds.
enum Finding {
    Conflict(Conflict),
    Agreement(Agreement),
}

/// The conflict or agreement of the current figures of one group, if they make one.
fn compare_group(
    subject: &str,
    story: Option<&str>,
    group: &[&Claim],
    titles: &HashMap<&str, (&str, Option<&str>)>,
) -> Option<Finding> {
    let current: Vec<&Claim> =
        group.iter().copied().filter(|c| c.status != ClaimStatus::Earlier && c.superseded_by.is_none()).collect();
    let [first, _, ..] = current[..] else { return None };
    let all_agree = Quantity::all_agree(current.iter().map(|c| &c.quantity));
    let mut ids: Vec<String> = current.iter().map(|c| c.id.to_string()).collect();
    ids.sort();
    let documents: std::collections::BTreeSet<&str> = current.iter().map(|c| &*c.doc).collect();
    // Spelled out only for a group that makes a conflict or an agreement (most have one claim).
    let listing = || current.iter().map(|c| describe(c, titles)).collect::<Vec<_>>().join("; ");
    let subject_words = subject.replace('_', " ");
    if !all_agree {
        Some(Finding::Conflict(Conflict {
            id: format!("x-{}", ids[0]),
            kind: "quantity".into(),
            subject: subject_words.clone(),
            story: story.map(str::to_string),
            claims: ids,
            events: Vec::new(),
            explanation: format!("sources disagree on {subject_words}: {}", listing()),
        }))
    } else if documents.len() >= 2 {
        Some(Finding::Agreement(Agreement {
            id: format!("a-{}", ids[0]),
            subject: subject_words.clone(),
            story: story.map(str::to_string),
            claims: ids,
            explanation: format!(
                "{} sources agree on {subject_words} ({}): {}",
                documents.len(),
                first.quantity.value,
                listing()
            ),
        }))
    } else {
        None
    }
}

/// "4 in Reuters report: “left four people dead, including the assailant”"; a revised figure
/// says so, with its source's publication date when known ("5, revised, in Wire (published
/// 2017-03-23): …"), so a later correction reads as one.
fn describe(claim: &Claim, sources: &HashMap<&str, (&str, Option<&str>)>) -> String {
    let (title, published) = sources.get(&*claim.doc).copied().unwrap_or((&*claim.doc, None));
    let value = claim.quantity.value;
    let text = &claim.text;
    match (claim.status, published) {
        (ClaimStatus::Revised, Some(date)) => {
            format!("{value}, revised, in {title} (published {date}): \u{201c}{text}\u{201d}")
        }
        (ClaimStatus::Revised, None) => format!("{value}, revised, in {title}: \u{201c}{text}\u{201d}"),
        _ => format!("{value} in {title}: \u{201c}{text}\u{201d}"),
    }
}

/// Story events whose sources place them at times that cannot both hold: events finer than a
/// day, from different documents, whose intervals do not overlap. Titles come from `titles`,
/// and the phrases from one pass over the mentions for just the events concerned: the
/// timeline's lookups by id would first index every mention, on one core.
fn time_conflicts(
    timeline: &Timeline,
    index: &Index<'_>,
    titles: &HashMap<&str, (&str, Option<&str>)>,
) -> Vec<Conflict> {
    use rayon::prelude::*;
    let several_sources = timeline.stories.par_iter().filter(|s| s.documents.len() > 1);
    let disagreeing: Vec<(&StoryEvent, Vec<&Event>)> =
        several_sources.filter_map(|story| disagreeing_events(index, story).map(|events| (story, events))).collect();
    let wanted: HashSet<&str> = disagreeing
        .iter()
        .flat_map(|(_, events)| events.iter().filter_map(|e| e.mentions.first()))
        .map(SmolStr::as_str)
        .collect();
    let phrases: HashMap<&str, &str> = timeline
        .mentions
        .par_iter()
        .filter(|m| wanted.contains(m.id.as_str()))
        .map(|m| (m.id.as_str(), m.text.as_str()))
        .collect();
    disagreeing.into_iter().map(|(story, events)| time_conflict(story, &events, titles, &phrases)).collect()
}

/// The events of one story event told by several sources, when their times of the day are
/// disjoint across sources.
fn disagreeing_events<'t>(index: &Index<'t>, story: &StoryEvent) -> Option<Vec<&'t Event>> {
    let events: Vec<&Event> = story
        .events
        .iter()
        .filter_map(|id| index.events.get(id.as_str()).copied())
        .filter(|e| e.granularity < Granularity::Day && !e.hidden)
        .collect();
    disjoint_across_documents(&events).then_some(events)
}

/// Whether two of `events` from different documents cannot both hold (one ends before the other
/// starts). Linear: the earliest end against the latest start of another document, and the
/// latest start against the earliest end of another (every pair cost a story event of a
/// thousand reports a million comparisons).
fn disjoint_across_documents(events: &[&Event]) -> bool {
    let (Some(first_end), Some(last_start)) =
        (events.iter().min_by_key(|e| e.end), events.iter().max_by_key(|e| e.start))
    else {
        return false;
    };
    let latest_start_elsewhere = events.iter().filter(|e| e.doc != first_end.doc).map(|e| e.start).max();
    let earliest_end_elsewhere = events.iter().filter(|e| e.doc != last_start.doc).map(|e| e.end).min();
    latest_start_elsewhere.is_some_and(|start| first_end.end <= start)
        || earliest_end_elsewhere.is_some_and(|end| end <= last_start.start)
}

/// The time conflict of one story event whose sources' times disagree (`disagreeing_events`).
fn time_conflict(
    story: &StoryEvent,
    events: &[&Event],
    titles: &HashMap<&str, (&str, Option<&str>)>,
    phrases: &HashMap<&str, &str>,
) -> Conflict {
    let mut ids: Vec<String> = events.iter().map(|e| e.id.to_string()).collect();
    ids.sort();
    let listing = events
        .iter()
        .map(|e| {
            let title = titles.get(&*e.doc).map_or(&*e.doc, |(title, _)| title);
            let phrase = e.mentions.first().and_then(|m| phrases.get(m.as_str())).copied().unwrap_or("");
            format!("{} in {title} (\u{201c}{phrase}\u{201d})", e.start.format("%H:%M"))
        })
        .collect::<Vec<_>>()
        .join("; ");
    Conflict {
        id: format!("x-{}", ids[0]),
        kind: "time".into(),
        subject: "time".into(),
        story: Some(story.id.to_string()),
        claims: Vec::new(),
        events: ids,
        explanation: format!("sources disagree on when \u{201c}{}\u{201d} happened: {listing}", story.label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(doc: usize, start_minute: i64, minutes: i64) -> Event {
        let noon = chrono::NaiveDate::from_ymd_opt(2017, 3, 22).unwrap().and_hms_opt(12, 0, 0).unwrap();
        let start = noon + chrono::Duration::minutes(start_minute);
        let end = start + chrono::Duration::minutes(minutes);
        let place = crate::timeline::Placement { start, end, granularity: Granularity::Minute };
        let sentence = crate::timeline::SentenceRef { start: 0, end: 1, text: "x".into() };
        Event::new(
            smol_str::format_smolstr!("d{doc}-e{start_minute}"),
            format!("d{doc}").into(),
            "x".into(),
            place,
            sentence,
        )
    }

    /// The definition: some pair from two documents where one ends before the other starts.
    fn disjoint_pairwise(events: &[&Event]) -> bool {
        events.iter().any(|a| events.iter().any(|b| a.doc != b.doc && (a.end <= b.start || b.end <= a.start)))
    }

    #[test]
    fn linear_disjointness_agrees_with_every_pair() {
        // Every set of up to four events from three documents over a few start times and lengths.
        let shapes: Vec<Event> = (0..3)
            .flat_map(|doc| [(0, 10), (5, 10), (10, 5), (20, 30)].map(|(start, len)| event(doc, start, len)))
            .collect();
        let mut checked = 0;
        for mask in 0u32..(1 << shapes.len()) {
            if mask.count_ones() > 4 {
                continue;
            }
            let events: Vec<&Event> = (0..shapes.len()).filter(|i| mask & (1 << i) != 0).map(|i| &shapes[i]).collect();
            assert_eq!(disjoint_across_documents(&events), disjoint_pairwise(&events), "{events:?}");
            checked += 1;
        }
        assert!(checked > 500);
    }
}
