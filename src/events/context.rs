//! Events of sentences with no time phrase of their own (issue #10 §1): "Police arrested eight
//! people." reports something that happened, and a reader places it from context. A sentence
//! that reports a happening (a past or present-perfect event verb, not a future, a modal or a
//! question) gets an event placed by, in this order: the event it points to ("after the
//! attack", "killed in the blast", "since the announcement", placement `relation`, from the date
//! the text gave that happening before the sentence on); the last time an earlier sentence
//! of its paragraph placed (placement `context`); or, for a lede in the past tense with a
//! publication date, that date (or the day before). A happening told in the present perfect
//! ("Crews have pulled two men from the ruins") counts up to the time of writing, so a past
//! time of its paragraph does not place it: the publication date does. A statement with no
//! time phrase ("The site is safe now, the fire chief said") sits on the publication date; in
//! wire copy filed a day or two before its date, both take the dateline's day (`ReportDay`),
//! and "It said" names the organisation that spoke last (`speaker`). Each says why, and none is
//! merged into a story event as if its time were stated. Examples: `context.corpus`, run by
//! `tests/context_corpus.rs`.

use super::label::{sentence_label, statement_label, undated_report_label};
use crate::resolve::named_events::{happening_key, is_event_noun, DatedHappening};
use crate::text::offsets::CharOffsets;
use crate::text::word_key::{key, WordTable};
use crate::text::SentenceSpan;
use crate::timeline::{DocId, Event, Mention, Placement, PlacementKind, SentenceRef};
use crate::timex::{day_label, Granularity};
use chrono::{Duration, NaiveDate, NaiveTime};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// A lede is one of the first sentences of an article (after its title).
const LEDE_SENTENCES: usize = 3;

/// Most words of a sentence that reports a happening or a statement; longer ones are lists,
/// tables or run-together text, read as neither.
const MAX_SENTENCE_WORDS: usize = 80;

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
    "allied",
    "talented",
    "crowded",
];

/// Verbs of saying: a sentence whose only past verb is one of these reports a statement, and
/// the timeline wants what was stated.
const REPORTING: &[&str] = &[
    "said",
    "told",
    "added",
    "stated",
    "reported",
    "announced",
    "claimed",
    "confirmed",
    "noted",
    "explained",
    "asked",
];

/// Words that make what follows them not (yet) a happening: modals, conditions and plans
/// ("were expected to be cremated"), and negations ("had not been the subject of", "no
/// intelligence collected": what did not happen).
const MODALS: &[&str] = &[
    "not",
    "no",
    "never",
    "nobody",
    "none",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hadn't",
    "hasn't",
    "haven't",
    "don't",
    "doesn't",
    "won't",
    "can't",
    "cannot",
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
    bare_words(sentence).map(|(w, capitalised)| (w.to_lowercase(), capitalised)).collect()
}

/// The words of a sentence without the punctuation around them, each with whether it starts
/// with a capital.
fn bare_words(sentence: &str) -> impl Iterator<Item = (&str, bool)> {
    sentence.split_whitespace().map(trimmed).filter(|w| !w.is_empty()).map(|w| (w, w.starts_with(char::is_uppercase)))
}

/// `bare_words` outside quotations: what a quote says ("“carried out the operation”, ISIS
/// claimed") is what someone said, not a happening the sentence tells. A quotation opens with a
/// word starting with a quotation mark (or the typewriter pair ``) and closes with a word ending
/// with one (or '').
fn unquoted_words(sentence: &str) -> impl Iterator<Item = (&str, bool)> {
    unquoted_raw_words(sentence).filter_map(|raw| {
        let w = trimmed(raw);
        (!w.is_empty()).then(|| (w, w.starts_with(char::is_uppercase)))
    })
}

/// The whitespace-separated words of `sentence` outside quotations (as `unquoted_words` tells
/// them), with their punctuation.
fn unquoted_raw_words(sentence: &str) -> impl Iterator<Item = &str> {
    let mut quoted = false;
    sentence.split_whitespace().filter(move |raw| {
        let opens = !quoted && (raw.starts_with(['\u{201c}', '"']) || raw.starts_with("``"));
        let core = raw.trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '\u{201d}' | '"' | '\''));
        let closes = (quoted || opens)
            && core.chars().count() > 1
            && (core.ends_with(['\u{201d}', '"']) || core.ends_with("''"));
        let inside = quoted || opens;
        quoted = inside && !closes;
        !inside
    })
}

/// Prefixes a hyphen may join to a verb ("re-elected", "co-founded"). Other hyphenated "-ed"
/// words are adjectives ("terror-related", "well-armed", "long-awaited").
const VERB_PREFIXES: &[&str] = &["re", "co", "pre", "de", "un", "mis", "over", "out", "cross"];

/// A regular past form: a word of letters ending in "-ed", or a listed prefix, a hyphen and one.
fn regular_past(word: &str) -> bool {
    let letters = |w: &str| w.bytes().all(|b| b.is_ascii_alphabetic());
    let verb = match word.split_once('-') {
        Some((prefix, rest)) => VERB_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(prefix)).then_some(rest),
        None => Some(word),
    };
    verb.is_some_and(|v| v.len() > 3 && v.ends_with("ed") && letters(v))
}

fn is_event_verb(word: &str, capitalised: bool) -> bool {
    if capitalised || REPORTING.contains(&word) || NOT_EVENT_ED.contains(&word) {
        return false;
    }
    let regular = regular_past(word);
    regular || EVENT_PAST_FORMS.contains(&word)
}

/// Whether `sentence` reports something that happened: an event verb in the past or present
/// perfect, with no modal or "if" before it, in a statement (not a question or a fragment) of 5
/// to 80 words. Runs once per sentence of every document, so it reads the words in one pass and
/// looks each one up once (`VerbWords`).
pub fn reports_a_happening(sentence: &str) -> bool {
    if is_question(sentence) {
        return false;
    }
    let mut count = 0;
    let mut verb_found = false;
    let mut after_determiner = false;
    for (word, capitalised) in unquoted_words(sentence) {
        count += 1;
        if count > MAX_SENTENCE_WORDS {
            return false;
        }
        if verb_found {
            continue;
        }
        let kind = verb_word(word);
        let determined = std::mem::replace(&mut after_determiner, kind == VerbWord::Determiner);
        match kind {
            // A capitalised word is a name or a sentence's first word, never its event verb; a
            // regular "-ed" form after a determiner describes a noun ("the armed men").
            VerbWord::Event => verb_found = !(capitalised || determined && regular_past(word)),
            // A modal before the first event verb: a plan or a possibility, whatever follows.
            VerbWord::Modal => return false,
            VerbWord::Determiner | VerbWord::Other => {}
        }
    }
    verb_found && count >= 5 && !is_credit_line(sentence)
}

/// How many words before its first event verb a sentence's "has"/"have" may stand ("has not
/// yet been steered").
const PERFECT_REACH: usize = 3;

/// Whether `sentence` tells its happening in the present perfect ("Two-thirds of the outflow
/// has been steered into other funds"): its first event verb (as `reports_a_happening` finds
/// it) follows "has" or "have" within `PERFECT_REACH` words. Such a happening counts up to the
/// time of writing, not to the past time the paragraph was at.
fn told_in_present_perfect(sentence: &str) -> bool {
    let words: Vec<(&str, bool)> = unquoted_words(sentence).take(MAX_SENTENCE_WORDS).collect();
    let first_event = words.iter().enumerate().position(|(k, (word, capitalised))| {
        let determined = k > 0 && verb_word(words[k - 1].0) == VerbWord::Determiner;
        verb_word(word) == VerbWord::Event && !capitalised && !(determined && regular_past(word))
    });
    first_event.is_some_and(|at| {
        words[at.saturating_sub(PERFECT_REACH)..at]
            .iter()
            .any(|(w, _)| w.eq_ignore_ascii_case("has") || w.eq_ignore_ascii_case("have"))
    })
}

/// Words after which an "-ed" form is an adjective, not the sentence's verb.
pub(super) const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "this"];

/// Whether a sentence asks something: it ends with a question mark, inside closing quotes or
/// brackets or not ("“Why have a war?”").
fn is_question(sentence: &str) -> bool {
    sentence.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201d}' | ')')).ends_with('?')
}

/// A news credit line ("Jane Roe contributed to this article."): who wrote, not what happened.
fn is_credit_line(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    while words.any(|w| w.eq_ignore_ascii_case("contributed")) {
        let mut next = words.clone();
        if next.next().is_some_and(|w| w.eq_ignore_ascii_case("to"))
            && next.next().is_some_and(|w| w.eq_ignore_ascii_case("this"))
        {
            return true;
        }
    }
    false
}

/// What a word is to `reports_a_happening`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum VerbWord {
    Event,
    Modal,
    /// A determiner (`DETERMINERS`): an "-ed" form right after it describes a noun.
    Determiner,
    Other,
}

const LISTED_REPORTING: u8 = 1;
const LISTED_NOT_EVENT_ED: u8 = 2;
const LISTED_PAST_FORM: u8 = 4;
const LISTED_MODAL: u8 = 8;
const LISTED_STATEMENT: u8 = 16;
const LISTED_NEGATION: u8 = 32;
const LISTED_DETERMINER: u8 = 64;

/// Negations: listed with the modals (what did not happen is no happening), but a statement
/// may follow them ("No one was hurt, police said").
const NEGATIONS: &[&str] = &["not", "no", "never"];

/// The lists `is_event_verb` and the modals read, as one table of flags by word key.
fn verb_lists() -> &'static WordTable<u8> {
    static TABLE: OnceLock<WordTable<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut flags: std::collections::BTreeMap<&str, u8> = std::collections::BTreeMap::new();
        let lists = [
            (REPORTING, LISTED_REPORTING),
            (NOT_EVENT_ED, LISTED_NOT_EVENT_ED),
            (EVENT_PAST_FORMS, LISTED_PAST_FORM),
            (MODALS, LISTED_MODAL),
            (STATEMENT_VERBS, LISTED_STATEMENT),
            (NEGATIONS, LISTED_NEGATION),
            (DETERMINERS, LISTED_DETERMINER),
        ];
        for (words, flag) in lists {
            for word in words {
                *flags.entry(word).or_default() |= flag;
            }
        }
        WordTable::new(&flags.into_iter().collect::<Vec<_>>())
    })
}

/// The lists `word` is in (`LISTED_*` flags), any case; 0 for a word too long for a key or not
/// ASCII, which no list holds.
fn listed(word: &str) -> u8 {
    key(word.as_bytes()).and_then(|k| verb_lists().get_key(k)).unwrap_or(0)
}

fn verb_word(word: &str) -> VerbWord {
    let Some(packed) = key(word.as_bytes()) else {
        // Longer than a key holds, or not ASCII: the lists hold no such word.
        let lower = word.to_lowercase();
        return if is_event_verb(&lower, false) { VerbWord::Event } else { VerbWord::Other };
    };
    let flags = verb_lists().get_key(packed).unwrap_or(0);
    let regular = regular_past(word);
    let excluded = flags & (LISTED_REPORTING | LISTED_NOT_EVENT_ED) != 0;
    if !excluded && (regular || flags & LISTED_PAST_FORM != 0) {
        VerbWord::Event
    } else if flags & LISTED_MODAL != 0 {
        VerbWord::Modal
    } else if flags & LISTED_DETERMINER != 0 {
        VerbWord::Determiner
    } else {
        VerbWord::Other
    }
}

/// The document a sentence is placed in: its text, sentences and what already placed events.
pub struct Context<'a> {
    pub doc_id: &'a DocId,
    pub text: &'a str,
    pub offsets: &'a CharOffsets,
    pub sentences: &'a [SentenceSpan],
    pub mentions: &'a [Mention],
    /// The document's events placed by their own time phrases, in text order.
    pub events: &'a [Event],
    /// Every date the text gave a named happening, where (the resolver's).
    pub happenings: &'a [DatedHappening],
    /// The day the document reports from, when it has a publication date.
    pub published: Option<ReportDay>,
}

/// The day a document's undated statements and lede were reported: its publication date, or
/// the date of its dateline when wire copy was filed a day or two before the date it carries
/// ("WASHINGTON, March 12 (Xinhua) --" in a story dated 13 March).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportDay {
    pub day: NaiveDate,
    pub published: NaiveDate,
}

/// How many days before its publication date a story's dateline may put its filing.
const DATELINE_REACH_DAYS: i64 = 2;

impl ReportDay {
    /// The publication date, moved to the dateline's day when the dateline is up to
    /// `DATELINE_REACH_DAYS` before it (never after it, never further back).
    pub fn new(published: NaiveDate, dateline: Option<NaiveDate>) -> Self {
        let filed = dateline.filter(|d| *d <= published && (published - *d).num_days() <= DATELINE_REACH_DAYS);
        ReportDay { day: filed.unwrap_or(published), published }
    }

    /// The day, as an explanation names it.
    fn describe(&self) -> String {
        if self.day == self.published {
            format!("the publication date {}", day_label(self.day))
        } else {
            format!("the dateline's date {} (published {})", day_label(self.day), day_label(self.published))
        }
    }
}

/// A placement found for a sentence: its interval, granularity, kind and why.
struct Placed {
    start: chrono::NaiveDateTime,
    end: chrono::NaiveDateTime,
    granularity: Granularity,
    kind: PlacementKind,
    why: String,
    /// Whether the sentence moves the paragraph's time to its own; not a state that runs up
    /// to the time of writing ("have queued since the announcement").
    moves_narrative: bool,
}

/// The time the narrative is at: the last time an earlier sentence of the paragraph placed,
/// what placed it (quoted) and in which sentence.
struct Reference {
    start: chrono::NaiveDateTime,
    end: chrono::NaiveDateTime,
    granularity: Granularity,
    by: String,
    sentence: usize,
    /// Whether a time phrase of its sentence set it (a dated statement, "Albright said on
    /// Tuesday that ...", is continued by a statement right after it: "She also said ...").
    phrased: bool,
}

/// How many sentences after a dated statement one with no time phrase may still continue it.
const CONTINUED_STATEMENT_REACH: usize = 2;

/// The context- and relation-placed events of a document's sentences that have no event, in
/// one pass over the sentences (each sentence, event and mention is looked at a bounded number
/// of times, so the cost stays linear on any text).
pub fn place(ctx: &Context) -> Vec<Event> {
    let mut by_sentence: HashMap<usize, Vec<&Event>> = HashMap::new();
    for e in ctx.events {
        by_sentence.entry(e.sentence.start).or_default().push(e);
    }
    let phrases: HashMap<&str, &str> = ctx.mentions.iter().map(|m| (m.id.as_str(), m.text.as_str())).collect();
    let happenings = Happenings::new(ctx.events, ctx.happenings);
    let mut reference: Option<Reference> = None;
    let mut paragraph_start = 0;
    let mut dated_so_far = false;
    let lower_words = std::cell::OnceCell::new();
    let mut speaker = super::speaker::LastSpeaker::default();
    let mut out = Vec::new();
    for (index, span) in ctx.sentences.iter().enumerate() {
        // A new paragraph starts from no time, unless a time phrase dated the sentence right
        // before it and that sentence told no statement: wire copy runs one sentence to a
        // paragraph ("Two bombs exploded … Friday. ¶ At least 74 were killed in Nairobi …"), but
        // after "Fallon said on Thursday that the attack …" the next paragraph may go back to the
        // attack itself. On TBAQ: recall 81.4 -> 83.0, precision 84.9 -> 85.1.
        if starts_paragraph(ctx, index) {
            paragraph_start = index;
            let carried = reference.as_ref().is_some_and(|r| {
                let told = || {
                    ctx.sentences.get(r.sentence).and_then(|s| ctx.text.get(s.start..s.end)).is_some_and(is_statement)
                };
                r.phrased && r.sentence + 1 == index && !told()
            });
            if !carried {
                reference = None;
            }
        }
        // A time carried into the paragraph places its first sentence only.
        if reference.as_ref().is_some_and(|r| r.sentence < paragraph_start && r.sentence + 1 < index) {
            reference = None;
        }
        let start_char = ctx.offsets.char_at(span.start);
        if let Some(events) = by_sentence.get(&start_char) {
            events.iter().for_each(|e| speaker.hear(&e.label, index));
            out.extend(undated_report(ctx, index, span));
            let placing = events.iter().filter(|e| e.granularity <= Granularity::Day && e.implied.is_none());
            if let Some(last) = placing.max_by_key(|e| e.start) {
                let by = quoted_phrase(&phrases, last);
                let (start, end, granularity) = (last.start, last.end, last.granularity);
                reference = Some(Reference { start, end, granularity, by, sentence: index, phrased: true });
            }
            dated_so_far |= events.iter().any(|e| e.implied.is_none());
            continue;
        }
        let Some(sentence) = ctx.text.get(span.start..span.end) else { continue };
        let placed = reports_a_happening(sentence)
            .then(|| {
                // A present perfect counts up to the time of writing: a past time the paragraph
                // was at does not place it.
                let perfect = std::cell::LazyCell::new(|| told_in_present_perfect(sentence));
                let in_paragraph = reference
                    .as_ref()
                    .filter(|r| told_by_then(ctx, r))
                    .filter(|r| !(before_report_day(ctx, r) && *perfect));
                by_relation(ctx, &happenings, &phrases, sentence, span)
                    .or_else(|| by_paragraph(in_paragraph, index))
                    .or_else(|| as_lede(ctx, index, dated_so_far))
                    .or_else(|| perfect.then(|| as_present_perfect(ctx)).flatten())
            })
            .flatten();
        if let Some(placed) = placed {
            let moves_narrative = placed.moves_narrative;
            let event = event_of(ctx, index, span, sentence, placed);
            if moves_narrative {
                let by = format!("the time of \u{201c}{}\u{201d}", event.label);
                let (start, end, granularity) = (event.start, event.end, event.granularity);
                reference = Some(Reference { start, end, granularity, by, sentence: index, phrased: false });
            }
            out.push(event);
        } else if let Some(placed) = is_statement(sentence)
            .then(|| continuing(ctx, reference.as_ref(), index).or_else(|| as_statement(ctx)))
            .flatten()
        {
            // What someone said is dated by the statement it continues, else by when it was
            // published; it does not move the narrative.
            let mut event = event_of(ctx, index, span, sentence, placed);
            // Read only when a label needs it: most documents never ask.
            let written_lower = |word: &str| lower_words.get_or_init(|| words_written_lower(ctx.text)).contains(word);
            event.label =
                statement_label(ctx.text, span.start, span.end, &mention_spans(ctx, index), &written_lower).into();
            // "It added that ...": the organisation that spoke last.
            if let Some(named) = speaker.resolve(&event.label, index) {
                event.label = named.into();
            }
            speaker.hear(&event.label, index);
            out.push(event);
        }
    }
    out
}

/// The words `text` writes in lower case somewhere (read at most once per document, when a
/// statement label first asks).
fn words_written_lower(text: &str) -> crate::text::fast_hash::FastSet<&str> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.starts_with(char::is_lowercase)).collect()
}

/// The time phrase that placed `event`, quoted ("“on Monday”"), or its day.
fn quoted_phrase(phrases: &HashMap<&str, &str>, event: &Event) -> String {
    match event.mentions.first().and_then(|id| phrases.get(id.as_str())) {
        Some(phrase) => format!("\u{201c}{phrase}\u{201d}"),
        None => day_label(event.start.date()),
    }
}

/// The happenings a sentence with no time phrase may point to by their noun: the dates the
/// resolver gave each noun (`DatedHappening`, by key, in text order), and each event noun's
/// first event whose label names it as one within its first three words ("A fire tore through
/// ...", "Terror attack in London"), not as part of a name ("Fire Chief Deborah May"), nor in
/// passing ("Investigators from the state fire marshal's office"). Built once per document.
struct Happenings<'a> {
    dated: HashMap<&'a str, Vec<&'a DatedHappening>>,
    first: HashMap<String, &'a Event>,
}

impl<'a> Happenings<'a> {
    fn new(events: &'a [Event], dated_in_text: &'a [DatedHappening]) -> Self {
        let mut dated: HashMap<&str, Vec<&DatedHappening>> = HashMap::new();
        for happening in dated_in_text {
            dated.entry(happening.key.as_str()).or_default().push(happening);
        }
        let mut first = HashMap::new();
        for e in events.iter().filter(|e| e.granularity <= Granularity::Day && e.implied.is_none()) {
            let words = words_of(&e.label);
            for (k, (w, _)) in words.iter().enumerate().take(3) {
                let in_a_name = words.get(k + 1).is_some_and(|(_, capitalised)| *capitalised);
                if is_event_noun(w) && !in_a_name {
                    first.entry(happening_key(w)).or_insert(e);
                }
            }
        }
        Happenings { dated, first }
    }

    /// The day and phrase the text had given the happening `noun` before byte `at`.
    fn dated_before(&self, noun: &str, at: usize) -> Option<&'a (NaiveDate, String)> {
        let log = self.dated.get(happening_key(noun).as_str())?;
        let before = log.partition_point(|h| h.at < at);
        log[..before].last()?.dated.as_ref()
    }
}

/// How a sentence relates its happening to a named one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// "after the attack", "following the vote": that day or the next.
    After,
    /// "killed in the attack", "injured during the blaze": the same time.
    During,
    /// "has not appeared since the announcement": from that day to the time of writing.
    Since,
    /// "were in the pit when the fire broke out": the same time.
    When,
}

/// How many words may describe the happening between "the" and its noun ("in the Kenya
/// embassy bombing").
const RELATION_MODIFIERS: usize = 3;

/// Words before an event noun that make it another happening than the one dated ("a second
/// attack", "the next vote").
const OTHER_OCCURRENCE: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "next", "new", "latest", "last", "previous", "earlier", "later",
    "another", "other", "recent", "upcoming", "planned", "proposed", "future", "possible",
];

/// The first "after/following/since/in/during/in the wake of the ... NOUN" outside quotations
/// in `sentence`, and "when the NOUN <past verb>": the relation and the event noun (lower case).
/// "during" inside a sentence must follow a verb, and "in" a verb of what the happening did or of
/// taking part (`SUFFERED_IN`): not a noun ("involvement in the attack", "the drivers in the
/// race"), nor "charged in the bombing", which was later.
fn named_happening(sentence: &str) -> Option<(Relation, String)> {
    let raw: Vec<&str> = unquoted_raw_words(sentence).take(MAX_SENTENCE_WORDS).collect();
    let word = |k: usize| bare(raw[k]);
    let ends_phrase = |k: usize| ends_phrase_word(raw[k]);
    (0..raw.len().saturating_sub(2)).find_map(|k| {
        let (relation, the) = match word(k).as_str() {
            "after" | "following" => (Relation::After, k + 1),
            "since" => (Relation::Since, k + 1),
            "in" if word(k + 1) == "the"
                && raw.get(k + 3).is_some_and(|w| bare(w) == "of")
                && word(k + 2) == "wake" =>
            {
                (Relation::After, k + 4)
            }
            "during" if k == 0 || told_by_verb(raw[k - 1]) => (Relation::During, k + 1),
            "in" if k == 0 || suffered_in(&raw[..k]) => (Relation::During, k + 1),
            "when" => (Relation::When, k + 1),
            _ => return None,
        };
        if ends_phrase(k) || raw.get(the).is_none_or(|w| ends_phrase_word(w) || bare(w) != "the") {
            return None;
        }
        let modifiers = if relation == Relation::When { 0 } else { RELATION_MODIFIERS };
        for j in the + 1..(the + 2 + modifiers).min(raw.len()) {
            let w = word(j);
            if is_event_noun(&w) && heads_its_phrase(&raw, j, relation) {
                return Some((relation, w));
            }
            let function_word = AFTER_A_HEAD.contains(&w.as_str()) || DETERMINERS.contains(&w.as_str());
            if ends_phrase(j) || OTHER_OCCURRENCE.contains(&w.as_str()) || function_word || w.is_empty() {
                return None;
            }
        }
        None
    })
}

/// A word without the punctuation around it (a hyphen stays: "re-elected").
fn trimmed(raw: &str) -> &str {
    raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// `trimmed`, lower case.
fn bare(raw: &str) -> String {
    trimmed(raw).to_lowercase()
}

/// Whether the raw word `raw` ends a phrase: punctuation after it.
fn ends_phrase_word(raw: &str) -> bool {
    raw.ends_with([',', ';', ':', '.', ')', '"', '\u{201d}', '!', '?', '\u{2014}'])
}

/// Whether the word before "during" tells the happening ("arrested during the raid").
fn told_by_verb(raw: &str) -> bool {
    !ends_phrase_word(raw) && is_event_verb(&bare(raw), false)
}

/// Verbs whose "in the attack" is the attack's own time: what it did to people and things, and
/// taking part. Not "arrested/charged/convicted in the attack", which tell of afterwards.
const SUFFERED_IN: &[&str] = &[
    "killed",
    "wounded",
    "injured",
    "hurt",
    "died",
    "perished",
    "damaged",
    "destroyed",
    "burned",
    "burnt",
    "razed",
    "flattened",
    "trapped",
    "lost",
    "participated",
    "part",
    "competed",
    "fought",
];

/// What a happening took from people, after a verb of `SUFFERED_IN` and a possessive ("lost
/// their lives in the fire").
const LOSSES: &[&str] = &["lives", "life", "homes", "home", "jobs"];

/// Whether the words `before` "in" end with what the happening did or who took part in it
/// ("killed in the blast", "took part in the ceremony", "lost their lives in the fire").
fn suffered_in(before: &[&str]) -> bool {
    let verb = |raw: &str| !ends_phrase_word(raw) && SUFFERED_IN.contains(&bare(raw).as_str());
    match before {
        [.., verb_word, owner, loss]
            if verb(verb_word)
                && ["their", "his", "her", "its"].contains(&bare(owner).as_str())
                && !ends_phrase_word(loss)
                && LOSSES.contains(&bare(loss).as_str()) =>
        {
            true
        }
        [.., last] => verb(last),
        [] => false,
    }
}

/// Words that may follow the noun heading a noun phrase: a preposition, a conjunction, a
/// relative or an auxiliary ("in the fire that", "in the attack on"), where "the fire marshal"
/// and "the vote count" go on naming something else.
const AFTER_A_HEAD: &[&str] = &[
    "in", "on", "at", "of", "near", "by", "against", "to", "from", "with", "outside", "inside", "for", "and", "or",
    "but", "that", "which", "who", "where", "when", "as", "was", "were", "is", "are", "had", "has", "have", "last",
    "this", "earlier", "there", "here",
];

/// Whether the word at `k` of the sentence's `raw` words ends its noun phrase: punctuation or the
/// sentence's end follows it, or a word of `AFTER_A_HEAD`, or a past form ("after the blast
/// killed ..."); after "when", only a past form ("when the fire broke out").
fn heads_its_phrase(raw: &[&str], k: usize, relation: Relation) -> bool {
    // "the bombings' victims": a possessive names something of the happening's.
    if raw[k].ends_with(['\'', '\u{2019}']) {
        return false;
    }
    let next = raw.get(k + 1).map(|w| bare(w));
    let next_is_past_verb = next.as_deref().is_some_and(|w| is_event_verb(w, false));
    if relation == Relation::When {
        return next_is_past_verb && !ends_phrase_word(raw[k]);
    }
    let Some(next) = next.filter(|_| !ends_phrase_word(raw[k])) else { return true };
    AFTER_A_HEAD.contains(&next.as_str()) || next_is_past_verb
}

/// A sentence about a named happening the document dates before it: "after the attack",
/// "following the vote" place it on that event's day or the next; "killed in the attack",
/// "injured during the blaze" on that event's own time; "since the announcement" from that day
/// to the publication date (none without one). The date is the one the text gave the happening
/// before the sentence (the resolver's), else the time of the first earlier event whose label
/// names it. A happening dated after the publication date is a plan, which a past sentence does
/// not follow.
fn by_relation(
    ctx: &Context,
    happenings: &Happenings,
    phrases: &HashMap<&str, &str>,
    sentence: &str,
    span: &SentenceSpan,
) -> Option<Placed> {
    let (relation, noun) = named_happening(sentence)?;
    let (start, pointed_end, granularity, phrase) = match happenings.dated_before(&noun, span.start) {
        Some((day, phrase)) => {
            let next = (*day + Duration::days(1)).and_time(NaiveTime::MIN);
            (day.and_time(NaiveTime::MIN), next, Granularity::Day, format!("\u{201c}{phrase}\u{201d}"))
        }
        None => {
            let start_char = ctx.offsets.char_at(span.start);
            let pointed = happenings.first.get(&happening_key(&noun)).filter(|e| e.sentence.start < start_char)?;
            (pointed.start, pointed.end, pointed.granularity, quoted_phrase(phrases, pointed))
        }
    };
    let day = start.date();
    if ctx.published.is_some_and(|report| day > report.published) {
        return None;
    }
    // "since" runs to the time of writing, which only a publication date gives.
    if relation == Relation::Since && ctx.published.is_none() {
        return None;
    }
    let (end, granularity, how, span_said) = match relation {
        Relation::After => (
            (day + Duration::days(2)).and_time(NaiveTime::MIN),
            Granularity::Day,
            "after",
            "that day or the next".to_string(),
        ),
        Relation::During | Relation::When => (pointed_end, granularity, "at the time of", "the same time".to_string()),
        Relation::Since => {
            let published = ctx.published.map_or(day, |report| report.published);
            let end = (published.max(day) + Duration::days(1)).and_time(NaiveTime::MIN);
            (end, Granularity::Day, "since", format!("from then to the publication date {}", day_label(published)))
        }
    };
    Some(Placed {
        start,
        end,
        granularity,
        kind: PlacementKind::Relation,
        why: format!(
            "no time phrase; {how} \u{201c}the {noun}\u{201d}, which {phrase} dates to {}: {span_said}",
            day_label(day)
        ),
        moves_narrative: relation != Relation::Since,
    })
}

/// Whether the paragraph's time `reference` is on or before the publication date: a
/// happening told in the past has happened by then, so a deadline or a plan ahead ("must be
/// returned by Jan. 14") places none.
fn told_by_then(ctx: &Context, reference: &Reference) -> bool {
    ctx.published.is_none_or(|report| reference.start.date() <= report.published)
}

/// Whether the paragraph's time `reference` is before the day the document reports from.
fn before_report_day(ctx: &Context, reference: &Reference) -> bool {
    ctx.published.is_some_and(|report| reference.start.date() < report.day)
}

/// A happening told in the present perfect, in a document with a publication date: it counts
/// up to the time of writing, so it sits on that date.
fn as_present_perfect(ctx: &Context) -> Option<Placed> {
    let report = ctx.published?;
    let why = format!("no time phrase; told in the present perfect, up to {}", report.describe());
    Some(on_publication_day(report.day, why))
}

fn by_paragraph(reference: Option<&Reference>, index: usize) -> Option<Placed> {
    let reference = reference?;
    let previous = reference.sentence + 1 == index;
    let which = if previous { "the previous sentence" } else { "an earlier sentence of the paragraph" };
    Some(Placed {
        start: reference.start,
        end: reference.end,
        granularity: reference.granularity,
        kind: PlacementKind::Context,
        why: format!("no time phrase; placed by {} in {which}", reference.by),
        moves_narrative: true,
    })
}

/// A lede in the past tense, with no time of its own and none before it: the publication date
/// (news tells the day's events first; the explanation says it may be the day before).
fn as_lede(ctx: &Context, index: usize, dated_before: bool) -> Option<Placed> {
    let report = ctx.published?;
    if index > LEDE_SENTENCES || dated_before {
        return None;
    }
    // The day before is likely too, unless a dateline already says when the story was filed.
    let hedge = if report.day == report.published { " (or the day before)" } else { "" };
    let why = format!("no time phrase; a lede in the past tense: {}{hedge}", report.describe());
    Some(on_publication_day(report.day, why))
}

/// Verbs that make a sentence a statement someone made: the reporting verbs, "says" (news
/// speaks of its own day in the present), and verbs of answering, judging and warning.
const STATEMENT_VERBS: &[&str] = &[
    "says",
    "denied",
    "insisted",
    "warned",
    "acknowledged",
    "admitted",
    "argued",
    "countered",
    "replied",
    "responded",
    "declared",
    "criticized",
    "criticised",
    "condemned",
    "praised",
    "welcomed",
    "urged",
    "vowed",
    "pledged",
    "promised",
    "accused",
    "blamed",
];

/// Whether a sentence with no time phrase is a statement someone made ("The FBI continues to
/// receive threats, Freeh said."): not a question, 5 to 80 words, its verb of saying outside any
/// quotation and not right after a modal ("would say", "could not be reached"); a modal
/// elsewhere belongs to what was said ("The charges will intensify the manhunt, Tolbert said").
fn is_statement(sentence: &str) -> bool {
    let words = sentence.split_whitespace().take(81).count();
    if is_question(sentence) || !(5..=MAX_SENTENCE_WORDS).contains(&words) {
        return false;
    }
    let mut since_modal = usize::MAX;
    unquoted_words(sentence).any(|(word, capitalised)| {
        let flags = listed(word);
        if flags & LISTED_MODAL != 0 && flags & LISTED_NEGATION == 0 {
            since_modal = 0;
            return false;
        }
        since_modal = since_modal.saturating_add(1);
        flags & (LISTED_REPORTING | LISTED_STATEMENT) != 0 && !capitalised && since_modal > 3
    })
}

/// A statement, in a document with a publication date: it was made by then, and news reports
/// the day's statements, so it sits on that date.
fn as_statement(ctx: &Context) -> Option<Placed> {
    let report = ctx.published?;
    let why = format!("no time phrase; a statement, dated by {}", report.describe());
    Some(on_publication_day(report.day, why))
}

/// A statement right after a dated one in its paragraph ("Albright said on Tuesday that ...
/// She also said ..."): the same occasion, so the same day.
fn continuing(ctx: &Context, reference: Option<&Reference>, index: usize) -> Option<Placed> {
    let reference = reference.filter(|r| r.phrased && index <= r.sentence + CONTINUED_STATEMENT_REACH)?;
    let dated_statement = || {
        let span = ctx.sentences.get(reference.sentence);
        span.and_then(|s| ctx.text.get(s.start..s.end)).is_some_and(is_statement)
    };
    (told_by_then(ctx, reference) && reference.granularity <= Granularity::Day && dated_statement()).then(|| Placed {
        start: reference.start,
        end: reference.end,
        granularity: reference.granularity,
        kind: PlacementKind::Context,
        why: format!("no time phrase; a statement continuing the one {} dates", reference.by),
        moves_narrative: true,
    })
}

/// A placement on the publication date, saying `why`.
fn on_publication_day(published: NaiveDate, why: String) -> Placed {
    Placed {
        start: published.and_time(NaiveTime::MIN),
        end: (published + Duration::days(1)).and_time(NaiveTime::MIN),
        granularity: Granularity::Day,
        kind: PlacementKind::Context,
        why,
        moves_narrative: true,
    }
}

/// A report whose own clause has no time phrase, while what it reports has one ("Boeing
/// announced that it had begun the project two years ago"): the report itself gets the
/// publication date, when the document has one, as an event of its own.
fn undated_report(ctx: &Context, index: usize, span: &SentenceSpan) -> Option<Event> {
    let report = ctx.published?;
    let label = undated_report_label(ctx.text, span.start, span.end, &mention_spans(ctx, index))?;
    let sentence = ctx.text.get(span.start..span.end)?;
    let why =
        format!("a report with no time phrase of its own (its phrase dates what it reports): {}", report.describe());
    let placed = on_publication_day(report.day, why);
    let mut event = event_of(ctx, index, span, sentence, placed);
    event.id = smol_str::format_smolstr!("{}-r{}", ctx.doc_id, ctx.offsets.char_at(span.start));
    event.label = label.into();
    Some(event)
}

/// The time phrases of sentence `index` as byte spans, each with whether it places something.
/// Mentions are in text order, so the sentence's run is found by binary search.
fn mention_spans(ctx: &Context, index: usize) -> Vec<(usize, usize, bool)> {
    let from = ctx.mentions.partition_point(|m| m.sentence < index);
    let to = ctx.mentions.partition_point(|m| m.sentence <= index).max(from);
    ctx.mentions[from..to].iter().map(|m| super::label_span(ctx.text, ctx.offsets, m)).collect()
}

/// Whether sentence `k` opens a paragraph: a blank line before it.
fn starts_paragraph(ctx: &Context, k: usize) -> bool {
    let (Some(previous), Some(this)) = (k.checked_sub(1).and_then(|p| ctx.sentences.get(p)), ctx.sentences.get(k))
    else {
        return true;
    };
    ctx.text.get(previous.end..this.start).is_some_and(|gap| gap.matches('\n').count() >= 2)
}

fn event_of(ctx: &Context, index: usize, span: &SentenceSpan, sentence: &str, placed: Placed) -> Event {
    let start_char = ctx.offsets.char_at(span.start);
    let inside = mention_spans(ctx, index);
    let label = sentence_label(ctx.text, span.start, span.end, &inside);
    let sentence = SentenceRef { start: start_char, end: ctx.offsets.char_at(span.end), text: Arc::from(sentence) };
    let place = Placement { start: placed.start, end: placed.end, granularity: placed.granularity };
    let mut event = Event::new(
        smol_str::format_smolstr!("{}-x{start_char}", ctx.doc_id),
        Arc::clone(ctx.doc_id),
        label,
        place,
        sentence,
    );
    event.placement = placed.kind;
    event.placement_explanation = Some(placed.why.into());
    event
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `reports_a_happening` as first written: every word lower-cased into a vector, then the
    /// first event verb and the modals before it.
    fn reports_a_happening_by_vector(sentence: &str) -> bool {
        let words: Vec<(String, bool)> = unquoted_words(sentence).map(|(w, c)| (w.to_lowercase(), c)).collect();
        if is_question(sentence) || !(5..=80).contains(&words.len()) || is_credit_line(sentence) {
            return false;
        }
        let described = |k: usize| k > 0 && DETERMINERS.contains(&words[k - 1].0.as_str()) && regular_past(&words[k].0);
        let Some(verb) = (0..words.len()).find(|&k| is_event_verb(&words[k].0, words[k].1) && !described(k)) else {
            return false;
        };
        !words[..verb].iter().any(|(w, _)| MODALS.contains(&w.as_str()))
    }

    #[test]
    fn one_pass_reading_decides_as_the_vector_did() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut sentences: Vec<String> = [
            "Shares could have risen further after the company announced cuts today.",
            "If the storm had hit, officials said, the town would have flooded badly.",
            "ÉLAN DIRECTORS RESIGNED on Monday after the vote was counted.",
            "An internationally-recognised-and-celebrated team arrived in town.",
            "Police arrested",
        ]
        .map(str::to_string)
        .to_vec();
        sentences.push("word ".repeat(79) + "arrested.");
        sentences.push("word ".repeat(80) + "arrested.");
        for dir in [root.join("assets/examples"), root.join("../shared/seeds")] {
            let mut paths: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
            paths.sort();
            for doc in paths.iter().filter_map(|p| crate::ingest::load(p).ok()) {
                let spans = crate::text::sentences::split(&doc.text);
                sentences.extend(spans.iter().map(|s| doc.text[s.start..s.end].to_string()));
            }
        }
        assert!(sentences.len() > 50);
        for sentence in &sentences {
            assert_eq!(reports_a_happening(sentence), reports_a_happening_by_vector(sentence), "{sentence}");
        }
    }

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
        assert!(!reports_a_happening("Police have not arrested anyone over the fire."), "a negation");
        assert!(!reports_a_happening("There was no intelligence collected about him."), "a negation");
        assert!(
            !reports_a_happening("The man “carried out the operation in response to calls”, the group claimed."),
            "what a quote says is no happening the sentence tells"
        );
        assert!(
            !reports_a_happening("The terror-related files are in six boxes at the archive."),
            "an adjective in -ed"
        );
        assert!(reports_a_happening("The federation has re-elected its president for a third term."));
        assert!(!reports_a_happening("Rain stopped."), "too short to be a report");
    }
}
