//! Events: one per sentence that carries a resolvable time, more when the sentence holds
//! several distinct dated times ("sent condolences on Thursday ... following Wednesday’s
//! attack"). Each gets a short timeline label cut from its clause, the finest time among its
//! mentions, and the sentence it came from.

pub mod context;
mod label;
mod prenominal;
mod ranges;
mod repair;
mod speaker;

use crate::text::offsets::CharOffsets;
use crate::text::SentenceSpan;
use crate::timeline::{DocId, Event, Mention, Placement, SentenceRef, SmolStr};
use crate::timex::{Granularity, Interval, TimexType};
use label::label_for;
use std::sync::Arc;

/// Builds the events of one document from its resolved mentions (sorted by sentence, then time).
/// The mentions inside `byline` (code points: a byline or dateline, which says when the article
/// appeared, not when something happened) date no event.
pub fn extract(
    doc_id: &DocId,
    text: &str,
    offsets: &CharOffsets,
    sentences: &[SentenceSpan],
    mentions: &[Mention],
    byline: Option<std::ops::Range<usize>>,
) -> Vec<Event> {
    let dates = |m: &&Mention| byline.as_ref().is_none_or(|b| m.end <= b.start || b.end <= m.start);
    // One event per group of overlapping mentions: counting them first lets the vector be made
    // at its final size, without the slack of a growing one (a third of the events' memory on
    // dense text).
    let sentence_runs = || mentions.chunk_by(|a, b| a.sentence == b.sentence);
    let count = sentence_runs().map(|run| overlapping_groups(run.iter().filter(dates)).len()).sum();
    let mut events = Vec::with_capacity(count);
    for same_sentence in sentence_runs() {
        let Some(span) = same_sentence.first().and_then(|m| sentences.get(m.sentence)) else { continue };
        let groups = overlapping_groups(same_sentence.iter().filter(dates));
        if groups.is_empty() {
            continue;
        }
        let groups = ranges::join(text, |c| offsets.byte_at(c), groups);
        let mut spans: Vec<(usize, usize, bool)> = same_sentence
            .iter()
            .map(|m| {
                let places = matches!(m.timex_type, TimexType::Date | TimexType::Time);
                (offsets.byte_at(m.start), offsets.byte_at(m.end), places)
            })
            .collect();
        spans.sort_unstable();
        let sentence_text: Arc<str> = Arc::from(&text[span.start..span.end]);
        for ranges::Joined { mentions: group, span: range } in groups {
            let Some(finest) = ranges::finest(&group) else { continue };
            let Some(interval) = range.or(finest.interval) else { continue };
            let Some(granularity) = finest.granularity else { continue };
            // A phrase that says which thing or figure, or when a thing falls due, dates nothing.
            let describes = |m: &&Mention| {
                let (start, end) = (offsets.byte_at(m.start), offsets.byte_at(m.end));
                let period = m.granularity.is_some_and(|g| g >= Granularity::Month);
                // Read only for a period: most phrases are days.
                let which = || {
                    prenominal::describes_a_thing(text, start, end) || prenominal::dates_a_compared_figure(text, start)
                };
                (period && which()) || prenominal::names_a_due_date(text, start, end)
            };
            if group.iter().all(describes) {
                continue;
            }
            let first = group.iter().copied().min_by_key(|m| m.start).unwrap_or(finest);
            // A length of time placed with a date ("Retaliating 13 days after the bombings, U.S.
            // forces Thursday launched") only restates it: the date's clause names the happening.
            let naming = group.iter().copied().filter(|m| m.timex_type != TimexType::Duration).min_by_key(|m| m.start);
            let lead = naming.unwrap_or(first);
            let label =
                label_for(text, span.start, span.end, offsets.byte_at(lead.start), offsets.byte_at(lead.end), &spans);
            let sentence = SentenceRef {
                start: offsets.char_at(span.start),
                end: offsets.char_at(span.end),
                text: Arc::clone(&sentence_text),
            };
            let place = Placement { start: interval.start, end: interval.end, granularity };
            let mut event = Event::new(event_id(doc_id, first.start), Arc::clone(doc_id), label, place, sentence);
            event.mentions = group.iter().map(|m| m.id.clone()).collect();
            events.push(event);
        }
    }
    events
}

/// The dated mentions of one sentence, grouped where their intervals overlap (they date the same
/// happening): connected runs after sorting by interval, so the cost stays n log n however many
/// mentions a sentence holds. Groups and the mentions in each are in text order.
fn overlapping_groups<'m>(mentions: impl Iterator<Item = &'m Mention>) -> Vec<Vec<&'m Mention>> {
    let mut by_time: Vec<(Interval, &Mention)> = mentions.filter_map(|m| m.interval.map(|i| (i, m))).collect();
    by_time.sort_by_key(|(interval, mention)| (interval.start, mention.start));
    let mut groups: Vec<Vec<&Mention>> = Vec::new();
    let mut reach = None;
    for (interval, mention) in by_time {
        match (groups.last_mut(), reach) {
            (Some(group), Some(end)) if interval.start < end => {
                group.push(mention);
                reach = Some(interval.end.max(end));
            }
            _ => {
                groups.push(vec![mention]);
                reach = Some(interval.end);
            }
        }
    }
    for group in &mut groups {
        group.sort_by_key(|m| m.start);
    }
    groups.sort_by_key(|group| group.first().map(|m| m.start));
    groups
}

/// "d1-e120": the event of document `doc_id` whose first mention starts at code point
/// `mention_start`. A mention dates one event, so the id is unique in its document, and it is
/// derived from the text, not from the event's rank: it survives re-extraction, a new anchor and
/// other documents failing to load, so edits and undo steps keep finding their event.
pub fn event_id(doc_id: &str, mention_start: usize) -> SmolStr {
    smol_str::format_smolstr!("{doc_id}-e{mention_start}")
}
