//! The story's day zero when the user gives none: the day of the story's main event. A first
//! extraction against a provisional day (the first publication date or full date written) builds
//! the story events; the main one is the event most sources report, that event-relative phrases
//! point at ("the morning after the attack", "24 hours after the man began his attack"), that an
//! explicit date places, and whose day the weekday the text names agrees with ("Wednesday's
//! attack" and "March 22, 2017"). Its day becomes day zero, with the reasons as the explanation.

use super::families;
use crate::ingest::Document;
use crate::pipeline::{
    build_timeline, extract_all_observed, join, raw_mentions_by_block, Observer, Reusable, Settings,
};
use crate::tagger::sem::Sem;
use crate::text::offsets::CharOffsets;
use crate::timeline::{Event, SmolStr, StoryEvent, Timeline};
use crate::timex::Granularity;
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Words after which a phrase points at another event.
const POINTING_WORDS: &[&str] = &["after", "before", "following", "since", "during", "amid"];
/// How far after a pointing word the event word may come ("after the man began his attack").
const POINTING_REACH: usize = 6;

/// Day zero for `docs` and why, or `None` when the texts give no date at all.
pub fn infer(docs: &[Document]) -> Option<(NaiveDate, String)> {
    let docs_ref: Vec<&Document> = docs.iter().collect();
    let (provisional, provisional_why) = provisional_day(&docs_ref)?;
    let timeline = build_timeline(docs, &Settings { anchor: provisional, dct: None });
    Some(main_event_day(&docs_ref, &timeline).unwrap_or((provisional, provisional_why)))
}

/// `infer`, and what its extraction leaves for the timeline under the day it finds: the whole
/// timeline when that is the provisional day, else the results of the documents the day zero
/// placed nothing in (a copy, kept before the story layer joined them). The others would be
/// extracted again under another day, so they are not copied (copying every document's results
/// held the first extraction twice at the peak).
pub fn infer_keeping(sources: &[(&str, &Document)], observer: Observer<'_>) -> Option<(NaiveDate, String, Reusable)> {
    let docs: Vec<&Document> = sources.iter().map(|(_, doc)| *doc).collect();
    let (provisional, provisional_why) = provisional_day(&docs)?;
    let results = extract_all_observed(sources, &Settings { anchor: provisional, dct: None }, observer);
    let copies = results.iter().map(|r| (!r.uses_anchor).then(|| r.clone())).collect();
    let timeline = join(results, provisional);
    let (day, why) = main_event_day(&docs, &timeline).unwrap_or((provisional, provisional_why));
    let reusable =
        if day == provisional { Reusable::Timeline(Box::new(timeline)) } else { Reusable::Documents(copies) };
    Some((day, why, reusable))
}

/// The day of the story's main event in `timeline` (extracted from `docs`), and why.
fn main_event_day(docs: &[&Document], timeline: &Timeline) -> Option<(NaiveDate, String)> {
    // With several articles, the main event is one that more than one of them reports: an event
    // only one article tells of is that article's, not the story's.
    let min_sources = docs.len().min(2);
    let dates = DatePhrases::find(docs, timeline);
    let pointers = pointed_families(docs);
    // Each story event looks up its events by id: one index, not a scan of every event per story
    // (that scan made inferring day zero quadratic, a fifth of `extract` on 2,452 articles).
    let events: HashMap<&str, &Event> = timeline.events.iter().map(|e| (e.id.as_str(), e)).collect();
    timeline
        .stories
        .iter()
        .filter(|s| s.granularity <= Granularity::Day)
        .map(|s| (score(s, &events, &dates, &pointers), s))
        .filter(|(score, _)| score.total() > 0 && score.sources >= min_sources)
        .max_by(|(a, sa), (b, sb)| a.total().cmp(&b.total()).then(sb.start.cmp(&sa.start)))
        .map(|(score, story)| (story.start.date(), score.explain(story)))
}

/// The publication date most documents carry (the earliest of equally common ones), else the
/// first full calendar date written in the texts.
fn provisional_day(docs: &[&Document]) -> Option<(NaiveDate, String)> {
    let mut counts: std::collections::BTreeMap<NaiveDate, usize> = std::collections::BTreeMap::new();
    for doc in docs {
        if let Some(dct) = doc.dct.as_deref().and_then(crate::resolve::parse_dct) {
            *counts.entry(dct.date()).or_insert(0) += 1;
        }
    }
    // `max_by_key` keeps the last of equal counts: go from the latest date to the earliest.
    if let Some((date, count)) = counts.into_iter().rev().max_by_key(|(_, count)| *count) {
        let why = match docs.len() {
            1 => format!("the publication date of {}", docs[0].path.display()),
            n => format!("the publication date of {count} of the {n} articles"),
        };
        return Some((date, why));
    }
    docs.iter().find_map(|doc| {
        raw_mentions_by_block(doc).flatten().find_map(|raw| {
            let date = full_date(&raw.sem)?;
            let phrase = &doc.text[raw.start..raw.end];
            Some((date, format!("first date written in {}: \u{201c}{phrase}\u{201d}", doc.path.display())))
        })
    })
}

fn full_date(sem: &Sem) -> Option<NaiveDate> {
    match *sem {
        Sem::Calendar { year: Some(y), month: Some(m), day: Some(d) } => NaiveDate::from_ymd_opt(y, m, d),
        _ => None,
    }
}

/// Mentions (by id) that are explicit full dates, with their date and text, and those that are
/// bare weekdays.
struct DatePhrases {
    explicit: HashMap<SmolStr, (NaiveDate, String)>,
    weekdays: HashSet<SmolStr>,
}

/// One phrase `DatePhrases` keeps: a full date (with its text) or a bare weekday.
enum DatePhrase {
    Full(NaiveDate, String),
    Weekday,
}

impl DatePhrases {
    /// Each document tagged on its own (on every core), the findings joined in document order.
    fn find(docs: &[&Document], timeline: &Timeline) -> Self {
        let per_document: Vec<Vec<(SmolStr, DatePhrase)>> = docs
            .par_iter()
            .zip(timeline.documents.par_iter())
            .map(|(doc, info)| Self::find_in(doc, &info.id))
            .collect();
        let mut found = DatePhrases { explicit: HashMap::new(), weekdays: HashSet::new() };
        for (id, phrase) in per_document.into_iter().flatten() {
            match phrase {
                DatePhrase::Full(date, text) => {
                    found.explicit.insert(id, (date, text));
                }
                DatePhrase::Weekday => {
                    found.weekdays.insert(id);
                }
            }
        }
        found
    }

    /// The full dates and the bare weekdays of one document, by mention id.
    fn find_in(doc: &Document, doc_id: &str) -> Vec<(SmolStr, DatePhrase)> {
        let offsets = CharOffsets::new(&doc.text);
        let mut found = Vec::new();
        for raw in raw_mentions_by_block(doc).flatten() {
            let id = || crate::resolve::mention_id(doc_id, offsets.char_at(raw.start));
            if let Some(date) = full_date(&raw.sem) {
                found.push((id(), DatePhrase::Full(date, doc.text[raw.start..raw.end].to_string())));
            } else if matches!(raw.sem, Sem::Weekday { .. }) {
                found.push((id(), DatePhrase::Weekday));
            }
        }
        found
    }
}

/// How many phrases of all the texts point at an event of each family ("after the attack").
fn pointed_families(docs: &[&Document]) -> HashMap<&'static str, usize> {
    let per_document: Vec<HashMap<&'static str, usize>> = docs.par_iter().map(|doc| pointed_families_in(doc)).collect();
    let mut counts = HashMap::new();
    for (family, count) in per_document.into_iter().flatten() {
        *counts.entry(family).or_insert(0) += count;
    }
    counts
}

/// `pointed_families` in one document.
fn pointed_families_in(doc: &Document) -> HashMap<&'static str, usize> {
    let mut counts = HashMap::new();
    // Words are read as they come, and only the few after a pointing word are lowered: a list of
    // every word, lowered, held ten times a 5 MB text's size (50 MB a document).
    let mut words = doc.text.split(|c: char| !families::is_word_char(c)).filter(|w| !w.is_empty());
    while let Some(word) = words.next() {
        // ASCII case is enough: no other letter lowers to one of these words' letters.
        if !POINTING_WORDS.iter().any(|pointing| word.eq_ignore_ascii_case(pointing)) {
            continue;
        }
        let mut reach = words.clone().take(POINTING_REACH);
        if let Some(family) = reach.find_map(|w| families::family_of_word(&w.to_lowercase())) {
            *counts.entry(family).or_insert(0) += 1;
        }
    }
    counts
}

/// The evidence that a story event is the story's main event.
struct Score {
    sources: usize,
    pointers: usize,
    family: Option<&'static str>,
    explicit: Option<String>,
    weekday_agrees: bool,
}

impl Score {
    fn total(&self) -> usize {
        3 * self.sources
            + 2 * self.pointers.min(5)
            + 2 * usize::from(self.explicit.is_some())
            + 2 * usize::from(self.weekday_agrees)
    }

    fn explain(&self, story: &StoryEvent) -> String {
        let mut parts = vec![format!(
            "the day of the story's main event, \u{201c}{}\u{201d}, reported by {} source{}",
            story.label,
            self.sources,
            if self.sources == 1 { "" } else { "s" }
        )];
        if let (Some(family), true) = (self.family, self.pointers > 0) {
            parts.push(format!(
                "{} phrase{} point at the {family}",
                self.pointers,
                if self.pointers == 1 { "" } else { "s" }
            ));
        }
        if let Some(phrase) = &self.explicit {
            parts.push(format!("dated \u{201c}{phrase}\u{201d}"));
        }
        if self.weekday_agrees {
            parts.push(format!("the weekday the text names agrees ({})", story.start.date().weekday()));
        }
        parts.join("; ")
    }
}

fn score(
    story: &StoryEvent,
    events: &HashMap<&str, &Event>,
    dates: &DatePhrases,
    pointers: &HashMap<&'static str, usize>,
) -> Score {
    let day = story.start.date();
    let mention_ids: Vec<&SmolStr> =
        story.events.iter().filter_map(|id| events.get(id.as_str())).flat_map(|e| e.mentions.iter()).collect();
    let explicit =
        mention_ids.iter().find_map(|id| dates.explicit.get(*id).filter(|(d, _)| *d == day)).map(|(_, t)| t.clone());
    let weekday = mention_ids.iter().any(|id| dates.weekdays.contains(*id));
    let family = families::family_of_label(&story.label);
    Score {
        sources: story.documents.len(),
        pointers: family.and_then(|f| pointers.get(f)).copied().unwrap_or(0),
        family,
        weekday_agrees: weekday && explicit.is_some(),
        explicit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(name: &str, dct: &str, text: &str) -> Document {
        let mut doc = Document::plain_text(name, text);
        doc.dct = Some(dct.to_string());
        doc
    }

    /// Regression: fifty wire articles of one day (no shared story) took as day zero the day of
    /// a meeting one article told of, because other articles wrote "after the meeting" of their
    /// own meetings.
    #[test]
    fn an_event_one_of_several_articles_reports_is_not_the_main_event() {
        let docs = vec![
            article("a.txt", "1997-04-01", "The ministers met on Friday. After the meeting, they left."),
            article("b.txt", "1997-04-01", "Shares fell on Tuesday. After the meeting of the board, prices rose."),
            article("c.txt", "1997-04-02", "After the meeting, the mayor resigned on Tuesday."),
        ];
        let (day, why) = infer(&docs).expect("a day");
        assert_eq!(day.to_string(), "1997-04-01", "{why}");
        assert!(why.contains("2 of the 3 articles"), "{why}");
    }

    #[test]
    fn an_event_two_articles_report_is_the_main_event() {
        let docs = vec![
            article("a.txt", "2017-03-23", "A bomb exploded in Leeds on Wednesday, killing two."),
            article("b.txt", "2017-03-24", "The bomb that exploded in Leeds on Wednesday was hidden in a van."),
        ];
        let (day, why) = infer(&docs).expect("a day");
        assert_eq!(day.to_string(), "2017-03-22", "{why}");
        assert!(why.contains("reported by 2 sources"), "{why}");
    }

    /// Pointing words are read in any case and look at most `POINTING_REACH` words ahead, also
    /// at the very end of a text (the reading that replaced a list of every word, lowered).
    #[test]
    fn pointing_words_count_the_family_within_reach() {
        let doc = Document::plain_text(
            "a.txt",
            "AFTER the Attack, police came. Following one two three four five fire. \
             During one two three four five six fire. Since the",
        );
        let counts = pointed_families_in(&doc);
        assert_eq!(counts.get("attack"), Some(&1));
        assert_eq!(counts.get("fire"), Some(&1), "the sixth word after 'Following', not the seventh after 'During'");
        assert_eq!(counts.values().sum::<usize>(), 2);
    }

    /// The explicit dates and weekdays the inference looks up are found under the ids the
    /// extraction gives their mentions, also in a text with source sentence breaks (TimeML
    /// `<s>` elements written back to back).
    #[test]
    fn date_phrases_carry_the_extraction_s_mention_ids() {
        let text = "Police came on Monday.The fire of March 3, 2017 was out.On Tuesday it rained.";
        let mut doc = article("a.txt", "2017-03-08", text);
        doc.breaks = vec![text.find("The fire").unwrap_or(0), text.find("On Tuesday").unwrap_or(0)];
        let timeline = build_timeline(std::slice::from_ref(&doc), &Settings { anchor: doc_day(), dct: None });
        let found = DatePhrases::find(&[&doc], &timeline);
        let ids: HashSet<&str> = timeline.mentions.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(found.explicit.len(), 1);
        assert_eq!(found.weekdays.len(), 2);
        assert!(found.explicit.keys().chain(found.weekdays.iter()).all(|id| ids.contains(id.as_str())));
    }

    fn doc_day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2017, 3, 8).unwrap_or_default()
    }
}
