//! Story events: the events of all documents grouped into happenings, so that what several
//! sources (or a lede and a recap) report is one story event listing every source. Two events are
//! one happening when their times are compatible, their own clauses name the same event family
//! (`families`), and they share a participant (a name or place) or enough content words. Events
//! are blocked by family and time first, and only events of one block sharing an evidence word are
//! compared, so the work is near linear in the number of events. Each merge keeps its reasons.

use super::evidence::{self, Evidence, Words};
use super::families;
use crate::text::fast_hash::FastMap as HashMap;
use crate::timeline::{Event, PlacementKind, SmolStr, StoryEvent};
use crate::timex::Granularity;
use chrono::NaiveDateTime;
use std::collections::{BTreeMap, BTreeSet};

/// Content words two sentences must share (as a share of the smaller set) to count as evidence
/// without a shared name.
const MIN_CONTENT_OVERLAP: f64 = 0.3;
/// The share of content words two statements must have in common in what they say: a name of
/// the place both write about is not enough ("said the envoy had left Beijing", "reported an
/// officer was held in Beijing").
const MIN_SAID_OVERLAP: f64 = 0.5;
/// Words seen in more events than this within a block say nothing about which ones match.
const MAX_WORD_SPREAD: usize = 24;

/// Where events can only merge with each other: one family, and one day (events placed to the
/// day or finer) or one exact interval (coarser ones: "in 2016" meets only "in 2016").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Block {
    Day(&'static str, chrono::NaiveDate),
    Span(&'static str, NaiveDateTime, NaiveDateTime),
}

fn block_of(event: &Event, family: &'static str) -> Block {
    if event.granularity <= Granularity::Day && event.end - event.start <= chrono::Duration::days(1) {
        Block::Day(family, event.start.date())
    } else {
        Block::Span(family, event.start, event.end)
    }
}

/// Groups `events` into story events. Every event gets exactly one; singletons included. The
/// result is sorted by story id; each event's `story` field is set.
pub fn group(events: &mut [Event]) -> Vec<StoryEvent> {
    let mut words = Words::default();
    let families = evidence::families(events);
    let mut blocks: Vec<(Block, Vec<usize>)> = blocks(events, &families).into_iter().collect();
    blocks.sort_by_key(|(_, members)| members.first().copied());
    let worth_reading = worth_reading(events, &blocks);
    let evidence = evidence::of_all(events, &families, &worth_reading, &mut words);
    let document = document_numbers(events);
    let mut sets = DisjointSets::new(events.len());
    // By root, in order, so that the reasons of a story event come out the same in every run.
    let mut reasons: BTreeMap<usize, Vec<Reason>> = BTreeMap::new();
    join_pinned(events, &mut sets, &mut reasons);
    // Which pairs report one happening depends on the two events alone: decided for every block
    // at once (on every core), then joined in block and pair order, so the result is the same
    // whatever the number of threads.
    let matches: Vec<Vec<(usize, usize, Why)>> = {
        use rayon::prelude::*;
        let events: &[Event] = events;
        blocks.par_iter().map(|(_, members)| matching_pairs(events, members, &evidence)).collect()
    };
    for (a, b, why) in matches.into_iter().flatten() {
        if !sets.may_join(a, b, |x, y| document[x] != document[y] || is_recap(&evidence[x], &evidence[y])) {
            continue;
        }
        let root = sets.union(a, b);
        add_reasons(reasons.entry(root).or_default(), why.reasons());
    }
    // What each event's clause says is read for matching only: let it go before the story
    // events are made, so they take its memory instead of adding to it.
    drop((evidence, blocks, worth_reading, families));
    let mut merged_reasons: BTreeMap<usize, Vec<Reason>> = BTreeMap::new();
    for (root, list) in reasons {
        add_reasons(merged_reasons.entry(sets.find(root)).or_default(), list);
    }
    let clusters = clusters(&mut sets, events.len());
    let reasons: Vec<Vec<String>> = clusters
        .iter()
        .map(|(root, _)| merged_reasons.remove(root).unwrap_or_default().iter().map(|r| r.text(&words)).collect())
        .collect();
    let mut stories: Vec<StoryEvent> = {
        use rayon::prelude::*;
        let events: &[Event] = events;
        clusters.par_iter().zip(reasons).map(|((_, members), why)| story_of(events, members, why)).collect()
    };
    // Each event's story id, copied on every core (one string per event).
    let mut story_of_event = vec![0; events.len()];
    for (slot, (_, members)) in clusters.iter().enumerate() {
        for &index in members {
            story_of_event[index] = slot;
        }
    }
    {
        use rayon::prelude::*;
        events
            .par_iter_mut()
            .zip(story_of_event)
            .for_each(|(event, slot)| event.story = Some(stories[slot].id.clone()));
        stories.par_sort_unstable_by(|a, b| a.id.cmp(&b.id));
    }
    stories
}

/// The candidate pairs of one block that report one happening, in pair order, each with why.
/// Pinned events join by the user's word only; an event placed by context never joins as if its
/// time were stated.
fn matching_pairs(events: &[Event], members: &[usize], evidence: &[Evidence]) -> Vec<(usize, usize, Why)> {
    let joinable = |e: &Event| e.placement == PlacementKind::Phrase && e.story_pin.is_none();
    candidate_pairs(members, evidence)
        .into_iter()
        .filter(|&(a, b)| joinable(&events[a]) && joinable(&events[b]))
        .filter_map(|(a, b)| {
            let why = same_happening(&events[a], &events[b], &evidence[a], &evidence[b])?;
            Some((a, b, why))
        })
        .collect()
}

/// A number per event telling its document: joining two story events compares every pair of
/// their members, and comparing numbers instead of document ids took a quarter of that time.
fn document_numbers(events: &[Event]) -> Vec<u32> {
    let mut numbers: HashMap<&str, u32> = HashMap::default();
    let mut last: Option<(&str, u32)> = None;
    events
        .iter()
        .map(|event| match last {
            // A document's events are next to each other: one lookup per run.
            Some((doc, number)) if doc == &*event.doc => number,
            _ => {
                let fresh = numbers.len() as u32;
                let number = *numbers.entry(&*event.doc).or_insert(fresh);
                last = Some((&*event.doc, number));
                number
            }
        })
        .collect()
}

/// Each set's root and members, in order of first member.
fn clusters(sets: &mut DisjointSets, n: usize) -> Vec<(usize, Vec<usize>)> {
    let mut slot_of_root = vec![usize::MAX; n];
    let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
    for index in 0..n {
        let root = sets.find(index);
        if slot_of_root[root] == usize::MAX {
            slot_of_root[root] = out.len();
            out.push((root, Vec::new()));
        }
        out[slot_of_root[root]].1.push(index);
    }
    out
}

/// The user's decisions come first: events with one `story_pin` are one story event.
fn join_pinned(events: &[Event], sets: &mut DisjointSets, reasons: &mut BTreeMap<usize, Vec<Reason>>) {
    let mut first_of_pin: HashMap<&str, usize> = HashMap::default();
    for (index, event) in events.iter().enumerate() {
        let Some(pin) = event.story_pin.as_deref() else { continue };
        match first_of_pin.get(pin) {
            Some(&first) => {
                let root = sets.union(first, index);
                let list = reasons.entry(root).or_default();
                if list.is_empty() {
                    list.push(Reason::Pinned);
                }
            }
            None => {
                first_of_pin.insert(pin, index);
            }
        }
    }
}

/// Whether each event's evidence is worth reading: another event shares its block (else no
/// pair can hold it), or the user pinned it (its story event's members are compared when it
/// joins another).
fn worth_reading(events: &[Event], blocks: &[(Block, Vec<usize>)]) -> Vec<bool> {
    let mut worth: Vec<bool> = events.iter().map(|e| e.story_pin.is_some()).collect();
    for (_, members) in blocks.iter().filter(|(_, members)| members.len() > 1) {
        for &index in members {
            worth[index] = true;
        }
    }
    worth
}

/// Events with a family (`evidence::families`), by block.
fn blocks(events: &[Event], families: &[Option<&'static str>]) -> HashMap<Block, Vec<usize>> {
    let mut blocks: HashMap<Block, Vec<usize>> = HashMap::default();
    for (index, (event, family)) in events.iter().zip(families).enumerate() {
        if let Some(family) = family {
            blocks.entry(block_of(event, family)).or_default().push(index);
        }
    }
    blocks
}

/// Pairs of one block that could be one happening (`same_happening` decides): pairs that share a
/// participant, and pairs where one names nobody that share a content word (not for statements,
/// which are one only when they share a participant). A word held by most of a big block says
/// nothing about which events match and is skipped. Each pair once, sorted.
fn candidate_pairs(members: &[usize], evidence: &[Evidence]) -> Vec<(usize, usize)> {
    let statements = members.first().is_some_and(|&first| evidence[first].family == Some(families::STATEMENT));
    let mut by_participant: HashMap<u32, Vec<usize>> = HashMap::default();
    let mut by_content: HashMap<u32, Vec<usize>> = HashMap::default();
    for &index in members {
        for &word in &evidence[index].participants {
            by_participant.entry(word).or_default().push(index);
        }
        if statements {
            continue;
        }
        for &word in &evidence[index].content {
            by_content.entry(word).or_default().push(index);
        }
    }
    let mut pairs = BTreeSet::new();
    for holders in by_participant.values().filter(|h| h.len() <= MAX_WORD_SPREAD) {
        for (i, &a) in holders.iter().enumerate() {
            for &b in &holders[i + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    for &a in members.iter().filter(|&&a| !statements && evidence[a].participants.is_empty()) {
        for word in &evidence[a].content {
            let Some(holders) = by_content.get(word).filter(|h| h.len() <= MAX_WORD_SPREAD) else { continue };
            for &b in holders.iter().filter(|&&b| b != a) {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    pairs.into_iter().collect()
}

/// Two events of one document are one happening only when one restates the other (a lede and a
/// recap): most of their words or at least two names in common. Without this, a chain through
/// other sources would join an article's distinct events of one day ("a fire tore through the
/// store", "crews fought the blaze late that night").
fn is_recap(a: &Evidence, b: &Evidence) -> bool {
    evidence::overlap(&a.content, &b.content) >= 0.5 || evidence::shared(&a.participants, &b.participants).len() >= 2
}

/// Why `a` and `b` report the same happening, or `None` when they do not. They are in one block
/// already (same family, compatible time).
fn same_happening(a: &Event, b: &Event, ea: &Evidence, eb: &Evidence) -> Option<Why> {
    let family = ea.family?;
    if a.doc == b.doc && a.sentence.start == b.sentence.start {
        // Two events of one sentence are there because their times differ.
        return None;
    }
    if a.doc == b.doc && !is_recap(ea, eb) {
        return None;
    }
    let shared = evidence::shared(&ea.participants, &eb.participants);
    let overlap = evidence::overlap(&ea.content, &eb.content);
    // A report is the same report only when the same person says the same thing (its content
    // words are what is said, `evidence::content_of`): two newspapers that both name the US said
    // two different things. Two other sentences that both name people or places, none of them
    // the same, tell of different happenings ("the attack in London", "the attack in Paris").
    let both_name_someone = !ea.participants.is_empty() && !eb.participants.is_empty();
    let enough = if family == families::STATEMENT {
        !shared.is_empty() && overlap >= MIN_SAID_OVERLAP
    } else if both_name_someone {
        !shared.is_empty()
    } else {
        overlap >= MIN_CONTENT_OVERLAP
    };
    if !enough {
        return None;
    }
    let mut names = [0; 3];
    let named = shared.len().min(names.len());
    names[..named].copy_from_slice(&shared[..named]);
    Some(Why {
        same_day: a.granularity <= Granularity::Day && b.granularity <= Granularity::Day,
        day: a.start.date(),
        family,
        names,
        named: named as u8,
        overlap: (overlap >= MIN_CONTENT_OVERLAP).then_some(overlap),
    })
}

/// Why two events report one happening, as the pair is decided: no text yet, since most pairs'
/// reasons repeat their story event's and are dropped (tens of thousands of strings on a large
/// story).
#[derive(Clone, Copy)]
struct Why {
    /// Both placed to the day or finer ("same day"), else "same time".
    same_day: bool,
    day: chrono::NaiveDate,
    family: &'static str,
    /// The first participants both name (word ids), `named` of them.
    names: [u32; 3],
    named: u8,
    /// The share of content words in common, when it counts as evidence.
    overlap: Option<f64>,
}

impl Why {
    /// Its reasons, in the order they are given.
    fn reasons(self) -> impl Iterator<Item = Reason> {
        let names = (self.named > 0).then_some(Reason::Names(self.names, self.named));
        let time = Reason::Time(self.same_day, self.day);
        [Some(time), Some(Reason::Family(self.family)), names, self.overlap.map(Reason::Overlap)].into_iter().flatten()
    }
}

/// Adds to `list` the reasons of a kind it does not give yet.
fn add_reasons(list: &mut Vec<Reason>, reasons: impl IntoIterator<Item = Reason>) {
    for reason in reasons {
        if !list.iter().any(|r| r.same_kind(&reason)) {
            list.push(reason);
        }
    }
}

/// One reason given for a story event. Each kind is given once per story event, from its first
/// merge: "same day" and "same time", "both say", "both name" with the same names, the words in
/// common, and the user's join.
#[derive(Clone, Copy)]
enum Reason {
    Time(bool, chrono::NaiveDate),
    Family(&'static str),
    Names([u32; 3], u8),
    Overlap(f64),
    Pinned,
}

impl Reason {
    fn same_kind(&self, other: &Reason) -> bool {
        match (self, other) {
            (Reason::Time(a, _), Reason::Time(b, _)) => a == b,
            (Reason::Family(_), Reason::Family(_)) | (Reason::Overlap(_), Reason::Overlap(_)) => true,
            (Reason::Names(a, m), Reason::Names(b, n)) => a[..usize::from(*m)] == b[..usize::from(*n)],
            (Reason::Pinned, Reason::Pinned) => true,
            _ => false,
        }
    }

    fn text(&self, words: &Words) -> String {
        match self {
            Reason::Time(true, day) => format!("same day ({day})"),
            Reason::Time(false, day) => format!("same time ({day})"),
            Reason::Family(family) => format!("both say \u{201c}{family}\u{201d}"),
            Reason::Names(ids, n) => {
                let names: Vec<String> = ids[..usize::from(*n)].iter().map(|&id| words.name(id)).collect();
                format!("both name {}", names.join(", "))
            }
            Reason::Overlap(share) => format!("{:.0}% of their words in common", share * 100.0),
            Reason::Pinned => "joined by you".to_string(),
        }
    }
}

/// The story event of one cluster: the most precise time its sources agree on, the clearest of
/// their labels, and its id from its first event (stable while that event is).
fn story_of(events: &[Event], members: &[usize], reasons: Vec<String>) -> StoryEvent {
    if let [only] = members {
        // Most story events have one source: its own time and label.
        let event = &events[*only];
        return StoryEvent {
            id: smol_str::format_smolstr!("s-{}", event.id),
            label: event.label.clone(),
            start: event.start,
            end: event.end,
            granularity: event.granularity,
            events: Box::new([event.id.clone()]),
            documents: Box::new([event.doc.clone()]),
            reasons: reasons.into_boxed_slice(),
            edited: event.story_pin.is_some(),
        };
    }
    let mut sorted: Vec<&Event> = members.iter().map(|&i| &events[i]).collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let first = sorted[0];
    let time = agreed_time(&sorted);
    let label = clearest_label(&sorted);
    let mut documents: Vec<crate::timeline::DocId> = sorted.iter().map(|e| e.doc.clone()).collect();
    documents.sort();
    documents.dedup();
    StoryEvent {
        id: smol_str::format_smolstr!("s-{}", first.id),
        label,
        start: time.0,
        end: time.1,
        granularity: time.2,
        events: sorted.iter().map(|e| e.id.clone()).collect(),
        documents: documents.into_boxed_slice(),
        reasons: reasons.into_boxed_slice(),
        edited: sorted.iter().any(|e| e.story_pin.is_some()),
    }
}

/// The finest member time that lies within every other member's time; when none does (the
/// sources disagree), the span covering them all at the coarsest granularity.
fn agreed_time(members: &[&Event]) -> (NaiveDateTime, NaiveDateTime, Granularity) {
    let mut by_precision: Vec<&&Event> = members.iter().collect();
    by_precision.sort_by_key(|e| (e.granularity, e.end - e.start, e.start));
    for candidate in &by_precision {
        if members.iter().all(|other| other.start <= candidate.start && candidate.end <= other.end) {
            return (candidate.start, candidate.end, candidate.granularity);
        }
    }
    let start = members.iter().map(|e| e.start).min().unwrap_or(members[0].start);
    let end = members.iter().map(|e| e.end).max().unwrap_or(members[0].end);
    let coarsest = members.iter().map(|e| e.granularity).max().unwrap_or(Granularity::Day);
    (start, end, coarsest)
}

/// The label the user gave one of the events shown (the clearest of them when several were
/// renamed),
/// else the label a reader takes in fastest: three to ten words, not cut short, then the
/// shortest; ties go to the first event. (Regression: a source's event renamed in the window
/// kept the story event, and so the TimelineJS slide and the report, on the extracted label.)
fn clearest_label(members: &[&Event]) -> SmolStr {
    let renamed: Vec<&Event> = members.iter().copied().filter(|e| e.original_label.is_some() && !e.hidden).collect();
    let members = if renamed.is_empty() { members } else { &renamed };
    let score = |label: &str| {
        let words = label.split_whitespace().count();
        let length = if (3..=10).contains(&words) { 0 } else { words.abs_diff(6) };
        let cut = usize::from(label.ends_with('…'));
        (length + 3 * cut, words)
    };
    members.iter().min_by_key(|e| score(&e.label)).map(|e| e.label.clone()).unwrap_or_default()
}

/// Union-find over event indices, with path halving. Each set's members form a ring through
/// `next` (joining two sets swaps two links), so no list is kept per event.
struct DisjointSets {
    parent: Vec<usize>,
    next: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets { parent: (0..n).collect(), next: (0..n).collect() }
    }

    /// The members of `x`'s set, `x` first.
    fn members(&self, x: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = Some(x);
        std::iter::from_fn(move || {
            let current = at?;
            let following = self.next[current];
            at = (following != x).then_some(following);
            Some(current)
        })
    }

    /// Whether every member of `a`'s set may join every member of `b`'s set (`compatible`).
    fn may_join(&mut self, a: usize, b: usize, compatible: impl Fn(usize, usize) -> bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        ra == rb || self.members(ra).all(|x| self.members(rb).all(|y| compatible(x, y)))
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; returns the new root (the smaller index).
    fn union(&mut self, a: usize, b: usize) -> usize {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return ra;
        }
        let (root, child) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        self.next.swap(root, child);
        root
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disjoint_sets_keep_every_member_of_joined_sets() {
        let mut sets = DisjointSets::new(6);
        sets.union(0, 3);
        sets.union(4, 5);
        assert!(sets.may_join(3, 5, |_, _| true));
        sets.union(5, 3);
        let root = sets.find(4);
        let mut members: Vec<usize> = sets.members(root).collect();
        members.sort_unstable();
        assert_eq!(members, [0, 3, 4, 5]);
        assert_eq!(sets.members(1).collect::<Vec<_>>(), [1]);
        assert!(!sets.may_join(1, 0, |x, y| x + y != 1), "one incompatible pair keeps the sets apart");
    }
}
