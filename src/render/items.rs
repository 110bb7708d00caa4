//! What a scene draws, before any geometry: the sources (documents with their colour and letter)
//! and the items of each row. In the By source view an item is one event in its document's lane;
//! in the Story view it is one story event, drawn once, with a badge for each of its sources.

use super::theme::doc_color;
use super::{SceneOptions, TimelineView};
use crate::timeline::{Event, PlacementKind, SmolStr, StoryEvent, Timeline};
use crate::timex::Granularity;
use chrono::NaiveDateTime;
use epaint::Color32;
// The maps of a scene hold every event's id, built again each frame: aHash (seeded per process)
// instead of SipHash, which with the lookups was a fifth of a Story view frame.
use crate::text::fast_hash::{FastMap as HashMap, FastSet as HashSet};

/// One document as the drawing shows it: a colour and a letter (colours repeat after seven
/// documents, letters do not, so fifty sources stay apart).
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub doc: String,
    pub title: String,
    pub color: Color32,
    pub letter: String,
}

/// `A`..`Z`, then `AA`, `AB`, ... for the document at `index`.
pub fn letter(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// The documents in timeline order, then any document id an event uses that `documents` lacks.
pub fn sources(timeline: &Timeline, dark: bool) -> Vec<Source> {
    let mut ids: Vec<(&str, &str)> = timeline.documents.iter().map(|d| (d.id.as_str(), d.title.as_str())).collect();
    let mut known: HashSet<&str> = ids.iter().map(|(id, _)| *id).collect();
    // Events come by document: a run of one document's events is looked up once.
    let mut last: Option<&str> = None;
    for e in &timeline.events {
        if last != Some(&*e.doc) {
            last = Some(&*e.doc);
            if known.insert(&*e.doc) {
                ids.push((&*e.doc, &*e.doc));
            }
        }
    }
    ids.iter()
        .enumerate()
        .map(|(i, (id, title))| Source {
            doc: (*id).to_string(),
            title: if title.trim().is_empty() { (*id).to_string() } else { (*title).to_string() },
            color: doc_color(i, dark),
            letter: letter(i),
        })
        .collect()
}

/// One thing drawn on a row: an event, or a story event standing for all its events.
#[derive(Debug, Clone)]
pub struct Item<'t> {
    /// The event the item answers for (clicks, drags, the inspector).
    pub id: &'t str,
    /// Every event the item stands for (itself alone in the By source view).
    pub members: &'t [SmolStr],
    pub label: &'t str,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub granularity: Granularity,
    /// The row (lane) it is drawn in.
    pub row: usize,
    /// The colour of its marker.
    pub color: Color32,
    pub hidden: bool,
    pub implied: bool,
    /// Placed by context, not by a time phrase of its own: drawn lighter.
    pub context: bool,
    pub edited: bool,
    /// Its time is approximate (an APPROX mention, or implied).
    pub approx: bool,
    /// Its story event has a conflict between sources.
    pub conflict: bool,
    /// Indices into the sources of the documents it comes from (Story view only).
    pub sources: Vec<usize>,
    /// Its story event is reported by several documents (in either view).
    pub corroborated: bool,
}

impl Item<'_> {
    pub fn is_selected(&self, id: Option<&str>) -> bool {
        id.is_some_and(|id| self.members.iter().any(|m| m == id))
    }

    /// How much the item deserves a row when a crowded stretch cannot show every label (lower
    /// first): story events whose sources disagree; those several sources report or the user
    /// edited; events dated by their own phrase; implied events; and last the events placed by
    /// context, such as the statements that gather on publication days. (The selected event is
    /// kept drawn by `stack::stack_lane_keeping`.)
    pub fn rank(&self) -> u8 {
        if self.conflict {
            1
        } else if self.corroborated || self.edited {
            2
        } else if self.context {
            5
        } else if self.implied {
            4
        } else {
            3
        }
    }
}

/// Is the event drawn with these options?
pub fn is_visible(e: &Event, options: &SceneOptions) -> bool {
    (!e.hidden || options.show_hidden)
        && (e.implied.is_none() || options.show_implied)
        && (e.placement == PlacementKind::Phrase || options.show_context)
}

/// What makes an item's look, gathered once per scene.
struct Looks<'t, 's> {
    approx_mentions: HashSet<&'t str>,
    conflicted: HashSet<&'t str>,
    /// Story events reported by several documents.
    corroborated: HashSet<&'t str>,
    /// Each source's index by document id (`sources` already holds every document an event uses).
    source_of: HashMap<&'s str, usize>,
    /// Where a drag under way puts events, by id, and the story event it shifts.
    moved: HashMap<&'s str, (NaiveDateTime, NaiveDateTime)>,
    moved_story: Option<(&'s str, chrono::Duration)>,
}

impl<'t, 's> Looks<'t, 's> {
    fn new(timeline: &'t Timeline, sources: &'s [Source], options: &'s SceneOptions) -> Self {
        let approx_mentions = timeline
            .mentions
            .iter()
            .filter(|m| m.modifier.as_deref().is_some_and(|md| md.eq_ignore_ascii_case("APPROX")))
            .map(|m| m.id.as_str())
            .collect();
        let conflicted = timeline.conflicts.iter().filter_map(|c| c.story.as_deref()).collect();
        // Asked of events in the By source view only: in the Story view a story event counts its
        // own documents, and an event drawn on its own has no known story event.
        let corroborated = match options.view {
            TimelineView::Sources => {
                timeline.stories.iter().filter(|s| s.documents.len() > 1).map(|s| s.id.as_str()).collect()
            }
            TimelineView::Story => HashSet::default(),
        };
        let source_of = sources.iter().enumerate().map(|(i, s)| (&*s.doc, i)).collect();
        let preview = options.preview.as_ref();
        let moved =
            preview.map(|p| p.events.iter().map(|(id, s, e)| (id.as_str(), (*s, *e))).collect()).unwrap_or_default();
        let moved_story = preview.and_then(|p| p.story.as_ref()).map(|(id, shift)| (id.as_str(), *shift));
        Looks { approx_mentions, conflicted, corroborated, source_of, moved, moved_story }
    }

    /// Where `e` is drawn: where a drag puts it, else where it is.
    fn span(&self, e: &Event) -> (NaiveDateTime, NaiveDateTime) {
        self.moved.get(e.id.as_str()).copied().unwrap_or((e.start, e.end))
    }

    /// Where story event `s` is drawn.
    fn story_span(&self, s: &StoryEvent) -> (NaiveDateTime, NaiveDateTime) {
        match self.moved_story {
            Some((id, shift)) if id == s.id => (s.start + shift, s.end + shift),
            _ => (s.start, s.end),
        }
    }

    fn approx(&self, e: &Event) -> bool {
        e.implied.is_some() || e.mentions.iter().any(|m| self.approx_mentions.contains(m.as_str()))
    }

    fn conflict(&self, e: &Event) -> bool {
        e.story.as_deref().is_some_and(|s| self.conflicted.contains(s))
    }
}

/// The items of the scene for `options.view`, each with its row.
pub fn items<'t>(
    timeline: &'t Timeline,
    options: &SceneOptions,
    sources: &[Source],
    story_color: Color32,
) -> Vec<Item<'t>> {
    let looks = Looks::new(timeline, sources, options);
    match options.view {
        TimelineView::Sources => event_items(timeline, options, sources, &looks),
        TimelineView::Story => story_items(timeline, options, sources, &looks, story_color),
    }
}

fn event_item<'t>(e: &'t Event, row: usize, color: Color32, looks: &Looks<'_, '_>) -> Item<'t> {
    let (start, end) = looks.span(e);
    Item {
        id: &e.id,
        members: std::slice::from_ref(&e.id),
        label: &e.label,
        start,
        end,
        granularity: e.granularity,
        row,
        color,
        hidden: e.hidden,
        implied: e.implied.is_some(),
        context: e.placement != PlacementKind::Phrase,
        edited: e.edited || (start, end) != (e.start, e.end),
        approx: looks.approx(e),
        conflict: looks.conflict(e),
        sources: Vec::new(),
        corroborated: e.story.as_deref().is_some_and(|s| looks.corroborated.contains(s)),
    }
}

/// One item per visible event, in its document's lane.
fn event_items<'t>(
    timeline: &'t Timeline,
    options: &SceneOptions,
    sources: &[Source],
    looks: &Looks<'_, '_>,
) -> Vec<Item<'t>> {
    timeline
        .events
        .iter()
        .filter(|e| is_visible(e, options))
        .filter_map(|e| {
            let row = *looks.source_of.get(&*e.doc)?;
            Some(event_item(e, row, sources[row].color, looks))
        })
        .collect()
}

/// One item per story event with a visible event, all in row 0; events without a (known) story
/// event are drawn on their own.
fn story_items<'t>(
    timeline: &'t Timeline,
    options: &SceneOptions,
    sources: &[Source],
    looks: &Looks<'_, '_>,
    story_color: Color32,
) -> Vec<Item<'t>> {
    // Each visible event with its story event, read in one pass over the events (a lookup of
    // each story event's members by id was a third of a Story view frame), then gathered by
    // story event in the order of its member list (ids, sorted).
    let story_at: HashMap<&str, usize> = timeline.stories.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut members: Vec<(usize, &Event)> = Vec::with_capacity(timeline.events.len());
    let mut out: Vec<Item<'t>> = Vec::with_capacity(timeline.stories.len());
    for e in timeline.events.iter().filter(|e| is_visible(e, options)) {
        match e.story.as_deref().and_then(|s| story_at.get(s)) {
            Some(&at) => members.push((at, e)),
            None => {
                let color = looks.source_of.get(&*e.doc).map_or(story_color, |&i| sources[i].color);
                let mut item = event_item(e, 0, color, looks);
                item.sources = looks.source_of.get(&*e.doc).copied().into_iter().collect();
                out.push(item);
            }
        }
    }
    members.sort_unstable_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
    let loose: Vec<Item<'t>> = std::mem::take(&mut out);
    for group in members.chunk_by(|a, b| a.0 == b.0) {
        let story = &timeline.stories[group[0].0];
        let visible: Vec<&Event> = group.iter().map(|(_, e)| *e).collect();
        out.extend(story_item(story, &visible, sources, looks, story_color));
    }
    out.extend(loose);
    out
}

/// The item of `story`, drawn for its `visible` events (in the order of its member list).
fn story_item<'t>(
    story: &'t StoryEvent,
    visible: &[&'t Event],
    sources: &[Source],
    looks: &Looks<'_, '_>,
    story_color: Color32,
) -> Option<Item<'t>> {
    let lead = match visible {
        [only] => *only,
        _ => visible.iter().find(|e| e.label == story.label).or(visible.first()).copied()?,
    };
    let mut docs: Vec<usize> = visible.iter().filter_map(|e| looks.source_of.get(&*e.doc).copied()).collect();
    docs.sort_unstable();
    docs.dedup();
    // A story event of one source keeps that source's colour; a shared one is the story's own.
    let color = match docs.as_slice() {
        [only] if visible.len() == 1 => sources[*only].color,
        _ => story_color,
    };
    let (start, end) = looks.story_span(story);
    Some(Item {
        id: &lead.id,
        members: &story.events,
        label: &story.label,
        start,
        end,
        granularity: story.granularity,
        row: 0,
        color,
        hidden: visible.iter().all(|e| e.hidden),
        implied: visible.iter().all(|e| e.implied.is_some()),
        context: visible.iter().all(|e| e.placement != PlacementKind::Phrase),
        edited: story.edited || visible.iter().any(|e| e.edited),
        approx: looks.approx(lead),
        conflict: looks.conflicted.contains(story.id.as_str()),
        corroborated: story.documents.len() > 1,
        sources: docs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_past_z() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
        assert_eq!(letter(51), "AZ");
        assert_eq!(letter(52), "BA");
        assert_eq!(letter(701), "ZZ");
        assert_eq!(letter(702), "AAA");
    }
}
