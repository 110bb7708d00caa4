//! The timeline model every front end shares: documents, the time mentions found in them, the
//! events placed on the calendar, and the user's edits. Serialisable as-is; the JSON contract in
//! `export::json` wraps it with a format name and version.

use crate::timex::{Granularity, Interval, TimexType};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
/// Ids, time phrases and TIMEX3 values are `SmolStr`: up to 23 bytes are kept inline, so the
/// hundreds of thousands of them in a large timeline need no allocation each.
pub use smol_str::SmolStr;
use std::borrow::Cow;
use std::sync::Arc;

/// A document's id, shared by every mention, event, claim and story event that names the
/// document: one allocation per document instead of one per record (on 20 MB of news, about
/// 200,000 of them).
pub type DocId = Arc<str>;

/// What a front end needs to know about one loaded article (its text lives in `ingest::Document`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// Stable id: `d` and 8 hex digits of the hash of its text (`pipeline::document_id`).
    pub id: String,
    pub path: String,
    pub title: String,
    /// Publication time (document creation time) as a TIMEX3 value, when known.
    pub dct: Option<String>,
    /// Where `dct` came from: "file" (TimeML DCT), "byline" (a byline or dateline in the text),
    /// "cli" (`--dct`) or "user" (set in the window); `None` when there is no publication date.
    #[serde(default)]
    pub dct_source: Option<String>,
    /// Length of the document text in Unicode code points.
    pub chars: usize,
    pub warnings: Vec<String>,
}

/// One time phrase found in a document, with its TIMEX3 annotation and how it was resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Stable id: `<doc id>-m<n>` in text order.
    pub id: SmolStr,
    pub doc: DocId,
    pub text: SmolStr,
    /// Code point offsets into the document text, half-open.
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    pub value: SmolStr,
    #[serde(rename = "mod")]
    pub modifier: Option<Box<str>>,
    /// Where the mention sits on the calendar; `None` for bare durations, PAST_REF and the like.
    pub interval: Option<Interval>,
    pub granularity: Option<Granularity>,
    /// Name of the tagger rule that found the phrase (a name from the rule table, borrowed rather
    /// than copied for each mention; owned when read from a file).
    pub rule: Cow<'static, str>,
    /// One line a user can read: how the value was resolved and against what.
    pub explanation: Box<str>,
    /// Index of the sentence (in the document) that holds the mention.
    pub sentence: usize,
}

/// The sentence an event came from. The events of one sentence share its text (`Arc`), so a
/// sentence holding many events is stored once, not once per event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRef {
    pub start: usize,
    pub end: usize,
    pub text: Arc<str>,
}

/// Where an event sat before the user moved it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub granularity: Granularity,
}

/// Something that happened, placed on the calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: `<doc id>-e<n>` in text order.
    pub id: SmolStr,
    pub doc: DocId,
    pub label: SmolStr,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub granularity: Granularity,
    /// Ids of the mentions that placed the event.
    pub mentions: Box<[SmolStr]>,
    pub sentence: SentenceRef,
    /// True once the user moved or relabelled the event.
    #[serde(default)]
    pub edited: bool,
    /// The extracted placement, kept when `edited` so it can be restored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Box<Placement>>,
    /// The extracted label, kept when the user renamed the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_label: Option<Box<str>>,
    /// Hidden by the user (recoverable); still exported, flagged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// Id of the story event this event belongs to (`Timeline::stories`).
    #[serde(default)]
    pub story: Option<SmolStr>,
    /// Set when the event is implied by the text rather than dated by it ("Khalid Masood, 52" →
    /// born 1964–65): what implies it and how.
    #[serde(default)]
    pub implied: Option<Box<ImpliedInfo>>,
    /// How the event got its time: `phrase` (its own time phrase), `context` (a sentence with no
    /// time phrase, placed by the discourse) or `relation` (placed after the event it points to).
    #[serde(default)]
    pub placement: PlacementKind,
    /// Why a context- or relation-placed event sits where it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement_explanation: Option<Box<str>>,
    /// Set when the user decided which story event the event belongs to (split, join, move):
    /// events with one pin are one story event, and a pinned event joins no other by rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story_pin: Option<Box<str>>,
}

/// How an event got its time (`Event::placement`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlacementKind {
    /// Dated by a time phrase of its own sentence.
    #[default]
    Phrase,
    /// A sentence with no time phrase, placed by the discourse: the paragraph's last time, or
    /// the publication date for a lede in the past tense.
    Context,
    /// A sentence with no time phrase that points at another event ("after the vote"): placed
    /// from that event's time on.
    Relation,
}

/// What makes an implied event: its kind, the phrase that implies it and the reasoning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImpliedInfo {
    /// "birth", "start", "anniversary" or "counted" (a count to a named day dates it).
    pub kind: String,
    /// Id of the time mention inside the phrase ("15-year" of "a 15-year veteran"), if it has one.
    pub mention: Option<SmolStr>,
    /// The phrase that implies the event, as written, and its code point offsets.
    pub phrase: String,
    pub start: usize,
    pub end: usize,
    /// Tenures and anniversaries give a year, not a day.
    pub approximate: bool,
    pub explanation: String,
}

/// One happening of the story as all its sources report it: the events of every document that
/// report it, the time they agree on, and why they were joined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryEvent {
    /// `s-` and the id of its first event (by id), so it is as stable as that event.
    pub id: SmolStr,
    pub label: SmolStr,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub granularity: Granularity,
    /// Ids of its events, sorted. (Boxed slices: a story event is made whole and never grows,
    /// and most of the tens of thousands in a large timeline have one event.)
    pub events: Box<[SmolStr]>,
    /// Ids of the documents its events come from, sorted.
    pub documents: Box<[DocId]>,
    /// Why its events were joined ("same day (2017-03-22)", "both name London"); empty for one event.
    pub reasons: Box<[String]>,
    /// True once the user split, joined or moved events between story events.
    #[serde(default)]
    pub edited: bool,
}

impl Event {
    /// The label extraction gave the event, whatever the user renamed it to: what the story
    /// layer reads to tell which happening it reports, so a rename never moves an event to
    /// another story event (a rename is wording; joins and splits are the user's grouping).
    pub fn extracted_label(&self) -> &str {
        self.original_label.as_deref().unwrap_or(&self.label)
    }

    /// An event placed by its own phrase at `place`, as extracted: not edited, hidden, pinned,
    /// implied or in a story event yet, and with no mentions listed.
    pub fn new(id: SmolStr, doc: DocId, label: String, place: Placement, sentence: SentenceRef) -> Self {
        Event {
            id,
            doc,
            label: label.into(),
            start: place.start,
            end: place.end,
            granularity: place.granularity,
            mentions: Box::default(),
            sentence,
            edited: false,
            original: None,
            original_label: None,
            hidden: false,
            story: None,
            implied: None,
            placement: PlacementKind::default(),
            placement_explanation: None,
            story_pin: None,
        }
    }

    pub fn placement(&self) -> Placement {
        Placement { start: self.start, end: self.end, granularity: self.granularity }
    }

    pub fn interval(&self) -> Interval {
        Interval::new(self.start, self.end)
    }
}

/// Where the story's day zero came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnchorSource {
    /// "given" (the user set it) or "inferred" (read from the articles, or a stand-in the user
    /// was told about).
    pub kind: String,
    /// Why: "--anchor", "set in the window", or the reasons of the inference.
    pub explanation: String,
}

impl AnchorSource {
    pub fn given(explanation: impl Into<String>) -> Self {
        AnchorSource { kind: "given".into(), explanation: explanation.into() }
    }

    pub fn inferred(explanation: impl Into<String>) -> Self {
        AnchorSource { kind: "inferred".into(), explanation: explanation.into() }
    }
}

/// All documents, mentions and events of one story, sorted by document then text position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub anchor: NaiveDate,
    /// Where `anchor` came from; `None` in files written before this was recorded.
    #[serde(default)]
    pub anchor_source: Option<AnchorSource>,
    pub documents: Vec<DocumentInfo>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    /// Every event's story event, sorted by id.
    #[serde(default)]
    pub stories: Vec<StoryEvent>,
    /// What the sources state (counts, ages), by document then position.
    #[serde(default)]
    pub claims: Vec<crate::story::claims::Claim>,
    /// Where sources disagree, sorted by id.
    #[serde(default)]
    pub conflicts: Vec<crate::story::conflicts::Conflict>,
    /// Where two or more sources say the same, sorted by id.
    #[serde(default)]
    pub agreements: Vec<crate::story::conflicts::Agreement>,
    /// Where each id is in the vectors above, for the lookups by id.
    #[serde(skip)]
    pub index: Box<crate::id_index::TimelineIndex>,
}

/// The shortest span from one event's start to another's end that holds nine in ten of
/// `sorted` (by start); all of them when there are fewer than ten.
fn densest_window(sorted: &[(NaiveDateTime, NaiveDateTime)]) -> (NaiveDateTime, NaiveDateTime) {
    let n = sorted.len();
    let first = sorted[0].0;
    let last = sorted.iter().map(|(_, e)| *e).max().unwrap_or(first);
    if n < 10 {
        return (first, last);
    }
    let k = (n * 9).div_ceil(10);
    // Ends are not sorted: a window's end is the latest end among its members, kept with a
    // monotonic deque so the scan stays linear.
    let mut best = (first, last);
    let mut ends: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    for i in 0..n {
        while ends.back().is_some_and(|&j| sorted[j].1 <= sorted[i].1) {
            ends.pop_back();
        }
        ends.push_back(i);
        if i + 1 < k {
            continue;
        }
        let from = i + 1 - k;
        while ends.front().is_some_and(|&j| j < from) {
            ends.pop_front();
        }
        let end = ends.front().map_or(sorted[i].1, |&j| sorted[j].1);
        if end - sorted[from].0 < best.1 - best.0 {
            best = (sorted[from].0, end);
        }
    }
    best
}

impl Timeline {
    pub fn empty(anchor: NaiveDate) -> Self {
        Timeline {
            anchor,
            anchor_source: None,
            documents: Vec::new(),
            mentions: Vec::new(),
            events: Vec::new(),
            stories: Vec::new(),
            claims: Vec::new(),
            conflicts: Vec::new(),
            agreements: Vec::new(),
            index: Default::default(),
        }
    }

    pub fn story(&self, id: &str) -> Option<&StoryEvent> {
        self.index.stories.position(&self.stories, id, |s| &s.id).map(|at| &self.stories[at])
    }

    /// A claim by id: the conflicts panel lists a few hundred claims of thousands every frame.
    pub fn claim(&self, id: &str) -> Option<&crate::story::claims::Claim> {
        self.index.claims.position(&self.claims, id, |c| &c.id).map(|at| &self.claims[at])
    }

    pub fn mention(&self, id: &str) -> Option<&Mention> {
        self.index.mentions.position(&self.mentions, id, |m| &m.id).map(|at| &self.mentions[at])
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_position(id).map(|at| &self.events[at])
    }

    /// The event a mention placed (the first one listing it), found without a scan.
    pub fn event_placed_by(&self, mention_id: &str) -> Option<&Event> {
        let at = self
            .index
            .events_by_mention
            .position_listing(&self.events, mention_id, |event, visit| event.mentions.iter().for_each(|m| visit(m)))?;
        Some(&self.events[at])
    }

    /// Where the event with `id` is in `events`.
    pub fn event_position(&self, id: &str) -> Option<usize> {
        self.index.events.position(&self.events, id, |e| &e.id)
    }

    /// Gives every mention, event, claim and story event of a document one shared id (`DocId`):
    /// reading a file makes one per record (extraction makes one per document already).
    pub fn share_document_ids(&mut self) {
        let mut shared: std::collections::HashSet<DocId> = std::collections::HashSet::new();
        let mut share = |doc: &mut DocId| match shared.get(&**doc) {
            Some(kept) => *doc = Arc::clone(kept),
            None => {
                shared.insert(Arc::clone(doc));
            }
        };
        self.mentions.iter_mut().for_each(|m| share(&mut m.doc));
        self.events.iter_mut().for_each(|e| share(&mut e.doc));
        self.claims.iter_mut().for_each(|c| share(&mut c.doc));
        self.stories.iter_mut().flat_map(|s| s.documents.iter_mut()).for_each(share);
    }

    pub fn document(&self, id: &str) -> Option<&DocumentInfo> {
        self.index.documents.position(&self.documents, id, |d| &d.id).map(|at| &self.documents[at])
    }

    /// Mentions that place nothing on the calendar (durations, PAST_REF, ...): the "Undated" strip.
    pub fn undated_mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(|m| m.interval.is_none())
    }

    /// Where the story happens: the span of visible events placed to the day or finer, together
    /// with the anchor day. Background ("the 1990s", "December 2019") is left out so that a first
    /// view shows the story itself, and so are far outliers: the span is the shortest one holding
    /// nine in ten of those events, widened to take in the others that lie within its own length
    /// of it (fifty articles dated over months open on their busy week, not on the months).
    /// `None` when no event is that precise.
    pub fn story_extent(&self) -> Option<Interval> {
        let mut precise: Vec<(NaiveDateTime, NaiveDateTime)> = self
            .events
            .iter()
            .filter(|e| !e.hidden && e.implied.is_none() && e.granularity <= crate::timex::Granularity::Day)
            .map(|e| (e.start, e.end))
            .collect();
        if precise.is_empty() {
            return None;
        }
        precise.sort_unstable();
        let (core_start, core_end) = densest_window(&precise);
        let reach = (core_end - core_start).max(chrono::Duration::days(1));
        let (lo, hi) = (core_start - reach, core_end + reach);
        let kept = precise.iter().filter(|(s, e)| *e >= lo && *s <= hi);
        let anchor = Interval::day(self.anchor);
        let start = kept.clone().map(|(s, _)| *s).min()?.min(anchor.start);
        let end = kept.map(|(_, e)| *e).max()?.max(anchor.end);
        Some(Interval::new(start, end))
    }

    /// Earliest start and latest end over visible events, if any.
    pub fn extent(&self) -> Option<Interval> {
        let visible = self.events.iter().filter(|e| !e.hidden);
        let start = visible.clone().map(|e| e.start).min()?;
        let end = visible.map(|e| e.end).max()?;
        Some(Interval::new(start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::Granularity;

    fn day_event(id: usize, day: NaiveDate) -> Event {
        let start = day.and_time(chrono::NaiveTime::MIN);
        let place = Placement { start, end: start + chrono::Duration::days(1), granularity: Granularity::Day };
        Event::new(
            smol_str::format_smolstr!("d1-e{id}"),
            "d1".into(),
            "x".into(),
            place,
            SentenceRef { start: 0, end: 1, text: "x".into() },
        )
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Issue #9 §6: fifty articles with a few old dates opened on months with everything in one
    /// column; the first view is the busy span, with its close neighbours.
    #[test]
    fn the_story_extent_leaves_far_outliers_out_and_keeps_close_neighbours() {
        let mut t = Timeline::empty(ymd(2017, 3, 22));
        for i in 0..30 {
            t.events.push(day_event(i, ymd(2017, 3, 20 + (i % 5) as u32)));
        }
        t.events.push(day_event(40, ymd(2017, 3, 28)));
        t.events.push(day_event(41, ymd(2016, 10, 2)));
        t.events.push(day_event(42, ymd(2016, 11, 5)));
        let extent = t.story_extent().unwrap();
        assert_eq!(extent.start.date(), ymd(2017, 3, 20));
        assert_eq!(extent.end.date(), ymd(2017, 3, 29), "the 28th is a close neighbour");
    }

    #[test]
    fn a_small_story_keeps_every_precise_event() {
        let mut t = Timeline::empty(ymd(2017, 3, 22));
        t.events.push(day_event(1, ymd(2017, 3, 22)));
        t.events.push(day_event(2, ymd(2016, 10, 2)));
        assert_eq!(t.story_extent().unwrap().start.date(), ymd(2016, 10, 2));
    }
}
