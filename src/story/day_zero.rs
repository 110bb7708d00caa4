//! The story's day zero when the user gives none: the day of the story's main event. A first
//! extraction against a provisional day (the first publication date or full date written) builds
//! the story events; the main one is the event most sources report, that event-relative phrases
//! point at ("the morning after the attack", "24 hours after the man began his attack"), that an
//! explicit date places, and whose day the weekday the text names agrees with ("Wednesday's
//! attack" and "March 22, 2017"). Its day becomes day zero, with the reasons as the explanation.

use super::families;
use crate::ingest::Document;
use crate::pipeline::{
    build_timeline, extract_document, join, raw_mentions_by_block, DocumentResult, Observer, Reusable, Settings,
};
use crate::tagger::sem::Sem;
use crate::text::offsets::CharOffsets;
use crate::timeline::{SmolStr, StoryEvent, Timeline};
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
    let (provisional, provisional_why) = provisional_day(&docs.iter().collect::<Vec<_>>())?;
    let timeline = build_timeline(docs, &Settings { anchor: provisional, dct: None });
    let evidence: Vec<TextEvidence> = docs
        .par_iter()
        .zip(timeline.documents.par_iter())
        .map(|(doc, info)| TextEvidence::read(doc, &info.id))
        .collect();
    Some(main_event_day(&TextEvidence::joined(evidence), &timeline).unwrap_or((provisional, provisional_why)))
}

/// `infer`, and what its extraction leaves for the timeline under the day it finds: the whole
/// timeline when that is the provisional day, else the results of the documents the day zero
/// placed nothing in (a copy, kept before the story layer joined them). The others would be
/// extracted again under another day, so they are not copied (copying every document's results
/// held the first extraction twice at the peak).
pub fn infer_keeping(sources: &[(&str, &Document)], observer: Observer<'_>) -> Option<(NaiveDate, String, Reusable)> {
    let provisional = provisional_day(&sources.iter().map(|(_, doc)| *doc).collect::<Vec<_>>())?;
    let read =
        |settings: &Settings| sources.par_iter().map(|(id, doc)| read_document(doc, id, settings, observer)).unzip();
    Some(infer_from(provisional, read))
}

/// `infer_keeping` for `docs` under `ids`, letting go of each text once it is read, for a run
/// that writes from the timeline alone: the texts and the first extraction are never held at
/// once (on 20 MB of news, a fifth of that run's peak). The caller reads again the documents
/// it extracts again (those `Reusable::Documents` holds no result for).
pub fn infer_releasing_texts(
    ids: &[String],
    docs: &mut [Document],
    observer: Observer<'_>,
) -> Option<(NaiveDate, String, Reusable)> {
    let provisional = provisional_day(&docs.iter().collect::<Vec<_>>())?;
    let read = |settings: &Settings| {
        docs.par_iter_mut()
            .zip(ids.par_iter())
            .map(|(doc, id)| {
                let read = read_document(doc, id, settings, observer);
                doc.text = String::new();
                read
            })
            .unzip()
    };
    Some(infer_from(provisional, read))
}

/// One document extracted under the provisional day, and what its text tells the scoring.
fn read_document(
    doc: &Document,
    id: &str,
    settings: &Settings,
    observer: Observer<'_>,
) -> (DocumentResult, TextEvidence) {
    let result = extract_document(doc, id, settings);
    let evidence = TextEvidence::read(doc, id);
    observer();
    (result, evidence)
}

/// Day zero, why and what to reuse, from the documents `read` extracts (in order) under the
/// provisional day.
fn infer_from(
    (provisional, provisional_why): (NaiveDate, String),
    read: impl FnOnce(&Settings) -> (Vec<DocumentResult>, Vec<TextEvidence>),
) -> (NaiveDate, String, Reusable) {
    let (results, evidence) = read(&Settings { anchor: provisional, dct: None });
    let copies = results.iter().map(|r| (!r.uses_anchor).then(|| r.clone())).collect();
    let timeline = join(results, provisional);
    let evidence = TextEvidence::joined(evidence);
    let (day, why) = main_event_day(&evidence, &timeline).unwrap_or((provisional, provisional_why));
    let reusable =
        if day == provisional { Reusable::Timeline(Box::new(timeline)) } else { Reusable::Documents(copies) };
    (day, why, reusable)
}

/// What scoring story events reads in the texts (`score`), gathered while they are at hand.
struct Evidence {
    dates: DatePhrases,
    /// How many phrases of all the texts point at an event of each family.
    pointers: HashMap<&'static str, usize>,
    documents: usize,
}

/// What one text adds to `Evidence`.
struct TextEvidence {
    dates: Vec<(SmolStr, DatePhrase)>,
    pointers: HashMap<&'static str, usize>,
}

impl TextEvidence {
    fn read(doc: &Document, doc_id: &str) -> Self {
        TextEvidence { dates: DatePhrases::find_in(doc, doc_id), pointers: pointed_families_in(doc) }
    }

    /// The evidence of every text, in document order.
    fn joined(texts: Vec<TextEvidence>) -> Evidence {
        let documents = texts.len();
        let mut dates = DatePhrases { explicit: HashMap::new(), weekdays: HashSet::new() };
        let mut pointers = HashMap::new();
        for text in texts {
            dates.add(text.dates);
            for (family, count) in text.pointers {
                *pointers.entry(family).or_insert(0) += count;
            }
        }
        Evidence { dates, pointers, documents }
    }
}

/// The day of the story's main event in `timeline` (extracted from the texts `evidence` was
/// read in), and why.
fn main_event_day(evidence: &Evidence, timeline: &Timeline) -> Option<(NaiveDate, String)> {
    // With several articles, the main event is one that more than one of them reports: an event
    // only one article tells of is that article's, not the story's.
    let min_sources = evidence.documents.min(2);
    // What the date phrases say of each story event, read in one pass over the events (a scan
    // of every event per story made inferring day zero quadratic, a fifth of `extract` on 2,452
    // articles; an index of every event by id held a copy of the ids, 3% of the peak on 20 MB).
    let dates = dates_by_story(timeline, &evidence.dates);
    timeline
        .stories
        .iter()
        .filter(|s| s.granularity <= Granularity::Day)
        .map(|s| (score(s, dates.get(s.id.as_str()), &evidence.pointers), s))
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
    /// Adds one document's findings (`find_in`).
    fn add(&mut self, found: Vec<(SmolStr, DatePhrase)>) {
        for (id, phrase) in found {
            match phrase {
                DatePhrase::Full(date, text) => {
                    self.explicit.insert(id, (date, text));
                }
                DatePhrase::Weekday => {
                    self.weekdays.insert(id);
                }
            }
        }
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

/// How many phrases of one text point at an event of each family ("after the attack").
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

/// What the date phrases of one story event's events say (`dates_by_story`).
#[derive(Default)]
struct StoryDates<'t> {
    /// Each explicit full date: the id of the event holding it, the date and the phrase.
    explicit: Vec<(&'t str, NaiveDate, &'t str)>,
    /// Whether one of them is a bare weekday.
    weekday: bool,
}

/// `StoryDates` by story id, for the story events whose events hold a date phrase.
fn dates_by_story<'t>(timeline: &'t Timeline, dates: &'t DatePhrases) -> HashMap<&'t str, StoryDates<'t>> {
    let mut found: HashMap<&str, StoryDates> = HashMap::new();
    for event in &timeline.events {
        let Some(story) = event.story.as_deref() else { continue };
        for id in event.mentions.iter() {
            if let Some((date, text)) = dates.explicit.get(id) {
                found.entry(story).or_default().explicit.push((event.id.as_str(), *date, text.as_str()));
            } else if dates.weekdays.contains(id) {
                found.entry(story).or_default().weekday = true;
            }
        }
    }
    found
}

fn score(story: &StoryEvent, dates: Option<&StoryDates>, pointers: &HashMap<&'static str, usize>) -> Score {
    let day = story.start.date();
    // The phrase of the first event (by id, the order of `story.events`) dated that day.
    let explicit = dates
        .and_then(|found| found.explicit.iter().filter(|(_, date, _)| *date == day).min_by_key(|(event, _, _)| *event))
        .map(|(_, _, text)| text.to_string());
    let weekday = dates.is_some_and(|found| found.weekday);
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
        let found = TextEvidence::joined(vec![TextEvidence::read(&doc, &timeline.documents[0].id)]).dates;
        let ids: HashSet<&str> = timeline.mentions.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(found.explicit.len(), 1);
        assert_eq!(found.weekdays.len(), 2);
        assert!(found.explicit.keys().chain(found.weekdays.iter()).all(|id| ids.contains(id.as_str())));
    }

    fn doc_day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2017, 3, 8).unwrap_or_default()
    }
}
