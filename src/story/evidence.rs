//! What an event offers as evidence that it reports the same happening as another: the event
//! family of its own clause, the people and places its sentence names, and the content words of
//! its label. Words are interned (one number per distinct lower-case word) and kept as sorted
//! lists, so comparing two events is a merge of two short lists, with no allocation per word.

use super::families;
use crate::text::fast_hash::{FastMap, FastSet};
use crate::timeline::{Event, PlacementKind};
use std::sync::OnceLock;

/// The evidence of one event.
#[derive(Debug, Default)]
pub struct Evidence {
    pub family: Option<&'static str>,
    /// Word ids of the capitalised words of its sentence (not its first word, not function or
    /// time words), sorted and distinct.
    pub participants: Vec<u32>,
    /// Word ids of the content words of its label, sorted and distinct.
    pub content: Vec<u32>,
}

/// One number per distinct lower-case word.
#[derive(Default)]
pub struct Words {
    /// Each word seen, lower-cased, with its id (`None` for function and time words, which are
    /// remembered too, so each word is hashed once per use).
    ids: FastMap<String, Option<u32>>,
    names: Vec<String>,
    buffer: String,
}

impl Words {
    /// The id of `word` lower-cased, or `None` when it is a function or time word.
    fn id(&mut self, word: &str) -> Option<u32> {
        self.buffer.clear();
        if word.is_ascii() {
            self.buffer.push_str(word);
            self.buffer.make_ascii_lowercase();
        } else {
            self.buffer.extend(word.chars().flat_map(char::to_lowercase));
        }
        if let Some(&id) = self.ids.get(self.buffer.as_str()) {
            return id;
        }
        let excluded =
            function_words().contains(self.buffer.as_str()) || crate::tagger::lexicon::is_time_word(&self.buffer);
        let id = if excluded { None } else { u32::try_from(self.names.len()).ok() };
        if id.is_some() {
            self.names.push(self.buffer.clone());
        }
        self.ids.insert(self.buffer.clone(), id);
        id
    }

    /// The id of `word`, already lower-cased and known to be no function or time word.
    fn number(&mut self, word: &str) -> u32 {
        if let Some(&Some(id)) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(word.to_string());
        self.ids.insert(word.to_string(), Some(id));
        id
    }

    /// The word of `id`, with a capital first letter ("London").
    pub fn name(&self, id: u32) -> String {
        let word = self.names.get(id as usize).map_or("", String::as_str);
        let mut chars = word.chars();
        chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }
}

/// The evidence of `event`; only events with a family are ever compared, so the others get
/// nothing more.
pub fn of(event: &Event, words: &mut Words) -> Evidence {
    let Some(family) = families::family_of_label(event.extracted_label()) else { return Evidence::default() };
    Evidence {
        family: Some(family),
        participants: participants(&event.sentence.text, words),
        content: content_words(content_of(event, family), words),
    }
}

/// The family of each event's happening, for the events that may join another by rule; `None`
/// for the rest. An event placed by context joins no other by rule (`merge::matching_pairs`),
/// unless the user pinned it: its words would only crowd the blocks.
pub fn families(events: &[Event]) -> Vec<Option<&'static str>> {
    use rayon::prelude::*;
    events
        .par_iter()
        .map(|event| {
            let joins_by_rule = event.placement == PlacementKind::Phrase || event.story_pin.is_some();
            if joins_by_rule {
                families::family_of_label(event.extracted_label())
            } else {
                None
            }
        })
        .collect()
}

/// The evidence of every event, in order: its family (`families`), and, where `worth_reading`
/// says so, the names of its sentence and the content words of its label, as `of` gives them
/// (an event with no other in its block can match none, and is not read). The events of one
/// sentence are next to each other and share its participants, which are read once.
pub fn of_all(
    events: &[Event],
    families: &[Option<&'static str>],
    worth_reading: &[bool],
    words: &mut Words,
) -> Vec<Evidence> {
    use rayon::prelude::*;
    // Read on every core, a chunk of events at a time with words numbered within the chunk;
    // then the chunks' words are numbered in order into `words`, so every word gets the number
    // a reading in one pass would give it.
    let chunks: Vec<(Vec<Evidence>, Words)> = events
        .par_chunks(EVENTS_PER_CHUNK)
        .zip(families.par_chunks(EVENTS_PER_CHUNK))
        .zip(worth_reading.par_chunks(EVENTS_PER_CHUNK))
        .map(|((chunk, families), worth)| {
            let mut local = Words::default();
            (of_each(chunk, families, worth, &mut local), local)
        })
        .collect();
    // Numbering the chunks' words in order is the one serial step; the ids are then rewritten
    // on every core.
    let numbered: Vec<(Vec<Evidence>, Vec<u32>)> = chunks
        .into_iter()
        .map(|(evidence, local)| {
            let global: Vec<u32> = local.names.iter().map(|name| words.number(name)).collect();
            (evidence, global)
        })
        .collect();
    let renumbered: Vec<Vec<Evidence>> = numbered
        .into_par_iter()
        .map(|(mut evidence, global)| {
            let renumber = |ids: &mut Vec<u32>| {
                for id in ids.iter_mut() {
                    *id = global[*id as usize];
                }
                ids.sort_unstable();
            };
            for e in &mut evidence {
                renumber(&mut e.participants);
                renumber(&mut e.content);
            }
            evidence
        })
        .collect();
    let mut out = Vec::with_capacity(events.len());
    for mut evidence in renumbered {
        out.append(&mut evidence);
    }
    out
}

/// Events read per chunk by `of_all`.
const EVENTS_PER_CHUNK: usize = 4096;

/// The evidence of each event of `events` (with their `families` and whether each is worth
/// reading), in one pass.
fn of_each(
    events: &[Event],
    families: &[Option<&'static str>],
    worth_reading: &[bool],
    words: &mut Words,
) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::with_capacity(events.len());
    // The last event whose participants were read.
    let mut last_read: Option<usize> = None;
    for ((event, family), &worth) in events.iter().zip(families).zip(worth_reading) {
        let Some(family) = *family else {
            out.push(Evidence::default());
            continue;
        };
        if !worth {
            out.push(Evidence { family: Some(family), ..Evidence::default() });
            continue;
        }
        let same_sentence =
            last_read.filter(|&k| events[k].doc == event.doc && events[k].sentence.start == event.sentence.start);
        let participants = match same_sentence {
            Some(k) => out[k].participants.clone(),
            None => participants(&event.sentence.text, words),
        };
        last_read = Some(out.len());
        let content = content_words(content_of(event, family), words);
        out.push(Evidence { family: Some(family), participants, content });
    }
    out
}

fn sorted(mut ids: Vec<u32>) -> Vec<u32> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Capitalised words that are not the first of their sentence ("London", "Masood").
fn participants(sentence: &str, words: &mut Words) -> Vec<u32> {
    let mut out = Vec::new();
    let mut first = true;
    for raw in sentence.split_whitespace() {
        // Most words start with a lower-case letter: no name to read in them.
        let lower_case = raw.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
        if !lower_case && !first {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let word = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word);
            let capitalised = word.chars().next().is_some_and(char::is_uppercase) && word.len() > 1;
            if capitalised {
                out.extend(words.id(word));
            }
        }
        first = raw.ends_with(['.', '!', '?', ':', '“', '"']);
    }
    sorted(out)
}

/// The text whose words tell what happened: for a statement, what its sentence says was said
/// (two sources that both "said" something have that word and their speaker's words in common,
/// which tells nothing about whether they said the same thing, and a statement's label often
/// stops before what was said: "Mark Rowley told reporters"); for other families, the label.
fn content_of<'e>(event: &'e Event, family: &str) -> &'e str {
    if family == families::STATEMENT {
        families::what_is_said(&event.sentence.text)
    } else {
        event.extracted_label()
    }
}

/// Content words of a label: not function words, time words or words of one or two letters.
fn content_words(label: &str, words: &mut Words) -> Vec<u32> {
    let ids = label
        .split(|c: char| !families::is_word_char(c))
        .filter(|w| w.chars().nth(2).is_some())
        .filter_map(|w| words.id(w))
        .collect();
    sorted(ids)
}

/// Ids in both sorted lists.
pub fn shared(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Shared ids as a share of the shorter list (0 when either is empty).
pub fn overlap(a: &[u32], b: &[u32]) -> f64 {
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    shared(a, b).len() as f64 / shorter as f64
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "that", "this",
    "these", "those", "which", "who", "whom", "whose", "was", "were", "is", "are", "be", "been", "has", "have", "had",
    "his", "her", "its", "their", "our", "my", "your", "he", "she", "it", "they", "we", "you", "i", "as", "after",
    "before", "during", "while", "when", "also", "not", "no", "said", "says", "there", "than", "then", "into", "over",
    "about", "more", "most", "some", "such", "other", "would", "will", "could", "can", "may", "mr", "mrs", "ms", "dr",
];

fn function_words() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FUNCTION_WORDS.iter().copied().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_capitalised_words_after_the_first() {
        let mut words = Words::default();
        let ids = participants("Police said Khalid Masood drove across Westminster Bridge on Wednesday.", &mut words);
        let names: Vec<String> = ids.iter().map(|&id| words.name(id)).collect();
        assert_eq!(names.len(), 4, "{names:?}");
        assert!(names.contains(&"Westminster".to_string()) && !names.contains(&"Police".to_string()));
        assert!(!names.contains(&"Wednesday".to_string()), "time words are not participants");
    }

    #[test]
    fn evidence_of_all_is_evidence_of_each() {
        let text = "Police arrested Khalid Masood in London on Wednesday. The attack killed four.";
        let doc = crate::ingest::Document::plain_text("a.txt", text);
        let settings =
            crate::pipeline::Settings { anchor: chrono::NaiveDate::from_ymd_opt(2017, 3, 22).unwrap(), dct: None };
        let mut events = crate::pipeline::extract_document(&doc, "d1", &settings).events;
        let mut twin = events[0].clone();
        twin.label = "Police arrested Masood".into();
        events.insert(1, twin);
        let (mut one, mut all) = (Words::default(), Words::default());
        let each: Vec<Evidence> = events.iter().map(|e| of(e, &mut one)).collect();
        let worth = vec![true; events.len()];
        let together = of_all(&events, &families(&events), &worth, &mut all);
        let names = |e: &[Evidence], w: &Words| -> Vec<(Option<&str>, Vec<String>, Vec<String>)> {
            e.iter()
                .map(|x| {
                    let p = x.participants.iter().map(|&i| w.name(i)).collect();
                    (x.family, p, x.content.iter().map(|&i| w.name(i)).collect())
                })
                .collect()
        };
        assert!(together.iter().filter(|e| e.family.is_some()).count() >= 2);
        assert_eq!(names(&each, &one), names(&together, &all));
        // An event not worth reading keeps its family and nothing else.
        let mut worth = vec![true; events.len()];
        worth[1] = false;
        let partly = of_all(&events, &families(&events), &worth, &mut Words::default());
        assert_eq!(partly[1].family, together[1].family);
        assert!(partly[1].participants.is_empty() && partly[1].content.is_empty());
        assert_eq!(partly[0].participants.len(), together[0].participants.len());
    }

    #[test]
    fn shared_and_overlap_merge_sorted_lists() {
        assert_eq!(shared(&[1, 3, 5, 7], &[3, 4, 7]), vec![3, 7]);
        assert!((overlap(&[1, 2], &[2, 9, 10]) - 0.5).abs() < 1e-9);
        assert_eq!(overlap(&[], &[1]), 0.0);
    }
}
