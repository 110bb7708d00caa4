//! Events: one per sentence that carries a resolvable time, more when the sentence holds
//! several distinct dated times ("sent condolences on Thursday ... following Wednesday’s
//! attack"). Each gets a short timeline label cut from its clause, the finest time among its
//! mentions, and the sentence it came from.

pub mod context;
mod happening_label;
mod label;
mod named_speaker;
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
    // A wire budget's length note dates when a story will be filed, no happening.
    let dates_a_happening = |run: &&[Mention]| {
        run.first().and_then(|m| sentences.get(m.sentence)).is_some_and(|s| !is_length_note(&text[s.start..s.end]))
    };
    let sentence_runs = || mentions.chunk_by(|a, b| a.sentence == b.sentence).filter(dates_a_happening);
    let count = sentence_runs().map(|run| overlapping_groups(run.iter().filter(dates)).len()).sum();
    let mut events = Vec::with_capacity(count);
    for same_sentence in sentence_runs() {
        let Some(span) = same_sentence.first().and_then(|m| sentences.get(m.sentence)) else { continue };
        let groups = overlapping_groups(same_sentence.iter().filter(dates));
        if groups.is_empty() {
            continue;
        }
        let groups = ranges::join(text, |c| offsets.byte_at(c), groups);
        let mut spans: Vec<(usize, usize, bool)> = same_sentence.iter().map(|m| label_span(text, offsets, m)).collect();
        spans.sort_unstable();
        let sentence_text: Arc<str> = Arc::from(&text[span.start..span.end]);
        let from = after_dateline(text, offsets, span, same_sentence);
        let readings: Vec<Reading> = groups.iter().map(|g| reading_of(text, offsets, &g.mentions)).collect();
        // Which phrases before a thing lie in a clause another group dates (looked for among
        // the nearest groups only, so a run-on list of dates stays linear).
        let clause_dated: Vec<bool> = (0..groups.len())
            .map(|k| {
                let near = k.saturating_sub(CLAUSE_MATES)..(k + CLAUSE_MATES + 1).min(groups.len());
                readings[k] == Reading::BeforeAThing
                    && near.into_iter().any(|j| {
                        j != k && readings[j] == Reading::Dates && same_clause(text, offsets, &groups[j], &groups[k])
                    })
            })
            .collect();
        let groups_read = groups.into_iter().zip(readings).zip(clause_dated);
        for ((ranges::Joined { mentions: group, span: range }, reading), clause_dated) in groups_read {
            let Some(finest) = ranges::finest(&group) else { continue };
            let Some(interval) = range.or(finest.interval) else { continue };
            let Some(granularity) = finest.granularity else { continue };
            // A phrase that says which thing or figure, or when a thing falls due, dates nothing;
            // nor does one that says which thing, beside a phrase that dates the clause.
            if reading == Reading::Describes || reading == Reading::BeforeAThing && clause_dated {
                continue;
            }
            let first = group.iter().copied().min_by_key(|m| m.start).unwrap_or(finest);
            // A length of time placed with a date ("Retaliating 13 days after the bombings, U.S.
            // forces Thursday launched") only restates it: the date's clause names the happening.
            // So does a dateline's date ("JERUSALEM, Nov. 8 (Xinhua) -- Sharon said Tuesday that
            // …"): the phrase in the story's own clause names it.
            let naming = group
                .iter()
                .copied()
                .filter(|m| m.timex_type != TimexType::Duration)
                .filter(|m| !(from > span.start && offsets.byte_at(m.end) <= from))
                .min_by_key(|m| m.start);
            let lead = naming.unwrap_or(first);
            // An event dated by its dateline alone reads its label from the whole sentence.
            let from = if naming.is_some() { from } else { span.start };
            let label = label_for(text, from, span.end, offsets.byte_at(lead.start), offsets.byte_at(lead.end), &spans);
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

/// What a group of overlapping time phrases does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Dates what its clause tells.
    Dates,
    /// Says which thing or figure, or when a thing falls due: dates nothing.
    Describes,
    /// A period before a noun that names no happening ("Kopp's [1987] Chevrolet Cavalier"):
    /// the thing's, unless nothing else in the sentence dates the clause, which it may then do.
    BeforeAThing,
}

/// How many groups before and after a phrase may share its clause.
const CLAUSE_MATES: usize = 4;

/// Words that end one clause and open another between two phrases of a sentence.
const CLAUSE_BREAKS: &[&str] = &[";", ", and ", ", but ", ", while ", ", whereas ", ", although "];

/// Whether groups `a` and `b` of one sentence lie in one clause: no `CLAUSE_BREAKS` between them.
fn same_clause(text: &str, offsets: &CharOffsets, a: &ranges::Joined, b: &ranges::Joined) -> bool {
    let edges = |g: &ranges::Joined| {
        let start = g.mentions.iter().map(|m| m.start).min().unwrap_or(0);
        let end = g.mentions.iter().map(|m| m.end).max().unwrap_or(0);
        (offsets.byte_at(start), offsets.byte_at(end))
    };
    let ((a_start, a_end), (b_start, b_end)) = (edges(a), edges(b));
    let between = if a_end <= b_start { text.get(a_end..b_start) } else { text.get(b_end..a_start) };
    between.is_some_and(|t| !CLAUSE_BREAKS.iter().any(|mark| t.contains(mark)))
}

/// How the group of phrases `group` reads (`Reading`).
fn reading_of(text: &str, offsets: &CharOffsets, group: &[&Mention]) -> Reading {
    let mut before_a_thing = false;
    for m in group {
        let (start, end) = (offsets.byte_at(m.start), offsets.byte_at(m.end));
        // Read only for a period: most phrases are days.
        let period = m.granularity.is_some_and(|g| g >= Granularity::Month);
        let which =
            || prenominal::describes_a_thing(text, start, end) || prenominal::dates_a_compared_figure(text, start);
        if (period && which()) || prenominal::names_a_due_date(text, start, end) {
            continue;
        }
        if !(period && prenominal::stands_before_a_thing(text, start, end)) {
            return Reading::Dates;
        }
        before_a_thing = true;
    }
    if before_a_thing {
        Reading::BeforeAThing
    } else {
        Reading::Describes
    }
}

/// Whether `sentence` is a wire budget's length note: a count of words and the clock time the
/// story will be filed by ("550 words around 1040 GMT", "600 words by 1500").
fn is_length_note(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let counted = words.next().is_some_and(digits) && words.next().is_some_and(|w| w.eq_ignore_ascii_case("words"));
    let rest: Vec<&str> = words.take(MAX_NOTE_WORDS + 1).collect();
    let clock = rest.iter().any(|w| digits(w) && w.len() == 4)
        && rest.last().is_some_and(|w| digits(w) || ["GMT", "UTC"].contains(w));
    counted && rest.len() <= MAX_NOTE_WORDS && clock
}

/// Most words after "N words" in a length note.
const MAX_NOTE_WORDS: usize = 4;

/// Where (byte) the dateline whose date is `text[start..end]` ends, after its dash, when the
/// sentence starting at byte `sentence` opens with it: a place in capitals and a comma before
/// the date ("GAZA, ", "MAR DEL PLATA, Argentina, "), an agency in brackets and a dash after it
/// ("Nov. 8 (Xinhua) --"), or the dash itself. A dash after a date in the story's own words
/// ("shut down on Thursday -- the day after …") is no dateline.
fn dateline_end(text: &str, sentence: usize, (start, end): (usize, usize)) -> Option<usize> {
    let place = text.get(sentence..start)?.trim_end();
    let in_capitals = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let placed =
        place.len() <= DATELINE_DATE_REACH && place.ends_with(',') && place.split_whitespace().all(in_capitals);
    if !placed {
        return None;
    }
    let rest = text.get(end..)?;
    let after = rest.trim_start();
    let after = match after.strip_prefix('(') {
        Some(inside) => match inside.split_once(')') {
            Some((agency, rest)) if agency.len() <= 30 => rest.trim_start(),
            _ => return None,
        },
        None => after,
    };
    let dash = ["--", "\u{2014}"].iter().find_map(|d| after.strip_prefix(d))?;
    Some(text.len() - dash.len())
}

/// How far (bytes) into its sentence a dateline's date may start ("RAFAH, Gaza Strip, Nov. 25").
const DATELINE_DATE_REACH: usize = 60;

/// Where the story's own words start in the sentence `span`: after a dateline that opens it
/// ("GAZA, Nov. 8 (Xinhua) -- Mahmoud al-Zahar … called"), else at its start. A label read from
/// the sentence's start would take the city for a subject.
fn after_dateline(text: &str, offsets: &CharOffsets, span: &SentenceSpan, mentions: &[Mention]) -> usize {
    mentions
        .iter()
        .map(|m| (offsets.byte_at(m.start), offsets.byte_at(m.end)))
        .take_while(|(start, _)| *start < span.start + DATELINE_DATE_REACH)
        .find_map(|phrase| dateline_end(text, span.start, phrase))
        .filter(|at| *at < span.end)
        .unwrap_or(span.start)
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

/// A time phrase as the label code reads it: its byte span, with the words naming a time zone
/// after it ("6 a.m. local time", "10 p.m. Beijing time", "Tuesday local time"), which a label leaves out
/// with the phrase ("Local time" was a label), and whether the label leaves it out: a date or
/// time places something on the calendar and goes, but not one used as an adjective ("an
/// overnight rally", `label::is_attributive`) nor a verb's object ("bury the past", "ends the
/// year"); a duration such as "a three-day visit" stays.
pub(super) fn label_span(text: &str, offsets: &CharOffsets, mention: &Mention) -> (usize, usize, bool) {
    let (start, end) = (offsets.byte_at(mention.start), offsets.byte_at(mention.end));
    let places = matches!(mention.timex_type, TimexType::Date | TimexType::Time);
    let end = if places { after_zone_words(text, end) } else { end };
    // "bury the past", "remembering the past": no time in particular, as a verb's object, stays
    // ("has in the past made" goes); so does a period a verb spans ("ends the year divided",
    // "dominated the first half").
    let the_past = mention.value.ends_with("_REF") && text.get(start..end).is_some_and(|p| p.starts_with("the "));
    let object = (the_past && !label::after_preposition(text, start)) || label::is_spanned_period(text, start, end);
    (start, end, places && !object && !label::is_attributive(text, start, end))
}

/// Capitalised words before "time" that name no zone: a sentence run on into the next ("at 5
/// p.m. The time …").
const NOT_ZONES: &[&str] = &["The", "A", "An", "This", "That", "Its", "His", "Her", "Their", "Our", "No", "Each"];

/// The end of "local time" or "<Name> time" right after byte `end` of `text`, else `end`.
fn after_zone_words(text: &str, end: usize) -> usize {
    let Some(rest) = text.get(end..).and_then(|rest| rest.strip_prefix(' ')) else { return end };
    let Some((zone, after)) = rest.split_once(' ') else { return end };
    let name = zone.starts_with(|c: char| c.is_ascii_uppercase()) && zone.chars().all(char::is_alphabetic);
    let named = zone == "local" || (name && !NOT_ZONES.contains(&zone));
    let time = after.strip_prefix("time").filter(|tail| !tail.starts_with(char::is_alphanumeric));
    match time {
        Some(_) if named => end + 1 + zone.len() + 1 + "time".len(),
        _ => end,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn zone_words_after_a_time_phrase_are_the_phrase_s() {
        let end_of = |text: &'static str, phrase: &str| {
            let end = text.find(phrase).map_or(0, |at| at + phrase.len());
            &text[..super::after_zone_words(text, end)]
        };
        assert_eq!(end_of("At 6 a.m. local time, it rained.", "6 a.m."), "At 6 a.m. local time");
        assert_eq!(end_of("At 6 a.m. Oslo time's end", "6 a.m."), "At 6 a.m. Oslo time");
        assert_eq!(end_of("At 6 a.m. The time came", "6 a.m."), "At 6 a.m.");
        assert_eq!(end_of("At 6 a.m. local timekeepers", "6 a.m."), "At 6 a.m.");
        assert_eq!(end_of("At 6 a.m. local", "6 a.m."), "At 6 a.m.");
        assert_eq!(end_of("At 6 a.m. New York time", "6 a.m."), "At 6 a.m.", "two-word zones are left as they are");
    }

    use crate::ingest::Document;
    use crate::pipeline::{extract_document, Settings};

    /// Regression: a wire budget's length note ("550 words around 1040 GMT") became an event
    /// labelled "550 words"; the time only says when the story will be filed.
    #[test]
    fn a_length_note_dates_no_event() {
        let text = "Talks resume in Geneva\n\n550 words around 1040 GMT\n\nThe envoy arrived on Monday.";
        let settings = Settings { anchor: chrono::NaiveDate::from_ymd_opt(2017, 3, 22).unwrap(), dct: None };
        let result = extract_document(&Document::plain_text("budget.txt", text), "d1", &settings);
        let labels: Vec<&str> = result.events.iter().map(|e| e.label.as_str()).collect();
        assert!(!labels.iter().any(|l| l.contains("words")), "{labels:?}");
        assert!(labels.contains(&"The envoy arrived"), "{labels:?}");
        assert!(super::is_length_note("600 words by 1500 GMT"));
        assert!(!super::is_length_note("600 words were read aloud at the memorial on Monday"));
        assert!(!super::is_length_note("600 words were read Monday"));
    }
}
