//! Events of sentences with no time phrase of their own (issue #10 §1): "Police arrested eight
//! people." reports something that happened, and a reader places it from context. A sentence
//! that reports a happening (a past or present-perfect event verb, not a future, a modal or a
//! question) gets an event placed by, in this order: the event it points to ("after the
//! attack", placement `relation`, from that event's time on); the last time an earlier sentence
//! of its paragraph placed (placement `context`); or, for a lede in the past tense with a
//! publication date, that date or the day before. Each says why, and none is merged into a
//! story event as if its time were stated.

use super::label::{sentence_label, undated_report_label};
use crate::resolve::named_events::is_event_noun;
use crate::text::offsets::CharOffsets;
use crate::text::SentenceSpan;
use crate::timeline::{Event, Mention, PlacementKind, SentenceRef};
use crate::timex::{day_label, Granularity};
use chrono::{Duration, NaiveDate, NaiveTime};
use std::sync::Arc;

/// A lede is one of the first sentences of an article (after its title).
const LEDE_SENTENCES: usize = 3;

/// Past forms that report a happening (regular ones are told by "-ed").
const EVENT_PAST_FORMS: &[&str] = &[
    "took", "made", "met", "left", "fell", "rose", "held", "sent", "gave", "came", "went", "ran", "saw", "found",
    "paid", "sold", "brought", "struck", "fled", "led", "shot", "broke", "wrote", "grew", "lost", "began", "won",
    "hit", "cut", "spread", "burned", "burnt", "caught", "drove", "flew", "froze", "hid", "sank", "stole", "swept",
    "threw", "tore", "woke", "became", "begun", "done", "gone", "taken", "given", "seen", "broken", "stolen", "fought",
    "bought", "built", "sought", "dealt", "slid", "slept", "swam", "dug", "bit", "bled",
];

/// Words ending in "-ed" that say no happening of their own, or look ahead.
const NOT_EVENT_ED: &[&str] = &[
    "based",
    "related",
    "limited",
    "concerned",
    "interested",
    "alleged",
    "supposed",
    "detailed",
    "advanced",
    "experienced",
    "skilled",
    "unprecedented",
    "armed",
    "aged",
    "estimated",
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "need",
    "indeed",
    "hundred",
    "speed",
    "united",
    "used",
    "called",
    "named",
    "owned",
    "listed",
    "required",
    "needed",
    "wanted",
    "hoped",
    "believed",
    "seemed",
    "appeared",
    "considered",
    "involved",
    "so-called",
    "feed",
    "seed",
    "shed",
    "bred",
    "bed",
    "red",
    "led",
    "intended",
    "equipped",
    "dedicated",
    "designed",
    "located",
    "situated",
    "qualified",
    "satisfied",
    "pleased",
    "worried",
    "tired",
    "inclined",
];

/// Verbs of saying: a sentence whose only past verb is one of these reports a statement, and
/// the timeline wants what was stated.
const REPORTING: &[&str] =
    &["said", "told", "added", "stated", "reported", "announced", "claimed", "confirmed", "noted", "explained"];

/// Words that make what follows them not (yet) a happening: modals, conditions and plans
/// ("were expected to be cremated").
const MODALS: &[&str] = &[
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "shall",
    "if",
    "expected",
    "scheduled",
    "planned",
    "intended",
    "due",
    "plans",
    "hopes",
    "wants",
    "aims",
];

/// The words of a sentence, lower case, without the punctuation around them.
fn words_of(sentence: &str) -> Vec<(String, bool)> {
    sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .map(|w| (w.to_lowercase(), w.starts_with(char::is_uppercase)))
        .collect()
}

fn is_event_verb(word: &str, capitalised: bool) -> bool {
    if capitalised || REPORTING.contains(&word) || NOT_EVENT_ED.contains(&word) {
        return false;
    }
    let regular = word.len() > 3 && word.ends_with("ed") && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    regular || EVENT_PAST_FORMS.contains(&word)
}

/// Whether `sentence` reports something that happened: an event verb in the past or present
/// perfect, with no modal or "if" before it, in a statement (not a question or a fragment).
pub fn reports_a_happening(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    if trimmed.ends_with('?') {
        return false;
    }
    let words = words_of(sentence);
    if !(5..=80).contains(&words.len()) {
        return false;
    }
    let Some(verb) = words.iter().position(|(w, cap)| is_event_verb(w, *cap)) else { return false };
    !words[..verb].iter().any(|(w, _)| MODALS.contains(&w.as_str()))
}

/// The document a sentence is placed in: its text, sentences and what already placed events.
pub struct Context<'a> {
    pub doc_id: &'a str,
    pub text: &'a str,
    pub offsets: &'a CharOffsets,
    pub sentences: &'a [SentenceSpan],
    pub mentions: &'a [Mention],
    /// The document's events placed by their own time phrases, in text order.
    pub events: &'a [Event],
    /// The publication date, when the document has one.
    pub published: Option<NaiveDate>,
}

/// A placement found for a sentence: its interval, granularity, kind and why.
struct Placed {
    start: chrono::NaiveDateTime,
    end: chrono::NaiveDateTime,
    granularity: Granularity,
    kind: PlacementKind,
    why: String,
}

/// The context- and relation-placed events of a document's sentences that have no event.
pub fn place(ctx: &Context) -> Vec<Event> {
    let dated: std::collections::HashSet<usize> = ctx.events.iter().map(|e| e.sentence.start).collect();
    let mut out = Vec::new();
    for (index, span) in ctx.sentences.iter().enumerate() {
        let start_char = ctx.offsets.char_at(span.start);
        if dated.contains(&start_char) {
            out.extend(undated_report(ctx, span));
            continue;
        }
        let Some(sentence) = ctx.text.get(span.start..span.end) else { continue };
        if !reports_a_happening(sentence) {
            continue;
        }
        let placed = by_relation(ctx, sentence, start_char)
            .or_else(|| by_paragraph(ctx, &out, index))
            .or_else(|| as_lede(ctx, index));
        if let Some(placed) = placed {
            out.push(event_of(ctx, span, sentence, placed));
        }
    }
    out
}

/// A sentence about a named happening the document dates: "after the attack", "following the
/// vote" place it on that event's day or the next; "killed in the attack", "injured during the
/// blaze" on that event's own time. The happening is the document's first event whose label
/// names it ("A fire tore through ...", "Terror attack in London"), not one that only mentions
/// the word ("Investigators from the state fire marshal's office").
fn by_relation(ctx: &Context, sentence: &str, start_char: usize) -> Option<Placed> {
    let words = words_of(sentence);
    let named = words.iter().enumerate().skip(2).find(|(k, (w, _))| {
        let led = matches!(words[k - 2].0.as_str(), "after" | "following" | "in" | "during");
        led && words[k - 1].0 == "the" && is_event_noun(w)
    });
    let (at, noun) = named.map(|(k, (w, _))| (k, w.as_str()))?;
    let after = matches!(words[at - 2].0.as_str(), "after" | "following");
    // Named as a happening, not as part of a name ("Fire Chief Deborah May").
    let names = |label: &str| {
        let words = words_of(label);
        let at = words.iter().take(3).position(|(w, _)| w == noun);
        at.is_some_and(|k| !words.get(k + 1).is_some_and(|(_, capitalised)| *capitalised))
    };
    let pointed = ctx
        .events
        .iter()
        .filter(|e| e.sentence.start < start_char && e.granularity <= Granularity::Day && e.implied.is_none())
        .find(|e| names(&e.label))?;
    let day = pointed.start.date();
    let (end, how) = if after {
        ((day + Duration::days(2)).and_time(NaiveTime::MIN), "after")
    } else {
        (pointed.end, "at the time of")
    };
    let granularity = if after { Granularity::Day } else { pointed.granularity };
    let span = if after { "that day or the next" } else { "the same time" };
    Some(Placed {
        start: pointed.start,
        end,
        granularity,
        kind: PlacementKind::Relation,
        why: format!(
            "no time phrase; {how} \u{201c}the {noun}\u{201d}, which {} dates to {}: {span}",
            phrase_of(ctx, pointed),
            day_label(day)
        ),
    })
}

/// The last time an earlier sentence of the same paragraph placed, by a phrase of its own or
/// (`placed`, this pass) by context.
fn by_paragraph(ctx: &Context, placed: &[Event], index: usize) -> Option<Placed> {
    let paragraph_start = (0..index).rev().find(|&k| starts_paragraph(ctx, k + 1)).map_or(0, |k| k + 1);
    let earliest = ctx.offsets.char_at(ctx.sentences.get(paragraph_start)?.start);
    let here = ctx.offsets.char_at(ctx.sentences.get(index)?.start);
    let last = ctx
        .events
        .iter()
        .chain(placed)
        .filter(|e| e.sentence.start >= earliest && e.sentence.start < here && e.implied.is_none())
        .filter(|e| e.granularity <= Granularity::Day)
        .max_by_key(|e| (e.sentence.start, e.start))?;
    let previous_start = index.checked_sub(1).and_then(|k| ctx.sentences.get(k)).map(|s| ctx.offsets.char_at(s.start));
    let previous = previous_start == Some(last.sentence.start);
    let which = if previous { "the previous sentence" } else { "an earlier sentence of the paragraph" };
    let by = match &last.placement_explanation {
        Some(_) => format!("the time of \u{201c}{}\u{201d}", last.label),
        None => phrase_of(ctx, last),
    };
    Some(Placed {
        start: last.start,
        end: last.end,
        granularity: last.granularity,
        kind: PlacementKind::Context,
        why: format!("no time phrase; placed by {by} in {which}"),
    })
}

/// A lede in the past tense, with no time of its own: the publication date or the day before.
fn as_lede(ctx: &Context, index: usize) -> Option<Placed> {
    let published = ctx.published?;
    let here = ctx.offsets.char_at(ctx.sentences.get(index)?.start);
    let dated_before = ctx.events.iter().any(|e| e.sentence.start < here && e.implied.is_none());
    if index > LEDE_SENTENCES || dated_before {
        return None;
    }
    Some(Placed {
        start: (published - Duration::days(1)).and_time(NaiveTime::MIN),
        end: (published + Duration::days(1)).and_time(NaiveTime::MIN),
        granularity: Granularity::Day,
        kind: PlacementKind::Context,
        why: format!(
            "no time phrase; a lede in the past tense: the publication date {} or the day before",
            day_label(published)
        ),
    })
}

/// A report whose own clause has no time phrase, while what it reports has one ("Boeing
/// announced that it had begun the project two years ago"): the report itself gets the
/// publication date, when the document has one, as an event of its own.
fn undated_report(ctx: &Context, span: &SentenceSpan) -> Option<Event> {
    let published = ctx.published?;
    let label = undated_report_label(ctx.text, span.start, span.end, &mention_spans(ctx, span))?;
    let sentence = ctx.text.get(span.start..span.end)?;
    let placed = Placed {
        start: published.and_time(NaiveTime::MIN),
        end: (published + Duration::days(1)).and_time(NaiveTime::MIN),
        granularity: Granularity::Day,
        kind: PlacementKind::Context,
        why: format!(
            "a report with no time phrase of its own (its phrase dates what it reports): the publication date {}",
            day_label(published)
        ),
    };
    let mut event = event_of(ctx, span, sentence, placed);
    event.id = format!("{}-r{}", ctx.doc_id, ctx.offsets.char_at(span.start));
    event.label = label;
    Some(event)
}

/// The sentence's time phrases as byte spans, each with whether it places something.
fn mention_spans(ctx: &Context, span: &SentenceSpan) -> Vec<(usize, usize, bool)> {
    ctx.mentions
        .iter()
        .filter(|m| ctx.sentences.get(m.sentence).is_some_and(|s| s.start == span.start))
        .map(|m| {
            let places = matches!(m.timex_type, crate::timex::TimexType::Date | crate::timex::TimexType::Time);
            (ctx.offsets.byte_at(m.start), ctx.offsets.byte_at(m.end), places)
        })
        .collect()
}

/// Whether sentence `k` opens a paragraph: a blank line before it.
fn starts_paragraph(ctx: &Context, k: usize) -> bool {
    let (Some(previous), Some(this)) = (k.checked_sub(1).and_then(|p| ctx.sentences.get(p)), ctx.sentences.get(k))
    else {
        return true;
    };
    ctx.text.get(previous.end..this.start).is_some_and(|gap| gap.matches('\n').count() >= 2)
}

/// The time phrase that placed `event`, quoted ("“on Monday”"), or its day.
fn phrase_of(ctx: &Context, event: &Event) -> String {
    let phrase = event.mentions.first().and_then(|id| ctx.mentions.iter().find(|m| &m.id == id));
    match phrase {
        Some(m) => format!("\u{201c}{}\u{201d}", m.text),
        None => day_label(event.start.date()),
    }
}

fn event_of(ctx: &Context, span: &SentenceSpan, sentence: &str, placed: Placed) -> Event {
    let start_char = ctx.offsets.char_at(span.start);
    let inside = mention_spans(ctx, span);
    Event {
        id: format!("{}-x{start_char}", ctx.doc_id),
        doc: ctx.doc_id.to_string(),
        label: sentence_label(ctx.text, span.start, span.end, &inside),
        start: placed.start,
        end: placed.end,
        granularity: placed.granularity,
        mentions: Vec::new(),
        sentence: SentenceRef { start: start_char, end: ctx.offsets.char_at(span.end), text: Arc::from(sentence) },
        edited: false,
        original: None,
        original_label: None,
        hidden: false,
        story: None,
        implied: None,
        placement: placed.kind,
        placement_explanation: Some(placed.why),
        story_pin: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn happenings_are_told_from_statements_plans_and_questions() {
        assert!(reports_a_happening("Police arrested eight people in Birmingham."));
        assert!(reports_a_happening("The company has cut 10,000 jobs since the merger."));
        assert!(reports_a_happening("Firefighters fought the blaze through the night."));
        assert!(!reports_a_happening("The company will cut 10,000 jobs."), "a plan");
        assert!(!reports_a_happening("Shares could have risen further."), "a modal");
        assert!(!reports_a_happening("Who started the fire at the depot?"), "a question");
        assert!(!reports_a_happening("The mayor said the town is safe."), "a statement only");
        assert!(!reports_a_happening("Talks are expected to resume soon."), "no happening");
        assert!(!reports_a_happening("Rain stopped."), "too short to be a report");
    }
}
