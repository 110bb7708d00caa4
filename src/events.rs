//! Events: one per sentence that carries a resolvable time, more when the sentence holds
//! several distinct dated times ("sent condolences on Thursday ... following Wednesday’s
//! attack"). Each gets a short timeline label cut from its clause, the finest time among its
//! mentions, and the sentence it came from.

use crate::text::offsets::CharOffsets;
use crate::text::SentenceSpan;
use crate::timeline::{Event, Mention, SentenceRef};

/// Words that open a new clause: the label of an event stays inside its clause.
const CLAUSE_WORDS: &[&str] = &[
    "after",
    "following",
    "because",
    "while",
    "when",
    "whereas",
    "although",
    "though",
    "but",
    "which",
    "who",
    "that",
    "before",
    "since",
    "until",
    "where",
    "including",
    "as",
    "amid",
];
/// Verbs of saying: "X said" is completed by what was said.
const REPORTING: &[&str] =
    &["said", "says", "told", "announced", "reported", "claimed", "stated", "added", "confirmed"];
const LEADING_NOISE: &[&str] =
    &["and", "but", "that", "which", "who", "after", "following", "because", "while", "when", "as"];
const PREPOSITIONS: &[&str] =
    &["on", "in", "at", "during", "by", "since", "until", "from", "of", "for", "early", "late"];
const MAX_LABEL_WORDS: usize = 14;

/// A word of the sentence with its byte span.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity((to - from) / 5);
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut at = from;
    while at < to {
        let b = bytes[at];
        // ASCII needs no decoding; other characters are decoded one at a time.
        let (width, is_space, is_mark) = if b < 0x80 {
            (1, b.is_ascii_whitespace(), matches!(b, b',' | b';' | b':' | b'"' | b'(' | b')'))
        } else {
            let ch = text[at..].chars().next().unwrap_or(' ');
            (ch.len_utf8(), ch.is_whitespace(), matches!(ch, '“' | '”' | '—' | '–'))
        };
        if is_space || is_mark {
            if let Some(s) = start.take() {
                out.push(Word { start: s, end: at, text: &text[s..at] });
            }
            if is_mark {
                out.push(Word { start: at, end: at + width, text: &text[at..at + width] });
            }
        } else if start.is_none() {
            start = Some(at);
        }
        at += width;
    }
    if let Some(s) = start {
        out.push(Word { start: s, end: to, text: &text[s..to] });
    }
    out
}

fn is_punct_word(w: &Word) -> bool {
    w.text.chars().all(|c| !c.is_alphanumeric())
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The word without surrounding punctuation.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `word` (without punctuation, any case) is one of `list`.
fn is_one_of(word: &str, list: &[&str]) -> bool {
    let word = bare(word);
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Clause boundaries: indices into `ws` where a new clause starts (never inside a mention).
fn clause_starts(ws: &[Word], inside_mention: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, w) in ws.iter().enumerate().skip(1) {
        if inside_mention(w.start) {
            continue;
        }
        if is_punct_word(w) || is_one_of(w.text, CLAUSE_WORDS) {
            starts.push(i);
        }
    }
    starts
}

fn join(ws: &[Word]) -> String {
    let mut out = String::new();
    for w in ws.iter().filter(|w| !is_punct_word(w) || w.text == "’" || w.text == "'") {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w.text);
    }
    out
}

fn tidy(mut ws: Vec<Word>) -> String {
    while ws.first().is_some_and(|w| is_punct_word(w) || is_one_of(w.text, LEADING_NOISE)) {
        ws.remove(0);
    }
    while ws.last().is_some_and(|w| is_punct_word(w) || is_one_of(w.text, PREPOSITIONS)) {
        ws.pop();
    }
    let long = ws.len() > MAX_LABEL_WORDS;
    ws.truncate(MAX_LABEL_WORDS);
    let mut label = join(&ws).trim_end_matches(['.', ',', ';', ':']).to_string();
    if long {
        label.push('…');
    }
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => label,
    }
}

/// A timeline label for the time phrase at bytes `[start, end)` of the sentence `[from, to)`.
fn label_for(text: &str, from: usize, to: usize, start: usize, end: usize, mentions: &[(usize, usize)]) -> String {
    // A label never needs more than a few clauses around its phrase; run-on "sentences" (tables,
    // scraped lists) stay cheap.
    let from = floor_char_boundary(text, from.max(start.saturating_sub(240)));
    let to = floor_char_boundary(text, to.min(end + 240));
    let ws = words(text, from, to);
    let inside = |at: usize| mentions.iter().any(|&(s, e)| at > s && at < e);
    let starts = clause_starts(&ws, inside);
    let clause_of = |i: usize| starts.iter().rposition(|&s| s <= i).unwrap_or(0);
    let Some(first) = ws.iter().position(|w| w.end > start) else {
        return tidy(ws);
    };
    let last = ws.iter().rposition(|w| w.start < end).unwrap_or(first);
    let clause = clause_of(first);
    let clause_start = starts[clause];
    let clause_end = starts.get(clause + 1).copied().unwrap_or(ws.len());

    // "Wednesday’s terror attack in London": the possessor's noun phrase is the event.
    let possessive = ws.get(last).is_some_and(|w| w.end < end || w.text.ends_with("’s") || w.text.ends_with("'s"));
    if possessive && last + 1 < clause_end {
        return tidy(ws[last + 1..clause_end].to_vec());
    }
    let mut before_end = first;
    while before_end > clause_start && is_one_of(ws[before_end - 1].text, PREPOSITIONS) {
        before_end -= 1;
    }
    let before: Vec<Word> = ws[clause_start..before_end].to_vec();
    let mention_ends_in_signal = is_one_of(ws[last].text, &["after", "before", "following"]);
    let signal_follows = ws.get(last + 1).is_some_and(|w| is_one_of(w.text, &["after", "before"]));
    let mut label: Vec<Word> = before.clone();
    if !(mention_ends_in_signal || signal_follows) {
        label.extend_from_slice(&ws[(last + 1).min(clause_end)..clause_end]);
    } else if before.len() < 2 && clause + 1 < starts.len() {
        // "The morning after the fire, relatives gathered": what follows the named event's
        // clause is what happened.
        let next_end = starts.get(clause + 2).copied().unwrap_or(ws.len());
        label = ws[clause_end..next_end].to_vec();
    }
    // "that claimed ... on March 22": a relative clause takes its antecedent.
    if clause > 0 && is_one_of(ws[clause_start].text, &["that", "which", "who"]) {
        let previous = &ws[starts[clause - 1]..clause_start];
        if previous.len() <= 6 && !previous.iter().any(is_punct_word) {
            let mut with_antecedent = previous.to_vec();
            with_antecedent.extend(label.iter().skip(1));
            label = with_antecedent;
        }
    }
    // "Fallon said on Thursday morning that ...": complete a bare report with what was said.
    let ends_in_report = label.last().is_some_and(|w| is_one_of(w.text, REPORTING));
    if (ends_in_report || label.iter().filter(|w| !is_punct_word(w)).count() < 3) && clause + 1 < starts.len() {
        let next_end = starts.get(clause + 2).copied().unwrap_or(ws.len());
        label.extend(ws[clause_end..next_end].iter().filter(|w| !is_one_of(w.text, &["that"])));
    }
    if label.is_empty() {
        return tidy(ws);
    }
    tidy(label)
}

/// Builds the events of one document from its resolved mentions (sorted by sentence, then time).
pub fn extract(
    doc_id: &str,
    text: &str,
    offsets: &CharOffsets,
    sentences: &[SentenceSpan],
    mentions: &[Mention],
) -> Vec<Event> {
    let mut events = Vec::new();
    let mut index = 0;
    while index < mentions.len() {
        let sentence = mentions[index].sentence;
        let same_sentence: Vec<&Mention> = mentions[index..].iter().take_while(|m| m.sentence == sentence).collect();
        index += same_sentence.len();
        let Some(span) = sentences.get(sentence) else { continue };
        let dated: Vec<&Mention> = same_sentence.iter().copied().filter(|m| m.interval.is_some()).collect();
        // Group mentions whose intervals overlap: they date the same happening.
        let mut groups: Vec<Vec<&Mention>> = Vec::new();
        for mention in dated {
            let Some(interval) = mention.interval else { continue };
            let home = groups.iter_mut().find(|g| {
                g.iter().any(|other| other.interval.is_some_and(|o| o.start < interval.end && interval.start < o.end))
            });
            match home {
                Some(group) => group.push(mention),
                None => groups.push(vec![mention]),
            }
        }
        let spans: Vec<(usize, usize)> =
            same_sentence.iter().map(|m| (offsets.byte_at(m.start), offsets.byte_at(m.end))).collect();
        for group in groups {
            let Some(finest) = group.iter().copied().min_by_key(|m| (m.granularity, m.start)) else { continue };
            let Some(interval) = finest.interval else { continue };
            let Some(granularity) = finest.granularity else { continue };
            let first = group.iter().copied().min_by_key(|m| m.start).unwrap_or(finest);
            let label =
                label_for(text, span.start, span.end, offsets.byte_at(first.start), offsets.byte_at(first.end), &spans);
            events.push(Event {
                id: String::new(),
                doc: doc_id.to_string(),
                label,
                start: interval.start,
                end: interval.end,
                granularity,
                mentions: group.iter().map(|m| m.id.clone()).collect(),
                sentence: SentenceRef {
                    start: offsets.char_at(span.start),
                    end: offsets.char_at(span.end),
                    text: text[span.start..span.end].to_string(),
                },
                edited: false,
                original: None,
                original_label: None,
                hidden: false,
            });
        }
    }
    for (n, event) in events.iter_mut().enumerate() {
        event.id = format!("{doc_id}-e{}", n + 1);
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(sentence: &str, phrase: &str) -> String {
        let start = sentence.find(phrase).unwrap();
        label_for(sentence, 0, sentence.len(), start, start + phrase.len(), &[(start, start + phrase.len())])
    }

    #[test]
    fn labels_read_like_timeline_entries() {
        let s = "President Xi Jinping sent his condolences on Thursday to Queen Elizabeth II following Wednesday’s terror attack in London that left four people dead.";
        assert_eq!(label(s, "Thursday"), "President Xi Jinping sent his condolences to Queen Elizabeth II");
        assert_eq!(label(s, "Wednesday"), "Terror attack in London");
        let s = "The claim from ISIS came 24 hours after the man began his attack in London.";
        assert_eq!(label(s, "24 hours"), "The claim from ISIS came");
        let s = "The morning after the fire, relatives of the missing guard gathered at the gate.";
        assert_eq!(label(s, "The morning after"), "Relatives of the missing guard gathered at the gate");
        let s = "Michael Fallon said on Thursday morning that the attack targeted Westminster because of it.";
        assert_eq!(label(s, "Thursday morning"), "Michael Fallon said the attack targeted Westminster");
    }
}
