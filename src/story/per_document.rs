//! The story layer's work on one document, during its extraction: the claims it makes, each tied
//! to the event of its sentence and to the kind of happening its sentence names, and the events its
//! text implies (births from ages, starts from tenures, original events from anniversaries, and
//! the happenings the resolver dated by a count to a named day), as events of their own, marked
//! implied.

use super::claims::{self, Claim};
use super::conflicts::{named_happening, COUNTED_FAMILIES};
use super::families;
use super::implied::{self, Implied, ImpliedKind};
use super::reading;
use crate::resolve::counted::CountedFrom;
use crate::text::blocks::Block;
use crate::text::offsets::CharOffsets;
use crate::text::SentenceSpan;
use crate::timeline::{DocId, Event, ImpliedInfo, Mention, PlacementKind, SentenceRef, SmolStr};
use crate::timex::TimexType;
use chrono::NaiveDate;
use std::ops::Range;
use std::sync::Arc;

/// A document as the story readers need it: its id, text, code point offsets, sentences, and
/// the breaks and blocks its tokens are made with (the tagger's, `text::blocks`).
#[derive(Clone, Copy)]
pub struct DocumentText<'a> {
    pub id: &'a DocId,
    pub text: &'a str,
    pub offsets: &'a CharOffsets,
    pub sentences: &'a [SentenceSpan],
    pub breaks: &'a [usize],
    pub blocks: &'a [Block],
}

/// The claims of one document and the events it implies, in one reading of its sentences.
/// `reference` is the date the text speaks from (its publication date, else the story's day zero).
pub fn read(
    doc: &DocumentText,
    mentions: &[Mention],
    events: &[Event],
    reference: NaiveDate,
) -> (Vec<Claim>, Vec<Event>) {
    read_outside(doc, mentions, events, reference, &date_spans(doc.offsets, mentions))
}

/// As `read`, with numbers inside `dates` (byte spans) known to state nothing.
fn read_outside(
    doc: &DocumentText,
    mentions: &[Mention],
    events: &[Event],
    reference: NaiveDate,
    dates: &[Range<usize>],
) -> (Vec<Claim>, Vec<Event>) {
    let DocumentText { id: doc_id, text, offsets, sentences, breaks, blocks } = *doc;
    let mut found = Vec::new();
    let mut reader = implied::Reader::new(reference);
    reading::each_sentence_in_blocks(text, sentences, (breaks, blocks), dates, |sentence| {
        found.extend(claims::of_sentence(doc_id, text, offsets, sentence));
        reader.read(text, offsets, sentence);
    });
    let implied = reader.finish(&found, text, offsets);
    let by_sentence = EventsBySentence::new(events);
    for claim in &mut found {
        let sentence = sentences.get(claim.sentence).and_then(|s| text.get(s.start..s.end)).unwrap_or("");
        claim.about = named_happening(sentence).map(SmolStr::from);
        claim.event = event_of_claim(claim, &by_sentence);
    }
    let mentions = MentionsBySentence::new(mentions);
    let implied_events =
        implied.into_iter().filter_map(|i| implied_event(doc_id, text, offsets, sentences, &mentions, i)).collect();
    (found, implied_events)
}

/// The events placed by their own time phrase, grouped by sentence (code point span) in text
/// order, each group in event order: a claim finds its sentence's events by a binary search
/// instead of a pass over every event of the document (which made a long text quadratic).
struct EventsBySentence<'e> {
    groups: Vec<(usize, usize, Vec<&'e Event>)>,
}

impl<'e> EventsBySentence<'e> {
    fn new(events: &'e [Event]) -> Self {
        let mut phrased: Vec<&Event> = events.iter().filter(|e| e.placement == PlacementKind::Phrase).collect();
        phrased.sort_by_key(|e| (e.sentence.start, e.sentence.end));
        let mut groups: Vec<(usize, usize, Vec<&Event>)> = Vec::new();
        for event in phrased {
            match groups.last_mut() {
                Some((start, end, members)) if (*start, *end) == (event.sentence.start, event.sentence.end) => {
                    members.push(event)
                }
                _ => groups.push((event.sentence.start, event.sentence.end, vec![event])),
            }
        }
        EventsBySentence { groups }
    }

    /// The events of the sentence holding code point `at`, in event order.
    fn at(&self, at: usize) -> impl Iterator<Item = &'e Event> + '_ {
        let holding = self.groups.partition_point(|(start, _, _)| *start <= at);
        // Sentences do not overlap: the last group starting at or before `at` is the one that
        // can hold it (the walk back stops at the first that ends before).
        self.groups[..holding]
            .iter()
            .rev()
            .take_while(move |(_, end, _)| at < *end)
            .flat_map(|(_, _, members)| members.iter().copied())
    }
}

/// The byte spans of the date and time mentions, in text order.
fn date_spans(offsets: &CharOffsets, mentions: &[Mention]) -> Vec<Range<usize>> {
    let dates = mentions.iter().filter(|m| matches!(m.timex_type, TimexType::Date | TimexType::Time));
    let mut spans: Vec<Range<usize>> = dates.map(|m| offsets.byte_at(m.start)..offsets.byte_at(m.end)).collect();
    spans.sort_by_key(|s| s.start);
    spans
}

/// The event of the claim's sentence it is about: one whose happening has counts to report, else
/// the first of the sentence. Events placed only by context are left out: a claim in such a
/// sentence is about the happening its sentence names, found across the story.
fn event_of_claim(claim: &Claim, events: &EventsBySentence) -> Option<SmolStr> {
    let in_sentence: Vec<&Event> = events.at(claim.start).collect();
    let counted =
        in_sentence.iter().find(|e| families::family_of_label(&e.label).is_some_and(|f| COUNTED_FAMILIES.contains(&f)));
    counted.or(in_sentence.first()).map(|e| e.id.clone())
}

/// A document's mentions found by sentence: a binary search when they are in sentence order
/// (as extraction gives them; checked once), else a pass over all of them.
struct MentionsBySentence<'m> {
    mentions: &'m [Mention],
    in_order: bool,
}

impl<'m> MentionsBySentence<'m> {
    fn new(mentions: &'m [Mention]) -> Self {
        MentionsBySentence { mentions, in_order: mentions.is_sorted_by_key(|m| m.sentence) }
    }

    fn of(&self, sentence: usize) -> &'m [Mention] {
        if !self.in_order {
            return self.mentions;
        }
        let first = self.mentions.partition_point(|m| m.sentence < sentence);
        let end = self.mentions.partition_point(|m| m.sentence <= sentence);
        &self.mentions[first..end]
    }
}

fn kind_name(kind: ImpliedKind) -> &'static str {
    match kind {
        ImpliedKind::Birth => "birth",
        ImpliedKind::Start => "start",
        ImpliedKind::Anniversary => "anniversary",
        ImpliedKind::Counted => "counted",
    }
}

/// The happenings the resolver dated by a count to a day (`resolve::counted`), as implied events
/// of their own: "on Monday, two days after the vote" places the vote on Saturday.
pub fn counted_events(doc: &DocumentText, mentions: &[Mention], counted: &[CountedFrom]) -> Vec<Event> {
    let DocumentText { id: doc_id, text, offsets, sentences, .. } = *doc;
    let mentions = MentionsBySentence::new(mentions);
    let implied = counted.iter().map(|c| Implied {
        kind: ImpliedKind::Counted,
        who: None,
        label: implied::sentence_case(&c.name),
        start: c.start,
        end: c.end,
        granularity: c.granularity,
        approximate: false,
        phrase_start: offsets.char_at(c.phrase.start),
        phrase_end: offsets.char_at(c.phrase.end),
        sentence: sentences.partition_point(|s| s.end <= c.phrase.start),
        explanation: c.explanation.clone(),
    });
    implied.filter_map(|i| implied_event(doc_id, text, offsets, sentences, &mentions, i)).collect()
}

/// The event an implied happening becomes: `<doc>-i<phrase start>`, in the phrase's sentence,
/// with the time mentions inside the phrase (if any) and what implies it.
fn implied_event(
    doc_id: &DocId,
    text: &str,
    offsets: &CharOffsets,
    sentences: &[SentenceSpan],
    mentions: &MentionsBySentence,
    found: Implied,
) -> Option<Event> {
    let span = sentences.get(found.sentence)?;
    let sentence_text = text.get(span.start..span.end)?;
    let (start, end) = (offsets.byte_at(found.phrase_start), offsets.byte_at(found.phrase_end));
    let phrase = text.get(start..end).unwrap_or_default().to_string();
    let inside: Vec<SmolStr> = mentions
        .of(found.sentence)
        .iter()
        .filter(|m| m.start < found.phrase_end && found.phrase_start < m.end)
        .map(|m| m.id.clone())
        .collect();
    Some(Event {
        id: smol_str::format_smolstr!("{doc_id}-i{}", found.phrase_start),
        doc: std::sync::Arc::clone(doc_id),
        label: found.label.into(),
        start: found.start,
        end: found.end,
        granularity: found.granularity,
        mentions: inside.as_slice().into(),
        sentence: SentenceRef {
            start: offsets.char_at(span.start),
            end: offsets.char_at(span.end),
            text: Arc::from(sentence_text),
        },
        edited: false,
        original: None,
        original_label: None,
        hidden: false,
        story: None,
        implied: Some(Box::new(ImpliedInfo {
            kind: kind_name(found.kind).to_string(),
            mention: inside.into_iter().next(),
            phrase,
            start: found.phrase_start,
            end: found.phrase_end,
            approximate: found.approximate,
            explanation: found.explanation,
        })),
        placement: Default::default(),
        placement_explanation: None,
        story_pin: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{extract_document, Settings};
    use chrono::NaiveDate;

    /// Regression: "the 1999 elections" was a claim of 1,999 elections, and "the 2008 qualifiers"
    /// one of 2,008 qualifiers (18 such claims in the silver corpus): a number inside a date or
    /// clock time is no count and no age.
    #[test]
    fn numbers_in_dates_are_no_counts() {
        let text = "Voters recalled the 1999 elections. The 2008 qualifiers drew 5,000 fans. \
                    On 22 March 2017 at 9:15 p.m. four people died.";
        let doc = crate::ingest::Document::plain_text("a.txt", text);
        let settings = Settings { anchor: NaiveDate::from_ymd_opt(2017, 3, 22).unwrap(), dct: None };
        let claims = extract_document(&doc, "d1", &settings).claims;
        let read: Vec<(&str, &str)> = claims.iter().map(|c| (c.text.as_str(), c.subject.as_str())).collect();
        assert_eq!(read, [("5,000 fans", "fan"), ("four people died", "dead")]);
    }
}
